"""Roles from the tree: who did it (source) and to whom (target), read off the parse.

- The source is the verb's subject (a clause as subject is a cause, no doer: 'Chasing Kurdish
  forces from Afrin allowed Turkey to boast'); of a passive, its 'by' agent (and the subject is the target),
  also one it shares with a passive conjunct ('were abducted and killed by rebels'); an agent that
  names no actor leaves it without one ('a proposition disputed by many experts').
- A name after a comma that no comma closes before the verb is the verb's subject, though the
  parse makes it the apposition of the name before ('the defence secretary, Jim Mattis, Trump has
  said'). A verb without a subject of its own takes its governor's: a coordinated verb ('met and
  signed'), an infinitive ('agreed to withdraw'; with an object before it, that object: 'urged
  Putin to ensure'), a participle ('..., ending the standoff'); a gerund after 'accused X of',
  'blamed X for', 'stopped X from' is X's deed. A relative pronoun stands for the noun its clause
  modifies ('Jammeh, who had ruled'); as an object ('Prabhakaran, whom it said troops had killed'; 'the YPG, which they
  accuse') for a person or an actor named as the antecedent, not a thing with a name inside it
  ('the Salisbury incident, which the UK blamed on the Kremlin').
- The target is the direct object, else the indirect one ('told Erdogan'), else the object of a
  preposition the frame takes ('against', 'on', 'with', 'to', 'into', 'at'); inside an event noun
  it is the noun's own dependent ('the release of X', 'sanctions on X'). Joint doers are each
  other's target only in a deed done to each other ('Kenya and Uganda met', not '... denied').
  An object after the last of coordinated verbs is each one's ('captured and killed soldiers',
  'either shunned or impeded any UN involvement'), after the verb's own prepositions. What is
  discussed is a topic, no party ('discussed North Korea's missile launches'); whom it is
  discussed with is ('discussed developments in Syria with the Turkish president').
- An actor of a phrase is the one heading it, else the nearest one inside it ('officials of the
  Afghan government'); an actor without a country takes one from an actor inside its phrase
  ('troops from ECOWAS') or from its apposition ('Bezsonov, an official of the DPR'); a person
  whose apposition names only a place is a civilian of it ('Maha Yassin, a mother-of-four from
  east Ghouta'), not its state.
- A passive's subject undergoes it, the antecedent of a relative one ('the fighter, who was
  killed'); so does the subject of a bare participle after 'see', 'want', 'have' ('to see Assad
  removed'), which has no doer of its own, and the governor's subject of a clause a bare past
  participle opens ('Backed by Russia, government forces ...'; without 'by', no one named did it).
- The possessor of a noun of will does what its infinitive says ('Trump's decision to withdraw').
- Places are where, not whom: a country in 'in', 'at', 'near' phrases is the location, and so
  is a direct object country only where the action is not done to a place.
- A pronoun stands for an actor it agrees with ('he'/'she' a person, 'they' a group or body, 'it'
  a state or body): the nearest such subject before it in its sentence, else the last one before
  the sentence (a person or a body only if named in the three sentences before: coder.py); a name
  no dictionary knows ('Sharon Chimejczuk said') takes 'she' with it, also when a place is named
  beside it ('Afif Ahmed, a merchant from Douma': not Douma). An 'it' that stands for a clause
  after it stands for no one ('it was a mistake to invade', 'it is clear that').
- What is fired, sent or withdrawn is no target ('fired cruise missiles at a Syrian air base',
  'sent troops into Syria'; 'withdrew its troops from Somalia': Somalia), nor what is waged
  against someone ('fought an insurgency against the Turkish state': the Turkish state), nor a
  place inside a 'between' phrase ('between rebels and al-Qaida in Idlib province'); a noun of
  relation is not its other side ('Iran's proxies'); a protest is aimed
  at whom its purpose names; a place that names an attack is where it struck ('the Salisbury
  attack', 'the Afrin offensive'), not who struck; a passive deed done in an actor's attack is
  that actor's ('killed in an Ethiopian airstrike'), and a passive's subject does its infinitive
  ('X is thought to have').
- A border things are sent to is its country's ('sent troops to the Ugandan border'), and the
  forces a verb of military posture moves are the doer's own, not its target (destination).
  Conjoined subjects each do the deed, and it is done to each of conjoined targets (co_subjects,
  co_targets: coder.py makes an event of each). A protest whose place is a body is aimed at it
  ('outside the Ugandan embassy'); a group after 'at' is aimed at ('fired tear gas at
  protesters'); someone expelled from a state's place with no 'by' agent, by that state
  (sent_from). A statement is aimed at the foreign political actor its reported clause is about
  (coder._spoken_of).
- 'They' stands for a group or a people, not a place or a state named as itself ('Turkey, they
  said'). People fired at after a noun of number are the target ('at hundreds of protesters'); an
  object noun of a deed with a 'by' phrase is aimed at that doer ('condemned the execution of four
  men by the government'); a passive adverbial clause with a subject of its own is done by no one
  its governor names ('struck Gaza after rockets were fired into Israel').
"""

from __future__ import annotations

from dataclasses import replace

from eventpipe.transforms.coding.mentions import EVENT_NOUNS
from eventpipe.transforms.coding.words import (
    ACCUSING, COPULAS, PREVENTING, SAYING, counted, governor_of, lemma, misjoined, misparsed_report, pos, purpose_clause, shared_objects, willed_by,
)
from eventpipe.transforms.actors import RELATED, RELATIONAL, Actor
from eventpipe.transforms.coding.actors import INTERNATIONAL, STATES, Node
from eventpipe.transforms.tables.countries import COUNTRIES
from eventpipe.transforms.tables.verbs import SYNSETS

_SUBJECTS = ("nsubj", "csubj", "expl")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_TARGET_PREPOSITIONS = ("against", "on", "with", "to", "into", "at", "toward", "towards", "upon", "from", "for", "over", "between")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "inside", "outside", "around", "throughout"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "his", "her", "their", "its"})
# Verbs of asking whose object may be the subject of the clause asked for.
DIRECTIVES = frozenset("demand urge call ask insist press request appeal order tell warn".split())
# Verbs whose subject undergoes the deed the dictionary codes ('two men died': Phoenix files DIE
# under 190): the subject is the target, the doer is named in the event it died in ('died in
# police firing'), else there is none.
UNDERGONE = frozenset({"die"})
_DIED_IN = frozenset({"in", "during", "after", "from", "by"})
ARMED = frozenset({"COP", "MIL", "UAF", "REB", "INS", "SPY"})
# Agents a state or group acts through: 'its troops', 'their envoys' are the doer's own.
_AGENTS_OF_A_STATE = ARMED | {"GOV"}
_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
# Nouns of an armed actor's action that the event nouns lack ('during the police action').
_OPERATIONS = frozenset({"action", "operation", "operations", "crackdown", "assault", "bombardment", "strike"})
# Nouns of what is done to someone: their possessor undergoes it (noun_roles).
_UNDERGONE_NOUNS = frozenset(
    "arrest arrests detention release killing murder assassination execution expulsion deportation extradition "
    "capture abduction kidnapping imprisonment jailing".split())
