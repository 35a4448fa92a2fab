"""Score coded events against gold standards: PLOVER records, IndiaPoliceEvents sentence labels and
the gold events of dated-news-dev wire reports; each per half of the tuning/check split.

Pure: the callers (flows/evaluate_events.py) read the files and run the coder; these functions
compare values.

PLOVER (gold-standard records, openeventdata/PLOVER, CC BY-SA 4.0). Each record is one text with
one event: a category of the 18-category draft scheme, source and target actors with a country
code and sometimes a sector. Our events for the text are compared field by field:

- category: our CAMEO code falls in the category (`PLOVER_CAMEO`, prefixes of CAMEO codes;
  the grouping follows CAMEO2PLOVER-2021.txt, PLOVER draft 0.8, with the older README's
  DEMAND/DISAPPROVE/INVESTIGATE/FIGHT split kept);
- source / target country: our code is one of the gold codes (a compound gold actor lists
  several); a gold record without a target counts right when we have none;
- source sector: the first 3-letter group of the gold sector equals ours (both absent is right);
- all: the four together.

Which events count (`plover_counted`): asserted and intended ones, whatever their code. PLOVER
codes an announced intention under the category of the action announced ('offered to hand over'
is AGREE, 'announced it would prohibit all aid' SANCTION) and keeps the intention in a separate
mode field, which we do not score; our intended events carry the deed's code or CAMEO's code for
the intention (036, 138), both of which the category tells. A negated or hypothetical event ('did
not sign', 'may attack') counts for nothing.

A joint action (`joint_action`): PLOVER writes 'A and B signed a treaty' with both as sources and
no target; CAMEO, and this coder, write the same dyad as A -> B. When a gold record has two or
more source countries and no target, an event from one of them to another of them is the same
reading and its target counts right; an event to a third country, or to its own, does not.

"Our event" for a record, when the coder finds several in its text: the first whose code falls in
the gold category, else the first. Choosing by category only (never by actors) keeps the
actor scores honest: they are measured on the event we would have reported for that category.

IndiaPoliceEvents (Halterman et al. 2021, slanglab/IndiaPoliceEvents): per sentence, a label is
predicted when an event the sentence reports as happening (`reported`: asserted, or an intention
stated and coded as such, 03x/13x, which never gives a label) has a police source (sector COP) and

- ARREST: CAMEO 173 (arrest, detain);
- FORCE: a root from 17 to 20 (coerce, assault, fight, mass violence), except the coercion
  that is not force or violence, 170-174 (coercion not specified, such as deploying or
  restricting, seize property, curfews and bans, arrest, expel): the
  gold question is "did police use force or violence?", and an arrest alone is labelled ARREST;
- KILL: 1823 (kill by physical assault) or 186 (assassinate), or a root 19 or 20 when the sentence
  reports deaths: a word of `DEATH_WORDS` in it ('killed', 'dead', 'died', 'toll' ...). The
  coder has no casualty field, so the sentence's own words stand for "deaths reported".

dated-news-dev (../shared/corpora/dated-news-dev, its README states the rules): wire reports with
gold events, each with the CAMEO roots a careful coder could defend, the range of days it happened
in, the precision the text gives, acceptable source and target countries (or the two parties of a
joint action, `pair`), and a mode. Per gold event and the events coded from its report
(`news_criteria`): the root is one of `roots`; the actors are a source in `source` and a target in
`target`, or the pair in either order; the event date lies in the range; the precision equals
the gold's when it gives one (`NEWS_PRECISION` reads a time of day as day and a week as month, the
corpus's own convention for week-level expressions; a weekend is two days, day-level, as the gold
writes 'at the weekend'). Then

- an asserted gold event is found when one asserted event meets all four; the partial shares
  (found ignoring the date and precision; found ignoring the actors) say which field fails;
- a gold event that must not come out asserted (negated, intended, hypothetical) is wrongly
  asserted when one asserted event meets root, actors and date (precision ignored).

Halves: every evaluation reports the tuning half, the check half and all records
(`transforms/splits.py`, `by_half`), from one coding run; each error knows its half.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Generic, TypeVar

from eventpipe.transforms.actors import IGO_BODIES
from eventpipe.transforms.events import Event
from eventpipe.transforms.splits import CHECK, TUNE, half, split

# PLOVER category -> CAMEO code prefixes (a code is in the category when it starts with one).
PLOVER_CAMEO: dict[str, tuple[str, ...]] = {
    "AGREE": ("03", "057"),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "CONCEDE": ("08",),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "RETREAT": ("08",),
    "DEMAND": ("10", "02"),
    "DISAPPROVE": ("11",),
    "INVESTIGATE": ("09",),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "MOBILIZE": ("15",),
    "SANCTION": ("16",),
    "COERCE": ("17",),
    "ASSAULT": ("18", "20"),
    "FIGHT": ("19",),
}

# Country codes the gold file writes in CAMEO's pre-ISO form ('Tokyo' -> JAP in the records).
LEGACY_COUNTRY = {"JAP": "JPN"}

POLICE_LABELS = ("ARREST", "FORCE", "KILL")
_NOT_FORCE = ("170", "171", "172", "173", "174")
DEATH_WORDS = re.compile(
    r"\b(?:kill(?:s|ed|ing|ings)?|dead|died|dies|dying|deaths?|death toll|toll|murder(?:s|ed)?|"
    r"lynch(?:ed|ing)?|bodies|body|fatal(?:ly)?|lives|succumbed|perished|massacred?)\b"
)


# ---------------------------------------------------------------- PLOVER


@dataclass(frozen=True, slots=True)
class PloverGold:
    record_id: str
    text: str
    category: str
    source_countries: frozenset[str]
    target_countries: frozenset[str]
    source_sectors: frozenset[str | None]  # first 3-letter group of each source's sector

    @classmethod
    def from_record(cls, record: Mapping) -> PloverGold:
        """A gold-standard JSON record (as in plover-gsr/dev.jsonl) -> the fields we score."""
        sources = _actors(record.get("source"))
        targets = _actors(record.get("target"))
        return cls(
            record_id=str(record.get("id", "")),
            text=record["text"],
            category=record["event"],
            source_countries=frozenset(_country(a.get("code")) for a in sources if a.get("code")),
            target_countries=frozenset(_country(a.get("code")) for a in targets if a.get("code")),
            source_sectors=frozenset((a.get("sector") or "")[:3] or None for a in sources) or frozenset({None}),
        )


def _actors(value) -> list[Mapping]:
    """A record's source/target: a list of actor objects, or '' / None / a stray word for none."""
    return [a for a in value if isinstance(a, Mapping)] if isinstance(value, list) else []


