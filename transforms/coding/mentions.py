"""Event mentions: the words of a parsed sentence that report an action, with their CAMEO code.

A mention is a verb of the Phoenix/PETRARCH CAMEO.2.0 verb dictionary (MIT) that the parse tags
as a verb (so 'US stocks also reacted' gives no 'stocks'), or an event noun ('the protest on
Friday', 'clashes', 'talks', 'the arrest of X'). Its code is the dictionary's: the longest pattern
of the verb found among the words of its own phrase (its objects and prepositional phrases, not
the clauses it governs nor its subject), else the verb's default code. A verb used as an
adjective ('the injured man') is no mention, and neither is a verb that only heads a noun's
modifier of time or manner.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventpipe.transforms.coding.words import IRREGULAR_PASTS, counted, lemma, pos, shared_objects
from eventpipe.transforms.events import word_stems
from eventpipe.transforms.tables.agents import AGENTS
from eventpipe.transforms.tables.countries import COUNTRIES
from eventpipe.transforms.tables.verbs import DEFAULTS, FORMS, PATTERNS, SUBJECT_PATTERNS, SYNSETS
from eventpipe.transforms.timex_lexicon import ENGLISH

# Verbs the CAMEO.2.0 dictionary names only in its comments: its DEMAND block carries URGE's
# patterns ('# URGE') without the verb itself; CAMEO 1.1b3 codes urging as an appeal (020).
VERB_ADDITIONS = {"urge": "020"}
# Arrest and detention (CAMEO 173): a participle before a noun says it happened ('the arrested men').
ARRESTS = "173"
# Nouns that name an event on their own, with their CAMEO code (names from the CAMEO 1.1b3
# codebook, ../shared/reference/cameo): their actors come from the noun's own dependents.
EVENT_NOUNS = {
    "talks": "046", "negotiations": "046", "summit": "043", "meeting": "040", "visit": "042",
    "protest": "141", "protests": "141", "demonstration": "141", "demonstrations": "141", "rally": "141",
    "riot": "145", "riots": "145", "clash": "190", "clashes": "190", "fighting": "190",
    "attack": "190", "attacks": "190", "offensive": "190", "airstrike": "195", "airstrikes": "195",
    "shelling": "194", "bombing": "183", "bombings": "183", "arrest": "173", "arrests": "173",
    "detention": "173", "sanctions": "163", "embargo": "163", "invasion": "190", "raid": "190",
    "raids": "190", "ambush": "190", "massacre": "202", "assassination": "186", "kidnapping": "181",
    "ceasefire": "037", "truce": "037", "boycott": "143", "strike": "143", "strikes": "143",
    "firing": "190", "gunfire": "190", "shooting": "190", "shootings": "190", "crackdown": "175",
    "killing": "1823", "killings": "1823",
}


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


# ... and their plurals, which name as many events ('held rallies in several cities', 'a wave of
# kidnappings'), where the table does not name them already.
EVENT_NOUNS |= {_plural(noun): code for noun, code in EVENT_NOUNS.items()
                if not noun.endswith(("s", "ing", "fire")) and _plural(noun) not in EVENT_NOUNS}
# Nouns whose sense needs a preposition of force after them ('a strike on', 'strikes against').
_STRIKE = frozenset({"strike", "strikes"})
_MILITARY_STRIKE = "190"
# Prepositions whose words belong to a verb's own phrase for its patterns.
_OWN = frozenset({"dobj", "obj", "prep", "pobj", "prt", "dative", "attr", "oprd", "acomp", "npadvmod", "advmod", "compound", "amod", "det", "poss", "nummod", "agent", "xcomp", "aux", "neg"})
# Particles and prepositions: a pattern of content words says more ('off' < 'relations').
FUNCTION_WORDS = frozenset("off up down out away back in on at to with from by for of over into against about".split())
# Particles of phrasal verbs ('fire off', 'step down', 'pull out'), also prepositions of place.
_PARTICLES = frozenset("off up down out away back".split())
ARTICLES = frozenset({"a", "an", "the"})
_NOMINAL = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})
_RELATIVE = frozenset({"that", "which", "whom", "who"})
_OPTIONS = {name: frozenset(words) for name, words in SYNSETS.items()}


@dataclass(frozen=True, slots=True)
class Mention:
    """A word that reports an action: its token, the code, and what it is."""

    token: int
    code: str
    lemma: str
    noun: bool = False


def find_event_mentions(doc) -> list[Mention]:
    """The event mentions of a parsed sentence, in text order."""
    found = []
    for token in doc:
        if pos(token) == "VERB" or token.tag_.startswith("VB") and pos(token) != "AUX":
            if token.dep_ in ("compound", "aux", "auxpass"):
                continue
            dictionary_form = _verb_lemma(token)
            if dictionary_form is None:
                continue
            code = verb_code(token, dictionary_form)
            if token.dep_ == "amod" and not (token.tag_ == "VBN" and code and code.startswith(ARRESTS)):
                continue  # an adjective ('the injured man'), except 'the arrested men': they were arrested
            if code:
                # a gerund heading a noun phrase is an event noun: 'died in police firing'
                nominal = token.tag_ == "VBG" and (token.dep_ in _NOMINAL or token.dep_ == "conj" and pos(token.head) == "NOUN") and not any(
                    c.dep_ in ("dobj", "nsubj") for c in token.children)
                found.append(Mention(token.i, code, dictionary_form, noun=nominal))
        elif pos(token) in ("NOUN", "PROPN") and token.lower_ in EVENT_NOUNS:
            if token.lower_ in _STRIKE and not any(c.lower_ in ("on", "against") and not any(
                    temporal(g) for g in c.children if g.dep_ == "pobj") for c in token.children):
                continue  # (a strike on or against someone is force, no strike of workers: _MILITARY_STRIKE)
            if token.dep_ == "compound" and pos(token.head) in ("NOUN", "PROPN"):
                continue  # a modifier of another noun names no event: 'detention centres', 'protest movement'
            code = _MILITARY_STRIKE if token.lower_ in _STRIKE else EVENT_NOUNS[token.lower_]
            found.append(Mention(token.i, _armed_with(token, code), token.lower_, noun=True))
    return found


# Modifiers that say what an attack was made with (cameoCodes.json): weapons of mass destruction
# (2041 'Use chemical, biological, or radiological weapons', 2042 'Detonate nuclear weapons'),
# aircraft (195 'Employ aerial weapons', 1952 'Employ remotely piloted aerial munitions'), a
# suicide bomber, a car or a roadside bomb (1831, 1832, 1833).
_WEAPONS = {"chemical": "2041", "chlorine": "2041", "sarin": "2041", "gas": "2041", "nerve": "2041",
            "biological": "2041", "nuclear": "2042", "aerial": "195", "air": "195", "missile": "195", "drone": "1952",
            "suicide": "1831", "car": "1832", "roadside": "1833"}
WEAPON_CODES = frozenset(_WEAPONS.values())


def _armed_with(noun, code: str) -> str:
    """An event noun's code, that of the weapons its modifier names ('a chemical attack on Douma',
    'aerial bombing of rebel-held towns', 'a suicide car bombing': the first named); else the
    dictionary's."""
    if not code.startswith(("18", "19")):
        return code
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.i < noun.i:
            for word in child.subtree:  # ('a chemical weapons attack')
                if word.lower_ in _WEAPONS:
                    return _WEAPONS[word.lower_]
    return code