# Nouns inside which the real party is named: 'the release of X', 'the government of Y'.
_OF = frozenset({"of", "from", "for", "on", "against", "with", "between", "by"})
# What is fired, dropped or thrown is the means of a deed, never whom it is done to, though
# Phoenix.agents.txt files some as armed agents (CRUISE_MISSILE, SCUD_MISSILE [~MIL]).
_MUNITIONS = frozenset("missile rocket shell bomb mortar grenade bullet projectile munition artillery fire gunfire".split())
# Verbs of sending and supplying: their object is what goes, their target whom it goes to; of
# withdrawing and recalling, whom it leaves ('withdrew its troops from Somalia': Somalia).
_TRANSFERS = frozenset("send deploy dispatch supply deliver ship provide transfer airlift donate withdraw recall".split())
_BOUND_FOR = frozenset({"to", "into", "from", "for"})
# Prepositions of moving towards a place ('to the Colombian border', 'towards the frontier').
_TOWARD = frozenset({"to", "toward", "towards"})
# Verbs of talking about something: their object is the topic, their target whom they talk with
# ('discussed security cooperation and North Korea's missile launches', 'discussed Syria with Putin').
_TOPICAL = frozenset({"discuss", "debate"})
# Verbs of leaving and crossing: when their object is a place left, their infinitive is the purpose
# of the one who leaves ('left the UK to join Isis'), not of the place.
_LEAVING = frozenset("leave flee quit cross exit abandon desert".split())
# Verbs of fighting, whose 'for' names the side fought on, not the one fought.
_FIGHTING = frozenset({"fight", "battle", "combat", "die"})
# Verbs whose joint doers act with each other, also in the passive ('the plan was agreed by Putin
# and Erdogan'); the joint doers of other passives act together on a third ('blocked by Turkey and Iran').
_RECIPROCAL = frozenset("agree sign negotiate conclude reach seal strike forge discuss hold".split())
# Verbs done to each other by joint doers named in one noun ('Cambodian and Thai troops traded
# fire', 'Thai and Cambodian officials met'); with others, such doers act together on a third.
_MUTUAL = _RECIPROCAL | frozenset("trade exchange clash meet talk confer skirmish".split())
# 'in defiance of X', 'in protest at X', 'in opposition to X': the one a deed stands against.
_STANCES = frozenset({"defiance", "protest", "opposition"})


# What a pronoun can stand for (English agreement of person and number): a person (a named one,
# or one word of a role, 'the president', 'a spokesman'), a group (a plural: 'Turkish forces',
# 'police', 'the rebels'), or a state or body (a country, an organisation, a government).
PERSON, GROUP, BODY, ANY = "person", "group", "body", "any"
_PRONOUN_KINDS = {"he": (PERSON,), "she": (PERSON,), "his": (PERSON,), "her": (PERSON,), "they": (GROUP, BODY),
                  "their": (GROUP, BODY), "it": (BODY,), "its": (BODY,)}
# Singular nouns of the agent dictionary that name bodies, not people ('the government ... it').
BODY_NOUNS = frozenset(
    "government administration regime army military ministry parliament council court party company agency commission "
    "committee cabinet authority coalition alliance force navy embassy office organisation organization group movement "
    "front union department bank opposition media press senate congress assembly state legislature junta leadership "
    "command service tribunal board mission presidency secretariat network guard".split()
)
# Codes of organisations, groups and outlets in the country column: no one's person ('Isis', 'the Times').
_BODY_CODES = INTERNATIONAL | {"MED"}
_GROUPS = frozenset({"police", "military", "taliban", "militia", "staff", "personnel", "people", "public"})
_CIVILIAN = "CVL"  # (CAMEO's civilians: individuals with no role of state or group)


def _place_words(actor: Actor) -> bool:
    """An actor that is only the name or adjective of a state or a place in one ('Ghouta',
    'Australian', 'Syrian Kurdish'), not a body named after it ('Syrian Negotiations Commission')."""
    return (actor.sector is None and actor.country in STATES and not actor.backed
            and all(word in COUNTRIES for word in actor.name.lower().replace("the ", "").split()))


def antecedent_kind(node: Node, doc) -> str:
    """PERSON, GROUP or BODY: which pronouns an actor on the parse can be taken up by."""
    token = doc[node.head]
    if token.tag_ in ("NNS", "NNPS") or token.lower_ in _GROUPS:
        return GROUP
    if node.actor.country not in _BODY_CODES and (
            node.known or node.person or token.tag_ == "NN" and node.actor.sector and token.lower_ not in BODY_NOUNS):
        return PERSON
    return BODY


def subject_node(subject, by_head: dict) -> Node | None:
    """The actor a subject names: its own, else one inside its name ('Army chief Gen. Prayuth
    Chan-ocha', 'Alex Younger, the head of MI6,')."""
    node = by_head.get(subject.i)
    if node is None:
        parts = [t for c in subject.children if c.dep_ in ("compound", "appos") for t in c.subtree]
        node = next((by_head[t.i] for t in parts if t.i in by_head and not _in_clause(t, subject)
                     and not _bare_place(by_head[t.i])), None)  # ('Afif Ahmed, a merchant from Douma inside Ghouta': not Ghouta)
    return node


def _bare_place(node: Node) -> bool:
    """A place or a body of no sector the dictionaries file under a state, but no person, group or
    international body: what a subject's name or apposition may mention beside the person it names.
    (Stricter, _place_words: only the words of a place.)"""
    return node.actor.sector is None and not node.person and node.actor.country not in INTERNATIONAL


def unnamed_person(subject) -> bool:
    """A subject that is a proper name no dictionary knows ('Sharon Chimejczuk said')."""
    return subject.tag_ == "NNP" and subject.text[:1].isupper()


