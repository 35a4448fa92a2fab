"""Code sentences into who-did-what-to-whom events (CAMEO), dated by the text where it says.

Verbs and their patterns come from the Phoenix/PETRARCH CAMEO.2.0 verb dictionary (MIT); code
names, Goldstein scores, PLOVER categories and QuadClass from transforms/tables/cameo.py (GDELT
lookups; CAMEO2PLOVER, PLOVER draft 0.8, CC BY-SA 4.0). One event per sentence: the first verb
that codes, with its subject as source and its object as target.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from transforms.actors import Actor, Token, actors_of, find_mentions, tokenize
from transforms.sentences import Sentence
from transforms.tables.cameo import CODES
from transforms.tables.countries import COUNTRIES
from transforms.tables.verbs import DEFAULTS, FORMS, PATTERNS, SYNSETS

from transforms.timexes import Timex, value_start


@dataclass(frozen=True, slots=True)
class Event:  # every EVENTS column except event_id and article_id
    sentence_index: int
    sentence: str
    start: int
    end: int
    event_date: date | None
    date_precision: str | None
    date_value: str | None
    date_source: str | None
    cameo_code: str
    cameo_root: str
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    source_name: str | None
    source_country: str | None
    source_sector: str | None
    target_name: str | None
    target_country: str | None
    target_sector: str | None
    location: str | None
    location_country: str | None


# Phrases that stand for the article's two main countries; the value is the sector they imply.
PAIR_PHRASES = {
    ("the", "two", "countries"): None, ("both", "countries"): None, ("the", "two", "nations"): None,
    ("both", "nations"): None, ("both", "sides"): None, ("the", "sides"): None,
    ("the", "two", "sides"): None, ("the", "two", "armies"): "MIL", ("both", "armies"): "MIL",
    ("the", "two", "governments"): "GOV", ("both", "governments"): "GOV",
    ("the", "two", "leaders"): "GOV", ("the", "two", "presidents"): "GOV",
    ("the", "two", "ministers"): "GOV", ("both", "ministers"): "GOV", ("the", "two", "delegations"): None,
    ("both", "delegations"): None, ("both", "leaders"): "GOV",
}
_NOUN_BEFORE = frozenset(
    "a an the his her its their our my your this these those of for in on at during after before "
    "first official joint such whose".split()
)
_PASSIVE = frozenset("was were been being is are be".split())
_MODAL = frozenset("will would to shall could may might plan plans planned ready willing agreed".split())
_PREPOSITIONS = frozenset("in on at with by for from to between over under of".split())


@dataclass(frozen=True, slots=True)
class _Verb:
    first: int  # token index
    last: int
    code: str


def code_events(
    text: str, sentences: list[Sentence], timexes: list[Timex], published: date | None
) -> list[Event]:
    """One event per sentence that has a coded verb and an actor that does it."""
    parsed = []
    for sentence in sentences:
        tokens = tokenize(sentence.text)
        lower = not any(ch.isupper() for ch in sentence.text)
        parsed.append((sentence, tokens, lower))
    first_pass = [
        actors_of(s.text, t, find_mentions(t, published, lower), lower) for s, t, lower in parsed
    ]
    aliases = _aliases(first_pass)
    events = []
    all_actors = []
    per_sentence = []
    for sentence, tokens, lower in parsed:
        actors = actors_of(sentence.text, tokens, find_mentions(tokens, published, lower, aliases), lower)
        per_sentence.append(actors)
        all_actors += actors
    pair = _main_pair(all_actors)
    for (sentence, tokens, _), actors in zip(parsed, per_sentence):
        event = _code_sentence(sentence, tokens, actors, timexes, published, pair)
        if event is not None:
            events.append(event)
    return events


def _aliases(actor_lists: list[list[Actor]]) -> dict[str, tuple[str | None, str | None]]:
    """Surnames of named actors ('... Anvar Afandiyev' -> 'afandiyev'), for later bare mentions."""
    aliases = {}
    for actors in actor_lists:
        for actor in actors:
            words = actor.name.split()
            if actor.country and len(words) >= 3 and words[-1][:1].isupper() and words[-2][:1].isupper():
                surname = words[-1].lower()
                if surname not in COUNTRIES:
                    aliases.setdefault(surname, (actor.country, actor.sector))
    return aliases


def _main_pair(actors: list[Actor]) -> tuple[str, str] | None:
    """The two countries the article names most, in the order it first names them."""
    counts = Counter(a.country for a in actors if a.country)
    top = {country for country, _ in counts.most_common(2)}
    ordered = [country for country in dict.fromkeys(a.country for a in actors) if country in top]
    return (ordered[0], ordered[1]) if len(ordered) == 2 else None


def _forms_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """Lemma of the verb form starting at token i (two-word forms first) and its end index."""
    if i + 1 < len(tokens) and tokens[i].joined:
        lemma = FORMS.get(f"{tokens[i].word} {tokens[i + 1].word}")
        if lemma:
            return lemma, i + 2
    lemma = FORMS.get(tokens[i].word)
    return (lemma, i + 1) if lemma else None


def _matches(element: str, word: str) -> bool:
    options = SYNSETS.get(element, ()) if element.startswith("&") else (element,)
    return any(word == o or word == o + "s" or word == o + "es" or word[:-3] + "y" == o and
               word.endswith("ies") for o in options)


def _pattern_found(elements: tuple[str, ...], words: list[str], reach: int) -> bool:
    """Elements in order among the words: the first within `reach` words, each next within 3."""
    elements = tuple(e.split()[-1] for e in elements)
    for first in range(min(reach, len(words))):
        if not _matches(elements[0], words[first]):
            continue
        position = first
        for element in elements[1:]:
            position = next(
                (p for p in range(position + 1, min(position + 4, len(words))) if _matches(element, words[p])),
                None,
            )
            if position is None:
                break
        else:
            return True
    return False


def _verb_code(tokens: list[Token], first: int, last: int, lemma: str) -> str | None:
    """Finest code for a verb: the longest matching pattern, else the verb's default."""
    default = DEFAULTS.get(lemma)
    after = [t.word for t in tokens[last : last + 12]]
    before = [t.word for t in tokens[max(0, first - 20) : first]]
    best: tuple[int, str | None] | None = None
    patterns = PATTERNS.get(lemma, ())
    for elements, code in patterns:  # the object after the verb: 'signed a memorandum'
        if _pattern_found(elements, after, 4) and (best is None or len(elements) > best[0]):
            best = (len(elements), code)
    if best is None:  # the object before it: 'the declaration that A and B signed'
        for elements, code in patterns:
            if elements[0] in _PREPOSITIONS:
                continue
            if _pattern_found(elements, before, len(before)) and (best is None or len(elements) > best[0]):
                best = (len(elements), code)
    code = best[1] if best else default
    modal = any(t.word in _MODAL for t in tokens[max(0, first - 3) : first])
    if code and code[:2] == "03" and default and default[:2] != "03" and not modal:
        code = default  # 'discussed military cooperation' is a consultation, not an intent
    return code


