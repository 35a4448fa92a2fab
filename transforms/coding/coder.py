"""The coder's steps, one after the other: parse -> actors -> mentions -> roles -> mode -> date.

Only sentences that can yield an event are parsed: a word of the verb dictionary or an event noun,
and an actor of the dictionaries or a pronoun that can stand for one; a parse whose only verb hangs
on its subject noun is mended first (parse.repaired). For each event mention of a
parsed sentence (mentions.py) the roles come from the tree (roles.py), the mode from the verb's
own auxiliaries and governors (mode.py), the date from the DATE expression attached to it
(dates.py). An event needs a source actor; a deed asked of someone is not reported as done. A
verb of saying is an event only when the clause it reports yields none: in 'Erdogan accepted the
apology, the prime minister's office said' the event is the acceptance, by Erdogan. An event that
names no target is about the story: its main country when the doer is foreign to it, else the
other of the story's two countries ('Spain condemned the decision', in a story of Argentina's
takeover of a Spanish firm), while the story is on that country: in a story under ten sentences,
any country it named up to the sentence; in a longer one, which moves from country to country (a
feature that has moved on to a senator's domestic speech does not make Syria its target), only
while the sentence itself names it. A definite armed group ('the militants') is of the last armed
group named with a country a few sentences before. A state's force or pressure with no target nor place is not aimed at its own country when the
story is set in another, the country its phrases of place name most (_abroad: 'Turkish forces
fired artillery' in a story of Afrin). A deed done to 'me' outside a
quotation is the writer's own story, no event ('the militants on duty stopped me'). The press
reports and does no deed of state, except an outlet the state runs ('Syrian state television'),
which speaks for its government. Violence someone tried is violence done ('tried to assassinate':
CAMEO 185). Each of conjoined subjects or targets of other countries has an event of its own
('Kenya and Uganda accused Tanzania'), and 'the two' after an event are its two parties.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from eventpipe.transforms.actors import Actor
from eventpipe.transforms.coding.actors import INTERNATIONAL as _INTERNATIONAL, Lookups, Node, article_aliases, place_actors
from eventpipe.transforms.coding.dates import Dated, anchors, date_of, dated_saying, of_the_day
from eventpipe.transforms.coding.mentions import (
    CONSULT, EVENT_NOUNS, VERB_ADDITIONS, WEAPON_CODES, find_event_mentions, names_in_pattern, says_no,
)
from eventpipe.transforms.coding.mode import IMPLICATIVE, REFUSALS, TRYING, coded, habitual, mode_of, obliged, stated
from eventpipe.transforms.coding.parse import parse_stream, repaired
from eventpipe.transforms.coding.roles import (
    ANY, ARMED, BODY, BODY_NOUNS, PAIR_NOUNS, PERSON, UNDERGONE, Roles, antecedent_kind, apposed, bounding, subject_node,
    unnamed_person,
)
from eventpipe.transforms.coding.words import COPULAS, SAYING, lemma, misparsed_report, pos
from eventpipe.transforms.events import STATE_SECTORS, Event, build_event, main_country, main_pair
from eventpipe.transforms.sentences import Sentence, split_sentences
from eventpipe.transforms.tables.countries import COUNTRIES
from eventpipe.transforms.tables.verbs import DEFAULTS, FORMS, PATTERNS
from eventpipe.transforms.timexes import Timex, tag_timexes

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# Prepositions of taking part: 'took part in talks', 'agreed after talks with X' (not 'during the fighting').
_TAKING_PART = frozenset({"in", "after", "at"})
# What one does after an event one took part in only when it was a talk, a meeting or a deal, or
# done with someone: 'agreed after talks with X', 'retook the village after fierce fighting with
# guerrillas', but 'Kenya recalled its envoy after attacks on Kenyans' did not attack.
_SEQUEL = frozenset({"after"})
_TALKING = frozenset({"03", "04", "05"})
# The code of an arrest, whose doer, when nobody is named, is the police of the article's country.
_ARREST = "173"
# Police (Phoenix.agents.txt POLICE [~COP]) act in their own country: police whom nothing places
# are of the one country the sentence's places name.
_POLICE = "COP"
# Roots of words that take a stance (CAMEO 01 statements, 02 appeals, 10 demands, 11 disapproval,
# 12 rejections, 13 threats): in the present they are taken now ('Iran rejects the plan'); other
# deeds in the simple present, undated, are habits (mode.habitual).
_STANCES = frozenset({"01", "02", "10", "11", "12", "13"})
# Roots of threats, protest, mobilization and force (13 to 20): where no one is named as their
# target, the country they happen in is (as PLOVER and CAMEO code 'protested in Hong Kong',
# 'killed three in southern Serbia', 'imposed a curfew in Algiers').
_PLACE_TARGETS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
# Roots of threats, shows of force, reduced relations, violence and force (13, 15, 16, 18 to 20):
# with no target nor place of their own, a state's government or military in a story set in another
# country (its places are there) does them to the story's other country (_story_party) or, to a
# party the text names without a country, in that one; not to its own. Nor does a state named as
# itself ('Pakistan shot down the pilot's jet', 'Turkey launched the assault'), in any story (_a_state).
# In a story set at home (a coup, a civil war) or whose places say nothing, an agent's own country
# stays. Police, rebels,
# insurgents, the opposition and civilians act at home (_AT_HOME), and arrests and protests (17,
# 14) are at home by nature.
_ABROAD = frozenset({"13", "15", "16", "18", "19", "20"})
# ... and a state named as itself protests to another state, not at home ('France recalled its
# ambassador in protest at the submarine deal'): its people's protests are at home, its own are not.
_ABROAD_AS_A_STATE = _ABROAD | {"14"}
_AT_HOME = frozenset({"COP", "REB", "INS", "OPP", "UAF", "CVL"})


def _abroad(code: str, source: Actor, scene: str | None) -> bool:
    """A state's deed of force or pressure in a story set in another country (see _ABROAD)."""
    return code[:2] in _ABROAD and source.sector not in _AT_HOME and scene not in (None, source.country)
# Killing done by irregular fighters (rebels, insurgents, militants, armed groups) is CAMEO's
# unconventional violence, 1823 'kill by physical assault'; the dictionary's 190 'use conventional
# military force' is a state's armed forces' (CAMEO codebook, roots 18 and 19).
_MILITARY_FORCE, _KILLED_BY_ASSAULT = "190", "1823"
_KILLING = frozenset("kill murder slay behead execute shoot stab assassinate".split())
_IRREGULAR = frozenset({"REB", "UAF", "INS"})
# Shooting done to armed men or criminals, no one named doing it ('two terrorists who were shot dead',
# 'the robber was gunned down'): the police's of the story's country, as an arrest no one makes is.
_SHOOTING = frozenset({"shoot", "gun down"})
_OUTLAWS = _IRREGULAR | {"CRM"}


# Joining an armed force or group is military cooperation with it, as the files code joining forces,
# a fight or the military (JOIN * FORCES 060, * &FIGHT 062, * (WITH &MILITARY) 062), not JOIN's 040.
_JOINED_FORCES = "062"


# The sectors of speakers: politicians, officials, parties, judges, the press, organisations
# (those of arms, roles.ARMED, do force; what speakers' force is done in words: _WORDY).
_SPEAKING = frozenset({"GOV", "LEG", "ELI", "OPP", "PTY", "JUD", "MED", "NGO"})


def _a_state(actor: Actor) -> bool:
    """A state named as itself ('Pakistan', 'Ankara'), not one of its agents: its force is done abroad."""
    return actor.sector is None and actor.country in _STATES


def _speaker(actor: Actor, nodes: list[Node]) -> bool:
    """A person or a body of words, not of arms: a politician, official, party or paper."""
    return actor.sector not in ARMED and actor.country != "IMG" and (_person(actor, nodes) or actor.sector in _SPEAKING)


def _person(actor: Actor, nodes: list[Node]) -> bool:
    """A person the text names ('Trump', 'Senator Bob Corker'), not a body or a group."""
    return any((n.person or n.known) and n.actor.start == actor.start and n.actor.name == actor.name for n in nodes)


def _armed(actor: Actor) -> bool:
    return actor.sector == "MIL" or _irregular(actor)


def _irregular(actor: Actor) -> bool:
    return actor.sector in _IRREGULAR or actor.country == "IMG"


# Rebels, insurgents and the opposition act against their own state when they name no one else.
_INSURGENT = frozenset({"REB", "INS", "OPP"})
# Statements (CAMEO 01) and the media: the sector of Phoenix.agents.txt's REPORTER, JOURNALIST [~MED],
# the code Phoenix.International.actors.txt gives REUTERS, AFP, XINHUA [MED].
_STATEMENT, _MEDIA = "01", "MED"
# The root of protest, whose target is the one protested against (CAMEO 14), often named only in
# its purpose ('marched to protest against Sweden's decision', 'in defiance of Chinese authorities').
_PROTEST = "14"
_POSTURE = "15"  # (military posture: the forces moved are the doer's, whom they face the target)
# Arrest, detention and charges (CAMEO 173): a state's deed, of the state where they are made.
_DETAINING = frozenset({"173"})


