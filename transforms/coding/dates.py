"""Dates through the tree: each event takes the date the text attaches to its own words.

A DATE expression (from the timex tagger, normalized against the publication date), or a TIME with
its day ('last night', 'the previous night', 'this afternoon'), belongs to the
nearest verb or event noun above it in the parse ('talks in Banjul on Friday': the talks; 'said on
Monday that Y attacked': the saying, not the attack). An event takes its own date first; else that
of a verb coordinated after it with no subject or auxiliary of its own ('captured and killed
militants on Monday'; not a year that names a thing, 'breaching the 1997 treaty'); else the
date of the verb it is coordinated with or is the infinitive or participle clause of ('met on
Friday and signed'; 'fired missiles on Friday, killing six') or the purpose of ('fired tear gas on Monday to disperse them'); an event noun without one takes its
governing verb's ('held talks on Friday'), a verb that only says its event-noun object is done
takes the object's date ('held talks on Jan. 2', the date hung on 'talks': coder._deed_object),
and so does one whose pattern names the event noun ('declared a ceasefire on Monday', 'called for a ceasefire'),
a verb whose subject is a dated event noun takes its
date ('the attack in May 2017 killed 22 people'), and so does one done on, during or at a dated
event ('on a visit to the Cambridge Union in 2007, Talabani praised'). A report, statement or
video says what it says on the day a participle of publishing dates it ('a report, leaked last month, accused'). A clause of the
same time ('as', 'when', 'while') is dated as its governor ('saw this in Afrin last year as they tried
to erase our culture'), unless its own adverbs put it before ('as he has repeatedly threatened'). With none, an event
reported by a saying that has a date ('the rebels said on Sunday that they had decided to ...')
happened by that day and takes it ('text'); so does one the parser hangs a ', he said' aside on,
and an undated '..., he said' goes on with the speaker of the sentence before and the date their
saying had ('X said on Thursday that ... . Police had arrested 17 others, he said'). Else an event the text places before the publication
day ('had asked', 'previously', 'earlier', 'recently') or spreads over a span up to it ('over the
past two years', 'in recent weeks', 'in the past', a perfect 'for 40 years') is not dated that day: its date stays empty,
`date_source` 'earlier'. So is a deed told in the simple past without a date in a feature: a
story of ten sentences or more whose lead (first three) dates nothing within a week of its day
tells what happened before it ('Talabani negotiated a ceasefire'); sayings stay the reporter's day's.
In such a story a deed in the present perfect past its lead is earlier too ('the regime has
crushed any opposition'); in the lead it is the story's news ('Turkey has warned it will not stand
by'), of the publication day.
So, too, is the will a possessed noun of will names without a date ('opposed Trump's decision to
withdraw US troops'): the text takes it as known, decided before; and so is what a passive
participle says a thing has undergone, without a date of its own or of its verb ('government
forces backed by Moscow', 'the caliphate declared by its leader'): told to say which thing is
meant, not as the day's news.
A past deed 'at the time' or 'back then' is earlier too, and so are the clauses of the same time
and the participle clauses under a verb the text puts before the publication day ('the world stood
back and watched as Serb paramilitaries closed in, overrunning Dutch peacekeepers'). A clause after
'after' on a dated past deed is of that deed's day ('recalled its ambassador last week after
Uganda expelled two diplomats'; a gerund too: 'on Wednesday after accusing the TPLF'), unless it says a span ('shortly after'). A year before the name
of an agreement, treaty or law dates its making, not a deed done to it later ('withdrew from the
2015 nuclear agreement'), unless the verb makes it ('signed the 2015 agreement').
Any other event is dated by the publication day ('published').

An event placed a span before or after another ('shops reopened on Wednesday, a day after rebels
captured the city'; 'resigned two days after the vote'; 'the day after a collision'; 'hours after
he was sworn in') is dated from the other: the verb of an 'after' clause, or the event noun after
'after', is that many days before the event that clause or phrase hangs on, dated as above (its own
date, the nearest date above it in the tree, else the publication day); 'before' counts the other
way; 'hours' is the same day. The other way round, an event with no date of its own that happened
a span after an event dated in its sentence ('two days after the March 3 vote he resigned') is
dated from that one. Such dates are the text's ('text'), at the precision of a day. With no span
said, an event with no date of its own that follows one dated to the day ('arrested them after
they crossed the border on Friday'; 'agreed to step down after talks on Friday', also through its
infinitive) is told of that day; not of a month or a year, which what follows can outlast. An
undated event before one dated before the publication day ('crossed the border ..., before
returning to the UK in November 2015', 'before invading Afrin last month, Erdoğan told ...') is no
event of that day: 'earlier'.

A bare weekday ('on Friday', 'Friday morning') takes its direction from the tense the tree gives
its event, not the tagger's nearby words: in the past it is the one on or before the publication
day, in the future ('will') the one on or after it. An event that comes 'after' another has that
one's tense when its own verb is an infinitive ('agreed to step down after talks on Friday': the
talks are past); a plan ('agreed to meet on Friday') and the present keep the tagger's day.

A date between a saying and the clause it reports is the saying's, though the parse hung it on the
clause ('said on Tuesday it had killed 30 fighters last week': the killing is of last week); a
deed done in a dated event is of that event's date ('killed 20 militants in an airstrike on Sunday
night').
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from eventpipe.transforms.coding.words import SAYING, lemma, misparsed_report, pos, purpose_clause, willed_by
from eventpipe.transforms.timex_lexicon import ENGLISH
from eventpipe.transforms.timexes import Timex, value_start

_BEFORE_WORDS = frozenset({"previously", "earlier", "already", "formerly", "once", "before", "ago", "initially", "originally", "recently", "lately",
                           # a deed done again and again, or long, is no deed of the publication day
                           "repeatedly", "long", "often", "frequently", "consistently", "continually", "constantly",
                           "routinely", "regularly", "increasingly"})
_SAME_CLAUSE = ("conj", "xcomp")
# Below these a verb takes its governor's date: also a participle of the governor's object ('adopted
# a resolution urging X', the urging is the adopting).
_DATED_BY_GOVERNOR = ("conj", "xcomp", "acl")

Dated = tuple[date | None, str | None, str | None, str | None]  # event_date, precision, value, source

# Auxiliaries of a verb in the future and in the past ('will meet', 'had met', 'has met', 'was held').
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
_PAST_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "'d"})
# Auxiliaries of the present perfect ('has crushed', 'have fought').
_PRESENT_PERFECT = frozenset({"has", "have", "'s", "'ve"})
# A span between two events, in days: 'a day', 'two days', 'a week', 'hours' (the same day).
_SPAN_UNITS = {"day": 1, "days": 1, "hour": 0, "hours": 0, "week": 7, "weeks": 7}
_COUNTS = {"a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# 'X, a day after Y': Y is a day before X (sign -1); 'X, a day before Y': a day after it (+1).
_RELATIONS = {"after": -1, "before": 1}
# Prepositions that put a deed inside a dated event: 'on a visit to London in 2007', 'during talks
# on Friday', 'at a summit in May', 'killed 20 militants in an airstrike on Sunday night'.
_DURING = frozenset({"on", "during", "at", "amid", "in"})


def anchors(doc, offset: int, timexes: list[Timex], heads: set[int]) -> dict[int, list[tuple[int, Timex]]]:
    """For each verb or event-noun token, the DATE timexes of the sentence attached to it, with the
    token each stands on. `offset` is the sentence's start in the text; `heads` the event tokens.
    A span up to the publication day ('over the past two years', 'in recent weeks', 'in the past')
    is attached as a timex of value PAST_SPAN: what it dates is no deed of the day (date_of)."""
    attached: dict[int, list[tuple[int, Timex]]] = {}
    end = offset + len(doc.text)
    for timex in timexes:
        if not timex.value or timex.start < offset or timex.end > end:
            continue
        lasting = timex.type == "DURATION"  # ('for more than 40 years': a span up to the day only with a perfect)
        if _past_span(timex):
            timex, lasting = _spanned(timex), False
        elif not lasting and (timex.type not in ("DATE", "TIME") or value_start(timex.value) is None):
            # (a TIME with its day dates the deed that day: 'last night', 'the previous night')
            continue
        span = doc.char_span(timex.start - offset, timex.end - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        token = span.root
        if timex.value == PAST_SPAN and token.dep_ == "amod":
            continue  # 'the recent sanctions', 'recent terrorist attacks': an adjective of the noun, no time of a deed
        anchor = token.head
        for _ in range(len(doc)):
            if anchor.i in heads or pos(anchor) in ("VERB",) or anchor.dep_ == "ROOT" or _related(anchor):
                break  # also 'after the March 3 vote': the vote's date, not the verb's
            anchor = anchor.head
        anchor = _before_the_clause(token, anchor)
        if _names_a_document(token) and lemma(anchor) not in _MAKING:
            continue  # 'withdrew from the landmark 2015 Iran nuclear agreement': the agreement's year, not the withdrawal's
        if lasting:
            perfect = any(c.dep_ == "aux" and c.lower_ in _PRESENT_PERFECT for c in anchor.children)
            if not (perfect and token.head.lower_ == "for"):
                continue
            timex = _spanned(timex)  # 'has fought the Turkish state for 40 years'
        attached.setdefault(anchor.i, []).append((token.i, timex))
    return attached


def _before_the_clause(token, anchor):
    """The saying a date between it and the clause it reports dates, where the parse hung the date
    on the clause: in 'said on Tuesday it had killed 30 fighters last week', 'on Tuesday' stands
    before the clause's first word and is the saying's; the killing keeps 'last week'."""
    governor = anchor.head
    if anchor.dep_ != "ccomp" or governor.i >= token.i or lemma(governor) not in SAYING:
        return anchor
    if any(t.is_quote for t in token.doc[governor.i : token.i]):
        return anchor  # ('saying “tomorrow we will be in paradise”': the quoted words' own time)
    phrase = token.head if token.head.dep_ == "prep" and token.head.head.i == anchor.i else token
    inside = {t.i for t in phrase.subtree}
    rest = [t.i for t in anchor.subtree if t.i not in inside]
    return governor if rest and max(inside) < min(rest) and min(inside) > governor.i else anchor


# The value a span up to the publication day is attached with (anchors).
PAST_SPAN = "PAST_SPAN"
_SPAN_WORDS = frozenset({"past", "recent", "last"})


def _spanned(timex: Timex) -> Timex:
    """The timex as attached for a span up to the publication day."""
    return Timex(timex.start, timex.end, timex.text, "DATE", PAST_SPAN, None)


def _past_span(timex: Timex) -> bool:
    """'the past two years', 'recent weeks', 'the last few months' (a duration up to now), 'the past'."""
    words = set(timex.text.lower().split())
    return timex.type == "DURATION" and not words.isdisjoint(_SPAN_WORDS) or timex.value == "PAST_REF"


def date_of(token, attached: dict[int, list[tuple[int, Timex]]], published: date | None, daily: bool = True,
            said_before: Dated | None = None, lead: bool = False) -> Dated:
    """The date of the event at `token` (see the module doc). `daily`: the story is news of the
    day (see of_the_day); in one that is not, an undated deed told in the simple past is earlier.
    `said_before`: the date of the previous sentence's last dated saying, which an undated 'he
    said' goes on with."""
    own = _own(token, attached, published)
    if own is not None:
        if published and own[0] and own[0] > published and token.tag_ == "VBD":
            # 'A week later, a reporter came': a deed told in the past cannot follow the report, so
            # 'later' counts from a day the text gave before, not from publication: undated, earlier
            return None, None, None, "earlier"
        return own
    saying = _saying(token)
    if saying is not None:
        said = _own(saying, attached, published)
        if said is not None and said[3] == "text":
            return said  # 'said on Sunday that they had decided to ...': by Sunday
        if said is None and said_before is not None and _goes_on(saying):
            return said_before  # 'X said on Thursday that ... . Police had arrested 17 others, he said': Thursday
    told_before = not daily and (_told_past(token) or not lead and _told_perfect(token))
    if _earlier(token) or _standing(token) or told_before or willed_by(token) is not None:
        # (what a possessed noun of will says, 'opposed Trump's decision to withdraw', is a will
        # already known when the text names it so: undated, its day before this one)
        return None, None, None, "earlier"
    before = _preceding(token, attached)
    if before is None and token.dep_ in ("xcomp", "advcl", "conj"):
        before = _preceding(token.head, attached)  # 'crossed the border to join X, before returning in 2015': the joining too
    if before is not None and published is not None and (value_start(before.value) or published) < published:
        return None, None, None, "earlier"  # 'crossed the border ..., before returning to the UK in November 2015'

    if published is None:
        return None, None, None, None
    return published, "day", published.isoformat(), "published"


