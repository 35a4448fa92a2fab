"""The ingest flows: read raw articles, extract timexes and events, load the warehouse.

`ingest` loads the paths it is given (`eventpipe run`); `inbox` loads what is new in one folder and
is the flow `eventpipe serve` deploys on a schedule. Both skip files unchanged since they were
loaded, record themselves in the `runs` table and log a summary to their Prefect run.
"""

from __future__ import annotations

import os

# Before prefect is imported: no telemetry, and time enough for a temporary server on a cold machine.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

import logging
import signal
import time
import uuid
from collections import deque
from collections.abc import Callable
from contextlib import contextmanager
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, runtime, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.exceptions import TerminationSignal
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from eventpipe.flows import parallel, progress, sources
from eventpipe.flows.parallel import Extractors
from eventpipe.schemas.tables import FILE_ARTICLES, FILES, READ_FILES
from eventpipe.transforms.articles import SUFFIXES, Article, Columns, Reject, split_file
from eventpipe.transforms.clusters import cluster
from eventpipe.transforms.frames import DEFAULT_CODER, Frames
from eventpipe.warehouse.connection import DEFAULT_DB, DEFAULT_WAIT, WarehouseError
from eventpipe.warehouse.load import load
from eventpipe.warehouse.runs import finish_run, forget_run, start_run

# Articles a task extracts and a transaction loads: a Prefect task run costs ~75 ms of CPU between
# the client and its server, and each load scans the warehouse's keys once, so batches are large.
BATCH_SIZE = 1000
AHEAD = 2  # extraction batches submitted ahead of the one being loaded (memory stays bounded)
EAGER_BYTES = 2**20  # inputs of this size or more start the extraction workers before reading (~400 articles)
GROUP_BYTES = 16 * 2**20  # files read together hold at most this much (or are one file): streamed, not all at once


def batched(items: list, size: int) -> list[list]:
    """Consecutive slices of at most `size` items (itertools.batched is Python 3.12+)."""
    return [items[index : index + size] for index in range(0, len(items), size)]


@dataclass(frozen=True, slots=True)
class RunSummary:
    files: int
    articles: int  # distinct articles stored (an article held by several inputs counts once)
    timexes: int
    mentions: int
    rejects: int  # distinct reject rows recorded (less those a later batch of the run found untrue)
    seconds: float
    problems: tuple[str, ...] = ()  # one line per reject or failed batch: "input: reason"
    failed_batches: int = 0  # batches not stored (the warehouse stayed locked); the next run loads them
    skipped: int = 0  # files unchanged since they were loaded: not read again
    run_id: str = ""
    feeds: int = 0  # feeds read

    def line(self) -> str:
        return (
            f"{self.articles} articles, {self.timexes} timexes, {self.mentions} event mentions, {self.rejects} rejects "
            f"from {self.files} files ({self.skipped} unchanged, skipped)"
        )

    def idle(self) -> bool:
        """Whether the run found nothing new: every file unchanged, no feed, nothing stored or rejected."""
        return (self.files == self.skipped and not self.feeds and not self.articles and not self.rejects
                and not self.failed_batches and not self.problems)

    def nothing(self) -> str | None:
        """Why the run loaded nothing and found nothing loaded before, if so (a run that should have)."""
        if self.articles or self.skipped or self.failed_batches:
            return None
        if not self.files and not self.feeds:
            return "nothing to load: no input files found (supported: .txt .json .jsonl .csv .html .htm .rss .atom .xml)"
        return "nothing loaded: no input yielded an article (the rejects above say why; select * from rejects)"


@dataclass(frozen=True, slots=True)
class Parsed:
    articles: list[Article]  # as found in their files: `finish` repairs, checks and dates them later
    rejects: list[Reject]
    files: list[dict]  # FILES rows of the files read; a new file's status and count come with its articles


def read_options(columns: Columns, published: date | None) -> str:
    """The options, besides its bytes, that decide what a file yields ('' when none is given): a
    file read with other options is read again."""
    given = (("--text-column", columns.text), ("--date-column", columns.date),
             ("--published", published.isoformat() if published else None))
    return " ".join(f"{name} {value}" for name, value in given if value)


