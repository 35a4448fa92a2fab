"""SQL against the warehouse: queries (read-only unless asked), checks, and table counts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import polars as pl

from eventpipe.warehouse.connection import DEFAULT_WAIT, WarehouseError, connect, read_sql


def query(db: Path, sql: str, *, write: bool = False, wait: float = DEFAULT_WAIT) -> pl.DataFrame:
    """Run one query and return its rows as Polars values; read-only unless `write`."""
    return _run(db, sql, write, wait, lambda relation: relation.pl(), pl.DataFrame())


# Every DuckDB type as DuckDB itself writes it (lists, structs, maps and intervals included, which
# Polars cannot always hold), and each row as one JSON object (DECIMAL and HUGEINT as numbers).
_AS_TEXT = "COLUMNS(*)::VARCHAR"
_AS_JSON = "to_json(struct_pack(*COLUMNS(*)))"


def query_text(db: Path, sql: str, *, write: bool = False, wait: float = DEFAULT_WAIT) -> pl.DataFrame:
    """Run one query; every column as text, the way DuckDB prints each type (NULL stays null).
    Timestamps with a time zone are shown in UTC."""
    return _run(db, sql, write, wait, lambda relation: relation.project(_AS_TEXT).pl(), pl.DataFrame())


def query_json(db: Path, sql: str, *, write: bool = False, wait: float = DEFAULT_WAIT) -> list[str]:
    """Run one query; each row as the text of a JSON object, its keys the column names (strict
    JSON: a NaN or infinite number, which JSON cannot hold, is null)."""
    rows = _run(db, sql, write, wait, lambda relation: [row for (row,) in relation.project(_AS_JSON).fetchall()], [])
    return [_strict(row) for row in rows]


def _run(db: Path, sql: str, write: bool, wait: float, fetch, nothing):
    """`fetch` of the query's relation, or `nothing` for a statement that returns no rows."""
    con = connect(db, read_only=not write, wait=wait)
    try:
        con.execute("SET TimeZone = 'UTC'")
        relation = con.sql(sql)
        return fetch(relation) if relation is not None else nothing
    except duckdb.Error as error:
        raise WarehouseError(str(error).strip()) from error  # DuckDB's whole message: its hints follow the first line
    finally:
        con.close()


_NOT_A_NUMBER = re.compile(r"(?<![\w\"])-?(?:NaN|Infinity)(?![\w\"])")


def _strict(row: str) -> str:
    """DuckDB writes NaN and Infinity bare, which JSON has no words for: those become null."""
    if not _NOT_A_NUMBER.search(row):
        return row
    return json.dumps(json.loads(row, parse_constant=lambda name: None), ensure_ascii=False, separators=(",", ":"))


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
    folder = resources.files(__package__).joinpath("checks")
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
