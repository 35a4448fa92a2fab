"""The tuning/check split: a fixed function of a record's id, about half each on the real ids."""

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventpipe.transforms.splits import CHECK, HALVES, TUNE, half, split

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = SHARED / "corpora"


def test_known_keys():
    # The first byte of sha256 decides: computed here independently of the module.
    for key in ("PLOVER-GSR01-AGREE-0002", "1042", "gambia-jammeh-exile-2017", "APW19980213.1310.tml", ""):
        first = hashlib.sha256(key.encode()).digest()[0]
        assert half(key) == (TUNE if first < 128 else CHECK)


@given(st.text())
def test_the_half_is_the_first_byte_of_the_digest(key):
    # Not Python's hash(): the same half in every process and on every machine.
    assert half(key) == (TUNE if hashlib.sha256(key.encode("utf-8")).digest()[0] < 128 else CHECK)


@given(st.lists(st.text(max_size=12), unique=True))
def test_split_keeps_every_item_once_in_order(keys):
    halves = split(keys, lambda k: k)
    assert sorted(halves) == sorted(HALVES)
    assert sorted(halves[TUNE] + halves[CHECK]) == sorted(keys)
    for name, items in halves.items():
        assert all(half(k) == name for k in items)
        assert items == [k for k in keys if half(k) == name]


@given(st.lists(st.text(max_size=12), unique=True, min_size=1), st.randoms())
def test_split_does_not_depend_on_order(keys, random):
    shuffled = list(keys)
    random.shuffle(shuffled)
    assert {k: n for n, ks in split(keys, str).items() for k in ks} == {k: n for n, ks in split(shuffled, str).items() for k in ks}


def _real_keys() -> dict[str, list[str]]:
    lines = lambda path: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {
        "plover": [r["id"] for r in lines(CORPORA / "plover-gsr/dev.jsonl")],
        "police": [str(d["doc_id"]) for d in lines(CORPORA / "india-police-events/docs.jsonl") if d["doc_id"] % 2 == 0],
        "news": [r["id"] for r in lines(CORPORA / "dated-news-dev/articles.jsonl")],
        "timeml": sorted(p.name for p in (CORPORA / "timeml-tbaq").rglob("*.tml")),
    }


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_roughly_balanced_on_the_real_ids():
    for corpus, keys in _real_keys().items():
        assert len(set(keys)) == len(keys), corpus  # ids are keys
        tune = len(split(keys, str)[TUNE])
        print(corpus, tune, len(keys) - tune)
        # A fair coin gives 35-65% on 40 keys (the smallest set) with probability 0.96.
        assert 0.35 <= tune / len(keys) <= 0.65, corpus