@task(retries=3, retry_delay_seconds=[1, 2, 4], cache_policy=NO_CACHE)
def read_articles(
    files: list[Path], known: dict[str, tuple], columns: Columns = Columns(), options: str = "", force: bool = False
) -> Parsed:
    """The articles of the files as written in them (one task for reading and splitting a group of
    files: a Prefect task run costs more than splitting does)."""
    return split_files(sources.read(files), known, columns, options, force)


def split_files(
    raw: list[sources.RawFile], known: dict[str, tuple], columns: Columns = Columns(), options: str = "",
    force: bool = False,
) -> Parsed:
    """The articles and rejects of the files read. A file whose bytes and options are those it was
    loaded with (it was only touched) is recorded again, not split, unless `force`."""
    articles: list[Article] = []
    rejects: list[Reject] = []
    files: list[dict] = []
    now = datetime.now(UTC)
    for file in raw:
        if file.error:
            rejects.append(Reject(file.input, file.error))
            continue
        record = {"path": file.input, "sha256": file.sha256, "size": file.size, "mtime_ns": file.mtime_ns,
                  "loaded_at": now, "options": options}
        before = known.get(file.input)
        if not force and before is not None and before[0] == file.sha256 and before[5] == options:
            files.append({**record, "status": before[3], "articles": before[4]})  # touched, not changed
            continue
        found, problems = split_file(file.input, file.suffix, file.data, columns=columns, today=now.date())
        articles.extend(found)
        rejects.extend(problems)
        files.append({**record, "status": None, "articles": 0})
    return Parsed(articles, rejects, files)


@task(cache_policy=NO_CACHE)  # no task retries: the fetcher retries each request itself
def fetch_feed(url: str) -> Parsed:
    """The articles of a feed's items, their pages fetched over HTTP; each failure a reject."""
    from eventpipe.flows.fetch import Fetcher, feed_pages

    with Fetcher() as fetcher:
        articles, rejects = feed_pages(url, fetcher, today=datetime.now(UTC).date())
    return Parsed(articles, rejects, [])


@task(cache_policy=NO_CACHE)
def extract_frames(
    articles: list[Article], rejects: list[Reject], published: date | None, extractors: Extractors, turn: int
) -> Frames:
    return extractors(articles, rejects, published, datetime.now(UTC), turn)


@task(cache_policy=NO_CACHE)  # no retries: load() itself waits up to `wait` seconds for the file
def load_frames(db: Path, frames: Frames, files: list[dict], holds: list[dict], read: list[str], wait: float) -> list[str]:
    """Store a batch; returns the ids of the rejects it cleared (no longer true)."""
    links = FILE_ARTICLES.frame(holds).unique(["path", "article_id"], keep="last", maintain_order=True)
    tables = {**frames.tables(), "files": FILES.frame(files), "file_articles": links,
              "read_files": READ_FILES.frame([{"path": path} for path in read])}
    return load(db, tables, cluster, wait=wait)


def _ingest(
    name: str, paths: list[Path], db: Path, published: date | None, batch_size: int, wait: float,
    columns: Columns = Columns(), feeds: tuple[str, ...] = (), workers: int | None = None, force: bool = False,
    record_idle: bool = True, coder: str = DEFAULT_CODER,
) -> RunSummary:
    """The work of a flow; `record_idle` False removes the `runs` row of a run that found nothing new."""
    started = time.perf_counter()
    run_id = str(runtime.flow_run.id or uuid.uuid4())
    known = start_run(db, run_id, name, "; ".join(str(p) for p in paths), datetime.now(UTC), wait=wait)
    try:
        summary = _load_all(paths, db, published, batch_size, wait, run_id, started, known, _steps(), columns, feeds,
                            workers, force, coder)
    except BaseException as error:
        _finish(db, run_id, _outcome("failed", error=f"{type(error).__name__}: {error}"), wait)
        raise
    if summary.idle() and not record_idle:
        forget_run(db, run_id, wait=wait)
        get_run_logger().info("nothing new in %s (%s): not recorded in runs", "; ".join(map(str, paths)),
                              summary.line())
        return summary
    failed = f"{summary.failed_batches} batches not stored: " + " | ".join(
        p for p in summary.problems if "not loaded" in p) if summary.failed_batches else None
    _finish(db, run_id, _outcome("completed", summary, failed), wait)
    get_run_logger().info("loaded %s into %s in %.1f s", summary.line(), db, summary.seconds)
    return summary


