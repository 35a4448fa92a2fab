"""Find the political actors of a sentence: countries, their agents, named people, organisations.

Names come from the Phoenix/PETRARCH actor and agent dictionaries (Open Event Data Alliance, MIT),
compiled into transforms/tables/ by tools/derive_tables.py. Matching is one left-to-right pass
over the tokens, trying the longest token n-gram first at each position (dict look-ups, no regex
per name), case-insensitive. Organisation codes such as IGOUNO keep the 3-letter prefix (IGO,
NGO, IMG ...) as their country, as the Phoenix files do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from eventpipe.transforms.tables.agents import AGENTS
from eventpipe.transforms.tables.verbs import FORMS
from eventpipe.transforms.tables.countries import COUNTRIES, LONGEST, ORGANIZATIONS, PEOPLE, SECTORS

TOKEN = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*")
TOKEN_AND_GAP = re.compile(rf"({TOKEN.pattern})([\W_]*)")  # a token and what follows it up to the next
_WORD_CHARACTER = re.compile(r"[^\W_]")
# UTF-8 punctuation read as Latin-1/cp1252 (mojibake), which TOKEN would glue to the words beside
# it: 'â€œwhatever' (“), 'modiâ€™s' (’), 'clashÂ ' (a no-break space). Read as spaces.
_MOJIBAKE = re.compile(r"â€.?|Â(?=\s|$)")
_POSSESSIVE = ("'s", "’s")
_COORDINATORS = frozenset({"and", "or", "&"})
# Words after a bare agent noun that show it is the subject, not a modifier ('police have ...').
_VERBISH = frozenset(
    "has have had is are was were will would said says say also did does do could should may "
    "might must can who which that and or of in on at to from for with by while when as after before "
    "but since because though although until during near under over into against without within "
    "across through than ahead along outside inside "
    "if unless whether whom whose where how why not then "  # ('send troops into Libya if forces advance': a clause begins)
    "he she it they we you".split()  # ('released 15 policemen they had held': a relative clause begins)
)

# Nouns after an agent word that make it a modifier of a place or a record, whatever verb they
# can also be: 'the naubatpur police station', 'a police complaint', 'the army camp'.
_MODIFIED = frozenset(
    "station stations headquarters post posts outpost chowki camp camps base bases barracks lines "
    "complaint complaints custody remand case cases record records control jeep van vehicle".split()
)

# Nouns after an agent word that are its parts or its members, whoever it is: 'rebel factions',
# 'militia units', 'opposition members' are the rebels, the militia, the opposition.
_MEMBERS = frozenset("faction factions unit units member members cell cells wing".split())

# Nouns after an agent word that are its men or its weapons, so the agent acts through them: 'a
# police team raided', 'police sentries killed one', 'killed by police bullets'.
_WIELDED = frozenset(
    "team teams party parties squad squads contingent contingents patrol patrols picket pickets sentry "
    "sentries bullet bullets lathis batons rifles".split()
)

# 'Vietnamese-led forces': the forces are the leading country's (CAMEO codes the actor that
# commands them); 'a British-flagged tanker' is Britain's (a ship has the nationality of the
# state whose flag it flies, UNCLOS article 91).
_LED = frozenset({"led", "commanded", "flagged", "registered"})
# 'Russian-backed forces', 'Iranian backed militias', 'US-allied fighters': the country supports
# forces that are not its own. The actor is the forces, of no country unless their own words name
# one, and the backer is recorded nowhere (CAMEO has no slot for it); nothing infers a country
# for them either (Actor.backed).
_BACKED = frozenset(
    "backed sponsored supported allied aligned funded financed armed trained equipped proxy".split()
)
# Words after an agent that name whose it is: 'the government of Sindh province', 'a spokesman
# for the paper', 'the president of Armenia', 'King Hassan of Morocco'.
_OF = frozenset({"of", "for"})
# Agents who are not of whom 'of' names: 'the victims of an Islamic State cell', 'hostages of
# the rebels', 'critics of the government' are none of theirs.
RELATED = frozenset(
    "victim victims hostage hostages captive captives critic critics opponent opponents enemy enemies "
    "rival rivals relatives families".split()
)
# Nouns of a relation to another party: 'X's ally' is not X (nor 'allies of X', 'the US proxy').
RELATIONAL = frozenset(
    "ally allies proxy proxies enemy enemies rival rivals opponent opponents foe foes adversary adversaries "
    "partner partners neighbour neighbours neighbor neighbors client clients patron patrons backer backers "
    "sponsor sponsors".split()
)
_ARTICLES = frozenset({"the", "a", "an"})
# Country names that are common words when written small: a pronoun, an adjective.
_PRONOUN_PLACES = frozenset({"us", "male"})
# Place names that are plain plural nouns when written small, with or without 'the': 'the army held
# flag marches' (the Marches, an Italian region).
_COMMON_PLACES = frozenset({"marches"})
# Directions before a place: 'the Albanians of southern Serbia'.
_REGION_WORDS = frozenset("north south east west northern southern eastern western central".split())


# CAMEO's codes of international bodies (CAMEO 1.1b3 manual, ch. 3): an intergovernmental
# organisation's code names its body after 'IGO' (IGOUNOJUDICJ, IGOWSTNAT, IGOEUREEC), and the body
# is what the country columns hold: UNO, NAT, EUR, AFR (African Union), ASN (ASEAN), ARL (Arab League) ...
IGO_BODIES = frozenset("UNO EUR NAT AFR ASN ARL OAS OIC OPC GCC CIS".split())


@dataclass(frozen=True, slots=True)
class Actor:
    start: int  # offsets into the sentence text given
    end: int
    name: str  # as written
    country: str | None  # ISO3 / CAMEO country code (IGO, NGO ... for organisations)
    sector: str | None  # CAMEO agent code: GOV, MIL, COP, JUD, MED, BUS, OPP, REB ...
    backed: bool = False  # 'Russian-backed forces': their country is not the backer's, nor inferred


class Token(NamedTuple):  # a tuple: built about three times faster than a frozen dataclass
    start: int
    end: int  # without a possessive 's
    word: str  # lower-case
    capital: bool
    possessive: bool
    joined: bool  # only spaces between this token and the next one


@dataclass(frozen=True, slots=True)
class Mention:
    first: int  # token indices, end exclusive
    last: int
    kind: str  # country | person | org | agent | alias | backer ('Russian-backed', 'Iranian backed')
    country: str | None
    sector: str | None


def lower_cased(text: str) -> bool:
    """Text written all in small letters (as some corpora store news), mojibake aside: the 'Â' of
    a misread no-break space is no capital."""
    if text.isascii():
        return text.lower() == text
    return not any(ch.isupper() and ch != "Â" for ch in text)


# Small particles that open proper names: the Arabic article and its assimilated forms
# ('al-Qaeda', 'al-Shabab', 'ash-Sham', 'el-Sisi'), 'bin'/'ibn' ('bin Laden') and the European
# ones ('de Mistura', 'van Rompuy'). A name that opens with one is capitalised
# after it: 'al-Qaeda' and 'al Qaeda' are names as 'Al Qaeda' is, 'al-qaeda' in mixed-case text is not.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "van", "von", "da", "di", "du", "dos", "das"})
_ASSIMILATED = frozenset({"ad", "an", "ar", "as", "ash", "at", "az"})  # the article before d, n, r, s, sh, t, z: hyphenated only


def _capitalised(word: str) -> bool:
    """A word written as a name: its first letter, or the first after a name particle's hyphen."""
    if word[0].isupper():
        return True
    particle, dash, rest = word.partition("-")
    return bool(dash and rest[:1].isupper() and (particle.lower() in NAME_PARTICLES or particle.lower() in _ASSIMILATED))