# People in private (civilians, people, refugees: sectors of Phoenix.agents.txt) saying, asking,
# cooperating, consulting, aiding, yielding, disapproving or rejecting (CAMEO 01 to 12) with no
# one named, or among themselves, do no political deed: 'her mother said' (010), 'her mother came
# to her' (040), 'civilians gave water to the wounded' (060). With a state's agent or an
# organisation ('refugees met Greek officials', 'residents accused the police') it is one; and
# their threats, protests and violence (13 to 20) always are.
_PRIVATE = frozenset({"CVL", "REF"})
_STATES = frozenset(COUNTRIES.values())


def _private(actor: Actor, sectors: frozenset[str] = _PRIVATE) -> bool:
    return actor.sector in sectors and (actor.country is None or actor.country in _STATES)


# People of trades with no role of state or group (Phoenix.agents.txt's teachers and students EDU,
# doctors and nurses HLH, farmers AGR), saying or asking a thing as private people do: no political deed.
_UNPOLITICAL = _PRIVATE | frozenset({"EDU", "HLH", "AGR"})


# Consultations (CAMEO 04: meet, visit, travel to) are between political actors: a state, its
# agents, parties, armed groups, international bodies. Someone else's trip to a country or a place
# (students, a teacher, a reporter: sectors EDU, MED, CVL ... of Phoenix.agents.txt) consults no one.
_POLITICAL = STATE_SECTORS | frozenset({"OPP", "REB", "INS", "UAF", "IGO", "NGO"})


def _private_person(actor: Actor, nodes: list[Node]) -> bool:
    """A person named with no role of state, party or group ('Letts', 'Mehmet Aksoy'): a private
    individual, whatever country the text gives them."""
    return not actor.sector and _person(actor, nodes)


def _political(actor: Actor) -> bool:
    return actor.sector in _POLITICAL or actor.sector is None and actor.country is not None or actor.country in _INTERNATIONAL


def _police(country: str | None) -> Actor:
    """The implied doer of an arrest nobody is named making: the police of the story's country."""
    return Actor(0, 0, "police", country, _POLICE)


# Verbs of judging: done by a court, not by the police ('was convicted in September and sentenced
# to seven and a half years in prison'); courts are Phoenix.agents.txt COURT [~JUD].
_JUDGING = frozenset("convict sentence acquit jail imprison".split())
_COURTS = "JUD"


def _court(country: str | None) -> Actor:
    """The implied doer of a conviction or sentence nobody is named passing: the courts of the
    story's country."""
    return Actor(0, 0, "court", country, _COURTS)


def code_text(text: str, published: date | None) -> list[Event]:
    """The events of a whole text: its sentences, their temporal expressions, then code_events."""
    return code_events(text, split_sentences(text), tag_timexes(text, published), published)


def code_events(text: str, sentences: list[Sentence], timexes: list[Timex], published: date | None) -> list[Event]:
    """The events of an article's sentences (see the module doc)."""
    return code_batch([(text, sentences, timexes, published)])[0]


def code_batch(articles: Sequence[tuple[str, list[Sentence], list[Timex], date | None]]) -> list[list[Event]]:
    """The events of each article (text, sentences, timexes, published: what code_events takes),
    the same as code_events gives one by one: the sentences to parse of _GROUP articles at a time
    go to the parser together, so that its batches are full rather than one per article, while
    only one group's look-ups and parses are held."""
    coded: list[list[Event]] = []
    for at in range(0, len(articles), _GROUP):
        prepared = [_Article(*article) for article in articles[at : at + _GROUP]]
        texts = [s.text for article in prepared for s in article.candidates]
        docs = map(repaired, parse_stream(texts)) if texts else iter(())  # (nothing to parse: the model need not load)
        coded += [article.events(list(itertools.islice(docs, len(article.candidates)))) for article in prepared]
    return coded


# Articles whose sentences are parsed together: about 1,000 sentences (16 to parse an article on
# average, bench/coders.py), four of the parser's full batches.
_GROUP = 64
# A person a 'he' or 'she', a state or body an 'it' (or anyone a 'we') stands for is one named, or
# stood for, in the sentence or the three before it: past them, others have come into the story in
# sentences not parsed or not parsed right ('Rojkan said ...', a quotation), and the last one parsed
# is no longer meant ('it' is then mostly no one: 'it is worth noting'). Groups ('they') stay: a
# story's police are taken up sentences later.
_PRONOUN_REACH = 3
_FADING = (PERSON, BODY, ANY)


class _Article:
    """An article made ready for the parse: its surnames, dateline and the sentences worth parsing
    (with their look-ups in the dictionaries, made once)."""

    __slots__ = ("text", "sentences", "timexes", "published", "lookups", "aliases", "line_end", "line_country", "whole",
                 "named", "daily", "candidates")

    def __init__(self, text: str, sentences: list[Sentence], timexes: list[Timex], published: date | None):
        self.text, self.timexes, self.published = text, timexes, published
        self.lookups = Lookups(published)
        self.aliases = article_aliases([s.text for s in sentences], published, self.lookups)
        self.line_end, self.line_country = dateline(text)
        self.whole = {s.index: s for s in sentences}  # the sentences as the article has them, for the events
        self.named = {s.index: {m.country for m in self.lookups(s.text).mentions if m.country} for s in sentences}  # (_story_party)
        lead_end = sentences[min(len(sentences), _LEAD) - 1].end if sentences else 0
        # (a brief, shorter than a feature, is the day's news whether its lead dates it or not)
        self.daily = len(sentences) < _FEATURE or of_the_day([t for t in timexes if t.start < lead_end], published)
        sentences = [_after(s, self.line_end) for s in sentences]
        self.candidates = [s for s in sentences if _can_yield(s.text, self.aliases, self.lookups)]

    def events(self, docs: list) -> list[Event]:
        """The article's events from the parses of its candidate sentences."""
        if not self.candidates:
            return []
        published, aliases, line_end = self.published, self.aliases, self.line_end
        placed = [  # (not the dateline's city, nor a country that only names a border: roles.bounding;
                    # people in the role their apposition gives: roles.apposed)
            apposed(doc, [n for n in place_actors(doc, published, aliases, self.lookups)
                          if s.start + n.actor.start >= line_end and not bounding(doc[n.head])])
            for s, doc in zip(self.candidates, docs)
        ]
        actors = [n.actor for nodes in placed for n in nodes]
        main = self.line_country or main_country(actors)
        # the story's scene: the country its phrases of place name most, twice at least and twice as
        # often as any other ('in Syria', 'near Damascus')
        where = Counter(c for doc, nodes in zip(docs, placed) for c in Roles(doc, nodes).places()).most_common(2)
        scene = where[0][0] if where and where[0][1] >= 2 and (len(where) == 1 or where[0][1] >= 2 * where[1][1]) else None
        pair = main_pair([a for a in actors if a.country in _STATES])  # (two states: not Isis, not the UN)
        events: list[_Coded] = []
        recent: dict[str, Actor | None] = {}  # the last actor named before, of each kind a pronoun can stand for
        named_at: dict[str, int] = {}  # the sentence each of them was last named or stood for in
        said: dict[int, Dated] = {}  # the date of the last saying that had one, by sentence (dates.date_of)
        bodies: dict[str, Actor] = {}  # the bodies named so far, by the noun heading their names (_bodies)
        armed: Armed | None = None  # the country of the last armed group named with one (_taken_up)
        for sentence, doc, nodes in zip(self.candidates, docs, placed):
            nodes = [_taken_up(doc, n, armed, sentence.index) for n in nodes]
            armed = _last_armed(nodes, armed, sentence.index)
            nodes = [n if _placed_inside(doc, n, nodes) else _with_main(n, main) for n in nodes]
            nodes = nodes + _named_before(doc, nodes, bodies)
            _bodies(doc, nodes, bodies)
            reach = sentence.index if len(self.whole) < _FEATURE else 0  # (a long story moves from country to country)
            near = set().union(*(self.named.get(i, ()) for i in range(sentence.index - reach, sentence.index + 1)))
            said_before = said.get(sentence.index - 1)
            live = {kind: actor for kind, actor in recent.items()
                    if kind not in _FADING or sentence.index - named_at[kind] <= _PRONOUN_REACH}
            found, saying = _code_sentence(sentence, doc, nodes, self.timexes, published, live, main, pair, near, self.daily, said_before, scene)
            if saying is not None:
                said[sentence.index] = saying
            before = [e.event for e in events if e.event.sentence_index == sentence.index - 1]
            if before and _HOURS_LATER.match(sentence.text):
                found = [_hours_later(c, before) for c in found]
            events += found
            _remember(recent, doc, nodes, [c.source for c in found if c.source is not None], named_at, sentence.index)
        return [_in_whole(e.event, self.whole[e.event.sentence_index]) for e in events]