def _verb_lemma(token) -> str | None:
    """The dictionary lemma of a verb, two-word forms first ('step down', 'meet with')."""
    for child in token.children:
        if child.dep_ == "prt" or child.dep_ == "prep" and child.i == token.i + 1:
            two_words = _two_words(token, child)
            if two_words is not None:
                return two_words
    form = lemma(token)
    known = form in DEFAULTS or form in PATTERNS or form in VERB_ADDITIONS
    return form if known or IRREGULAR_PASTS.get(token.lower_) == form and token.lower_ in PATTERNS else None


def _two_words(verb, particle) -> str | None:
    """The dictionary's two-word verb of a verb and its particle, if it codes ('called off')."""
    two_words = FORMS.get(f"{verb.lower_} {particle.lower_}")
    return two_words if two_words and (two_words in DEFAULTS or two_words in PATTERNS) else None


def _phrase_tokens(token) -> list:
    """The words of a verb's own phrase after it, in order: its objects, particles and
    prepositional phrases with what they govern, never a clause of its own nor a conjunct. A
    relative clause's object is the noun it modifies: 'the declaration that A and B signed'."""
    words = []
    if token.dep_ in ("relcl", "acl") and not any(c.dep_ in ("dobj", "obj") and c.lower_ not in _RELATIVE for c in token.children):
        words += [t for t in token.head.lefts if t.dep_ in ("compound", "amod")] + [token.head]
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ not in _OWN:
            words += _for_to(child)
            continue
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and temporal(g) for g in child.children):
            continue  # 'called Erdogan on Monday': a time, not the frame's 'call on' (an appeal)
        words += [t for t in child.subtree if not _in_clause(t, child)]
    words = [t for t in words if not _filler(t)]
    return [t for t in words if t.i < token.i] + sorted((t for t in words if t.i > token.i), key=lambda t: t.i)


