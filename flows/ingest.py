"""The ingest flow: read raw articles, extract timexes and events, load the warehouse."""

from __future__ import annotations

import os

# Before prefect is imported: no telemetry, and time enough for a temporary server on a cold machine.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from flows import sources
from transforms.articles import Article, Reject, parse_file
from transforms.clusters import cluster
from transforms.frames import Frames, extract
from warehouse.connection import DEFAULT_WAIT, WarehouseError
from warehouse.load import load


def batched(items: list, size: int) -> list[list]:
    """Consecutive slices of at most `size` items (itertools.batched is Python 3.12+)."""
    return [items[index : index + size] for index in range(0, len(items), size)]


@dataclass(frozen=True, slots=True)
class RunSummary:
    files: int
    articles: int
    timexes: int
    mentions: int
    rejects: int
    seconds: float
    problems: tuple[str, ...] = ()  # one line per reject or failed batch: "input: reason"
    failed_batches: int = 0  # batches not stored (the warehouse stayed locked); the next run loads them


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_files(files: list[Path]) -> list[sources.RawFile]:
    return sources.read(files)


@task(cache_policy=NO_CACHE)
def parse_articles(raw: list[sources.RawFile], published: date | None) -> tuple[list[Article], list[Reject]]:
    articles: list[Article] = []
    rejects: list[Reject] = []
    for file in raw:
        if file.error:
            rejects.append(Reject(file.input, file.error))
            continue
        found, problems = parse_file(file.input, file.suffix, file.data, published)
        articles.extend(found)
        rejects.extend(problems)
    return articles, rejects


@task(cache_policy=NO_CACHE)
def extract_frames(articles: list[Article], rejects: list[Reject]) -> Frames:
    return extract(articles, rejects, now=datetime.now(UTC))


@task(cache_policy=NO_CACHE)  # no retries: load() itself waits up to `wait` seconds for the file
def load_frames(db: Path, frames: Frames, wait: float) -> dict[str, int]:
    load(db, frames.tables(), cluster, wait=wait)
    return frames.counts()


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[Path], db: Path, published: date | None = None, batch_size: int = 500, wait: float = DEFAULT_WAIT
) -> RunSummary:
    """Load every article under `paths` into the warehouse at `db`, one transaction per batch.

    A batch that cannot be stored (the warehouse stayed locked for `wait` seconds) is reported and
    skipped; the batches before and after it are stored, and rerunning the same input loads it.
    """
    started = time.perf_counter()
    files, missing = sources.discover(paths)
    totals = dict.fromkeys(("articles", "timexes", "mentions", "rejects"), 0)
    pending = [Reject(file.input, file.error) for file in missing]
    problems = [f"{reject.input}: {reject.severity}: {reject.reason}" for reject in pending]
    failed = 0
    for group in batched(files, batch_size):
        articles, rejects = parse_articles(read_files(group), published)
        pending.extend(rejects)
        problems.extend(f"{reject.input}: {reject.severity}: {reject.reason}" for reject in rejects)
        chunks = batched(articles, batch_size) or [[]]
        for chunk in chunks:
            frames = extract_frames(chunk, pending)
            try:
                counts = load_frames(db, frames, wait)
            except WarehouseError as error:
                failed += 1
                inputs = sorted({article.input.rsplit(":", 1)[0] for article in chunk} | {r.input for r in pending})
                problems.append(f"{inputs[0] if inputs else group[0]}{' ...' if len(inputs) > 1 else ''}: "
                                f"batch of {len(chunk)} articles not loaded: {error}")
                counts = dict.fromkeys(totals, 0)
            pending = []
            totals = {name: totals[name] + counts[name] for name in totals}
    if pending:  # rejects of missing paths when no file was found
        try:
            totals["rejects"] += load_frames(db, extract_frames([], pending), wait)["rejects"]
        except WarehouseError as error:
            failed += 1
            problems.append(f"{pending[0].input}: rejects not recorded: {error}")
    seconds = round(time.perf_counter() - started, 2)
    return RunSummary(files=len(files), **totals, seconds=seconds, problems=tuple(problems), failed_batches=failed)


def run_ingest(
    paths: list[Path], db: Path, published: date | None = None, batch_size: int = 500, wait: float = DEFAULT_WAIT
) -> RunSummary:
    """Run the flow without Prefect's 1 s flow heartbeat (it only delays the exit of short runs)."""
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return ingest(paths, db, published, batch_size, wait)
