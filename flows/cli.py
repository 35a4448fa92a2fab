"""`eventpipe`: one console script; each command parses, calls one function, prints a summary.

Only `run`, `serve` and `trigger` import prefect (1 s of import time); the others answer without it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from eventpipe.warehouse.connection import DEFAULT_DB, DEFAULT_WAIT, WarehouseError


@dataclass(frozen=True, slots=True)
class Config:
    """Settings read once at the edge: flag, then EVENTPIPE_* environment variable, then default."""

    db: Path

    @classmethod
    def from_args(cls, args: argparse.Namespace, environ: dict[str, str]) -> Config:
        db = getattr(args, "db", None) or environ.get("EVENTPIPE_DB") or DEFAULT_DB
        return cls(db=Path(db))


BATCH_SIZE_DEFAULT = 1000  # flows.ingest.BATCH_SIZE, not imported here: flows.ingest imports prefect (1 s)
MAX_PROBLEMS = 20  # reject lines `run` prints; the rejects table has them all


class UsageError(Exception):
    """A mistake in the command line or its input: one line, exit status 2."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    config = Config.from_args(args, dict(os.environ))
    try:
        return args.command(args, config)
    except (UsageError, WarehouseError) as error:
        print(f"eventpipe: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # whoever read our output stopped reading ('| head'): stop quietly, as Unix tools do, with
        # stdout pointed at /dev/null so that Python's own flush at exit does not complain again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventpipe",
        description="News articles in, events dated by their own dates out, SQL on top.",
        epilog="example: eventpipe run examples/ && eventpipe sql 'select * from events limit 5'",
    )
    parser.add_argument("--version", action="version", version=f"eventpipe {_version()}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    run = _command(
        commands, "run", cmd_run, "load articles (files, folders, feeds) into the warehouse",
        "eventpipe run ~/news/ --db warehouse/events.duckdb --published 2021-10-14",
    )
    run.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                     help="files or folders (searched recursively): .txt .json .jsonl .csv .html .htm .rss .atom .xml")
    _db_option(run)
    run.add_argument("--published", type=_iso_date, metavar="DATE", help="publication date of inputs without one in their metadata")
    run.add_argument("--batch-size", type=int, default=BATCH_SIZE_DEFAULT, metavar="N",
                     help=f"articles per task and transaction (default {BATCH_SIZE_DEFAULT})")
    _wait_option(run, "for each batch")
    run.add_argument("--text-column", metavar="NAME",
                     help="JSON key or CSV column of the article text (default: text, full_text, doc_text, body or content)")
    run.add_argument("--date-column", metavar="NAME",
                     help="JSON key or CSV column of the publication date (default: published, date, published_date or pubdate)")
    run.add_argument("--force", action="store_true",
                     help="read every file again, also those unchanged since they were loaded")
    run.add_argument("--feed", action="append", default=[], metavar="URL",
                     help="an RSS or Atom feed to load: each item's page is fetched (repeatable)")
    run.add_argument("--runner", metavar="dask[=ADDRESS]",
                     help="extract batches on Dask: a local cluster of 2 processes, or the scheduler at ADDRESS")
    run.add_argument("--workers", type=int, metavar="N",
                     help="processes that extract each batch (default: one per core; 1: in the flow's own process)")
    _coder_option(run)
    _log_level_option(run, "warning")

    serve = _command(
        commands, "serve", cmd_serve, "serve a scheduled deployment that loads what is new in a folder",
        "eventpipe serve --inbox ~/news/inbox --interval 300 --db warehouse/events.duckdb",
    )
    serve.add_argument("--inbox", type=Path, required=True, metavar="DIR", help="folder to load new and changed files from")
    _db_option(serve)
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", metavar="EXPR", help="cron schedule, e.g. '*/15 * * * *'")
    when.add_argument("--interval", type=float, metavar="SECONDS", help="run every SECONDS (default 3600)")
    serve.add_argument("--batch-size", type=int, default=BATCH_SIZE_DEFAULT, metavar="N",
                     help=f"articles per task and transaction (default {BATCH_SIZE_DEFAULT})")
    serve.add_argument("--name", default="inbox", help="deployment name (default inbox)")
    _log_level_option(serve, "info")

    trigger = _command(
        commands, "trigger", cmd_trigger,
        "start a run of the served deployment now and print its page in the UI (from any folder: "
        "PREFECT_API_URL, else the serve of this folder, else the last serve of inbox/NAME on this machine)",
        "eventpipe trigger",
    )
    trigger.add_argument("--name", default="inbox", help="deployment name (default inbox)")

    status = _command(
        commands, "status", cmd_status, "print the last runs and the warehouse's row counts",
        "eventpipe status --runs 5",
    )
    _db_option(status)
    status.add_argument("--runs", type=int, default=10, metavar="N", help="how many runs to show (default 10)")
    status.add_argument("--format", choices=("table", "json"), default="table",
                        help='json: one object {"runs": [...], "tables": {name: rows}}')
    _wait_option(status, "")

    sql = _command(
        commands, "sql", cmd_sql, "run a SQL query against the warehouse (read-only unless --write)",
        "eventpipe sql \"select event_date, cameo_code, num_articles, sentence from events order by event_date\" --format csv",
    )
    sql.add_argument("query", metavar="QUERY")
    _db_option(sql)
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument("--write", action="store_true", help="allow statements that change the warehouse")
    _wait_option(sql, "")

    check = _command(
        commands, "check", cmd_check, "run the warehouse checks; exit 1 if any finds offending rows",
        "eventpipe check --db warehouse/events.duckdb",
    )
    _db_option(check)
    check.add_argument("--rows", type=int, default=5, metavar="N", help="offending rows to show per check (default 5)")
    check.add_argument("--format", choices=("table", "json"), default="table",
                       help='json: one object {"failed": N, "checks": [{"name", "meaning", "rows", "offending"}]}')
    _wait_option(check, "")

    export = _command(
        commands, "export", cmd_export, "write events and mentions as Parquet, CSV or GDELT 2.0 event files",
        "eventpipe export --format parquet --out exports/",
    )
    _db_option(export)
    export.add_argument("--format", choices=("parquet", "csv", "gdelt"), required=True,
                        help="parquet: folders events/ and mentions/ partitioned by year and month of the event date "
                             "(year=0 for undated ones); csv: events.csv and mentions.csv; gdelt: events.export.CSV")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    _wait_option(export, "")

    report = _command(
        commands, "report", cmd_report,
        "write one self-contained HTML page of the warehouse (charts and tables; opens offline)",
        "eventpipe report --db warehouse/events.duckdb --out report.html --since 2018-01-01",
    )
    _db_option(report)
    report.add_argument("--out", type=Path, required=True, metavar="FILE", help="the HTML file to write")
    report.add_argument("--where", metavar="SQL",
                        help="only the events this SQL condition on the columns of `events` keeps, e.g. \"source_country = 'TUR'\"")
    report.add_argument("--since", type=_iso_date, metavar="DATE", help="only events dated on or after DATE (YYYY-MM-DD)")
    _wait_option(report, "")

    recode = _command(
        commands, "recode", cmd_recode,
        "extract every stored article again with this version (after an upgrade of the tagger or coder)",
        "eventpipe recode --db warehouse/events.duckdb",
    )
    _db_option(recode)
    recode.add_argument("--batch-size", type=int, default=BATCH_SIZE_DEFAULT, metavar="N",
                        help=f"articles per task and transaction (default {BATCH_SIZE_DEFAULT})")
    recode.add_argument("--workers", type=int, metavar="N",
                        help="processes that extract each batch (default: one per core; 1: in the flow's own process)")
    _coder_option(recode)
    _log_level_option(recode, "warning")
    _wait_option(recode, "for each batch")

    schema = _command(
        commands, "schema", cmd_schema,
        "list the warehouse's tables and views with their columns, types and meanings (read-only)",
        "eventpipe schema events",
    )
    schema.add_argument("table", nargs="?", metavar="TABLE", help="one table or view (default: all, without columns)")
    _db_option(schema)
    _wait_option(schema, "")

    timex = _command(
        commands, "timex", cmd_timex, "print the temporal expressions of a text as JSON lines",
        "eventpipe timex --dct 2021-10-14 article.txt",
    )
    _text_options(timex)

    code = _command(
        commands, "code", cmd_code, "print the events coded from a text as JSON lines",
        "eventpipe code --dct 2021-10-14 article.txt",
    )
    _text_options(code)
    _coder_option(code)
    evaluate = _command(
        commands, "eval", None, "score the pipeline on annotated corpora",
        "eventpipe eval timex ../shared/corpora/timeml-tbaq --errors 20",
    )
    corpora = evaluate.add_subparsers(required=True, metavar="CORPUS")
    for name, handler, help, example, metavar, path_help in EVALUATIONS:
        corpus = _command(corpora, name, handler, help, example, prog=f"eventpipe eval {name}")
        corpus.add_argument("path", type=Path, metavar=metavar, help=path_help)
        corpus.add_argument("--json", action="store_true", help="print the scores as one JSON object")
        corpus.add_argument("--errors", type=int, default=0, metavar="N", help="also print the first N errors")
        if name in HALVED:
            _coder_option(corpus)
            corpus.add_argument(
                "--half", choices=("tune", "check", "all"), default="tune",
                help="whose errors --errors lists: the tuning half's (default; rules are written only from "
                     "its failures), the check half's or all records'; the scores show every half",
            )
    return parser


