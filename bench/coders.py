"""The tree coder (transforms/coding/) against the rule coder (transforms/events.py), one process,
on every real article of ../shared/corpora (bench/corpora.py): seconds, articles per second,
events, and the share of sentences the tree coder parses.

    .venv/bin/python bench/coders.py

Sentences are split and timexes tagged beforehand, outside the clock; the parser model is loaded
before the clock starts. Prints the tree coder's time as a multiple of the rule coder's.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import SHARED, real_articles  # noqa: E402

from eventpipe.transforms import events as rules  # noqa: E402
from eventpipe.transforms.coding import coder as tree  # noqa: E402
from eventpipe.transforms.coding.parse import parser  # noqa: E402
from eventpipe.transforms.sentences import split_sentences  # noqa: E402
from eventpipe.transforms.timexes import tag_timexes  # noqa: E402


def main() -> int:
    if not SHARED.is_dir():
        print("../shared is absent: nothing to measure")
        return 0
    prepared = []
    for record in real_articles():
        published = date.fromisoformat(record["published"][:10]) if record.get("published") else None
        text = record["text"]
        prepared.append((text, split_sentences(text), tag_timexes(text, published), published))
    sentences = sum(len(split) for _, split, _, _ in prepared)
    parsed = sum(tree.can_yield(s.text) for _, split, _, _ in prepared for s in split)
    parser()
    seconds = {}
    for name, coder in (("rules", rules), ("tree", tree)):
        start = time.perf_counter()
        events = sum(len(coder.code_events(*article)) for article in prepared)
        seconds[name] = time.perf_counter() - start
        print(f"{name:5}  {seconds[name]:6.1f} s  {len(prepared) / seconds[name]:6.1f} articles/s  {events} events")
    print(f"{len(prepared)} articles, {sentences} sentences, {parsed} ({parsed / sentences:.0%}) parsed by the tree coder")
    print(f"tree / rules: {seconds['tree'] / seconds['rules']:.1f}x the time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