def _own(token, attached, published: date | None, depth: int = 0) -> Dated | None:
    current = token
    for _ in range(4):
        found = attached.get(current.i)
        if found:
            return _dated(_nearest(found, token), current, published)
        relative = _relative(current, attached, published, depth)
        if relative is not None:
            return relative
        event = next((c for c in current.children if c.dep_ == "nsubj" and attached.get(c.i)), None)
        if event is not None:  # 'the Manchester Arena attack in May 2017 killed 22 people': May 2017's
            _, timex = attached[event.i][0]
            return _dated(timex, current, published)
        when = next((c for c in current.children if c.dep_ == "advcl" and attached.get(c.i) and any(
            g.lower_ == "when" and g.dep_ in ("advmod", "mark") for g in c.children)), None)
        if when is not None:  # 'arrested him when he returned in November': November's
            _, timex = attached[when.i][0]
            return _dated(timex, current, published)
        during = next((g for c in current.children if c.dep_ == "prep" and c.lower_ in _DURING
                       for g in c.children if g.dep_ == "pobj" and attached.get(g.i)), None)
        if during is not None:  # 'on a visit to the Cambridge Union in 2007, Talabani praised': 2007
            return _dated(_nearest(attached[during.i], during), current, published)
        following = _following(current, attached)
        if following is not None:  # 'agreed to step down after talks in Banjul on Friday': Friday's
            return _dated(*following, published)
        published_on = _published_subject(current, attached)
        if published_on is not None:  # 'a report by UN experts, leaked last month, accused Rwanda': last month's
            return _dated(published_on, current, published)
        joint = _joint_dated(current, attached) if current.i == token.i else None
        if joint is not None:  # 'captured and killed a number of militants on Monday': the capture too
            return _dated(_nearest(attached[joint.i], joint), current, published)
        if current.dep_ == "relcl":  # 'in 2020, when both governments closed the border': 2020's
            timex = next((t for anchored in attached.values() for i, t in anchored if i == current.head.i), None)
            if timex is not None:
                return _dated(timex, current, published)
        if current.dep_ in _DATED_BY_GOVERNOR or _participle_clause(current) or _meanwhile(current) or _led_to(current) or pos(current) in ("NOUN", "PROPN") and current.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
            current = current.head if current.dep_ not in ("pobj", "pcomp") else current.head.head
            continue
        break
    return None


