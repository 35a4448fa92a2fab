"""The fixed split of development sets into tuning and check halves."""

from __future__ import annotations

import hashlib

from transforms.splits import HALVES, half


def test_a_key_always_falls_in_the_same_half_by_the_first_byte_of_its_sha256():
    keys = [f"https://news.example.org/2020/01/{n:02d}/story-{n}" for n in range(1000)]
    halves = [half(key) for key in keys]
    assert halves == [half(key) for key in reversed(keys)][::-1]  # order does not matter
    assert set(halves) == set(HALVES)
    assert 400 < halves.count("tune") < 600  # about half each
    assert all((h == "tune") == (hashlib.sha256(k.encode()).digest()[0] % 2 == 0) for k, h in zip(keys, halves))
