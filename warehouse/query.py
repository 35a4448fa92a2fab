"""Read-only SQL against the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from warehouse.connection import WarehouseError, connect, read_sql


def query(db: Path, sql: str) -> pl.DataFrame:
    """Run one read-only query and return its rows."""
    con = connect(db, read_only=True)
    try:
        relation = con.sql(sql)
        return relation.pl() if relation is not None else pl.DataFrame()
    except duckdb.Error as error:
        raise WarehouseError(str(error).splitlines()[0]) from error
    finally:
        con.close()


def table_counts(db: Path) -> dict[str, int]:
    """Rows in each table."""
    rows = query(db, read_sql("table_counts")).rows()
    return {name: count for name, count in rows}
