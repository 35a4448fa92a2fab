"""End-to-end speed of the pipeline over every real article in ../shared/corpora, beside dateparser.

    python bench/pipeline.py [--coder rules|tree] [--workers N] [--skip-server]

On the same ~1,130 articles (written as JSON-lines files of 100), in one run, it prints:
- search_dates: dateparser's `search_dates` alone over the texts (languages=['en'], RELATIVE_BASE =
  the article's date), in this process;
- stages: each stage of the pipeline timed in this process, one after the other, and its share;
- plain: the ingest flow's work with its tasks called as plain functions (no Prefect), into a
  fresh warehouse: read -> parse -> timexes -> events -> DuckDB, extraction on every core (its
  workers' fork server already started, as `eventpipe run` starts it while Prefect starts);
- prefect: the `ingest` flow itself in a fresh process, with Prefect's temporary server and
  against a running `prefect server start`, into fresh warehouses. Prefect's share is
  (flow time - plain time) / flow time; the servers' start is reported on its own.
Each kind of run is repeated (--repeat, default 3) and the fastest counts: on a shared machine,
noise only ever adds time. The figures of every run are printed too.
Then the ratios: articles/s of the pipeline (plain and flow) against search_dates.

Events are coded by --coder (default: `eventpipe run`'s). Memory: the peak RSS of each extraction
worker, the kernel's high-water mark of the process (VmHWM in /proc/PID/status, Linux), read every
0.1 s while the workers live (they stay up for the whole run and are idle at its end, so the last
reading is their peak), and the peak RSS of the process running the flow (getrusage). A worker's
RSS counts in full the pages it shares with the fork server it was forked from.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import resource
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpora import SHARED, real_articles, write_jsonl  # noqa: E402


def search_dates_seconds(records: list[dict]) -> float:
    from dateparser.search import search_dates

    search_dates("June 15, 2021", languages=["en"])  # warm up
    started = time.perf_counter()
    for record in records:
        day = date.fromisoformat(record["published"]) if record["published"] else date(2000, 1, 1)
        search_dates(record["text"], languages=["en"], settings={"RELATIVE_BASE": datetime(day.year, day.month, day.day)})
    return time.perf_counter() - started


def run_default_coder() -> str:
    """The coder `eventpipe run` uses when none is named."""
    from eventpipe.flows.cli import build_parser

    return build_parser().parse_args(["run", "."]).coder


class WorkerPeaks:
    """Peak RSS (MB) of each process forked by the multiprocessing fork server that this process
    started (the extraction workers): VmHWM read from /proc every 0.1 s, new workers looked for
    every second, while the `with` block runs. Empty where /proc is absent."""

    def __init__(self) -> None:
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> WorkerPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        workers: set[int] = set()
        polls = 0
        while True:
            if polls % 10 == 0:
                workers |= _forked_by_fork_server(os.getpid())
            for pid in workers:
                peak = _vm_hwm(pid)
                if peak is not None:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), peak)
            polls += 1
            if self._stop.wait(0.1):
                return


def _processes() -> dict[int, int]:
    """pid -> parent pid of every process /proc shows."""
    parents = {}
    for entry in os.scandir("/proc") if os.path.isdir("/proc") else ():
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _forked_by_fork_server(me: int) -> set[int]:
    parents = _processes()
    servers = set()
    for pid, parent in parents.items():
        try:
            if parent == me and b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
                servers.add(pid)
        except OSError:
            continue
    return {pid for pid, parent in parents.items() if parent in servers}


def _vm_hwm(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def stage_seconds(files: list[Path], db: Path, coder: str) -> tuple[dict[str, float], int]:
    """Seconds of each stage over all articles, run one after the other in this process."""
    from eventpipe.flows import sources
    from eventpipe.schemas.tables import FILE_ARTICLES, FILES
    from eventpipe.transforms.articles import finish, split_file
    from eventpipe.transforms.clusters import cluster
    from eventpipe.transforms.frames import coder_of, extract
    from eventpipe.transforms.sentences import split_sentences
    from eventpipe.transforms.timexes import tag_timexes
    from eventpipe.warehouse.load import load

    seconds: dict[str, float] = {}

    def timed(name, fn, *args):
        started = time.perf_counter()
        result = fn(*args)
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
        return result

    code_events = coder_of(coder).code_events
    if coder == "tree":  # the model loads once per process, before the first article: load it off the clock
        from eventpipe.transforms.coding.parse import parser

        parser()
    raw = timed("read", sources.read, files)
    found = []
    for file in raw:
        found += timed("parse", lambda f: split_file(f.input, f.suffix, f.data)[0], file)
    articles, rejects = timed("finish (repair, language, dates)", finish, found, [], None)
    frames = timed("extract (all of it)", extract, articles, rejects, datetime.now(UTC), coder)
    for article in articles:  # the parts of extract again, to split its time
        timexes = timed("timexes", tag_timexes, article.text, article.published_date)
        sentences = timed("sentences", split_sentences, article.text)
        timed("events", code_events, article.text, sentences, timexes, article.published_date)
    tables = {**frames.tables(), "files": FILES.frame([]), "file_articles": FILE_ARTICLES.frame([])}
    timed("load (DuckDB)", load, db, tables, cluster)
    whole = seconds.pop("extract (all of it)")
    seconds["frames"] = max(0.0, whole - seconds["timexes"] - seconds["sentences"] - seconds["events"])
    return seconds, frames.mentions.height


def child(corpus: Path, db: Path, workers: int | None, plain: bool, batch_size: int, coder: str) -> None:
    """Run once in this fresh process and print its figures as JSON (see main)."""
    started = time.perf_counter()
    from eventpipe.flows.ingest import run_ingest, run_without_prefect

    with WorkerPeaks() as peaks:
        if plain:
            # As the flow's run finds it (the fork server started while Prefect started): warm.
            from eventpipe.flows.parallel import Extractors

            with Extractors(workers) as extractors:
                extractors.start(wait=True)
            summary = run_without_prefect([corpus], db, batch_size=batch_size, workers=workers, coder=coder)
            figures = {"seconds": summary.seconds}
        else:
            summary = run_ingest([corpus], db, batch_size=batch_size, workers=workers, coder=coder)
            figures = {"seconds": summary.seconds, "wall": time.perf_counter() - started}
    figures |= {"workers_mb": sorted(peaks.peaks.values(), reverse=True),
                "process_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    print(json.dumps(figures | {"articles": summary.articles, "mentions": summary.mentions}))


def run_child(corpus: Path, db: Path, workers: int | None, plain: bool, env: dict, batch_size: int, coder: str) -> dict:
    command = [sys.executable, __file__, "--child", str(corpus), "--db", str(db), "--batch-size", str(batch_size),
               "--coder", coder]
    command += ["--plain"] * plain + (["--workers", str(workers)] if workers else [])
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"child run failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return figures | {"process": time.perf_counter() - started}


def prefect_server(home: Path) -> tuple[subprocess.Popen, str, float]:
    """A `prefect server start` on a free local port with its own PREFECT_HOME; its URL and start time."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {"PREFECT_HOME": str(home), "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    prefect = Path(sys.executable).with_name("prefect")
    started = time.perf_counter()
    server = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    while time.perf_counter() - started < 120:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                return server, url, time.perf_counter() - started
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("prefect server did not start within 120 s")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--coder", choices=("rules", "tree"), help="the event coder (default: eventpipe run's)")
    parser.add_argument("--workers", type=int, help="extraction processes (default: one per core)")
    parser.add_argument("--batch-size", type=int, default=1000, help="articles per batch (default 1,000, as eventpipe run)")
    parser.add_argument("--skip-server", action="store_true", help="skip the run against a running Prefect server")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; the fastest counts (default 3)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--plain", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv[1:])
    coder = args.coder or run_default_coder()
    if args.child:
        child(args.child, args.db, args.workers, args.plain, args.batch_size, coder)
        return 0
    if not (SHARED / "corpora").exists():
        print(f"skipped: {SHARED / 'corpora'} is absent")
        return 0

    records = real_articles()
    scratch = Path(tempfile.mkdtemp(prefix="eventpipe-bench-"))
    try:
        files = write_jsonl(records, scratch / "corpus")
        count, chars = len(records), sum(len(r["text"]) for r in records)
        print(f"{count} real articles ({chars / count:,.0f} characters on average) in {len(files)} JSON-lines files; "
              f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; coder: {coder}")

        peer = search_dates_seconds(records)
        print(f"search_dates      {count / peer:8.1f} articles/s  {peer:6.2f} s  (dateparser, one process)")

        stages, mentions = stage_seconds(files, scratch / "stages.duckdb", coder)
        total = sum(stages.values())
        print(f"stages, one process, one after the other: {total:.2f} s, {count / total:.1f} articles/s")
        for name, seconds in stages.items():
            print(f"  {name:34} {seconds:6.2f} s  {100 * seconds / total:5.1f}%")

        env = os.environ | {"PREFECT_HOME": str(scratch / "prefect-temporary")}
        env.pop("PREFECT_API_URL", None)
        def fastest(db: str, plain: bool, env: dict) -> dict:  # noise on a shared machine only adds time
            runs = [run_child(scratch / "corpus", scratch / f"{db}-{n}.duckdb", args.workers, plain, env, args.batch_size, coder)
                    for n in range(args.repeat)]
            return min(runs, key=lambda run: run["seconds"]) | {"all": [run["seconds"] for run in runs]}

        plain = fastest("plain", True, env)
        print(f"plain (no Prefect) {count / plain['seconds']:7.1f} articles/s  {plain['seconds']:6.2f} s  "
              f"{plain['mentions'] / plain['seconds']:,.0f} events/s  ({plain['mentions']} event mentions; "
              f"fastest of {', '.join(f'{s:.2f}' for s in plain['all'])} s)")

        flows = {"temporary server": fastest("temporary", False, env)}
        if not args.skip_server:
            server, url, server_start = prefect_server(scratch / "prefect-server")
            try:
                flows["running server"] = fastest("server", False, env | {"PREFECT_API_URL": url})
            finally:
                os.killpg(server.pid, 15)
                server.wait(timeout=30)
            print(f"prefect server start: {server_start:.1f} s (once, before the runs below)")
        for name, run in flows.items():
            overhead = (run["seconds"] - plain["seconds"]) / run["seconds"]
            print(f"prefect flow, {name:16} {count / run['seconds']:7.1f} articles/s  flow {run['seconds']:6.2f} s  "
                  f"Prefect's share {100 * overhead:5.1f}%  (fastest of {', '.join(f'{s:.2f}' for s in run['all'])} s; "
                  f"whole process {run['process']:.1f} s, {run['process'] - run['seconds']:.1f} s of it starting "
                  f"Python, Prefect and its server)")
        for name, run in [("plain", plain)] + [(f"flow, {n}", r) for n, r in flows.items()]:
            workers = ", ".join(f"{mb:.0f}" for mb in run["workers_mb"]) or "none seen"
            print(f"peak RSS ({name}, its fastest run): extraction workers {workers} MB; "
                  f"the process running it {run['process_mb']:.0f} MB")
        for name, seconds in [("plain", plain["seconds"])] + [(f"flow, {n}", r["seconds"]) for n, r in flows.items()]:
            print(f"pipeline ({name}) is {peer / seconds:.1f}x faster than search_dates alone")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