def _finish(db: Path, run_id: str, outcome: dict, wait: float) -> None:
    """Record the end of a run; a warehouse still locked leaves the run 'running' with a warning."""
    try:
        finish_run(db, run_id, outcome, wait=wait)
    except WarehouseError as error:
        get_run_logger().warning("the end of run %s was not recorded: %s", run_id, error)


def _outcome(status: str, summary: RunSummary | None = None, error: str | None = None) -> dict:
    counts = (summary.files, summary.skipped, summary.articles, summary.mentions, summary.rejects) if summary else (None,) * 5
    return dict(zip(("files_seen", "files_skipped", "articles_loaded", "mentions_loaded", "rejects"), counts)) | {
        "finished_at": datetime.now(UTC), "status": status, "error": error}


@dataclass(frozen=True, slots=True)
class Steps:
    """The tasks of a run: Prefect's, or the same functions called plainly (`run_without_prefect`)."""

    read: Callable[..., Parsed]
    fetch: Callable[..., Parsed]
    submit_extract: Callable[..., Any]  # returns a future of Frames
    done: Callable[[Any], bool]  # whether such a future is done
    load: Callable[..., list[str]]  # the ids of the rejects the batch cleared


def _steps() -> Steps:
    """Prefect's tasks, their bulky arguments quoted: Prefect would otherwise visit every article,
    row and byte string looking for futures in them (tens of milliseconds a task). Quoted arguments
    reach a task run in this process as they are, but not one that Dask ships elsewhere."""
    local = isinstance(FlowRunContext.get().task_runner, ThreadPoolTaskRunner)
    bulky = quote if local else (lambda value: value)
    return Steps(
        read=lambda files, known, columns, options, force: read_articles(files, quote(known), columns, options, force),
        fetch=fetch_feed,
        submit_extract=lambda articles, rejects, published, extractors, turn: extract_frames.submit(
            bulky(articles), bulky(rejects), published, extractors, turn),
        done=lambda future: future.wrapped_future.done(),
        load=lambda db, frames, files, holds, read, wait: load_frames(
            db, quote(frames), quote(files), quote(holds), quote(read), wait),
    )


def run_without_prefect(
    paths: list[Path], db: Path, published: date | None = None, batch_size: int = BATCH_SIZE, wait: float = DEFAULT_WAIT,
    workers: int | None = None, coder: str = DEFAULT_CODER,
) -> RunSummary:
    """The work of the `ingest` flow with its tasks called as plain functions (extraction on a thread
    pool, as Prefect's default task runner does): what bench/pipeline.py measures Prefect against."""
    started = time.perf_counter()
    if workers != 1:
        parallel.prepare()
    run_id = str(uuid.uuid4())
    known = start_run(db, run_id, "ingest", "; ".join(str(p) for p in paths), datetime.now(UTC), wait=wait)
    with ThreadPoolExecutor() as threads:
        steps = Steps(read_articles.fn, fetch_feed.fn,
                      lambda *args: threads.submit(extract_frames.fn, *args), Future.done, load_frames.fn)
        summary = _load_all(paths, db, published, batch_size, wait, run_id, started, known, steps, workers=workers,
                             coder=coder)
    finish_run(db, run_id, _outcome("completed", summary), wait=wait)
    return summary