def _command(commands, name: str, handler, help: str, example: str, prog: str | None = None) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name, help=help, description=help, epilog=f"example: {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter, **({"prog": prog} if prog else {}),
    )
    if handler is not None:
        parser.set_defaults(command=handler)
    return parser


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="FILE", help=f"DuckDB file (default: $EVENTPIPE_DB or {DEFAULT_DB})")


def _coder_option(parser: argparse.ArgumentParser) -> None:
    from eventpipe.transforms.frames import CODERS, DEFAULT_CODER

    parser.add_argument(
        "--coder", choices=CODERS, default=DEFAULT_CODER,
        help=f"the event coder (default {DEFAULT_CODER}): 'tree', on a dependency parse, more precise on unseen "
             "news and slower, or 'rules', token rules (README, 'The tree coder')",
    )


def _log_level_option(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "--log-level", choices=("debug", "info", "warning", "error"), default=default,
        help=f"Prefect's log lines shown on the terminal from this level (default {default}); "
             "every line still goes to the Prefect run",
    )


def _terminal_log_level(level: str) -> None:
    """Prefect's console handler shows this level and above; its API handler (the run's logs in
    the UI) is untouched. Set before prefect is imported: it reads its logging settings then."""
    os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = level.upper()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventpipe")
    except PackageNotFoundError:
        return "(not installed)"


