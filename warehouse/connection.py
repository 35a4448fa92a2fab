"""Open the warehouse file (waiting while another process holds it), migrate it, read SQL by name."""

from __future__ import annotations

import re
import time
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb

from eventpipe.schemas.tables import SCHEMA_VERSION

DEFAULT_DB = Path("warehouse/events.duckdb")
DEFAULT_WAIT = 30.0  # seconds a command waits for a warehouse another process holds


class WarehouseError(Exception):
    """A warehouse problem a user can act on (missing file, locked file, bad query)."""


@cache
def read_sql(name: str) -> str:
    """The text of warehouse/sql/<name>.sql."""
    return resources.files(__package__).joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of warehouse/migrations/NNNN_*.sql, in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name[:4]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def views() -> list[str]:
    """CREATE OR REPLACE VIEW statements of warehouse/views/*.sql, in file-name order (layer by layer)."""
    folder = resources.files(__package__).joinpath("views")
    return [entry.read_text(encoding="utf-8") for entry in sorted(folder.iterdir(), key=lambda e: e.name)
            if entry.name.endswith(".sql")]


def connect(path: Path, *, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file; a writable one also migrates it and refreshes its views.

    DuckDB lets one process hold a file that is being written, and refuses even read-only
    connections meanwhile: while another process holds it, retry for up to `wait` seconds.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path} (run `eventpipe run PATH --db {path}` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    pause = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            message = str(error).splitlines()[0]
            holder = re.search(r"\(PID (\d+)\)", message)
            if "lock" not in message.lower():
                raise WarehouseError(f"cannot open {path}: {message}") from error
            if time.monotonic() + pause > deadline:
                who = f"process {holder.group(1)}" if holder else "another process"
                raise WarehouseError(
                    f"{path} is locked by {who} (a load or a reader) and stayed locked for {wait:g} s; "
                    "try again when it is done, or give --wait more seconds"
                ) from error
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
    if not read_only:
        try:
            migrate(con)
        except BaseException:
            con.close()
            raise
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The last migration applied; a foundation file (no schema_version table) is version 1."""
    tables = {name for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'"
    ).fetchall()}
    if "schema_version" in tables:
        return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]
    return 1 if "articles" in tables else 0


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations this file lacks, each in its own transaction, then refresh the views, the
    code tables and the comments.

    Returns the names of the migrations applied.
    """
    known = migrations()
    version = schema_version(con)
    if version > known[-1][0]:
        raise WarehouseError(
            f"this warehouse has schema version {version}, newer than this eventpipe knows ({known[-1][0]}); "
            "upgrade eventpipe"
        )
    applied = []
    for number, name, sql in known:
        if number <= version and _recorded(con, number):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(SCHEMA_VERSION.ddl())
            if number > version:
                con.execute(sql)
                applied.append(name)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, now()) ON CONFLICT DO NOTHING", [number, name]
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    _refresh_views(con)
    from eventpipe.warehouse.catalog import refresh  # catalog reads the warehouse through this module

    refresh(con)  # code tables and COMMENT ON, where they differ from this version's
    return applied


def _recorded(con: duckdb.DuckDBPyConnection, number: int) -> bool:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'schema_version'"
    ).fetchall()[0][0]
    return bool(exists) and con.execute("SELECT count(*) FROM schema_version WHERE version = ?", [number]).fetchall()[0][0] > 0


def _refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        for statement in views():
            con.execute(statement)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
