"""Code sentences into who-did-what-to-whom events (CAMEO), dated by the text where it says.

Verbs and their patterns come from the Phoenix/PETRARCH CAMEO.2.0 verb dictionary (MIT); code
names, Goldstein scores, PLOVER categories and QuadClass from transforms/tables/cameo.py (GDELT
lookups; CAMEO2PLOVER, PLOVER draft 0.8, CC BY-SA 4.0). Several events per sentence, the best
first: of the verbs that code, the first finite one with a source (deeds before statements: in
'X said Y will support Z' Y's support comes first), with its subject as source and its object as
target; then every other action the sentence reports (coordinated verbs, the saying itself, see
_code_sentence), never two equal ones. Nominal and agentless arrests ('the arrest of', 'were
arrested') and police firing ('injured in the firing, police said') get the police as their
implied source, as do 'we have arrested' and people 'held'. Every event has a mode (_with_mood,
_possible, _hypothetical): 'refused to meet' and 'will not meet' are rejections done (12x,
asserted); 'did not sign', 'never attacked', 'denied that it attacked' keep the deed's own code,
negated; 'will meet', 'is willing to send' are intended, coded as CAMEO codes the intention (036,
033, 13x), and so is an infinitive nothing says was done ('a way to prosecute'); 'may attack',
'would have attacked' and a verb after 'if' are hypothetical. A light verb carries out the deed
its noun names ('speeded up the withdrawal of'). Targets (_roles): the speaker of a closing '..., X
said' is none; a complaint told to an audience is of what it is about; forces mobilized are the
source's means, not its target; a place of the source's own country is only where a deed that
needs no receiver was done ('surrendered in Soroti'). A coordinated subject or object ('Hungarian
and Romanian officials', 'the US, Britain and France', 'criticised Hungary and Romania', and 'the
two countries' of the article's pair) with a party of its own across the verb is one event per
member (_conjuncts); without one, the members are each other's counterparts, a joint action
('Azerbaijan and Turkey signed an agreement', 'met in Budapest': A -> B, _own_target). Each event
is dated by the DATE timex nearest its own verb, else publication.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter

from eventpipe.transforms.actors import Actor, Token, actors_of, find_mentions, lower_cased, tokenize, with_aliases
from eventpipe.transforms.sentences import Sentence, split_sentences
from eventpipe.transforms.tables.cameo import CODES
from eventpipe.transforms.tables.countries import COUNTRIES
from eventpipe.transforms.tables.verbs import DEFAULTS, FORMS, PATTERNS, SYNSETS

from eventpipe.transforms.timexes import Timex, tag_timexes, value_start


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
    mode: str = "asserted"


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
# A noun alone reports an event only for force and arrests ('the attack on', 'the arrest of').
_NOUN_EVENT_ROOTS = frozenset({"17", "18", "19", "20"})
_PASSIVE = frozenset("was were been being is are be".split())
_MODAL = frozenset("will would to shall could may might plan plans planned ready willing agreed".split())
_PREPOSITIONS = frozenset("in on at with by for from to between over under of".split())


@dataclass(frozen=True, slots=True)
class _Verb:
    first: int  # token index
    last: int
    code: str
    kind: str = "verb"  # verb | passive (no agent) | infinitive | noun ('the arrest of')
    statement: bool = False  # a verb of saying ('said', 'announced'), whatever its pattern codes
    lemma: str = ""
    mode: str = "asserted"  # schemas.enums.MODES: what the text says of the deed (_with_mood)


def code_text(text: str, published: date | None) -> list[Event]:
    """The events of a whole text: its sentences, their temporal expressions, then code_events."""
    return code_events(text, split_sentences(text), tag_timexes(text, published), published)


def code_events(
    text: str, sentences: list[Sentence], timexes: list[Timex], published: date | None
) -> list[Event]:
    """The events of each sentence that has a coded verb and an actor that does it (see _code_sentence)."""
    parsed = []
    for sentence in sentences:
        tokens = tokenize(sentence.text)
        lower = lower_cased(sentence.text)
        parsed.append((sentence, tokens, lower))
    mentions = [find_mentions(t, published, lower) for _, t, lower in parsed]
    first_pass = [actors_of(s.text, t, found, lower) for (s, t, lower), found in zip(parsed, mentions)]
    aliases = _aliases(first_pass)
    events = []
    all_actors = []
    per_sentence = []
    for (sentence, tokens, lower), found, actors in zip(parsed, mentions, first_pass):
        named = with_aliases(tokens, found, lower, aliases) if aliases else found
        if named is not found:  # a surname seen earlier names someone here
            actors = actors_of(sentence.text, tokens, named, lower)
        per_sentence.append(actors)
        all_actors += actors
    pair = main_pair(all_actors)
    main = main_country(all_actors)
    in_focus = False  # the last sentence's events were between the article's two countries
    quoting: tuple[Actor | None] | None = None  # a quotation left open, with its speaker
    for n, ((sentence, tokens, _), actors) in enumerate(zip(parsed, per_sentence)):
        anaphor = _plural_anaphor(tokens, actors) if in_focus else None
        police = _recent_police(per_sentence[max(0, n - _POLICE_REACH) : n])
        found, quoting = _code_sentence(
            sentence, tokens, actors, timexes, published, pair, anaphor, main, quoting, police
        )
        in_focus = pair is not None and any({e.source_country, e.target_country} == set(pair) for e in found)
        events += found
    return events


# Sentences back that police named stay the ones who fire: 'three persons were injured in police
# firing ... five or six rounds were fired in the air' (_police_fire).
_POLICE_REACH = 2


def _recent_police(earlier: list[list[Actor]]) -> Actor | None:
    """The police last named in the sentences just before, if any."""
    for actors in reversed(earlier):
        police = [a for a in actors if a.sector == "COP"]
        if police:
            return police[-1]
    return None


def main_country(actors: list[Actor]) -> str | None:
    """The article's main country: the state its actors belong to most often, at least twice as
    often as any other (organisations, IGO and the like, do not count). State roles the
    dictionaries give no country ('the prime minister', 'the cabinet') belong to it
    (_with_main_country)."""
    counts = Counter(a.country for a in actors if a.country in _STATES).most_common(2)
    if not counts or len(counts) == 2 and counts[0][1] < 2 * counts[1][1]:
        return None
    return counts[0][0]


# Sectors of a state's own people: an actor of one of them whom nothing else places is the
# article's main country's ('the president said', 'the cabinet agreed').
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "ELI"})


def _withmain_country(actor: Actor | None, main: str | None) -> Actor | None:
    """An actor with no country after _with_country: a state role ('the foreign minister') is of
    the article's main country, when it has one. Names the dictionaries lack are not: a guess from
    the article's country made Giuliani Russian in an article about Russia."""
    if actor is None or main is None or actor.country or actor.backed:
        return actor
    return replace(actor, country=main) if actor.sector in STATE_SECTORS else actor


def _plural_anaphor(tokens: list[Token], actors: list[Actor]) -> tuple[int, int, str | None] | None:
    """'The military officials discussed ...' right after a sentence about the two countries'
    officials: a definite plural agent without a country stands for both sides (its span, sector)."""
    for actor in actors:
        if actor.country or not actor.sector or not actor.name.lower().endswith("s"):
            continue
        before = [t for t in tokens if t.end <= actor.start]
        if before and before[-1].word == "the":
            return before[-1].start, actor.end, actor.sector
    return None


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


def main_pair(actors: list[Actor]) -> tuple[str, str] | None:
    """The two countries the article names most, in the order it first names them."""
    counts = Counter(a.country for a in actors if a.country)
    top = {country for country, _ in counts.most_common(2)}
    ordered = [country for country in dict.fromkeys(a.country for a in actors) if country in top]
    return (ordered[0], ordered[1]) if len(ordered) == 2 else None


def _forms_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """Lemma of the verb form starting at token i (two-word forms first) and its end index."""
    if i + 1 < len(tokens) and tokens[i].joined and tokens[i].word in _TWO_WORD_STARTS:
        lemma = FORMS.get(f"{tokens[i].word} {tokens[i + 1].word}")
        if lemma:
            return lemma, i + 2
    lemma = FORMS.get(tokens[i].word)
    return (lemma, i + 1) if lemma else None


_TWO_WORD_STARTS = frozenset(form.split(" ", 1)[0] for form in FORMS if " " in form)


@functools.lru_cache(maxsize=65536)
def word_stems(word: str) -> frozenset[str]:
    """What a word can be the plural of: 'talks' -> {talks, talk}, 'parties' -> {parties, party}."""
    stems = {word}
    if word.endswith("s"):
        stems.add(word[:-1])
        if word.endswith("es"):
            stems.add(word[:-2])
        if word.endswith("ies"):
            stems.add(word[:-3] + "y")
    return frozenset(stems)


# '&SET' -> its words; a plain element stands for itself.
_OPTIONS = {name: frozenset(words) for name, words in SYNSETS.items()}


def _matches(element: str, stems: frozenset[str]) -> bool:
    options = _OPTIONS.get(element)
    return element in stems if options is None else not options.isdisjoint(stems)


def _pattern_found(elements: tuple[str, ...], words: list[frozenset[str]], reach: int) -> bool:
    """Elements in order among the words: the first within `reach` words, each next within 3.
    An element of several words is matched by its last one."""
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


@dataclass(frozen=True, slots=True)
class _Patterns:
    """A verb's patterns as (elements, the last word of each element, code), in table order, and
    for each word the patterns whose first element it can be (so few patterns are tried)."""

    patterns: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...]
    by_first: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, patterns: list[tuple[tuple[str, ...], str]]) -> _Patterns:
        rows = tuple((elements, tuple(e.split()[-1] for e in elements), code) for elements, code in patterns)
        by_first: dict[str, list[int]] = {}
        for n, (_, lasts, _) in enumerate(rows):
            for word in _OPTIONS.get(lasts[0], (lasts[0],)):
                by_first.setdefault(word, []).append(n)
        return cls(rows, {word: tuple(numbers) for word, numbers in by_first.items()})

    def starting_in(self, words: list[frozenset[str]]) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
        """The patterns whose first element is one of the words, in table order."""
        numbers = {n for stems in words for stem in stems for n in self.by_first.get(stem, ())}
        return [self.patterns[n] for n in sorted(numbers)]


_PATTERNS = {lemma: _Patterns.of(patterns) for lemma, patterns in PATTERNS.items()}
_NO_PATTERNS = _Patterns((), {})


def _verb_code(
    tokens: list[Token], first: int, last: int, lemma: str, stems: list[frozenset[str]] | None = None
) -> str | None:
    """Finest code for a verb: the longest matching pattern, else the verb's default."""
    default = DEFAULTS.get(lemma)
    stems = stems or [word_stems(t.word) for t in tokens]
    after = stems[last : last + 12]
    before = stems[max(0, first - 20) : first]
    best: tuple[int, str | None] | None = None
    patterns = _PATTERNS.get(lemma, _NO_PATTERNS)
    for elements, lasts, code in patterns.starting_in(after[:4]):  # the object after the verb: 'signed a memorandum'
        if _pattern_found(lasts, after, 4) and (best is None or len(elements) > best[0]):
            best = (len(elements), code)
    if best is None:  # the object before it: 'the declaration that A and B signed'
        for elements, lasts, code in patterns.starting_in(before):
            if elements[0] in _PREPOSITIONS:
                continue
            if _pattern_found(lasts, before, len(before)) and (best is None or len(elements) > best[0]):
                best = (len(elements), code)
    code = best[1] if best else default
    modal = any(t.word in _MODAL for t in tokens[max(0, first - 3) : first])
    if code and code[:2] == "03" and default and default[:2] == "04" and not modal:
        code = default  # 'discussed military cooperation' is a consultation, not an intent
    return code


