"""Score coded events against gold standards: PLOVER records and IndiaPoliceEvents sentence labels.

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from transforms.events import Event

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


def joint_action(gold: PloverGold, event: Event) -> bool:
    """Our A -> B for a gold joint action of A and B (sources A|B, no target; see the module doc)."""
    return (
        len(gold.source_countries) >= 2 and not gold.target_countries
        and event.source_country in gold.source_countries and event.target_country in gold.source_countries
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
        "source_country": ours.source_country in gold.source_countries,
        "target_country": (
            ours.target_country in gold.target_countries if gold.target_countries
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
    codes: tuple[str, ...] = ()  # our events in the sentence, '173 COP -> PPL', for error listings


@dataclass(frozen=True, slots=True)
class PoliceError:
    doc_id: int
    sent_id: int
    label: str
    kind: str  # 'missed' (false negative) or 'spurious' (false positive)
    text: str
    codes: tuple[str, ...]


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
