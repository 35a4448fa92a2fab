"""Evaluate the event coder on the gold standards in ../shared/corpora: the IO edge of the scoring.

    scores, errors = evaluate_plover(Path("../shared/corpora/plover-gsr/dev.jsonl"))
    print(format_plover_report(scores, errors, max_errors=10))
    scores, errors = evaluate_police(Path("../shared/corpora/india-police-events"))
    print(format_police_report(scores, errors, max_errors=10))

Reading files happens here; coding (split_sentences, tag_timexes, code_events) and scoring
(transforms/event_scoring.py) are the pure transforms the pipeline uses.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

from transforms.event_scoring import (
    PloverError,
    PloverGold,
    PloverScores,
    PoliceError,
    PoliceScores,
    PoliceSentence,
    police_labels,
    score_plover,
    score_police,
)
from transforms.events import Event, code_events, code_text
from transforms.sentences import Sentence
from transforms.timexes import tag_timexes


class EvaluationError(Exception):
    """An unreadable or malformed gold file: one line for the user."""


def _json_lines(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read {path}: {error}") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            raise EvaluationError(f"{path}:{number}: not a JSON object") from None
    return records


def evaluate_plover(path: Path) -> tuple[PloverScores, list[PloverError]]:
    """Score the coder on PLOVER gold-standard records (JSON lines as in plover-gsr/dev.jsonl).

    The records' dates are placeholders (corpus README), so texts are coded without a
    publication date: named people take their open-ended role.
    """
    coded = []
    for number, record in enumerate(_json_lines(Path(path)), start=1):
        try:
            gold = PloverGold.from_record(record)
        except (KeyError, TypeError, AttributeError):
            raise EvaluationError(f"{path}:{number}: expected 'text', 'event' and 'source' fields") from None
        coded.append((gold, code_text(gold.text, None)))
    return score_plover(coded)


def evaluate_police(directory: Path) -> tuple[PoliceScores, list[PoliceError]]:
    """Score ARREST, FORCE and KILL per sentence on IndiaPoliceEvents (even doc_ids: the dev half).

    Each document is coded whole (so names seen earlier help later sentences) with the corpus's
    own sentence split, so that our events line up with the labelled sentences.
    """
    directory = Path(directory)
    docs = {d["doc_id"]: d["doc_text"] for d in _json_lines(directory / "docs.jsonl") if d["doc_id"] % 2 == 0}
    dates = {m["doc_id"]: m.get("date") for m in _json_lines(directory / "metadata.jsonl")}
    labelled: dict[int, list[dict]] = defaultdict(list)
    for row in _json_lines(directory / "sents.jsonl"):
        if row["doc_id"] in docs:
            labelled[row["doc_id"]].append(row)
    rows = []
    for doc_id in sorted(labelled):
        text = docs[doc_id]
        published = date.fromisoformat(dates[doc_id]) if dates.get(doc_id) else None
        sentences = _locate(text, [r["sent_text"] for r in labelled[doc_id]])
        events = code_events(text, sentences, tag_timexes(text, published), published)
        by_sentence: dict[int, list[Event]] = defaultdict(list)
        for event in events:
            by_sentence[event.sentence_index].append(event)
        for index, row in enumerate(labelled[doc_id]):
            ours = by_sentence.get(index, [])
            rows.append(PoliceSentence(
                doc_id, row["sent_id"], row["sent_text"], frozenset(row["sent_labels"]),
                police_labels(ours), tuple(_describe(e) for e in ours),
            ))
    return score_police(rows)


def _locate(text: str, pieces: list[str]) -> list[Sentence]:
    """Sentences at the offsets where the given pieces occur in order in the text."""
    sentences = []
    at = 0
    for index, piece in enumerate(pieces):
        start = text.find(piece, at)
        if start < 0:
            raise EvaluationError(f"sentence {index} not found in its document")
        sentences.append(Sentence(index, start, start + len(piece), piece))
        at = start + len(piece)
    return sentences


def _describe(event: Event) -> str:
    return (f"{event.cameo_code} {event.source_country or '-'}/{event.source_sector or '-'}"
            f" -> {event.target_country or '-'}/{event.target_sector or '-'}")


# ---------------------------------------------------------------- reports


def format_plover_report(scores: PloverScores, errors: list[PloverError], max_errors: int = 0) -> str:
    """Printable shares per field, category accuracy per PLOVER category, and the first errors."""
    lines = [
        f"PLOVER records: {scores.records} ({scores.coded} with an event)",
        f"  category        {scores.category:.3f}",
        f"  source country  {scores.source_country:.3f}",
        f"  target country  {scores.target_country:.3f}",
        f"  source sector   {scores.source_sector:.3f}",
        f"  all four        {scores.all_correct:.3f}",
        "  by category: " + ", ".join(f"{k} {r}/{n}" for k, (r, n) in scores.by_category.items()),
    ]
    if max_errors and errors:
        lines.append(f"errors (first {min(max_errors, len(errors))} of {len(errors)}):")
        for error in errors[:max_errors]:
            lines.append(f"  {error.record_id}  wrong: {', '.join(error.wrong)}")
            lines.append(f"    gold {error.gold}   ours {error.ours}")
            lines.append(f"    {error.text.strip()}")
    return "\n".join(lines)


def format_police_report(scores: PoliceScores, errors: list[PoliceError], max_errors: int = 0) -> str:
    """Printable precision, recall and F1 per label, and the first errors."""
    lines = [f"IndiaPoliceEvents sentences: {scores.sentences}",
             "  label    precision  recall  F1     tp   fp   fn"]
    for label, s in scores.labels.items():
        lines.append(f"  {label:<8} {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:.3f}  "
                     f"{s.true_positives:3d}  {s.false_positives:3d}  {s.false_negatives:3d}")
    if max_errors and errors:
        lines.append(f"errors (first {min(max_errors, len(errors))} of {len(errors)}):")
        for error in errors[:max_errors]:
            codes = "; ".join(error.codes) or "no event"
            lines.append(f"  doc {error.doc_id} sent {error.sent_id}  {error.label} {error.kind}  [{codes}]")
            lines.append(f"    {' '.join(error.text.split())[:300]}")
    return "\n".join(lines)