def _wait_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--wait", type=float, default=DEFAULT_WAIT, metavar="SECONDS",
        help=f"how long to wait {what + ' ' if what else ''}while another process holds the warehouse "
             f"(default {DEFAULT_WAIT:g})",
    )


def _text_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE|-", help="a text file, or - for standard input")
    parser.add_argument("--dct", type=_iso_date, metavar="DATE", help="publication date (default: inferred from the text)")
    parser.add_argument("--jsonl", action="store_true", help='input is JSON lines {"id","text","dct"}')


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def cmd_run(args: argparse.Namespace, config: Config) -> int:
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.wait < 0:
        raise UsageError("--wait must not be negative")
    if not args.paths and not args.feed:
        raise UsageError("run: give at least one PATH or --feed URL")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.runner and args.runner.partition("=")[0] != "dask":
        raise UsageError(f"--runner {args.runner}: expected dask or dask=ADDRESS")
    from eventpipe.transforms.clusters import cluster
    from eventpipe.warehouse.load import settle

    # An unwritable warehouse fails here, before Prefect starts; mentions a migration left without
    # events (or an interrupted older version) are clustered now.
    settle(config.db, cluster, wait=args.wait)

    from eventpipe.flows import progress

    _terminal_log_level(args.log_level)
    from eventpipe.flows.ingest import run_ingest  # imports prefect (1 s)

    progress.enable()
    summary = run_ingest(args.paths, config.db, args.published, args.batch_size, args.wait, args.runner,
                         args.text_column, args.date_column, args.feed, args.workers, args.force, args.coder)
    for line in summary.problems[:MAX_PROBLEMS]:
        print(f"eventpipe: {line}", file=sys.stderr)
    if len(summary.problems) > MAX_PROBLEMS:
        more = len(summary.problems) - MAX_PROBLEMS
        print(f"eventpipe: ... and {more} more (select * from rejects)", file=sys.stderr)
    print(f"loaded {summary.line()} into {config.db} in {summary.seconds:.1f} s")
    if summary.failed_batches:
        print(f"eventpipe: {summary.failed_batches} batches were not loaded; run the same command again to load them",
              file=sys.stderr)
        return 1
    if summary.nothing():
        print(f"eventpipe: {summary.nothing()}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace, config: Config) -> int:
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if not args.inbox.is_dir():
        raise UsageError(f"--inbox {args.inbox}: no such folder")
    if args.interval is not None and args.interval <= 0:
        raise UsageError("--interval must be positive")
    from eventpipe.flows.serve import ServeError, serve

    _terminal_log_level(args.log_level)
    try:
        return serve(args.inbox, config.db, args.name, args.cron, args.interval or (None if args.cron else 3600.0),
                     args.batch_size)
    except ServeError as error:
        raise UsageError(str(error)) from error


def cmd_trigger(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.flows.serve import ServeError, trigger

    try:
        print(trigger(args.name))
    except ServeError as error:
        raise UsageError(str(error)) from error
    return 0


def cmd_status(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.warehouse.query import table_counts
    from eventpipe.warehouse.runs import last_runs

    runs = last_runs(config.db, args.runs, wait=args.wait)
    counts = table_counts(config.db, wait=args.wait)
    if args.format == "json":
        print(json.dumps({"runs": _json_rows(runs), "tables": counts}, ensure_ascii=False))
        return 0
    print(format_table(runs.columns, runs.rows()))
    print("  ".join(f"{name} {count}" for name, count in counts.items()))
    return 0


def cmd_sql(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.warehouse.query import query_json, query_text

    try:
        if args.format == "json":
            print("[" + ",".join(query_json(config.db, args.query, write=args.write, wait=args.wait)) + "]")
            return 0
        frame = query_text(config.db, args.query, write=args.write, wait=args.wait)
    except WarehouseError as error:
        if not args.write and "read-only mode" in str(error):
            raise UsageError(f"{error} (sql opens the warehouse read-only: add --write to change it)") from error
        raise
    if args.format == "csv":
        print(frame.write_csv(), end="")
    else:
        print(format_table(frame.columns, frame.rows()))
    return 0


def cmd_check(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.warehouse.query import run_checks

    checks = run_checks(config.db, wait=args.wait)
    failed = sum(1 for check in checks if check.offending.height)
    if args.format == "json":
        print(json.dumps({"failed": failed, "checks": [
            {"name": check.name, "meaning": check.meaning, "rows": check.offending.height,
             "offending": _json_rows(check.offending.head(args.rows))} for check in checks]}, ensure_ascii=False))
        return 1 if failed else 0
    for check in checks:
        rows = check.offending.height
        print(f"{'ok  ' if rows == 0 else 'FAIL'} {check.name}: {rows} rows  ({check.meaning})")
        if rows:
            shown = check.offending.head(args.rows)
            print(format_table(shown.columns, shown.rows()))
    print(f"{failed} of the checks found offending rows" if failed else "all checks pass")
    return 1 if failed else 0


def cmd_export(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.warehouse.export import export

    written = export(config.db, args.out, args.format, wait=args.wait)
    for name, rows in written.items():
        print(f"wrote {rows} rows to {args.out / name}")
    return 0


def cmd_report(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.flows.report import write_report

    data = write_report(config.db, args.out, args.where, args.since, wait=args.wait)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.1f} MB): {data.holdings['report_events']} events, "
          f"{data.holdings['articles']} articles")
    return 0


def cmd_recode(args: argparse.Namespace, config: Config) -> int:
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if not config.db.exists():
        raise WarehouseError(f"no warehouse at {config.db} (run `eventpipe run PATH --db {config.db}` first)")
    from eventpipe.transforms.clusters import cluster
    from eventpipe.warehouse.load import settle
    from eventpipe.warehouse.query import table_counts

    settle(config.db, cluster, wait=args.wait)  # migrates the file and fails early if it cannot be written
    before = table_counts(config.db, wait=args.wait)

    from eventpipe.flows import progress

    _terminal_log_level(args.log_level)
    from eventpipe.flows.recode import run_recode  # imports prefect (1 s)

    progress.enable()
    summary = run_recode(config.db, args.batch_size, args.wait, args.workers, args.coder)
    after = table_counts(config.db, wait=args.wait)
    changes = ", ".join(f"{name} {before[name]} -> {after[name]}" for name in ("timexes", "mentions", "events"))
    print(f"recoded {summary.articles} articles in {config.db} in {summary.seconds:.1f} s: {changes}")
    return 0


def cmd_schema(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.warehouse.catalog import describe

    entries = describe(config.db, args.table, wait=args.wait)
    if args.table and not entries:
        raise UsageError(f"schema: no table or view {args.table!r} in {config.db} (eventpipe schema lists them)")
    for index, entry in enumerate(entries):
        print(("\n" if index else "") + f"{entry.name} ({entry.kind}): {entry.meaning}")
        print(format_table(["column", "type", "meaning"], list(entry.columns), max_width=100))
    return 0


def cmd_timex(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.transforms.timexes import tag_timexes

    def timexes(text: str, dct: date | None) -> list[dict]:
        return [_timex_json(timex) for timex in tag_timexes(text, dct)]

    _print_json_lines(args, "timexes", timexes)
    return 0


def cmd_code(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.transforms.articles import content_id
    from eventpipe.transforms.frames import coder_of, mention_row

    code_text = coder_of(args.coder).code_text

    def events(text: str, dct: date | None) -> list[dict]:
        article_id = content_id(text.strip())
        return [{k: _json_value(v) for k, v in mention_row(article_id, event).items()} for event in code_text(text, dct)]

    _print_json_lines(args, "events", events)
    return 0


def _print_json_lines(args: argparse.Namespace, key: str, rows_of) -> None:
    """One JSON line per row; with --jsonl one line per input record: {"id", key: [rows]}."""
    for record_id, text, dct in _read_texts(args):
        rows = rows_of(text, dct)
        if args.jsonl:
            print(json.dumps({"id": record_id, key: rows}, ensure_ascii=False))
        else:
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))


def cmd_eval_timex(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.flows.evaluate import evaluate_timex_dir, format_report

    return _report(args, evaluate_timex_dir, format_report)


def cmd_eval_events(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.flows.evaluate_events import evaluate_plover, format_plover_report

    return _report(args, evaluate_plover, format_plover_report)


def cmd_eval_police(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.flows.evaluate_events import evaluate_police, format_police_report

    return _report(args, evaluate_police, format_police_report)


def cmd_eval_news(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.flows.evaluate_events import evaluate_news, format_news_report

    return _report(args, evaluate_news, format_news_report)


def cmd_eval_pubdates(args: argparse.Namespace, config: Config) -> int:
    from eventpipe.flows.evaluate_pubdates import evaluate_pubdates, format_pubdates_report

    return _report(args, evaluate_pubdates, format_pubdates_report)


# eval subcommands: name, handler, help, example, path metavar, path help.
EVALUATIONS = (
    ("timex", cmd_eval_timex, "TempEval-3 scores of the temporal tagger on TimeML (.tml) documents",
     "eventpipe eval timex ../shared/corpora/timeml-tbaq --errors 20", "DIR", "folder of .tml files (searched recursively)"),
    ("events", cmd_eval_events, "event category, actor country and sector agreement with PLOVER gold-standard records",
     "eventpipe eval events ../shared/corpora/plover-gsr/dev.jsonl --errors 10", "FILE.jsonl",
     "records in the PLOVER gold-standard format"),
    ("police", cmd_eval_police, "per-sentence P/R/F1 of police ARREST, FORCE and KILL on IndiaPoliceEvents",
     "eventpipe eval police ../shared/corpora/india-police-events", "DIR", "folder with docs.jsonl and sents.jsonl"),
    ("news", cmd_eval_news,
     "share of gold events of wire reports found with actors, CAMEO root, date and precision; share of "
     "denied, planned or hypothetical ones coded as asserted",
     "eventpipe eval news ../shared/corpora/dated-news-dev/articles.jsonl --errors 10", "FILE.jsonl",
     "reports with gold events in the dated-news-dev format"),
    ("pubdates", cmd_eval_pubdates, "exact-day accuracy of the publication dates found in HTML pages",
     "eventpipe eval pubdates ../shared/corpora/html-pubdates --errors 5", "DIR", "folder with gold.json and html/"),
)
# The evaluations scored per half of the fixed tuning/check split (transforms/splits.py).
HALVED = ("events", "police", "news")


def _report(args: argparse.Namespace, evaluate, format_report) -> int:
    """Run one evaluation on args.path; print its report, or its scores as JSON with --json."""
    from eventpipe.flows.evaluate_events import EvaluationError, errors_of

    try:
        coder = getattr(args, "coder", None)
        scores, errors = evaluate(args.path, coder) if coder else evaluate(args.path)
    except (FileNotFoundError, ValueError, EvaluationError) as error:
        raise UsageError(str(error)) from None
    half = getattr(args, "half", None)
    if args.json:
        report = scores.to_dict()
        if args.errors:
            chosen = errors_of(errors, half) if half else errors
            report["errors"] = [_error_dict(error) for error in chosen[: args.errors]]
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_report(scores, errors, args.errors, **({"half": half} if half else {})))
    return 0


def _error_dict(error) -> dict:
    out = error.to_dict() if hasattr(error, "to_dict") else dataclasses.asdict(error)
    return {**out, "half": error.half} if hasattr(error, "half") else out


def _read_texts(args: argparse.Namespace):
    """(id, text, dct) of the input: one text, or one per JSON line; dct inferred when absent."""
    from eventpipe.transforms.articles import infer_published, parse_published

    try:
        data = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {args.file}: {error}") from None
    if not args.jsonl:
        yield None, data, args.dct or infer_published(data)
        return
    for number, line in enumerate(data.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise UsageError(f"line {number}: expected a JSON object with a 'text' field") from None
        dct = parse_published(str(record["dct"])) if record.get("dct") else args.dct
        yield record.get("id"), text, dct or infer_published(text)


def _timex_json(timex) -> dict:
    return {"start": timex.start, "end": timex.end, "text": timex.text, "type": timex.type, "value": timex.value}


def _json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _json_rows(frame) -> list[dict]:
    """A frame's rows as JSON-ready objects: dates and times as ISO strings, other values that JSON
    lacks (decimals, durations) as their text."""
    def plain(value):
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        return str(value)

    return [{key: plain(value) for key, value in row.items()} for row in frame.rows(named=True)]


def format_table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    """Rows as an aligned plain-text table, long cells cut with an ellipsis."""

    def cell(value) -> str:
        text = "" if value is None else _json_value(value) if isinstance(value, (date, datetime)) else str(value)
        text = text.replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    body = [[cell(value) for value in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in body)]) for i, name in enumerate(columns)]
    line = lambda values: "  ".join(value.ljust(width) for value, width in zip(values, widths)).rstrip()
    out = [line(columns), line(["-" * width for width in widths]), *(line(row) for row in body)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