# Things that say what they say when they come out: a report accuses, a statement says, a video
# shows on the day it is published.
_PUBLISHED_THINGS = frozenset(
    "report reports statement statements letter letters video videos document documents study survey communique "
    "decree resolution ruling verdict memo memorandum footage recording book".split()
)
_PUBLISHING = frozenset(
    "leaked published released issued circulated posted broadcast aired sent adopted delivered handed obtained seen".split())


# A date that modifies a noun names that thing's time, not a deed's ('breaching the 1997 treaty').
_OF_A_NOUN = frozenset({"amod", "compound", "nummod", "poss"})
# Things a date before them names the making of: a deed done to them later is not of that date
# ('withdrew from the 2015 nuclear agreement'), as a deed done in an event of a date is ('won the
# 2017 election').
_DOCUMENTS = frozenset(
    "agreement agreements deal deals accord accords treaty treaties pact pacts resolution resolutions law laws "
    "constitution charter convention protocol memorandum framework ceasefire truce".split())


# Verbs that make such a thing, on its date ('signed the 2015 agreement').
_MAKING = frozenset("sign conclude reach negotiate broker adopt pass strike seal ink draft agree approve enact".split())


def _names_a_document(token) -> bool:
    """A date modifying the name of an agreement or a law, through the words before it ('the
    landmark 2015 Iran nuclear agreement', 'the 1997 treaty')."""
    current = token
    for _ in range(4):
        if current.dep_ not in _OF_A_NOUN | {"nmod"}:
            return False
        current = current.head
        if current.lower_ in _DOCUMENTS:
            return True
    return False


