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