def _country(code: str | None) -> str | None:
    return LEGACY_COUNTRY.get(code, code) if code else None


# CAMEO roots that code the stating of an intention, not the deed intended.
_INTENT_ROOTS = ("03", "13")


def reported(event: Event) -> bool:
    """The text says it happened: asserted, or an intention stated (036, 138). Police scoring."""
    return event.mode == "asserted" or event.mode == "intended" and event.cameo_root in _INTENT_ROOTS


def plover_counted(event: Event) -> bool:
    """Asserted or intended, whatever the code: PLOVER scoring (see the module doc)."""
    return event.mode in ("asserted", "intended")


def as_plover(country: str | None) -> str | None:
    """Our country code as PLOVER's gold writes it: every intergovernmental body is IGO there,
    while our actors carry the body's own CAMEO code (UNO, NAT, EUR ...)."""
    return "IGO" if country in IGO_BODIES else country


def joint_action(gold: PloverGold, event: Event) -> bool:
    """Our A -> B for a gold joint action of A and B (sources A|B, no target; see the module doc)."""
    return (
        len(gold.source_countries) >= 2 and not gold.target_countries
        and as_plover(event.source_country) in gold.source_countries
        and as_plover(event.target_country) in gold.source_countries
        and event.source_country != event.target_country
    )


def in_category(category: str, cameo_code: str) -> bool:
    return cameo_code.startswith(PLOVER_CAMEO.get(category, ()))