def _joint_dated(verb, attached):
    """A verb coordinated after `verb`, with no subject or auxiliary of its own, that has a date of
    its own, not a year naming a thing ('captured and killed ... on Monday'); None if none."""
    return next((c for c in verb.children if c.dep_ == "conj" and pos(c) == "VERB"
                 and any(verb.doc[i].dep_ not in _OF_A_NOUN for i, _ in attached.get(c.i, ()))
                 and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)), None)


def _published_subject(verb, attached):
    """The date a verb's subject came out, when the subject is a report or the like and a
    participle of publishing dates it ('a report, leaked last month, accused'; 'a statement
    issued on Monday said'): what it says is said then."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _PUBLISHED_THINGS):
        for participle in (c for c in subject.children if c.dep_ in ("acl", "relcl") and c.lower_ in _PUBLISHING):
            found = attached.get(participle.i)
            if found:
                return found[0][1]
    return None


def _placed_against(tokens, word: str):
    """(the word, the event) for each event a verb's dependents place it 'after' or 'before' (`word`):
    an event noun or gerund ('after talks on Friday', 'before returning to the UK') or a clause
    ('after she reported on Friday')."""
    for child in tokens:
        if child.dep_ == "prep" and child.lower_ == word:
            event = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if event is not None:
                yield child, event
        elif child.dep_ == "advcl":
            mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ == word), None)
            if mark is not None:
                yield mark, child


def _following(verb, attached) -> tuple[Timex, object] | None:
    """The date of the event a verb follows with no span said, when that event is dated to the
    day, with the event: 'after talks on Friday' (an event noun, also after the verb's infinitive:
    'agreed to step down after talks on Friday') or 'after she reported on Friday' (a clause). News
    tells what followed on the same day unless it says how long after ('a day after': _related)."""
    children = list(verb.children)
    children += [g for c in children if c.dep_ == "xcomp" for g in c.children]
    for relation, event in _placed_against(children, "after"):
        if any(c.dep_ == "npadvmod" for c in relation.children):
            continue  # ('two days after': _related)
        found = attached.get(event.i)
        if found and found[0][1].precision in ("day", "time"):
            return found[0][1], event  # (the event's own tense turns its weekday)
    return None


def dated_saying(doc, attached, published: date | None) -> Dated | None:
    """The date the text gives the sentence's last verb of saying ('said on Thursday'), if any."""
    found = None
    for token in doc:
        if pos(token) == "VERB" and lemma(token) in SAYING:
            own = _own(token, attached, published)
            if own is not None and own[3] == "text" and own[0] is not None and (published is None or own[0] <= published):
                found = own  # (a saying is not after the report of it)
    return found


