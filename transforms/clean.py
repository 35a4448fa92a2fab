"""Dirty text -> clean text: mojibake repaired, Unicode normalized, and the language it is in.

Every article's text goes through `repair_text` before it gets its id, its date or its timexes,
so the offsets stored in `timexes` and `mentions` are offsets into the repaired text.
"""

from __future__ import annotations

import functools
import re

import ftfy
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# ftfy's defaults, except that curly quotes and full-width characters are kept as they were written.
_FIXER = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)
# What ftfy cannot undo: a no-break space (UTF-8 C2 A0) read as Windows-1252 is "Â\xa0"; once a
# scraper has turned the no-break space into a plain space, only a stray "Â" before a space is left.
_STRAY_A_CIRCUMFLEX = re.compile(r"Â(?=[ \u00a0])")
# In ASCII text ftfy changes only HTML entities, control characters (terminal escapes among them)
# and line breaks other than \n. Curly quotes, dashes and the ellipsis are no mojibake on their own
# (in Windows-1252 they are bytes 0x85 and 0x91-0x97, which no UTF-8 sequence starts with), and
# ftfy keeps them (uncurl_quotes=False). A character outside these is one ftfy might change.
_FIXABLE = re.compile("[^\t\n\x20-\x25\x27-\x7e‘’“”–—…]")
# Some sources escape every apostrophe by doubling it, as SQL string literals do. Two apostrophes
# between two letters, and four in a row, are always that artefact, never a quotation mark.
_DOUBLED_IN_WORD = re.compile(r"(?<=[^\W\d_])''(?=[^\W\d_])")
_DOUBLED = re.compile(r"(?<=[^\W\d_])''(?=[^\W\d_])|''''")
_APOSTROPHES = re.compile(r"'+")

# Texts shorter than this are not identified: on a line or two the detector guesses.
LANGUAGE_MIN_CHARS = 100
# A text is taken for another language only when the detector is at least this sure.
LANGUAGE_MIN_PROBABILITY = 0.9
SUPPORTED_LANGUAGES = ("en",)


def repair_text(text: str) -> str:
    """The text with mojibake ("â€™" for "’") repaired, control characters and terminal escapes
    removed, line breaks unified, Unicode in NFC and escaped apostrophes undoubled; curly quotes
    stay curly."""
    if not _as_written(text):  # else nothing ftfy would change (and no 'Â'): most news
        text = _STRAY_A_CIRCUMFLEX.sub("", ftfy.fix_text(text, _FIXER))
    return undouble_apostrophes(text)


def undouble_apostrophes(text: str) -> str:
    """The text without the doubling some sources escape apostrophes with (as SQL literals do).
    Only a text that shows it, two apostrophes between letters (government''s) or four in a row,
    is changed. When no single apostrophe stands anywhere in it, the whole text was escaped and
    every run is halved (a quoted ''riot fatigue'' becomes 'riot fatigue', a closing '''' becomes
    ''); otherwise only the pairs between letters and the runs of four are undoubled, and two
    apostrophes used as a quotation mark stay."""
    if "''" not in text or not _DOUBLED.search(text):
        return text
    if all(len(run) % 2 == 0 for run in _APOSTROPHES.findall(text)):
        return _APOSTROPHES.sub(lambda run: "'" * (len(run.group()) // 2), text)
    return _DOUBLED_IN_WORD.sub("'", text).replace("''''", "''")


def _as_written(text: str) -> bool:
    """Text ftfy leaves as it is: ASCII and typography, with no '&' or control characters."""
    return not _FIXABLE.search(text)


@functools.cache
def _identifier() -> LanguageIdentifier:
    # The model ships inside py3langid; it is loaded once, on first use (about 0.4 s).
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the language of the text and the detector's probability for it."""
    language, probability = _identifier().classify(text)
    return language, float(probability)


# Words of English that other languages do not use as words; in English news they are about a fifth
# of all words (median 0.21, lowest 0.086 over the 1,131 real articles of ../shared/corpora), in
# German, Dutch, French, Spanish or Italian news next to none (0.0 in samples of each).
_ENGLISH_WORDS = frozenset("the of and to that for with said from this have has were which".split())
_LETTERS = re.compile(r"[^\W\d_]+")
ENGLISH_MIN_SHARE = 0.06
ENGLISH_MIN_WORDS = 30


def plainly_english(text: str) -> bool:
    """True when the text's first 5,000 characters have at least 30 words, 6% of them words only
    English uses: such a text is English without asking the detector (which takes ~1 ms a text)."""
    words = _LETTERS.findall(text[:5000].lower())
    return len(words) >= ENGLISH_MIN_WORDS and sum(word in _ENGLISH_WORDS for word in words) >= ENGLISH_MIN_SHARE * len(words)


def language_problem(text: str) -> str | None:
    """Why the text cannot be coded because of its language, or None when it can (or is too short to tell)."""
    if len(text) < LANGUAGE_MIN_CHARS or plainly_english(text):
        return None
    language, probability = detect_language(text[:20_000])
    if language in SUPPORTED_LANGUAGES or probability < LANGUAGE_MIN_PROBABILITY:
        return None
    return (f"language is {language!r} (probability {probability:.2f}), not English: "
            f"only {', '.join(SUPPORTED_LANGUAGES)} articles are coded")