# A sentence that opens hours or minutes after the one before ('Hours later, Uganda expelled two
# Kenyan diplomats'): TimeML makes the span a duration, no date, but its deeds are of that day.
_HOURS_LATER = re.compile(r"(?:(?:a few|several|some|two|three|four|\d+)\s+)?(?:hours|minutes|moments)\s+later\b", re.IGNORECASE)


def _hours_later(coded: _Coded, before: list[Event]) -> _Coded:
    """An event the sentence dated by nothing of its own, dated by the last day the sentence before
    gave its events."""
    day = next((e for e in reversed(before) if e.date_source == "text" and e.date_precision in ("day", "time")), None)
    if day is None or coded.event.date_source != "published":
        return coded
    event = replace(coded.event, event_date=day.event_date, date_precision="day", date_value=day.event_date.isoformat(),
                    date_source="text")
    return _Coded(event, coded.token, coded.source, coded.target)


def _bodies(doc, nodes: list[Node], bodies: dict[str, Actor]) -> None:
    """Remember the bodies a sentence names by the common noun heading their names ('the UN Security
    Council': 'council'; 'the Thai army': 'army'), for 'the council' after it (_named_before)."""
    for node in nodes:
        head = doc[node.head]
        if head.lower_ in BODY_NOUNS and head.lower_ not in _NO_BODY and node.actor.country and node.last - node.first >= 2:
            bodies[head.lower_] = node.actor


def _named_before(doc, nodes: list[Node], bodies: dict[str, Actor]) -> list[Node]:
    """Nodes for 'the council', 'the commission' when the article named a body by that noun before
    ('Hun Sen wrote to the council ... asking it to intervene', after 'the UN Security Council'):
    a bare singular noun with 'the' and nothing else, that no dictionary names itself."""
    taken = {i for n in nodes for i in range(n.first, n.last)}
    found = []
    for token in doc:
        if token.lower_ not in bodies or token.i in taken or token.tag_ != "NN" or not token.text.islower():
            continue
        if not _bare_definite(token):
            continue
        actor = bodies[token.lower_]
        start = token.idx - doc[0].idx
        found.append(Node(replace(actor, start=start, end=start + len(token.text), name=f"the {token.text}"),
                          token.i, token.i, token.i + 1, False))
    return found


def _bare_definite(noun) -> bool:
    """A noun with 'the' and no other word of its own ('the council', 'the militants'): one that
    takes up something named before, not one that names it."""
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ in ("compound", "amod", "poss", "nmod", "nummod") for c in children)


# Nouns heading names that do not stand for their body when used alone ('the Islamic State' is
# no 'the state', 'the Syrian Democratic Forces' no 'the forces'; many a group is 'the group').
_NO_BODY = frozenset("state states country countries forces force people republic kingdom union government group".split())


def _remember(recent: dict[str, Actor | None], doc, nodes: list[Node], sources: list[Actor], named_at: dict[str, int],
              index: int) -> None:
    """After a sentence, the actors its pronouns' successors can stand for: of each kind (a
    person, a group, a state or body), the sentence's last source of that kind, else its first
    subject of it; and of any kind ('we'), its last source, else its first subject. `named_at`
    keeps the sentence each was last named in, or stood for by a pronoun (_PRONOUN_REACH)."""
    by_head = {n.head: n for n in nodes}
    fresh: dict[str, Actor | None] = {}
    subjects = []
    unknown_speaker = False
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass"):
            node = subject_node(token, by_head)
            if node is not None:
                subjects.append(node)
                fresh.setdefault(antecedent_kind(node, doc), node.actor)
            elif unnamed_person(token):
                fresh.setdefault(PERSON, None)  # 'Sharon Chimejczuk said': 'she' is her, whom no dictionary knows
            if node is None and lemma(token.head) in SAYING:
                unknown_speaker = True  # 'a resident said': a 'we' quoted next is theirs, no actor we know
    for source in sources:
        node = next((n for n in nodes if (n.actor.start, n.actor.end) == (source.start, source.end)), None)
        if node is not None:  # (not an actor a pronoun or the story gave)
            fresh[antecedent_kind(node, doc)] = source
    for kind, actor in recent.items():  # (a pronoun that stood for it names it again: 'he said ... he added')
        if actor is not None and kind not in fresh and any(_same(actor, s) for s in sources):
            fresh[kind] = actor
    recent.update(fresh)
    named_at.update(dict.fromkeys(fresh, index))
    anyone = sources[-1] if sources else subjects[0].actor if subjects else None
    if anyone is not None:
        recent[ANY] = anyone
        named_at[ANY] = index
    elif unknown_speaker:
        recent[ANY] = None
        named_at[ANY] = index


def _in_whole(event: Event, sentence: Sentence) -> Event:
    """The event with its sentence as the article has it (its dateline too, though parsed without)."""
    if event.start == sentence.start:
        return event
    return replace(event, sentence=sentence.text, start=sentence.start)


class _Coded:
    """An event with the token it was coded from (for the saying rule), the source a pronoun after
    it can stand for (none for the copy of an event a conjoined subject or target has: the first one
    named is the one taken up) and its target (for 'the two' after it)."""

    __slots__ = ("event", "token", "source", "target")

    def __init__(self, event: Event, token: int, source: Actor | None, target: Actor | None = None):
        self.event, self.token, self.source, self.target = event, token, source, target


def can_yield(text: str, aliases=None) -> bool:
    """Worth parsing: a word that can code an event (a verb form of the dictionary that has a code,
    or an event noun) and someone who can do it (a dictionary actor, a surname named before, or a
    personal pronoun)."""
    return _can_yield(text, aliases, Lookups(None))


def _can_yield(text: str, aliases, lookups: Lookups) -> bool:
    """can_yield, with the text's look-up from `lookups` (whatever their date: a name is found
    on any date, only the role it gives may change)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not any(w in _CODED_FORMS or w in EVENT_NOUNS for w in words):
        return False
    if any(w in _PERSONAL or w in _ARREST_WORDS or w in PAIR_NOUNS for w in words) or aliases and any(w in aliases for w in words):
        return True  # a pronoun, an arrest (the police's when nobody is named), 'the two countries'
    return bool(lookups(text).mentions)


def _both_spellings(forms: frozenset[str]) -> frozenset[str]:
    """The forms with their British and American spellings of a final l: the dictionary has
    'traveled' and 'cancelled', news writes 'travelled' and 'canceled' too (the lemma is found either
    way, words.py; this is for choosing the sentences to parse)."""
    other = {re.sub(r"([aeiou])l(ed|ing)$", r"\1ll\2", form) for form in forms}
    other |= {re.sub(r"([aeiou])ll(ed|ing)$", r"\1l\2", form) for form in forms}
    return forms | frozenset(other)


# Forms of the verbs that have a code of their own or patterns ('attacked', 'met with').
_CODED_FORMS = _both_spellings(frozenset(
    part for form, lemma in FORMS.items() if DEFAULTS.get(lemma) or lemma in PATTERNS for part in form.split()[:1]
) | frozenset(VERB_ADDITIONS))
_PERSONAL = frozenset({"he", "she", "they", "we"})
_ARREST_WORDS = frozenset(form for form, lemma in FORMS.items() if DEFAULTS.get(lemma) == _ARREST and " " not in form) | frozenset(
    noun for noun, code in EVENT_NOUNS.items() if code == _ARREST)


# 'BANJUL —', 'GOMA, Congo —', 'MARIKANA, South Africa (Reuters) -', 'GAZA/JERUSALEM —': the place a story was filed from.
_DATELINE = re.compile(r"\s*([A-Z][A-Z.'’ /-]+[A-Z.])(?:,\s*([A-Z][\w.'’ -]*?))?\s*(?:\([^)]{0,40}\)\s*)?(?:—|–|--| - )\s*")


def dateline(text: str) -> tuple[int, str | None]:
    """Where a story's dateline ends (0 if it has none) and the country it names: the city is
    no actor of the first sentence, and its country is the story's main country (none for a city
    of international venues, _VENUES)."""
    match = _DATELINE.match(text)
    if match is None:
        return 0, None
    city, country = match.group(1), match.group(2)
    if "/" in city:  # 'GAZA/JERUSALEM —': filed from two places, the story of both; its actors decide
        return match.end(), None
    if city.lower() in _VENUES:
        return match.end(), None  # 'BRUSSELS — European Union leaders agreed ...': the EU's story, not Belgium's
    code = COUNTRIES.get(city.lower())  # the city first: 'GOMA, Congo' is the DR Congo's Goma
    return match.end(), code or (COUNTRIES.get(country.lower()) if country else None)


# Cities whose datelines are of the international bodies that sit there (the EU and NATO in
# Brussels, UN agencies in Geneva, the European Parliament in Strasbourg): a story filed there is
# seldom about the host state, whose country its actors' own then decide (main_country).
_VENUES = frozenset({"brussels", "geneva", "strasbourg"})


# A state's agents abroad (Phoenix.agents.txt: AMBASSADOR, DIPLOMAT, ENVOY [~GOV]): the story's
# country is where they serve, not whose they are ('a western diplomat said').
_ENVOYS = frozenset({"ambassador", "ambassadors", "diplomat", "diplomats", "envoy", "envoys", "consul", "emissary"})


def _after(sentence: Sentence, line_end: int) -> Sentence:
    """The sentence without the dateline it starts with: 'ASMARA — Abiy and Isaias signed' is
    parsed from 'Abiy', so the city is not read as the subject."""
    if not sentence.start < line_end < sentence.end:
        return sentence
    cut = line_end - sentence.start
    return Sentence(sentence.index, line_end, sentence.end, sentence.text[cut:])


def _with_main(node: Node, main: str | None) -> Node:
    """An agent that nothing else places ('the president', 'police', 'rebels') is of the story's
    main country: its dateline's, else the country most of its actors belong to."""
    actor = node.actor
    titled = node.person and actor.sector in STATE_SECTORS  # 'President Bouteflicka': a title says whose
    words = actor.name.lower().split()
    envoy = any(word in _ENVOYS for word in words)
    many = bool(words) and words[-1] in _MANY_STATES  # 'governments': several states
    placeable = not actor.country and not actor.backed and actor.sector and (titled or not node.person)
    if main and placeable and not envoy and not many:
        return replace(node, actor=Actor(actor.start, actor.end, actor.name, main, actor.sector))
    return node