def _goes_on(saying) -> bool:
    """A saying that goes on with the speaker just quoted: its subject a pronoun ('..., he said')."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they") for c in saying.children)


def _preceding(verb, attached) -> Timex | None:
    """The date of the event a verb comes before, when that event is dated ('crossed the border,
    before returning to the UK in November 2015'; 'before the vote in May'): the verb is no later."""
    return next((attached[event.i][0][1] for _, event in _placed_against(verb.children, "before") if attached.get(event.i)), None)


def _participle_clause(token) -> bool:
    """A participle clause with no conjunction of its own ('fired missiles on Friday, killing
    six'; 'declared martial law on Tuesday, saying ...') or a purpose ('fired tear gas on Monday
    to disperse them'): it happens when its governor does."""
    if token.dep_ != "advcl" or any(c.dep_ in ("mark", "nsubj") for c in token.children):
        return False
    return token.tag_ == "VBG" and not any(c.dep_ == "aux" for c in token.children) or token.tag_ == "VB" and purpose_clause(token)


# Conjunctions of a clause that happens at the time of the clause it hangs on.
_AT_THE_TIME = frozenset({"when", "as", "while", "whilst"})


def _led_to(token) -> bool:
    """A clause a dated deed followed with no span said ('recalled its ambassador last week after
    Uganda expelled two diplomats'): of the same day, as news tells it (the converse of
    _following), not the publication day."""
    children = list(token.children)
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "after" and token.head.dep_ == "prep":
        # a gerund after 'after' ('ordered an offensive on Wednesday after accusing the TPLF of attacking')
        after = token.head
        return after.head.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("npadvmod", "advmod") for c in after.children)
    mark = next((c for c in children if c.dep_ == "mark" and c.lower_ == "after" and c.i < token.i), None)
    return token.dep_ == "advcl" and token.head.tag_ in ("VBD", "VBN") and mark is not None and not any(
        c.dep_ in ("npadvmod", "advmod") for c in [*mark.children, *(c for c in children if c.i < mark.i)])
    # (a past one: not 'will arrive on Wednesday after Russia brokered a deal'; and no span said:
    # not 'shortly after', 'two days after')


