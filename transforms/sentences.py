"""Split article text into sentences with character offsets into the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a period without ending a sentence (lower-cased, without the period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cpt sgt adm cmdr gov sen rep rev hon pres
    insp supt det cpl pvt brig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp bros dept univ assn est approx vs etc no nos vol fig al
    """.split()
)

# Abbreviations that end a sentence when the next word is capitalised ("... of Apple Inc. The").
_MAY_END = frozenset({"inc", "ltd", "co", "corp", "bros", "etc", "jr", "sr", "al"})

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"""[.!?]+['"’”)\]]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z"“‘'])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)\.$")
_LONGEST_WORD = 64  # how far back the word before a period is looked for
_NEXT_CHARACTER = re.compile(r"\s*(\S)")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # 0-based position in the article
    start: int  # offset of the first character in the article text
    end: int  # offset one past the last character
    text: str  # text[start:end]


def _is_abbreviation(text: str, dot: int, lower_follows: bool) -> bool:
    """True when the period at text[dot] closes an abbreviation or an initial, not a sentence.

    "Inc." and the like end a sentence unless a lower-case word follows.
    """
    match = _WORD_BEFORE.search(text, max(0, dot - _LONGEST_WORD), dot + 1)  # not from the text's start
    if match is None:
        return False
    word = match.group(1)
    last = word.rsplit(".", 1)[-1].rsplit("-", 1)[-1]
    if last.lower() in ABBREVIATIONS:
        return last.lower() not in _MAY_END or lower_follows

    if len(last) == 1 and (last.isupper() or "." in word):  # initials: "J. Smith", "U.S.", "p.m."
        return True
    return "." in word and len(word) <= 6  # "e.g", "a.m"


def _next_starts_lower(text: str, pos: int) -> bool:
    following = _NEXT_CHARACTER.match(text, pos)
    return following is not None and following.group(1).islower()


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; blank lines always end a sentence.

    >>> [s.text for s in split_sentences("Gen. Smith met Mr. Jones. They talked.")]
    ['Gen. Smith met Mr. Jones.', 'They talked.']
    """
    cuts: list[int] = []
    for match in _BOUNDARY.finditer(text):
        chunk = match.group(0)
        if chunk == "." and _is_abbreviation(text, match.start(), _next_starts_lower(text, match.end())):
            continue
        cuts.append(match.end())
    sentences: list[Sentence] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece_start, piece_end = _strip_span(text, start, cut)
        if piece_end > piece_start:
            sentences.append(
                Sentence(len(sentences), piece_start, piece_end, text[piece_start:piece_end])
            )
        start = cut
    return sentences


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