# How many sentences back a definite armed group looks for the one it takes up (_taken_up). Only
# armed groups of no state's forces (_IRREGULAR, whatever the dictionary calls them): 'the
# government', 'the president' are as often the story's own as the last one named.
_TAKEN_UP_REACH = 4
Armed = tuple[str | None, int]  # the last armed group's country (None: of no state) and its sentence


def _last_armed(nodes: list[Node], last: Armed | None, index: int) -> Armed | None:
    """The country of the last armed group named with one, after the sentence's nodes (none after
    an international militant group: what takes it up is of no state)."""
    for node in nodes:
        if node.actor.country == "IMG":
            last = (None, index)  # ('ousting the militants' after 'the Isis caliphate': Isis's, of no state)
        elif node.actor.sector in _IRREGULAR and node.actor.country in _STATES and not node.person:
            last = (node.actor.country, index)
    return last


def _taken_up(doc, node: Node, last: Armed | None, index: int) -> Node:
    """A definite armed group and nothing else ('the militants', 'the rebels') takes up the last one
    named with a country a few sentences before ('Kenyan troops killed 40 al Shabaab
    fighters ... The militants had ambushed a convoy': al Shabaab's), before the story's main
    country would place it."""
    actor = node.actor
    if actor.country or actor.backed or actor.sector not in _IRREGULAR or node.person or node.last - node.first != 1:
        return node
    if last is None or last[0] is None or index - last[1] > _TAKEN_UP_REACH or not _bare_definite(doc[node.head]):
        return node
    return replace(node, actor=replace(actor, country=last[0]))


def _placed_inside(doc, node: Node, nodes: list[Node]) -> bool:
    """An agent whose phrase names the body or country it is of ('troops from the Economic
    Community of West African States', 'officials of the African Union'): that one places it
    (roles' _completed), not the story's main country."""
    heads = {n.head for n in nodes if n.actor.country}
    return not node.actor.country and any(
        child.dep_ == "prep" and child.lower_ in ("of", "from") and any(g.dep_ == "pobj" and g.i in heads for g in child.children)
        for child in doc[node.head].children)  # (its object itself: 'the deputy chief of Israel's militia ally' is no Israeli)


# Agents in the plural that are several states, not one ('governments taking steps to block their
# repatriation'): no story's country for them.
_MANY_STATES = frozenset("governments countries states nations regimes powers administrations ministries".split())