def _place_modifiers(tokens: list[Token], actors: list[Actor], lower: bool) -> frozenset[int]:
    """Ends of places that modify the noun after them in lower-cased text: 'the godhra train
    carnage' (no subject before 'train')."""
    ends = set()
    for actor in actors:
        if lower and actor.sector is None and actor.country:
            previous = [t.word for t in tokens if t.end <= actor.start][-1:]
            if previous and previous[0] in ("the", "a", "an"):
                ends.add(actor.end)
    return frozenset(ends)


def _candidates(
    tokens: list[Token], lower: bool, actors_spans: list[tuple[int, int]], modifiers: frozenset[int] = frozenset(),
    detained: frozenset[int] = frozenset(),
) -> list[_Verb]:
    """Every coded verb of the sentence, in order, with how it is used (see _Verb.kind).
    `detained`: the ends of actors who can be detained (people, not governments or places)."""
    found_verbs = []
    stems: list[frozenset[str]] = []
    starts = {t.start: n for n, t in enumerate(tokens)}
    actor_ends = {b for a, b in actors_spans if not _indefinite(tokens, starts.get(a, 0))} - modifiers
    actor_starts = {a for a, _ in actors_spans}
    for i, token in enumerate(tokens):
        found = _forms_at(tokens, i)
        if not found or (token.capital and not lower):
            continue  # a name, or a noun opening the sentence: "Trade between Kenya and Tanzania fell"
        if any(a <= token.start < b for a, b in actors_spans):
            continue
        lemma, last = found
        previous = tokens[i - 1].word if i else ""
        if token.word in _ATTRIBUTIVE and _attributive(tokens, i, actor_starts, actor_ends):
            continue  # 'hand over alleged bombers': an adjective, nobody alleges anything
        auxiliary = _auxiliary(tokens, i)
        if previous in _NOUN_BEFORE and previous != "to" or token.possessive or i and tokens[i - 1].possessive:
            light = _light_verb_before(tokens, i)
            coded_light = any(v.first <= (light or 0) < v.last for v in found_verbs)  # 'continued the strike'
            kind = "light" if light is not None and not coded_light else "noun"  # 'the signing', 'the arrest of'
        elif auxiliary in _PASSIVE and token.word.endswith("ing"):
            kind = "verb"  # progressive, not passive: 'is providing', 'are continuing'
        elif auxiliary in _PASSIVE and "by" not in [t.word for t in tokens[last : last + 2]]:
            kind = "passive"  # agentless: 'five men were arrested', 'were on wednesday taken'
        elif previous == "to" or previous == "help" and i > 1 and tokens[i - 2].word == "to":
            kind = "infinitive"  # 'agreed to cut', 'to help fight'
        elif previous in ("and", "or") and _bare(token.word, lemma) and (
            last < len(tokens) and tokens[last].word == "of" or _made(tokens, last)
        ):
            kind = "noun"  # 'detection of explosives and arrest of terrorists', 'action and arrests have been taken'
        elif _bare(tokens[i].word, lemma) and not _after_subject(tokens, i, actor_ends):
            if not _made(tokens, last):
                continue  # a noun: 'the godhra train carnage', 'the sabarmati express'
            kind = "noun"  # 'more than 400 arrests have been made'
        else:
            kind = "verb"
        if lemma in _UNDERGONE and kind == "verb":
            kind = "passive"  # 'two men died': the dead did nothing; only 'died in police firing' codes
        stems = stems or [word_stems(t.word) for t in tokens]
        code = _verb_code(tokens, i, last, lemma, stems)
        if code is None and lemma == "hold" and kind == "passive" and _subject_end(tokens, i) in detained and (
            "by" not in [t.word for t in tokens[last : last + 4]]
        ):
            code = "173"  # '50 persons were held': people held are detained; not 'held at ransom by X'
        if not code:
            continue
        statement = (DEFAULTS.get(lemma) or code)[:2] == "01"
        if kind == "noun" and token.word == "fire" and previous in ("the", "a", "on"):
            continue  # 'set on fire', 'fuel to the fire': a blaze; shooting is 'the firing'
        if kind == "noun" and previous == "of" and i > 1 and tokens[i - 2].word in _CHARGES:
            continue  # 'registered a case of murder', 'charges of rioting': a charge, not a deed
        if kind == "noun" and previous in _POSSESSIVE_PRONOUNS and (
            last >= len(tokens) or tokens[last].word not in ("of", "by", "on", "against", "in", "at")
        ):
            continue  # 'in our best interest', 'their fight': no deed done to anyone
        code, mode = _with_mood(tokens, i, code)
        if not statement and kind not in ("noun", "light"):
            # 'if people are tried', 'whether Baghdadi would attack': hypothetical; 'Iran denied
            # that it attacked': negated
            mode = _hypothetical(tokens, i) or mode
        if not statement and mode in ("asserted", "intended") and _possible(tokens, i):
            mode = "hypothetical"  # 'steps that could threaten to raise tensions', 'may attack'
        if code and lemma == "call" and code == DEFAULTS.get("call") and _naming(tokens, last, actors_spans):
            code = "010"  # 'calls it a blunder', 'a country we call an ally': saying, not phoning
        if code and _complement(tokens, i, actors_spans):
            continue  # 'to keep the government funded': a state of the object, nobody's deed
        if code:
            found_verbs.append(_Verb(i, last, code, kind, statement, lemma, mode))
    return _obligations(tokens, found_verbs, actor_ends)


_OBLIGATIONS = frozenset({"must", "should"})
# Participles that also qualify a noun: 'alleged bombers', 'suspected militants'.
_ATTRIBUTIVE = frozenset({"alleged", "suspected", "purported", "reputed"})
_PARTICLES = frozenset({"over", "up", "out", "down", "off"})


def _attributive(tokens: list[Token], i: int, actor_starts: set[int], actor_ends: set[int]) -> bool:
    """'alleged' between a determiner, number, preposition or verb and the actor it qualifies:
    'must hand over alleged bombers', 'two suspected militants', 'the alleged plotters'; not
    'Israel alleged militants had ...' nor 'other countries alleged Moscow ...'."""
    if i + 1 >= len(tokens) or not tokens[i].joined or tokens[i + 1].start not in actor_starts:
        return False
    if i == 0 or not tokens[i - 1].joined:
        return i == 0
    previous = tokens[i - 1].word
    return tokens[i - 1].end not in actor_ends and (
        previous in _NOUN_BEFORE | _PREPOSITIONS | _PARTICLES or previous.isdigit() or previous in _NUMBERS
        or previous in FORMS
    )


_NUMBERS = frozenset("two three four five six seven eight nine ten dozen dozens hundreds thousands several "
                     "many some".split())
# Nouns of legal charges: the deed 'of' them is alleged, not reported ('a case of murder').
_CHARGES = frozenset("case cases charge charges complaint complaints accusation accusations allegation "
                     "allegations fir firs".split())
# Modals of possibility: 'could threaten', 'might attack' speculate; CAMEO codes threats and
# force that are made or done.
_POSSIBILITY = frozenset({"could", "might", "may", "can"})
_SPECULATED_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
# Verbs whose object is followed by its state: 'keep the government funded', 'left the city
# surrounded', 'get the troops trained'.
_COMPLEMENT_VERBS = frozenset(
    "keep keeps kept keeping leave leaves left leaving get gets got getting want wants wanted "
    "see sees saw seen find finds found have has had make makes made".split()
)
_OBJECT_PRONOUNS = frozenset("it him her them this that us me".split())


def _possible(tokens: list[Token], i: int) -> bool:
    """A modal of possibility right before the verb, over adverbs ('could also threaten'), a
    counterfactual ('would have attacked', 'could have signed'), or a likelihood ('likely to
    dominate', 'unlikely to attack')."""
    if i >= 2 and tokens[i - 1].word == "to" and tokens[i - 2].word in ("likely", "unlikely"):
        return True
    j = i - 1
    while j >= 0 and (tokens[j].word in _ADVERBS or tokens[j].word.endswith("ly") and len(tokens[j].word) > 4):
        j -= 1
    if j >= 1 and tokens[j].word in ("have", "be") and tokens[j - 1].word in _POSSIBILITY | {"would"}:
        return tokens[j].word == "have" or tokens[j - 1].word != "would"  # not 'would be sent': a future
    return j >= 0 and tokens[j].word in _POSSIBILITY


def _naming(tokens: list[Token], last: int, actors_spans: list[tuple[int, int]]) -> bool:
    """'call' naming its object something: 'call an ally', 'called it a blunder', 'called Iran a
    threat'; not 'called the president of Armenia' nor 'called him on Monday'."""
    if last >= len(tokens):
        return False
    if tokens[last].word in ("a", "an"):
        return True
    j = last + 1 if tokens[last].word in _OBJECT_PRONOUNS else next(
        (n for n, t in enumerate(tokens) if any(a == tokens[last].start and b == t.end for a, b in actors_spans)), -1
    ) + 1
    return 0 < j < len(tokens) and tokens[j - 1].joined and tokens[j].word in ("a", "an")


def _complement(tokens: list[Token], i: int, actors_spans: list[tuple[int, int]]) -> bool:
    """A participle after the object of 'keep', 'leave', 'get' ... ('keep the government funded')."""
    if i == 0 or not tokens[i].word.endswith("ed"):
        return False
    actor = next(((a, b) for a, b in actors_spans if b == tokens[i - 1].end), None)
    if actor is None:
        return False
    j = next((n for n, t in enumerate(tokens) if t.start == actor[0]), 0) - 1
    while j >= 0 and tokens[j].word in _DETERMINERS:
        j -= 1
    return j >= 0 and tokens[j].word in _COMPLEMENT_VERBS


def _obligations(tokens: list[Token], verbs: list[_Verb], actor_ends: set[int]) -> list[_Verb]:
    """'The US declared that China must drop barriers': after a verb of saying, 'X must' or 'X
    should' before a verb with no code of its own is the speaker's demand (100) of X."""
    added = []
    for i, token in enumerate(tokens[1:-1], 1):
        if token.word not in _OBLIGATIONS or tokens[i - 1].end not in actor_ends:
            continue
        if not any(v.statement and v.kind == "verb" and v.last <= i - 1 and i - v.last <= 6
                   and all(t.joined for t in tokens[v.last - 1 : i]) for v in verbs):
            continue  # the saying opens the clause: 'declared that China must', 'said the girls should'
        if any(i < v.first <= i + 3 for v in verbs):
            continue  # 'must release' codes through its verb (_with_mood, _code_sentence)
        added.append(_Verb(i, i + 1, "100", "verb", False, token.word))
    return sorted(verbs + added, key=lambda v: v.first) if added else verbs


# Verbs whose subject undergoes the deed: 'died' (the dictionary files it under 190).
_UNDERGONE = frozenset({"die"})
_CONDITIONS = frozenset("if whether unless lest".split())
_POSSESSIVE_PRONOUNS = frozenset("our my your his her their its".split())
_DENIALS = frozenset("denied denies deny denying".split())


