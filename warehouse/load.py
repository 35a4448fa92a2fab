"""Write one batch of frames into the warehouse in one transaction; reruns change nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from schemas.tables import TABLES
from warehouse.connection import connect, read_sql

# Statements in the order they run; each reads the batch frames registered as batch_<table>.
_STEPS = ("load_articles", "clear_derived", "load_timexes", "load_events", "load_rejects")


def load(db: Path, frames: dict[str, pl.DataFrame]) -> None:
    """Upsert articles, replace their timexes and events, add rejects: all or nothing."""
    con = connect(db)
    try:
        load_batch(con, frames)
    finally:
        con.close()


def load_batch(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> None:
    for table in TABLES:
        frame = frames.get(table.name, table.empty_frame())
        if frame.columns != table.names:
            raise ValueError(f"{table.name} frame has columns {frame.columns}, expected {table.names}")
        con.register(f"batch_{table.name}", frame)
    con.execute("BEGIN TRANSACTION")
    try:
        for step in _STEPS:
            con.execute(read_sql(step))
        con.execute("COMMIT")
    except BaseException:
        # DuckDB 2 turns a COMMIT after a failed statement into a silent rollback; be explicit.
        con.execute("ROLLBACK")
        raise
    finally:
        for table in TABLES:
            con.unregister(f"batch_{table.name}")
