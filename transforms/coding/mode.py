"""The mode of an event from the tree: did the text say it happened?

- negated: the verb has a negation ('did not sign', 'never attacked'), its subject is no one
  ('none of the organisations have dealt', 'neither Tehran nor Baghdad has given') or its object
  is nothing ('has given them no promises of support'), or it is what someone denies ('denied
  that it attacked', 'denied attacking'). A conjunct takes its governor's mode unless it has a
  subject of its own ('did not mention Syria but he warned') or a perfect of its own ('did not
  comment, but has condemned'); a negation ends at 'but' ('did not claim victory but said').
  What one has yet to do is not done ('has yet to withdraw', 'is yet to decide'), nor what an
  intention no one holds names ('has no plans to attack', 'has not made any decision to launch').
  A deed passed over is negated ('instead of attacking', 'rather than attack'), and so is one
  ended ('ceased arming the rebels', 'stopped shelling') or prevented ('stopped the Kurds from
  attacking': the Kurds' deed; done after all when nothing prevented it, 'none of this has
  prevented Russia from claiming').
- hypothetical: a modal of possibility ('may', 'could', 'would', 'might', 'should'), or the verb
  is in a condition ('if', 'unless', 'in case') or in a clause that such a verb governs, or it
  follows from a condition of its own ('sends troops if the rebels advance'; but a saying or a
  warning with a condition is made all the same: 'warned of war if the talks fail').
  So is what is feared, hoped or expected ('residents fear that dissenters will be arrested': no
  one's plan), what reports, claims or allegations say ('reports that police had arrested',
  'rejected Kenya's claim that its troops had shelled'): hearsay, not told as so; and what someone
  is accused, blamed or suspected of ('accused Tanzania of attacking its troops', 'of being
  reckless in mounting an attack') or said
  'allegedly' to have done: alleged; a deed talked about ('tweeted about firing missiles'); and
  one a speaker does not say ('I'm not suggesting we go to war').
- intended: the future ('will', 'shall', 'is going to'), or an infinitive under a verb or noun of
  intention ('plans to', 'vowed to', 'threatened to', 'a bid to') or an adjective that looks ahead
  ('is due to meet'), or 'is to' (but 'if Russia were to retaliate' supposes: hypothetical), or
  a relative clause of 'to' ('the agreement, to be monitored by Turkish forces');
  under 'able', 'quick' it is done as far as the copula says ('was able to arrest'), under
  'unable' it is not ('were unable to arrest': negated); under a noun of being able or free
  ('has the capability to launch air strikes', 'a chance to influence') it is possible:
  hypothetical.
- a deed asked of someone ('urged X to release', 'called for talks', 'said that X must release',
  'Uganda's demand that it withdraw') is not reported as done: the coder keeps the asking and drops the deed (`demanded`); what one is
  forced or compelled to do is done ('were forced to open fire').
- a participle clause ('will withdraw, abandoning the Kurds', 'should extend the scheme while
  reversing') is as done as its verb when that is supposed, intended or asked; not when it is
  denied ('did not comment, saying only') nor when the verb is attempted ('sought to train the
  rebels, providing arms': the providing is told as done).
- a purpose ('sent troops to protect X') is as done as the deed it is the purpose of: negated,
  intended or hypothetical with it ('did not lift a finger to help', 'will arrive to investigate');
  the purpose of a presence is intended ('the US is in Syria to defeat Isis'). So is a means
  ('will lose the peace by withdrawing', 'can only escape by paying smugglers').
- a refusal ('refused to meet') is a rejection done, asserted (CAMEO 12x).
- an implicative verb ('managed to close the gap') does no deed of its own: its infinitive is as
  done as it is (the coder skips the verb itself); 'was able to', 'was quick to' likewise; so is
  a clause a verb of making or letting governs ('get Trump to cancel', 'refused to let her fight').
- a deed told in the simple present with no auxiliary (`habitual`: 'Turkey locks up more
  journalists than any other government') is a habit; the coder keeps it only with a date.
- a threat whose content is a future or a possibility ('warned that anyone who harmed its
  citizens would face retaliation') states an intention: intended, like 'threatened to retaliate'.
Intentions are coded as CAMEO codes the intention (03x to cooperate, 13x threats), negated and
hypothetical deeds keep their own code. A speaker's own intention to cooperate, said ('said on June 5
that it would fully accept the deal'), is CAMEO's event of expressing it, done when said (`stated`);
a deed with a day of its own stays planned ('will release the pilot on Friday, Khan said').
- what a subject decided, agreed or voted to do, told in the simple past with no time of its own,
  is taken as done ('EU leaders agreed on Monday to impose further sanctions'), as the wire
  reports' gold codes decisions; a gerund after 'before', 'after' or 'while' is as far from done
  as a deed it goes with that is asked, meant or supposed.
"""