def _hypothetical(tokens: list[Token], i: int) -> str | None:
    """'hypothetical' for a verb in a clause that 'if', 'whether' or 'unless' opens; 'negated' for
    one that 'denied' governs ('Iran denied that it attacked the ship'); else None."""
    j = i - 1
    while j >= 0 and i - j <= 12 and tokens[j].joined:
        if tokens[j].word in _CONDITIONS:
            return "hypothetical"
        if tokens[j].word in _DENIALS and (tokens[j + 1].word in _PRONOUNS or tokens[j + 1].word in ("that", "having")):
            return "negated"
        j -= 1
    return None


def _we_subject(tokens: list[Token], i: int) -> bool:
    """'we have arrested', 'we were lucky to arrest', 'we also detained': the police speaking;
    not 'we have to arrest the guilty', a duty."""
    j = i - 1
    if j > 1 and tokens[j].word == "to":
        if tokens[j - 1].word not in _REALIZED - {"have", "has", "had"}:
            return False
        j -= 2
        if j > 0 and tokens[j].word in _PASSIVE:
            j -= 1  # 'were lucky to', 'were able to'
    while j > 0 and (tokens[j].word in _ADVERBS | {"have", "had", "has"}
                     or tokens[j].word.endswith("ly") and len(tokens[j].word) > 4):
        j -= 1
    return j >= 0 and tokens[j].word == "we"


def _subject_end(tokens: list[Token], i: int) -> int:
    """Where the subject of a verb ends, over auxiliaries, adverbs and times ('50 persons were held')."""
    j = i - 1
    while j > 0 and (tokens[j].word in _WHEN_WORDS or tokens[j].word in _PASSIVE | {"have", "has", "had"}
                     or tokens[j].word.endswith("ly") and len(tokens[j].word) > 4):
        j -= 1
    return tokens[j].end if j >= 0 else -1


_ADVERBS = frozenset("also then later since again still even just never".split())


def _auxiliary(tokens: list[Token], i: int) -> str:
    """The word before a verb, over adverbs and times: 'were on wednesday taken', 'was also killed'."""
    j = i - 1
    while j > 0 and (tokens[j].word in _WHEN_WORDS or tokens[j].word in _ADVERBS
                     or tokens[j].word.endswith("ly") and len(tokens[j].word) > 4):
        j -= 1
    return tokens[j].word if j >= 0 else ""


# Verbs that carry out the deed a noun names: 'completed their withdrawal', 'speeded up the
# withdrawal of', 'began the pullout'. The noun's code is the event, the verb's subject its source.
_LIGHT_VERBS = frozenset(
    "complete completed completes completing begin began begun begins beginning start started starts "
    "starting speed speeded sped speeds speeding accelerate accelerated accelerates resume resumed "
    "resumes continue continued continues continuing finish finished finishes carry carried carries "
    "conduct conducted conducts".split()
)
_DETERMINERS = frozenset("the a an its their his her our some".split())


def _light_verb_before(tokens: list[Token], i: int) -> int | None:
    """Index of the light verb before a noun of a deed, if one is: 'completed [their] withdrawal'."""
    j = i - 1
    while j >= 0 and (tokens[j].word in _DETERMINERS or tokens[j].possessive):
        j -= 1
    if j >= 0 and tokens[j].word in ("up", "out"):
        j -= 1  # 'speeded up', 'carried out'
    return j if j >= 0 and tokens[j].word in _LIGHT_VERBS and j < i - 1 else None


def _indefinite(tokens: list[Token], first: int) -> bool:
    """An actor after 'a' or 'an' modifies a noun: 'a key U.S. ally', 'an Iraqi attack'."""
    return any(t.word in ("a", "an") for t in tokens[max(0, first - 2) : first])


# Participles that say a deed named by a noun was done: 'arrests were made', 'were effected'
# (Indian English), 'arrests ... have been taken'; after an auxiliary, or 'made' right after the noun.
_DONE = frozenset({"made", "effected", "taken"})
_DONE_AUXILIARIES = frozenset({"been", "were", "was", "are", "is"})


def _made(tokens: list[Token], last: int) -> bool:
    """'... have been made', 'were made', 'arrests, including preventive ones, have been made':
    the noun before names something done (its passive within eight words, over a parenthesis)."""
    after = [t.word for t in tokens[last : last + 8]]
    if after[:1] == ["made"]:
        return True
    return any(w in _DONE and after[k - 1] in _DONE_AUXILIARIES for k, w in enumerate(after) if k)


def _bare(word: str, lemma: str) -> bool:
    """The base or -s form, which nouns share ('train', 'attacks'); not 'signed', 'met', 'taking'."""
    head = lemma.split()[0]
    return word.split()[0] in (head, head + "s", head + "es") or word.endswith("ies") and head.endswith("y")


# Words after which a base or -s form is a verb: subjects, auxiliaries, modals, adverbs of manner.
_VERB_LEADERS = frozenset(
    "i we you they he she it who which that also and or then not n't never will would shall should "
    "can could may might must do does did to jointly both all often always now today yesterday "
    "tomorrow again still".split()
)


def _after_subject(tokens: list[Token], i: int, actor_ends: set[int]) -> bool:
    j = i - 1
    while j >= 0 and tokens[j].word.endswith("ly") and len(tokens[j].word) > 4:
        j -= 1  # 'periodically hold'
    if j < 0:
        return True  # a headline or imperative opening
    return tokens[j].word in _VERB_LEADERS or tokens[j].end in actor_ends or not tokens[j].joined


def _with_mood(tokens: list[Token], first: int, code: str) -> tuple[str, str]:
    """The code and mode (schemas.enums.MODES) of a verb, from the words before it.

    Refusals are deeds done, coded as CAMEO rejections (12x, asserted): 'refused to deploy
    peacekeepers' 1224, and so is a negated future or ability of cooperation, a refusal stated
    ('will not meet' 125, 'cannot accept' 120). Any other negation keeps the deed's own code with
    the mode negated: 'did not sign' 057, 'never attacked' 190. The future and intentions ('will
    support', 'vowed to attack', 'is willing to send') are intended, coded as CAMEO codes the
    expressing of them: intent to cooperate (03x) or threat (13x); 'must hand over' is a demand
    (100, asserted); 'tried to assassinate' an attempt (185, asserted). Possibility and conditions
    (hypothetical) are told by _possible and _hypothetical.
    """
    window = [t.word for t in tokens[max(0, first - 4) : first]]
    if not window:
        return code, "asserted"
    root = code[:2]
    if window[-1] == "to" and len(window) >= 2:
        if window[-2] in _REFUSALS:
            return _rejection(code), "asserted"  # the refusal is the deed: 'has refused to meet'
        if window[-2] in _ATTEMPTS and code.startswith("186"):
            return "185", "asserted"
    if window[-1] == "have" and len(window) >= 2 and window[-2] in _FUTURE | _POSSIBILITY:
        return code, "hypothetical"  # 'would have attacked', 'could have signed'
    negated = any(w in _NEGATIONS for w in window[-2:])
    if window[-1] == "must":
        return ("100" if root not in ("10", "11", "12", "13") else code), "asserted"
    future = any(w in _FUTURE for w in window[-3:]) or window[-2:] == ["going", "to"] or (
        window[-1] == "to" and len(window) >= 2 and window[-2] in _INTENTIONS)  # 'is willing to send'
    if negated:
        if root in _COOPERATION and (future or any(w in _REFUSING for w in window[-3:])):
            return _rejection(code), "asserted"  # 'will not meet', 'cannot accept'
        return code, "negated"
    if future:
        return _INTENT.get(root) or _THREAT.get(root) or code, "intended"
    return code, "asserted"


def _rejection(code: str) -> str:
    """The CAMEO rejection of what a code does: 062 military cooperation -> 1212, 074
    peacekeeping -> 1224, 057 an agreement -> 127, 04 meeting -> 125; other codes -> 120."""
    if code[:2] == "12":
        return code
    return _REJECTIONS.get(code[:3]) or _REJECTIONS.get(code[:2]) or "120"


_NEGATIONS = frozenset(
    "not never n't no didn't don't doesn't won't wouldn't hasn't haven't hadn't cannot can't couldn't "
    "didn’t don’t doesn’t won’t wouldn’t hasn’t haven’t can’t couldn’t".split()
)
_FUTURE = frozenset("will would 'll shall won't wouldn't won’t wouldn’t".split())
# Modals whose negation refuses: 'cannot accept', 'could not agree', 'can't support'.
_REFUSING = frozenset("can cannot can't can’t could couldn't couldn’t".split())
_REFUSALS = frozenset("refuse refused refuses refusing declined declines declining".split())
# Words before 'to' that state an intention, like 'will': 'is ready to host', 'vowed to fight'.
_INTENTIONS = frozenset(
    "willing ready prepared determined vowed vow vows swore sworn swear pledged pledge pledges "
    "threatened threaten threatens intends intend intended plans plan planned".split()
)
_ATTEMPTS = frozenset("attempt attempted attempts attempting tried try tries trying bid plot plotted".split())
# Roots whose denial or refusal is a rejection (12x): intent to cooperate, consult, diplomatic and
# material cooperation, aid, yielding.
_COOPERATION = frozenset({"03", "04", "05", "06", "07", "08"})
_REJECTIONS = {
    "04": "125", "045": "126", "046": "125", "057": "127", "06": "121", "061": "1211", "062": "1212",
    "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}
# Intent to do what the root does: 036 meet or negotiate, 032 diplomatic cooperation,
# 031 material cooperation, 033 provide material aid, 035 yield.
_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# Threats of what the root does: 137 repression, 138 military force, 131 non-force.
_THREAT = {"14": "131", "15": "138", "17": "137", "18": "138", "19": "138", "20": "138"}
# Sectors that do not arrest people: an arrest verb right after them is a participle
# ('the 51 people arrested', 'bjp workers detained') and the arresting agent is left unsaid.
_ARRESTED_KINDS = frozenset({None, "CVL", "OPP", "CRM", "LAB", "EDU", "REL", "HIN", "MUS",
                             "PTY", "REF", "AGR", "BUS", "MED", "HLH", "ELI", "NGO", "RAD"})
# Who can be held in custody: people, not governments, armies or places.
_DETAINED = _ARRESTED_KINDS - {None} | {"REB", "UAF", "INS"}
_RANK = {"verb": 0, "passive": 0, "light": 0, "infinitive": 1, "noun": 3}


def _rank(verb: _Verb, source: Actor | None, done: bool = False) -> tuple:
    """Lower is better: an event with a source, one that happened or is intended (not denied nor
    supposed), a finite verb or an infinitive of a deed done ('refused to meet', 'continued to
    send'), a deed before a statement."""
    statement = verb.statement or verb.code[:2] == "01"
    noun = verb.kind == "noun" and verb.code[:2] not in _MATERIAL_CONFLICT
    kind = 0 if statement or done else _RANK[verb.kind]
    unreal = verb.mode in ("negated", "hypothetical")
    return (source is None, unreal, noun, statement, kind, verb.first)


_MATERIAL_CONFLICT = frozenset({"17", "18", "19", "20"})


def _pair_at(tokens: list[Token]) -> tuple[int, int, str | None] | None:
    words = [t.word for t in tokens]
    for n, word in enumerate(words):
        for phrase, sector in _PAIR_PHRASES_BY_FIRST.get(word, ()):
            if tuple(words[n : n + len(phrase)]) == phrase:
                return tokens[n].start, tokens[n + len(phrase) - 1].end, sector
    return None


_PAIR_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
for _phrase, _sector in PAIR_PHRASES.items():
    _PAIR_PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _sector))