def _meanwhile(token) -> bool:
    """A clause of the same time as its governor ('We saw this in Afrin last year as they tried to
    erase our culture', 'was arrested in May when he returned'): dated as its governor is."""
    children = list(token.children)
    return token.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _AT_THE_TIME and c.i < token.i
                                          for c in children) and not any(
        c.dep_ in ("advmod", "npadvmod") and c.lower_ in _BEFORE_WORDS for c in children)  # ('as he has repeatedly threatened')


def _standing(token) -> bool:
    """A passive participle that modifies a noun ('government forces backed by Moscow', 'towns
    recaptured from Isis'): what the thing has undergone, told to say which thing it is, not a
    deed of the day (with no date of its own)."""
    return token.dep_ in ("acl", "amod") and token.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in token.children)  # (not 'the agreement, to be monitored by Turkey')


def _earlier(token) -> bool:
    """The text puts the deed before the publication day: past perfect or an adverb that says so."""
    verb = token
    if _reported(token):
        return False  # 'officers had acted', he said: reported speech shifts the tense back
    for _ in range(5):
        children = list(verb.children)
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in children) and verb.tag_ == "VBN":
            return True
        if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _BEFORE_WORDS for c in children):
            return True
        if verb.tag_ == "VBD" and any(_then(c) for c in children):
            return True  # 'At the time, the world stood back and watched'
        if verb.dep_ not in _SAME_CLAUSE and not _meanwhile(verb) and not _participle_clause(verb):
            break  # (a clause of the same time goes with its governor: '... watched as Serb forces overran')
        verb = verb.head
    return False


def _then(prep) -> bool:
    """'at the time', 'at that time', 'back then' on a verb in the past: a time the text spoke of
    before, not the publication day (but 'at the time of the attack' is dated by its attack)."""
    if prep.dep_ == "advmod" and prep.lower_ == "then" and any(c.lower_ == "back" for c in prep.children):
        return True
    if prep.dep_ != "prep" or prep.lower_ != "at":
        return False
    return any(g.dep_ == "pobj" and g.lower_ == "time" and [c.lower_ for c in g.children] in (["the"], ["that"])
               for g in prep.children)


def of_the_day(lead: list[Timex], published: date | None) -> bool:
    """A story of the day's news: its lead (first sentences) dates something within a week of the
    publication day ('on Monday', 'yesterday', 'on March 3'). A feature or an analysis whose lead
    dates nothing so near tells what happened before it without saying when."""
    if published is None:
        return True
    for timex in lead:
        start = value_start(timex.value) if timex.type == "DATE" and timex.value else None
        if start is not None and abs((start - published).days) <= 7:
            return True
    return False


def _told_past(token) -> bool:
    """A deed told in the simple past, not a saying and not reported speech ('Talabani negotiated
    a ceasefire', not 'he said')."""
    return token.tag_ == "VBD" and lemma(token) not in SAYING and not _reported(token)


def _told_perfect(token) -> bool:
    """A deed told in the present perfect, not a saying and not reported speech ('the regime has
    crushed any opposition')."""
    return (token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_PERFECT for c in token.children)
            and lemma(token) not in SAYING and not _reported(token))


def _reported(token) -> bool:
    """A verb inside what someone said ('X said that police had arrested ...')."""
    return _saying(token) is not None