def _find_verb(tokens: list[Token], lower: bool, actors_spans: list[tuple[int, int]]) -> _Verb | None:
    fallback = None
    for i, token in enumerate(tokens):
        found = _forms_at(tokens, i)
        if not found or (token.capital and not lower):
            continue  # a name, or a noun opening the sentence: "Trade between Kenya and Tanzania fell"
        if any(a <= token.start < b for a, b in actors_spans):
            continue
        lemma, last = found
        previous = tokens[i - 1].word if i else ""
        if previous in _NOUN_BEFORE and previous != "to" or token.possessive:
            continue  # a noun: 'the signing', 'an official visit'
        code = _verb_code(tokens, i, last, lemma)
        if not code:
            continue
        if previous in _PASSIVE and "by" not in [t.word for t in tokens[last : last + 2]]:
            continue  # an agentless passive: 'it should be noted that', 'it was reported'

        if previous == "to" or previous == "help" and i > 1 and tokens[i - 2].word == "to":
            fallback = fallback or _Verb(i, last, code)  # an infinitive: 'agreed to cut', 'to help fight'
            continue
        return _Verb(i, last, code)
    return fallback


def _pair_at(tokens: list[Token]) -> tuple[int, int, str | None] | None:
    words = [t.word for t in tokens]
    for n in range(len(words)):
        for phrase, sector in PAIR_PHRASES.items():
            if tuple(words[n : n + len(phrase)]) == phrase:
                return tokens[n].start, tokens[n + len(phrase) - 1].end, sector
    return None