def _roles(
    tokens: list[Token], actors: list[Actor], verb: _Verb, place: Actor | None, text: str = ""
) -> tuple[Actor | None, Actor | None]:
    verb_start, verb_end = tokens[verb.first].start, tokens[verb.last - 1].end
    before = _subjects("", tokens, actors, verb)  # 'police in Delhi and Mumbai arrested'
    after = [a for a in actors if a.start >= verb_end]
    # 'in Tbilisi against the government': the place where it happened comes last. It is the
    # target of a domestic event ('the opposition postponed the rally in Baku': AZE -> AZE) and of
    # deeds done to a place (force, aid, withdrawal: 'forces from Panama'), not of a state's
    # other doings abroad ('Iran's envoy arrived in Damascus').
    if before and before[-1].country in _STATES and verb.code[:2] not in _PLACE_TARGETS:
        after = [a for a in after if a.country == before[-1].country or not (a is place or _where(tokens, a))]
    after = [a for a in after if not _reporter(tokens, a, verb_end)]
    after = [a for a in after if a is not place] or after
    words = {t.start: t.word for t in tokens}
    following = [t.word for t in tokens[verb.last : verb.last + 3]]
    previous = [t.word for t in tokens[max(0, verb.first - 2) : verb.first]]
    if "between" in following[:1] or ("between" in following and not before):
        if len(after) >= 2:
            return after[0], after[1]  # 'signed between A and B'; not 'X hosted talks between A and B'
        if verb.kind == "noun" and following[:1] == ["between"]:
            return None, None  # 'police officials injured in a clash between two communities': not theirs

    if any(p in _PASSIVE for p in previous) and "by" in following:
        # 'were attacked by a fierce mob': the agent is after 'by', whether or not we know it
        by_agent = [a for a in after if a.start <= tokens[min(verb.last + 3, len(tokens) - 1)].start]
        return (by_agent or _by_phrase(text, tokens, after, verb) or [None])[0], before[-1] if before else None
    source = before[-1] if before else None
    if len(before) >= 2 and any(t.start <= before[-2].start and before[-1].end <= t.end for t in tokens):
        return before[-2], before[-1]  # the halves of one word: 'police-vhp clash'
    joint = None
    if len(before) >= 2:
        between = [t.word for t in tokens if before[-2].end <= t.start < before[-1].start]
        if between and between[0] == "and" and len(between) <= 3:
            joint = before[-2], before[-1]  # compound subject: 'A and B signed' (see below)
            if _preposition_before(tokens, before[-2]) == "between":
                return joint  # 'a debate between politicians and military over ...'
    if verb.kind == "light" and following[:1] == ["of"] and after and not after[0].country:
        after = after[1:]  # 'the withdrawal of some forces from Panama': the forces are the source's
    target = after[0] if after else None
    if target is not None and target.country is None and verb.code[:2] in ("06", "07", "15"):
        # 'providing military intelligence to Macedonia', 'sent troops to Iraq': the recipient;
        # forces mobilized are the source's means, the target is whom they face ('mobilized
        # army reservists for a possible war against Iraq'), else nobody ('ordered patrols by police')
        mobilized = verb.code[:2] == "15" and target.sector in _FORCES
        towards = ("to", "against") if mobilized else ("to",)
        recipient = [a for a in after[1:] if a.country and words.get(_start_before(tokens, a.start)) in towards]
        target = recipient[0] if recipient else None if mobilized else target
    if target is not None and verb.code[:2] == "11" and _preposition_before(tokens, target) == "to":
        target = _complained_of(tokens, after[1:], target) or target
    if joint and not _own_target(tokens, target, place, joint):
        return joint  # 'A and B signed an agreement', 'met in Budapest': each other's counterparts
    source = _appositive_head(tokens, before, verb) or source
    if target is None and source is not None:
        earlier = [a for a in before[:-1] if words.get(_start_before(tokens, a.start)) == "with"]
        target = earlier[-1] if earlier else None
    return source, target


def _by_phrase(text: str, tokens: list[Token], after: list[Actor], verb: _Verb) -> list[Actor]:
    """The actors of the phrase after a passive's 'by', up to the next clause: 'stabbed to death by
    some miscreants', not 'smashed by the crowd even as the police stood mute witness'."""
    n = next(k for k in range(verb.last, len(tokens)) if tokens[k].word == "by")
    end = next((tokens[k].start for k in range(n + 1, len(tokens)) if tokens[k].word in _CLAUSE_OPENERS
                or tokens[k].word == "even" or any(ch in ",;:" for ch in text[tokens[k - 1].end : tokens[k].start])),
               tokens[-1].end)
    return [a for a in after if a.start < end]


# Prepositions that make what follows a topic, not a party: 'signed an agreement on Karabakh'.
_TOPIC = frozenset({"on", "about", "over", "regarding", "concerning"})


def _own_target(tokens: list[Token], target: Actor | None, place: Actor | None, members: tuple[Actor, ...]) -> bool:
    """A party after the verb that a compound subject acts on together ('A and B criticised
    Russia'), not where they acted ('met in Budapest'), nor what about ('an agreement on Karabakh'),
    nor, when they are of countries, an agent of none or of one of theirs ('drills between their
    army units', 'cemented the military ... alliance')."""
    if target is None or target is place or _where(tokens, target):
        return False
    countries = {m.country for m in members if m.country}
    if countries and (target.country is None or target.country in countries):
        return False  # 'Palestinians and Israelis failed to reach agreement on Palestinian offices'
    return _preposition_before(tokens, target) not in _TOPIC


# Verbs of a closing attribution: '..., a local official said', '..., police reported'.
_REPORTING = frozenset("said says say told tell tells reported reports added adds stated noted claimed claims "
                       "announced confirmed".split())


def _reporter(tokens: list[Token], actor: Actor, verb_end: int) -> bool:
    """The subject of a closing attribution after a comma ('surrendered in Soroti, a local
    official said'): who tells of the deed, never whom it was done to."""
    n = _token_of(tokens, actor.end - 1) + 1
    while n < len(tokens) and tokens[n].word in _ADVERBS | _WHEN_WORDS:
        n += 1
    if n >= len(tokens) or tokens[n].word not in _REPORTING or not tokens[n - 1].joined:
        return False
    j = _token_of(tokens, actor.start) - 1
    for _ in range(3):  # 'Soroti, a local official said', 'consumers, several people said'
        if j < 0 or tokens[j].end < verb_end or not tokens[j].joined:
            break
        word = tokens[j].word
        if word in _CLAUSE_OPENERS or word in _PREPOSITIONS or word.endswith("ly"):
            return False  # 'shortly after the Pentagon announced': a clause of its own
        j -= 1
    return j >= 0 and tokens[j].end >= verb_end and not tokens[j].joined


_ABOUT = frozenset({"over", "about", "against"})


def _preposition_before(tokens: list[Token], actor: Actor) -> str:
    """The word before an actor over articles: 'to the United Nations' -> 'to'."""
    before = [t.word for t in tokens if t.end <= actor.start]
    while before and before[-1] in ("the", "a", "an"):
        before.pop()
    return before[-1] if before else ""


def _complained_of(tokens: list[Token], later: list[Actor], audience: Actor) -> Actor | None:
    """'complained to the United Nations over two Israeli air raids': a disapproval told to an
    audience is of the actor it is about (within four words after 'over', 'about', 'against',
    times aside)."""
    for actor in later:
        between = [t.word for t in tokens if audience.end <= t.start and t.end <= actor.start]
        while between and between[0] in _WHEN_WORDS:
            between.pop(0)  # 'on Tuesday over ...'
        if between and between[0] in _ABOUT and len(between) <= 4:
            return actor
    return None


def _appositive_head(tokens: list[Token], before: list[Actor], verb: _Verb) -> Actor | None:
    """'Pakistan, a key U.S. ally in the war, has refused': the subject is the actor an indefinite
    apposition describes, not the last one inside it. A definite one names the subject's role and
    stays: 'Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded'."""
    if len(before) < 2:
        return None
    index = {t.end: n for n, t in enumerate(tokens)}
    j = verb.first - 1
    skipped = _FINITE_BEFORE - _PRONOUNS - {"who", "which", "that"} | _REALIZED | _WHEN_WORDS | {"to"}
    while j > 0 and tokens[j].word in skipped:
        j -= 1  # 'has', 'also', 'on friday', 'has refused to'
    if j < 0 or tokens[j].joined:
        return None  # no comma closes an apposition before the verb
    for head in before[:-1]:
        n = index.get(head.end)
        if n is None or tokens[n].joined or n + 1 >= len(tokens) or tokens[n + 1].word not in ("a", "an"):
            continue
        if all(tokens[k].joined or k == j for k in range(n + 1, j + 1)):
            return head  # one comma after the head, one before the verb
    return None


# Roots whose target may be a bare place: aid (07), withdrawal (08), their refusals (12),
# mobilization (15), sanctions (16), coercion and force (17-20): 'troops in Iraq', 'forces from Panama'.
_PLACE_TARGETS = frozenset({"07", "08", "12", "15", "16", "17", "18", "19", "20"})
_STATES = frozenset(COUNTRIES.values())  # not organisations (IGO, NGO ...), which act in places
_WHERE = frozenset("in at near from inside outside across via through within around".split())


def _where(tokens: list[Token], actor: Actor) -> bool:
    """A bare place after a preposition of place ('in Damascus', 'from Syria')."""
    if actor.sector is not None or not actor.country:
        return False
    previous = _word_before_place(tokens, actor)
    return bool(previous) and previous[0] in _WHERE


_LOCATIVE = frozenset("in at near from into inside outside across to towards toward via through".split())


def _word_before_place(tokens: list[Token], actor: Actor) -> list[str]:
    """The word before a place, over a direction ('in central Iran', 'from southern Lebanon')."""
    before = [t.word for t in tokens if t.end <= actor.start]
    while before and before[-1] in _REGION_WORDS:
        before.pop()
    return before[-1:]


_REGION_WORDS = frozenset("north south east west northern southern eastern western central".split())


def _located(tokens: list[Token], actor: Actor) -> bool:
    """A bare place after a locative preposition ('violence broke out in godhra, we have ...',
    'the envoy to Syria will attend', 'travelling to Syria to join', 'in central Iran') is where
    something happened or where someone went, never who did it."""
    if actor.sector is not None or not actor.country:
        return False
    previous = _word_before_place(tokens, actor)
    return previous == ["in"] or bool(previous) and previous[0] in _LOCATIVE


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


def _date(sentence: Sentence, timexes: list, verb_at: int, published: date | None, others: list[int] = ()):
    """The DATE timex nearest the verb (fewest commas between, then fewest characters) among those
    no other event's verb is nearer to, else published: in 'X said on Monday that Y attacked Z on
    Sunday' the saying is Monday's, the attack Sunday's."""
    candidates = []
    for timex in timexes:
        if timex.type != "DATE" or not timex.value or timex.start < sentence.start or timex.end > sentence.end:
            continue
        first_day = value_start(timex.value)
        if first_day is None:
            continue
        distance = _distance(sentence, timex, verb_at)
        if any(_distance(sentence, timex, other) < distance for other in others):
            continue  # it dates another verb of the sentence
        candidates.append((distance, timex.start, first_day, timex))
    if candidates:
        _, _, first_day, timex = min(candidates, key=lambda c: (c[0], c[1]))
        return first_day, timex.precision, timex.value, "text"
    if published is None:
        return None, None, None, None
    return published, "day", published.isoformat(), "published"