@dataclass(slots=True)
class Tally:
    """What a run stored, counted as the warehouse holds it: an article loaded from two inputs or in
    two batches is one, with the timexes and mentions of its last load; a reject cleared later in
    the run (no longer true) is not counted."""

    timexes: dict[str, int] = field(default_factory=dict)  # article_id -> its timexes
    mentions: dict[str, int] = field(default_factory=dict)  # article_id -> its mentions
    rejects: set[str] = field(default_factory=set)

    def add(self, frames: Frames, cleared: list[str]) -> None:
        for counts, frame in ((self.timexes, frames.timexes), (self.mentions, frames.mentions)):
            counts.update(dict.fromkeys(frames.articles["article_id"], 0))
            counts.update(frame.group_by("article_id").len().iter_rows())
        self.rejects.update(frames.rejects["reject_id"])
        self.rejects.difference_update(cleared)

    def counts(self) -> dict[str, int]:
        return {"articles": len(self.timexes), "timexes": sum(self.timexes.values()),
                "mentions": sum(self.mentions.values()), "rejects": len(self.rejects)}


def _load_all(
    paths: list[Path], db: Path, published: date | None, batch_size: int, wait: float, run_id: str, started: float,
    known: dict[str, tuple], steps: Steps, columns: Columns = Columns(), feeds: tuple[str, ...] = (),
    workers: int | None = None, force: bool = False, coder: str = DEFAULT_CODER,
) -> RunSummary:
    found, missing, unsupported = sources.discover(paths)
    own = {Path(f"{db}{suffix}").resolve() for suffix in ("", ".wal")}  # the warehouse inside an input folder
    unsupported = [file for file in unsupported if file.resolve() not in own]
    seen = sources.stat(found)
    options = read_options(columns, published)
    to_read, skipped = sources.unchanged(seen, known, options, force)
    sizes = {file.path: file.size for file in seen}
    tally = Tally()
    pending = [Reject(file.input, file.error) for file in missing] + [
        Reject(str(file), f"unsupported file type {file.suffix.lower() or '(none)'!r} in a folder: not loaded "
                          f"(expected {', '.join(SUFFIXES)})", "warning") for file in unsupported]
    problems = [f"{reject.input}: {reject.severity}: {reject.reason}" for reject in pending]
    failed = 0
    progress.start(len(to_read))
    held: list[tuple[str, str, str]] = []  # (file, article_id, input) of the articles of the files being read
    group_rejects: list[pl.DataFrame] = []  # the reject rows of the files being read
    turns = 0  # batches handed to extraction so far

    def store(batches: list[tuple]) -> None:
        """Load extracted batches (future, chunk, files read, files to record, rejects) in one transaction.
        The batch that records a group of files carries every article and reject of their reading:
        the load replaces what the warehouse held of those files with them."""
        nonlocal failed, held, group_rejects
        parts, records, holds, read, chunk, rejects = [], [], [], [], [], []
        for future, its_chunk, its_read, files, its_rejects in batches:
            frames = future.result()
            in_files, elsewhere = _holds(frames, its_read)
            held += in_files
            holds += [{"path": path, "article_id": article_id, "input": input} for path, article_id, input in elsewhere]
            group_rejects.append(frames.rejects)
            problems.extend(f"{r.input}: {r.severity}: {r.reason}" for r in _later_rejects(frames, its_rejects))
            if files:  # a group's files are recorded with its last batch, with every article they hold
                records += _recorded(files, held)
                read += [file["path"] for file in files if file["status"] is None]
                holds += [{"path": path, "article_id": article_id, "input": input} for path, article_id, input in held]
                frames = replace(frames, rejects=pl.concat(group_rejects).unique("reject_id", keep="last",
                                                                                 maintain_order=True))
                held, group_rejects = [], []
            parts.append(frames)
            chunk += its_chunk
            rejects += its_rejects
        frames = parts[0] if len(parts) == 1 else Frames.concat(parts)
        try:
            cleared = steps.load(db, frames, records, holds, read, wait)
        except WarehouseError as error:
            failed += 1
            inputs = sorted({article.input.rsplit(":", 1)[0] for article in chunk} | {r.input for r in rejects})
            problems.append(f"{inputs[0] if inputs else '(batch)'}{' ...' if len(inputs) > 1 else ''}: "
                            f"batch of {len(chunk)} articles not loaded: {error}")
            return
        tally.add(frames, cleared)

    def store_next() -> None:
        """Load the oldest batch, with the ones after it whose extraction is already done."""
        batches = [queue.popleft()]
        batches[0][0].result()
        while queue and steps.done(queue[0][0]):
            batches.append(queue.popleft())
        store(batches)

    queue: deque = deque()  # extraction futures, loaded in order by the single writer

    def parsed_batches():  # (Parsed, files it read): the files in batches, then each feed
        for group in _groups(to_read, sizes, batch_size):
            yield steps.read(group, known, columns, options, force), len(group)
        for feed in feeds:
            yield steps.fetch(feed), 0

    with Extractors(workers, coder=coder) as extractors:
        if sum(sizes.get(file, 0) for file in to_read) >= EAGER_BYTES:
            extractors.start()
        for parsed, read_count in parsed_batches():
            pending.extend(parsed.rejects)
            problems.extend(f"{reject.input}: {reject.severity}: {reject.reason}" for reject in parsed.rejects)
            chunks = batched(parsed.articles, batch_size) or [[]]
            read = frozenset(file["path"] for file in parsed.files)
            for index, chunk in enumerate(chunks):
                last = index == len(chunks) - 1  # a file is recorded with its last article
                future = steps.submit_extract(chunk, pending, published, extractors, turns)
                turns += 1
                queue.append((future, chunk, read, parsed.files if last else [], pending))
                pending = []
                while len(queue) > AHEAD:
                    store_next()
            progress.advance(read_count)
        while queue:
            store_next()
        if pending:  # rejects of missing paths when no file was read
            store([(steps.submit_extract([], pending, published, extractors, turns), [], frozenset(), [], pending)])
    progress.finish()
    seconds = round(time.perf_counter() - started, 2)
    return RunSummary(files=len(found), **tally.counts(), seconds=seconds, problems=tuple(problems),
                      failed_batches=failed, skipped=len(skipped), run_id=run_id, feeds=len(feeds))


