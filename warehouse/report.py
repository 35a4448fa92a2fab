"""The rows of `eventpipe report`: one read-only connection, the queries of `warehouse/report/`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import duckdb
import polars as pl

from eventpipe.warehouse.connection import DEFAULT_WAIT, WarehouseError, connect

TOP_DYADS = 10  # dyads in the bar chart; the first TREND_DYADS of them also over time
TREND_DYADS = 5
MOST_REPORTED = 15
WEEKS_UP_TO = 183  # days: a span up to about six months is charted by week, a longer one by month


@dataclass(frozen=True, slots=True)
class ReportData:
    where: str | None
    since: date | None
    holdings: dict  # one row of holdings.sql
    unit: str  # 'week' or 'month'
    first_date: date | None  # span of the chart over time
    last_date: date | None
    outside: int  # events known to the month or finer, outside that span
    over_time: pl.DataFrame
    top_dyads: pl.DataFrame
    dyad_trend: pl.DataFrame
    top_roots: pl.DataFrame
    dating: pl.DataFrame
    most_reported: pl.DataFrame
    top_sources: pl.DataFrame
    reject_reasons: pl.DataFrame


def read_report(path: str) -> str:
    return resources.files(__package__).joinpath("report", f"{path}.sql").read_text(encoding="utf-8")


def report_data(db: Path, where: str | None = None, since: date | None = None, wait: float = DEFAULT_WAIT) -> ReportData:
    """Everything the report shows, from the events that `where` (an SQL condition on the columns
    of `events`, the analyst's own, as `eventpipe sql` runs theirs) keeps and dated on or after `since`."""
    con = connect(db, read_only=True, wait=wait)
    try:
        # The condition is SQL by design (a filter the analyst writes), run on a read-only connection.
        con.execute(f"CREATE TEMP VIEW report_filter AS SELECT * FROM events WHERE ({where or 'true'})")
        con.execute(read_report("00_report_events"), [since, since])

        def frame(name: str, params: list | None = None) -> pl.DataFrame:
            return con.sql(read_report(name), params=params or None).pl()

        holdings = frame("holdings").row(0, named=True)
        first, last, outside = frame("time_span").row(0)
        unit = "week" if first is not None and (last - first) <= timedelta(days=WEEKS_UP_TO) else "month"
        span = [unit, first, last, unit]
        dyads = frame("top_dyads", [TOP_DYADS])
        trend = frame("dyad_trend", span)
        top = set(zip(dyads["source_country"].head(TREND_DYADS), dyads["target_country"].head(TREND_DYADS)))
        trend = trend.filter(pl.struct("source_country", "target_country").map_elements(
            lambda row: (row["source_country"], row["target_country"]) in top, return_dtype=pl.Boolean))
        return ReportData(
            where=where, since=since, holdings=holdings, unit=unit, first_date=first, last_date=last,
            outside=outside or 0, over_time=frame("over_time", span), top_dyads=dyads, dyad_trend=trend,
            top_roots=frame("top_roots"), dating=frame("dating"), most_reported=frame("most_reported", [MOST_REPORTED]),
            top_sources=frame("top_sources"), reject_reasons=frame("reject_reasons"),
        )
    except duckdb.Error as error:
        raise WarehouseError(str(error).strip()) from error
    finally:
        con.close()
