"""Mentions -> events: one row per real-world event, and near-identical texts found by SimHash.

Mentions can be one event when they share the cluster key (action root, actor pair, mode), their
CAMEO codes agree (equal, or one is the root-level form of the other: 040 'consult, not specified'
agrees with 042 and 043, which do not agree with each other), and the periods they may have happened
in overlap ('2021-06' overlaps '2021-06-15'; two days a week apart do not).

The clustering is greedy in a fixed order, so it is deterministic and independent of input order:
the most precise mentions (narrowest period) go first and found events; each later mention joins
the narrowest overlapping event whose code agrees, or founds one. Because coarse mentions come after
every finer one, clustering the events again (as mentions) merges nothing.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from eventpipe.schemas.tables import CLUSTER_INPUT, EVENT_MENTIONS, EVENTS
from eventpipe.transforms.articles import content_id

# Near-identical texts: 64-bit SimHash fingerprints (Charikar 2002; Manku, Jain and Das Sarma,
# WWW 2007) that differ in at most 8 bits. Measured on the 249 Guardian articles of
# ../shared/corpora/guardian-sdf: a copy with its last 10% cut and a credit line added differs by
# 5-12 bits (2-8 with its first 5% cut), while the closest two different articles (same topic,
# same outlet, 30,876 pairs) differ by 16. Only mentions of one event are compared, a few at a time.
NEAR_DUPLICATE_BITS = 8
_WORD = re.compile(r"\w+")


def simhash(text: str) -> int:
    """64-bit SimHash of the lower-cased word trigrams of a text (0 for a text of no words)."""
    return simhashes([text])[0]


def simhashes(texts: list[str]) -> list[int]:
    """`simhash` of each text, counted for all of them in one Polars query."""
    owners: list[int] = []
    digests: list[bytes] = []
    for n, text in enumerate(texts):
        words = _WORD.findall(text.lower())
        shingles = [f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:])] or ([" ".join(words)] if words else [])
        digests += [hashlib.blake2b(shingle.encode(), digest_size=8).digest() for shingle in shingles]
        owners += [n] * len(shingles)
    if not digests:
        return [0] * len(texts)
    hashes = array("Q", b"".join(digests))  # each digest read as a big-endian unsigned 64-bit number
    if sys.byteorder == "little":
        hashes.byteswap()
    shingles = pl.DataFrame({"text": owners, "hash": hashes}, schema={"text": pl.UInt32, "hash": pl.UInt64})
    bits = [((pl.col("hash") // pl.lit(1 << bit, dtype=pl.UInt64)) % 2).sum().alias(str(bit)) for bit in range(64)]
    counts = shingles.group_by("text").agg(pl.len().alias("shingles"), *bits)
    fingerprints = [0] * len(texts)
    for row in counts.iter_rows():
        half = row[1] / 2
        fingerprints[row[0]] = sum(1 << bit for bit, ones in enumerate(row[2:]) if ones > half)
    return fingerprints


def near_identical(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and (a ^ b).bit_count() <= NEAR_DUPLICATE_BITS


def agrees(a: str, b: str) -> bool:
    """Two CAMEO codes can name one action: equal, or one the unspecified form of the other's family."""
    a, b = _specific(a), _specific(b)
    return a.startswith(b) or b.startswith(a)


def _specific(code: str) -> str:
    """The code without a trailing 'not specified' 0: 040 -> 04, 0310 -> 031, 057 stays."""
    return code[:-1] if len(code) > 2 and code.endswith("0") else code


@dataclass(slots=True)
class _Cluster:
    seed: dict
    members: list[dict] = field(default_factory=list)

    @property
    def width(self) -> int:
        return (self.seed["date_to"] - self.seed["date_from"]).days

    def overlaps(self, row: dict) -> bool:
        seed = self.seed
        if seed["date_from"] is None or row["date_from"] is None:
            return False
        return seed["date_from"] <= row["date_to"] and row["date_from"] <= seed["date_to"]