def _code_sentence(sentence, doc, nodes, timexes, published, recent, main, pair, near: set[str], daily: bool,
                   said_before: Dated | None = None, scene: str | None = None) -> tuple[list[_Coded], Dated | None]:
    """The sentence's events, and the date of its last dated saying (for a 'he said' after it)."""
    mentions = find_event_mentions(doc)
    if not mentions:
        return [], None
    roles = Roles(doc, nodes, recent, pair)
    heads = {m.token for m in mentions}
    codes = {m.token: m.code for m in mentions}
    attached = anchors(doc, sentence.start, timexes, heads)
    found: list[_Coded] = []
    seen = set()
    for mention in mentions:
        token = doc[mention.token]
        attempted = False  # (a violent deed someone tried: below)
        if mention.noun:
            ordered = _ordered(token, mention.code, codes.get(token.head.i))
            if token.dep_ in ("dobj", "pobj") and token.head.i in heads and not ordered:
                continue  # 'condemned the attack', 'agreed to talks': the verb codes it
            if token.dep_ == "nsubj" and _same_deed(mention, codes.get(token.head.i)) and roles.source(token.head) is not None:
                continue  # 'US Predator attacks have killed eight al-Qaeda leaders': the killing, by the attacks' doer
            if _ceased(token):
                continue  # 'to stop the offensive', 'an end to the fighting': what is asked is its end
            if _time_of_reference(token, attached):
                continue  # 'e-mail ids procured after his arrest': the arrest only dates what is told
            if mention.code == _ARREST and _held_state(token):
                continue  # 'abused during detention', 'citizens who are in detention': a state, no arrest
            source, target = roles.noun_roles(token)
            location = None
            mode = _noun_mode(token)
            if ordered:
                source = roles.source(token.head)  # 'ordered cruise missile strikes on the airbase': the orderer's
            slot = _counting(token)  # 'held a fourth round of talks': the round stands where the talks do
            taking_part = slot.dep_ == "pobj" and slot.head.lower_ in _TAKING_PART and (
                slot.head.lower_ not in _SEQUEL or mention.code[:2] in _TALKING  # (not 'withdrew after attacks on X')
                or any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children))  # ('after fighting with guerrillas')
            if source is None and (slot.dep_ == "dobj" or taking_part) and slot.head.i not in heads:
                # 'agreed to step down after talks with Condé', 'held talks': the verb's subject
                governor = slot.head.head if slot.dep_ == "pobj" else slot.head
                if pos(governor) in ("VERB", "AUX") and lemma(governor) not in UNDERGONE | _PROMPTING:
                    source = roles.source(governor)  # (not the dead of 'died in clashes')
                    if mention.code == _ARREST and token.dep_ == "pobj" and target is None:
                        source, target = None, source  # 'freed after a long detention': held, not holding
                    elif target is None and taking_part and _same_deed(mention, codes.get(governor.i)):
                        target = roles.target(governor, source)[0]  # 'killed 20 militants in an airstrike': on them
            if source is None and mention.code == _ARREST and _put_under(token):
                governor = token.head.head  # 'placed President Mugabe under house arrest': the placer arrests him
                source = roles.source(governor)
                target = roles.target(governor, source)[0] if source is not None else None
            if source is None and token.dep_ == "pobj" and token.head.lower_ == "behind":
                source = roles.actor_in(_behind(token.head))  # 'the Pakistan-based group behind a suicide car bombing'
            if source is None and mention.code == _ARREST:
                source = _police(main)  # 'the arrest of X': arrests are the police's
        else:
            if lemma(token) in TRYING | IMPLICATIVE and any(c.dep_ == "xcomp" for c in token.children):
                continue  # 'has sought to tout itself', 'managed to close the gap': what is sought or done is the deed
            if lemma(token) in REFUSALS and any(c.dep_ == "xcomp" and c.i in heads for c in token.children):
                continue  # 'declined to comment': what is refused codes the refusal (011), not 'decline' (120)
            if _to_the_writer(token):
                continue  # 'the militants on duty stopped me', 'she told me': the writer's own story
            if lemma(token) in UNDERGONE:
                if any(t.i in heads for t in token.subtree if t.i != token.i):
                    continue  # 'died in police firing': the firing is the event
                source, target, location = roles.undergone(token)
            else:
                source = roles.source(token)
                target, location = roles.target(token, source)
            if source is None:
                first, second = roles.between(token)
                if first is not None:
                    source, target = first, second
            if source is None and found and _the_two(roles.subject(token)):
                # 'met the Ugandan leader on Monday and the two signed a trade deal': those two
                source, target = found[-1].source, found[-1].target
            if target is None:
                target = roles.partner(token, source)
            if target is None:
                target = roles.purposed(token, source)  # 'forces fighting to defeat Islamic State'
            mode = mode_of(token)
            attempted = mode == "intended" and mention.code[:2] in _VIOLENT and _attempted(token)
            if attempted:
                mode = "asserted"  # 'tried to assassinate the governor': an attempt at violence is violence done
            if mode == "negated" and says_no(token, mention.lemma) and not any(c.dep_ == "neg" for c in token.children):
                mode = "asserted"  # 'saw no reason for optimism': a pessimistic comment made, not denied
            if mode == "asserted" and habitual(token) and token.i not in attached and mention.code[:2] not in _STANCES and _told(doc):
                continue  # 'Turkey locks up more journalists than any other government': a habit, no event
            if source is None and _passive(token):
                source = roles.armed_doer(token)  # 'were killed in an Israeli airstrike': Israel's
            if source is None and _passive(token) and lemma(token) in _SENDING_AWAY:
                source = roles.sent_from(token)  # 'the Ugandan ambassador was expelled from Nairobi': Kenya's
            if source is None and lemma(token) in _JUDGING and not _passive(token):
                judge = roles.subject(token)  # 'Moro convicted Lula': a judge no dictionary knows, of the story's courts
                if judge is not None and unnamed_person(judge):
                    start = judge.idx - doc[0].idx
                    source = Actor(start, start + len(judge.text), judge.text, main, _COURTS)
            if (source is None and _passive(token) and mention.lemma in _SHOOTING and target is not None and target.sector in _OUTLAWS
                    and not any(c.dep_ == "nsubjpass" and c.tag_ == "PRP" for c in token.children)):
                source = _police(main)  # 'two terrorists who were shot dead': by the forces of the law, as arrests are
                # (not 'he was shot from close range': whoever he was, the text names him a man, not a gunman)
            if source is None and mention.code == _ARREST and _passive(token):
                # 'were arrested', 'the arrested men', 'arrested by a team'; a sentence is the court's
                source = _court(main) if lemma(token) in _JUDGING else _police(main)
        if not mention.noun and mention.code[:2] in _VIOLENT and _abstract_object(token):
            if lemma(token) not in _ASSAILING:
                continue  # 'killed off any political challenge', 'torpedoed the deal': no force against anyone
            mention = replace(mention, code=_CRITICISM_CODE)  # 'attacked the decision': words against it (111)
        if mode == "demanded" or source is None:
            continue
        if (not mention.noun and mention.code[:2] in ("18", "19") and lemma(token) in _WORDY and target is not None
                and _speaker(source, nodes) and _person(target, nodes) and not _armed(target) and target.sector not in ARMED):
            mention = replace(mention, code=_CRITICISM_CODE)  # 'clashed repeatedly with Trump', 'attacked Pelosi': in words
        if not mention.noun and mention.code[:2] in ("18", "19"):
            weapons = next((codes[c.i] for c in token.children if c.dep_ == "nsubj" and codes.get(c.i) in WEAPON_CODES), None)
            if weapons is not None:
                mention = replace(mention, code=weapons)  # 'a chemical attack killed dozens', 'a drone strike killed': its weapons
        if (mention.code == _MILITARY_FORCE and not mention.noun and lemma(token) in _KILLING and _irregular(source)
                and not any(c.dep_ == "prt" for c in token.children)):  # ('shot down a jet' is combat)
            mention = replace(mention, code=_KILLED_BY_ASSAULT)  # 'Hezbollah guerrillas killed the deputy chief'
        code, mode = coded(_said(token, mention) if not mention.noun else mention.code, mode,
                           stated=not mention.noun and stated(token))
        if attempted:
            code = _ATTEMPTED.get(code, code)  # ('tried to kill' kills no one: an assault, 180)
        if not mention.noun and lemma(token) in _WARNING and _forewarned(token, roles, source):
            code, mode = _PESSIMISTIC, "asserted"  # 'cautioned that Isis will remain a threat': no threat of its own
        if code[:2] == _POSTURE and not mention.noun and target is not None and target.sector in ARMED and (
                target.country in (None, source.country) or not _named_country(target)):
            # 'ordered 10 army battalions to the Colombian border': its own troops (whatever country
            # the story gave them), moved against Colombia
            target = roles.destination(token, source)
        if target is None and code[:2] == _PROTEST and not mention.noun:
            target = roles.aimed_at(token, source)  # 'blocked a road to show disapproval for the US'
        if target is None and code[:2] != _STATEMENT and not mention.noun and lemma(token) not in SAYING:
            target = roles.resulting(token, source)  # 'fired on the camps, killing 50' (not '..., saying')
        if source.sector == _MEDIA and _state_run(doc, source):
            source = replace(source, sector=_GOVERNMENT)  # 'an official Syrian newspaper called on Arabs to unite': the state speaks
        if code[:2] < "13" and _MEDIA in (source.sector, source.country):
            continue  # 'AFP quoted her as saying', 'the Guardian saw a convoy': the press reports, it does no deed of state
        if _private(source, _UNPOLITICAL) and code[:2] < "13" and (target is None or _private(target) or not target.name):
            continue  # 'her mother said', 'civilians gave water to the wounded': no political deed
        if lemma(token) == "join" and code == DEFAULTS["join"] and target is not None and _armed(target):
            code = _JOINED_FORCES  # 'left the UK to join Isis', 'joining the peshmerga': no consultation
        if code[:2] == CONSULT and target is not None and target.sector is None and (
                not _political(source) or _private_person(source, nodes)):
            continue  # 'three pupils travelled to Syria', 'Letts travelled to Syria in 2014': a trip, no consultation
        if not mention.noun and lemma(token) in SAYING and code[:2] == "01":
            asked = next((c for c in token.children if obliged(c)), None)
            subject = next((c for c in asked.children if c.dep_ in ("nsubj", "nsubjpass")), None) if asked is not None else None
            party = roles.actor_in(subject) if subject is not None else None
            if party is not None and party != source and not (party.country and party.country == source.country):
                code, target = "100", party  # 'said that China must drop its barriers': a demand of China (not of one's own state)
            elif asked is None and target is not None and any(c.dep_ == "xcomp" and mode_of(c) == "demanded" for c in token.children):
                code = "100"  # 'told the Pentagon to withdraw its troops': an order, as 'ordered' is (ORDER 100)
            elif asked is None:
                code, target = _blaming(token, code, target, roles, source)
            if code == "010" and target is None:
                target = _spoken_of(token, roles, source)  # 'said the US's move would have dangerous implications'
        elif not mention.noun and lemma(token) in _NAMING and code[:2] == "01":
            code, target = _blaming(token, code, target, roles, source)  # 'described the diversion as hijacking'
        if location is None and not mention.noun:
            location = roles.subject_place(token)  # 'demonstrators in Baghdad blocked a road'
        if not source.country and not source.backed and location is not None and location.country:
            source = replace(source, country=location.country)  # 'people blocked streets in Hong Kong'
        if not source.country and not source.backed and (source.sector in (_POLICE, _COURTS) or code[:3] in _DETAINING):
            # 'detained while on holiday in south-west Turkey': Turkey's police; 'on holiday at the
            # resort of Didim in south-west Turkey, when the authorities arrested him': Turkey's
            home = roles.sentence_place()
            source = replace(source, country=home) if home else source
        if target is None and code[:2] in _PLACE_TARGETS:
            # a protest, a threat, coercion or force with no one named as its target is aimed at
            # the country it happens in: its place, else the story's, else the doer's own
            home = location.country if location is not None else main or source.country
            abroad = _abroad(code, source, scene) or code[:2] in _ABROAD_AS_A_STATE and _a_state(source)
            if location is None and home == source.country and abroad:
                home = None  # 'Turkish forces fired artillery at Afrin' in a story set in Syria: not at Turkey (_story_party)
            if home:
                target = location or Actor(0, 0, "", home, None)
        elif target is not None and not target.country and not target.backed:
            struck = _struck_by_governor(token, roles, source) if not mention.noun else None
            home = struck or (location.country if location is not None else main)  # 'killed three ethnic Albanians in Serbia'
            if location is None and home in (None, source.country) and _abroad(code, source, scene):
                home = scene  # 'Kenyan jets bombed villages' in a story set in Somalia: Somali villages
            target = replace(target, country=home) if home else target
        if (code[:2] == _STATEMENT or lemma(token) in SAYING) and target is not None and _MEDIA in (target.sector, target.country):
            target = None  # 'told reporters', 'told AFP': the press carries a statement, it is not its target
        if target is None and code[:2] != _STATEMENT:  # (a statement with no addressee has none)
            target = _story_party(source, main, pair, near)  # 'Spain condemned the decision': Argentina's
        if target is None and code[:2] != _STATEMENT and source.sector in _INSURGENT and source.country:
            target = Actor(0, 0, "", source.country, None)  # 'the Tigers decided to lay down their arms': to Sri Lanka's state
        if target is not None and _same(source, target):
            target = None
        key = (code, _key(source), _key(target), mode)
        if key in seen:
            continue
        seen.add(key)
        deed = _deed_object(token, codes, attached) if not mention.noun else None
        dated = date_of(token if deed is None else deed, attached, published, daily, said_before, sentence.index < _LEAD)
        found.append(_Coded(build_event(sentence, code, source, target, location, dated, mode), mention.token, source, target))
        for other in roles.co_targets(target) if target is not None and not mention.noun else ():
            if other.country and other.country not in (source.country, target.country):
                # 'Kenya accused Uganda and Tanzania': of Tanzania too
                key = (code, _key(source), _key(other), mode)
                if key not in seen:
                    seen.add(key)
                    found.append(_Coded(build_event(sentence, code, source, other, location, dated, mode), mention.token, None))
        for other in roles.co_subjects(token) if not mention.noun else ():
            if other.country and other.country not in (source.country, target.country if target else None) and (
                    target is None or target.name):  # (a target the story gave the first, not the text, is no one's else)
                # 'Kenyan forces and Ugandan troops attacked al-Shabaab': Uganda's attack too
                key = (code, _key(other), _key(target), mode)
                if key not in seen:
                    seen.add(key)
                    found.append(_Coded(build_event(sentence, code, other, target, location, dated, mode), mention.token, None))
    return _without_reported_sayings(doc, found), dated_saying(doc, attached, published)