class Roles:
    """Actors of one parsed sentence, looked up by the tokens of its tree."""

    def __init__(self, doc, nodes: list[Node], recent: dict[str, Actor] | None = None, pair: tuple[str, str] | None = None):
        self.doc = doc
        self.pair = pair  # the article's two main countries, for 'the two countries', 'both sides'
        self.nodes = nodes
        self.by_head = {n.head: n for n in nodes}
        self.recent = recent or {}  # the last actors named before this sentence, by kind (for 'he', 'they', 'it')

    def actor_in(self, token, depth: int = 0) -> Actor | None:
        """The actor a phrase names: its head's, else the nearest one inside it (breadth first,
        through modifiers and 'of'/'from' phrases, never into a clause). An event noun names its
        doer ('the attack ... by Somali militants'), never whom it is done to ('on Kenyan troops')."""
        if token is None:
            return None
        if token.lower_ in _PRONOUNS and token.i not in self.by_head:
            if token.dep_ not in _SUBJECTS + _PASSIVE_SUBJECTS or _expletive(token):
                return None
            said_by, speaker = self._speaker(token)
            return speaker if said_by else self._antecedent(token)
        node = self.by_head.get(token.i)
        if self.pair and _pair_phrase(token) and (node is None or not node.actor.country):
            # 'both governments': the story's two countries, the first here (partner() gives the other)
            sector = node.actor.sector if node is not None else PAIR_NOUNS[token.lower_]
            return Actor(token.idx, token.idx + len(token.text), token.text, self.pair[0], sector)
        if node is not None:
            return self._completed(node, token)
        if token.lower_ in RELATIONAL:
            return self._related(token)
        event = token.lower_ in EVENT_NOUNS
        if event and depth == 0:
            doer = self.noun_roles(token)[0]  # 'the attack on Kenyan troops by Somali militants killed five'
            if doer is not None:
                return doer
        frontier = [token]
        for _ in range(3):
            nxt = []
            for t in frontier:
                for child in t.children:
                    if child.dep_ in ("relcl", "acl", "ccomp", "advcl", "conj", "cc", "punct", "appos"):
                        continue
                    if child.dep_ == "prep" and (child.lower_ not in _OF or event and child.lower_ in ("on", "against")):
                        continue  # (an event's 'on' or 'against' phrase names whom it is done to)
                    hit = self.by_head.get(child.i)
                    if hit is not None and _named_after(child, hit):
                        continue  # 'accept the Algiers agreement', 'the Sochi conference': a name, no party
                    if hit is not None and not _place_phrase(child):
                        return self._completed(hit, child)
                    if child.lower_ in RELATIONAL and hit is None:
                        related = self._related(child)  # 'the deputy chief of Israel's militia ally': not Israel
                        if related is not None:
                            return related
                        continue
                    nxt.append(child)
            frontier = nxt
        for child in token.children:  # 'Daniil Bezsonov, an official of the DPR'
            if child.dep_ == "appos":
                actor = self.actor_in(child, depth + 1) if depth < 2 else None
                if actor is not None and token.tag_ == "NNP" and _place_words(actor):
                    # 'Maha Yassin, a mother-of-four from east Ghouta': a person of that country, not its state
                    return Actor(token.idx, token.idx + len(token.text), token.text, actor.country, _CIVILIAN)
                return actor
        return None

    def _related(self, noun) -> Actor | None:
        """The actor a noun of relation names ('ally', 'proxy', 'rival'): not its other side, the
        possessor or compound ('Damascus's ally', 'the US proxy', 'Iran's proxies' are not
        Damascus, the US, Iran), but an adjective that says who it is beside a possessor
        ('Damascus's Russian ally': Russia) or an apposition ('Assad's backer, Russia'); with
        neither, no one the dictionaries name."""
        other = any(c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        for child in noun.children:
            if other and child.dep_ == "amod" and child.i in self.by_head:
                return self._completed(self.by_head[child.i], child)
            if child.dep_ == "appos":  # 'Assad's backer, Russia'
                return self.actor_in(child)
        return None

    def _antecedent(self, pronoun) -> Actor | None:
        """The actor named before that a pronoun can stand for: 'he'/'she' a person, 'they' a
        group (else a body: 'the government ... they'), 'it' a state or body, 'we' anyone."""
        kinds = _PRONOUN_KINDS.get(pronoun.lower_, (ANY,))
        plural = GROUP in kinds  # 'they' are people, not a place or a state named as itself ('Raqqa ... when they ask')
        before = [t for t in self.doc[: pronoun.i] if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in _PRONOUNS]
        for subject in reversed(before):  # 'Prayuth announced ... after talks he had convened': this sentence first
            node = subject_node(subject, self.by_head)
            kind = antecedent_kind(node, self.doc) if node is not None else None
            if kind in kinds and not (plural and kind == BODY and _place_words(node.actor)):
                return node.actor  # (a people stays a group: 'the Americans ... they')
            if node is None and PERSON in kinds and unnamed_person(subject):
                return None  # a person the dictionaries lack
        for kind in kinds:
            named = self.recent.get(kind)
            if kind in self.recent and not (plural and kind == BODY and named is not None and _place_words(named)):
                return named
        return None

    def _speaker(self, pronoun) -> tuple[bool, Actor | None]:
        """Whether a subject pronoun of a reported clause stands for the subject of the verb that
        reports it, and that subject's actor ('Syria says it will not accept ...'); a person no
        dictionary knows keeps his 'he' ('Brexit secretary David Davis hinted he backs': no actor,
        not the last person named before)."""
        verb = pronoun.head
        for _ in range(4):
            if verb.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or verb.head.i == verb.i:
                return False, None
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            subject = subject if subject is None else _unclosed_apposition(subject, verb) or subject
            if subject is not None and subject.lower_ not in _PRONOUNS:
                actor = self.actor_in(subject)
                if actor is not None:
                    return True, actor
                named = [subject, *(c for c in subject.children if c.dep_ == "appos")]  # (not 'the Tory grandee')
                personal = pronoun.lower_ in ("he", "she") and any(unnamed_person(t) for t in named)
                return personal, None
        return False, None

    def _completed(self, node: Node, token) -> Actor:
        """An actor without a country takes the country of an actor inside its phrase or its
        apposition ('troops from ECOWAS', 'Bezsonov, an official of the DPR'), else of the state or
        group or person an 'its', 'their', 'his' or 'her' before it stands for ('Russia has pulled back
        its ground forces', 'Assad said his troops would')."""
        actor = node.actor
        if actor.country or actor.backed or token.lower_ in RELATED:
            return actor  # ('the victims of an Islamic State cell' are not its)
        for child in token.children:
            if child.dep_ in ("prep", "appos", "poss", "compound", "amod", "nmod"):
                for t in child.subtree:
                    inner = self.by_head.get(t.i)
                    if inner is not None and inner.head != node.head and inner.actor.country:
                        return replace(actor, country=inner.actor.country, sector=actor.sector or inner.actor.sector)
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")), None)
        if owner is not None and actor.sector:  # 'its military forces', 'attacking its troops': the state's it stands for
            antecedent = self._antecedent(owner)
            if antecedent is not None and antecedent.country:
                return replace(actor, country=antecedent.country)
        return actor

    def subject(self, verb, seen: int = 0):
        """The token that does a verb's deed, and whether it came through a passive 'by'."""
        if _small_passive(verb):
            return None  # 'wants to see Assad removed': Assad undergoes it
        for child in verb.children:
            if any(misparsed_report(c) is not None for c in child.children):
                continue  # 'youths resorted to ..., officials said': the officials say it, the youths did it
            if child.dep_ in _SUBJECTS and child.lower_ != "whom":  # ('whom it said troops had killed': an object)
                if child.lower_ in _RELATIVES and verb.dep_ in ("relcl", "acl"):
                    return verb.head  # 'Jammeh, who had ruled'
                if child.dep_ == "csubj":
                    # a clause as subject is a cause, no doer: 'Chasing Kurdish forces from Afrin
                    # allowed Turkey to boast' (not the forces); its own subject, if it has one
                    return next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                return _unclosed_apposition(child, verb) or child
            if child.dep_ in _PASSIVE_SUBJECTS and lemma(verb) in _STATIVE and not _passive(verb):
                return child  # 'troops are engaged in combat': they fight
        if _passive(verb):
            # its own 'by' agent, else that of a passive conjunct after it ('detained and forcibly
            # disappeared by Isis': both by Isis)
            shared = [c for c in verb.children if c.dep_ == "conj" and (_passive(c) or c.tag_ == "VBN") and not any(
                g.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS for g in c.children)]  # (not 'and they have been taken in by X')
            if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
                shared = []  # ('were thought to have been trying ..., and have since been questioned by X')
            for passive in [verb, *shared]:
                agent = next((g for c in passive.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
                if agent is not None:
                    return agent
            return None
        if seen > 4:
            return None
        if verb.dep_ == "xcomp":  # 'urged Putin to ensure': the object does it
            obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
            place = self.by_head.get(obj.i) if obj is not None else None
            if lemma(verb.head) in _LEAVING and place is not None and place.actor.sector is None and not place.person:
                obj = None  # 'left the UK to join Isis': a place left, the leaver does it ('leaving the adviser to hold talks': he does)
            if obj is None:  # 'Russia is thought to have supplied', 'was forced to withdraw': the passive's subject
                obj = next((c for c in verb.head.children if c.dep_ in _PASSIVE_SUBJECTS), None)
            return obj if obj is not None else self.subject(verb.head, seen + 1)
        joined = misjoined(verb)
        if joined is not None:
            return self.subject(joined, seen + 1)  # 'accused Kenya of violating ... and recalled its ambassador'
        if verb.dep_ in ("conj", "advcl") and pos(verb.head) in ("VERB", "AUX"):
            if verb.dep_ == "advcl" and verb.tag_ not in ("VBG", "VBN") or lemma(verb.head) in UNDERGONE:
                return None  # a clause of its own with no subject written; the dead of 'died ... firing'
            if verb.dep_ == "conj":
                # the nearest conjunct before it with a subject of its own: 'the militants arrived and
                # opened fire, but police sentries posted there killed one' (all conjuncts of 'arrived')
                for sibling in sorted((c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i), key=lambda c: -c.i):
                    own = next((c for c in sibling.children if c.dep_ in _SUBJECTS), None)
                    if own is not None:
                        return self.subject(sibling, seen + 1)
            return self.subject(verb.head, seen + 1)
        if verb.dep_ == "acomp":  # 'it is prepared to impose': the copula's subject
            return self.subject(verb.head, seen + 1)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and pos(governor_of(verb.head)) in ("VERB", "AUX"):
            governor = governor_of(verb.head)
            accused = next((c for c in governor.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c.i < verb.i), None)
            if accused is not None and lemma(governor) in ACCUSING:
                return accused  # 'accused Tanzania of attacking', 'Tanzania was accused of attacking': Tanzania did it, if anyone
            if accused is not None and verb.head.lower_ == "from" and lemma(governor) in PREVENTING:
                return accused  # 'stopped the Kurds from attacking Afrin': the Kurds would have
            return self.subject(governor, seen + 1)  # 'police resorted to firing', 'responded by shelling'
        if verb.dep_ in ("relcl", "acl") and verb.tag_ in ("VBN", "VBG"):
            if verb.tag_ == "VBG":
                return verb.head  # 'troops crossing the border'
        if misparsed_report(verb) is not None:
            return verb.head  # 'Palestinian youths resorted to throwing stones ..., officials said'
        return None

    def source(self, verb) -> Actor | None:
        """The actor of the verb's subject; where the subject names none and the verb has none of
        its own, the actor of the subject its governor's chain gives ('X said ... and pledged')."""
        current = verb
        for _ in range(4):
            token = self.subject(current)
            actor = self.actor_in(token)
            if actor is not None:
                return actor
            if token is not None and any(c.dep_ in _SUBJECTS for c in current.children):
                return None  # a subject of its own that names no actor
            if token is not None and token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.i == current.i:
                return None  # a 'by' agent of its own that names no actor ('a proposition disputed by many experts')
            if _passive(current) and current.dep_ in ("conj", "acomp"):
                return None  # 'had surrendered or been killed', 'had been 99% defeated': the subject underwent it
            if _passive(current) and current.dep_ == "advcl" and any(c.dep_ in _PASSIVE_SUBJECTS for c in current.children):
                return None  # 'struck Gaza after rockets were fired into Israel': by no one the clause names
            if _bare_participle(current):
                return None  # 'towns recaptured from Isis': by no one named
            owner = willed_by(current)
            if owner is not None:
                return self.actor_in(owner)  # 'opposed Trump's decision to withdraw': Trump withdraws
            if current.dep_ == "acl" and current.tag_ != "VBN" and current.head.dep_ in ("dobj", "obj", "nsubjpass") and not any(
                    c.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS for c in current.children):  # ('the assessment that Isis had been defeated')
                current = current.head.head  # 'the Council adopted a resolution urging X'
                token = self.subject(current)
                return self.actor_in(token)
            if current.dep_ not in ("conj", "xcomp", "advcl", "acomp") or current.head.i == current.i or lemma(current.head) in UNDERGONE:
                return None
            speaker = _misattached_speaker(current)
            if speaker is not None and self.actor_in(self.subject(current.head)) is None:
                return self.actor_in(self.subject(speaker))  # 'the government said that suspects appeared ... and pledged to cooperate'
            current = current.head
        return None

    def armed_doer(self, verb) -> Actor | None:
        """The doer of a deed whose text names none but the armed actor of the event it was done in:
        'were killed in an Israeli airstrike', 'was injured in police firing', 'lobbed during the
        police action' (an armed actor heading or modifying an event noun after 'in' or 'during'),
        or the event noun's own 'by' ('were killed in an attack by Kurdish militants')."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                event = obj.lower_ in EVENT_NOUNS or obj.lower_ in _OPERATIONS
                if not event and not any(c.dep_ == "acl" and c.tag_ == "VBG" for c in obj.children):
                    continue  # (but 'in police firing', parsed as 'police [who were] firing', names its doer)
                for t in [obj, *(c for c in obj.children if c.dep_ in ("compound", "poss", "amod", "nmod"))]:
                    node = self.by_head.get(t.i)
                    if node is not None and _struck_place(t, node):
                        continue  # 'used in the Salisbury attack': where it struck
                    if node is not None and (event and t.i != obj.i or node.actor.sector in ARMED or node.actor.country == "IMG"):
                        return self._completed(node, t)  # ('an Ethiopian airstrike': its modifier is its doer)
                if event:
                    for by in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"):
                        doer = next((self.actor_in(g) for g in by.children if g.dep_ == "pobj"), None)
                        if doer is not None:
                            return doer  # 'were killed in an attack by Kurdish militants': the attack's doer
                if obj.lower_ in _TWO_SIDED:
                    # 'were killed in a clash with Chinese troops': the side they fought did it
                    for with_ in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "with"):
                        doer = next((self.actor_in(g) for g in with_.children if g.dep_ == "pobj"), None)
                        if doer is not None:
                            return doer
        return None

    def undergone(self, verb) -> tuple[Actor | None, Actor | None, Actor | None]:
        """(source, target, location) of a verb whose subject undergoes it: the doer is an armed
        actor heading or modifying the event it died in ('died in police firing', 'in an army
        raid'), never a place or a bystander ('died in a refugee camp')."""
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        target = self.actor_in(subject) if subject is not None else None
        source = location = None
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _DIED_IN):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                for t in [obj, *(c for c in obj.children if c.dep_ in ("compound", "poss", "amod", "nmod"))]:
                    node = self.by_head.get(t.i)
                    if node is None:
                        continue
                    if node.actor.sector in ARMED or node.actor.country == "IMG":
                        source = source or self._completed(node, t)
                    elif node.actor.sector is None and prep.lower_ == "in":
                        location = location or node.actor
        return source, target, location

    def between(self, verb) -> tuple[Actor | None, Actor | None]:
        """The two parties of 'between A and B' after a verb ('an agreement signed between the
        Azerbaijani and Turkish governments')."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                for first in (g for g in prep.children if g.dep_ == "pobj"):
                    other = next((c for c in first.children if c.dep_ == "conj"), None)
                    a, b = self.actor_in(first), self.actor_in(other)
                    if a is not None and b is not None:
                        return a, b
                    nodes = [n.actor for n in self.nodes if prep.i < n.head <= max(t.i for t in prep.subtree)
                             and not _within_place(self.doc[n.head], prep)]  # (not 'in Idlib province')
                    if len(nodes) >= 2:  # 'the Azerbaijani and Turkish governments': two actors, one noun
                        return nodes[0], nodes[1]
        return None, None

    def partner(self, verb, source: Actor | None) -> Actor | None:
        """The other party of a joint subject in a deed done to each other: 'Azerbaijan and Turkey
        hold talks' (each is the other's counterpart), 'the two countries signed' (the article's
        pair); not in others, which joint doers do together ('UN agencies and workers denied the
        reports', 'Britain and France criticised')."""
        if _passive(verb) and lemma(verb) not in _RECIPROCAL:
            return None  # 'was blocked by Turkey and Iran': co-doers, not each other's counterparts
        subject = self.subject(verb)
        if subject is None:
            return None
        if self.pair and _pair_phrase(subject) and source is not None:
            return Actor(subject.idx, subject.idx + len(subject.text), subject.text, self.pair[1], source.sector)
        if lemma(verb) not in _MUTUAL:
            return None
        others = [c for c in subject.children if c.dep_ == "conj"]
        # 'Cambodian and Thai troops traded fire' (but 'Syrian and Russian jets bombed' X)
        others += [g for c in subject.children if c.dep_ in ("amod", "compound") and any(
            d.dep_ == "conj" for d in c.children) for g in [c, *c.children] if g.dep_ in ("amod", "compound", "conj")]
        others += [c for c in verb.children if c.dep_ in _SUBJECTS and c.i != subject.i]  # 'A's and B's commanders'
        for other in others:
            actor = self.actor_in(other)
            if actor is not None and actor != source:
                return actor
        return None

    def target(self, verb, source: Actor | None) -> tuple[Actor | None, Actor | None]:
        """(target, location): the object the verb acts on, and the place it happens in."""
        location = None
        candidates = []
        if _passive(verb):
            candidates += [verb.head if c.lower_ in _RELATIVES and verb.dep_ == "relcl" else c  # 'the fighter, who was killed'
                           for c in verb.children if c.dep_ in _PASSIVE_SUBJECTS]
        elif _small_passive(verb):
            candidates += [c for c in verb.children if c.dep_ in _SUBJECTS]  # 'to see Assad removed': Assad
        if _bare_participle(verb) or _copular_participle(verb):
            candidates += [c for c in verb.head.children if c.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS]  # 'Backed by Russia, Assad'
        if verb.dep_ in ("relcl", "acl", "amod") and verb.tag_ == "VBN" and not any(c.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS for c in verb.children):
            candidates.append(verb.head)  # 'the activists arrested on Friday', 'government forces backed by Moscow'
        # what is sent, supplied or deployed is the theme, not the target: 'sent troops to Syria'
        theme = lemma(verb) in _TRANSFERS and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        theme = theme or lemma(verb) in _TOPICAL  # 'discussed North Korea's missile launches': a topic, no party
        objects = ("dative", "iobj") if theme else ("dobj", "obj", "dative", "iobj")  # ('provided Israel with missiles')
        candidates += [c for c in verb.children if c.dep_ in objects or c.lower_ == "whom" and c.dep_ in _SUBJECTS]
        if theme:  # 'recalled its ambassador from Nairobi', 'sent troops to Somalia' as the parse hangs them
            candidates += [g for o in verb.children if o.dep_ in ("dobj", "obj") for p in o.children
                           if p.dep_ == "prep" and p.lower_ in _BOUND_FOR for g in p.children if g.dep_ == "pobj"]
        if lemma(verb) in _TOPICAL:  # 'discussed developments in Syria with the Turkish president'
            candidates += [g for o in verb.children if o.dep_ in ("dobj", "obj") for p in o.subtree
                           if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        candidates = [self._relative_object(c) for c in candidates]  # 'Prabhakaran, whom troops killed'
        # the conjuncts of an object: 'launched artillery, mortar, and rocket fire against X'
        candidates += [c for o in candidates if o.dep_ in ("dobj", "obj") for c in _conjuncts(o)]
        preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i]
        for prep in sorted(preps, key=lambda p: _rank(p.lower_)):
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ in _PLACE_PREPOSITIONS:
                # 'engaged in combat with Isis', 'took part in talks with Kabul': the other side of the event
                candidates += [g for o in objects if o.lower_ in EVENT_NOUNS or o.lower_ in _FIGHTS or o.lower_ in _EXCHANGES for p in o.children
                               if p.dep_ == "prep" and p.lower_ in ("with", "against") for g in p.children if g.dep_ == "pobj"]
                if prep.lower_ == "at":  # 'fired tear gas at Ugandan protesters': people are aimed at, not a place
                    people = [counted(o) for o in objects]  # ('at hundreds of protesters')
                    candidates += [o for o in people if o.i in self.by_head and o.tag_ in ("NNS", "NNPS")
                                   and self.by_head[o.i].actor.sector]  # (not 'a vigil at the Community Centre')
                location = location or self.place_in(prep)
                continue
            if prep.lower_ == "for" and lemma(verb) in _FIGHTING:
                # 'fought for Isis', 'fought for the Somali army against al-Shabaab': the side fought on
                candidates += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "against"
                               for g in p.children if g.dep_ == "pobj"]
                continue
            if prep.lower_ in _TARGET_PREPOSITIONS:
                candidates += objects
        if not theme and lemma(verb) not in SAYING and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # 'either shunned or impeded any UN involvement', 'captured and killed soldiers': an object
            # after the last of coordinated verbs is each one's, when the last has no subject of its own
            candidates += shared_objects(verb)
        if lemma(verb) in DIRECTIVES:
            # 'demanded that Mugabe abandon ...': the one asked is the clause's subject, after
            # any object the verb has of its own; 'called for Russia to withdraw': Russia
            for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)):
                subjects = _SUBJECTS if lemma(verb) == "tell" else _SUBJECTS + _PASSIVE_SUBJECTS  # ('told X that Y was killed')
                candidates += [c for c in clause.children if c.dep_ in subjects]  # 'demanded that Assad be ousted'
        for token in candidates:
            if token.dep_ in ("dobj", "obj") and pos(token) == "NOUN":
                # 'condemned the execution of four men by Myanmar's military government': whose deed it is
                done_by = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
                doer = next((a for a in map(self.actor_in, done_by) if a is not None and a != source), None)
                if doer is not None:
                    return doer, location
            if token.dep_ in ("dobj", "obj"):
                # 'fought a decades-long insurgency against the Turkish state', 'mobilised the army
                # against protesters': what is waged or used against someone is not whom it is against
                against = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]
                inner = next((a for a in map(self.actor_in, against) if a is not None and a != source), None)
                if inner is not None:
                    return inner, location
            actor = None if _munition(token) else self.actor_in(token)  # 'fired cruise missiles at X': X
            if actor is not None and source is not None and actor.country is None and actor.sector in _AGENTS_OF_A_STATE and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
                continue  # 'India and China agreed to pull back their troops': their own, no one they act on
            if actor is not None and actor != source:
                return actor, location
            for child in token.children:  # 'the release of X', 'sanctions on Y', 'a visit to Z'
                if child.dep_ == "prep" and (child.lower_ in _OF or child.lower_ in _TARGET_PREPOSITIONS):
                    for g in child.children:
                        inner = self.actor_in(g)
                        if inner is not None and inner != source:
                            return inner, location
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj") and location is None):
            for prep in obj.children:  # 'blocked streets in Hong Kong'
                if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPOSITIONS:
                    location = location or self.place_in(prep)
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):  # 'offered to hand over to Britain'
            actor, place = self.target(clause, source)
            if actor is not None:
                return actor, location
            location = location or place
        return None, location

    def co_subjects(self, verb) -> list[Actor]:
        """The actors conjoined to the one that does a verb's deed ('Kenyan forces and Ugandan
        troops attacked', 'Kenya and Uganda accused Tanzania'): each does it too."""
        subject = self.subject(verb)
        if subject is None or subject.dep_ not in _SUBJECTS + ("pobj",):
            return []
        found = []
        for token in _conjuncts(subject):
            node = self.by_head.get(token.i)
            if node is not None and (not _bare_place(node) or node.actor.country in STATES and token.tag_ == "NNP"):
                found.append(self._completed(node, token))
        return found

    def co_targets(self, target: Actor) -> list[Actor]:
        """The actors conjoined to the one a deed is done to ('accused Uganda and Tanzania',
        'met leaders of Uganda and Tanzania'): it is done to each."""
        node = next((n for n in self.nodes if (n.actor.start, n.actor.end) == (target.start, target.end)), None)
        if node is None:
            return []
        found = []
        for token in _conjuncts(self.doc[node.head]):
            other = self.by_head.get(token.i)
            if other is not None:
                found.append(self._completed(other, token))
        return found

    def sent_from(self, verb) -> Actor | None:
        """The state a 'from' phrase of the verb names by a place of it ('expelled from Nairobi':
        Kenya), as the state that sends someone out of it."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
            for g in (g for g in prep.children if g.dep_ == "pobj"):
                node = self.by_head.get(g.i)
                if node is not None and node.actor.sector is None and node.actor.country in STATES and not node.person:
                    return Actor(node.actor.start, node.actor.end, node.actor.name, node.actor.country, None)
        return None

    def destination(self, verb, source: Actor | None) -> Actor | None:
        """The actor a verb sends or moves something to ('to the Colombian border', 'into
        Somalia'), in its own phrase or its object's."""
        preps = [c for c in verb.children if c.dep_ == "prep"] + [
            p for o in verb.children if o.dep_ in ("dobj", "obj") for p in o.children if p.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ in _TOWARD or prep.lower_ == "into":
                for g in (g for g in prep.children if g.dep_ == "pobj"):
                    actor = self.actor_in(g)
                    if actor is not None and actor != source:
                        return actor
        return None

    def _relative_object(self, token):
        """An object that is a relative pronoun stands for its antecedent: a person ('whom'), or
        an actor the antecedent names itself ('the YPG, which they accuse'), not a thing with a
        name inside it ('the Salisbury incident, which the UK blamed on the Kremlin')."""
        if token.lower_ not in _RELATIVES:
            return token
        antecedent = _antecedent_of(token)
        return antecedent if token.lower_ in ("who", "whom") or antecedent.i in self.by_head else token

    def purposed(self, verb, source: Actor | None) -> Actor | None:
        """The target of a deed's purpose, where the deed names none of its own: 'forces fighting
        to defeat Islamic State', 'sent troops to fight Isis' (a to-infinitive without a subject)."""
        for clause in verb.children:
            if purpose_clause(clause) and not any(g.dep_ == "nsubjpass" for g in clause.children):
                actor, _ = self.target(clause, source)
                if actor is not None:
                    return actor
        return None

    def resulting(self, verb, source: Actor | None) -> Actor | None:
        """The target of the deed a participle tells the result of, where it names none of its own:
        'launched rocket fire against Kampuchean camps, killing or wounding 50' (the killed are
        at the camps)."""
        if verb.dep_ == "conj" and verb.head.dep_ == "advcl":
            verb = verb.head  # ('killing or wounding 50')
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.i == verb.i or pos(verb.head) not in ("VERB", "AUX"):
            return None
        actor, _ = self.target(verb.head, source)
        return actor

    def aimed_at(self, verb, source: Actor | None) -> Actor | None:
        """Whom a deed is aimed at where its purpose names it: the first actor, not a place, of
        its purpose clause ('blocked a road to show their disapproval for the United States'
        policies', 'began a hunger strike to protest against Sweden's decision') or of an 'in
        defiance of' phrase ('blocked streets in defiance of Chinese authorities'); else the body
        its place is ('demonstrated outside the Ugandan embassy': Uganda)."""
        for child in verb.children:
            purpose = child.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            stance = child.dep_ == "prep" and child.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lower_ in _STANCES for g in child.children)
            if not (purpose or stance):
                continue
            for t in child.subtree:
                node = self.by_head.get(t.i)
                if node is None or _place_phrase(t) and node.actor.sector is None:
                    continue  # (a place: 'to protest in Paris'; not 'anger at the German government')
                if (actor := self._completed(node, t)) != source:
                    return actor
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS):
            for g in (g for g in prep.children if g.dep_ == "pobj"):
                node = self.by_head.get(g.i)
                if node is not None and node.actor.sector and not node.person and node.actor != source:
                    return self._completed(node, g)  # 'demonstrated outside the Ugandan embassy', 'outside parliament'
        return None

    def subject_place(self, verb) -> Actor | None:
        """A place named inside the verb's subject phrase ('demonstrators in Baghdad')."""
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            return None
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPOSITIONS:
                return self.place_in(prep)
        return None

    def place_in(self, prep) -> Actor | None:
        """The first country named in a phrase of place, at any depth outside its clauses ('in a
        gunbattle in southeastern Serbia')."""
        for t in prep.subtree:
            node = self.by_head.get(t.i)
            if node is not None and node.actor.sector is None and node.actor.country and not _in_clause(t, prep):
                return node.actor
        return None

    def _place_phrases(self):
        """The sentence's phrases of place: 'in Syria', 'near Damascus', 'and in Tanzania'."""
        return (prep for prep in self.doc if prep.dep_ in ("prep", "conj") and prep.lower_ in _PLACE_PREPOSITIONS)

    def sentence_place(self) -> str | None:
        """The one country the sentence's phrases of place name outside its relative clauses, if
        they name one ('armed police raided the hotel in Didim, south-west Turkey'): None if none
        or several ('the Kurds, in Syria and Turkey')."""
        countries = {node.actor.country for prep in self._place_phrases()
                     if not any(a.dep_ in ("relcl", "acl") for a in prep.ancestors)
                     for t in prep.subtree for node in [self.by_head.get(t.i)]
                     if node is not None and node.actor.sector is None and node.actor.country and not _in_clause(t, prep)}
        return countries.pop() if len(countries) == 1 else None

    def places(self) -> list[str]:
        """The countries the sentence's phrases of place name, the first of each phrase ('in
        Syria', 'near Damascus'), outside clauses of their own."""
        return [place.country for place in map(self.place_in, self._place_phrases()) if place is not None]

    def noun_roles(self, noun) -> tuple[Actor | None, Actor | None]:
        """Actors of an event noun: a possessor or modifier is the source ('Turkey's offensive',
        'Israeli airstrikes'), 'by' the source, 'on'/'against' the target, 'between' both. The
        named possessor of a noun of what is undergone is its target ('Navalny's arrest',
        'Khashoggi's killing'), unless an 'of' names that one ('Russia's arrest of X')."""
        source = target = None
        undergone = noun.lower_ in _UNDERGONE_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        for child in noun.children:
            if child.dep_ == "poss" and undergone and child.lower_ not in _PRONOUNS:
                # 'Navalny's arrest': he is arrested, not arresting. (Not 'his', 'their': whom they
                # stand for is the one undergone, while the antecedents pronouns take are doers.)
                target = target or self.actor_in(child)
                continue
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                hit = self.by_head.get(child.i)
                if hit is not None and _named_after(child, hit):
                    continue  # 'the Sochi peace talks collapsed': named after the place, not Russia's
                if hit is not None and _struck_place(child, hit):
                    target = target or hit.actor  # 'the Salisbury attack', 'the Afrin offensive': where it struck
                    continue
                source = source or self.actor_in(child)
            elif child.dep_ == "prep":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                for g in objects:
                    actor = self.actor_in(g)
                    if actor is None:
                        continue
                    if child.lower_ == "by":
                        source = actor
                    elif child.lower_ in ("on", "against", "of", "with", "to", "into"):
                        target = target or actor
                    elif child.lower_ == "between":
                        source = source or actor
                        other = next((c for c in g.children if c.dep_ == "conj"), None)
                        target = target or self.actor_in(other)
        return source, target


