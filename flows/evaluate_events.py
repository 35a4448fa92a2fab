"""Evaluate the event coder on the gold standards in ../shared/corpora: the IO edge of the scoring.

    scores, errors = evaluate_plover(Path("../shared/corpora/plover-gsr/dev.jsonl"))
    print(format_plover_report(scores, errors, max_errors=10))
    scores, errors = evaluate_police(Path("../shared/corpora/india-police-events"))
    print(format_police_report(scores, errors, max_errors=10))
    scores, errors = evaluate_news(Path("../shared/corpora/dated-news-dev/articles.jsonl"))
    print(format_news_report(scores, errors, max_errors=10))

Reading files happens here; coding (code_text; the police corpus's own sentences through
code_events) and scoring (transforms/event_scoring.py) are the pure transforms the pipeline uses.
Each evaluation returns the scores of the tuning half, the check half and all records
(`Halves`, transforms/splits.py) and every error; a report lists the errors of one half
(`half`, by default the tuning half: rules are written only from its failures).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

from eventpipe.transforms.event_scoring import (
    Halves,
    NewsError,
    NewsReport,
    NewsScores,
    PloverError,
    PloverGold,
    PloverScores,
    PoliceError,
    PoliceScores,
    PoliceSentence,
    by_half,
    police_labels,
    score_news,
    score_plover,
    score_police,
)
from eventpipe.transforms.events import Event
from eventpipe.transforms.frames import DEFAULT_CODER, coder_of
from eventpipe.transforms.sentences import Sentence
from eventpipe.transforms.splits import CHECK, TUNE
from eventpipe.transforms.timexes import tag_timexes

HALF_TITLES = {TUNE: "tuning half", CHECK: "check half", "all": "all"}


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


def coder(name: str = DEFAULT_CODER):
    """The coding module a name picks (transforms/frames.coder_of), an unknown name one line."""
    try:
        return coder_of(name)
    except ValueError as error:
        raise EvaluationError(str(error)) from None


def evaluate_plover(path: Path, coder_name: str = DEFAULT_CODER) -> tuple[Halves[PloverScores], list[PloverError]]:
    """Score the coder on PLOVER gold-standard records (JSON lines as in plover-gsr/dev.jsonl), per half.

    The records' dates are placeholders (corpus README), so texts are coded without a
    publication date: named people take their open-ended role.
    """
    code_text = coder(coder_name).code_text
    coded = []
    for number, record in enumerate(_json_lines(Path(path)), start=1):
        try:
            gold = PloverGold.from_record(record)
        except (KeyError, TypeError, AttributeError):
            raise EvaluationError(f"{path}:{number}: expected 'text', 'event' and 'source' fields") from None
        coded.append((gold, code_text(gold.text, None)))
    return by_half(coded, lambda pair: pair[0].record_id, score_plover)


def evaluate_police(directory: Path, coder_name: str = DEFAULT_CODER) -> tuple[Halves[PoliceScores], list[PoliceError]]:
    """Score ARREST, FORCE and KILL per sentence on IndiaPoliceEvents (even doc_ids: the dev set), per half.

    Each document is coded whole (so names seen earlier help later sentences) with the corpus's
    own sentence split, so that our events line up with the labelled sentences.
    """
    code_events = coder(coder_name).code_events
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
    return by_half(rows, lambda row: str(row.doc_id), score_police)


def evaluate_news(path: Path, coder_name: str = DEFAULT_CODER) -> tuple[Halves[NewsScores], list[NewsError]]:
    """Score the coder on wire reports with gold events (dated-news-dev/articles.jsonl), per half.

    Each report is coded whole with its publication date, as `eventpipe run` codes an article.
    """
    code_text = coder(coder_name).code_text
    coded = []
    for number, record in enumerate(_json_lines(Path(path)), start=1):
        try:
            report = NewsReport.from_record(record)
        except (KeyError, TypeError, AttributeError, IndexError, ValueError):
            raise EvaluationError(
                f"{path}:{number}: expected 'id', 'published' (YYYY-MM-DD), 'text' and 'gold' events "
                "with 'roots' and 'dates'") from None
        coded.append((report, code_text(report.text, report.published)))
    return by_half(coded, lambda pair: pair[0].report_id, score_news)


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


def _blocks(scores: Halves, block) -> list[str]:
    """The same table for the tuning half, the check half and all records."""
    return [line for name in (TUNE, CHECK, "all") for line in block(getattr(scores, name), HALF_TITLES[name])]


def errors_of(errors: list, half: str) -> list:
    """The errors of one half: 'tune', 'check', or 'all' for every error."""
    return [e for e in errors if half == "all" or e.half == half]


def _error_lines(errors: list, half: str, max_errors: int, lines_of) -> list[str]:
    """The first errors of one half, under a header saying how many there are."""
    chosen = errors_of(errors, half)
    if not max_errors or not chosen:
        return []
    out = [f"errors, {HALF_TITLES[half]} (first {min(max_errors, len(chosen))} of {len(chosen)}):"]
    for error in chosen[:max_errors]:
        out += lines_of(error)
    return out


def format_plover_report(
    scores: Halves[PloverScores], errors: list[PloverError], max_errors: int = 0, half: str = TUNE
) -> str:
    """Printable shares per field and category accuracy per PLOVER category for each half and
    all records, and the first errors of one half."""

    def block(s: PloverScores, title: str) -> list[str]:
        return [
            f"PLOVER records, {title}: {s.records} ({s.coded} with an event)",
            f"  category        {s.category:.3f}",
            f"  source country  {s.source_country:.3f}",
            f"  target country  {s.target_country:.3f}",
            f"  source sector   {s.source_sector:.3f}",
            f"  all four        {s.all_correct:.3f}",
            "  by category: " + ", ".join(f"{k} {r}/{n}" for k, (r, n) in s.by_category.items()),
        ]

    def error_lines(error: PloverError) -> list[str]:
        return [f"  {error.record_id}  wrong: {', '.join(error.wrong)}",
                f"    gold {error.gold}   ours {error.ours}",
                f"    {error.text.strip()}"]

    return "\n".join(_blocks(scores, block) + _error_lines(errors, half, max_errors, error_lines))


def format_police_report(
    scores: Halves[PoliceScores], errors: list[PoliceError], max_errors: int = 0, half: str = TUNE
) -> str:
    """Printable precision, recall and F1 per label for each half and all sentences, and the
    first errors of one half."""

    def block(s: PoliceScores, title: str) -> list[str]:
        lines = [f"IndiaPoliceEvents sentences, {title}: {s.sentences}",
                 "  label    precision  recall  F1     tp   fp   fn"]
        for label, x in s.labels.items():
            lines.append(f"  {label:<8} {x.precision:9.3f}  {x.recall:6.3f}  {x.f1:.3f}  "
                         f"{x.true_positives:3d}  {x.false_positives:3d}  {x.false_negatives:3d}")
        return lines

    def error_lines(error: PoliceError) -> list[str]:
        codes = "; ".join(error.codes) or "no event"
        return [f"  doc {error.doc_id} sent {error.sent_id}  {error.label} {error.kind}  [{codes}]",
                f"    {' '.join(error.text.split())[:300]}"]

    return "\n".join(_blocks(scores, block) + _error_lines(errors, half, max_errors, error_lines))


def format_news_report(
    scores: Halves[NewsScores], errors: list[NewsError], max_errors: int = 0, half: str = TUNE
) -> str:
    """Printable shares of gold events found and wrongly asserted for each half and all reports,
    and the first errors of one half: the gold event, its sentence, the closest events coded there."""

    def share(part: int, whole: int) -> str:  # from the counts: 16 of 84 is 0.190, not round(0.1905, 3)
        return f"{part / whole if whole else 0.0:.3f}"

    def block(s: NewsScores, title: str) -> list[str]:
        return [
            f"dated-news reports, {title}: {s.reports} ({s.coded_asserted} asserted events coded)",
            f"  found                   {share(s.found, s.asserted)}  {s.found:3d} of {s.asserted:3d} asserted gold events",
            f"  found ignoring date     {share(s.found_ignoring_date, s.asserted)}  {s.found_ignoring_date:3d}",
            f"  found ignoring actors   {share(s.found_ignoring_actors, s.asserted)}  {s.found_ignoring_actors:3d}",
            f"  wrongly asserted        {share(s.wrongly_asserted, s.not_asserted)}  {s.wrongly_asserted:3d} of "
            f"{s.not_asserted:3d} negated, intended or hypothetical",
        ]

    def error_lines(error: NewsError) -> list[str]:
        lines = [f"  {error.report_id}  {error.kind}: {error.note}",
                 f"    gold {error.gold}",
                 f"    {error.sentence[:300]}"]
        lines += [f"    ours {event}" for event in error.closest] or ["    ours (no event in the sentence)"]
        return lines

    return "\n".join(_blocks(scores, block) + _error_lines(errors, half, max_errors, error_lines))
