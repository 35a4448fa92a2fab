"""Part of speech and lemma of a parsed token, from the tagger's Penn Treebank tag and the verb
dictionary: the parse runs without spaCy's attribute ruler and lemmatizer, which took half its
time (bench/coders.py) for what these few lines give the coder."""

from __future__ import annotations

import functools

from eventpipe.transforms.tables.verbs import DEFAULTS, FORMS, PATTERNS

_AUXILIARIES = frozenset(
    "be am is are was were been being 's 're 'm have has had having 've 'd do does did will would shall "
    "should can could may might must 'll ca wo ought".split()
)
_COARSE = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
           "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "PRP": "PRON", "PRP$": "PRON", "IN": "ADP", "CD": "NUM"}
# Verbs of saying: the deed they report is the event (the saying only when it reports none), and
# what they report keeps its own tenses' dates ('X said police had arrested ...' is no earlier deed).
SAYING = frozenset(
    "say tell announce state add report claim note explain confirm stress insist declare write "
    "reiterate repeat quote comment remark reveal disclose acknowledge admit argue assert signal indicate suggest hint".split()
)
# Verbs the coder's steps name (of asking, intending, saying ...) that the dictionary may lack.
_NAMED = SAYING | frozenset(
    "urge call ask demand request press appeal push order encourage invite force deny reject dismiss refuse "
    "decline fail plan intend want hope seek aim prepare threaten vow pledge promise propose expect plot mean "
    "decide agree offer try attempt consider set schedule need wish warn brace await wait anticipate fear dread".split()
)
_KNOWN = frozenset(FORMS.values()) | frozenset(DEFAULTS) | frozenset(PATTERNS) | _NAMED


def pos(token) -> str:
    """VERB, AUX, NOUN, PROPN, ADJ, ADV, PRON, ADP, NUM, or the Penn tag itself."""
    tag = token.tag_
    if tag == "MD":
        return "AUX"
    if tag.startswith("VB"):
        return "AUX" if token.lower_ in _AUXILIARIES and token.dep_ in ("aux", "auxpass") else "VERB"
    return _COARSE.get(tag, tag)