# Verbs of calling something by a name: what they call it can condemn it ('described the diversion
# as state-sponsored hijacking', 'called the strikes a crime'): criticism (111), as a saying's words.
_NAMING = frozenset({"describe", "call", "label", "term", "dub", "characterise", "characterize"})
# Words that make what is said a criticism (111) or, saying who is to blame, an accusation (112):
# 'said the withdrawal would be a huge mistake', 'said the Syrian government bore full responsibility'.
_BLAME = frozenset("responsible responsibility blame blamed guilty culprit culprits".split())
_CRITICISM = frozenset(
    "mistake blunder unacceptable unjustified unjustifiable illegal illegitimate outrageous shameful reckless "
    "irresponsible aggression provocation provocative violation violations lie lies false untrue hijacking piracy "
    "crime crimes atrocity atrocities barbaric cowardly disgrace disgraceful hypocrisy hypocritical absurd "
    "ludicrous nonsense condemnable deplorable".split()
)


# Words of approval whose denial is criticism: 'this is simply not true', 'there was no
# justification for the coup', 'the decision is not acceptable'.
_APPROVAL = frozenset("true acceptable justified legitimate legal fair justification excuse".split())


# Verbs of expecting: the files code EXPECT 030 (intent to cooperate), but what one expects of
# others or of events is a forecast, a statement; one's own plan ('expects to sign') is coded by
# its infinitive (mode.TRYING).
_EXPECTING = frozenset({"expect", "anticipate", "predict", "forecast"})


# Verbs of sending someone out of a state, which only that state does: with no 'by' agent, the
# state a 'from' phrase names is the doer ('was expelled from Nairobi', 'deported from Turkey').
_SENDING_AWAY = frozenset({"expel", "deport", "extradite"})


# Verbs and nouns of attempting: violence attempted is violence done, as CAMEO codes an attempt to
# assassinate (185) beside the assassination (186); other deeds attempted are only intended.
_ATTEMPTING = frozenset({"try", "attempt", "strive"})  # (not "seek": "seeks to overthrow" is an aim)
_ATTEMPTS = frozenset({"attempt", "attempts", "bid", "bids"})
_ATTEMPTED = {"186": "185", "1823": "180"}


def _attempted(verb) -> bool:
    """A deed an asserted verb or noun of attempting takes as its infinitive ('tried to kill',
    'an attempt to assassinate the governor was thwarted'), not one only meant ('will try to')."""
    head = verb.head
    if verb.dep_ == "xcomp" and lemma(head) in _ATTEMPTING and pos(head) in ("VERB", "AUX"):
        return mode_of(head) == "asserted"
    if verb.dep_ in ("acl", "xcomp", "relcl") and head.lower_ in _ATTEMPTS and pos(head) == "NOUN":
        governor = head.head
        return governor.i == head.i or pos(governor) not in ("VERB", "AUX") or mode_of(governor) == "asserted"
    return False


# Force (18 assault, 19 fight, 20 mass violence) done to a thing said, decided or hoped is done in
# words or not at all: 'attacked the decision' is criticism, 'killed off any challenge' no event.
_VIOLENT = frozenset({"18", "19", "20"})
_ASSAILING = frozenset({"attack", "assail", "slam", "blast", "savage", "lambast", "hit"})
# Verbs of force that, done by a speaker to a person, are done in words: those of assailing, and
# those of fighting ('the senator clashed with Trump', 'attacked the minister').
_WORDY = _ASSAILING | frozenset({"clash", "fight", "battle", "spar"})
_CRITICISM_CODE = "111"
_ABSTRACT = frozenset(
    "decision decisions plan plans proposal proposals deal deals agreement agreements accord policy policies bill law "
    "laws idea ideas claim claims report reports challenge process hope hopes chance chances strategy move "
    "announcement statement statements remarks remark comments comment criticism argument case initiative "
    "approach stance record credibility reputation legacy plea request ruling verdict speculation rumours".split()
)


def _abstract_object(verb) -> bool:
    """A verb whose direct object is a thing said, decided or hoped ('killed off any challenge')."""
    return any(c.dep_ in ("dobj", "obj") and c.lower_ in _ABSTRACT for c in verb.children)


# Words that make an outlet the state's voice: 'state media', 'an official newspaper', 'state-run television'.
_STATE_RUN = frozenset({"state", "official", "state-run", "state-owned", "state-controlled", "government-run",
                        "government-controlled", "government", "regime"})
_GOVERNMENT = "GOV"


def _state_run(doc, actor: Actor) -> bool:
    """An outlet the state runs, by the words of its phrase in this sentence ('Syrian state media')."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or span.text != actor.name:
        return False  # (an actor a pronoun stood for, named in another sentence)
    root = span.root
    words = {t.lower_ for t in span} | {c.lower_ for c in root.children if c.dep_ in ("amod", "compound", "nmod")}
    return not words.isdisjoint(_STATE_RUN)


# Marks that open or close a quotation: inside one, 'me' is the speaker, not the writer.
_QUOTES = frozenset('“”"')


def _to_the_writer(verb) -> bool:
    """A deed done to the writer, 'me' outside any quotation ('the militants on duty stopped me and
    began asking questions', 'as one recruit described the group to me'): the reporter's own
    story, no deed of politics. Inside a quotation 'me' is the speaker ('“They arrested me”')."""
    if any(c in _QUOTES for c in verb.doc.text):
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "dative", "iobj") and child.lower_ == "me":
            return True
        if child.dep_ in ("prep", "dative") and any(g.dep_ == "pobj" and g.lower_ == "me" for g in child.children):
            return True
    return False


def _said(verb, mention) -> str:
    """The code of a verb of saying or expecting by what it does. A verb of saying that reports a
    clause says it (010, then judged by what it says below), whatever its dictionary's own code:
    the files code ARGUE and CLAIM 110, INSIST 100, ADMIT and REVEAL 050, but 'argued that Isis was
    defeated', 'claimed that all women had left', 'insisted it was staged by rebels', 'admitted he
    had received no guidance' are statements. A pattern's code stands ('claimed responsibility'),
    and so does 'insist' on what is to be done ('insisted that Assad step down'). Expecting
    without a pattern is a forecast (010)."""
    word = lemma(verb)
    if word in _EXPECTING and mention.code == DEFAULTS.get(word):
        return "010"  # 'we can expect further increases', 'expected the proposal to be addressed': a forecast
    if word not in SAYING or mention.code != DEFAULTS.get(word) or mention.code[:2] == _STATEMENT:
        return mention.code
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    if not reported or any(obliged(c) or c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children) for c in reported):
        return mention.code  # ('insisted that Assad step down', 'insisted that Russia must')
    return "010"


# Verbs of warning (WARN, CAUTION: threats in the files) and the code of what they say when it is
# no threat of the speaker's: a pessimistic comment (CAMEO 012: 'warned that the repatriation would
# be extremely difficult', 'cautioned that Isis will remain a threat').
_WARNING = frozenset({"warn", "caution"})
_PESSIMISTIC = "012"
# What befalls those who are warned: 'would face retaliation', 'will pay a big price'.
_REPERCUSSIONS = frozenset({"face", "pay", "suffer", "regret", "bear"})
# Words that make what a warning says a threat: retaliation, a price, war, targets.
_MENACE = frozenset(
    "retaliate retaliation retaliatory response respond consequences consequence price war punish punishment "
    "unchallenged unanswered unpunished target targets legitimate power".split())


def _forewarned(verb, roles, source: Actor) -> bool:
    """A warning whose reported clause foretells what neither the speaker nor its side will do
    nor what will befall the warned: 'cautioned that Isis will remain a threat'. A threat says
    the speaker will act ('warned that it would respond') or the warned will pay ('warned that
    anyone who harmed its citizens would face retaliation')."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    if lemma(clause) in _REPERCUSSIONS or any(t.lower_ in _MENACE for t in clause.subtree):
        return False  # ('could not go unchallenged', 'would make American forces legitimate targets')
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in ("we", "i", "us"):
        return False
    if subject.lower_ in ("anyone", "anybody", "whoever") or any(c.lower_ == "any" for c in subject.children):
        return False  # 'any ship that entered its waters would be sunk': whoever defies the warning
    actor = roles.actor_in(subject)
    if actor is None:
        return subject.lower_ not in ("it", "they", "he", "she")  # (a pronoun no actor stands for: the speaker's side)
    return actor.country != source.country  # 'Isis will remain a threat', not 'Kenya's forces will respond'


def _behind(prep):
    """Who is behind a deed ('the group behind the bombing'): the noun 'behind' modifies, or the
    object of the verb the parser hung it on ('arrested the commander behind the attack')."""
    head = prep.head
    if pos(head) in ("NOUN", "PROPN"):
        return head.head if head.dep_ == "appos" else head  # ('Al-Shabaab, the group behind the attack')
    if pos(head) in ("VERB", "AUX"):
        return next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < prep.i), None)
    return None