# Plural nouns that, after 'the two' or 'both', stand for the article's two main countries, with
# the sector they imply.
PAIR_NOUNS = {"countries": None, "nations": None, "sides": None, "states": None, "governments": "GOV",
              "leaders": "GOV", "presidents": "GOV", "ministers": "GOV", "armies": "MIL", "militaries": "MIL"}


def apposed(doc, nodes: list[Node]) -> list[Node]:
    """People take the role their apposition gives them in this text over the one the
    dictionaries file them under or none: 'Kenzo Oshima, the United Nations Emergency Relief
    Coordinator' is the UN's, 'Gen Mohammad Baqeri, Iran's armed forces chief of staff' Iran's. The
    apposition is itself an actor phrase (a title, an organisation) with a code of its own."""
    by_head = {n.head: n for n in nodes}
    out = []
    for node in nodes:
        actor = node.actor
        # the actor phrase in apposition to the node's head (not 'the SDF (SDF)')
        role = next((by_head[c.i].actor for c in doc[node.head].children
                     if c.dep_ == "appos" and c.i in by_head and doc[c.i - 1].text != "("), None)
        if role is None or actor.backed:
            pass
        elif node.person and (node.known or actor.sector):
            if role.country and role.country != actor.country and (role.sector or role.country in INTERNATIONAL):
                node = replace(node, actor=replace(actor, country=role.country, sector=actor.sector or role.sector))
        elif not node.person and actor.sector is None and actor.country in STATES and role.sector and role.country:
            # a place name that its apposition says is a body: 'Sana, the Syrian state news agency'
            # (not Yemen's capital), with the body's codes
            node = replace(node, actor=replace(actor, country=role.country, sector=role.sector))
        out.append(node)
    return out


