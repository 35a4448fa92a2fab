"""Finish and extract a batch of articles on every core: the batch is split over worker processes.

Coding events is CPU-bound Python, so threads do not help; a pool of worker processes does. The
workers fork from a server process that imported the transforms once (multiprocessing's
'forkserver'), so the pool starts in about half a second and never forks the flow's own threads.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, datetime

from eventpipe.transforms.articles import Article, Reject, finish
from eventpipe.transforms.frames import DEFAULT_CODER, Frames, extract

log = logging.getLogger("eventpipe")

MIN_PER_WORKER = 50  # a smaller batch is extracted in the calling process: the pool would not pay
TURN_WAIT = 5.0  # seconds a batch waits for the batches before it to hand their parts to the workers


def finish_and_extract(
    found: list[Article], rejects: list[Reject], published: date | None, now: datetime, coder: str = DEFAULT_CODER
) -> Frames:
    """Repair, check and date the articles as found in their files, then tag, code and frame them."""
    articles, problems = finish(found, rejects, published)
    return extract(articles, problems, now, coder)


def extract_stored(
    stored: list[Article], rejects: list[Reject], published: date | None, now: datetime, coder: str = DEFAULT_CODER
) -> Frames:
    """Tag, code and frame articles read back from the warehouse (`eventpipe recode`): their text was
    repaired and checked and their date settled when they were loaded, so they are extracted as they
    are (`published` is not used: each keeps its stored date)."""
    return extract(stored, rejects, now, coder)


def prepare() -> None:
    """Start the process workers fork from in the background: it imports the transforms (about half
    a second) while the caller does other things, such as waiting for Prefect's server."""
    _preload()
    threading.Thread(target=multiprocessing.forkserver.ensure_running, daemon=True).start()


def _preload() -> None:
    multiprocessing.get_context("forkserver").set_forkserver_preload(["eventpipe.flows.parallel"])


class Extractors:
    """`finish_and_extract` over a pool of `workers` processes, started when a batch first needs it
    and stopped when the `with` block ends. One pool serves the batches of a run from any thread.
    With `stored`, the articles come from the warehouse and are only extracted (`extract_stored`)."""

    def __init__(self, workers: int | None = None, stored: bool = False, coder: str = DEFAULT_CODER):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.stored = stored
        self.coder = coder
        self._step = functools.partial(extract_stored if stored else finish_and_extract, coder=coder)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._turns = threading.Condition()
        self._next_turn = 0

    def __enter__(self) -> Extractors:
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def __reduce__(self):  # a task runner that ships tasks elsewhere (Dask) gets an in-process one
        return Extractors, (1, self.stored, self.coder)

    def __call__(
        self, found: list[Article], rejects: list[Reject], published: date | None, now: datetime, turn: int | None = None
    ) -> Frames:
        """The frames of a batch. `turn` numbers the batches of a run (0, 1, ...): batches called at
        once from several threads give the workers their parts in that order, so the first batch is
        done first and its load need not wait for the others."""
        unique = {article.article_id: article for article in found}  # equal texts are extracted once
        copies = [(article.input, unique[article.article_id].input) for article in found
                  if unique[article.article_id] is not article]
        return self._extract(list(unique.values()), rejects, published, now, turn).with_copies(copies)

    def _extract(
        self, found: list[Article], rejects: list[Reject], published: date | None, now: datetime, turn: int | None
    ) -> Frames:
        parts = min(self.workers, len(found) // MIN_PER_WORKER)
        if parts < 2:
            self._end_turn(turn)
            return self._step(found, rejects, published, now)
        try:
            pool = self._started()
            self._await_turn(turn)
            try:
                futures = [  # every parts-th article: long and short articles spread evenly
                    pool.submit(self._step, found[part::parts], rejects if part == 0 else [], published, now)
                    for part in range(parts)
                ]
            finally:
                self._end_turn(turn)
            return Frames.concat([future.result() for future in futures])
        except (BrokenProcessPool, RuntimeError, OSError) as error:
            # A script that starts a run without `if __name__ == "__main__":` cannot start workers (each
            # would run the script again), and a worker can die: the run goes on in this process.
            log.warning("extracting in one process: the worker processes failed (%s: %s)", type(error).__name__,
                        str(error).strip().splitlines()[0] if str(error).strip() else "")
            self.workers = 1
            return self._step(found, rejects, published, now)

    def _await_turn(self, turn: int | None) -> None:
        if turn is not None:
            with self._turns:  # never forever: a batch whose task failed before it got here never ends its turn
                self._turns.wait_for(lambda: self._next_turn >= turn, timeout=TURN_WAIT)

    def _end_turn(self, turn: int | None) -> None:
        if turn is not None:
            with self._turns:
                self._next_turn = max(self._next_turn, turn + 1)
                self._turns.notify_all()

    def start(self, wait: bool = False) -> None:
        """Start the workers in the background (they take about half a second) while the caller
        reads; with `wait`, return when they are up."""
        if self.workers > 1:
            if wait:
                self._warm(wait=True)
            else:
                threading.Thread(target=self._warm, daemon=True).start()

    def _warm(self, wait: bool = False) -> None:
        try:
            pool = self._started()
            started = [pool.submit(int) for _ in range(self.workers)]
            for future in started if wait else ():
                future.result()
        except (BrokenProcessPool, RuntimeError, OSError):
            pass  # the first batch finds out and falls back

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                _preload()
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"))
            return self._pool