def _same_deed(noun, verb_code: str | None) -> bool:
    """An event noun that is the subject of a verb coding the same deed: 'the attack killed 22
    people' (violence both, CAMEO 18 to 20), 'the talks ended in agreement' (one root)."""
    if verb_code is None:
        return False
    violent = ("18", "19", "20")
    return noun.code[:2] == verb_code[:2] or noun.code[:2] in violent and verb_code[:2] in violent


def _denied_approval(token) -> bool:
    """A word of approval denied: a predicate under a negated verb ('is not true') or a noun
    with 'no' ('no justification')."""
    if token.lower_ not in _APPROVAL:
        return False
    if token.dep_ in ("acomp", "attr") and any(c.dep_ == "neg" for c in token.head.children):
        return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)


def _blaming(verb, code: str, target, roles, source):
    """(code, target) of a saying whose reported words blame or condemn: 112 or 111, aimed at the
    reported clause's subject where it names an actor; else the saying as it was."""
    reported = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    named = [c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.tag_ not in ("VB", "VBG")] + [
        g for c in [*verb.children, *(p for o in objects for p in o.children)] if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children if g.dep_ == "pobj"]  # ('described the diversion as hijacking', either attachment)
    words = {t.lower_ for clause in reported + named for t in clause.subtree
             if t.lower_ != "responsible" or t.dep_ in ("acomp", "oprd")}  # not 'the branch responsible for planning'
    if words & _BLAME:
        code = "112"
    elif words & _CRITICISM or any(_denied_approval(t) for clause in reported for t in clause.subtree):
        code = _CRITICISM_CODE
    else:
        return code, target
    blamed = [next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) for clause in reported]
    if named and target is None and objects:
        blamed.append(objects[0])  # 'called Moscow's accusation ludicrous': Moscow
    for token in blamed:
        party = roles.actor_in(token) if token is not None and token.lower_ not in ("it", "this", "that") else None
        if party is not None and party != source:
            return code, party
    return code, target


def _spoken_of(verb, roles, source: Actor) -> Actor | None:
    """The actor a statement is about: the subject of the clause it reports, where that names a
    political actor of another country than the speaker's ('Hahn said Damascus appears intent on
    screening returnees': Damascus; '"Only Russia has the means," he said': Russia). A speaker the
    text gives no country may be speaking of her own state, so a state is no target of hers."""
    reported = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if not reported and verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i:
        reported = [verb.head]  # the quote before 'he said'
    for clause in reported:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in _UNNAMED:
            continue
        party = roles.actor_in(subject)
        if party is None or party.country in (None, source.country) or not _political(party) or _private(party):
            continue  # (not 'Erdogan said Turkey would ...', 'said the children are sick')
        if any(t.idx == party.start for c in subject.children if c.dep_ == "prep" for t in c.subtree):
            continue  # 'said documents from Tanzania were found': about the documents
        if source.country is None and (party.sector is None or party.sector in STATE_SECTORS):
            continue  # 'Belloubet said France is not responding': a speaker of no known country may speak of her own
        return party
    return None


# Pronouns of the speaker, the addressee or a thing: a statement about 'we', 'you' or 'it' is about
# no one named.
_UNNAMED = frozenset({"i", "we", "you", "it", "this", "that"})


def _struck_by_governor(verb, roles, source: Actor) -> str | None:
    """The country of whom the deed a participle clause follows was done to, for those it names
    with none ('attacked a Kenyan army base, killing 20 soldiers': Kenyan soldiers); so too of
    whom the event its subject names was done to ('the attack on a Kenyan base by al-Shabaab
    militants killed 20 soldiers')."""
    event = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in EVENT_NOUNS), None)
    if event is not None:
        struck = roles.noun_roles(event)[1]
    elif verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_ in ("mark", "nsubj") for c in verb.children):
        return None
    else:
        struck, _ = roles.target(verb.head, source)
    return struck.country if struck is not None and struck.country != source.country else None


def _the_two(subject) -> bool:
    """'the two', 'both', 'the two leaders': the two parties an event before it in the sentence had."""
    if subject is None:
        return False
    if subject.lower_ in ("two", "both") and subject.dep_ in ("nsubj", "nsubjpass"):
        return True
    return subject.lower_ in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in subject.children)


def _named_country(actor: Actor) -> bool:
    """An actor whose own words name its country ('Ugandan troops'), not one the story gave it."""
    return any(word in COUNTRIES for word in actor.name.lower().split())


def _story_party(source: Actor, main: str | None, pair: tuple[str, str] | None, near: set[str]) -> Actor | None:
    """The country an event names no target in is about, from the story: its main country when the
    doer is foreign to it, else the other country of the story's pair; only while the story is on
    that country: a short story (under _FEATURE sentences) is on every country it names up to the
    sentence ('The thaw began when Ethiopia's ruling coalition said on June 5 that it would fully
    accept the Algiers agreement', four sentences after Eritrea was last named: Eritrea's), a longer
    one, which moves from country to country, only on those of the sentence itself."""
    if main and source.country and source.country != main and main in near:
        return Actor(0, 0, "", main, None)
    if pair and source.country in pair:
        other = pair[1] if source.country == pair[0] else pair[0]
        return Actor(0, 0, "", other, None) if other in near else None
    return None


# The lead: the sentences whose dates tell a story of the day from a feature (dates.of_the_day).
_LEAD = 3
_FEATURE = 10  # sentences: the wire reports of dated-news-dev have 7 at the median, Guardian articles 34


# Verbs and nouns of ending and of preventing: the event they take is not reported by them ('halt
# the offensive', 'to prevent clashes with Turkey'), its end or its prevention is.
_CEASING = frozenset("stop halt end cease suspend pause freeze prevent avert avoid".split())


# Verbs of commanding a deed: the deed an event noun they take names is done by those who command
# it ('Trump ordered airstrikes against the regime': the strikes are the US's), beside the order,
# when the verb file has no pattern for it (its ORDER * ATTACK is a threat, 138; * CRACKDOWN 170).
_ORDERING = frozenset({"order", "authorize", "authorise"})


# Verbs of bringing an event about, the verb file's uncoded PROMPT block (and CAUSE, FUEL): who
# sparks or triggers protests does not protest ('the arrest of X sparked protests across Kampala').
_PROMPTING = frozenset("actuate cue instigate motivate prompt remind spark trigger trip cause fuel".split())
# Nouns that count or string together events: 'a round of talks', 'a series of attacks', 'a wave of arrests'.
_ROUNDS = frozenset("round rounds series wave waves spate string flurry barrage volley campaign".split())


