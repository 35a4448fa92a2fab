"""Precision by reading: a fixed-seed sample of events coded from real news, judged by hand.

    .venv/bin/python bench/judge_sample.py --coder rules|tree            # draw the sample
    .venv/bin/python bench/judge_sample.py --coder rules|tree --report   # precision of the judged file

Codes every article of ../shared/corpora/guardian-sdf/articles.csv (Guardian, 2017-2019, no gold),
draws 100 of the coded events and writes them to bench/judgments/guardian-<coder>.jsonl with empty
judgment fields. A reader fills those in: happened, source_ok, target_ok, action_ok (CAMEO root),
mode_ok, date_ok (true or false) and a note. --report prints the share of events right in each
field and in all of them.

The draw ranks events by a seeded hash of their key (article, sentence offset, CAMEO code) and
takes the first 100, so that after a change of the coder the events it left as they were stay in
the sample and only new or changed ones come in; their judgments are carried over from the file
being replaced (same key, same code, actors, date and mode), and the rest are left to judge; judged
events that leave the sample are kept in guardian-<coder>-retired.jsonl, from which they are carried
over too when a later change brings them back. (The rules coder's file was drawn earlier, with
random.Random(13).sample.)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventpipe.transforms.tables.cameo import CODES  # noqa: E402

CORPUS = ROOT.parent / "shared/corpora/guardian-sdf/articles.csv"
JUDGMENTS = ROOT / "bench/judgments"
SAMPLE = 100
SEED = 13
FIELDS = ("happened", "source_ok", "target_ok", "action_ok", "mode_ok", "date_ok")


def with_unique_keys(rows: list[dict]) -> list[dict]:
    """The rows with their keys made unique: a coder can find two events of one CAMEO code in one sentence
    (with other actors), and the second and later of a key get ':2', ':3' appended, in row order."""
    seen: dict[str, int] = {}
    for row in rows:
        base = row["key"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            row["key"] = f"{base}:{seen[base]}"
    return rows


def coded_rows(coder_name: str) -> list[dict]:
    """One row per event coded from any article of the corpus, in article then text order; keyed by
    article, sentence offset and CAMEO code (made unique by with_unique_keys)."""
    from eventpipe.flows.evaluate_events import coder  # loads spaCy only for the tree coder

    code_text = coder(coder_name).code_text
    rows = []
    with CORPUS.open(encoding="utf-8", newline="") as file:
        for article in csv.DictReader(file):
            published = date.fromisoformat(article["date"])
            for e in code_text(article["text"], published):
                rows.append({
                    "key": f"{article['']}:{e.start}:{e.cameo_code}",
                    "article": article[""],
                    "published": article["date"],
                    "sentence": e.sentence,
                    "cameo_code": e.cameo_code,
                    "cameo_name": CODES[e.cameo_code][0],
                    "source": [e.source_name, e.source_country, e.source_sector],
                    "target": [e.target_name, e.target_country, e.target_sector],
                    "event_date": e.event_date.isoformat() if e.event_date else None,
                    "date_precision": e.date_precision,
                    "date_source": e.date_source,
                    "mode": e.mode,
                    **{field: None for field in FIELDS},
                    "note": "",
                })
    return with_unique_keys(rows)


def draw(rows: list[dict]) -> list[dict]:
    """The fixed-seed sample: the SAMPLE rows whose keys rank first by a seeded hash, in that order."""
    return sorted(rows, key=lambda row: hashlib.sha256(f"{SEED}:{row['key']}".encode()).digest())[:SAMPLE]


# What a judgment is of: an event with the same key and these fields is the same event.
CODED = ("cameo_code", "source", "target", "event_date", "date_precision", "date_source", "mode")


def carried_over(sample: list[dict], before: list[dict]) -> int:
    """Copy into the sample the judgments of the same events judged before; the number copied."""
    judged = {_event(row): row for row in before if all(isinstance(row.get(field), bool) for field in FIELDS)}
    copied = 0
    for row in sample:
        old = judged.get(_event(row))
        if old is not None:
            row.update({field: old[field] for field in FIELDS}, note=old.get("note", ""))
            copied += 1
    return copied


def precision(judged: list[dict]) -> dict[str, float]:
    """Share of events judged right in each field, and in all of them ('all')."""
    shares = {field: sum(row[field] is True for row in judged) / len(judged) for field in FIELDS}
    shares["all"] = sum(all(row[field] is True for field in FIELDS) for row in judged) / len(judged)
    return shares


def _event(row: dict) -> tuple[str, str]:
    """What a judgment is of: the event's key and coded fields."""
    return row["key"], json.dumps([row.get(field) for field in CODED])


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] if path.exists() else []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coder", choices=("rules", "tree"), default="rules")
    parser.add_argument("--report", action="store_true", help="print the precision of the judged file")
    args = parser.parse_args(argv)
    path = JUDGMENTS / f"guardian-{args.coder}.jsonl"
    if args.report:
        judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for field, share in precision(judged).items():
            print(f"{field:10} {share:.2f}")
        print(f"({len(judged)} events judged in {path.relative_to(ROOT)})")
        return 0
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    rows = coded_rows(args.coder)
    sample = draw(rows)
    retired = JUDGMENTS / f"guardian-{args.coder}-retired.jsonl"
    before = _read(path)
    copied = carried_over(sample, before + _read(retired))
    JUDGMENTS.mkdir(exist_ok=True)
    # judged events that leave the sample are kept, for when a later change brings them back
    drawn = {row["key"] for row in sample}
    leaving = [row for row in before if row["key"] not in drawn and isinstance(row.get("happened"), bool)]
    if leaving:
        kept = {_event(row): row for row in _read(retired) + leaving}
        retired.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in kept.values()), encoding="utf-8")
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in sample), encoding="utf-8")
    print(f"{len(sample)} of {len(rows)} events drawn to {path.relative_to(ROOT)}; "
          f"{copied} judgments carried over, {len(sample) - copied} to judge")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
