"""Schemas are the single source of truth: the warehouse and the layers must agree with them."""

import ast
from pathlib import Path

import duckdb
import pytest

from eventpipe.schemas import enums
from eventpipe.schemas.tables import TABLES, duckdb_type
from eventpipe.warehouse.connection import connect

REPO = Path(__file__).resolve().parents[1]

LAYERS = ("schemas", "transforms", "warehouse", "flows")  # installed as eventpipe.<layer>

# Which packages each layer may import (besides the stdlib and the libraries named): a layer by its
# name (`eventpipe.transforms...` counts as `transforms`), a library by its top-level module.
ALLOWED = {
    "schemas": {"schemas", "polars"},
    # plus pure parsing libraries: main text and metadata of HTML pages, their dates, feeds,
    # mojibake repair, language identification, and the dependency parser (its model is package
    # data, loaded once per process like an imported module) with thinc, the network library it runs
    # on (coding/parse.py picks thinc's matrix-product backend when the model loads)
    "transforms": {"schemas", "transforms", "polars", "dateparser", "trafilatura", "htmldate", "feedparser", "ftfy",
                   "py3langid", "spacy", "thinc"},
    "warehouse": {"schemas", "warehouse", "duckdb", "polars", "pyarrow"},
    "flows": {"schemas", "transforms", "warehouse", "flows", "prefect", "polars", "httpx", "prefect_dask", "rich",
              "bokeh"},
}
FORBIDDEN_IN_TRANSFORMS = {"os", "pathlib", "io", "glob", "shutil", "socket", "urllib", "time", "random"}


def _named(module: str) -> str:
    """`eventpipe.transforms.events` -> `transforms`; `eventpipe` alone stays `eventpipe` (the API,
    which imports flows); a top-level `transforms` (not installed) -> `top-level transforms`."""
    parts = module.split(".")
    if parts[0] == "eventpipe":
        return parts[1] if len(parts) > 1 else "eventpipe"
    return f"top-level {parts[0]}" if parts[0] in LAYERS else parts[0]


def imports_of(path: Path, where: str | None = None) -> set[str]:
    """The layers and libraries a file imports; `where` is its path in the repository (default: its own)."""
    folders = Path(where or path.relative_to(REPO)).parts[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(_named(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:  # within its layer unless it climbs to eventpipe
            if node.level <= len(folders):
                names.add(folders[0])
            else:
                names.update([node.module.split(".")[0]] if node.module else [alias.name for alias in node.names])
        elif isinstance(node, ast.ImportFrom) and node.module == "eventpipe":
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(_named(node.module))
    return names


def test_imports_of_names_layers_under_eventpipe(tmp_path):
    path = tmp_path / "example.py"
    path.write_text("import eventpipe.flows.ingest\nfrom eventpipe.transforms.events import Event\n"
                    "from eventpipe import warehouse\nimport schemas.enums\nimport polars as pl\n", encoding="utf-8")
    assert imports_of(path, "flows/example.py") == {"flows", "transforms", "warehouse", "top-level schemas", "polars"}
    path.write_text("from . import parse\nfrom .. import clusters\n", encoding="utf-8")
    assert imports_of(path, "transforms/coding/example.py") == {"transforms"}
    path.write_text("from ..warehouse import query\n", encoding="utf-8")
    assert imports_of(path, "flows/example.py") == {"warehouse"}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_what_they_may(layer):
    import sys

    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    for path in sorted((REPO / layer).rglob("*.py")):
        assert not {f"top-level {name}" for name in LAYERS} & imports_of(path), f"{path} imports a layer not as eventpipe.<layer>"
        third_party = imports_of(path) - stdlib
        assert third_party <= ALLOWED[layer], f"{path.relative_to(REPO)} imports {third_party - ALLOWED[layer]}"
        if layer == "transforms":
            assert not imports_of(path) & FORBIDDEN_IN_TRANSFORMS, f"{path.relative_to(REPO)} does IO or reads the clock"


def test_nothing_imports_flows():
    for layer in ("schemas", "transforms", "warehouse"):
        for path in (REPO / layer).rglob("*.py"):
            assert "flows" not in imports_of(path), path


def test_tables_in_the_warehouse_match_the_schemas(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    for table in TABLES:
        described = con.sql(f'describe "{table.name}"').fetchall()
        assert [(row[0], row[1], row[2]) for row in described] == [
            (c.name, duckdb_type(c.dtype), "YES" if c.nullable else "NO") for c in table.columns
        ]
    con.close()


def test_every_table_has_a_key_of_its_own_columns_and_a_meaning_per_column():
    for table in TABLES:
        assert set(table.key) <= set(table.names)
        assert len(set(table.names)) == len(table.names)
        assert all(column.meaning for column in table.columns)


def test_primary_keys_reject_duplicates(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    con.execute("insert into rejects values ('r1', 'a.txt', 'empty file', 'error', now())")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("insert into rejects values ('r1', 'b.txt', 'empty file', 'error', now())")
    con.close()


def test_enums_have_no_duplicates():
    for values in (enums.PRECISIONS, enums.TIMEX_TYPES, enums.PUBLISHED_SOURCES, enums.DATE_SOURCES):
        assert len(set(values)) == len(values)