def _distance(sentence: Sentence, timex, at: int) -> tuple[int, int]:
    """(clause breaks, characters) between a timex and a verb at an offset in the text."""
    low, high = (at, timex.start) if timex.start >= at else (timex.end, at)
    between = sentence.text[low - sentence.start : high - sentence.start]
    return sum(between.count(mark) for mark in ",;:("), high - low



# ---------------------------------------------------------------- clauses and quotations
# Who does a verb's deed is found in the verb's own clause. A relative or adverbial clause
# (', which ...', ', when ...', 'who ...', a sentence opening 'After ...,') runs from its opening
# word to the next comma, semicolon, colon, dash or quotation mark; a quotation is a clause of its
# own. The main clause is what is left.
_CLAUSE_OPENERS = frozenset(
    "which who whom whose that when while after as because although though whereas where before since "
    "until unless once according but if whether".split()
)
# Subordinators that open a clause wherever they stand, comma or not ('will not accept refugees
# if war starts in Iraq'); 'after', 'since', 'before' are also prepositions and need the comma.
_ALWAYS_SUBORDINATE = frozenset("if unless whether because although though whereas".split())
_RELATIVE_OPENERS = frozenset("which who whom whose".split())
# Opening a sentence, these start an adverbial clause that a comma closes ('After X attacked Y, ...').
_OPENING_SUBORDINATORS = frozenset("when while after as because although though whereas before since once".split())
_CLAUSE_BREAKS = frozenset(",;:–—()\"“”")
_OPEN_QUOTE, _CLOSE_QUOTE = "“", "”"
_QUOTE_MARK = re.compile('["“”]')


@dataclass(frozen=True, slots=True)
class _Clause:
    first: int  # token indices, end exclusive
    last: int
    relative: bool  # 'who', 'which': the actor before it is the clause's subject


@dataclass(frozen=True, slots=True)
class _Clauses:
    quoted: frozenset[int]  # indices of tokens inside quotation marks
    inner: tuple[_Clause, ...]  # relative and adverbial clauses, outside quotations

    def of(self, i: int) -> _Clause | None:
        return next((c for c in reversed(self.inner) if c.first <= i < c.last), None)


def _quote_spans(text: str, continued: bool = False) -> list[tuple[int, int]]:
    """Character spans inside quotation marks: curly pairs, straight ones taken in turn; a quote
    the sentence opens and does not close runs to its end, one it closes without opening from its
    start (a quotation of several sentences). `continued`: an earlier sentence opened a quotation
    (its first straight mark closes it)."""
    spans = []
    opened: int | None = 0 if continued else None
    for match in _QUOTE_MARK.finditer(text):
        n, ch = match.start(), match.group()
        if n and text[n - 1] == "€":
            continue  # UTF-8 punctuation read as cp1252: 'â€”' is a dash, 'â€œ' a quote mark
        if ch == _OPEN_QUOTE or ch == '"' and opened is None:
            opened = n
        elif ch == _CLOSE_QUOTE or ch == '"':
            spans.append((opened if opened is not None else 0, n))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _clauses(text: str, tokens: list[Token], continued: bool = False) -> _Clauses:
    spans = _quote_spans(text, continued)
    quoted = frozenset(n for n, t in enumerate(tokens) if any(a <= t.start < b for a, b in spans)) if spans else frozenset()
    breaks = [False] + [
        not _CLAUSE_BREAKS.isdisjoint(text[tokens[n - 1].end : tokens[n].start]) for n in range(1, len(tokens))
    ]
    inner = []
    for i, token in enumerate(tokens):
        if i in quoted or token.word not in _CLAUSE_OPENERS:
            continue
        relative = token.word in _RELATIVE_OPENERS
        if not (relative or breaks[i] and token.word != "that"
                or i == 0 and token.word in _OPENING_SUBORDINATORS
                or token.word in _ALWAYS_SUBORDINATE and i + 1 < len(tokens) and tokens[i + 1].word != "of"):
            continue  # 'said that', 'as well as', 'the man that', 'because of'
        if token.word == "according" and (i + 1 >= len(tokens) or tokens[i + 1].word != "to"):
            continue
        end = next((n for n in range(i + 1, len(tokens)) if breaks[n] or n in quoted), len(tokens))
        inner.append(_Clause(i, end, relative))
    return _Clauses(quoted, tuple(inner))


def _visible(tokens: list[Token], actors: list[Actor], clauses: _Clauses, verb: _Verb) -> list[Actor]:
    """The actors a verb can take as source or target: those of its own clause. A main verb skips
    the relative and adverbial clauses and quotations between (unless nothing is left before it);
    a verb of a relative clause with no subject of its own takes the actor the clause follows
    ('Isis, which controlled the towns'). Quoted verbs: see _quoted_roles."""
    place = {id(a): _token_of(tokens, a.start) for a in actors}
    if verb.first in clauses.quoted:
        return [a for a in actors if place[id(a)] in clauses.quoted]
    actors = [a for a in actors if place[id(a)] not in clauses.quoted]
    start = tokens[verb.first].start
    clause = clauses.of(verb.first)
    if clause is None:
        main = [a for a in actors if clauses.of(place[id(a)]) is None]
        if any(a.end <= start for a in main):
            return main
        return [a for a in actors if a.end <= start] + [a for a in main if a.start >= start]
    own = [a for a in actors if clause.first <= place[id(a)] < clause.last]
    if any(a.end <= start for a in own):
        return own
    before = [a for a in actors if place[id(a)] < clause.first and clauses.of(place[id(a)]) is None]
    if clause.relative:
        return before[-1:] + own
    return before + own



_PERSONAL = frozenset("i we you he she it they".split())


def _first_person(tokens: list[Token], clauses: _Clauses, verb: _Verb) -> bool:
    """In a quotation, the nearest pronoun before the verb is 'we' or 'I' ('"We will strike back,"
    X said'): the speaker's own deed. Anyone else's ('they attacked', 'a country we call an ally
    is forming') is what the speaker claims."""
    for j in range(verb.first - 1, -1, -1):
        if j not in clauses.quoted:
            return False
        if tokens[j].word in _PERSONAL:
            return tokens[j].word in ("i", "we") and verb.first - j <= 6
    return False


def _implied(verb: _Verb) -> bool:
    """An agentless arrest or police firing ('"20 people were arrested"'): its agent is inferred
    (_implied_agent, _police_fire) whoever tells it, so a quotation tells it as well."""
    return verb.kind in ("passive", "noun") and (verb.code.startswith("173") or _police_fire(verb))


def _quote_speaker(
    text: str, tokens: list[Token], actors: list[Actor], clauses: _Clauses, verbs: list[_Verb], place: Actor | None
) -> Actor | None:
    """Who speaks the sentence's quotation: the named source of a verb of saying outside it
    ('"...," Iraq said', 'X said: "..."'), else None (an unnamed or unknown speaker)."""
    for verb in verbs:
        if not (verb.statement and verb.kind == "verb") or verb.first in clauses.quoted:
            continue
        visible = _visible(tokens, actors, clauses, verb)
        source, target = _roles(tokens, visible, verb, place, text)
        source, _ = _speaker(text, tokens, visible, verb, source, target)
        if source is not None:
            return _with_country(source, actors, None, place)
    return None


def _token_of(tokens: list[Token], offset: int) -> int:
    """Index of the token an offset falls in (or the last one before it)."""
    return max(bisect_right(tokens, offset, key=_START) - 1, 0)


_START = attrgetter("start")


