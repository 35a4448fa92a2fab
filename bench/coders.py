"""The tree coder (transforms/coding/) against the rule coder (transforms/events.py), one process,
on every real article of ../shared/corpora (bench/corpora.py): seconds, articles per second,
events, and the share of sentences the tree coder parses.

    .venv/bin/python bench/coders.py [--save FILE] [--against FILE] [--one-by-one]

The tree coder codes all the articles in one code_batch call (its parser gets the sentences of
many articles at once, as the extraction's batches give them), or with --one-by-one one
code_events call per article, as the rule coder always does. Sentences are split and timexes tagged beforehand, outside the clock; the parser model is loaded
before the clock starts. Prints the tree coder's time as a multiple of the rule coder's.
With --save, the tree coder's events go to FILE as JSON lines (article id, then every Event field);
with --against, they are compared with the events an earlier --save wrote: a change meant only to
be faster must leave them the same.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import SHARED, real_articles  # noqa: E402

from eventpipe.transforms import events as rules  # noqa: E402
from eventpipe.transforms.coding import coder as tree  # noqa: E402
from eventpipe.transforms.coding.actors import article_aliases  # noqa: E402
from eventpipe.transforms.coding.parse import parser  # noqa: E402
from eventpipe.transforms.sentences import split_sentences  # noqa: E402
from eventpipe.transforms.timexes import tag_timexes  # noqa: E402


def main(argv: list[str]) -> int:
    parser_ = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser_.add_argument("--save", type=Path, help="write the tree coder's events here (JSON lines)")
    parser_.add_argument("--against", type=Path, help="compare the tree coder's events with this earlier --save")
    parser_.add_argument("--one-by-one", action="store_true", help="the tree coder too codes one article at a time (code_events)")
    args = parser_.parse_args(argv[1:])
    if not SHARED.is_dir():
        print("../shared is absent: nothing to measure")
        return 0
    prepared, ids = [], []
    for record in real_articles():
        published = date.fromisoformat(record["published"][:10]) if record.get("published") else None
        text = record["text"]
        prepared.append((text, split_sentences(text), tag_timexes(text, published), published))
        ids.append(record["id"])
    sentences = sum(len(split) for _, split, _, _ in prepared)
    parsed = sum(  # as code_events decides, with the article's surnames
        tree.can_yield(s.text, aliases)
        for _, split, _, published in prepared
        for aliases in [article_aliases([s.text for s in split], published)]
        for s in split
    )
    parser()
    seconds, coded = {}, {}
    for name, coder in (("rules", rules), ("tree", tree)):
        start = time.perf_counter()
        if hasattr(coder, "code_batch") and not args.one_by_one:
            coded[name] = coder.code_batch(prepared)
        else:
            coded[name] = [coder.code_events(*article) for article in prepared]
        seconds[name] = time.perf_counter() - start
        events = sum(map(len, coded[name]))
        print(f"{name:5}  {seconds[name]:6.1f} s  {len(prepared) / seconds[name]:6.1f} articles/s  {events} events")
    print(f"{len(prepared)} articles, {sentences} sentences, {parsed} ({parsed / sentences:.0%}) parsed by the tree coder")
    print(f"tree / rules: {seconds['tree'] / seconds['rules']:.1f}x the time")
    lines = [json.dumps({"article": id_} | dataclasses.asdict(event), default=str, sort_keys=True)
             for id_, events in zip(ids, coded["tree"]) for event in events]
    if args.save:
        args.save.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    if args.against:
        before, after = Counter(args.against.read_text(encoding="utf-8").splitlines()), Counter(lines)
        gone, new = before - after, after - before
        where = {(json.loads(line)["article"], json.loads(line)["sentence_index"]) for line in (gone + new).elements()}
        print(f"against {args.against}: {sum(before.values())} -> {sum(after.values())} events; "
              f"{sum(gone.values())} only before, {sum(new.values())} only now, in {len(where)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