def _groups(files: list[Path], sizes: dict[Path, int], most: int) -> list[list[Path]]:
    """Consecutive files read together: at most `most` of them and GROUP_BYTES of their bytes (a
    bigger file alone), so a run over many large files keeps a few of them in memory at a time."""
    groups: list[list[Path]] = []
    held = 0
    for file in files:
        if not groups or len(groups[-1]) >= most or held + sizes.get(file, 0) > GROUP_BYTES:
            groups.append([])
            held = 0
        groups[-1].append(file)
        held += sizes.get(file, 0)
    return groups


def _holds(frames: Frames, read: frozenset[str]) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(file, article_id, input) of every input of the batch: those of the files read (the input of
    a JSON line or CSV row is 'file:line'), and those of no file (a feed's pages), held by themselves."""
    in_files, elsewhere = [], []
    for input, article_id in frames.inputs.select("input", "article_id").iter_rows():
        path = input if input in read else input.rsplit(":", 1)[0]
        if path in read:
            in_files.append((path, article_id, input))
        else:
            elsewhere.append((input, article_id, input))
    return in_files, elsewhere


def _recorded(files: list[dict], held: list[tuple[str, str, str]]) -> list[dict]:
    """FILES rows of the files read, each new one with the count of its articles and its status."""
    counts: dict[str, set[str]] = {}
    for path, article_id, _ in held:
        counts.setdefault(path, set()).add(article_id)
    return [
        file if file["status"] is not None
        else {**file, "articles": len(counts.get(file["path"], ())),
              "status": "loaded" if counts.get(file["path"]) else "rejected"}
        for file in files
    ]


def _later_rejects(frames: Frames, before: list[Reject]) -> list[Reject]:
    """The rejects `finish` found while the batch was extracted (those of parsing were reported already)."""
    known = {(r.input, r.reason) for r in before}
    return [Reject(input, reason, severity) for input, reason, severity in
            frames.rejects.select("input", "reason", "severity").iter_rows() if (input, reason) not in known]


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[Path], db: Path, published: date | None = None, batch_size: int = BATCH_SIZE, wait: float = DEFAULT_WAIT,
    text_column: str | None = None, date_column: str | None = None, feeds: list[str] | None = None,
    workers: int | None = None, force: bool = False, coder: str = DEFAULT_CODER,
) -> RunSummary:
    """Load every new or changed article under `paths` into the warehouse at `db`, one transaction
    per batch, then the items of each feed in `feeds` (their pages fetched over HTTP).

    A file is read again when its bytes changed or it was loaded with other options (text and date
    columns, published date); `force` reads every file again. Batches are extracted on `workers`
    processes (default: one per core), coded by `coder` ('rules', or 'tree' on a dependency parse).
    A batch that cannot be stored (the warehouse stayed locked
    for `wait` seconds) is reported and skipped; the batches before and after it are stored, and
    rerunning the same input loads it.
    """
    columns = Columns(text=text_column, date=date_column)
    return _ingest("ingest", paths, db, published, batch_size, wait, columns, tuple(feeds or ()), workers, force,
                   coder=coder)