def _code_sentence(
    sentence: Sentence,
    tokens: list[Token],
    actors: list[Actor],
    timexes: list,
    published: date | None,
    pair: tuple[str, str] | None,
    anaphor: tuple[int, int, str | None] | None = None,
    main: str | None = None,
    quoting: tuple[Actor | None] | None = None,
    police: Actor | None = None,
) -> tuple[list[Event], tuple[Actor | None] | None]:
    """The sentence's events: the best-ranked one first, then the others it also reports, in order;
    and the quotation it leaves open, if any, with its speaker.

    `quoting`: a quotation an earlier sentence opened with a curly mark and did not close, as
    (speaker,). A sentence
    with no quotation mark inside it is quoted whole; one that closes it is quoted up to the mark.
    Either way, the speaker is the one the opening sentence named, unless this one names its own.
    `police`: the police the sentences just before named, who fire when this one names nobody
    who could ('five or six rounds were fired in the air').
    Reporters and newspapers (MED) only ever make statements.

    Others are the finite verbs with a source of their own (coordinated deeds: 'police fired tear
    gas and arrested 20 protesters'; said-clauses: 'X said Y attacked Z' gives Y's attack and X's
    statement, 010, with no target unless told), infinitives of deeds done ('police had to fire'),
    the arrests whose agent goes unsaid and police firing named by a noun ('in the firing'). Other
    infinitives ('to disperse the mob') and nouns never add an event.
    """
    lower = lower_cased(sentence.text)
    place = _location(tokens, actors)
    pair_phrase = _pair_at(tokens) or anaphor
    coded: list[tuple[tuple, _Verb, list[tuple[Actor | None, Actor | None]], bool]] = []
    previous: tuple[_Verb, Actor] | None = None  # the last finite verb with a source
    actor_ends = {a.end for a in actors}
    statement: tuple[_Verb, Actor] | None = None  # the last verb of saying with a source
    deeds: list[tuple[_Verb, Actor | None]] = []  # the verbs coded so far, with their sources
    detained = frozenset(a.end for a in actors if a.sector in _DETAINED)
    verbs = _candidates(
        tokens, lower, [(a.start, a.end) for a in actors], _place_modifiers(tokens, actors, lower), detained
    )
    verbs = verbs[:_MAX_CANDIDATES]
    marks = [mark.start() for mark in _QUOTE_MARK.finditer(sentence.text)]
    if quoting is not None and not marks:
        clauses = _Clauses(frozenset(range(len(tokens))), ())  # the whole sentence is quoted
    else:
        clauses = _clauses(sentence.text, tokens, quoting is not None)
    speaker = _quote_speaker(sentence.text, tokens, actors, clauses, verbs, place) if clauses.quoted else None
    if speaker is None and quoting is not None:
        speaker = quoting[0]
    opening = sentence.text.rfind(_OPEN_QUOTE)
    if quoting is not None and not marks:
        left_open = quoting
    elif opening >= 0 and _CLOSE_QUOTE not in sentence.text[opening:]:
        left_open = (speaker,)  # 'X said: “There are few who ... uniform.'
    else:
        left_open = None  # straight marks go unbalanced too often to carry a quotation on
    every_actor = actors
    verb_firsts = frozenset(v.first for v in verbs)
    for verb in verbs:
        subjects: list[Actor] | None = None  # the article's pair, each acting on a target of its own
        if verb.lemma in _OBLIGATIONS and statement is None:
            continue  # 'X must' said by nobody we know demands nothing of anyone
        actors = _visible(tokens, every_actor, clauses, verb)
        source, target = _roles(tokens, actors, verb, place, sentence.text)
        verb_start = tokens[verb.first].start
        if verb.first in clauses.quoted and not _implied(verb):
            if speaker is None or verb.kind in ("verb", "infinitive", "light") and not _first_person(
                tokens, clauses, verb
            ):
                continue  # a claim, not a reported deed: unknown speaker, or someone else's deed
            if verb.kind in ("verb", "infinitive", "light"):
                source = speaker  # '"We will attack Kuwait," Iraq said': the speaker's own deed
        if verb.kind in ("passive", "noun") and source is not None and source.end <= verb_start and not (
            verb.code.startswith("173") and verb.kind == "passive"
        ):
            source = source if verb.kind == "noun" else None
        if pair and pair_phrase and (
            source is None
            or pair_phrase[0] <= source.start < pair_phrase[1]  # 'the two ministers' found as 'ministers'
            or source.end < pair_phrase[0] < verb_start
        ):
            at, end, sector = pair_phrase
            phrase = sentence.text[at:end]
            source = Actor(at, end, phrase, pair[0], sector)
            own = target if _own_target(tokens, target, place, (source,)) else None
            if own is not None and (
                own.start < tokens[verb.last - 1].end or at <= own.start < end or own.country in pair
            ):
                own = None  # before the verb; 'the two ministers' found as 'ministers'; one of the two
            target = own or Actor(at, end, phrase, pair[1], sector)
            if own is not None:  # 'the two countries criticised Russia': each of them did
                subjects = [source, Actor(at, end, phrase, pair[1], sector)]
        coordinated = verb.kind == "verb" and previous is not None and _coordinated(tokens, previous[0], verb)
        if verb.kind == "verb" and not coordinated and source is not None:
            source = (_relative_head(tokens, actors, verb, source) or _shared_subject(tokens, actors, verb, source)
                      or _participial_subject(tokens, actors, verb, source)
                      or _clause_subject(sentence.text, tokens, actors, verb) or source)
        if coordinated and (source is None or source.start >= tokens[previous[0].last - 1].end):
            source = previous[1]  # 'police arrested 20 men and seized arms': the police seized
        if verb.kind == "verb" and statement is not None and _pronoun_subject(tokens, statement[0], verb):
            source = statement[1]  # 'Hungary said it will support Turkey': Hungary supports
        elif verb.kind == "verb" and statement is not None and verb.first and (
            tokens[verb.first - 1].word in _OBLIGATIONS or verb.lemma in _OBLIGATIONS
        ):
            source, target = statement[1], source  # 'Britain said Libya must release ...': Britain demands
            if verb.code[:2] not in ("10", "11", "12", "13"):
                verb = replace(verb, code="100")  # 'said Iran should halt': a demand, whatever halting codes
        if verb.statement and verb.kind == "verb":
            source, target = _speaker(sentence.text, tokens, actors, verb, source, target)
            if any(v.first > verb.first for v in verbs):
                verb = replace(verb, code=DEFAULTS.get(verb.lemma) or verb.code)  # the saying itself
        source, target = _implied_agent(tokens, verb, source, target, place)
        if verb.kind == "noun" and verb.code.startswith("173") and any(
            v.kind == "verb" and v.code[:2] in _APPEALS for v, _ in deeds
        ):
            continue  # 'called for a ban on the vhp and arrest of its leaders': asked for, not done
        if source is None and verb.code in ("185", "186") and verb.kind in ("infinitive", "passive", "noun"):
            # 'an attempt to assassinate the governor was thwarted': unidentified attackers (UAF)
            at = tokens[verb.first].start
            source = Actor(at, at, "", place.country if place else None, "UAF")
        if verb.kind == "noun" and not _police_fire(verb) and _suffered(tokens, verb):
            source = None  # 'a constable was injured in the stone throwing': hurt by it, not its doer
        if verb.kind in ("passive", "noun") and _police_fire(verb) and (source is None or source.sector in _DETAINED):
            # 'injured in the firing, police said', '10 persons sustained injuries in the firing'
            source = _police_nearby(actors, verb_start) or _police_here(police, verb_start) or source
            target = None if target is source else target
        if subjects is None or source is not subjects[0]:
            subjects = _conjuncts(sentence.text, tokens, _subjects(sentence.text, tokens, actors, verb), source, target)
            if len(subjects) > 1 and "," in sentence.text[subjects[-1].end : verb_start]:
                subjects = [source]  # 'Against the advice of his generals and Nato allies, Trump has ordered'
        objects = _conjuncts(sentence.text, tokens, _objects(tokens, actors, verb, verb_firsts), target, source)
        pairs = []
        for source, target in [(s, t) for s in subjects for t in objects]:
            placed = source is not None and source.country is not None  # by its own words
            source = _withmain_country(_with_country(source, every_actor, target, place), main)
            target = _withmain_country(_with_country(target, every_actor, source, place, domestic=True), main)
            if _home_place(placed, source, target, verb, every_actor):
                target = None  # 'rebels surrendered in Soroti': where it happened, not to whom
            if source is not None and source.sector == "MED" and verb.code[:2] not in _SAID_ROOTS:
                continue  # 'the Turkish press reported' is a statement; reporters do nothing else
            pairs.append((source, target))
        if not pairs:
            continue
        source, target = pairs[0]
        if verb.kind in ("passive", "noun") and source is None:
            continue
        if verb.kind == "verb" and source is not None:
            previous = (verb, source)
            if verb.statement:
                statement = (verb, source)
        reported = source is not None and (
            verb.kind == "verb" and (coordinated or _finite(tokens, verb, actor_ends))
            or verb.kind == "infinitive" and _realized(tokens, verb)
            or verb.kind == "light"  # 'X completed the withdrawal of'
            or verb.kind in ("passive", "noun") and _police_fire(verb) and source.sector == "COP"
            or verb.code.startswith("173") and verb.kind == "passive"  # an unsaid-agent arrest
            or verb.code.startswith("173") and source.sector == "COP" and _participle_after_noun(tokens, verb)
            # 'the arrest of five men', unless another deed takes it as its object ('condemned the arrests')
            or verb.code.startswith("173") and verb.kind == "noun" and not any(
                v.kind == "verb" and not v.statement and v.first < verb.first for v, _ in deeds
            )
        )
        done = verb.kind == "infinitive" and _realized(tokens, verb)
        coded.append((_rank(verb, source, done), verb, pairs, reported))
        deeds.append((verb, source))
    if not coded:
        return [], left_open
    best = min(coded, key=lambda c: c[0])
    if best[2][0][0] is None:
        return [], left_open  # nobody does anything: 'The declaration also pledges joint efforts ...'
    if best[1].kind == "noun" and not best[3] and best[1].code[:2] not in _NOUN_EVENT_ROOTS:
        return [], left_open  # only a noun names something ('the talks went well'): no deed is reported
    if best[1].kind == "infinitive" and best[1].mode == "asserted" and not best[3]:
        # 'difficulty in finding a way to prosecute suspected fighters', 'went to arrest him':
        # the deed an infinitive names is aimed at, not done, unless something says it was (_realized)
        best = (best[0], replace(best[1], mode="intended"), *best[2:])
    chosen = [best] + [c for c in coded if c is not best and c[3]]
    verbs_at = [sentence.start + tokens[c[1].first].start for c in chosen]
    events: list[Event] = []
    seen = set()
    for (_, verb, pairs, _), verb_at in zip(chosen, verbs_at):
        dated = _date(sentence, timexes, verb_at, published, [v for v in verbs_at if v != verb_at])
        for source, target in pairs:  # one per member of a coordinated subject or object
            key = (verb.code, _actor_key(source), _actor_key(target), verb.mode)
            if key in seen:
                continue
            seen.add(key)
            events.append(build_event(sentence, verb.code, source, target, place, dated, verb.mode))
    return events, left_open


def _subjects(text: str, tokens: list[Token], actors: list[Actor], verb: _Verb) -> list[Actor]:
    """The actors before a verb that can be its subject or part of it: not a place, nor the places
    listed with it ('in Egypt, Libya and Afghanistan'), unless a comma closes an opening phrase of
    place ('In Kyiv, Poland and Hungary said'). Without `text`, lists joined by commas are not seen."""
    verb_start = tokens[verb.first].start
    subjects = []
    placed = None  # the last place left out
    for actor in actors:
        if actor.end > verb_start:
            break
        link = placed is not None and _link(text, tokens, placed, actor)
        if link == "," and _token_of(tokens, placed.start) <= 2 and tokens[0].word in _LOCATIVE:
            link = None
        if _located(tokens, actor) or link:
            placed = actor
        else:
            subjects.append(actor)
    return subjects


# Words after an actor that make it the subject of a clause of its own: 'criticised Hungary and
# Romania said ...' has one object.
_CLAUSE_VERBS = frozenset(
    "has have had is are was were will would said says say also did does could should may might must can".split()
)


def _objects(tokens: list[Token], actors: list[Actor], verb: _Verb, verb_firsts: frozenset[int]) -> list[Actor]:
    """The actors after a verb that can be its object or part of it: not a place where it was done
    ('in Berlin'), nor the subject of a verb that follows ('... and Romania said')."""
    verb_end = tokens[verb.last - 1].end
    objects = []
    for actor in actors:
        if actor.start < verb_end or _where(tokens, actor):
            continue
        n = _token_of(tokens, actor.end - 1)
        if n + 1 < len(tokens) and tokens[n].joined and (
            n + 1 in verb_firsts or tokens[n + 1].word in _CLAUSE_VERBS or tokens[n + 1].word in FORMS
        ):
            continue
        objects.append(actor)
    return objects


# Words that may follow 'and' inside a coordination of actors: 'Hungarian officials and their
# Romanian counterparts'.
_CONJUNCT_WORDS = frozenset({"the", "its", "their", "his", "her", "both"})


def _link(text: str, tokens: list[Token], a: Actor, b: Actor) -> str | None:
    """How actor `b` is coordinated with the actor `a` right before it: 'and', ',' or not (None)."""
    if a.end > b.start or (a.country, a.sector) == (b.country, b.sector):
        return None
    first = _token_of(tokens, a.end - 1) + 1
    words = []
    for token in tokens[first:]:
        if token.start >= b.start or len(words) > 2:
            break
        words.append(token.word)
    if words[:1] == ["and"] and len(words) <= 2 and all(w in _CONJUNCT_WORDS for w in words[1:]):
        return "and"
    return "," if not words and text[a.end : b.start].strip() == "," else None


