"""Dates through the tree: each event takes the date the text attaches to its own words.

A DATE expression (from the timex tagger, normalized against the publication date) belongs to the
nearest verb or event noun above it in the parse ('talks in Banjul on Friday': the talks; 'said on
Monday that Y attacked': the saying, not the attack). An event takes its own date first; else the
date of the verb it is coordinated with or is the infinitive of ('met on Friday and signed'); an
event noun without one takes its governing verb's ('held talks on Friday'). With none, an event
the text places before the publication day ('had asked', 'previously', 'earlier') is not dated
that day: its date stays empty, `date_source` 'earlier'. Any other event is dated by the
publication day ('published').
"""

from __future__ import annotations

from datetime import date

from eventpipe.transforms.coding.words import SAYING, lemma, pos
from eventpipe.transforms.timexes import Timex, value_start

_BEFORE_WORDS = frozenset({"previously", "earlier", "already", "formerly", "once", "before", "ago", "initially", "originally"})
_SAME_CLAUSE = ("conj", "xcomp")
# Below these a verb takes its governor's date: also a participle of the governor's object ('adopted
# a resolution urging X', the urging is the adopting).
_DATED_BY_GOVERNOR = ("conj", "xcomp", "acl")

Dated = tuple[date | None, str | None, str | None, str | None]  # event_date, precision, value, source


def anchors(doc, offset: int, timexes: list[Timex], heads: set[int]) -> dict[int, list[tuple[int, Timex]]]:
    """For each verb or event-noun token, the DATE timexes of the sentence attached to it, with the
    token each stands on. `offset` is the sentence's start in the text; `heads` the event tokens."""
    attached: dict[int, list[tuple[int, Timex]]] = {}
    end = offset + len(doc.text)
    for timex in timexes:
        if timex.type != "DATE" or not timex.value or timex.start < offset or timex.end > end:
            continue
        if value_start(timex.value) is None:
            continue
        span = doc.char_span(timex.start - offset, timex.end - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        token = span.root
        anchor = token.head
        for _ in range(len(doc)):
            if anchor.i in heads or pos(anchor) in ("VERB",) or anchor.dep_ == "ROOT":
                break
            anchor = anchor.head
        attached.setdefault(anchor.i, []).append((token.i, timex))
    return attached


def date_of(token, attached: dict[int, list[tuple[int, Timex]]], published: date | None) -> Dated:
    """The date of the event at `token` (see the module doc)."""
    own = _own(token, attached)
    if own is not None:
        return own
    if _earlier(token):
        return None, None, None, "earlier"
    if published is None:
        return None, None, None, None
    return published, "day", published.isoformat(), "published"


def _own(token, attached) -> Dated | None:
    current = token
    for _ in range(4):
        found = attached.get(current.i)
        if found:
            _, timex = min(found, key=lambda item: abs(item[0] - token.i))
            return value_start(timex.value), timex.precision, timex.value, "text"
        if current.dep_ in _DATED_BY_GOVERNOR or pos(current) in ("NOUN", "PROPN") and current.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
            current = current.head if current.dep_ != "pobj" else current.head.head
            continue
        break
    return None


def _earlier(token) -> bool:
    """The text puts the deed before the publication day: past perfect or an adverb that says so."""
    verb = token
    if _reported(token):
        return False  # 'officers had acted', he said: reported speech shifts the tense back
    for _ in range(3):
        children = list(verb.children)
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in children) and verb.tag_ == "VBN":
            return True
        if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _BEFORE_WORDS for c in children):
            return True
        if verb.dep_ not in _SAME_CLAUSE:
            break
        verb = verb.head
    return False


def _reported(token) -> bool:
    """A verb inside what someone said ('X said that police had arrested ...')."""
    current = token
    for _ in range(6):
        if current.dep_ in ("ccomp", "parataxis") and lemma(current.head) in SAYING:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False