def _order(row: dict) -> tuple:
    """Narrowest period first, then the most specific code, the earliest date, then the mention id.

    Content only, never when an article was stored: loading the same articles in other batches,
    or again after a crash, gives the same events with the same ids.
    """
    undated = row["date_from"] is None
    width = 0 if undated else (row["date_to"] - row["date_from"]).days
    return (undated, width, -len(_specific(row["cameo_code"])), row["date_from"] or date.min, row["mention_id"])


def cluster(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster mentions (CLUSTER_INPUT columns) into (events, event_mentions) frames."""
    missing = set(CLUSTER_INPUT.names) - set(mentions.columns)
    if missing:
        raise ValueError(f"mentions lack columns {sorted(missing)}")
    groups: dict[str, list[dict]] = {}
    for row in mentions.select(CLUSTER_INPUT.names).unique("mention_id", keep="last").iter_rows(named=True):
        groups.setdefault(row["cluster_key"], []).append(row)
    events, links = [], []
    for key in sorted(groups):
        for found in _cluster_group(sorted(groups[key], key=_order)):
            event = _event_row(key, found)
            events.append(event)
            links.extend({"mention_id": m["mention_id"], "event_id": event["event_id"]} for m in found.members)
    return EVENTS.frame(events), EVENT_MENTIONS.frame(links)


def _cluster_group(rows: list[dict]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for row in rows:
        fits = [c for c in clusters if c.overlaps(row) and agrees(c.seed["cameo_code"], row["cameo_code"])]
        if fits:
            min(fits, key=lambda c: (c.width, c.seed["date_from"])).members.append(row)
        else:
            clusters.append(_Cluster(seed=row, members=[row]))
    return clusters


def _event_row(key: str, found: _Cluster) -> dict:
    seed, members = found.seed, found.members
    coded = _code_row(members)
    seen = [m["ingested_at"] for m in members]
    return {
        "event_id": content_id(key, seed["mention_id"]),
        "cluster_key": key,
        **{name: seed[name] for name in ("event_date", "date_precision", "date_value", "date_source", "mode")},
        **{name: coded[name] for name in ("cameo_code", "cameo_root", "plover", "quad_class", "goldstein")},
        **{name: _first(members, name) for name in (
            "source_name", "source_country", "source_sector", "target_name", "target_country",
            "target_sector")},
        **_location(members),
        "num_mentions": len(members),
        "num_articles": len(_texts(members)),
        "num_sources": _sources(members),
        "first_seen_at": min(seen),
        "last_seen_at": max(seen),
        "article_id": seed["article_id"],
        "mention_id": seed["mention_id"],
        "sentence": seed["sentence"],
    }


def _code_row(members: list[dict]) -> dict:
    """The member with the most specific code that every member's code agrees with."""
    for row in sorted(members, key=lambda m: -len(_specific(m["cameo_code"]))):
        if all(agrees(row["cameo_code"], other["cameo_code"]) for other in members):
            return row
    return members[0]


def _first(members: list[dict], name: str):
    return next((m[name] for m in members if m[name] is not None), None)


def _location(members: list[dict]) -> dict:
    placed = next((m for m in members if m["location"] is not None), None)
    if placed is None:
        return {"location": None, "location_country": None}
    return {"location": placed["location"], "location_country": placed["location_country"]}


def _texts(members: list[dict]) -> list[list[str]]:
    """Articles of the members grouped into near-identical texts (the same wire story)."""
    fingerprints = {m["article_id"]: m["simhash"] for m in members}
    groups: list[list[str]] = []
    for article_id in sorted(fingerprints):
        home = next((g for g in groups if any(near_identical(fingerprints[a], fingerprints[article_id]) for a in g)), None)
        if home is None:
            groups.append([article_id])
        else:
            home.append(article_id)
    return groups


def _sources(members: list[dict]) -> int:
    """Distinct outlets; an article without one counts as an outlet of its own text."""
    outlets = {m["outlet"].lower() for m in members if m["outlet"]}
    unnamed = [m for m in members if not m["outlet"]]
    if not unnamed:
        return len(outlets)
    texts = _texts(unnamed)
    return len(outlets) + len(texts)