def _conjuncts(
    text: str, tokens: list[Token], candidates: list[Actor], actor: Actor | None, other: Actor | None
) -> list[Actor | None]:
    """The members of the coordination `actor` belongs to, in the order written ('Hungary and
    Romania', 'Hungarian and Romanian officials', 'both X and Y', 'the US, Britain and France'),
    among `candidates` (_subjects or _objects); just `actor` when it is alone, or when `other`
    (the counterpart of the event) is a member too: 'A and B signed' is a joint action, A -> B,
    and so is 'between A and B'. Members differ in country or sector: 'Budapest, Hungary' is one place."""
    if actor is None:
        return [actor]
    n = next((k for k, a in enumerate(candidates) if a.start == actor.start and a.end == actor.end), None)
    if n is None:
        return [actor]
    first, last = n, n
    while first > 0 and _link(text, tokens, candidates[first - 1], candidates[first]):
        first -= 1
    links = [_link(text, tokens, candidates[k], candidates[k + 1]) for k in range(first, n)]
    while last + 1 < len(candidates) and (kind := _link(text, tokens, candidates[last], candidates[last + 1])):
        links.append(kind)
        last += 1
    while links and links[-1] == ",":  # 'Hungary, Romania said': a list ends with 'and'
        links.pop()
        last -= 1
    if last <= first or n > last:
        return [actor]
    head = candidates[first]
    if _preposition_before(tokens, head) == "between" or any(
        t.word == "between" for t in tokens if head.start <= t.start < head.end
    ):
        return [actor]  # 'battles between insurgents and security forces': a pair, not a list
    members = [actor if k == n else candidates[k] for k in range(first, last + 1)]
    if other is not None and any(m.start == other.start and m.end == other.end for m in members):
        return [actor]
    return members


def _home_place(
    placed: bool, source: Actor | None, target: Actor | None, verb: _Verb, actors: list[Actor]
) -> bool:
    """A bare place of the source's own country as the target of a deed that needs no one to
    receive it (yielding, withdrawing, resigning, mobilizing: _UNDIRECTED): only where it was
    done. 'Ugandan rebels surrendered in Soroti', 'Bosnian Serbs said their forces withdrew from
    the Bosnian town of Gorazde', 'resigned to allow Haiti's elections' have no target; 'forces
    withdrew from Panama' (another country's) and 'rebels shelled Juba' (force) keep theirs. The
    source must be of that country by its own words (`placed`) or by another actor of the
    sentence: in 'a troop withdrawal from Syria' the troops are Syrian only by the place they leave."""
    if source is None or target is None or target.sector is not None or target.backed:
        return False
    if target.country not in _STATES or target.country != source.country or verb.code[:2] not in _UNDIRECTED:
        return False
    return placed or any(a.country == target.country and a.start != target.start for a in actors)


# Armed and police forces: what a state mobilizes or deploys.
_FORCES = frozenset({"MIL", "COP", "SPY"})
# Roots of deeds done without anyone to receive them.
_UNDIRECTED = frozenset({"08", "15"})


def _actor_key(actor: Actor | None) -> tuple | None:
    return (actor.name, actor.country, actor.sector) if actor else None


# Words right before a verb that show it is finite: auxiliaries, modals, pronoun subjects.
_FINITE_BEFORE = _VERB_LEADERS - {"and", "or", "to", "both", "all"} | {
    "has", "have", "had", "was", "were", "is", "are", "been"}


# Words before 'to' that make the infinitive a deed done: 'police had to fire', 'forcing the
# police to open fire', 'resorted to firing', 'were able to arrest 31 people'.
_REALIZED = frozenset(
    "had has have forced compelled forcing compelling prompting prompted obliged resorted resorting "
    "able managed lucky succeeded".split()
) | _REFUSALS | frozenset(  # the refusal is done; so is a deed continued, begun or attempted
    "continued continues continuing began begun begins started starts resumed resumes".split()
)


_NO_CHOICE = frozenset("choice option alternative".split())


def _realized(tokens: list[Token], verb: _Verb) -> bool:
    to = verb.first - 1
    if to < 1 or tokens[to].word != "to":
        return False
    before = [t.word for t in tokens[max(0, to - 4) : to]]
    if before and before[-1] in _ATTEMPTS and verb.code == "185":
        return True  # 'tried to assassinate': the attempt is the assault
    if before[-2:-1] and before[-1] == "but" and before[-2] in _NO_CHOICE:
        return True  # 'leaving us with no choice but to fire': what was left was done
    return bool(before) and (before[-1] in _REALIZED or any(w in ("forcing", "forced", "prompting", "compelling")
                                                            for w in before))


# Police use of fire arms and batons, the usual agentless violence of the reports ('the firing',
# 'rounds were fired', 'the lathi-charge'): done by the police when the sentence names them.
_POLICE_FIRE = frozenset({"fire", "open fire", "lathi-charge"})


def _police_fire(verb: _Verb) -> bool:
    """Firing or a lathi-charge, or any violent repression (175: 'tear-gas shells were lobbed',
    'the mob was dispersed with tear gas'), which only the police and troops do to crowds."""
    return verb.code.startswith("175") or verb.lemma in _POLICE_FIRE and verb.code[:2] in (
        "17", "18", "19", "20") and verb.code[:3] not in ("171", "172", "173", "174")


def _police_nearby(actors: list[Actor], at: int) -> Actor | None:
    police = [a for a in actors if a.sector == "COP"]
    return min(police, key=lambda a: abs(a.start - at)) if police else None


_HURT = frozenset("injured hurt wounded killed died dead injuries injury".split())


def _suffered(tokens: list[Token], verb: _Verb) -> bool:
    """A deed named by a noun after 'injured in', 'died during' ('injured in the stone throwing'):
    whoever the sentence names before it suffered it."""
    k = verb.first - 1
    while k > 0 and verb.first - k <= 3 and tokens[k].word not in ("in", "during"):
        k -= 1
    return k > 0 and tokens[k].word in ("in", "during") and tokens[k - 1].word in _HURT


def _police_here(police: Actor | None, at: int) -> Actor | None:
    """The police of an earlier sentence, placed (with no extent) at offset `at` of this one."""
    return Actor(at, at, police.name, police.country, police.sector) if police is not None else None


def _finite(tokens: list[Token], verb: _Verb, actor_ends: set[int]) -> bool:
    """A verb with its own subject or auxiliary ('Y attacked Z', 'they have arrested'), not a
    participle after a noun ('a meeting held in Turkey') nor a noun after 'and' ('arms and deals')."""
    j = verb.first - 1
    while j >= 0 and (tokens[j].word.endswith("ly") and len(tokens[j].word) > 4 or tokens[j].word in _WHEN_WORDS):
        j -= 1  # 'the policemen who on sunday killed'
    return j >= 0 and (tokens[j].end in actor_ends or tokens[j].word in _FINITE_BEFORE)


# Auxiliaries and modals between 'and' and a verb that shares the subject before it.
_AUXILIARIES = frozenset(
    "did does do has have had will would shall should can could may might must also then".split()
)
_WHEN_WORDS = frozenset(
    "on monday tuesday wednesday thursday friday saturday sunday yesterday today last night morning "
    "evening afternoon".split()
)


def _coordinated(tokens: list[Token], earlier: _Verb, verb: _Verb) -> bool:
    """'VERB ... and VERB': the second verb shares the earlier one's subject unless it has its own."""
    j = verb.first - 1
    while j > earlier.last and (tokens[j].word.endswith("ly") and len(tokens[j].word) > 4
                                or tokens[j].word in _AUXILIARIES or tokens[j].word in _NEGATIONS):
        j -= 1  # 'and later arrested', 'and promptly seized', 'but did not sign', 'and will meet'
    if j <= earlier.last - 1 or tokens[j].word not in ("and", "then", "but"):
        return False
    if j < verb.first - 1 and tokens[j + 1].word in _AUXILIARIES | _NEGATIONS:
        return True  # an auxiliary makes it a verb: 'and will meet'
    return not (_bare_at(tokens, verb) and not _bare_at(tokens, earlier))  # not 'signed a deal and talks'


def _bare_at(tokens: list[Token], verb: _Verb) -> bool:
    word = tokens[verb.first].word
    return _bare(word, FORMS.get(word, word))


def _token_at(tokens: list[Token], start: int) -> int | None:
    return next((n for n, t in enumerate(tokens) if t.start == start), None)


def _shared_subject(tokens: list[Token], actors: list[Actor], verb: _Verb, source: Actor) -> Actor | None:
    """'policemen chased the raiders and shot one': after 'and', a verb whose nearest actor is the
    object of an earlier verb with no code shares that verb's subject, not its object; the object
    may have numbers and a participle before it and a short place phrase after it ('chased the two
    surviving raiders inside the shrine and shot one')."""
    j = verb.first - 1
    while j > 0 and tokens[j].word.endswith("ly") and len(tokens[j].word) > 4:
        j -= 1
    if j < 2 or tokens[j].word not in ("and", "then"):
        return None
    if tokens[j - 1].end != source.end:
        ends = [n for n in range(j - 4, j - 1) if n >= 0 and tokens[n].end == source.end]
        if not ends or tokens[ends[0] + 1].word not in _WHERE or any(
            t.word in FORMS for t in tokens[ends[0] + 1 : j]
        ):
            return None  # not 'the raiders inside the shrine and'
    k = _token_at(tokens, source.start)
    if k is None:
        return None
    k -= 1
    while k > 0 and (tokens[k].word in _DETERMINERS or tokens[k].word in _NUMBERS or tokens[k].word.isdigit()
                     or tokens[k].word.endswith("ing") and k + 1 < len(tokens) and tokens[k].joined):
        k -= 1  # 'chased the raiders', 'chased the two surviving raiders'
    if k < 1 or not (tokens[k].word in FORMS or tokens[k].word.endswith("ed")) or not tokens[k - 1].joined:
        return None
    subject = [a for a in actors if a.end == tokens[k - 1].end]
    return subject[0] if subject else None


def _participial_subject(tokens: list[Token], actors: list[Actor], verb: _Verb, source: Actor) -> Actor | None:
    """'Muslim hackers angered by the publication of cartoons have defaced ...': an actor after the
    'by' of a participle that follows another actor is the participle's agent; the verb's subject
    is the actor the participle follows."""
    k = _token_at(tokens, source.start)
    if k is None:
        return None
    at = {t.end: n for n, t in enumerate(tokens)}
    for head in reversed([a for a in actors if a.end <= source.start]):
        n = at.get(head.end)
        if n is None or n + 2 >= k or not tokens[n].joined:
            continue
        participle, by = tokens[n + 1], tokens[n + 2]
        if participle.word.endswith("ed") and participle.joined and by.word == "by" and not any(
            not t.joined for t in tokens[n + 2 : verb.first - 1]
        ):
            return head
    return None


def _clause_subject(text: str, tokens: list[Token], actors: list[Actor], verb: _Verb) -> Actor | None:
    """', killing 20 people' after a main clause ('Sudanese rebels shelled Juba on Sunday, killing
    about 20 people'): the participle's subject is the one that opens the sentence, not the actor
    nearest before it."""
    i = verb.first
    if i < 2 or not tokens[i].word.endswith("ing") or "," not in text[tokens[i - 1].end : tokens[i].start]:
        return None
    first = actors[0] if actors else None
    at = _token_at(tokens, first.start) if first is not None else None
    if first is None or first.end > tokens[i - 1].end or not (at == 0 or at == 1 and tokens[0].word in ("the", "a", "an")):
        return None  # not 'In Baghdad, ...': the subject opens the sentence, an article at most before it
    if first.sector is None and first.country not in _STATES or any(
        t.possessive for t in tokens if first.start <= t.start < first.end
    ):
        return None  # not 'The small town's population ...'
    w = max((n for n in range(i) if tokens[n].word == "with"), default=None)
    if w is not None and not any(t.word in FORMS for t in tokens[w + 1 : i]):
        return None  # 'with Ben Wallace, the security minister, saying': his saying
    return first


_RELATIVES = frozenset({"who", "that", "which"})