def _capital_at(tokens: list[Token], i: int) -> bool:
    """Token i opens a capitalised name: 'Qaeda', 'al-Qaeda', and 'al' of 'al Qaeda'."""
    token = tokens[i]
    return token.capital or (token.word in NAME_PARTICLES and token.joined and i + 1 < len(tokens) and tokens[i + 1].capital)


# Letters that Unicode decomposition does not take to a plain one ('Yıldırım', 'Łódź', 'Søren').
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(word: str) -> str:
    """A lower-case word without its accents, as the dictionaries write names: 'erdoğan' ->
    'erdogan', 'yıldırım' -> 'yildirim', 'bogotá' -> 'bogota'."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets; "Turkey's" -> 'turkey' marked possessive. Mojibake punctuation
    is read as the spaces it was ('police-vhp clashÂ' -> 'clash')."""
    if "â€" in text or "Â" in text:
        text = _MOJIBAKE.sub(lambda m: " " * len(m.group(0)), text)  # same length: offsets hold
    tokens = []
    first = _WORD_CHARACTER.search(text)
    start = first.start() if first else 0
    for word, gap in TOKEN_AND_GAP.findall(text):  # (word, the characters up to the next word)
        end = start + len(word)
        lower = fold(word.lower())
        if len(word) > 2 and lower.endswith(_POSSESSIVE):
            tokens.append(Token(start, end - 2, lower[:-2], _capitalised(word), True, False))
        else:
            spaces = gap[1:] if gap[:1] == "." and "." in lower else gap  # 'U.S. embassy', 'U.N. officials'
            if gap[:1] in ("'", "’") and lower.endswith("s"):
                spaces = gap[1:]  # a plural's possessive inside a name: 'the Kurdistan Workers' Party'
            tokens.append(Token(start, end, lower, _capitalised(word), False, spaces.isspace()))
        start = end + len(gap)
    return tokens