# Nouns of fighting (the verb dictionary's &FIGHT: 'engaged in combat', 'in hostilities').
_FIGHTS = frozenset(SYNSETS["&FIGHT"])
# Event nouns of force between two sides: who dies in one 'with' X died at X's hands.
_TWO_SIDED = _FIGHTS | frozenset({"clash", "clashes", "gunfight", "gunbattle", "firefight", "skirmish", "skirmishes",
                                  "battles", "fights", "encounter", "shootout"})
# Nouns of speaking with someone that code no event of their own but name the other side of the
# deed done in them ('discussed Syria in phone calls with Trump and Putin').
_EXCHANGES = frozenset("call calls conversation conversations discussion discussions meetings contact contacts exchange".split())


def _conjuncts(token) -> list:
    """The tokens conjoined after one, through the chain of 'conj' links ('artillery, mortar, and
    rocket fire': mortar, fire)."""
    out, frontier = [], [token]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        out += frontier
    return out


def _unclosed_apposition(subject, verb):
    """A name the parser made the subject's apposition though no comma closes it before the verb:
    in 'the resignation of the defence secretary, Jim Mattis, Trump has said', Trump says it (an
    apposition is closed by a comma: 'Jim Mattis, the defence secretary, said'). None otherwise."""
    doc = subject.doc
    for appos in (c for c in subject.children if c.dep_ == "appos" and c.i > subject.i and pos(c) == "PROPN"):
        if doc[appos.left_edge.i - 1].text != ",":
            continue  # ('the government spokesman Prodomos Prodromou': one name, no second subject)
        after = appos.right_edge.i + 1  # the verb itself, or one of its auxiliaries before it
        joined = after == verb.i or after < verb.i and doc[after].head.i == verb.i and doc[after].dep_ in ("aux", "auxpass", "neg")
        if joined and subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text == ",":
            return appos
    return None


