"""Development sets split once, for good, into a tuning half and a check half.

A rule is learnt only from the failures of the tuning half; the check half, never looked at while
tuning, tells whether it generalises. Each record falls in a half by a fixed hash of its key (a
URL, a document id), so the split does not depend on the order, the size or the run of a set, and
a record added later never moves another.

    half("https://example.com/2020/01/19/story")  # "tune" or "check", the same every time
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "check"]
HALVES: tuple[Half, ...] = ("tune", "check")


def half(key: str) -> Half:
    """The half a record belongs to: "tune" when the first byte of the sha256 of its key is even."""
    return "tune" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "check"