def _relative_head(tokens: list[Token], actors: list[Actor], verb: _Verb, source: Actor) -> Actor | None:
    """'the police that was accompanying the mob fired': an actor right before the verb that ends
    a relative clause is the clause's object; the verb's subject is the actor the clause follows."""
    if verb.first == 0 or tokens[verb.first - 1].end != source.end:
        return None
    first = _token_at(tokens, source.start)
    if first is None:
        return None
    for r in range(first - 1, 0, -1):
        word = tokens[r].word
        if word in _RELATIVES:
            after = tokens[r + 1].word
            if not (after in _PASSIVE or after in ("has", "had", "have") or after in FORMS
                    or after.endswith(("ed", "ing"))):
                return None  # 'the man whom the police arrested': the police do arrest
            head = [a for a in actors if a.end == tokens[r - 1].end]
            return head[0] if head else None
        if word in FORMS and r < first - 1 and tokens[r + 1].word in _RELATIVES:
            continue
    return None


def _speaker(
    text: str, tokens: list[Token], actors: list[Actor], verb: _Verb, source: Actor | None, target: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """A statement's source and target: 'X said (that) ...' has no target, 'X told Y' has Y, and so
    has 'in an interview with Y, X said'; '..., said a spokesman for X' names the speaker after the verb.
    A speaker we cannot name is no actor: 'he said' is nobody we know, and so is the unknown name
    of '"...," said Parly' (never an actor quoted before the closing quote)."""
    verb_end = tokens[verb.last - 1].end
    after = [a for a in actors if a.start >= verb_end]
    following = tokens[verb.last] if verb.last < len(tokens) else None
    inverted = verb.first > 0 and not tokens[verb.first - 1].joined and after and following is not None and (
        not tokens[verb.first].word.endswith("ing")  # '..., telling reporters': the subject came before
    )
    if inverted and after[0].start <= tokens[min(verb.last + 3, len(tokens) - 1)].start:
        return after[0], None  # '..., said the Israeli spokesman'
    if _inverted_name(text, tokens, verb):
        return None, None  # '... are overstretched, said Abdel Karim Omar': a speaker we do not know
    quoted = verb.first > 0 and any(q in text[tokens[verb.first - 1].end : tokens[verb.first].start] for q in _QUOTES)
    if quoted or _subject_word(tokens, verb.first) in _SPEAKER_PRONOUNS:
        return None, None  # '"...," said Parly', '"...," he said', 'she said she had'
    if target is not None and following is not None and target.start >= verb_end:
        # Kept when written before the verb: 'in an interview with X, Y said', 'the two sides said'.
        direct = following.start == target.start and verb.lemma != "say"  # 'told Iran', not 'said Libya'
        to = following.word == "to" and verb.last + 1 < len(tokens) and tokens[verb.last + 1].start == target.start
        if not (direct or to):
            target = None  # the target of what was said, not of the saying
    return source, target


def _inverted_name(text: str, tokens: list[Token], verb: _Verb) -> bool:
    """'..., said Abdel Karim Omar, co-chair of ...', '..., said Tang.': a comma, 'said', then a
    capitalised name that a comma or the sentence's end closes."""
    if verb.lemma != "say" or verb.first == 0 or verb.last >= len(tokens) or tokens[verb.first - 1].joined:
        return False
    if "," not in text[tokens[verb.first - 1].end : tokens[verb.first].start] or not tokens[verb.last - 1].joined:
        return False
    k = verb.last
    while k < len(tokens) and tokens[k].capital and tokens[k].word not in _WHEN_WORDS:
        if tokens[k].possessive:
            return False  # 'said Trump's comments were ...': the name begins what was said
        k += 1
        if not tokens[k - 1].joined:
            return True
    return k == len(tokens) and k > verb.last


_PRONOUNS = frozenset("it they he she we".split())
_SPEAKER_PRONOUNS = frozenset("he she i you".split())  # 'we', 'they' may be the actor just named
_QUOTES = frozenset("\"”“’'")


def _subject_word(tokens: list[Token], first: int) -> str:
    """The word before a verb over auxiliaries and adverbs: 'she also said' -> 'she'."""
    j = first - 1
    while j > 0 and (tokens[j].word in _ADVERBS or tokens[j].word in ("has", "had", "have", "would", "will")
                     or tokens[j].word.endswith("ly") and len(tokens[j].word) > 4):
        j -= 1
    return tokens[j].word if j >= 0 else ""


def _pronoun_subject(tokens: list[Token], saying: _Verb, verb: _Verb) -> bool:
    """'X said (that) it will ...': a pronoun subject of the reported clause is the speaker."""
    j = verb.first - 1
    while j > saying.last and tokens[j].word in _FINITE_BEFORE - _PRONOUNS:
        j -= 1  # auxiliaries and adverbs: 'it would not'
    return j >= saying.last and tokens[j].word in _PRONOUNS and j - saying.last <= 3  # 'told Iran that it'



def build_event(
    sentence: Sentence, code: str, source: Actor | None, target: Actor | None, place: Actor | None, dated: tuple,
    mode: str = "asserted",
) -> Event:
    event_date, precision, value, date_source = dated
    name, goldstein, plover, quad = CODES.get(code, ("", None, None, None))
    return Event(
        sentence_index=sentence.index,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        event_date=event_date,
        date_precision=precision,
        date_value=value,
        date_source=date_source,
        cameo_code=code,
        cameo_root=code[:2],
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
        mode=mode,
    )


_MAX_CANDIDATES = 10
# Roots of asking for something (appeal 02, demand 10): an arrest they name is not yet made.
_APPEALS = frozenset({"02", "10"})
# What the media (MED) can do: say things, appeal, demand, disapprove, reject, threaten in words.
_SAID_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})


def _with_country(
    source: Actor | None, actors: list[Actor], other: Actor | None, place: Actor | None, domestic: bool = False
):
    """An actor named by its role only ('the opposition leaders', 'President X' unknown to the
    dictionaries) belongs to the country the sentence places it in: the place of the event, else
    the one country the sentence names. A target is also domestic (CAMEO's convention for an
    actor of no other country): 'an Argentine judge ordered former president Carlos Menem' is
    ARG -> ARG."""
    if source is None or source.country or not source.sector or source.backed:
        return source
    countries = {a.country for a in actors if a.country and a.sector is None}
    if not countries:
        countries = {a.country for a in actors if a.country}
    country = place.country if place else None
    if country is None and domestic and other is not None:
        country = other.country  # 'May summoned the cabinet to discuss strikes on Syria': hers
    if country is None and len(countries) == 1:
        country = next(iter(countries))
    if country is None:
        return source
    return Actor(source.start, source.end, source.name, country, source.sector)
_IRREALIS = frozenset("should would could may might must will shall can cannot to likely not no any never "
                      "demanded demand demands sought seek seeking".split())


def _reported_arrest(tokens: list[Token], verb: _Verb) -> bool:
    """An agentless arrest that the sentence says happened: 'were arrested', 'the arrest of X',
    'arrests have been made'; not 'should be arrested', 'no arrests', 'makeshift jails'."""
    first, last = verb.first, verb.last
    before = [t.word for t in tokens[max(0, first - 3) : first]]
    word = tokens[first].word
    if before and before[-1] in ("the", "those", "these") and word.endswith("ed") and verb.kind == "noun":
        return True  # 'to house the arrested ram sevaks': the participle says it was done
    if any(w in _IRREALIS for w in _irrealis_window(before)) or before[-1:] == ["be"]:
        return False  # 'should be arrested', 'suggested that those guilty be booked'
    if verb.kind == "passive":
        return True
    after = [t.word for t in tokens[last : last + 4]]
    if before and before[-1] in ("the", "those", "these") and (word.endswith("ed") or word == "arrests"):
        return True  # 'the arrested ram sevaks', 'those arrested', 'the arrests followed'
    return not word.endswith(("ed", "ing")) and (
        after[:1] == ["of"] or first and tokens[first - 1].possessive or _made(tokens, last)
    )


def _irrealis_window(before: list[str]) -> list[str]:
    """The words before an arrest that can make it unreal, less a 'to' that is a preposition
    (a determiner follows it): 'led to the arrest of' reports one, 'to ensure the arrest of' not."""
    return [w for n, w in enumerate(before)
            if not (w == "to" and n + 1 < len(before) and before[n + 1] in _DETERMINERS)]


_IRREGULAR_PARTICIPLES = frozenset("held caught put sent".split())
# Words after a participle that open where, when or why it was done, not its object.
_AFTER_PARTICIPLE = frozenset(
    "in under for from on at during after near since till until over last yesterday earlier".split()
)


def _participle_after_noun(tokens: list[Token], verb: _Verb) -> bool:
    """'the others arrested in connection with', 'people similarly arrested under poto': a
    participle right after a noun that is no actor and before a preposition qualifies the noun
    (those arrested); not a finite verb after a subject or auxiliary ('they arrested him',
    'who arrested in ...')."""
    word = tokens[verb.first].word
    if verb.kind != "verb" or verb.last >= len(tokens) or tokens[verb.last].word not in _AFTER_PARTICIPLE:
        return False
    if not (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES):
        return False
    j = verb.first - 1
    while j >= 0 and tokens[j].word.endswith("ly") and len(tokens[j].word) > 4:
        j -= 1  # 'people similarly arrested'
    return j >= 0 and tokens[j].joined and tokens[j].word not in (
        _VERB_LEADERS | _PASSIVE | _PRONOUNS | {"have", "has", "had"}
    ) and tokens[j].word not in FORMS


def _implied_agent(
    tokens: list[Token], verb: _Verb, source: Actor | None, target: Actor | None, place: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """Arrests whose agent goes unsaid are made by the police: 'five men were arrested',
    'the arrest of three men', 'the 51 people arrested'."""
    if not verb.code.startswith("173"):
        return source, target
    at = tokens[verb.first].start
    police = Actor(at, at, "", place.country if place else None, "COP")
    if verb.kind in ("passive", "noun"):
        if not _reported_arrest(tokens, verb):
            return None, None
        if verb.kind == "noun" and target is not None and target.sector not in _DETAINED | {None} and (
            verb.last < len(tokens) and tokens[verb.last].start == target.start
        ):
            return None, None  # 'the indicted government': a participle qualifying who cannot be held
        if verb.kind == "passive" and target is not None and target.end <= at:
            return police, target  # 'bjp and vhp activists were arrested'
        if verb.kind == "passive" and source is not None and source.end <= at:
            return police, source  # 'bjp workers were taken into custody, police said'
        return police, target if target is not None else source
    if _participle_after_noun(tokens, verb) and (source is None or source.sector in _ARRESTED_KINDS):
        return police, source  # 'the others arrested in connection with', 'a US pastor detained for'
    if source is None:
        # 'we have arrested five persons': the police speaking (who else arrests in the reports)
        return (police, target) if _we_subject(tokens, verb.first) else (None, None)
    word = tokens[verb.first].word
    before = tokens[verb.first - 1].word if verb.first else ""
    if (
        target is not None and source.sector in _ARRESTED_KINDS and target.sector in _ARRESTED_KINDS
        and source.end <= target.start < tokens[verb.first].start
    ):
        source, target = target, None  # 'bjp and vhp activists arrested': the nearer is the arrested
    if (
        source.sector in _ARRESTED_KINDS and source.end >= tokens[verb.first - 1].start
        and (word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES) and before not in ("have", "has", "had")
    ):
        return police, source  # a participle after the people arrested
    return source, target