def _antecedent_of(relative):
    """The noun a relative pronoun stands for: the head of the relative clause it opens, also
    through a saying inside it ('Prabhakaran, whom it said troops had killed'); else itself."""
    verb = relative.head
    for _ in range(3):
        if verb.dep_ in ("relcl", "acl"):
            return verb.head
        if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return relative


def _pair_phrase(token) -> bool:
    return token.lower_ in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in token.children)


def _munition(token) -> bool:
    word = token.lower_
    return word in _MUNITIONS or word[-1:] == "s" and word[:-1] in _MUNITIONS


def _in_clause(t, top) -> bool:
    while t.i != top.i:
        if t.dep_ in ("relcl", "ccomp", "advcl", "acl", "parataxis"):
            return True
        t = t.head
    return False


# A participle whose subject is the doer ('troops are engaged in combat'), not one who undergoes it.
_STATIVE = frozenset({"engage", "oppose", "concern", "involve", "commit", "determine", "worry"})


def _passive(verb) -> bool:
    if lemma(verb) in _STATIVE and not any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and any(c.dep_ == "agent" for c in verb.children)
    ) or _bare_participle(verb) or _copular_participle(verb)


def _copular_participle(verb) -> bool:
    """A past participle the parser made the complement of 'be' ('Isis had been 99% defeated'):
    passive, undergone by the copula's subject, unless it takes a clause of its own ('it is
    prepared to impose', 'are determined to fight': the subject's own resolve)."""
    return verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lower_ in COPULAS and not any(
        c.dep_ in ("xcomp", "ccomp") for c in verb.children)


