"""Actors on the parse: the dictionary's actor phrases (transforms/actors.py) placed on tree nodes.

Each actor phrase of a sentence (countries, their agents, named people and organisations, from the
Phoenix dictionaries) is attached to the token that heads it in the parse, so that roles can be
read off the tree: the subject's actor is the one that heads the subject's phrase, or the nearest
one inside it ('officials of the Afghan government'). The tree also tells a name from a place in
it: 'Michael Jordan' and 'Nassau County' are not Jordan and the Bahamas, because the country word
is only part of a longer proper name that the dictionaries do not know.

Country columns hold countries and international bodies only. A religion or a people that the
dictionaries put first in a code ('HIN' for a Hindu group) is a sector, not a country; an
intergovernmental organisation takes the CAMEO code of its body where CAMEO has one (UNO, EUR,
NAT, AFR, ASN, ...), else IGO.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from eventpipe.transforms.coding.mentions import EVENT_NOUNS
from eventpipe.transforms.coding.words import pos
from eventpipe.transforms.actors import (
    IGO_BODIES, Actor, Mention, Token, actors_of, find_mentions, lower_cased, tokenize, with_aliases,
)
from eventpipe.transforms.tables.countries import COUNTRIES
from eventpipe.transforms.timex_lexicon import ENGLISH

STATES = frozenset(COUNTRIES.values())
# CAMEO's codes of international actors: organisations and groups, and the bodies of IGO_BODIES.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC"}) | IGO_BODIES
# Religions and peoples that the dictionaries write where a country goes (CAMEO religion codes).
RELIGIONS = frozenset({"BUD", "CHR", "HIN", "JEW", "MUS", "REL", "SIK"})


@dataclass(frozen=True, slots=True)
class Node:
    """An actor phrase placed on the parse: `head` is the index of the token that heads it."""

    actor: Actor
    head: int
    first: int  # token indices of the phrase, end exclusive
    last: int
    person: bool  # a named person (or a surname of one named earlier)
    known: bool = False  # a person of the dictionaries or a surname of one named earlier ('Erdogan')


class Lookup(NamedTuple):
    """A text's dictionary look-up: its tokens, whether it is written all small, and the names of
    the dictionaries found in it (before an article's surnames are added)."""

    tokens: list[Token]
    lower: bool
    mentions: list[Mention]


def look_up(text: str, published: date | None) -> Lookup:
    tokens = tokenize(text)
    lower = lower_cased(text)
    mentions = find_mentions(tokens, published, lower)
    return Lookup(tokens, lower, mentions if lower else _with_parties(tokens, mentions))


def _with_parties(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions with the political parties the dictionaries do not name: a name of capitalised
    words headed by 'Party' or 'party' ('the opposition Socialist Party', 'the Labour party') is a party
    (PTY, as the Phoenix agents file codes 'political party'); 'opposition' or 'ruling' before it
    makes it the opposition (OPP) or the government (GOV), as the file codes 'opposition party' and
    'ruling party'. A country word before it says whose ('Chilean Socialist Party')."""
    taken = {i for m in mentions for i in range(m.first, m.last)}
    found = []
    for i, token in enumerate(tokens):
        if token.word != "party" or i in taken:  # ('the Labour party', as the Guardian writes it)
            continue
        first = i
        while first > 0 and tokens[first - 1].capital and tokens[first - 1].joined and first - 1 not in taken and (
                tokens[first - 1].word not in _DETERMINERS):
            first -= 1
        if first == i:
            continue  # 'Party leaders said': no name
        before = tokens[first - 1].word if first > 0 and tokens[first - 1].joined else None
        if before in _PARTY_STANDING:
            first -= 1
        found.append(Mention(first, i + 1, "agent", None, _PARTY_STANDING.get(before, _PARTY)))
    return sorted(mentions + found, key=lambda m: m.first) if found else mentions


_PARTY = "PTY"
_PARTY_STANDING = {"opposition": "OPP", "ruling": "GOV"}
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "our"})


class Lookups:
    """The look-ups of an article's texts on its date, each text looked up once: the surnames, the
    choice of the sentences to parse and the actors on the parse all stand on the same look-up
    (a sentence's names do not change between them)."""

    def __init__(self, published: date | None):
        self.published = published
        self._done: dict[str, Lookup] = {}

    def __call__(self, text: str) -> Lookup:
        found = self._done.get(text)
        if found is None:
            found = self._done[text] = look_up(text, self.published)
        return found


def article_aliases(texts: list[str], published: date | None, lookups: Lookups | None = None) -> dict[str, tuple[str | None, str | None]]:
    """Surnames of the named actors of an article ('... Yahya Jammeh' -> 'jammeh'), so that a bare
    surname later in it names the same person. `lookups` (on the same date) saves looking the
    texts up again."""
    lookups = lookups or Lookups(published)
    aliases: dict[str, tuple[str | None, str | None]] = {}
    for text in texts:
        lookup = lookups(text)
        actors, people = _with_people(text, lookup, None)
        for actor in actors:
            words = actor.name.split()
            if not any(start < actor.end <= end for start, end in people):
                continue  # a person's surname: not 'States' of the United States, 'Arabia' of Saudi Arabia
            if actor.country and len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper():
                surname = words[-1].lower().rstrip(".,")
                if surname not in COUNTRIES and len(surname) > 2:
                    aliases.setdefault(surname, (actor.country, actor.sector))
        for surname, actor in _appositions(text, lookup.tokens, actors):
            aliases.setdefault(surname, (actor.country, actor.sector))
        for surname, actor in _titled_names(lookup, actors):
            aliases.setdefault(surname, (actor.country, actor.sector))
    return aliases


def _titled_names(lookup: Lookup, actors: list[Actor]) -> list[tuple[str, Actor]]:
    """People the dictionaries lack, named after a title they know, by surname: 'President
    Volodymyr Zelenskiy' makes a later 'Zelenskiy' the president (of the country the story gives
    him, where the title names none). A name is two or more capitalised words no dictionary name
    covers, ending the title's phrase."""
    covered = {n for m in lookup.mentions for n in range(m.first, m.last)}
    found = []
    for actor in actors:
        if actor.sector not in _TITLED:
            continue
        inside = [n for n, t in enumerate(lookup.tokens) if actor.start <= t.start and t.end <= actor.end]
        name = list(itertools.takewhile(lambda n: n not in covered and lookup.tokens[n].capital, reversed(inside)))
        if len(name) >= 2 and len(name) < len(inside):
            surname = lookup.tokens[name[0]].word
            if surname not in COUNTRIES and len(surname) > 2:
                found.append((surname, actor))
    return found


# Between a name and its title: a comma, an article and up to three words ('a senior Republican').
_BEFORE = re.compile(r"\s*,\s*(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}$")
_COMMA = re.compile(r"\s*,\s*")


def _appositions(text: str, tokens: list[Token], actors: list[Actor]) -> list[tuple[str, Actor]]:
    """People the dictionaries lack, named beside a title they do know, by surname: 'Hulusi Akar,
    Turkey's defence minister,' and 'Turkey's defence minister, Hulusi Akar,' make a later 'Akar'
    Turkey's defence minister. A name is two or more capitalised words that no dictionary name
    covers, joined to the title by a comma. An envoy is his sender's ('Russia's ambassador to the
    UK, Alexander Yakovenko': Russia's)."""
    covered = [(a.start, a.end) for a in actors]
    free = [not any(start <= t.start < end for start, end in covered) and t.capital for t in tokens]
    found = []
    for actor in actors:
        if not (actor.country or actor.sector in _TITLED):
            continue
        # the name before: 'Hulusi Akar, (the) ...', 'Lindsey Graham, a senior ...'
        gap = _BEFORE.search(text, 0, actor.start)
        last = next((n for n, t in enumerate(tokens) if gap and t.end <= gap.start() and not text[t.end : gap.start()].strip()
                     and (n + 1 == len(tokens) or tokens[n + 1].start >= gap.start())), None) if gap else None
        if last is not None:
            first = last
            while first > 0 and free[first - 1] and tokens[first - 1].joined:
                first -= 1
            if free[last] and last - first >= 1:
                found.append((tokens[last].word, actor))
                continue
        # the name after: '... defence minister, Hulusi Akar,'
        nxt = next((n for n, t in enumerate(tokens) if t.start >= actor.end), None)
        if nxt is not None and _COMMA.fullmatch(text[actor.end : tokens[nxt].start]):
            end = nxt
            while end + 1 < len(tokens) and free[end + 1] and tokens[end].joined:
                end += 1
            if free[nxt] and end - nxt >= 1:
                found.append((tokens[end].word, _sent_by(text, actor, actors)))
    return [(surname, actor) for surname, actor in found if surname not in COUNTRIES and len(surname) > 2
            and surname not in _NOT_NAMES]


def _sent_by(text: str, actor: Actor, actors: list[Actor]) -> Actor:
    """The title a country to which someone is sent ends: 'Russia's ambassador to the UK,
    Alexander Yakovenko' is Russia's ambassador (the dictionary's name takes the 'to'), not the UK's."""
    for other in actors:
        if other.end <= actor.start and other.name.lower().endswith(" to") and not text[other.end : actor.start].strip():
            return other
    return actor


# Capitalised words before a title's comma that are no name: 'In February, the president',
# 'Should the minister, ...'.
_NOT_NAMES = frozenset(ENGLISH.months) | frozenset(ENGLISH.weekdays) | frozenset(
    "the a an in on at by for from with after before since during but and or if when while as should would could "
    "will may might must can meanwhile however yet still then there here this that these those last next".split())


# Sectors of a title that says what a person is though not whose ('the foreign secretary').
_TITLED = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "ELI", "SPY", "OPP", "REB"})


def _dictionary_actors(text: str, lookup: Lookup, aliases) -> list[Actor]:
    return _with_people(text, lookup, aliases)[0]


def _with_people(text: str, lookup: Lookup, aliases) -> tuple[list[Actor], list[tuple[int, int]]]:
    """The text's actors, and the character spans of the people the dictionaries (or the
    article's surnames) name in it."""
    tokens, lower, mentions = lookup
    if aliases:
        mentions = with_aliases(tokens, mentions, lower, aliases)
    people = [(tokens[m.first].start, tokens[m.last - 1].end) for m in mentions if m.kind in ("person", "alias")]
    return actors_of(text, tokens, mentions, lower), people


def place_actors(doc, published: date | None, aliases, lookups: Lookups | None = None) -> list[Node]:
    """The actors of a parsed sentence, each on the token that heads its phrase (`lookups`, on
    the same date, saves looking its text up again)."""
    nodes = []
    text = doc.text
    lookup = (lookups or Lookups(published))(text)
    actors, people = _with_people(text, lookup, aliases)
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = _heading(span)
        person = any(pos(t) == "PROPN" for t in span) and actor.country not in STATES | INTERNATIONAL or (
            len(span) >= 2 and pos(span[-1]) == "PROPN" and pos(span[-2]) == "PROPN"
            and _name(span) not in COUNTRIES  # ('Saudi Arabia', 'North Korea' are no people)
        )
        if person and actor.sector in _GROUPS and _agent_words(lookup, actor):
            person = False  # 'the Tigray People's Liberation Front': a group the agents file names, no person
        if person and actor.sector == "CVL" and span[-1].lower_ in COUNTRIES:
            person = False  # 'ethnic Albanians', 'Kurds': a people, no person
        if _inside_name(span, root, actor):
            continue
        if len(span) == 1 and not actor.country and root.tag_ == "JJ" and root.dep_ == "amod" and root.head.lower_ in EVENT_NOUNS:
            continue  # an adjective of an event noun says what kind: 'a three-day official visit', 'terrorist attacks'
        known = any(actor.start <= start and end <= actor.end for start, end in people)
        nodes.append(Node(_with_codes(actor), root.i, span.start, span.end, person, known))
    return nodes


# Sectors of groups that the story's country is the home of, when the text names no other: rebels,
# armed and political groups (not NGOs or faiths, often of no one country).
_GROUPS = frozenset({"REB", "UAF", "OPP", "PTY"})


def _agent_words(lookup: Lookup, actor: Actor) -> bool:
    """Every word of an actor's phrase but its articles is a word of an agent of the dictionaries
    ('Liberation Front', 'Jihadist rebels'), none a name of a person or one no dictionary knows
    ('President Volodymyr Zelenskiy')."""
    agents = {n for m in lookup.mentions if m.kind == "agent" for n in range(m.first, m.last)}
    inside = [n for n, t in enumerate(lookup.tokens) if actor.start <= t.start and t.end <= actor.end and t.word not in ("the", "a", "an")]
    return bool(inside) and all(n in agents for n in inside)


def _heading(span):
    """The token heading an actor's phrase: its root, but not a preposition the parse hung outside
    the noun ('ethnic Albanian demonstrators in Pristina' under 'thousands of': the demonstrators)."""
    root = span.root
    if root.dep_ != "prep":
        return root
    outside = [t for t in span if not span.start <= t.head.i < span.end and t.dep_ != "prep"]
    return outside[0] if outside else root


def _name(span) -> str:
    """A phrase as the country table writes names: small letters, no article."""
    words = [t.lower_ for t in span]
    return " ".join(words[1:] if words[0] == "the" else words)


# Names of seas and straits that end in 'of' and a country or city ('the Gulf of Oman', 'the Bay of
# Bengal', 'the Strait of Hormuz').
_WATERS = frozenset({"Gulf", "Sea", "Bay", "Strait", "Straits", "Sound"})


def _inside_name(span, root, actor: Actor) -> bool:
    """A country word that is only part of a longer proper name: 'Michael Jordan' (a capitalised
    word before it in the same name), 'Nassau County' (it modifies a name the dictionaries lack),
    'the Gulf of Aden' (a sea's)."""
    if actor.sector is not None or actor.country not in STATES or len(span) > 1 or not root.text[:1].isupper():
        return False
    doc = span.doc
    if root.dep_ == "compound" and pos(root.head) == "PROPN" and root.head.i == span.end and root.head.text[:1].isupper():
        return True  # 'Nassau County', 'Jordan Valley Bank'
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.text in _WATERS:
        return True  # 'the Gulf of Aden', 'the Sea of Japan': a sea, of no state
    before = doc[span.start - 1] if span.start > 0 else None
    return bool(
        before is not None and pos(before) == "PROPN" and before.head.i == root.i and before.dep_ == "compound"
        and before.text[:1].isupper() and before.lower_ not in COUNTRIES
    )  # 'Michael Jordan'


def _with_codes(actor: Actor) -> Actor:
    country, sector = actor.country, actor.sector
    if country in RELIGIONS:
        return replace(actor, country=None, sector=sector or country)
    return actor
