"""Analyst queries through the warehouse views on 10 million synthetic events: each under a second?

    python bench/queries.py                        # builds a 10M-event warehouse in a temp dir, removes it after
    python bench/queries.py --db /tmp/w10m.duckdb  # builds it there once; later runs reuse it
    python bench/queries.py --order random --explain  # events stored in no date order; plans of slow queries

The warehouse is made by bench/synthetic_warehouse.py (the real migrations and views, rows from
DuckDB's range() and hash(); see its docstring for the shapes), in a child process so the peak
memory of generation and of querying are reported apart. Events are stored in ingest order (as
loads append them) unless --order random (a shuffled backfill, the worst case for zone maps). Each query runs through the views a
user has (stg_events, the marts, gdelt_events) with values bound as parameters, and its rows are
fetched as a Polars frame, as `eventpipe sql` does. "cold" is the first run on a fresh read-only
connection (the OS file cache may still hold the file); "warm" is the best of three more runs on
that connection. Ratios: each query's warm time against a full scan of the columns of `events`
the marts read, and its worse time against the 1 s target.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventpipe.warehouse.connection import WarehouseError, connect  # noqa: E402

TARGET = 1.0  # seconds: the bound for a typical query


@dataclass(frozen=True, slots=True)
class Query:
    name: str
    sql: str
    params: tuple = ()


FULL_SCAN = Query(
    "full scan of events (baseline)",
    "SELECT count(*), count(source_country), count(target_country), sum(num_articles), min(event_date) FROM events",
)

QUERIES = (
    Query(
        "monthly counts, one dyad (USA->CHN)",
        "SELECT * FROM monthly_counts_by_dyad WHERE source_country = ? AND target_country = ? ORDER BY month",
        ("USA", "CHN"),
    ),
    Query(
        "monthly counts, all dyads of 2020",
        "SELECT * FROM monthly_counts_by_dyad WHERE month >= ? AND month < ? ORDER BY month, events DESC",
        (date(2020, 1, 1), date(2021, 1, 1)),
    ),
    Query(
        "top 20 events by articles, RUS",
        'SELECT event_id, event_date, cameo_code, source_name, target_name, num_articles FROM stg_events '
        'WHERE "mode" = \'asserted\' AND (source_country = ? OR target_country = ?) '
        "ORDER BY num_articles DESC, event_id LIMIT 20",
        ("RUS", "RUS"),
    ),
    Query(
        "gdelt_events, USA->RUS, 2022-02",
        "SELECT * FROM gdelt_events WHERE Actor1CountryCode = ? AND Actor2CountryCode = ? AND MonthYear = ?",
        ("USA", "RUS", 202202),
    ),
    Query(
        "gdelt_events, daily QuadClass 4 in UKR, 2022",
        "SELECT SQLDATE, count(*) AS events, sum(NumArticles) AS articles FROM gdelt_events "
        'WHERE ActionGeo_CountryCode = ? AND QuadClass = 4 AND "Year" = ? GROUP BY SQLDATE ORDER BY SQLDATE',
        ("UKR", 2022),
    ),
    Query(
        "gdelt_events, all of one day (SQLDATE)",
        "SELECT * FROM gdelt_events WHERE SQLDATE = ?",
        (20211014,),
    ),
    Query(
        "daily counts by root, all of 2021",
        "SELECT * FROM daily_counts_by_root WHERE day >= ? AND day < ? ORDER BY day, cameo_root",
        (date(2021, 1, 1), date(2022, 1, 1)),
    ),
    Query(
        "daily counts by root, IRN, 2019-2020",
        "SELECT event_date AS day, cameo_root, count(*) AS events, sum(num_articles) AS articles FROM stg_events "
        'WHERE "mode" = \'asserted\' AND known_to_day AND (source_country = ? OR target_country = ?) '
        "AND event_date >= ? AND event_date < ? GROUP BY ALL ORDER BY ALL",
        ("IRN", "IRN", date(2019, 1, 1), date(2021, 1, 1)),
    ),
    Query(
        "events of one day (2021-10-14)",
        "SELECT * FROM stg_events WHERE event_date = ? ORDER BY num_articles DESC",
        (date(2021, 10, 14),),
    ),
)


@dataclass(frozen=True, slots=True)
class Timing:
    query: Query
    rows: int
    cold: float
    warm: float


def run_once(con, query: Query) -> tuple[int, float]:
    began = time.perf_counter()
    frame = con.sql(query.sql, params=list(query.params)).pl()
    return frame.height, time.perf_counter() - began


def time_query(db: Path, query: Query, rounds: int = 3) -> Timing:
    """First run on a fresh connection, then the best of `rounds` on the same one."""
    con = connect(db, read_only=True)
    try:
        rows, cold = run_once(con, query)
        warm = min(run_once(con, query)[1] for _ in range(rounds))
    finally:
        con.close()
    return Timing(query, rows, cold, warm)


def explain(db: Path, query: Query) -> str:
    con = connect(db, read_only=True)
    try:
        return "\n".join(row[1] for row in con.sql(f"EXPLAIN ANALYZE {query.sql}", params=list(query.params)).fetchall())
    finally:
        con.close()


def build_warehouse(db: Path, events: int, order: str) -> tuple[float, int]:
    """Run the generator in a child process; returns its wall time and its peak RSS in MiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from bench.synthetic_warehouse import build; "
            "s = build(sys.argv[2], int(sys.argv[3]), order=sys.argv[4]); print(f'  {s.events:,} events, {s.mentions:,} mentions, '"
            "f'{s.articles:,} articles' + (' (reused)' if s.reused else ''))")
    done = subprocess.run([sys.executable, "-c", code, str(REPO), str(db), str(events), order], check=False)
    if done.returncode:
        raise WarehouseError(f"building the synthetic warehouse failed (exit {done.returncode})")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return time.perf_counter() - began, (peak if peak > before else 0) // 1024


