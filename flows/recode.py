"""The recode flow: extract every stored article again with the installed version (`eventpipe recode`).

After an upgrade of the tagger or the coder, the articles already in the warehouse are tagged and
coded again from `articles.text` and their stored publication date, without the input files: each
batch replaces the timexes and mentions of its articles and rebuilds the events they touch, in one
transaction, with the same extraction and load steps as the `ingest` flow. Batches follow the
article ids, so a recode killed on the way leaves whole batches, and running it again recodes
everything and gives the rows of an uninterrupted one.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, runtime, task
from prefect.cache_policies import NO_CACHE
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from eventpipe.flows import parallel, progress
from eventpipe.flows.ingest import AHEAD, BATCH_SIZE, RunSummary, Tally, _finish, _outcome, _steps
from eventpipe.flows.parallel import Extractors
from eventpipe.transforms.articles import Article
from eventpipe.transforms.frames import DEFAULT_CODER
from eventpipe.warehouse.connection import DEFAULT_WAIT
from eventpipe.warehouse.runs import start_run
from eventpipe.warehouse.stored import stored_articles, stored_count


@task(cache_policy=NO_CACHE)  # no retries: reading waits up to `wait` seconds for the warehouse file
def read_stored(db: Path, after: str, limit: int, wait: float) -> list[Article]:
    """The next `limit` stored articles after the id `after`, as the extraction takes them."""
    return [Article(**row) for row in stored_articles(db, after, limit, wait=wait)]


@flow(name="recode", log_prints=True)
def recode(
    db: Path, batch_size: int = BATCH_SIZE, wait: float = DEFAULT_WAIT, workers: int | None = None, coder: str = DEFAULT_CODER
) -> RunSummary:
    """Extract every article stored in the warehouse at `db` again, `batch_size` articles per task
    and transaction, on `workers` processes (default: one per core), coded by `coder` ('rules' or
    'tree'); recorded in `runs` as flow 'recode'."""
    started = time.perf_counter()
    run_id = str(runtime.flow_run.id or uuid.uuid4())
    start_run(db, run_id, "recode", f"articles of {db}", datetime.now(UTC), wait=wait)
    try:
        summary = _recode_all(db, batch_size, wait, run_id, started, workers, coder)
    except BaseException as error:
        _finish(db, run_id, _outcome("failed", error=f"{type(error).__name__}: {error}"), wait)
        raise
    _finish(db, run_id, _outcome("completed", summary), wait)
    get_run_logger().info("recoded %d articles (%d timexes, %d event mentions) in %s in %.1f s", summary.articles,
                          summary.timexes, summary.mentions, db, summary.seconds)
    return summary


def _recode_all(
    db: Path, batch_size: int, wait: float, run_id: str, started: float, workers: int | None, coder: str = DEFAULT_CODER
) -> RunSummary:
    steps = _steps()
    tally = Tally()
    queue: deque = deque()  # (future of frames, articles), loaded in order by this process, the single writer
    progress.start(stored_count(db, wait=wait))

    def store_next() -> None:
        future, chunk = queue.popleft()
        frames = future.result()
        tally.add(frames, steps.load(db, frames, [], [], [], wait))  # a WarehouseError ends the run: rerun it
        progress.advance(len(chunk))

    with Extractors(workers, stored=True, coder=coder) as extractors:
        after, turn = "", 0
        while chunk := read_stored(db, after, batch_size, wait):
            if turn == 0 and len(chunk) >= batch_size:
                extractors.start()
            queue.append((steps.submit_extract(chunk, [], None, extractors, turn), chunk))
            after, turn = chunk[-1].article_id, turn + 1
            while len(queue) > AHEAD:
                store_next()
        while queue:
            store_next()
    progress.finish()
    return RunSummary(files=0, **tally.counts(), seconds=round(time.perf_counter() - started, 2), run_id=run_id)


def run_recode(
    db: Path, batch_size: int = BATCH_SIZE, wait: float = DEFAULT_WAIT, workers: int | None = None, coder: str = DEFAULT_CODER
) -> RunSummary:
    """Run the flow without Prefect's 1 s flow heartbeat, the extraction workers starting meanwhile."""
    if workers != 1:
        parallel.prepare()
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return recode(db, batch_size, wait, workers, coder)