def pick_event(category: str, events: Sequence[Event]) -> Event | None:
    """The first counted event whose code falls in the category, else the first, else None."""
    events = [e for e in events if plover_counted(e)]
    return next((e for e in events if in_category(category, e.cameo_code)), events[0] if events else None)


PLOVER_FIELDS = ("category", "source_country", "target_country", "source_sector")


@dataclass(frozen=True, slots=True)
class PloverError:
    record_id: str
    text: str
    wrong: tuple[str, ...]  # names from PLOVER_FIELDS
    gold: str  # 'DEMAND USA/GOV -> IRQ'
    ours: str  # '112 USA/GOV -> IRQ', or '(no event)'

    @property
    def half(self) -> str:
        return half(self.record_id)


@dataclass(frozen=True, slots=True)
class PloverScores:
    records: int
    coded: int  # records where the coder found at least one event
    category: float
    source_country: float
    target_country: float
    source_sector: float
    all_correct: float
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> (right, total)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["by_category"] = {k: list(v) for k, v in self.by_category.items()}
        return out


def judge_plover(gold: PloverGold, events: Sequence[Event]) -> tuple[dict[str, bool], Event | None]:
    """Right or wrong for each of PLOVER_FIELDS, and the event judged."""
    ours = pick_event(gold.category, events)
    if ours is None:
        return {
            "category": False, "source_country": False,
            "target_country": not gold.target_countries, "source_sector": False,
        }, None
    return {
        "category": in_category(gold.category, ours.cameo_code),
        "source_country": as_plover(ours.source_country) in gold.source_countries,
        "target_country": (
            as_plover(ours.target_country) in gold.target_countries if gold.target_countries
            else ours.target_country is None or joint_action(gold, ours)
        ),
        "source_sector": ours.source_sector in gold.source_sectors,
    }, ours


def score_plover(coded: Iterable[tuple[PloverGold, Sequence[Event]]]) -> tuple[PloverScores, list[PloverError]]:
    """Shares of records right on each field (and on all of them), with the records that were not."""
    right = dict.fromkeys((*PLOVER_FIELDS, "all"), 0)
    by_category: dict[str, list[int]] = {}
    errors = []
    records = with_events = 0
    for gold, events in coded:
        records += 1
        with_events += any(plover_counted(e) for e in events)
        verdict, ours = judge_plover(gold, events)
        for name, ok in verdict.items():
            right[name] += ok
        right["all"] += all(verdict.values())
        tally = by_category.setdefault(gold.category, [0, 0])
        tally[0] += verdict["category"]
        tally[1] += 1
        wrong = tuple(name for name in PLOVER_FIELDS if not verdict[name])
        if wrong:
            errors.append(PloverError(gold.record_id, gold.text, wrong, _gold_text(gold), _event_text(ours)))
    share = (lambda n: round(n / records, 4)) if records else (lambda n: 0.0)
    scores = PloverScores(
        records=records,
        coded=with_events,
        category=share(right["category"]),
        source_country=share(right["source_country"]),
        target_country=share(right["target_country"]),
        source_sector=share(right["source_sector"]),
        all_correct=share(right["all"]),
        by_category={k: (v[0], v[1]) for k, v in sorted(by_category.items())},
    )
    return scores, errors


def _gold_text(gold: PloverGold) -> str:
    sources = "|".join(sorted(gold.source_countries)) or "-"
    sectors = "|".join(sorted(s for s in gold.source_sectors if s))
    targets = "|".join(sorted(gold.target_countries)) or "-"
    return f"{gold.category} {sources}{'/' + sectors if sectors else ''} -> {targets}"


def _event_text(event: Event | None) -> str:
    if event is None:
        return "(no event)"
    sector = f"/{event.source_sector}" if event.source_sector else ""
    return f"{event.cameo_code} {event.source_country or '-'}{sector} -> {event.target_country or '-'}"


# ---------------------------------------------------------------- IndiaPoliceEvents