def _counting(noun):
    """The noun an event noun is counted by ('a fourth round of talks': round), else itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _ROUNDS:
        return noun.head.head
    return noun


def _ordered(noun, code: str, verb_code: str | None) -> bool:
    """A deed of force or coercion (CAMEO 15-20) a verb of commanding takes as its object, the
    verb coded by its plain entry (no pattern of the file named the deed)."""
    return (noun.dep_ == "dobj" and lemma(noun.head) in _ORDERING and code[:2] in ("15", "16", "17", "18", "19", "20")
            and verb_code == DEFAULTS.get(lemma(noun.head)))


def _deed_object(verb, codes: dict[int, str], attached):
    """The event noun a verb does as its object, when it has a date of its own and the verb none:
    'held talks on Jan. 2' (the parse hangs the date on 'talks'), 'staged a protest on Friday'.
    Its code has the verb's root: the verb only says that it is done. Or the noun the pattern
    coding the verb names, its object or that of its preposition ('declared a ceasefire on Monday',
    'called for a ceasefire on Monday'): verb and noun say one event, not two ('condemned the attack')."""
    if attached.get(verb.i):
        return None
    code = codes.get(verb.i, "")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ not in _TIME_PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
    return next((c for c in objects if attached.get(c.i) and (
        c.dep_ == "dobj" and codes.get(c.i, "")[:2] == code[:2] or c.lower_ in EVENT_NOUNS and names_in_pattern(verb, c))), None)


# Prepositions that place a deed in time against an event ('arrested them after the protest in 2019'):
# the event is another, with its own date.
_TIME_PREPOSITIONS = frozenset({"after", "before", "since", "until", "during", "following", "amid"})


def _time_of_reference(noun, attached) -> bool:
    """An event noun that only dates what the sentence tells: a bare one ('his arrest', 'the
    vote') after 'after', 'since', 'before' or 'until', with no date, place, party or modifier of
    its own ('since his arrest', not 'after the US-led attack on Mosul')."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in ("after", "since", "before", "until") and not attached.get(noun.i)
            and all(c.dep_ in ("det", "poss", "case") for c in noun.children))


# Verbs that put someone under arrest: the arrest is their deed, done to their object.
_PUTTING = frozenset({"place", "put"})


def _put_under(noun) -> bool:
    """A noun of arrest after 'under' of a verb of putting ('placed Mugabe under house arrest')."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and lemma(noun.head.head) in _PUTTING


def _held_state(noun) -> bool:
    """A noun of arrest that says where someone is, not that anyone was arrested: the object of
    'in', 'during' or 'while' ('abused during detention', 'the men in detention'), or of 'under'
    after being or remaining ('has been under house arrest since 2011')."""
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ == "under":
        held = noun.head.head
        return held.lower_ in COPULAS or lemma(held) in ("be", "remain", "stay", "live")
    return noun.head.lower_ in ("in", "during", "while")


def _ceased(noun) -> bool:
    """An event noun that is what is to end or has ended ('stop the offensive', 'an end to the
    fighting', 'halt to the shelling')."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to":
        head = head.head
    return noun.dep_ in ("dobj", "pobj") and lemma(head) in _CEASING


def _noun_mode(noun) -> str:
    """An event noun is as done as the verb it is the object or subject of: 'demanded the arrest of'
    and 'called for a ban and the arrest of' ask for it, 'my arrest would not be' supposes it; 'the
    risk of an attack', 'vulnerable to attack', 'an alleged attack', 'bracing for a Turkish attack',
    'feared an attack', 'clashes ... are a distinct possibility', 'an attack is likely' say it may
    have come or may come, 'the planned talks' that it is to come; what 'there' is said to be is as
    done as that 'be' ('there may be arrests').
    One under 'any' is no deed in particular ('will call the shots in any offensive'), one under
    'no' none at all ('no attack took place')."""
    mode = _governed_mode(noun)
    quantifier = {c.lower_ for c in noun.children if c.dep_ == "det"} & {"any", "no"}
    if mode == "asserted" and quantifier:
        return "negated" if "no" in quantifier else "hypothetical"
    return mode


def _governed_mode(noun) -> str:
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if modifiers & _UNCERTAIN:
        return "hypothetical"  # 'an alleged chemical weapons attack', 'a possible Turkish offensive'
    if modifiers & _AHEAD:
        return "intended"  # 'a planned offensive', 'an imminent attack'
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # 'a ban on the VHP and arrest of its leaders': as the ban
    head = noun.head
    if noun.dep_ == "pobj" and pos(head) == "ADP":
        verb = head.head
        if head.lower_ in ("of", "to") and verb.lower_ in _POSSIBILITY:
            return "hypothetical"  # 'the risk of a Turkish offensive', 'vulnerable to Turkish attack': not done
        if head.lower_ == "for" and lemma(verb) in _ASKING_FOR:
            return "demanded"  # 'called for the arrest of'
        if head.lower_ == "for" and lemma(verb) in _AWAITING:
            return "hypothetical"  # 'bracing themselves for a Turkish attack': yet to come
        if lemma(verb) not in _SUPPORT_VERBS:
            return "asserted"  # 'promised to set up a committee at a meeting in Sochi': the meeting was held
        head = verb  # 'may be put under house arrest', 'went on strike': the noun is the verb's deed
    if noun.dep_ == "nsubj" and head.lower_ in COPULAS and any(
            c.dep_ in ("attr", "acomp") and c.lower_ in _POSSIBILITY | _LIKELY for c in head.children):
        return "hypothetical"  # 'direct clashes ... are now a distinct possibility', 'an attack is likely'
    if pos(head) in ("VERB", "AUX") and noun.dep_ == "dobj" and lemma(head) in _AWAITING:
        return "hypothetical"  # 'awaiting an offensive', 'feared an attack'
    existential = noun.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children)  # 'there may be arrests'
    if pos(head) in ("VERB", "AUX") and (noun.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") or existential):
        mode = mode_of(head)
        asked = lemma(head) in _ASKING_FOR and noun.dep_ != "nsubj"  # ('the protest called for': held)
        return "demanded" if mode == "demanded" or asked else mode
    return "asserted"


# Adjectives that say an event noun's deed is not known to have happened ('an alleged attack', 'a
# possible offensive') or is yet to come ('a planned offensive', 'an imminent attack').
_UNCERTAIN = frozenset("alleged suspected purported supposed rumoured rumored possible potential feared expected "
                       "likely hypothetical".split())
_AHEAD = frozenset("planned proposed imminent looming impending threatened upcoming forthcoming prospective".split())
# Nouns and adjectives of what may come: an event noun after their 'of' or 'to' has not happened.
_POSSIBILITY = frozenset(
    "risk risks danger dangers fear fears prospect prospects possibility likelihood spectre specter chance chances threat threats "
    "vulnerable exposed prone susceptible liable".split()
)
# Adjectives that say an event may come ('an attack is likely').
_LIKELY = frozenset("possible likely probable imminent inevitable unlikely conceivable".split())
# Support verbs: with an event noun after a preposition they say that it happens, and how surely
# ('put under arrest', 'taken into custody', 'went on strike', 'came under fire').
_SUPPORT_VERBS = frozenset("put place take keep hold bring go come".split())
# Verbs of awaiting and fearing: an event noun they take as object or after 'for' may come, it has
# not ('bracing for a Turkish attack', 'awaiting the offensive', 'feared an attack'); whose plan
# it is they do not say (so it is no intention of the doer's, CAMEO 13x or 03x).
_AWAITING = frozenset("brace prepare wait await expect anticipate fear dread".split())
# Verbs whose object is asked for, not done: 'demanded the arrest', 'called for talks'.
_ASKING_FOR = frozenset("call urge demand seek ask press request appeal insist".split())


def _told(doc) -> bool:
    """A sentence of a report's body, not a headline: it ends as sentences do ('Police arrest five
    in Delhi' tells the news in the present)."""
    text = doc.text.rstrip()
    return bool(text) and text[-1] in ".!?\"'”’)"


def _passive(verb) -> bool:
    """A passive ('were arrested') or a participle ('the men detained'); the coder asks only when
    no 'by' agent names an actor ('were arrested by a team of officers')."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.dep_ in ("acl", "relcl", "amod") and verb.tag_ == "VBN"


def _same(a: Actor, b: Actor) -> bool:
    return a.name == b.name and a.country == b.country


def _key(actor: Actor | None):
    return (actor.country, actor.sector, actor.name.lower()) if actor else None


def _without_reported_sayings(doc, found: list[_Coded]) -> list[_Coded]:
    """Drop a saying whose reported clause gave an event of its own."""
    if len(found) < 2:
        return found
    kept = []
    tokens = {c.token for c in found}
    for c in found:
        token = doc[c.token]
        if lemma(token) in SAYING or c.event.cameo_root == "01":
            reported = {t.i for child in token.children if child.dep_ in ("ccomp", "parataxis", "xcomp") for t in child.subtree}
            if token.dep_ == "parataxis":  # 'X accepted the apology, the office said': the deed is its head
                reported |= {t.i for t in token.head.subtree}
            reported |= {t.i for child in token.children if any(misparsed_report(g) is not None for g in child.children)
                         for t in child.subtree}  # ('youths resorted to throwing stones ..., officials said')
            if reported & (tokens - {c.token}):
                continue
        kept.append(c)
    return kept