def phrase_words(token) -> list[str]:
    """The words of a verb's own phrase (_phrase_tokens), in small letters."""
    return [t.lower_ for t in _phrase_tokens(token)]


_TIME_NOUNS = frozenset(ENGLISH.weekdays) | frozenset(ENGLISH.months) | frozenset(ENGLISH.parts_of_day) | frozenset(
    "day days week weeks weekend month months year years night nights time times hour hours".split())


# Names of months and days that are also names or words ('call on May to engage', 'sat'): a time only
# beside a number ('May 3', 'Sat 12').
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "jan", "mar", "jun", "sat", "sun", "wed"})


def temporal(noun) -> bool:
    """A noun of time ('Monday', 'March 3', 'the night', '2019'): what it heads is when, not whom."""
    if noun.lower_ in _AMBIGUOUS_MONTHS:
        return any(t.like_num for t in noun.doc[max(noun.i - 1, 0) : noun.i + 2] if t.i != noun.i)
    return noun.lower_ in _TIME_NOUNS or noun.like_num and len(noun.text) == 4 and noun.text.isdigit()


def _for_to(clause) -> list:
    """'for' and the subject of a for-to clause, which the parse makes a clause of the verb: in
    'called for a force to be stationed' and 'called for Russia to withdraw' the verb's phrase is
    'for a force', 'for Russia' (CALL (FOR) is an appeal, 020), the rest is what is asked."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
    if mark is None or clause.dep_ not in ("advcl", "ccomp", "xcomp"):
        return []
    subjects = [t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree if not _in_clause(t, c)]
    return [mark, *subjects]


def _filler(t) -> bool:
    """Articles and punctuation take no place in a pattern's reach ('called off a four-day
    strike': strike is the third word after 'off', not the fifth), and neither does the particle
    of a two-word verb, which is part of its lemma ('called off' is CALL OFF)."""
    return t.dep_ == "punct" or t.lower_ in ARTICLES or t.dep_ == "prt" and _two_words(t.head, t) is not None


def _in_clause(t, top) -> bool:
    """A token inside a clause or conjunct below `top` (not part of top's own phrase)."""
    while t.i != top.i:
        if t.dep_ in ("relcl", "ccomp", "advcl", "conj", "acl", "parataxis", "appos"):
            return True
        t = t.head
    return False


def _matches(element: str, stems: frozenset[str]) -> bool:
    options = _OPTIONS.get(element)
    return element in stems if options is None else not options.isdisjoint(stems)


def _found(lasts: tuple[str, ...], words: list[frozenset[str]]) -> bool:
    """The pattern's words in order in the phrase, the first among its first four words."""
    for first in range(min(4, len(words))):
        if not _matches(lasts[0], words[first]):
            continue
        position = first
        for element in lasts[1:]:
            position = next((p for p in range(position + 1, min(position + 4, len(words))) if _matches(element, words[p])), None)
            if position is None:
                break
        else:
            return True
    return False


def verb_code(token, lemma: str) -> str | None:
    """The finest code of a verb: its longest pattern found in its own phrase (or, for the file's
    patterns with words before the verb, in its subject and its phrase), else its default."""
    found = _pattern_found(token, lemma)
    code = DEFAULTS.get(lemma) or VERB_ADDITIONS.get(lemma)
    before = _subject_pattern_found(token, lemma, code != SEIZE) if lemma in SUBJECT_PATTERNS else None
    if before is not None and (found is None or before[0] > len(found[0])):
        return before[1]
    if found is not None:
        return found[1]
    if code and code[:2] == CONSULT and any(c.dep_ == "oprd" for c in token.children):
        return STATEMENT  # 'called the decision incoherent': naming its object, not a call to anyone
    return _seized(token) if code == SEIZE else code


def names_in_pattern(verb, noun) -> bool:
    """Whether the pattern that codes a verb names the noun: 'declared a ceasefire', 'called for a
    ceasefire' (one event said by a verb and its noun, where 'condemned the attack' is two)."""
    form = _verb_lemma(verb)
    found = _pattern_found(verb, form) if form else None
    return found is not None and any(_matches(element, _stems(noun.lower_)) for element in found[0])


def _pattern_found(token, lemma: str) -> tuple[tuple[str, ...], str | None] | None:
    """(the last words of its elements, code) of the verb's longest pattern found in its phrase."""
    patterns = _ranked_patterns(lemma)
    if token.lower_ != lemma and IRREGULAR_PASTS.get(token.lower_) == lemma:
        # the dictionary files phrases of 'saw' and 'found' under SAW and FOUND ('saw no reason for
        # optimism', 'found guilty'), never their defaults (060 'found' a party)
        patterns += _ranked_patterns(token.lower_)
    if patterns:
        tokens = _phrase_tokens(token)
        words = [_stems(t.lower_) for t in tokens]
        # a pattern begins among the phrase's first four words, or at a preposition of the verb's
        # own after a long object ('holding thousands of Tamil civilian refugees as human shields'),
        # there not a particle alone, which is the verb's own ('fired off a letter'), not a
        # preposition of place after the object ('fired missiles into the sea off its coast')
        starts = [0, *(n for n, t in enumerate(tokens) if n >= 4 and t.dep_ == "prep" and t.head.i == token.i)]
        for first, lasts, code in patterns:
            for start in starts[:1] if _PARTICLES.issuperset(lasts) else starts:
                opening = frozenset().union(*words[start:start + 4])
                if start < len(words) and not first.isdisjoint(opening) and _found(lasts, words[start:]):
                    return lasts, code
    return None


def _subject_pattern_found(token, lemma: str, bare: bool = True) -> tuple[int, str | None] | None:
    """(its length, code) of the verb's longest pattern with words before '*' whose words before are
    in its subject's phrase or among the words before it, in order, and whose words after it are
    in its own phrase: '&MILITARY * (INTO)' (CROSS, 190) in 'Kenyan troops crossed into Somalia',
    'SHELLS *' (SLAM, 194) in 'shells slammed into the town'. Not `bare`: only patterns with words
    after the verb (a verb of seizing is coded by what it seizes, _seized: 'militants captured
    Tikrit' occupies a town, though CAPTURE files MILITANTS * as an abduction)."""
    before = [_stems(t.lower_) for t in _before_words(token)]
    if not before:
        return None
    after = None
    best = None
    for (subject, elements), code in SUBJECT_PATTERNS[lemma]:
        if best is not None and len(subject) + len(elements) <= best[0] or not bare and not elements:
            continue
        position = -1
        for element in subject:
            position = next((p for p in range(position + 1, len(before)) if _matches(element, before[p])), None)
            if position is None:
                break
        if position is None:
            continue
        if elements:
            if after is None:
                after = [_stems(w) for w in phrase_words(token)]
            if not _found(elements, after):
                continue
        best = (len(subject) + len(elements), code)
    return best


def _before_words(token) -> list:
    """The words before a verb that its dictionary's patterns can name: its subject's phrase (for a
    relative clause or a participle, the noun it modifies; for a conjunct with none, the first
    conjunct's) and its own modifiers before it ('ethnically cleansed'), in order."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ == "conj" and token.head.i < token.i:
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = [t for t in subject.subtree if not _in_clause(t, subject)] if subject is not None else []
    if subject is None and token.dep_ in ("relcl", "acl") and token.head.i < token.i:
        words = [t for t in token.head.subtree if t.i < token.head.i + 1 and not _in_clause(t, token.head)]
    words += [c for c in token.children if c.i < token.i and c.dep_ in ("advmod", "npadvmod")]
    return sorted((t for t in words if not _filler(t)), key=lambda t: t.i)


def says_no(token, lemma: str) -> bool:
    """A verb whose pattern holds its 'no' ('saw no reason for optimism', 'sees no need for
    mediation'): the 'no' is the deed, not its denial."""
    found = _pattern_found(token, lemma)
    return found is not None and "no" in found[0]


@functools.cache
def _ranked_patterns(lemma: str) -> tuple[tuple[frozenset[str], tuple[str, ...], str | None], ...]:
    """A verb's patterns in the order verb_code tries them, the first found winning: the longest,
    then the one with the most content words ('broke off relations' is 161), then the dictionary's
    order. Each is (the words its first element can be, the last word of each element, its code)."""
    ranked = []
    for order, (elements, code) in enumerate(PATTERNS.get(lemma, ())):
        lasts = tuple(e.split()[-1] for e in elements if e not in ARTICLES)
        if not lasts:
            continue
        rank = (len(elements), sum(e not in FUNCTION_WORDS for e in lasts))
        ranked.append((rank, order, _OPTIONS.get(lasts[0], frozenset({lasts[0]})), lasts, code))
    ranked.sort(key=lambda pattern: (-pattern[0][0], -pattern[0][1], pattern[1]))
    return tuple((first, lasts, code) for _, _, first, lasts, code in ranked)


@functools.lru_cache(maxsize=65536)
def _stems(word: str) -> frozenset[str]:
    return word_stems(word)


# A verb of consulting ('call', default 041) with an object and a predicate of it names the object
# ('called the move unacceptable'): a statement (010), where no pattern of the verb says more (CALL's
# patterns code 'called ... illegitimate', '... a dictator' as criticism, 111).
CONSULT, STATEMENT = "04", "010"

# Seizing (the dictionary's APPREHEND block, default 171 'seize or damage property') is coded by
# what is seized: its patterns code a town, stronghold, airport or territory as 192 'occupy
# territory', a minister, engineer or hostage as 181 'abduct, take hostage', and what police seize
# as 173 'arrest' ('POLICE *'). Patterns name a few objects, each under one verb of the block; the
# class of the verb's object (a place, or people) carries them to every verb with that default.
SEIZE = "171"
_OCCUPY, _ABDUCT = "192", "181"
_SEIZE_BLOCK = ("seize", "capture", "take", "snatch")


def _pattern_nouns(code: str) -> frozenset[str]:
    """The one-word objects the seizing verbs' patterns give `code`, synsets expanded."""
    words = set()
    for verb in _SEIZE_BLOCK:
        for elements, found in PATTERNS.get(verb, ()):
            if found == code and elements[0] not in FUNCTION_WORDS:
                words.update(SYNSETS.get(elements[-1], (elements[-1],)))
    return frozenset(words)


_PLACE_NOUNS = _pattern_nouns(_OCCUPY) | {"cities", "towns", "villages", "strongholds", "territories", "areas", "region", "province", "district"}
_PEOPLE_NOUNS = _pattern_nouns(_ABDUCT) | _pattern_nouns(ARRESTS)
_PEOPLE_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})


