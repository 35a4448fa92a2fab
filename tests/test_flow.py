"""End to end: real Prefect flow runs into a real DuckDB file (one temporary server per session)."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from flows.ingest import run_ingest
from warehouse.query import query, table_counts

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.flow


def ids(db):
    return {name: query(db, f"select * from {name} order by all").rows() for name in ("articles", "timexes", "mentions", "events", "event_mentions", "rejects")}


def test_seed_article_end_to_end_and_idempotent(prefect_server, seed_path, tmp_path):
    db = tmp_path / "x.duckdb"
    summary = run_ingest([seed_path], db)
    assert (summary.articles, summary.rejects) == (1, 0) and summary.mentions >= 5
    assert query(db, "select published_date, published_source, byline from articles").rows() == [
        (date(2021, 10, 14), "inferred", "Azernews; Vugar Khalilov")
    ]
    june = query(
        db,
        "select source_country, target_country, date_precision, date_source from events "
        "where cameo_root = '05' and event_date = DATE '2021-06-15'",
    ).rows()
    assert june and {june[0][0], june[0][1]} == {"AZE", "TUR"} and june[0][2:] == ("day", "text")
    before = ids(db)
    run_ingest([seed_path], db)
    assert ids(db) == before


def test_bad_inputs_are_rejected_and_the_rest_loads(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    (inbox / "latin1.txt").write_bytes("Caf\xe9 talks ended.".encode("latin-1"))
    (inbox / "notes.md").write_text("skipped: not an input type")
    (inbox / "good.txt").write_text("Officials met in Baku on June 15, 2021.", encoding="utf-8")
    (inbox / "feed.jsonl").write_text(
        '{"text": "Police arrested two men.", "published": "2022-01-05"}\n{broken\n{"title": "no text"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    run_ingest([EXAMPLES / "statement.json"], db)
    stored = ids(db)["articles"]
    summary = run_ingest([inbox, tmp_path / "missing.txt"], db)
    assert summary.articles == 2
    reasons = dict(query(db, "select input, reason from rejects where severity = 'error'").rows())
    assert set(reasons) == {
        str(inbox / "empty.txt"), str(inbox / "binary.txt"), str(inbox / "latin1.txt"),
        f"{inbox / 'feed.jsonl'}:2", f"{inbox / 'feed.jsonl'}:3", str(tmp_path / "missing.txt"),
    }
    assert "not UTF-8" in reasons[str(inbox / "latin1.txt")]
    assert set(stored) <= set(ids(db)["articles"])
    assert table_counts(db)["articles"] == 3


def test_examples_load_with_their_dates(prefect_server, tmp_path):
    db = tmp_path / "w.duckdb"
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    summary = run_ingest([folder], db, batch_size=2)
    assert summary.articles == 6 and summary.rejects == 0
    sources = dict(query(db, "select external_id, published_source from articles where external_id is not null").rows())
    assert sources == {
        "ep-wire-0001": "metadata", "ep-wire-0002": "metadata", "ep-wire-0003": "metadata", "ep-desk-0002": "metadata",
        "ep-desk-0001": "inferred",
    }
    records = [json.loads(line) for line in (folder / "wire.jsonl").read_text().splitlines()]
    assert query(db, "select count(*) from articles where input like '%wire.jsonl:%'").rows() == [(len(records),)]
    assert query(db, "select count(*) from events where date_source = 'text'").rows()[0][0] >= 3
    # the Tokyo meeting, reported by the wire and by a daily with the roles the other way round
    assert query(db, "select source_country, target_country, num_articles, num_sources from events "
                     "where cameo_root = '04' and event_date = DATE '2024-02-08'").rows() in (
        [("JPN", "KOR", 2, 2)], [("KOR", "JPN", 2, 2)])


def test_cli_run_prints_a_summary_and_one_line_per_reject(prefect_server, tmp_path, capsys):
    from flows.cli import main

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.json").write_text('{"text": "Police arrested two men in Lagos.", "published": "2022-01-05"}')
    db = tmp_path / "w.duckdb"
    assert main(["run", str(tmp_path), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert "loaded 1 articles" in out and "1 rejects from 2 files" in out
    assert f"eventpipe: {tmp_path / 'empty.txt'}: error: empty file" in err.splitlines()
    assert query(db, "select event_date, source_sector, cameo_code from events").rows() == [(date(2022, 1, 5), "COP", "173")]