def police_labels(events: Iterable[Event]) -> frozenset[str]:
    """The labels among POLICE_LABELS that a sentence's events support (see the module doc)."""
    labels = set()
    for event in events:
        if event.source_sector != "COP" or not reported(event):
            continue
        code, root = event.cameo_code, event.cameo_root
        if code.startswith("173"):
            labels.add("ARREST")
        if root in ("17", "18", "19", "20") and not code.startswith(_NOT_FORCE):
            labels.add("FORCE")
        if code.startswith(("1823", "186")) or (
            root in ("19", "20") and DEATH_WORDS.search(event.sentence.lower())
        ):
            labels.add("KILL")
    return frozenset(labels)


@dataclass(frozen=True, slots=True)
class LabelScore:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return round(self.true_positives / predicted, 4) if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return round(self.true_positives / gold, 4) if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "tp": self.true_positives, "fp": self.false_positives, "fn": self.false_negatives,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class PoliceScores:
    sentences: int
    labels: dict[str, LabelScore]

    def to_dict(self) -> dict:
        return {"sentences": self.sentences, "labels": {k: v.to_dict() for k, v in self.labels.items()}}


@dataclass(frozen=True, slots=True)
class PoliceSentence:
    doc_id: int
    sent_id: int
    text: str
    gold: frozenset[str]
    predicted: frozenset[str]
    codes: tuple[str, ...] = ()  # our events in the sentence, '173 COP -> CVL', for error listings


@dataclass(frozen=True, slots=True)
class PoliceError:
    doc_id: int
    sent_id: int
    label: str
    kind: str  # 'missed' (false negative) or 'spurious' (false positive)
    text: str
    codes: tuple[str, ...]

    @property
    def half(self) -> str:
        return half(str(self.doc_id))


def score_police(
    sentences: Iterable[PoliceSentence], labels: Sequence[str] = POLICE_LABELS
) -> tuple[PoliceScores, list[PoliceError]]:
    """Precision, recall and F1 per label over sentences, and the sentences that were wrong."""
    counts = {label: [0, 0, 0] for label in labels}
    errors = []
    total = 0
    for sentence in sentences:
        total += 1
        for label in labels:
            gold, ours = label in sentence.gold, label in sentence.predicted
            if gold and ours:
                counts[label][0] += 1
            elif ours or gold:
                counts[label][1 if ours else 2] += 1
                errors.append(PoliceError(
                    sentence.doc_id, sentence.sent_id, label, "spurious" if ours else "missed",
                    sentence.text, sentence.codes,
                ))
    return PoliceScores(total, {k: LabelScore(*v) for k, v in counts.items()}), errors


# ---------------------------------------------------------------- dated-news-dev

# Precisions of the coder read as the gold's: a time of day gives its day, a week is month-level.
NEWS_PRECISION = {"time": "day", "week": "month"}
NON_ASSERTED_MODES = ("negated", "intended", "hypothetical")


def _news_precision(event: Event) -> str | None:
    """The gold's precision of our date: a weekend (TIMEX3 'YYYY-Wnn-WE') names two days, as the
    gold writes 'at the weekend' (a range of two days at day precision); a week is month-level."""
    if event.date_precision == "week" and (event.date_value or "").endswith("-WE"):
        return "day"
    return NEWS_PRECISION.get(event.date_precision, event.date_precision)
NEWS_CRITERIA = ("root", "actors", "date", "precision")


@dataclass(frozen=True, slots=True)
class NewsGold:
    report_id: str
    note: str
    roots: frozenset[str]
    first: date  # the inclusive range of days the event happened in
    last: date
    precision: str | None  # day, month or year; None when the text gives none
    sources: frozenset[str]
    targets: frozenset[str]
    pair: tuple[str, str] | None  # a joint action's two parties, either order; then no sources/targets
    mode: str
    sentence: str  # the first 40 characters of the sentence that reports it

    @classmethod
    def from_record(cls, report_id: str, gold: Mapping) -> NewsGold:
        """One entry of a report's `gold` list (dated-news-dev/articles.jsonl) -> the fields we score."""
        days = [date.fromisoformat(d) for d in gold["dates"]]
        pair = gold.get("pair")
        return cls(
            report_id=report_id,
            note=gold.get("note", ""),
            roots=frozenset(gold["roots"]),
            first=days[0],
            last=days[-1],
            precision=gold.get("precision"),
            sources=frozenset(gold.get("source") or ()),
            targets=frozenset(gold.get("target") or ()),
            pair=(pair[0], pair[1]) if pair else None,
            mode=gold.get("mode") or "asserted",
            sentence=gold.get("sentence", ""),
        )