def report(timings: list[Timing], baseline: Timing) -> None:
    print(f"\n{'query':46} {'rows':>7} {'cold s':>7} {'warm s':>7} {'x scan':>7} {'% of 1s':>8}  under 1 s")
    for t in [baseline, *timings]:
        worst = max(t.cold, t.warm)
        ratio = t.warm / baseline.warm
        verdict = "" if t is baseline else ("yes" if worst < TARGET else "NO")
        print(f"{t.query.name:46} {t.rows:>7,} {t.cold:>7.3f} {t.warm:>7.3f} {ratio:>7.2f} {100 * worst / TARGET:>7.0f}%  {verdict}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="warehouse file to build (or reuse); default: a temp dir, removed after")
    parser.add_argument("--events", type=int, default=10_000_000, help="events to generate (default 10,000,000)")
    parser.add_argument("--order", choices=("ingest", "random"), default="ingest",
                        help="physical order of events: as loads append them (default), or shuffled")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of each query over 1 s")
    args = parser.parse_args(argv[1:])

    scratch = None if args.db else Path(tempfile.mkdtemp(prefix="eventpipe-queries-"))
    db = args.db or scratch / "synthetic.duckdb"
    try:
        print(f"warehouse {db}")
        seconds, peak_mib = build_warehouse(db, args.events, args.order)
        size = db.stat().st_size
        print(f"  ready in {seconds:.1f} s; file {size / 2**30:.2f} GiB; generator peak RSS {peak_mib:,} MiB")
        baseline = time_query(db, FULL_SCAN)
        timings = [time_query(db, q) for q in QUERIES]
        report(timings, baseline)
        slow = [t for t in timings if max(t.cold, t.warm) >= TARGET]
        if args.explain:
            for t in slow:
                print(f"\n-- {t.query.name}\n{explain(db, t.query)}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"\n{len(timings) - len(slow)} of {len(timings)} queries under {TARGET:g} s on {args.events:,} events in {args.order} order; "
              f"query process peak RSS {peak:,} MiB")
        return 0
    except WarehouseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
