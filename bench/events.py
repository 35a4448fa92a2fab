"""Speed of the event coder: sentences per second, one process, on the development corpora.

    .venv/bin/python bench/events.py [ROUNDS]

Times code_events alone (sentences split and timexes tagged beforehand, outside the clock) on
the PLOVER records, the IndiaPoliceEvents documents and the seed article, from ../shared.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventpipe.transforms.events import code_events  # noqa: E402
from eventpipe.transforms.sentences import split_sentences  # noqa: E402
from eventpipe.transforms.timexes import tag_timexes  # noqa: E402

SHARED = ROOT.parent / "shared"


def corpora() -> dict[str, list[tuple[str, date | None]]]:
    """(text, publication date) per document of each corpus that is present."""
    found: dict[str, list[tuple[str, date | None]]] = {}
    plover = SHARED / "corpora/plover-gsr/dev.jsonl"
    if plover.exists():
        lines = plover.read_text(encoding="utf-8").splitlines()
        found["plover-gsr dev"] = [(json.loads(line)["text"], None) for line in lines if line.strip()]
    police = SHARED / "corpora/india-police-events/metadata.jsonl"
    if police.exists():
        rows = [json.loads(line) for line in police.read_text(encoding="utf-8").splitlines() if line.strip()]
        found["india-police-events"] = [
            (r["full_text"], date.fromisoformat(r["date"])) for r in rows if r["doc_id"] % 2 == 0
        ]
    seed = SHARED / "samples/000_3e6b6788e33e2d8c.txt"
    if seed.exists():
        found["seed article x100"] = [(seed.read_text(encoding="utf-8"), date(2021, 10, 14))] * 100
    return found


def bench(documents: list[tuple[str, date | None]], rounds: int) -> tuple[int, float]:
    prepared = [(text, split_sentences(text), tag_timexes(text, day), day) for text, day in documents]
    sentences = sum(len(p[1]) for p in prepared)
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        for text, split, timexes, day in prepared:
            code_events(text, split, timexes, day)
        best = min(best, time.perf_counter() - began)
    return sentences, best


def main(argv: list[str]) -> int:
    rounds = int(argv[1]) if len(argv) > 1 else 3
    found = corpora()
    if not found:
        print(f"no corpora under {SHARED}")
        return 1
    print(f"{'corpus':<22} {'sentences':>9} {'seconds':>8} {'sentences/s':>12}  (best of {rounds})")
    for name, documents in found.items():
        sentences, seconds = bench(documents, rounds)
        print(f"{name:<22} {sentences:>9} {seconds:>8.3f} {sentences / seconds:>12,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