@dataclass(frozen=True, slots=True)
class NewsReport:
    report_id: str
    published: date
    text: str
    gold: tuple[NewsGold, ...]

    @classmethod
    def from_record(cls, record: Mapping) -> NewsReport:
        report_id = str(record["id"])
        return cls(
            report_id=report_id,
            published=date.fromisoformat(record["published"]),
            text=record["text"],
            gold=tuple(NewsGold.from_record(report_id, g) for g in record.get("gold") or ()),
        )


def news_criteria(gold: NewsGold, event: Event) -> dict[str, bool]:
    """Which of NEWS_CRITERIA an event meets for a gold event (see the module doc)."""
    pair = (event.source_country, event.target_country)
    return {
        "root": event.cameo_root in gold.roots,
        "actors": (
            pair in (gold.pair, gold.pair[::-1]) if gold.pair
            else event.source_country in gold.sources and event.target_country in gold.targets
        ),
        "date": event.event_date is not None and gold.first <= event.event_date <= gold.last,
        "precision": gold.precision is None or _news_precision(event) == gold.precision,
    }


def _matches(gold: NewsGold, events: Sequence[Event], needed: Sequence[str]) -> bool:
    """Some asserted event meets every criterion in `needed`."""
    return any(
        all(met[name] for name in needed)
        for met in (news_criteria(gold, e) for e in events if e.mode == "asserted")
    )


@dataclass(frozen=True, slots=True)
class NewsScores:
    reports: int
    asserted: int  # asserted gold events
    found: int  # ... found: root, actors, date and precision
    found_ignoring_date: int  # ... with root and actors
    found_ignoring_actors: int  # ... with root, date and precision
    not_asserted: int  # negated, intended and hypothetical gold events
    wrongly_asserted: int  # ... coded as asserted (root, actors, date)
    coded_asserted: int  # asserted events the coder found in the reports

    @property
    def found_share(self) -> float:
        return round(self.found / self.asserted, 4) if self.asserted else 0.0

    @property
    def found_ignoring_date_share(self) -> float:
        return round(self.found_ignoring_date / self.asserted, 4) if self.asserted else 0.0

    @property
    def found_ignoring_actors_share(self) -> float:
        return round(self.found_ignoring_actors / self.asserted, 4) if self.asserted else 0.0

    @property
    def wrongly_asserted_share(self) -> float:
        return round(self.wrongly_asserted / self.not_asserted, 4) if self.not_asserted else 0.0

    def to_dict(self) -> dict:
        return {
            **asdict(self),
            "found_share": self.found_share,
            "found_ignoring_date_share": self.found_ignoring_date_share,
            "found_ignoring_actors_share": self.found_ignoring_actors_share,
            "wrongly_asserted_share": self.wrongly_asserted_share,
        }


@dataclass(frozen=True, slots=True)
class NewsError:
    report_id: str
    kind: str  # 'missed' (an asserted gold event not found) or 'asserted' (a non-asserted one coded as asserted)
    note: str
    gold: str  # '08 GMB -> GMB|GIN|IGO 2017-01-20..2017-01-21 day asserted'
    sentence: str  # the sentence of the report that starts with the gold's 40 characters
    closest: tuple[str, ...]  # the coded events of that sentence, closest first, with what they miss

    @property
    def half(self) -> str:
        return half(self.report_id)


