"""Loads into a real DuckDB file: idempotent, one transaction per batch, nothing stored is lost."""

from datetime import UTC, date, datetime

import duckdb
import pytest

from eventpipe.schemas.tables import ARTICLES, MENTIONS, REJECTS, TIMEXES
from eventpipe.transforms.clusters import cluster
from eventpipe.warehouse.connection import WarehouseError, connect
from eventpipe.warehouse.load import load
from eventpipe.warehouse.query import query, table_counts

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def article(article_id="a1", text="Talks ended.", **fields):
    row = dict.fromkeys(ARTICLES.names)
    row.update(article_id=article_id, input=f"{article_id}.txt", text=text, ingested_at=NOW)
    row.update(fields)
    return row


def mention(mention_id="e1", article_id="a1", **fields):
    row = dict.fromkeys(MENTIONS.names)
    row.update(
        mention_id=mention_id, article_id=article_id, sentence_index=0, sentence="Talks ended.", start=0, end=12,
        cameo_code="040", cameo_root="04", event_date=date(2021, 6, 15), date_precision="day", date_source="text", mode="asserted",
    )
    row.update(fields)
    return row


def frames(articles=(), mentions=(), timexes=(), rejects=()):
    return {
        "articles": ARTICLES.frame(list(articles)),
        "mentions": MENTIONS.frame(list(mentions)),
        "timexes": TIMEXES.frame(list(timexes)),
        "rejects": REJECTS.frame(list(rejects)),
    }


def snapshot(db):
    return {name: query(db, f"select * from {name} order by all").rows() for name in ("articles", "mentions", "events", "event_mentions", "timexes", "rejects")}


def test_loading_the_same_batch_twice_changes_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    batch = frames(
        [article()],
        [mention()],
        [{"article_id": "a1", "start": 0, "end": 5, "text": "today", "type": "DATE", "value": "2021-06-15", "precision": "day"}],
        [{"reject_id": "r1", "input": "bad.txt", "reason": "empty file", "severity": "error", "seen_at": NOW}],
    )
    load(db, batch, cluster)
    first = snapshot(db)
    later = {**batch, "articles": ARTICLES.frame([article(ingested_at=datetime(2027, 1, 1, tzinfo=UTC))])}
    load(db, later, cluster)
    assert snapshot(db) == first
    assert table_counts(db) == {
        "articles": 1, "timexes": 1, "mentions": 1, "events": 1, "event_mentions": 1, "rejects": 1, "files": 0, "runs": 0
    }


def test_a_rerun_replaces_the_derived_rows_of_its_articles_only(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, frames([article("a1"), article("a2", "Other text.")], [mention("e1", "a1"), mention("e2", "a2")]), cluster)
    load(db, frames([article("a1")], [mention("e3", "a1")]), cluster)
    assert query(db, "select mention_id from mentions order by 1").rows() == [("e2",), ("e3",)]
    assert query(db, "select mention_id from event_mentions order by 1").rows() == [("e2",), ("e3",)]


def test_metadata_given_later_fills_in_but_keeps_first_input_and_time(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, frames([article(title=None)]), cluster)
    load(db, frames([article(input="other.jsonl:3", title="Talks", ingested_at=datetime(2027, 1, 1, tzinfo=UTC))]), cluster)
    assert query(db, "select input, title, ingested_at from articles").rows() == [("a1.txt", "Talks", NOW)]


def test_a_failing_batch_leaves_what_was_stored(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, frames([article("a1")], [mention("e1", "a1")]), cluster)
    before = snapshot(db)
    broken = frames([article("a2", "New text.")], [mention("e2", "a2"), mention("e3", "a2", date_source="rumour")])
    with pytest.raises(duckdb.ConstraintException):
        load(db, broken, cluster)
    assert snapshot(db) == before


def test_frames_with_wrong_columns_are_refused_before_writing(tmp_path):
    db = tmp_path / "w.duckdb"
    bad = frames([article()])
    bad["articles"] = bad["articles"].drop("title")
    with pytest.raises(ValueError, match="articles frame has columns"):
        load(db, bad, cluster)
    assert table_counts(db)["articles"] == 0


def test_sql_is_read_only_and_errors_are_one_line(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, frames([article()]), cluster)
    with pytest.raises(WarehouseError, match="read-only"):
        query(db, "delete from articles")
    with pytest.raises(WarehouseError, match="no_such_table"):
        query(db, "select * from no_such_table")
    assert query(db, "select count(*) as n from articles").rows() == [(1,)]


def test_a_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(WarehouseError, match="no warehouse at"):
        connect(tmp_path / "none.duckdb", read_only=True)
