"""Runs of the ingest flow and the files they processed: what incremental runs and `status` read."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl

from eventpipe.warehouse.connection import DEFAULT_WAIT, connect, read_sql


def start_run(
    db: Path, run_id: str, flow: str, inputs: str, started_at: datetime, wait: float = DEFAULT_WAIT
) -> dict[str, tuple[str, int, int, str, int, str]]:
    """Record a run as running; returns path -> (sha256, size, mtime_ns, status, articles, options)
    of every file processed before."""
    con = connect(db, wait=wait)
    try:
        con.execute(read_sql("start_run"), {"run_id": run_id, "flow": flow, "inputs": inputs, "started_at": started_at})
        return {row[0]: tuple(row[1:]) for row in con.execute(read_sql("known_files")).fetchall()}
    finally:
        con.close()


def finish_run(db: Path, run_id: str, outcome: dict, wait: float = DEFAULT_WAIT) -> None:
    """Record how a run ended: `outcome` has finished_at, status, the counts and error."""
    con = connect(db, wait=wait)
    try:
        con.execute(read_sql("finish_run"), {"run_id": run_id, **outcome})
    finally:
        con.close()


def forget_run(db: Path, run_id: str, wait: float = DEFAULT_WAIT) -> None:
    """Remove a run's row: a scheduled run that found nothing new leaves none."""
    con = connect(db, wait=wait)
    try:
        con.execute(read_sql("forget_run"), {"run_id": run_id})
    finally:
        con.close()


def last_runs(db: Path, limit: int = 10, wait: float = DEFAULT_WAIT) -> pl.DataFrame:
    con = connect(db, read_only=True, wait=wait)
    try:
        return con.sql(read_sql("last_runs"), params={"limit": limit}).pl()
    finally:
        con.close()