@flow(name="inbox", log_prints=True)
def inbox(inbox: str, db: str = str(DEFAULT_DB), batch_size: int = BATCH_SIZE) -> RunSummary:
    """Load what is new or changed in the folder `inbox` into the warehouse file `db`. A run that
    finds nothing new leaves no row in `runs` (a schedule every few seconds would fill it)."""
    with _termination_kept():
        return _ingest("inbox", [Path(inbox)], Path(db), None, batch_size, DEFAULT_WAIT, record_idle=False)


@contextmanager
def _termination_kept():
    """Prefect cancels a served run with SIGTERM, whose handler raises TerminationSignal; one that
    lands inside a DuckDB statement is swallowed by DuckDB, which raises RuntimeError('Query
    interrupted') instead, and the run ended Failed with a traceback in serve's output. It is the
    termination again here, so the run ends cancelled as it does anywhere else."""
    try:
        yield
    except RuntimeError as error:
        if str(error) != "Query interrupted":
            raise
        raise TerminationSignal(signal=signal.SIGTERM) from error


def run_ingest(
    paths: list[Path], db: Path, published: date | None = None, batch_size: int = BATCH_SIZE, wait: float = DEFAULT_WAIT,
    runner: str | None = None, text_column: str | None = None, date_column: str | None = None,
    feeds: list[str] | None = None, workers: int | None = None, force: bool = False, coder: str = DEFAULT_CODER,
) -> RunSummary:
    """Run the flow without Prefect's 1 s flow heartbeat (it only delays the exit of short runs).

    `runner` 'dask' extracts batches on a local Dask cluster of two worker processes, 'dask=ADDRESS'
    on the cluster at ADDRESS (prefect-dask); loading stays in this process, the single writer.
    """
    chosen = ingest
    if runner:
        chosen = ingest.with_options(task_runner=dask_runner(runner))
    elif workers != 1:
        parallel.prepare()  # the extraction workers' parent starts while Prefect starts
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return chosen(paths, db, published, batch_size, wait, text_column, date_column, feeds, workers, force, coder)


def dask_runner(runner: str):
    """A DaskTaskRunner for 'dask' (a LocalCluster of 2 processes on 127.0.0.1) or 'dask=ADDRESS'."""
    from prefect_dask import DaskTaskRunner

    kind, _, address = runner.partition("=")
    if kind != "dask":
        raise ValueError(f"unknown runner {runner!r} (expected dask or dask=ADDRESS)")
    # Dask logs every worker start and stop at INFO, with tracebacks of connections it closes
    # itself on shutdown: keep warnings only, here and in the worker processes it spawns.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": 2, "threads_per_worker": 1, "processes": True, "host": "127.0.0.1",
        "dashboard_address": "127.0.0.1:0",
    })