def role_on(roles: str, on: date | None) -> str | None:
    """The code of 'CODE FROM TO;...' valid on a date: dated ranges first, then the undated one."""
    undated = None
    best: tuple[int, str] | None = None
    day = on.year * 10000 + on.month * 100 + on.day if on else None
    for role in roles.split(";"):
        code, start, end = role.split()
        start_day, end_day = int(start), int(end)
        if end_day == 0:
            undated = undated or code
        elif day is None:
            if best is None or end_day >= best[0]:
                best = (end_day, code)
        elif start_day <= day <= end_day:
            return code
    return best[1] if best else undated


def person_on(roles: str, on: date | None) -> str | None:
    """A person's code on a date (role_on); out of every dated office, the country of the office
    nearest in time, as an elite (CAMEO ELI: former officials): David Miliband, foreign secretary
    until 2010, is British in 2018, not a man of no country."""
    code = role_on(roles, on)
    if code is not None or on is None:
        return code
    day = on.year * 10000 + on.month * 100 + on.day
    dated = [(min(abs(day - int(start)), abs(day - int(end))), c) for c, start, end in (r.split() for r in roles.split(";"))
             if int(end) != 0]
    if not dated:
        return None
    country = min(dated)[1][:3]
    return None if country == "IGO" else country + "ELI"


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """'AZEGOV' -> ('AZE', 'GOV'); 'IGOUNOJUDICJ' -> ('IGO', 'JUD')."""
    if not code:
        return None, None
    sector = next(
        (code[i : i + 3] for i in range(3, len(code) - 2, 3) if code[i : i + 3] in SECTORS), None
    )
    if code[:3] == "IGO":  # the body's own CAMEO code where it has one: IGOUNO... -> UNO
        body = next((code[i : i + 3] for i in range(3, len(code) - 2, 3) if code[i : i + 3] in IGO_BODIES), None)
        return body or "IGO", sector
    return code[:3], sector


