"""The fixed split of every development set into a tuning half and a check half.

A record belongs to a half by the first byte of the SHA-256 of its key (UTF-8): below 128 it is
in the tuning half, else in the check half. The key is the record's own id, so the split never
changes when records are added, removed or reordered:

- PLOVER gold records: the record `id` ('PLOVER-GSR01-AGREE-0002');
- IndiaPoliceEvents: the `doc_id` as a decimal string ('1042'), so a document's sentences stay together;
- dated-news-dev: the report `id` ('gambia-jammeh-exile-2017'), so a report's gold events stay together;
- TimeML: the document's file name without its folder ('APW19980213.1310.tml').

Rules of the coder are written only from failures in the tuning half; the check half tells
whether a gain generalizes (issue 13).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

TUNE = "tune"
CHECK = "check"
HALVES = (TUNE, CHECK)

T = TypeVar("T")


def half(key: str) -> str:
    """'tune' or 'check' for a record's key: the first byte of sha256(key) below 128 is 'tune'."""
    return TUNE if hashlib.sha256(key.encode("utf-8")).digest()[0] < 128 else CHECK


def split(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    """The items of each half, in their order: {'tune': [...], 'check': [...]}."""
    halves: dict[str, list[T]] = {name: [] for name in HALVES}
    for item in items:
        halves[half(key(item))].append(item)
    return halves