def _roles(
    tokens: list[Token], actors: list[Actor], verb: _Verb, place: Actor | None
) -> tuple[Actor | None, Actor | None]:
    verb_start, verb_end = tokens[verb.first].start, tokens[verb.last - 1].end
    before = [a for a in actors if a.end <= verb_start]
    after = [a for a in actors if a.start >= verb_end]
    after = [a for a in after if a is not place] or after  # 'in Tbilisi against the government'
    words = {t.start: t.word for t in tokens}
    following = [t.word for t in tokens[verb.last : verb.last + 3]]
    previous = [t.word for t in tokens[max(0, verb.first - 2) : verb.first]]
    if "between" in following[:1] or ("between" in following and not before):
        if len(after) >= 2:
            return after[0], after[1]  # 'signed between A and B'; not 'X hosted talks between A and B'

    if any(p in _PASSIVE for p in previous) and "by" in following and after:
        return after[0], before[-1] if before else None
    source = before[-1] if before else None
    if len(before) >= 2:
        between = [t.word for t in tokens if before[-2].end <= t.start < before[-1].start]
        if between and between[0] == "and" and len(between) <= 3:
            return before[-2], before[-1]  # compound subject: 'A and B signed'
    target = after[0] if after else None
    if target is None and source is not None:
        earlier = [a for a in before[:-1] if words.get(_start_before(tokens, a.start)) == "with"]
        target = earlier[-1] if earlier else None
    return source, target


def _start_before(tokens: list[Token], start: int) -> int:
    previous = [t.start for t in tokens if t.end < start]
    return previous[-1] if previous else -1


def _location(tokens: list[Token], actors: list[Actor]) -> Actor | None:
    places = []
    for actor in actors:
        if actor.sector is None and actor.country and actor.name.lower() in COUNTRIES:
            preceding = [t.word for t in tokens if t.end <= actor.start][-2:]
            if preceding and preceding[-1] == "in":
                places.append((preceding != ["held", "in"], actor))
    return min(places, key=lambda p: p[0])[1] if places else None


def _date(sentence: Sentence, timexes: list, verb_at: int, published: date | None):
    candidates = []
    for timex in timexes:
        if timex.type != "DATE" or not timex.value or timex.start < sentence.start or timex.end > sentence.end:
            continue
        first_day = value_start(timex.value)
        if first_day is None:
            continue
        distance = timex.start - verb_at if timex.start >= verb_at else verb_at - timex.end
        candidates.append((distance, timex.start, first_day, timex))
    if candidates:
        _, _, first_day, timex = min(candidates, key=lambda c: (c[0], c[1]))
        return first_day, timex.precision, timex.value, "text"
    if published is None:
        return None, None, None, None
    return published, "day", published.isoformat(), "published"


def _code_sentence(
    sentence: Sentence,
    tokens: list[Token],
    actors: list[Actor],
    timexes: list,
    published: date | None,
    pair: tuple[str, str] | None,
) -> Event | None:
    lower = not any(ch.isupper() for ch in sentence.text)
    verb = _find_verb(tokens, lower, [(a.start, a.end) for a in actors])
    if verb is None:
        return None
    place = _location(tokens, actors)
    source, target = _roles(tokens, actors, verb, place)
    pair_phrase = _pair_at(tokens)
    verb_start = tokens[verb.first].start
    if pair and pair_phrase and (
        source is None
        or pair_phrase[0] <= source.start < pair_phrase[1]  # 'the two ministers' found as 'ministers'
        or source.end < pair_phrase[0] < verb_start
    ):
        at, end, sector = pair_phrase
        phrase = sentence.text[at:end]
        source = Actor(at, end, phrase, pair[0], sector)
        target = Actor(at, end, phrase, pair[1], sector)
    if source is None:
        return None  # nobody does anything: 'The declaration also pledges joint efforts ...'

    event_date, precision, value, date_source = _date(
        sentence, timexes, sentence.start + verb_start, published
    )
    name, goldstein, plover, quad = CODES.get(verb.code, ("", None, None, None))
    return Event(
        sentence_index=sentence.index,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        event_date=event_date,
        date_precision=precision,
        date_value=value,
        date_source=date_source,
        cameo_code=verb.code,
        cameo_root=verb.code[:2],
        plover=plover,
        quad_class=quad,
        goldstein=goldstein,
        source_name=(source.name or None) if source else None,
        source_country=source.country if source else None,
        source_sector=source.sector if source else None,
        target_name=(target.name or None) if target else None,
        target_country=target.country if target else None,
        target_sector=target.sector if target else None,
        location=place.name if place else None,
        location_country=place.country if place else None,
    )
