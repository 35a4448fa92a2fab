"""Clustering mentions into events: hand-made mentions with known answers, and its invariants."""

import hashlib
import random
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventpipe.schemas.tables import CLUSTER_INPUT
from eventpipe.transforms.clusters import agrees, cluster, near_identical, simhash, simhashes

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
T0 = datetime(2026, 1, 1, tzinfo=UTC)
MEETING = "04|AZE|TUR|asserted"


def mention(mention_id, day=date(2021, 6, 15), to=None, *, code="043", key=MEETING, article=None, outlet=None,
            fingerprint=None, seen=0, source="text", precision="day"):
    row = dict.fromkeys(CLUSTER_INPUT.names)
    row.update(
        mention_id=mention_id, article_id=article or f"a-{mention_id}", sentence_index=0,
        sentence=f"Sentence of {mention_id}.", start=0, end=10, event_date=day, date_precision=precision,
        date_value=day.isoformat() if day else None, date_source=source, cameo_code=code, cameo_root=code[:2],
        mode=key.rsplit("|", 1)[1], cluster_key=key, date_from=day, date_to=to or day, outlet=outlet,
        simhash=fingerprint, ingested_at=T0 + timedelta(minutes=seen), source_country="AZE", target_country="TUR",
    )
    return row


def clustered(rows):
    events, links = cluster(CLUSTER_INPUT.frame(rows))
    members = {}
    for mention_id, event_id in links.rows():
        members.setdefault(event_id, set()).add(mention_id)
    return events, sorted(members.values(), key=sorted)


def test_one_meeting_reported_by_three_outlets_is_one_event():
    rows = [
        mention("m1", article="a1", outlet="Reuters", fingerprint=0b0000, seen=0),
        mention("m2", article="a2", outlet="AP", fingerprint=0xFFFF_0000, seen=5),
        mention("m3", article="a3", outlet="AFP", fingerprint=0xFFFF_FFFF_0000, seen=9),
    ]
    events, groups = clustered(rows)
    assert groups == [{"m1", "m2", "m3"}]
    event = events.row(0, named=True)
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 3, 3)
    assert (event["first_seen_at"], event["last_seen_at"]) == (T0, T0 + timedelta(minutes=9))
    assert (event["event_date"], event["date_precision"], event["mention_id"]) == (date(2021, 6, 15), "day", "m1")


def test_two_days_a_week_apart_are_two_events():
    _, groups = clustered([mention("m1", date(2021, 6, 15)), mention("m2", date(2021, 6, 22))])
    assert groups == [{"m1"}, {"m2"}]


def test_a_month_mention_joins_the_day_it_contains_and_the_event_keeps_the_day():
    rows = [mention("month", date(2021, 6, 1), date(2021, 6, 30), precision="month"), mention("day", date(2021, 6, 15))]
    events, groups = clustered(rows)
    assert groups == [{"day", "month"}]
    assert events.select("event_date", "date_precision").rows() == [(date(2021, 6, 15), "day")]


def test_a_month_mention_outside_the_day_stays_apart():
    rows = [mention("may", date(2021, 5, 1), date(2021, 5, 31), precision="month"), mention("day", date(2021, 6, 15))]
    assert clustered(rows)[1] == [{"day"}, {"may"}]


def test_codes_join_when_one_is_the_unspecified_form_of_the_other():
    assert agrees("040", "043") and agrees("04", "0431") and agrees("057", "057")
    assert not agrees("042", "043") and not agrees("057", "051") and not agrees("190", "043")
    events, groups = clustered([mention("visit", code="042"), mention("host", code="043"), mention("talks", code="040")])
    assert len(groups) == 2 and {"visit"} in groups or {"host"} in groups
    assert sorted(events["cameo_code"]) == ["042", "043"]


def test_the_event_takes_the_most_specific_code_all_its_mentions_agree_with():
    events, groups = clustered([mention("talks", code="040"), mention("host", code="043")])
    assert groups == [{"host", "talks"}] and events["cameo_code"].to_list() == ["043"]


def test_different_keys_never_join():
    rows = [mention("m1"), mention("m2", key="04|AZE|TUR|intended"), mention("m3", key="04|AZE|ARM|asserted")]
    assert len(clustered(rows)[1]) == 3


def test_near_identical_texts_count_once_per_text_but_once_per_outlet():
    rows = [
        mention("m1", article="wire-in-a", outlet="Daily A", fingerprint=0b1011_0000),
        mention("m2", article="wire-in-b", outlet="Daily B", fingerprint=0b1011_0011),  # 2 bits apart: same text
        mention("m3", article="own-story", outlet="Daily B", fingerprint=0xFFFF_FFFF),
    ]
    event = clustered(rows)[0].row(0, named=True)
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 2, 2)


