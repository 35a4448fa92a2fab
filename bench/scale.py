"""Throughput, memory and warehouse size of `eventpipe run` at growing sizes of synthetic news.

    python bench/scale.py [--sizes 1000,10000,100000] [--keep DIR]

For each size it writes that many synthetic articles (bench/synthetic.py: templates of our own,
with the events each article reports known) as JSON-lines files of 1,000, then runs
`eventpipe run` on them into a fresh warehouse, in a fresh process with Prefect's temporary server.
It prints per size: articles/s over the flow's own time (flat across sizes = cost linear in the
input), the ratio to the smallest size, peak memory (the eventpipe process alone, and with its
extraction workers and Prefect's server), the warehouse file size, and the share of the articles'
known events found in the warehouse (checked on the first 1,000 articles).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.synthetic import articles, write_corpus  # noqa: E402

_LOADED = re.compile(r"loaded (\d+) articles, (\d+) timexes, (\d+) event mentions.* in ([\d.]+) s")


def tree_rss(root: int) -> tuple[int, int]:
    """Resident bytes of a process, and of it with all its descendants (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return rss.get(root, 0), sum(rss.get(pid, 0) for pid in family)


def run(corpus: Path, db: Path, home: Path) -> dict:
    env = os.environ | {"PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    command = [sys.executable, "-m", "eventpipe.flows", "run", str(corpus), "--db", str(db)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    own = tree = 0
    while process.poll() is None:
        alone, total = tree_rss(process.pid)
        own, tree = max(own, alone), max(tree, total)
        time.sleep(0.25)
    output = process.stdout.read()
    if process.returncode != 0:
        raise SystemExit(f"eventpipe run failed ({process.returncode}):\n{output[-2000:]}")
    loaded = _LOADED.search(output)
    if loaded is None:
        raise SystemExit(f"no summary line in the output of eventpipe run:\n{output[-2000:]}")
    articles_, timexes, mentions, seconds = int(loaded[1]), int(loaded[2]), int(loaded[3]), float(loaded[4])
    size = sum(path.stat().st_size for path in db.parent.glob(db.name + "*"))
    return {"articles": articles_, "timexes": timexes, "mentions": mentions, "seconds": seconds,
            "wall": time.perf_counter() - started, "rss": own, "tree_rss": tree, "db_bytes": size}


def found_share(db: Path, first: int = 1000) -> float:
    """Share of the known events of the first articles that the warehouse holds (source, target, root)."""
    from eventpipe.warehouse.query import query

    rows = query(db, "select a.external_id, m.source_country, m.target_country, m.cameo_root from mentions m "
                     "join articles a using (article_id) where m.mode = 'asserted'").rows()
    got: dict[str, Counter] = {}
    for external_id, source, target, root in rows:
        got.setdefault(external_id, Counter())[(source, target, root)] += 1
    hits = total = 0
    for record, expected in articles(first):
        have = got.get(record["id"], Counter())
        for event in expected:
            key = (event.source_country, event.target_country, event.cameo_root)
            total += 1
            if have[key] > 0:
                hits += 1
                have[key] -= 1
    return hits / total if total else 0.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--keep", type=Path, help="keep corpora and warehouses in this folder")
    args = parser.parse_args(argv[1:])
    sizes = [int(size) for size in args.sizes.split(",")]
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="eventpipe-scale-"))
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; synthetic articles, JSON-lines files of 1,000")
    print(f"{'articles':>9} {'write s':>8} {'flow s':>8} {'art/s':>7} {'vs first':>8} {'events/s':>9} "
          f"{'RSS MB':>7} {'+workers':>8} {'db MB':>7} {'found':>6}")
    first = None
    try:
        for size in sizes:
            corpus, db = scratch / f"corpus-{size}", scratch / f"warehouse-{size}.duckdb"
            for stale in db.parent.glob(db.name + "*"):
                stale.unlink()
            started = time.perf_counter()
            if not corpus.exists():
                write_corpus(corpus, size)
            written = time.perf_counter() - started
            figures = run(corpus, db, scratch / "prefect")
            rate = figures["articles"] / figures["seconds"]
            first = first or rate
            print(f"{figures['articles']:9d} {written:8.1f} {figures['seconds']:8.1f} {rate:7.1f} {rate / first:8.2f} "
                  f"{figures['mentions'] / figures['seconds']:9.0f} {figures['rss'] / 2**20:7.0f} "
                  f"{figures['tree_rss'] / 2**20:8.0f} {figures['db_bytes'] / 2**20:7.1f} {found_share(db):6.3f}",
                  flush=True)
            print(json.dumps({"size": size, **figures}), file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
