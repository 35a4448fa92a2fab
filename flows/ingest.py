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
from transforms.frames import Frames, extract
from warehouse.load import load


def batched(items: list, size: int) -> list[list]:
    """Consecutive slices of at most `size` items (itertools.batched is Python 3.12+)."""
    return [items[index : index + size] for index in range(0, len(items), size)]


@dataclass(frozen=True, slots=True)
class RunSummary:
    files: int
    articles: int
    timexes: int
    events: int
    rejects: int
    seconds: float
    problems: tuple[str, ...] = ()  # one line per reject: "input: reason"


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


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_frames(db: Path, frames: Frames) -> dict[str, int]:
    load(db, {"articles": frames.articles, "timexes": frames.timexes, "events": frames.events, "rejects": frames.rejects})
    return frames.counts()


@flow(name="ingest", log_prints=True)
def ingest(paths: list[Path], db: Path, published: date | None = None, batch_size: int = 500) -> RunSummary:
    """Load every article under `paths` into the warehouse at `db`, one transaction per batch."""
    started = time.perf_counter()
    files, missing = sources.discover(paths)
    totals = dict.fromkeys(("articles", "timexes", "events", "rejects"), 0)
    pending = [Reject(file.input, file.error) for file in missing]
    problems = [f"{reject.input}: {reject.severity}: {reject.reason}" for reject in pending]
    for group in batched(files, batch_size):
        articles, rejects = parse_articles(read_files(group), published)
        pending.extend(rejects)
        problems.extend(f"{reject.input}: {reject.severity}: {reject.reason}" for reject in rejects)
        for chunk in batched(articles, batch_size):
            counts = load_frames(db, extract_frames(chunk, pending))
            pending = []
            totals = {name: totals[name] + counts[name] for name in totals}
    if pending:  # rejects of a group without a single article
        counts = load_frames(db, extract_frames([], pending))
        totals["rejects"] += counts["rejects"]
    seconds = round(time.perf_counter() - started, 2)
    return RunSummary(files=len(files), **totals, seconds=seconds, problems=tuple(problems))


def run_ingest(paths: list[Path], db: Path, published: date | None = None, batch_size: int = 500) -> RunSummary:
    """Run the flow without Prefect's 1 s flow heartbeat (it only delays the exit of short runs)."""
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return ingest(paths, db, published, batch_size)
