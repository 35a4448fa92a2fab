"""Open the warehouse file, create its tables from `schemas/`, read SQL files by name."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import duckdb

from schemas.tables import TABLES

DEFAULT_DB = Path("warehouse/events.duckdb")


class WarehouseError(Exception):
    """A warehouse problem a user can act on (missing file, locked file, bad query)."""


@cache
def read_sql(name: str) -> str:
    """The text of warehouse/sql/<name>.sql."""
    return resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file; a writable one also creates missing tables."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path} (run `eventpipe run PATH --db {path}` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as error:
        raise WarehouseError(f"cannot open {path}: {str(error).splitlines()[0]}") from error
    if not read_only:
        create_tables(con)
    return con


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for table in TABLES:
        con.execute(table.ddl())