def _lookup(key: str, capital: bool, on: date | None, named: bool = True) -> Mention | None:
    """`capital`: the first word is capitalised (or the text is lower-case); `named`: some word is."""
    if capital and key in PEOPLE:
        return Mention(0, 0, "person", *split_code(person_on(PEOPLE[key], on)))
    if capital and key in ORGANIZATIONS:
        return Mention(0, 0, "org", *split_code(role_on(ORGANIZATIONS[key], on)))
    if key in COUNTRIES and named:
        # Places are names: in mixed-case text 'us', 'turkey' or 'china' written small are words.
        return Mention(0, 0, "country", COUNTRIES[key], None)
    stem, dash, suffix = key.rpartition("-")
    if dash and suffix in _LED and " " not in key and stem in COUNTRIES and named:
        return Mention(0, 0, "country", COUNTRIES[stem], None)  # 'Vietnamese-led forces'
    if dash and suffix in _BACKED and " " not in key and stem in COUNTRIES and named:
        return Mention(0, 0, "backer", None, None)  # 'Russian-backed forces'
    if key in AGENTS:
        return Mention(0, 0, "agent", None, AGENTS[key])
    return None


def _prefixes(*tables: Mapping[str, object]) -> frozenset[str]:
    """Every name of the tables cut after each of its words: 'united', 'united states', ..."""
    prefixes = set()
    for table in tables:
        for name in table:
            words = name.split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
    return frozenset(prefixes)


def _with_folded_keys(*tables: dict) -> None:
    """Tokens are folded (fold): the few names the dictionaries write with accents ('erdoğan',
    'selahattin demirtaş') are found under their folded spelling too."""
    for table in tables:
        for key in [key for key in table if not key.isascii()]:
            table.setdefault(" ".join(fold(word) for word in key.split(" ")), table[key])


_with_folded_keys(PEOPLE, ORGANIZATIONS, COUNTRIES, AGENTS)
_PREFIXES = _prefixes(PEOPLE, ORGANIZATIONS, COUNTRIES, AGENTS)
_FIRST_WORDS = frozenset(name.split(" ", 1)[0] for table in (PEOPLE, ORGANIZATIONS, COUNTRIES, AGENTS) for name in table)


def _agent_at(tokens: list[Token], i: int) -> bool:
    """An agent noun of one or two words starts at token i ('forces', 'armed forces'): 'Russian
    backed forces', not 'Russia backed the Kurds'."""
    if i >= len(tokens) or not tokens[i - 1].joined:
        return False
    two = " ".join(t.word for t in tokens[i : i + 2]) if tokens[i].joined else ""
    return bool(AGENTS.get(tokens[i].word) or AGENTS.get(two))


def find_mentions(tokens: list[Token], on: date | None, lower: bool) -> list[Mention]:
    """Longest dictionary match at each token, left to right, never across punctuation."""
    mentions = []
    i = 0
    while i < len(tokens):
        found = None
        top, key = i, tokens[i].word
        if key not in _FIRST_WORDS and "-" not in key:  # no name starts with this word: skip the lookups
            i += 1
            continue
        while top < len(tokens) - 1 and top - i < LONGEST - 1 and tokens[top].joined:
            key = f"{key} {tokens[top + 1].word}"
            if key not in _PREFIXES:
                break  # no name goes on this way: longer spans need not be looked up
            top += 1
        for last in range(top, i - 1, -1):
            key = " ".join(t.word for t in tokens[i : last + 1])
            named = lower or any(t.capital for t in tokens[i : last + 1])
            found = _lookup(key, lower or _capital_at(tokens, i), on, named)
            if found and lower and key in _PRONOUN_PLACES and (i == 0 or tokens[i - 1].word != "the"):
                found = None  # lower-cased text: 'detained by us' is the speaker, 'the us' the country
            if found and lower and key in _COMMON_PLACES:
                found = None
            if found and found.kind == "country" and tokens[last].joined and last + 1 < len(tokens) and (
                tokens[last + 1].word in _BACKED and not tokens[last].possessive and _agent_at(tokens, last + 2)
                and not _agent_at(tokens, last + 1)  # ('Russian armed forces' are Russia's: ARMED_FORCES is an agent)
            ):
                found, last = Mention(0, 0, "backer", None, None), last + 1  # 'Iranian backed militias'
            if found:
                mentions.append(Mention(i, last + 1, found.kind, found.country, found.sector))
                i = last + 1
                break
        if found is None:
            i += 1
    return mentions