from __future__ import annotations

from eventpipe.transforms.coding.mentions import temporal
from eventpipe.transforms.coding.words import ACCUSING, COPULAS, PREVENTING, SAYING, governor_of, lemma, misjoined, pos
from eventpipe.transforms.tables.verbs import DEFAULTS

_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_POSSIBLE = frozenset({"may", "might", "could", "would", "should", "can", "must", "ought"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
# Verbs of trying and meaning to (Phoenix codes SEEK 030): with an infinitive they do nothing of
# their own; the infinitive's deed is the event, intended ('sought to persuade Russia': 032).
TRYING = frozenset("seek try attempt want hope aim plan intend prepare expect mean decide consider wish need strive prefer".split())
# Verbs whose infinitive is done when they are ('managed to close the gap', 'did not bother to
# reply'): no deed of their own (Phoenix codes MANAGE 060, BOTHER 140 for 'manage the economy').
IMPLICATIVE = frozenset({"manage", "bother", "dare", "proceed", "succeed"})
_INTENTIONS = TRYING | frozenset(
    "threaten vow swear pledge promise propose plot agree offer set schedule ready willing prepared determined poised "
    "bid effort move".split()
)
_ASKING = frozenset("urge call ask demand request press appeal push order tell encourage invite force".split())
# Verbs whose subjunctive clause is asked for ('insisted that X step down'); with an indicative one
# they state ('insisted that it was staged').
_URGING = frozenset({"insist", "suggest", "propose", "recommend", "advise"})
# Verbs of making someone do a thing, which then is done (implicative): 'were forced to withdraw'.
_COMPELLING = frozenset({"force", "compel", "oblige"})
_DENYING = frozenset({"deny", "reject", "dismiss"})
# Verbs of making someone do a thing, with a bare clause of its own subject ('make Mexico pay', 'get
# Uganda to pay', 'let the convoy pass'): the clause is done when, and as far as, the making is.
_CAUSING = frozenset({"make", "get", "let", "have", "help"})
# Verbs of ending a deed: what their gerund says is done no more ('ceased arming the rebels').
_ENDING = frozenset({"stop", "cease", "halt", "end", "quit", "suspend", "discontinue"})
_PERFECT = frozenset({"has", "have", "had"})
# Adverbs that say a deed is only alleged.
_ALLEGEDLY = frozenset({"allegedly", "purportedly", "supposedly", "reputedly"})
# Verbs of fearing, hoping and guessing: what their clause says is not known to be so, nor anyone's plan.
_FEARING = frozenset("fear worry hope expect predict anticipate speculate wonder doubt".split())
# Nouns of what is said but not known: a deed in their 'that' clause is reported, not told as so.
_HEARSAY = frozenset("report reports rumour rumours rumor rumors claim claims allegation allegations speculation "
                     "suggestion suggestions suspicion suspicions".split())
REFUSALS = frozenset({"refuse", "decline", "fail"})
# Nouns of asking: a deed in their 'that' or for-to clause is asked for, not done.
_ASKING_NOUNS = frozenset(
    "demand demands call calls request requests appeal appeals plea pleas order orders ultimatum insistence "
    "proposal proposals suggestion recommendation".split())
_CONDITIONS = frozenset({"if", "unless", "whether"})
# Adjectives whose infinitive is done when they hold ('was able to arrest', 'was quick to claim');
# others look ahead ('is due to meet', 'is likely to', 'keen to').
_IMPLICATIVE = frozenset({"able", "quick", "swift", "lucky", "fortunate", "first", "last"})
# Nouns of being able or free to do a thing: their infinitive is possible, neither done nor meant
# ('have the assets and the motivation to launch such attacks', 'had the opportunity to attack').
_ABILITIES = frozenset(
    "means ability abilities capability capabilities capacity power right rights chance chances opportunity "
    "opportunities option options freedom assets resources leverage motivation motive strength authority".split())
# ... and whose infinitive is not done when they hold ('was unable to explain').
_UNABLE = frozenset({"unable", "powerless"})
# 'is believed (thought, said, reported, alleged, suspected ...) to have done': belief, not knowledge.
_BELIEVED = frozenset("believe think say report allege suspect presume assume rumour rumor understand fear".split())
# Verbs of deciding: what one decided or agreed to do, in the past, is taken as done (the wire
# reports of dated-news-dev code 'EU leaders agreed to impose further sanctions' as the sanctions).
_DECIDING = frozenset({"agree", "decide", "vote"})
# Prepositions of a gerund beside a deed ('before launching', 'after meeting', 'while fighting'): the
# gerund is as far from done as a deed that is not done.
_BESIDE = frozenset({"before", "after", "while"})
# Verbs that report what someone means to do: 'said it would', 'announced it would' (backshifted 'will').
_ANNOUNCING = SAYING | frozenset({"pledge", "promise", "vow", "warn", "threaten", "decide"})
_OBLIGATION = frozenset({"must", "should", "ought"})
# Subjects by which a speaker reports an intention of their own ('said it would', 'we will').
_SPEAKERS = frozenset({"it", "they", "he", "she", "we", "i"})
_GOVERNING = _INTENTIONS | _ASKING | REFUSALS

# Intent to do what the root does (CAMEO 03x) and threats of force (13x).
INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
THREAT = {"14": "131", "15": "138", "17": "137", "18": "138", "19": "138", "20": "138"}
# Roots whose refusal is a rejection (12x): intent to cooperate, consult, cooperation, aid, yielding.
_COOPERATION = frozenset({"03", "04", "05", "06", "07", "08"})
_REJECTIONS = {"04": "125", "057": "127", "06": "121", "07": "122", "08": "124", "01": "011"}  # (refusing to comment: 011)


def mode_of(verb) -> str:
    """asserted, negated, intended, hypothetical or demanded (the coder drops demanded deeds)."""
    mode = _mode(verb)
    if mode == "asserted" and _conditional(verb) and lemma(verb) not in _ANNOUNCING and not _threat(verb):
        return "hypothetical"  # what follows from a condition: 'if we do so, we risk ...' (a saying or a
    return mode                # warning with a condition is made all the same: 'warned of a catastrophe if')


def _conditional(verb) -> bool:
    """A verb with a clause of condition of its own ('..., if the attack goes ahead')."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def _mode(verb) -> str:
    children = list(verb.children)
    lowers = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark")}
    if any(map(_negation, children)) or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and _nobody(c) for c in children):  # 'none of the organisations have dealt', 'gave no promises'
        # 'will not meet', 'cannot accept', and in reported speech 'said it would not meet': a
        # refusal stated (a rejection, for cooperation)
        return "refused-if-cooperation" if lowers & (_FUTURE | {"would", "can", "could", "ca"}) else "negated"
    if lowers & _ALLEGEDLY:
        return "hypothetical"  # 'a missile allegedly supplied by the US': said, not known
    joined = misjoined(verb)
    if joined is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return mode_of(joined)  # 'accused Kenya of violating ... and recalled its ambassador': as the accusing
    if verb.dep_ == "pcomp" and verb.head.lower_ == "about" and verb.tag_ == "VBG":
        return "hypothetical"  # 'tweeted about firing missiles into Syria', 'talk about attacking': a topic, not a deed
    if _accused_of(verb):
        return "hypothetical"  # 'accused Tanzania of attacking its troops', 'suspected of plotting': alleged, not told as done
    if _passed_over(verb):
        return "negated"  # 'negotiated instead of attacking', 'chose to talk rather than attack': not done
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and lemma(governor_of(verb.head)) in PREVENTING:
        keeping = mode_of(governor_of(verb.head))  # 'stopped the Kurds from attacking Afrin': they did not;
        if keeping == "negated":
            return "asserted"  # 'none of this has prevented Russia from claiming the high ground': it did
        # ('an obligation to prevent them from being slaughtered': supposed)
        return "negated" if keeping == "asserted" else "hypothetical"
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "through") and pos(verb.head.head) == "VERB":
        return mode_of(verb.head.head)  # the means of a deed is as done as it: 'will lose the peace by withdrawing'
    if verb.dep_ == "pcomp" and verb.head.lower_ in _BESIDE and verb.tag_ == "VBG" and pos(verb.head.head) == "VERB":
        governed = mode_of(verb.head.head)  # 'calls for the government to give MPs a vote before launching an intervention'
        if governed in ("hypothetical", "intended", "demanded"):
            return governed
    if obliged(verb) and lemma(verb.head) in SAYING:
        return "demanded"  # 'said that China must drop its barriers': asked of China, not done
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in children) or _in_case(verb):
        return "hypothetical"  # (before its tense: 'examining whether Britain will continue'; 'in case Isis raided')
    if verb.dep_ == "ccomp" and lemma(verb.head) in SAYING and any(map(_negation, verb.head.children)):
        return "hypothetical"  # 'I'm not suggesting we go to war', 'did not say that X attacked': no one tells it as done
    if verb.dep_ == "ccomp" and lemma(verb.head) in _FEARING:
        return "hypothetical"  # 'residents fear that dissenters will be arrested': feared, not done nor meant
    if lowers & _POSSIBLE:
        if lowers & _POSSIBLE == {"would"} and verb.dep_ == "ccomp" and lemma(verb.head) in _ANNOUNCING and not any(
                t.lower_ == "how" for t in verb.subtree if t.i < verb.i):  # ('told me how armed groups would raid homes': a habit)
            return "intended"  # 'announced it would prosecute': the will of reported speech, not a possibility
        return "hypothetical"
    if lowers & _FUTURE:
        return "intended"
    if _threat(verb) and any(c.dep_ == "ccomp" and mode_of(c) in ("hypothetical", "intended") for c in children):
        return "intended"  # 'warned that X would face retaliation': what is threatened has not happened
    head = verb.head
    if verb.dep_ == "xcomp" and lemma(head) in _BELIEVED and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return "hypothetical"  # 'was believed to have been killed', 'is thought to have supplied': not known to be so
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and head.i != verb.i and pos(head) == "VERB":
        if lemma(head) in _INTENTIONS:
            return "intended"  # 'is considering suspending its aid', 'plans sending troops'
        if lemma(head) in _DENYING:
            return "negated"  # 'denied attacking the convoy'
        if lemma(head) in _ENDING:  # 'ceased arming the rebels', 'stopped shelling': done no more
            ending = mode_of(head)  # (unless the ending is itself not done: 'must stop appeasing Turkey')
            return "negated" if ending == "asserted" else ending
        return mode_of(head)  # 'prepared to resume shelling': the shelling is as (un)done as the resuming
    # an infinitive complement; the parser sometimes attaches one as a clause of purpose
    # ('have sworn to fight' as advcl): under a verb of intending, asking or refusing it is the same
    complement = verb.dep_ in ("xcomp", "acl", "relcl") or verb.dep_ == "advcl" and lemma(head) in _GOVERNING
    if complement and any(c.lower_ == "to" and c.dep_ == "aux" for c in children):
        governing = lemma(head)
        if head.lower_ in _PERFECT | COPULAS and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
            return "negated"  # 'has yet to withdraw', 'prisons that have yet to be searched': not done
        if head.lower_ in COPULAS and head.i < verb.i:
            planned = mode_of(head)  # 'if Russia were to retaliate': supposed, not planned
            return planned if planned in ("hypothetical", "negated") else "intended"  # 'the Home Office is to suspend'
        if governing in REFUSALS:
            return "refused"
        if head.lower_ == "going" and head.tag_ == "VBG" and any(
                c.dep_ == "aux" and c.lower_ in COPULAS for c in head.children):
            going = mode_of(head)  # the future 'is going to': 'we are going to defend ourselves'
            return "intended" if going == "asserted" else going
        if governing in _COMPELLING:
            return mode_of(head)  # 'were forced to open fire', 'forced the rebels to withdraw': they did
        if governing in _ASKING:
            return "demanded"
        if head.lower_ in _UNABLE and pos(head) == "ADJ" and head.head.i != head.i:
            able = mode_of(head.head)  # 'were unable to arrest the suspect': they did not
            return "negated" if able == "asserted" else able
        if head.lower_ in _IMPLICATIVE and pos(head) == "ADJ" and head.head.i != head.i:
            # 'was able to arrest', 'were quick to claim': done as far as the copula says
            return mode_of(head.head)
        if pos(head) == "NOUN" and not _intent_held(head):
            return "negated"  # 'has no plans to attack', 'has not made any decision to launch attacks'
        if pos(head) == "NOUN" and head.lower_ in _ABILITIES:
            return "hypothetical"  # 'has the capability to launch air strikes', 'the right to attack': possible, not meant
        if governing in _DECIDING and head.tag_ == "VBD" and mode_of(head) == "asserted" and not _dated(verb):
            return "asserted"  # 'EU leaders agreed on Monday to impose sanctions': a decision taken is the deed
        if governing in _INTENTIONS or pos(head) in ("ADJ", "NOUN"):
            return "intended"  # 'vowed to', 'is due to meet', 'a bid to'
        return mode_of(head) if head.i != verb.i else "asserted"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in children):
        governed = mode_of(head)  # 'should extend the scheme while reversing the attitudes': as the extending
        tried = head
        while tried.dep_ == "conj" and tried.head.i != tried.i:
            tried = tried.head
        # (not when the verb is only attempted, 'sought to train the rebels, providing arms', nor
        # denied, 'did not comment, saying only that')
        attempt = tried.dep_ == "xcomp" and lemma(tried.head) in TRYING
        if governed in ("hypothetical", "intended", "demanded") and not attempt:
            return governed
    if verb.dep_ == "advcl" and head.i != verb.i and any(c.lower_ == "to" and c.dep_ == "aux" for c in children):
        if head.lower_ in COPULAS and any(c.dep_ == "prep" and c.lower_ in ("in", "at", "inside") for c in head.children) \
                and not any(c.dep_ == "mark" for c in children):
            return "intended"  # the purpose of a presence, not a deed: 'the US is in Syria to defeat Isis'
        return mode_of(head)  # a purpose: 'did not lift a finger to help', 'will arrive to investigate'
    if verb.dep_ in ("acl", "ccomp") and pos(head) == "NOUN" and head.lower_ in _HEARSAY and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in children):
        return "hypothetical"  # 'there were reports that terrorists had been arrested': hearsay, not known
    if verb.dep_ in ("acl", "ccomp", "relcl") and pos(head) == "NOUN" and head.lower_ in _ASKING_NOUNS and any(
            c.dep_ == "mark" and c.lower_ in ("that", "for") for c in children):
        return "demanded"  # 'rejected Uganda's demand that it withdraw its troops', 'the call for Uganda to withdraw'
    if verb.dep_ == "ccomp" and lemma(head) in _CAUSING and any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return mode_of(head)  # 'promised to make Mexico pay', 'let the convoy pass': as done as the making
    if verb.dep_ == "ccomp" and lemma(head) in _DENYING:
        return "negated"
    if verb.dep_ == "ccomp" and lemma(head) in _ASKING and lemma(head) not in ("tell",):
        return "demanded"  # 'demanded that Argentina pay': asked for, not done
    if verb.dep_ == "ccomp" and lemma(head) in _URGING and verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in children):
        return "demanded"  # a subjunctive: 'insisted that Tanzania step down', 'suggested that he resign'
    if verb.dep_ == "conj" and any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in children) and not any(
            c.dep_ == "aux" and c.lower_ in _PERFECT for c in head.children):
        return "asserted"  # 'do not consider the YPG terrorists, and have supported them': a predicate of its own
    if verb.dep_ in ("conj",) and head.i != verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        infinitive = next((c for c in head.children if c.dep_ == "xcomp" and c.i < verb.i), None)
        if verb.tag_ == "VB" and head.tag_ in ("VBZ", "VBP", "VBD") and infinitive is not None and not any(
                c.dep_ == "aux" for c in children):
            return mode_of(infinitive)  # 'wants to prevent X, and hunt down Y': a bare verb goes with the infinitive
        governed = mode_of(head)
        if governed == "negated" and any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children):
            return "asserted"  # 'did not attack Syria but shelled Iraq': the negation ends at 'but'
        return governed  # (a conjunct with a subject of its own is a clause of its own)
    if verb.dep_ in ("advcl", "ccomp") and head.i != verb.i and any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in head.children
    ):
        return "hypothetical"  # a clause of a condition
    return "asserted"


def _in_case(verb) -> bool:
    """A verb of a clause opened by 'in case' (the parser makes it a phrase on the verb or on its
    governor): what may happen."""
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i), None)
    start = verb.left_edge.i if phrase is None else phrase.i + 2
    return start >= 2 and [t.lower_ for t in verb.doc[start - 2 : start]] == ["in", "case"]


def _accused_of(verb) -> bool:
    """A deed in what someone is accused, blamed or suspected of, also deeper in its phrase
    ('accused Russia of being reckless in mounting a nerve agent attack')."""
    node = verb
    for _ in range(5):
        if node.dep_ == "pcomp" and node.head.lower_ in ("of", "for") and lemma(governor_of(node.head)) in ACCUSING:
            return True
        if node.dep_ not in ("pcomp", "prep", "acomp", "xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _intent_held(noun) -> bool:
    """A noun of intention ('a decision to', 'plans to') that someone has: not 'no plans', nor the
    object of a denied verb ('has not made any decision'), unless it is someone's own."""
    if _nobody(noun):
        return False
    if any(c.dep_ == "poss" for c in noun.children):
        return True  # 'did not address Trump's decision to withdraw': Trump holds it all the same
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and verb.i != noun.i and pos(verb) in ("VERB", "AUX"):
        return _mode(verb) not in ("negated", "refused-if-cooperation")
    return True


def _negation(child) -> bool:
    """A dependent that negates its verb: 'not', 'n't', 'never', 'no'."""
    return child.dep_ == "neg" or child.lower_ in _NEGATIONS and child.dep_ == "advmod"


def _passed_over(verb) -> bool:
    """A deed named as the one not taken: 'instead of attacking', 'rather than attack'."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "of" and any(c.lower_ == "instead" for c in head.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "than" and c.i < verb.i and any(
        g.lower_ == "rather" for g in c.children) for c in head.children)


# Adverbs of frequency: a deed done always, usually or routinely is a habit, no event.
_FREQUENCY = frozenset("always usually often routinely regularly frequently sometimes typically generally normally "
                       "habitually customarily".split())


def habitual(verb) -> bool:
    """A deed told in the simple present, with no auxiliary ('Turkey locks up more journalists
    than any other government', 'their foes move through holes', 'it sells him arms'): in a
    report's body that is a habit or a general truth, not an event. What someone says in the
    present keeps its tense ('says it supports the plan'), and words of saying, appeal, demand,
    criticism, rejection and threat are stances taken now ('Iran rejects the plan')."""
    if any(c.dep_ == "advmod" and c.lower_ in _FREQUENCY for c in verb.children):
        return True  # 'they are always arguing about it', 'the police routinely torture people'
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return not (verb.dep_ == "ccomp" and lemma(verb.head) in SAYING)


def _dated(verb) -> bool:
    """A verb with a time of its own ('agreed to hold talks on Friday': a day ahead, planned)."""
    return any(c.dep_ == "npadvmod" and temporal(c)
               or c.dep_ == "prep" and any(g.dep_ == "pobj" and temporal(g) for g in c.children)
               for c in verb.children)


def _nobody(subject) -> bool:
    """A subject or object that is no one and nothing: 'none (of them)', 'nobody', 'no one', 'no country', 'no promises'."""
    return subject.lower_ in ("none", "nobody", "neither") or any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)


def obliged(verb) -> bool:
    """A reported clause that says what its subject must do ('that China must drop', 'that Sudan
    should reach an agreement'): its subject is asked to do it."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children)


def _threat(verb) -> bool:
    """A verb whose dictionary code is a threat (CAMEO 13x: 'warn', 'threaten')."""
    return (DEFAULTS.get(lemma(verb)) or "").startswith("13")


def stated(verb) -> bool:
    """The verb's deed is an intention someone states, and the stating is told as done: a backshifted
    or plain future reported by a verb of saying or promising ('said on June 5 that it would fully
    accept the deal', 'announced it will cooperate'). Not a deed with a time of its own ('will release
    the pilot on Friday, Khan told parliament': the release is planned for a day, and the day is the
    deed's), nor a pledge's infinitive ('pledged to help': the pledging verb is coded as the intent).
    The speaker states their own intention: the clause's subject is a pronoun ('it would', 'we will');
    what one says another will do is a forecast or a claim ('Trump claimed Mexico would pay', 'said
    US disengagement would give Iran the opportunity')."""
    head = verb.head
    return (verb.dep_ == "ccomp" and head.i != verb.i and lemma(head) in _ANNOUNCING
            and any(c.dep_ == "aux" and c.lower_ in _FUTURE | {"would"} for c in verb.children)
            and any(c.dep_ == "nsubj" and c.lower_ in _SPEAKERS for c in verb.children)
            and not _dated(verb) and mode_of(head) == "asserted")


def coded(code: str, mode: str, stated: bool = False) -> tuple[str, str]:
    """The code and mode an event is stored with: intentions as CAMEO's intent or threat codes,
    refusals as rejections done. An intention to cooperate that someone states (`stated`) is
    CAMEO's event of expressing it (03x: 'said it would accept the deal' is 035, done when said);
    a stated threat stays intended, as what is threatened has not happened."""
    root = code[:2]
    if mode == "refused-if-cooperation":
        mode = "refused" if root in _COOPERATION else "negated"
    if mode == "intended":
        intent = INTENT.get(root) or (code if root == "03" else None)
        if stated and intent:
            return intent, "asserted"
        return INTENT.get(root) or THREAT.get(root) or code, "intended"
    if mode == "refused":
        return (code if root == "12" else _REJECTIONS.get(code[:3]) or _REJECTIONS.get(root) or "120"), "asserted"
    return code, mode
