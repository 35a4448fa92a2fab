"""Read TimeML documents and score temporal expressions against their gold TIMEX3 annotation.

`parse_timeml` turns one .tml file's text into the plain text of its <TEXT> element (all tags
removed, entities unescaped), its document creation date and its gold TIMEX3s, with offsets
that are Python str indexes into that text. `score_timexes` computes the TempEval-3 measures:

- strict span: a prediction matches a gold timex with exactly the same offsets;
- relaxed span: they overlap; each gold timex is aligned with at most one prediction and each
  prediction with at most one gold timex, greedily by largest overlap (ties: earlier first);
- type and value: accuracy is the share of relaxed matches with the gold type (exactly the
  gold value); their F1 is that accuracy times the relaxed F1 (as TempEval-3 defines them).

The DATE view scores the gold timexes of type DATE against the predictions aligned to one of
them plus the unaligned predictions typed DATE; a DATE prediction aligned to a non-DATE gold
timex belongs to neither side (it is a type error of the overall view).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Protocol, Sequence


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int  # Python str index into TimemlDocument.text
    end: int  # one past the last char
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    text: str  # character content of <TEXT>, tags removed, entities unescaped
    dct: date | None  # the TIMEX3 with functionInDocument="CREATION_TIME"
    gold: tuple[GoldTimex, ...]


class SpanLike(Protocol):
    """What the scorer needs of a gold or predicted timex (GoldTimex and timexes.Timex fit)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None


# ---------------------------------------------------------------------------------------------
# Parsing.

_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_BARE_AMPERSAND = re.compile(r"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)")


def _html_entities_to_xml(xml: str) -> str:
    """Replace HTML named entities (&nbsp;, &eacute;) that XML does not know by their
    characters, and escape bare ampersands, so that the XML parser accepts the file."""

    def repl(m: re.Match[str]) -> str:
        if m.group(1) in _XML_ENTITIES:
            return m.group(0)
        ch = html.unescape(m.group(0))
        if ch == m.group(0):  # unknown entity: keep it as literal text
            return "&amp;" + m.group(0)[1:]
        return ch.replace("&", "&amp;").replace("<", "&lt;")

    return _NAMED_ENTITY.sub(repl, _BARE_AMPERSAND.sub("&amp;", xml))


def _iso_date(value: str | None) -> date | None:
    m = re.match(r"([0-9]{4})-?([0-9]{2})-?([0-9]{2})", value or "")
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_timeml(xml: str) -> TimemlDocument:
    """The text, creation date and gold TIMEX3s of one TimeML document.

    Raises ValueError (one line) when xml is not well-formed or has no <TEXT> element.

    >>> doc = parse_timeml('<TimeML><TEXT>On <TIMEX3 type="DATE" value="1998-01-08">Jan. 8</TIMEX3>.</TEXT></TimeML>')
    >>> doc.text, doc.gold[0].start, doc.gold[0].value
    ('On Jan. 8.', 3, '1998-01-08')
    """
    if xml.startswith("\ufeff"):
        xml = xml[1:]
    try:
        root = ET.fromstring(_html_entities_to_xml(xml))
    except ET.ParseError as error:
        raise ValueError(f"not a TimeML document: {error}") from None
    body = next((el for el in root.iter() if _local(el.tag) == "TEXT"), None)
    if body is None:
        raise ValueError("not a TimeML document: no <TEXT> element")
    dct = None
    for el in root.iter():
        if _local(el.tag) == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_date(el.get("value"))
            break

    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if _local(el.tag) == "TIMEX3" and el is not body:
            gold.append(GoldTimex(start, length, "", el.get("type") or "", el.get("value")))

    walk(body)
    full = "".join(parts)
    gold = [GoldTimex(g.start, g.end, full[g.start : g.end], g.type, g.value) for g in gold]
    gold.sort(key=lambda g: (g.start, g.end))
    return TimemlDocument(full, dct, tuple(gold))


# ---------------------------------------------------------------------------------------------
# Scoring.