def with_aliases(
    tokens: list[Token], mentions: list[Mention], lower: bool, aliases: Mapping[str, tuple]
) -> list[Mention]:
    """The mentions with the surnames seen earlier in the article (`aliases`, lower-case surname ->
    (country, sector)) added where no dictionary name starts or runs."""
    covered = {n for mention in mentions for n in range(mention.first, mention.last)}
    found = [
        Mention(n, n + 1, "alias", *aliases[token.word])
        for n, token in enumerate(tokens)
        if n not in covered and (lower or token.capital) and token.word in aliases
    ]
    return sorted(mentions + found, key=lambda mention: mention.first) if found else mentions


def find_actors(
    sentence: str, on: date | None, aliases: Mapping[str, tuple] | None = None
) -> list[Actor]:
    """Actors of a sentence; `on` picks the role a named person held on that date.

    `aliases` maps a lower-case surname seen earlier in the article to (country, sector).
    >>> [(a.country, a.sector) for a in find_actors("Turkish Army General Musa Avsever spoke.", None)]
    [('TUR', 'MIL')]
    """
    tokens = tokenize(sentence)
    lower = lower_cased(sentence)
    mentions = find_mentions(tokens, on, lower)
    return actors_of(sentence, tokens, with_aliases(tokens, mentions, lower, aliases) if aliases else mentions, lower)


def _people_noun(tokens: list[Token], mention: Mention) -> bool:
    """A country mention that is a people in the plural ('Palestinians', 'Israelis'), a noun of its
    own, not an adjective that shares the noun after a coordinated one ('Azerbaijani and Turkish
    governments')."""
    word = tokens[mention.first].word
    return mention.last - mention.first == 1 and word.endswith("s") and not tokens[mention.first].possessive and word[:-1] in COUNTRIES