def test_articles_without_an_outlet_count_as_one_source_per_text():
    rows = [mention("m1", article="x", fingerprint=0), mention("m2", article="y", fingerprint=1), mention("m3", article="z", fingerprint=2**40 - 1)]
    assert clustered(rows)[0].row(0, named=True)["num_sources"] == 2


def test_undated_mentions_are_events_of_their_own():
    rows = [mention("m1", None), mention("m2", None)]
    assert clustered(rows)[1] == [{"m1"}, {"m2"}]


def test_simhash_finds_the_same_story_with_small_edits_and_not_another_story():
    story = (EXAMPLES / "border-trade.txt").read_text(encoding="utf-8")
    words = story.split()
    credited = story + "\nReporting by our correspondent; editing by the desk."
    cut = " ".join(words[: int(len(words) * 0.92)])
    other = (EXAMPLES / "statement.json").read_text(encoding="utf-8")
    assert near_identical(simhash(story), simhash(credited)) and near_identical(simhash(story), simhash(cut))
    assert not near_identical(simhash(story), simhash(other))
    assert simhash("") == 0 and simhash(story) == simhash(story)


def test_different_articles_of_one_outlet_on_one_topic_are_not_near_identical(shared):
    import csv

    csv.field_size_limit(10**9)
    with open(shared / "corpora/guardian-sdf/articles.csv", encoding="utf-8", newline="") as file:
        texts = [row["text"] for row in csv.DictReader(file)][:120]
    fingerprints = [simhash(text) for text in texts]
    close = [(i, j) for i in range(len(texts)) for j in range(i) if near_identical(fingerprints[i], fingerprints[j])]
    assert [(i, j) for i, j in close if texts[i] != texts[j]] == []


_days = st.integers(min_value=0, max_value=40)
_spans = st.sampled_from([0, 0, 0, 6, 29, 364])
_codes = st.sampled_from(["040", "042", "043", "04", "0431"])
_keys = st.sampled_from([MEETING, "04|AZE|ARM|asserted"])


@st.composite
def _mentions(draw):
    count = draw(st.integers(min_value=1, max_value=25))
    rows = []
    for index in range(count):
        start = date(2021, 1, 1) + timedelta(days=draw(_days))
        width = draw(_spans)
        rows.append(mention(f"m{index:02d}", start, start + timedelta(days=width), code=draw(_codes), key=draw(_keys),
                            seen=draw(st.integers(min_value=0, max_value=3))))
    return rows


@settings(max_examples=150, deadline=None)
@given(_mentions(), st.randoms())
def test_clustering_ignores_input_order(rows, rng):
    shuffled = list(rows)
    rng.shuffle(shuffled)
    assert clustered(rows)[1] == clustered(shuffled)[1]
    assert clustered(rows)[0].sort("event_id").equals(clustered(shuffled)[0].sort("event_id"))


@settings(max_examples=150, deadline=None)
@given(_mentions())
def test_clustering_clustered_data_changes_nothing(rows):
    """Each event, as a mention with its own date, code and key, is an event of its own again."""
    events, groups = clustered(rows)
    by_id = {row["mention_id"]: row for row in rows}
    again = [
        {**by_id[event["mention_id"]], "cameo_code": event["cameo_code"], "cameo_root": event["cameo_root"]}
        for event in events.iter_rows(named=True)
    ]
    assert len(clustered(again)[1]) == events.height
    every = [m for group in groups for m in group]
    assert sorted(every) == sorted(by_id)  # every mention is in exactly one event


def test_every_member_of_an_event_overlaps_its_first_mention():
    rng = random.Random(7)
    rows = [mention(f"m{i}", date(2021, 6, 1) + timedelta(days=rng.randrange(60)), code=rng.choice(["040", "043"])) for i in range(40)]
    events, links = cluster(CLUSTER_INPUT.frame(rows))
    by_id = {row["mention_id"]: row for row in rows}
    seeds = dict(events.select("event_id", "mention_id").rows())
    assert events.height < len(rows)
    for mention_id, event_id in links.rows():
        seed, member = by_id[seeds[event_id]], by_id[mention_id]
        assert member["date_from"] <= seed["date_to"] and seed["date_from"] <= member["date_to"]
        assert agrees(seed["cameo_code"], member["cameo_code"])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="ab cd\u00e9. ", max_size=60), max_size=6))
def test_simhashes_of_many_texts_are_the_simhash_of_each(texts):
    def one_by_one(text: str) -> int:  # the definition, bit by bit
        words = re.findall(r"\w+", text.lower())
        shingles = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))] if words else []
        hashes = [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles]
        return sum(1 << bit for bit in range(64) if sum(h >> bit & 1 for h in hashes) > len(hashes) / 2)

    assert simhashes(texts) == [one_by_one(text) for text in texts] == [simhash(text) for text in texts]
