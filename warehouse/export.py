"""Write the warehouse out as Parquet (partitioned by year and month of the event date), CSV, or
GDELT 2.0's tab-separated event layout. Only DuckDB's built-in writers: nothing is downloaded."""

from __future__ import annotations

from pathlib import Path

from eventpipe.warehouse.connection import DEFAULT_WAIT, WarehouseError, connect

FORMATS = ("parquet", "csv", "gdelt")

# What each export holds: events, and mentions with the event each one reports.
_EVENTS = "SELECT * FROM events"
_MENTIONS = "SELECT m.*, l.event_id FROM mentions AS m LEFT JOIN event_mentions AS l USING (mention_id)"


def export(db: Path, out: Path, format: str, wait: float = DEFAULT_WAIT) -> dict[str, int]:
    """Export to the folder `out`; returns the rows written per dataset (file or partitioned folder)."""
    if format not in FORMATS:
        raise WarehouseError(f"unknown export format {format!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    con = connect(db, read_only=True, wait=wait)
    try:
        written = {}
        if format == "parquet":
            for name, sql in (("events", _EVENTS), ("mentions", _MENTIONS)):
                target = out / name
                partitioned = (
                    f"SELECT *, coalesce(year(event_date), 0) AS year, coalesce(month(event_date), 0) AS month "
                    f"FROM ({sql})"
                )
                con.execute(
                    f"COPY ({partitioned}) TO '{_quoted(target)}' "
                    "(FORMAT parquet, PARTITION_BY (year, month), OVERWRITE)"
                )
                written[name] = con.execute(f"SELECT count(*) FROM ({sql})").fetchall()[0][0]
        elif format == "csv":
            for name, sql in (("events", _EVENTS), ("mentions", _MENTIONS)):
                con.execute(f"COPY ({sql}) TO '{_quoted(out / f'{name}.csv')}' (FORMAT csv, HEADER)")
                written[f"{name}.csv"] = con.execute(f"SELECT count(*) FROM ({sql})").fetchall()[0][0]
        else:  # GDELT 2.0 event files: tab-separated, no header, one event per line
            target = out / "events.export.CSV"
            con.execute(f"COPY gdelt_events TO '{_quoted(target)}' (FORMAT csv, DELIMITER '\t', HEADER false)")
            written[target.name] = con.execute("SELECT count(*) FROM gdelt_events").fetchall()[0][0]
        return written
    finally:
        con.close()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