def actors_of(sentence: str, tokens: list[Token], mentions: list[Mention], lower: bool) -> list[Actor]:
    """Merge mentions into actor phrases: 'the Azerbaijani and Turkish governments' -> two actors."""
    at = {m.first: m for m in mentions}
    actors: list[Actor] = []
    shared: tuple[int, str] | None = None  # 'the governments of Hungary and Romania': (token, sector)
    k = 0
    while k < len(mentions):
        head = mentions[k]
        if head.kind == "agent" and head.sector is None:
            owner = _owner(tokens, at, head.last)
            if owner and (owner[1] or owner[2]):  # 'a spokesman for the U.S. embassy'
                start, stop = tokens[head.first].start, tokens[owner[0] - 1].end
                actors.append(Actor(start, stop, sentence[start:stop], owner[1], owner[2]))
                k = next((n for n in range(k, len(mentions)) if mentions[n].first >= owner[0]), len(mentions))
                continue
            k += 1
            continue  # a bare title ('counterpart') does not make an actor
        if head.kind == "backer":
            backed = at.get(head.last)
            if backed and backed.kind == "agent" and backed.sector and tokens[head.last - 1].joined:
                start, stop = tokens[head.first].start, tokens[backed.last - 1].end
                actors.append(Actor(start, stop, sentence[start:stop], None, backed.sector, backed=True))
                k += 2
                continue
            k += 1
            continue  # 'the Russian-backed offensive': the backer alone is no actor
        group = [head]
        while group[-1].kind == "country" and group[-1].last < len(tokens) - 1:
            nxt = at.get(group[-1].last + 1)
            if tokens[group[-1].last].word not in _COORDINATORS or not nxt or nxt.kind != "country":
                break
            if _people_noun(tokens, group[-1]):
                break  # 'clashes between Palestinians and Israeli police': the Palestinians are no police
            group.append(nxt)  # 'Azerbaijan's and Turkey's', 'the Azerbaijani and Turkish'
        last = group[-1]
        country, sector = last.country, last.sector
        named = last.kind in ("person", "alias", "org")
        stranger = False
        end = last.last
        while end < len(tokens):
            before = tokens[end - 1]
            if not (before.joined or (before.possessive and end == last.last and last.kind == "country")):
                break
            mention = at.get(end)
            if mention and mention.kind == "agent":
                sector = sector or mention.sector
                end = mention.last
            elif mention and mention.kind == "org" and before.possessive and last.kind == "country" and (
                    mention.country in IGO_BODIES or mention.country == "IGO"):
                end = mention.last  # "Russia's UN ambassador", "Britain's EU envoy": the state's own, at the body
            elif mention and mention.kind in ("person", "alias", "org"):
                if not named:  # 'Turkish counterpart Recep Tayyip Erdogan' -> Erdogan's role
                    country, sector, named = mention.country or country, mention.sector or sector, True
                end = mention.last
            elif mention is None and tokens[end].capital and not lower and tokens[end].word != "i":  # ('In Jordan I met')
                if last.kind == "person" and last.last - last.first == 1 and end == last.last and not before.possessive:
                    stranger = True  # 'Hassan Shibly', 'Abdullah Ahmed': another man of that given name
                end += 1  # part of a name: 'Anvar Afandiyev', 'Anadolu'
            elif (
                mention is None and last.kind == "country" and sector is None and end == last.last
                and _noun_before_agent(tokens, at, end)
            ):
                sector, end = at[end + 1].sector, at[end + 1].last  # 'French paper workers'
            else:
                break
            if tokens[end - 1].possessive:
                break
        if (
            last.kind == "agent" and not named and end == last.last < len(tokens)
            and tokens[end - 1].joined and not tokens[end].capital
            and (
                tokens[end].word not in _VERBISH and tokens[end].word not in FORMS
                and not (tokens[end].word.endswith("ed") and len(tokens[end].word) > 4)  # 'police sealed'
                and not (lower and _initial(tokens[end].word))  # 'police commissioner v k gupta said'
                or last.first > 0 and tokens[last.first - 1].word in ("a", "an")
                and not (tokens[end].word.endswith("ed") and len(tokens[end].word) > 4 and last.sector != "CVL")  # ('a court sentenced')
                or tokens[end].word in _MODIFIED
            )
            and not (last.sector in ("COP", "MIL") and tokens[end].word in _WIELDED)
            and tokens[end].word not in _MEMBERS
        ):
            k += 1
            continue  # an agent word used as a modifier: 'military cooperation', 'official visit'
        owner = _owner(tokens, at, end) if not named and tokens[end - 1].word not in RELATED else None
        first = last.first
        if last.kind == "country" and first > 0 and tokens[first - 1].word == "ethnic" and len(group) == 1:
            # 'ethnic Albanians (in Macedonia)': people of the country they live in, CAMEO's
            # ethnic-group convention; where the sentence does not say, no country
            first -= 1
            owner = _owner(tokens, at, end, _OF | {"in"})
            country, sector = (owner[1], sector or "CVL") if owner else (None, sector or "CVL")
            end = owner[0] if owner else end
        elif owner and last.kind == "country" and sector is None and tokens[end - 1].word.endswith("s"):
            country, sector, end = owner[1], "CVL", owner[0]  # 'the Albanians of southern Serbia'
        elif owner and country is None and last.kind == "agent" and owner[1]:
            country, sector, end = owner[1], sector or owner[2], owner[0]  # 'the government of Sindh'
            if sector and end + 1 < len(tokens) and tokens[end].word == "and" and tokens[end - 1].joined:
                shared = end + 1, sector  # '... and Romania': a country alone after it has the same role
        elif shared and shared[0] == first and last.kind == "country" and sector is None and len(group) == 1:
            sector = shared[1]
        elif country is None and last.kind == "agent" and sector not in _STATIONED:
            place = _owner(tokens, at, end, frozenset({"in"}))
            if place and place[2] is None and place[1] in _STATES:
                country = place[1]  # 'opposition groups in Zimbabwe': the place stays an actor
        if stranger:
            k = next((n for n in range(k, len(mentions)) if mentions[n].first >= end), len(mentions))
            continue  # a person no dictionary names: no actor
        for member in group[:-1]:
            start, stop = tokens[member.first].start, tokens[member.last - 1].end
            actors.append(Actor(start, stop, sentence[start:stop], member.country, sector))
        start, stop = tokens[first].start, tokens[end - 1].end
        actors.append(Actor(start, stop, sentence[start:stop], country, sector))
        k = next((n for n in range(k, len(mentions)) if mentions[n].first >= end), len(mentions))
    return _with_hyphen_pairs(sentence, tokens, actors, lower)