def _saying(token):
    """The verb of saying whose reported clause holds `token`, or None."""
    current = token
    for _ in range(6):
        if current.dep_ in ("ccomp", "parataxis") and lemma(current.head) in SAYING:
            return current.head
        if (broken := misparsed_report(current)) is not None:
            return broken  # 'youths resorted to throwing stones ..., officials said'
        aside = next((c for c in current.children if c.dep_ == "parataxis" and lemma(c) in SAYING and c.i > token.i), None)
        if aside is not None:
            return aside  # 'Police had arrested 17 others, he said': the parser hangs the saying on the deed
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _relative(token, attached, published: date | None, depth: int) -> Dated | None:
    """The date of an event placed a span before or after another (see the module doc)."""
    if depth > 3:
        return None
    related = _related(token)
    if related is not None:
        governor, days = related
        if isinstance(days, _Years):
            return _years_from(governor, days, attached, published, depth + 1)
        day = _governing_day(governor, attached, published, depth + 1)
        return None if day is None else _day(day + timedelta(days=days))
    for other in token.subtree:  # the other way round: 'two days after the March 3 vote he resigned'
        if other.i == token.i or other.i not in attached:
            continue
        related = _related(other)
        own = _direct(other, attached, published) if related is not None and related[0].i == token.i else None
        if own is not None and isinstance(related[1], _Years):
            return _shifted(own, -related[1].signed)  # 'a year after the 2018 election he resigned': 2019
        if own is not None and own[1] == "day" and own[0] is not None:
            return _day(own[0] - timedelta(days=related[1]))
    return None


def _related(token):
    """(the event it is placed against, signed days) for the verb of a clause like 'a day after
    rebels captured the city' or the noun of 'two days after the vote' / 'the day after a
    collision'; None for any other token."""
    if token.dep_ in ("advcl", "conj", "ccomp", "relcl", "acl"):
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in _RELATIONS), None)
        if mark is None:
            return None
        relation, head = mark.lower_, token.head
        if head.dep_ == "npadvmod" and head.lower_ in _SPAN_UNITS:  # '[a day] after Belarus forced a jet to land'
            spans, governor = [head], head.head
        else:
            spans = [c for c in token.children if c.dep_ == "npadvmod"] + [c for c in mark.children if c.dep_ == "npadvmod"]
            governor = head
    elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in _RELATIONS:
        prep = token.head
        relation = prep.lower_
        if prep.head.dep_ == "npadvmod" and prep.head.lower_ in _SPAN_UNITS:  # 'the day after a collision'
            spans, governor = [prep.head], prep.head.head
        else:
            spans, governor = [c for c in prep.children if c.dep_ == "npadvmod"], prep.head
    else:
        return None
    days = next((d for d in map(_span_days, spans) if d is not None), None)
    if days is None:
        years = next((y for y in map(_span_years, spans) if y is not None), None)
        return None if years is None else (governor, _Years(_RELATIONS[relation] * years))
    return governor, _RELATIONS[relation] * days


class _Years(NamedTuple):
    """A span of whole years ('a year after', 'two years before'), signed as _RELATIONS."""

    signed: int


def _span_years(unit) -> int | None:
    """Years in a span: 'a year', 'two years'; None for 'years' without a count or another word."""
    return _span_count(unit) if unit.lower_ in ("year", "years") else None


def _years_from(governor, years: _Years, attached, published: date | None, depth: int) -> Dated | None:
    """The date of an event a number of years from the dated event it is placed against ('expelled
    the ambassador in 2019, a year after a border clash': the clash in 2018), at that event's
    precision (a year of a year, a month of a month or a day)."""
    own = _governing_date(governor, attached, published, depth)
    return None if own is None else _shifted(own, years.signed)


def _shifted(dated: Dated, years: int) -> Dated | None:
    """A date moved by whole years, at its own precision (a day or time becomes its month)."""
    day, precision = dated[0], dated[1]
    if day is None or precision not in ("year", "month", "day", "time"):
        return None
    moved = date(day.year + years, day.month if precision != "year" else 1, 1)
    if precision == "year":
        return moved, "year", str(moved.year), "text"
    return moved, "month", moved.isoformat()[:7], "text"