def purpose_clause(token) -> bool:
    """A clause of purpose: a to-infinitive hung on a verb, with no conjunction or subject of its
    own ('fired tear gas to disperse them', 'fighting to defeat Islamic State')."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and not any(
        c.dep_ in ("mark", "nsubj") for c in token.children)


# Forms of the copula: 'is to suspend' (a plan), 'it is clear that' (an 'it' of a clause).
COPULAS = frozenset({"is", "are", "was", "were", "am", "be", "been", "being", "'s", "’s", "'re", "’re"})


# Nouns of will whose possessor does what their to-infinitive says ('Trump's decision to withdraw',
# 'Russia's bid to broker'), as the verbs they come from do ('decided to', 'bid to'); not nouns of
# failing, refusing or being able, whose infinitive is not done ('Russia's failure to manage').
_WILL_NOUNS = frozenset(
    "decision decisions plan plans move moves bid bids attempt attempts effort efforts intention intent pledge promise "
    "offer threat threats push order orders call request demand proposal determination resolve readiness".split()
)


def willed_by(verb):
    """The possessor of the noun of will a to-infinitive completes, who does the infinitive's deed
    ('Trump's decision to withdraw', 'Canberra's efforts to bring home'), or the name or adjective
    of a people before it that says whose it is ('the Ugandan decision to close the border', 'the
    US move to withdraw'); None for any other verb."""
    if verb.dep_ != "acl" or verb.head.lower_ not in _WILL_NOUNS or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    children = list(verb.head.children)
    return next((c for c in children if c.dep_ == "poss"), None) or next(
        (c for c in children if c.dep_ in ("amod", "compound") and c.i < verb.head.i and c.text[:1].isupper()), None)


def misparsed_report(verb):
    """The verb of saying whose reported clause the parser broke, hanging the clause's past on its
    subject noun as if it modified it, and the noun on the saying as a subject beside the real
    one after it: 'Palestinian youths resorted to throwing stones ..., officials said' is what
    officials said, the youths its subject (a verb of saying has one subject: two say the parse
    went wrong). None for any other verb."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    noun, saying = verb.head, verb.head.head
    if noun.dep_ == "nsubj" and lemma(saying) in SAYING and any(c.dep_ == "nsubj" and c.i > verb.i for c in saying.children):
        return saying
    return None


def lemma(token) -> str:
    """The dictionary form of a word: the verb dictionary's, else a known verb its inflection
    comes from ('urged' -> 'urge', 'stopped' -> 'stop'), else the word in small letters. A past
    tense that is another verb's base form is its own verb's ('police found a bomb': FIND, not
    FOUND, 060 'establish')."""
    if token.tag_ in ("VBD", "VBN") and token.lower_ in IRREGULAR_PASTS:
        return IRREGULAR_PASTS[token.lower_]
    return _lemma(token.lower_)


# English irregular pasts spelt as another verb's base form.
IRREGULAR_PASTS = {"found": "find", "wound": "wind", "saw": "see", "lay": "lie", "fell": "fall", "ground": "grind",
                    "bound": "bind"}


@functools.lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    found = FORMS.get(word)
    if found:
        return found
    for candidate in _stems(word):
        if candidate in _KNOWN:
            return candidate
    return word


def _stems(word: str) -> list[str]:
    """What an inflected verb can come from, most likely first."""
    out = []
    for suffix, endings in (("ied", ("y",)), ("ies", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[: -len(suffix)]
            out += [base + ending for ending in endings]
            if suffix in ("ing", "ed") and len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])  # 'stopped' -> 'stop' (not 'married' -> 'mar': its base is 'marry')
    return out


# Verbs that say someone did a deed without the text saying they did ('accused X of attacking',
# 'blamed X for shelling', 'suspected of plotting'): the object is its doer (roles), and the deed
# is alleged, hypothetical (mode).
ACCUSING = frozenset("accuse charge suspect blame indict".split())
# Verbs of keeping someone from a deed ('stopped the Kurds from attacking Afrin'): the one kept
# would have done it, and did not.
PREVENTING = frozenset("prevent stop keep bar ban block deter discourage dissuade prohibit restrain forbid".split())


def governor_of(prep):
    """The word a preposition hangs on, through prepositions coordinated with it ('accused Uganda
    of arming the rebels and of attacking its posts': 'accused' for both 'of's)."""
    while prep.dep_ == "conj" and pos(prep.head) == "ADP" and prep.head.i != prep.i:
        prep = prep.head
    return prep.head


# Words of a part, share or number: what they count is what a phrase of them names ('part of the
# stronghold', 'dozens of soldiers', 'hundreds of protesters').
PARTS = frozenset({"part", "parts", "most", "much", "half", "all", "some", "rest", "control", "portion", "section",
                   "number", "dozens", "scores", "hundreds", "thousands", "tens", "group", "groups", "crowd", "crowds",
                   "handful"})


def counted(noun):
    """What a noun of part or number counts, through its 'of' phrases ('hundreds of protesters':
    protesters); the noun itself when it is none or counts nothing named."""
    while noun.lower_ in PARTS:
        of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if of is None:
            break
        noun = of
    return noun


def misjoined(verb):
    """The verb a finite verb is really coordinated with where the parser joined it to a gerund
    after a preposition ('accused Kenya of violating its sovereignty and recalled its ambassador':
    'recalled' goes with 'accused', not 'violating'); else None."""
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.tag_ == "VBG" and verb.head.dep_ == "pcomp":
        return governor_of(verb.head.head)
    return None


def shared_objects(verb) -> list:
    """The objects of the verb coordinated after `verb` that has no subject of its own, which
    `verb` shares ('captured and killed a number of soldiers': 'number' for 'captured' too)."""
    joint = next((c for c in verb.children if c.dep_ == "conj" and pos(c) == "VERB" and not any(
        g.dep_ in ("nsubj", "csubj", "expl", "nsubjpass", "csubjpass") for g in c.children)), None)
    return [g for g in joint.children if g.dep_ in ("dobj", "obj")] if joint is not None else []
