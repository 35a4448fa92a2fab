"""Articles -> frames: exact rows, the schemas' dtypes, one row per key."""

from datetime import UTC, date, datetime

import polars as pl
from hypothesis import given, settings, strategies as st
from polars.testing import assert_frame_equal

from eventpipe.schemas.tables import ARTICLES, MENTIONS, REJECTS, TIMEXES
from eventpipe.transforms.articles import Reject, parse_file
from eventpipe.transforms.frames import extract

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
TEXT = "Turkish troops attacked Syrian forces on June 15. The two countries signed a truce yesterday."


def test_frames_of_one_article_are_exact_and_typed():
    articles, rejects = parse_file("a.txt", ".txt", TEXT.encode(), published=date(2021, 10, 14))
    frames = extract(articles, [*rejects, Reject("b.txt", "empty file")], NOW)
    for frame, table in ((frames.articles, ARTICLES), (frames.timexes, TIMEXES), (frames.mentions, MENTIONS), (frames.rejects, REJECTS)):
        assert frame.schema == table.polars_schema()
    assert_frame_equal(
        frames.timexes.select("text", "type", "value", "precision"),
        pl.DataFrame(
            {"text": ["June 15", "yesterday"], "type": ["DATE", "DATE"], "value": ["2021-06-15", "2021-10-13"], "precision": ["day", "day"]}
        ),
    )
    assert frames.mentions.select("cameo_code", "source_country", "target_country", "event_date").rows() == [
        ("190", "TUR", "SYR", date(2021, 6, 15)),  # use conventional military force
        ("0871", "TUR", "SYR", date(2021, 10, 13)),  # declare truce; 'the two countries' = the pair
    ]
    assert frames.articles["ingested_at"].to_list() == [NOW]
    assert frames.rejects.select("input", "reason", "severity").rows() == [("b.txt", "empty file", "error")]


def test_the_same_article_twice_in_a_batch_is_one_row():
    first, _ = parse_file("a.txt", ".txt", TEXT.encode(), date(2021, 10, 14))
    second, _ = parse_file("b.txt", ".txt", TEXT.encode(), date(2021, 10, 14))
    frames = extract(first + second, [Reject("x", "empty file"), Reject("x", "empty file")], NOW)
    assert frames.articles.height == 1 and frames.rejects.height == 1
    assert frames.mentions["mention_id"].n_unique() == frames.mentions.height
    assert frames.timexes.select("start", "end").is_duplicated().sum() == 0


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str.encode), suffix=st.sampled_from([".txt", ".json", ".jsonl"]))
def test_any_bytes_give_articles_or_rejects_never_an_exception(data, suffix):
    articles, rejects = parse_file("f" + suffix, suffix, data, date(2021, 1, 1))
    assert articles or rejects
    frames = extract(articles, rejects, NOW)
    assert frames.articles.height == len({a.article_id for a in articles})