def _span_days(unit) -> int | None:
    """Days in a span: 'a day', 'the day', 'two days', 'a week' (7), '(several) hours' (0); None
    for 'days' without a count, a span of 24 hours or more, or another word."""
    per = _SPAN_UNITS.get(unit.lower_)
    if per is None:
        return None
    count = _span_count(unit)
    if per == 0:
        return 0 if count is None or count < 24 else None
    return None if count is None else count * per


def _span_count(unit) -> int | None:
    """The count of a span's unit: 'two days', 'a week', 'the day'; None when it has none."""
    count = None
    for child in unit.children:
        if child.dep_ == "nummod":
            count = int(child.text) if child.text.isdigit() else _COUNTS.get(child.lower_)
        elif child.dep_ == "det" and child.lower_ in _COUNTS:
            count = _COUNTS[child.lower_]
    return count


def _governing_date(governor, attached, published: date | None, depth: int) -> Dated | None:
    """The date of the event a span is counted from: its own or the nearest one above it in the tree."""
    current = governor
    for _ in range(12):
        own = _own(current, attached, published, depth)
        if own is not None:
            return own
        if current.head.i == current.i:
            break
        current = current.head
    return None


def _governing_day(governor, attached, published: date | None, depth: int) -> date | None:
    """The day of the event a span of days is counted from (_governing_date), else the
    publication day; None when that is not a day."""
    own = _governing_date(governor, attached, published, depth)
    if own is None:
        return published
    return own[0] if own[1] in ("day", "time") else None


def _direct(token, attached, published: date | None) -> Dated | None:
    found = attached.get(token.i)
    if not found:
        return None
    return _dated(_nearest(found, token), token, published)


def _nearest(found: list[tuple[int, Timex]], token) -> Timex:
    """Of the timexes attached to an event, the nearest to its word, a date before a span up to
    the publication day ('used chemical weapons most recently in Douma in April': April)."""
    dates = [item for item in found if item[1].value != PAST_SPAN] or found
    return min(dates, key=lambda item: abs(item[0] - token.i))[1]


def _dated(timex: Timex, host, published: date | None) -> Dated:
    """The date of a DATE expression attached to `host`; a bare weekday ('on Friday') is the one
    on or before the publication day when the tree puts its event in the past, the one on or after
    it when in the future (the tagger reads the tense off nearby words: 'agreed to step down after
    talks on Friday' is to it a plan)."""
    if timex.value == PAST_SPAN:
        return None, None, None, "earlier"  # 'have killed hundreds in recent weeks': over a span before the day
    day, value = value_start(timex.value), timex.value
    words = timex.text.lower().split()
    if day is not None and published is not None and words and words[0] in ENGLISH.weekdays and len(words) <= 2 \
            and (len(words) == 1 or words[1] in ENGLISH.parts_of_day) and abs((day - published).days) < 7:
        tense = _tense(host)
        moved = day - timedelta(days=7) if tense == "past" and day > published else \
            day + timedelta(days=7) if tense == "future" and day < published else day
        if moved != day:
            day, value = moved, moved.isoformat() + value[10:]
    return day, timex.precision, value, "text"


def _tense(host) -> str | None:
    """'past' or 'future' for the event at `host` from the tree: its verb's own tense and
    auxiliaries (an event noun's is its verb's); an event that comes before another ('after
    talks on Friday', 'after she reported') takes that one's when it has a finite tense; an
    infinitive (a plan: 'agreed to meet on Friday') and the present say nothing (None)."""
    current, before = host, False
    for _ in range(8):
        if pos(current) == "VERB":
            auxiliaries = {c.lower_ for c in current.children if c.dep_ in ("aux", "auxpass")}
            if auxiliaries & _FUTURE_AUXILIARIES:
                return "future"
            if current.tag_ == "VBD" or auxiliaries & _PAST_AUXILIARIES:
                return "past"
            infinitive = "to" in auxiliaries or current.tag_ == "VB" and current.dep_ in ("xcomp", "conj", "advcl")
            if not (infinitive and before):
                return None
        if current.lower_ in _RELATIONS or any(c.dep_ == "mark" and c.lower_ == "after" for c in current.children):
            before = before or current.lower_ == "after" or pos(current) == "VERB"
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _day(day: date) -> Dated:
    return day, "day", day.isoformat(), "text"
