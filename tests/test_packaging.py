"""What pyproject.toml promises an installer."""

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def requirement_names() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in project["dependencies"]}


def test_lxml_html_clean_is_a_direct_dependency():
    """HTML pages need lxml.html.clean (through jusText); pip 23 does not install it from lxml's
    `html-clean` extra, so the package itself is a dependency."""
    assert "lxml-html-clean" in requirement_names()


def test_every_dependency_imports():
    import importlib

    for module in ("prefect", "prefect_dask", "polars", "duckdb", "dateparser", "pyarrow", "trafilatura", "htmldate",
                   "ftfy", "feedparser", "py3langid", "httpx", "lxml_html_clean", "lxml.html.clean"):
        importlib.import_module(module)


def test_every_package_folder_is_installed_under_eventpipe():
    """Each folder of a layer that holds an __init__.py is a package listed in pyproject.toml, as
    eventpipe.<folder path>, mapped from its own folder: a new subpackage left out would not install."""
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {"eventpipe"} | {
        "eventpipe." + ".".join(init.parent.relative_to(REPO).parts)
        for layer in ("schemas", "transforms", "warehouse", "flows")
        for init in (REPO / layer).rglob("__init__.py")
    }
    assert set(setuptools["packages"]) == found
    assert setuptools["package-dir"] == {"eventpipe": "eventpipe"} | {
        f"eventpipe.{layer}": layer for layer in ("schemas", "transforms", "warehouse", "flows")}


def test_only_eventpipe_is_importable_outside_the_repository(tmp_path):
    """Installed, the layers live under eventpipe: from another folder `import eventpipe.flows` works
    and a top-level `flows` (a name any project may use) does not exist."""
    import subprocess
    import sys

    script = ("import importlib.util, eventpipe.flows.cli, eventpipe.warehouse.connection\n"
              "print([n for n in ('flows', 'transforms', 'schemas', 'warehouse') if importlib.util.find_spec(n)])\n"
              "print(eventpipe.warehouse.connection.connect('w.duckdb').execute('select count(*) from cameo_codes').fetchone()[0])")
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    top_level, codes = out.stdout.split("\n")[:2]
    assert top_level == "[]"
    assert int(codes) > 200  # package data (migrations, codes) read from the installed package