_STATES = frozenset(COUNTRIES.values())
# Sectors often stationed abroad: 'troops in Iraq' are not, for that, Iraq's.
_STATIONED = frozenset({"MIL", "IGO", "UAF", None})


def _initial(word: str) -> bool:
    """A single letter other than 'a' and 'i': the initial that opens a name written small ('v k gupta')."""
    return len(word) == 1 and word.isalpha() and word not in ("a", "i")


def _noun_before_agent(tokens: list[Token], at: Mapping[int, Mention], end: int) -> bool:
    """A nationality, one common noun, then an agent: 'French paper workers', 'Iraqi oil workers'."""
    if end + 1 >= len(tokens) or not (tokens[end - 1].joined and tokens[end].joined):
        return False
    word, following = tokens[end].word, at.get(end + 1)
    return (
        following is not None and following.kind == "agent" and following.sector is not None
        and not tokens[end].capital and not tokens[end - 1].possessive and word not in _VERBISH
        and word not in FORMS and not word.endswith(("ed", "ing", "ly"))
    )


def _with_hyphen_pairs(sentence: str, tokens: list[Token], actors: list[Actor], lower: bool) -> list[Actor]:
    """'police-vhp clash', 'India-Pakistan talks': a hyphenated word no actor covers whose two
    halves are both actors (one of them an agent: police, army, a party) is the two of them."""
    added = []
    for token in tokens:
        if token.word.count("-") != 1 or any(a.start <= token.start < a.end for a in actors):
            continue
        halves = []
        at = token.start
        for part in token.word.split("-"):
            capital = lower or sentence[at : at + 1].isupper()
            found = _lookup(part, capital, None, capital)
            if found is None or (found.country is None and found.sector is None):
                break
            halves.append(Actor(at, at + len(part), sentence[at : at + len(part)], found.country, found.sector))
            at += len(part) + 1
        if len(halves) == 2 and any(h.sector for h in halves):
            added += halves
    return sorted(actors + added, key=lambda a: a.start) if added else actors


def _owner(
    tokens: list[Token], at: Mapping[int, Mention], end: int, words: frozenset[str] = _OF
) -> tuple[int, str | None, str | None] | None:
    """Whose an actor phrase ending at token `end` is, when 'of' or 'for' follows it: 'the
    government of Sindh province', 'a spokesman for the Israeli prime minister', 'the Albanians of
    southern Serbia'. (token end, country, sector) of the owner, or None."""
    if end >= len(tokens) or tokens[end].word not in words or not tokens[end - 1].joined:
        return None
    j = end + 1
    while j < len(tokens) and tokens[j].word in _ARTICLES | _REGION_WORDS and tokens[j - 1].joined:
        j += 1
    mention = at.get(j)
    if mention is None or not tokens[j - 1].joined or mention.kind not in ("country", "org", "agent", "person"):
        return None
    country, sector, stop = mention.country, mention.sector, mention.last
    following = at.get(stop)
    if mention.kind == "country" and following and following.kind == "agent" and tokens[stop - 1].joined:
        sector, stop = following.sector, following.last  # 'for the Israeli prime minister'
    if tokens[stop - 1].possessive and any(t.word in RELATIONAL for t in tokens[stop:stop + 3]):
        return None  # 'the deputy chief of Israel's militia ally': the ally's, not Israel's
    return stop, country, sector