def _seized(verb) -> str:
    """The code of a seizing verb by its object: a place 192, people 181 (173 when police seize
    them), anything else 171."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    thing = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if thing is None and not passive:  # 'captured and killed a number of soldiers': the object they share
        thing = next(iter(shared_objects(verb)), None)
    thing = counted(thing) if thing is not None else None  # ('part of the stronghold', 'dozens of soldiers')
    if thing is None:
        return SEIZE
    word = thing.lower_
    if word in _PLACE_NOUNS or thing.tag_.startswith("NNP") and _place_name(thing):
        return _OCCUPY
    if word in _PEOPLE_PRONOUNS or word in _PEOPLE_NOUNS or AGENTS.get(word):
        return ARRESTS if _by_police(verb, passive) else _ABDUCT
    return SEIZE


def _place_name(token) -> bool:
    """A proper name the actor dictionary knows as a country or city ('Tikrit'), with its compounds."""
    name = " ".join(t.lower_ for t in token.lefts if t.dep_ == "compound" and t.tag_.startswith("NNP")) + " " + token.lower_
    return name.strip() in COUNTRIES


def _by_police(verb, passive: bool) -> bool:
    """The doer is the police (an agent noun of the police sector, COP, in Phoenix.agents)."""
    if passive:
        doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    else:
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(AGENTS.get(d.lower_) == "COP" for d in doers)