def score_news(
    coded: Iterable[tuple[NewsReport, Sequence[Event]]], closest: int = 3
) -> tuple[NewsScores, list[NewsError]]:
    """Counts of gold events found and wrongly asserted, with the gold events that were wrong."""
    counts = dict.fromkeys(
        ("reports", "asserted", "found", "found_ignoring_date", "found_ignoring_actors",
         "not_asserted", "wrongly_asserted", "coded_asserted"), 0)
    errors = []
    for report, events in coded:
        counts["reports"] += 1
        counts["coded_asserted"] += sum(e.mode == "asserted" for e in events)
        for gold in report.gold:
            if gold.mode in NON_ASSERTED_MODES:
                counts["not_asserted"] += 1
                wrong = _matches(gold, events, ("root", "actors", "date"))
                counts["wrongly_asserted"] += wrong
                if wrong:
                    errors.append(_news_error(report, gold, events, "asserted", closest))
                continue
            counts["asserted"] += 1
            found = _matches(gold, events, NEWS_CRITERIA)
            counts["found"] += found
            counts["found_ignoring_date"] += _matches(gold, events, ("root", "actors"))
            counts["found_ignoring_actors"] += _matches(gold, events, ("root", "date", "precision"))
            if not found:
                errors.append(_news_error(report, gold, events, "missed", closest))
    return NewsScores(**counts), errors


def _news_error(report: NewsReport, gold: NewsGold, events: Sequence[Event], kind: str, closest: int) -> NewsError:
    """The gold event, its sentence and the events coded from that sentence, those meeting most criteria first."""
    prefix = " ".join(gold.sentence.split())
    ours = [e for e in events if prefix and prefix in " ".join(e.sentence.split())]
    ranked = sorted(ours, key=lambda e: (-sum(news_criteria(gold, e).values()), e.mode != "asserted"))
    return NewsError(
        report.report_id, kind, gold.note, _news_gold_text(gold),
        " ".join(ours[0].sentence.split()) if ours else _sentence_at(report.text, gold.sentence),
        tuple(_news_event_text(gold, e) for e in ranked[:closest]),
    )


def _sentence_at(text: str, start_of_sentence: str) -> str:
    """The sentence of the text that begins with the given words (to its final stop), or those words."""
    at = text.find(start_of_sentence) if start_of_sentence else -1
    if at < 0:
        return start_of_sentence
    end = re.compile(r"[.!?][\"\u201d']?(?=\s)|\n").search(text, at + len(start_of_sentence))
    return " ".join(text[at: end.end() if end else len(text)].split())


def _news_gold_text(gold: NewsGold) -> str:
    actors = ("<->".join(gold.pair) if gold.pair
              else f"{'|'.join(sorted(gold.sources))} -> {'|'.join(sorted(gold.targets))}")
    days = gold.first.isoformat() + (f"..{gold.last.isoformat()}" if gold.last != gold.first else "")
    return f"{'|'.join(sorted(gold.roots))} {actors} {days} {gold.precision or '-'} {gold.mode}"


def _news_event_text(gold: NewsGold, event: Event) -> str:
    missed = [name for name, ok in news_criteria(gold, event).items() if not ok]
    day = event.event_date.isoformat() if event.event_date else "-"
    return (f"{event.cameo_code} {event.source_country or '-'} -> {event.target_country or '-'} {day} "
            f"{event.date_precision or '-'} {event.mode}" + (f" (wrong: {', '.join(missed)})" if missed else ""))


# ---------------------------------------------------------------- halves

S = TypeVar("S")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Halves(Generic[S]):
    """Scores of the tuning half, the check half and all records, from one coding run."""

    tune: S
    check: S
    all: S

    def to_dict(self) -> dict:
        """All records' scores at the top (as before the split), each half's under 'halves'."""
        return {**self.all.to_dict(), "halves": {TUNE: self.tune.to_dict(), CHECK: self.check.to_dict()}}


def by_half(
    rows: Sequence[R], key: Callable[[R], str], score: Callable[[Iterable[R]], tuple[S, list]]
) -> tuple[Halves[S], list]:
    """Score the rows of each half and all rows; the errors are all rows' (each error knows its half)."""
    halves = split(rows, key)
    scores, errors = score(rows)
    return Halves(tune=score(halves[TUNE])[0], check=score(halves[CHECK])[0], all=scores), errors
