"""Speed and value F1 of our temporal tagger against dateparser's search_dates on TimeML.

    python bench/timex.py [DIR]      # default: ../shared/corpora/timeml-tbaq

Both run in this process over the same documents, each warmed up on the first document. A
search_dates hit becomes a DATE prediction whose value is the ISO day it returns, its span the
first occurrence of the matched string at or after the previous hit; the same scorer scores both.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventpipe.flows.evaluate import read_timeml_dir  # noqa: E402
from eventpipe.transforms.timeml import GoldTimex, score_timexes  # noqa: E402
from eventpipe.transforms.timexes import tag_timexes  # noqa: E402


def search_dates_predictions(text: str, dct) -> list[GoldTimex]:
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day) if dct else datetime(2000, 1, 1)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out, pos = [], 0
    for matched, when in found:
        start = text.find(matched, pos)
        if start < 0:
            start = text.find(matched)
        if start < 0:
            continue
        end = start + len(matched)
        pos = end
        out.append(GoldTimex(start, end, matched, "DATE", when.date().isoformat()))
    return out


def ours(text: str, dct) -> list:
    return tag_timexes(text, dct)


def run(name, fn, docs) -> tuple[float, list]:
    fn(docs[0][1].text, docs[0][1].dct)  # warm up
    t0 = time.perf_counter()
    predictions = [fn(doc.text, doc.dct) for _, doc in docs]
    return time.perf_counter() - t0, predictions


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "corpora" / "timeml-tbaq"
    if not folder.exists():
        print(f"skipped: {folder} is absent")
        return 0
    wall0 = time.perf_counter()
    docs = read_timeml_dir(folder)
    names = [name for name, _ in docs]
    results = {}
    for label, fn in (("eventpipe", ours), ("search_dates", search_dates_predictions)):
        seconds, predictions = run(label, fn, docs)
        scores = score_timexes([(doc.gold, p) for (_, doc), p in zip(docs, predictions)], names)
        results[label] = (seconds, scores)
        print(f"{label:13} {len(docs) / seconds:9.1f} docs/s  {seconds:7.2f} s  "
              f"value F1 {scores.overall.value_f1:.3f} (DATE {scores.date.value_f1:.3f})  "
              f"relaxed F1 {scores.overall.relaxed_prf[2]:.3f}")  # fmt: skip
    ratio = results["search_dates"][0] / results["eventpipe"][0]
    print(f"eventpipe is {ratio:.1f}x faster than search_dates on {len(docs)} documents "
          f"({sum(len(d.gold) for _, d in docs)} gold timexes); wall time {time.perf_counter() - wall0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