@dataclass(frozen=True, slots=True)
class TimexError:
    kind: str  # "missed" | "spurious" | "wrong_value" | "wrong_type"
    document: str
    start: int
    end: int
    text: str  # the gold text (the predicted one for spurious)
    gold_type: str | None
    gold_value: str | None
    predicted_text: str | None
    predicted_type: str | None
    predicted_value: str | None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class ViewScores:
    """Counts for one view (all timexes, or DATE only) and the measures derived from them."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0  # predictions with exactly a gold timex's offsets
    relaxed: int = 0  # aligned pairs
    type_ok: int = 0  # aligned pairs with the same type
    value_ok: int = 0  # aligned pairs with the same value

    def __add__(self, other: ViewScores) -> ViewScores:
        return ViewScores(*(getattr(self, k) + getattr(other, k) for k in self.__slots__))

    @staticmethod
    def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict, self.predicted, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed, self.predicted, self.gold)

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_prf[2]

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_prf[2]

    def to_dict(self) -> dict:
        sp, sr, sf = self.strict_prf
        rp, rr, rf = self.relaxed_prf
        return {
            "gold": self.gold, "predicted": self.predicted, "strict_matches": self.strict,
            "relaxed_matches": self.relaxed, "type_matches": self.type_ok, "value_matches": self.value_ok,
            "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
            "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
            "type_accuracy": self.type_accuracy, "type_f1": self.type_f1,
            "value_accuracy": self.value_accuracy, "value_f1": self.value_f1,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimexScores:
    documents: int
    overall: ViewScores
    date: ViewScores  # gold DATE timexes only (see the module docstring)
    errors: tuple[TimexError, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "overall": self.overall.to_dict(), "date": self.date.to_dict()}


def align(gold: Sequence[SpanLike], predicted: Sequence[SpanLike]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans, chosen greedily by
    largest overlap (ties: earlier gold, then earlier prediction); sorted by gold index."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _view(gold: Sequence[SpanLike], predicted: Sequence[SpanLike], pairs: Iterable[tuple[int, int]]) -> ViewScores:
    pairs = list(pairs)
    exact = {(g.start, g.end) for g in gold}
    return ViewScores(
        gold=len(gold),
        predicted=len(predicted),
        strict=sum((p.start, p.end) in exact for p in predicted),
        relaxed=len(pairs),
        type_ok=sum(gold[i].type == predicted[j].type for i, j in pairs),
        value_ok=sum(gold[i].value == predicted[j].value for i, j in pairs),
    )


def _document_scores(
    gold: Sequence[SpanLike], predicted: Sequence[SpanLike], name: str
) -> tuple[ViewScores, ViewScores, list[TimexError]]:
    gold = sorted(gold, key=lambda t: (t.start, t.end))
    predicted = sorted(predicted, key=lambda t: (t.start, t.end))
    pairs = align(gold, predicted)
    overall = _view(gold, predicted, pairs)

    gold_of = {j: i for i, j in pairs}
    date_gold = [i for i, g in enumerate(gold) if g.type == "DATE"]
    date_pred = [j for j, p in enumerate(predicted)
                 if (j in gold_of and gold[gold_of[j]].type == "DATE") or (j not in gold_of and p.type == "DATE")]  # fmt: skip
    gi = {i: k for k, i in enumerate(date_gold)}
    pj = {j: k for k, j in enumerate(date_pred)}
    date_view = _view(
        [gold[i] for i in date_gold],
        [predicted[j] for j in date_pred],
        [(gi[i], pj[j]) for i, j in pairs if i in gi and j in pj],
    )

    errors: list[TimexError] = []
    matched_p = {j for _, j in pairs}
    pred_of = dict(pairs)
    for i, g in enumerate(gold):
        j = pred_of.get(i)
        p = predicted[j] if j is not None else None
        if p is None:
            errors.append(TimexError("missed", name, g.start, g.end, g.text, g.type, g.value, None, None, None))
            continue
        for kind, bad in (("wrong_type", g.type != p.type), ("wrong_value", g.value != p.value)):
            if bad:
                errors.append(TimexError(kind, name, g.start, g.end, g.text, g.type, g.value, p.text, p.type, p.value))
    for j, p in enumerate(predicted):
        if j not in matched_p:
            errors.append(TimexError("spurious", name, p.start, p.end, p.text, None, None, p.text, p.type, p.value))
    errors.sort(key=lambda e: e.start)
    return overall, date_view, errors


def score_timexes(
    pairs: Sequence[tuple[Sequence[SpanLike], Sequence[SpanLike]]], names: Sequence[str] | None = None
) -> TimexScores:
    """TempEval-3 scores of predicted timexes against gold ones, one (gold, predicted) pair per
    document; names (default: the document's index) label the errors."""
    overall, date_view = ViewScores(), ViewScores()
    errors: list[TimexError] = []
    for k, (gold, predicted) in enumerate(pairs):
        name = names[k] if names is not None else str(k)
        o, d, e = _document_scores(gold, predicted, name)
        overall, date_view = overall + o, date_view + d
        errors.extend(e)
    return TimexScores(len(pairs), overall, date_view, tuple(errors))


def format_report(scores: TimexScores, errors: Sequence[TimexError] | None = None, n_errors: int = 20) -> str:
    """A plain-text report: strict and relaxed P/R/F1, type and value F1, overall and for DATE,
    then the first n_errors errors (default: those of scores)."""
    errors = scores.errors if errors is None else errors
    lines = [f"{scores.documents} documents, {scores.overall.gold} gold timexes, {scores.overall.predicted} predicted"]
    lines.append(f"{'':8} {'strict P':>8} {'R':>6} {'F1':>6}  {'relaxed P':>9} {'R':>6} {'F1':>6}  {'type F1':>7}  {'value F1':>8}")
    for label, view in (("overall", scores.overall), ("DATE", scores.date)):
        sp, sr, sf = view.strict_prf
        rp, rr, rf = view.relaxed_prf
        lines.append(f"{label:8} {sp:8.3f} {sr:6.3f} {sf:6.3f}  {rp:9.3f} {rr:6.3f} {rf:6.3f}  "
                     f"{view.type_f1:7.3f}  {view.value_f1:8.3f}")  # fmt: skip
    if n_errors > 0 and errors:
        counts: dict[str, int] = {}
        for e in errors:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        lines.append("")
        lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        for e in list(errors)[:n_errors]:
            shown = e.text if e.predicted_text in (None, e.text) else f"{e.text} | {e.predicted_text}"
            lines.append(f"{e.kind:11} {e.document}  {shown!r}  gold={e.gold_type}:{e.gold_value}  "
                         f"predicted={e.predicted_type}:{e.predicted_value}")  # fmt: skip
    return "\n".join(lines)
