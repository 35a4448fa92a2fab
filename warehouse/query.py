"""SQL against the warehouse: queries (read-only unless asked), checks, and table counts."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import polars as pl

from warehouse.connection import DEFAULT_WAIT, WarehouseError, connect, read_sql


def query(db: Path, sql: str, *, write: bool = False, wait: float = DEFAULT_WAIT) -> pl.DataFrame:
    """Run one query and return its rows; read-only unless `write`."""
    con = connect(db, read_only=not write, wait=wait)
    try:
        relation = con.sql(sql)
        return relation.pl() if relation is not None else pl.DataFrame()
    except duckdb.Error as error:
        raise WarehouseError(str(error).splitlines()[0]) from error
    finally:
        con.close()


def table_counts(db: Path, wait: float = DEFAULT_WAIT) -> dict[str, int]:
    """Rows in each table."""
    rows = query(db, read_sql("table_counts"), wait=wait).rows()
    return {name: count for name, count in rows}


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    meaning: str  # the comment its SQL file opens with
    offending: pl.DataFrame


def run_checks(db: Path, wait: float = DEFAULT_WAIT) -> list[Check]:
    """Run every query of warehouse/checks/; each returns the rows that break a rule."""
    folder = resources.files("warehouse").joinpath("checks")
    con = connect(db, read_only=True, wait=wait)
    try:
        checks = []
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".sql"):
                continue
            sql = entry.read_text(encoding="utf-8")
            comment = []
            for line in sql.splitlines():
                if not line.startswith("--"):
                    break
                comment.append(line[2:].strip())
            meaning = " ".join(comment)
            checks.append(Check(entry.name[:-4], meaning, con.sql(sql).pl()))
        return checks
    finally:
        con.close()