def _bare_participle(verb) -> bool:
    """A past participle opening a clause of its own with no auxiliary and no subject: passive,
    what the governor's subject undergoes ('Backed by Russia, Assad refused', 'towns recaptured
    from Isis' when the parser hangs it on the main verb; tagged a past there, though a past tense
    cannot open a clause without a subject)."""
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" and not any(
        c.dep_ in ("aux", "auxpass", "mark") or c.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS for c in verb.children)


# Verbs whose complement can be a bare participle of what someone undergoes ('see Assad removed').
_WANTING = frozenset("see want have get need like prefer find leave keep watch wish".split())


def _small_passive(verb) -> bool:
    """A bare past participle with a subject of its own and no auxiliary, the complement of a verb
    of seeing, wanting or having ('to see Assad removed', 'wanted them arrested'): its subject
    undergoes it."""
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and lemma(verb.head) in ("see", "want")  # (tagged as a past)
    return participle and verb.dep_ in ("ccomp", "xcomp") and lemma(verb.head) in _WANTING and not any(
        c.dep_ in ("aux", "auxpass", "mark") for c in verb.children) and any(c.dep_ in _SUBJECTS for c in verb.children)


def _named_after(token, node: Node) -> bool:
    """A place that names an accord or a meeting ('the Algiers agreement', 'the Astana talks',
    'the Sochi conference'): where it was made or held, not one of its parties."""
    return _place_naming(token, node, _NAMED_AFTER_PLACES) and not node.person  # (not 'the UN ceasefire')


