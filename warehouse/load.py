"""Write one batch of frames into the warehouse in one transaction; reruns change nothing.

The clustering of mentions into events is a pure function the caller passes in (flows passes
transforms.clusters.cluster), so that the warehouse stays free of the transforms and the events
are rebuilt in the same transaction as the mentions they come from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl

from eventpipe.schemas.tables import (
    ARTICLES, CLUSTER_INPUT, EVENT_MENTIONS, EVENTS, FILE_ARTICLES, FILES, MENTIONS, READ_FILES, REJECTS, TIMEXES,
)
from eventpipe.warehouse.connection import DEFAULT_WAIT, connect, read_sql

# (events, event_mentions) from mentions with the columns of CLUSTER_INPUT.
Cluster = Callable[[pl.DataFrame], tuple[pl.DataFrame, pl.DataFrame]]

BATCH_TABLES = (ARTICLES, TIMEXES, MENTIONS, REJECTS, FILES, FILE_ARTICLES, READ_FILES)  # registered as batch_<name>
# Statements in the order they run; each reads the batch frames registered as batch_<table>.
_STEPS = (
    "load_articles", "relink_files", "cluster_touched", "clear_derived", "load_timexes", "load_mentions",
    "load_mention_keys", "load_rejects", "clear_rejects", "load_files",
)


def load(db: Path, frames: dict[str, pl.DataFrame], cluster: Cluster | None, wait: float = DEFAULT_WAIT) -> list[str]:
    """Upsert articles, replace their timexes and mentions, link them to the files that hold them
    (and remove the articles no input holds any more), rebuild the events they touch, replace the
    rejects of the files read, record the files: all or nothing. The file is held only for the
    transaction; while another process holds it, wait up to `wait` seconds (then WarehouseError,
    and nothing of the batch is stored). Returns the ids of the rejects it cleared."""
    con = connect(db, wait=wait)
    try:
        return load_batch(con, frames, cluster)
    finally:
        con.close()


def load_batch(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame], cluster: Cluster | None) -> list[str]:
    registered = []
    for table in BATCH_TABLES:
        frame = frames.get(table.name, table.empty_frame())
        if frame.columns != table.names:
            raise ValueError(f"{table.name} frame has columns {frame.columns}, expected {table.names}")
        if frame.height != frame.select(table.key).n_unique():
            raise ValueError(f"{table.name} frame repeats a key {table.key}; deduplicate the batch first")
        con.register(f"batch_{table.name}", frame)
        registered.append(f"batch_{table.name}")
    con.execute("BEGIN TRANSACTION")
    try:
        for step in _STEPS:
            con.execute(read_sql(step))
        if cluster is not None:
            registered += _recluster(con, cluster)
        cleared = [reject_id for (reject_id,) in con.execute("SELECT reject_id FROM cleared").fetchall()]
        con.execute("COMMIT")
        return cleared
    except BaseException:
        # DuckDB 2 turns a COMMIT after a failed statement into a silent rollback; be explicit.
        con.execute("ROLLBACK")
        raise
    finally:
        for name in registered:
            con.unregister(name)


def settle(db: Path, cluster: Cluster, wait: float = DEFAULT_WAIT) -> int:
    """Cluster every mention that has no event yet (after a migration); returns how many there were."""
    con = connect(db, wait=wait)
    try:
        unlinked = con.execute(
            "SELECT count(*) FROM mentions ANTI JOIN event_mentions USING (mention_id)"
        ).fetchall()[0][0]
        if unlinked:
            load_batch(con, {}, cluster)
        return unlinked
    finally:
        con.close()


def _recluster(con: duckdb.DuckDBPyConnection, cluster: Cluster) -> list[str]:
    con.execute(read_sql("cluster_reach_start"))
    size = con.execute("SELECT count(*) FROM reach").fetchall()[0][0]
    while True:  # reach only grows, within a finite table
        con.execute(read_sql("cluster_reach_grow"))
        grown = con.execute("SELECT count(*) FROM reach").fetchall()[0][0]
        if grown == size:
            break
        size = grown
    columns = ", ".join(f'"{name}"' for name in CLUSTER_INPUT.names)
    mentions = con.sql(
        f"SELECT {columns} FROM stg_mentions WHERE mention_id IN (SELECT mention_id FROM reach)"
    ).pl()
    events, links = cluster(mentions)
    if events.columns != EVENTS.names or links.columns != EVENT_MENTIONS.names:
        raise ValueError("the clustering returned frames that do not match the events tables")
    con.register("batch_events", events)
    con.register("batch_event_mentions", links)
    con.execute(read_sql("cluster_replace"))
    return ["batch_events", "batch_event_mentions"]
