"""What the warehouse holds and what it means: the code tables' rows, COMMENT ON every table, view and
column (from schemas/), and the listing `eventpipe schema` prints.

Both are refreshed each time the file is opened for writing (after the migrations and views), and
only where they differ from what this version says, so an open usually writes nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import polars as pl

from eventpipe.schemas.tables import CODE_TABLES, SCHEMA_VERSION, TABLES, Table
from eventpipe.schemas.views import VIEWS
from eventpipe.warehouse.connection import DEFAULT_WAIT, connect, migrate

# Every table and view with a meaning, in the order `schema` lists them.
DOCUMENTED_TABLES: tuple[Table, ...] = (*TABLES, SCHEMA_VERSION, *CODE_TABLES)


@functools.cache
def code_rows(table: Table) -> pl.DataFrame:
    """The rows of a code table, from warehouse/codes/<name>.csv (written by tools/derive_codes.py), by key."""
    path = resources.files(__package__).joinpath("codes", f"{table.name}.csv")
    with resources.as_file(path) as file:
        return pl.read_csv(file, schema=table.polars_schema()).sort(list(table.key))


def meanings() -> dict[tuple[str, str | None], str]:
    """(table or view, column or None) -> its meaning, as schemas/ gives it."""
    found: dict[tuple[str, str | None], str] = {}
    for table in DOCUMENTED_TABLES:
        found[(table.name, None)] = table.meaning
        found.update({(table.name, column.name): column.meaning for column in table.columns})
    for view in VIEWS:
        found[(view.name, None)] = view.meaning
        found.update({(view.name, column.name): column.meaning for column in view.columns})
    return found


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the code tables and set the comments where they differ from this version's, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in CODE_TABLES:
            _refresh_codes(con, table)
        for statement in _comment_statements(con):
            con.execute(statement)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _refresh_codes(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    wanted = code_rows(table)
    order = ", ".join(f'"{name}"' for name in table.key)
    if con.sql(f'SELECT * FROM "{table.name}" ORDER BY {order}').pl().equals(wanted):
        return
    con.register("batch_codes", wanted)
    try:
        con.execute(f'DELETE FROM "{table.name}"')
        con.execute(f'INSERT INTO "{table.name}" BY NAME SELECT * FROM batch_codes')
    finally:
        con.unregister("batch_codes")


def _comment_statements(con: duckdb.DuckDBPyConnection) -> list[str]:
    """COMMENT ON statements for the tables, views and columns whose comment is not their meaning.

    DuckDB's COMMENT ON takes a literal, not a bound value: the meanings (our own text in schemas/,
    never input) are written as SQL string literals, quotes doubled."""
    kinds = dict(con.execute(
        "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE schema_name = 'main' "
        "UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall())
    current = {(name, None): comment for name, comment in con.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' "
        "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall()}
    current.update({(table, column): comment for table, column, comment in con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'"
    ).fetchall()})
    statements = []
    for (name, column), meaning in meanings().items():
        if name not in kinds or (name, column) not in current or current[(name, column)] == meaning:
            continue
        text = "'" + meaning.replace("'", "''") + "'"
        if column is None:
            statements.append(f'COMMENT ON {kinds[name]} "{name}" IS {text}')
        else:
            statements.append(f'COMMENT ON COLUMN "{name}"."{column}" IS {text}')
    return statements


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str  # table or view
    meaning: str
    columns: tuple[tuple[str, str, str], ...]  # (name, DuckDB type, meaning)


def describe(db: Path, name: str | None = None, wait: float = DEFAULT_WAIT) -> list[Entry]:
    """The tables and views of the warehouse at `db` (opened read-only) with their columns, types and
    meanings, or only `name`; without a warehouse file, those this version creates."""
    if Path(db).exists():
        con = connect(db, read_only=True, wait=wait)
    else:
        con = duckdb.connect()
        migrate(con)
    try:
        known = meanings()
        objects = con.execute(
            "SELECT table_name, 'table' FROM duckdb_tables() WHERE schema_name = 'main' "
            "UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
        ).fetchall()
        columns: dict[str, list[tuple[str, str, str]]] = {}
        for table, column, dtype in con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
            "ORDER BY table_name, column_index"
        ).fetchall():
            columns.setdefault(table, []).append((column, dtype, known.get((table, column), "")))
    finally:
        con.close()
    order = {key: index for index, key in enumerate(key for key in known if key[1] is None)}
    entries = [Entry(table, kind, known.get((table, None), ""), tuple(columns.get(table, [])))
               for table, kind in objects if name is None or table.lower() == name.lower()]
    return sorted(entries, key=lambda entry: (order.get((entry.name, None), len(order)), entry.name))