def _struck_place(token, node: Node) -> bool:
    """A place that names an attack ('the Salisbury attack', 'the Manchester Arena bombing', 'the
    Afrin offensive'): where it struck, not who struck. An initialism names a party ('the US
    strikes')."""
    return _place_naming(token, node, _STRUCK) and not token.text.isupper()


def _place_naming(token, node: Node, nouns: frozenset[str]) -> bool:
    """A place, no body or group, that modifies one of `nouns` as a name ('the Algiers agreement',
    'the Salisbury attack')."""
    named = token.head if token.head.dep_ != "compound" else token.head.head  # ('the Paris nightclub massacres')
    return (token.dep_ == "compound" and named.lower_ in nouns and node.actor.sector is None
            and node.actor.country not in INTERNATIONAL)


# Attacks that news names after the place they struck.
_STRUCK = frozenset(
    "attack attacks bombing bombings massacre massacres shooting shootings stabbing poisoning offensive offensives siege raid raids "
    "strike strikes airstrike airstrikes assault".split()
)


# Accords, meetings and gatherings that news names after the place where they were made or held
# ('the Toronto rallies').
_NAMED_AFTER_PLACES = frozenset(
    "agreement agreements accord accords deal treaty protocol declaration communique memorandum talks "
    "conference summit summits process format meeting negotiations ceasefire truce "
    "protest protests rally rallies demonstration demonstrations riot riots march marches".split()
)


# Verbs that speak or commit: coordinated inside a reported clause, they are the speaker's ('X said
# that ... and pledged to cooperate': the parser hangs 'pledged' on the reported clause's verb).
_SPEAKING = SAYING | frozenset({"pledge", "promise", "vow", "warn", "threaten", "add", "insist", "urge", "call"})


def _misattached_speaker(verb):
    """The saying verb a speaking conjunct belongs with, when the parser coordinated it with the
    verb of the clause the saying reports ('said that X appeared ... and pledged'); else None."""
    if verb.dep_ != "conj" or lemma(verb) not in _SPEAKING:
        return None
    clause = verb.head
    if clause.dep_ == "ccomp" and lemma(clause.head) in SAYING:
        return clause.head
    return None


# Nouns of a line between two countries: 'the Thai border' runs between Thailand and another.
_BOUNDS = frozenset({"border", "frontier", "boundary"})  # (plural, a territory: "inside Turkish borders")


def bounding(token) -> bool:
    """A country that only names a border ('on the Thai border', 'near the Syrian frontier'): the
    line between it and a neighbour, on either side of which things are done; no actor. A
    possessor names the side ('villages near Macedonia's border with Bulgaria' are Macedonia's).
    A border things are sent or move to is that country's ('ordered 10 army battalions to the
    Colombian border': against Colombia)."""
    border = token.head
    towards = border.dep_ == "pobj" and border.head.lower_ in _TOWARD
    return token.dep_ in ("compound", "amod") and border.lower_ in _BOUNDS and not towards


def _place_phrase(token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS


def _within_place(token, top) -> bool:
    """A token inside a phrase of place below `top` ('between rebels and al-Qaida in Idlib province')."""
    current = token
    while current.i != top.i and current.head.i != current.i:
        if _place_phrase(current):
            return True
        current = current.head
    return False


def _rank(preposition: str) -> int:
    return _TARGET_PREPOSITIONS.index(preposition) if preposition in _TARGET_PREPOSITIONS else len(_TARGET_PREPOSITIONS)


def _expletive(pronoun) -> bool:
    """An 'it' that stands for no one but a clause after it: 'it is clear that', 'it is worth
    noting', 'it was a mistake to invade', 'it is alleged that' (not 'it is ready to attack', 'it
    is believed to have killed', whose 'it' does or did the deed)."""
    if pronoun.lower_ != "it":
        return False
    verb = pronoun.head
    copula = verb.lower_ in COPULAS
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "csubj")]
    if copula:
        predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
        clauses += [c for c in verb.children if c.dep_ == "xcomp"]  # ('a mistake to invade': hung on the copula)
        clauses += [c for p in predicates for c in p.children if c.dep_ == "ccomp" or p.lower_ == "worth" and c.dep_ == "xcomp"]
    return bool(clauses) and (copula or _passive(verb))
