"""`eventpipe recode`: stored articles extracted again, mentions replaced and events rebuilt, safe to kill."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventpipe.flows.ingest import run_ingest
from eventpipe.flows.recode import run_recode
from eventpipe.warehouse.query import query

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DERIVED = ("articles", "timexes", "mentions", "mention_keys", "events", "event_mentions", "rejects", "files",
           "file_articles")

pytestmark = pytest.mark.flow


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table but `runs`."""
    return {name: query(db, f"select * from {name} order by all").rows() for name in DERIVED}


def as_an_older_version_left_it(db: Path) -> None:
    """What an older coder could have stored: other codes, a mention too many, an article not coded
    at all, and the events of those mentions."""
    script = """
        update mentions set cameo_code = '010', cameo_root = '01' where sentence_index = 0;
        insert into mentions select * replace ('stale-' || mention_id as mention_id, sentence_index + 100 as sentence_index)
            from mentions where sentence_index = 1;
        delete from timexes where article_id = (select min(article_id) from articles);
        delete from mentions where article_id = (select min(article_id) from articles);
        delete from mention_keys; delete from event_mentions; delete from events;
    """
    query(db, script, write=True)


def test_recode_changes_nothing_when_the_version_did_not_change_and_records_its_run(prefect_server, tmp_path):
    db = tmp_path / "w.duckdb"
    run_ingest([EXAMPLES], db, workers=1)
    before = rows(db)
    summary = run_recode(db, batch_size=2, workers=1)
    assert rows(db) == before
    assert summary.articles == len(before["articles"]) and summary.mentions == len(before["mentions"])
    assert query(db, "select flow, status, articles_loaded, mentions_loaded from runs order by started_at").rows() == [
        ("ingest", "completed", len(before["articles"]), len(before["mentions"])),
        ("recode", "completed", len(before["articles"]), len(before["mentions"])),
    ]


def test_recode_replaces_what_an_older_version_stored_and_rebuilds_the_events(prefect_server, tmp_path):
    db = tmp_path / "w.duckdb"
    run_ingest([EXAMPLES], db, workers=1)
    fresh = rows(db)
    as_an_older_version_left_it(db)
    assert rows(db) != fresh
    run_recode(db, batch_size=4, workers=1)
    assert rows(db) == fresh


def _articles(folder: Path, count: int) -> Path:
    """`count` distinct articles: the example wire stories, each with a line of its own."""
    stories = [json.loads(line) for line in (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    path = folder / "many.jsonl"
    lines = []
    for index in range(count):
        story = stories[index % len(stories)]
        lines.append(json.dumps({**story, "id": f"many-{index}", "text": f"{story['text']}\n\nReport number {index}."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _recoder(db: Path, api_url: str, batch_size: int) -> subprocess.Popen:
    env = {**os.environ, "PREFECT_API_URL": api_url}
    command = [sys.executable, "-m", "eventpipe.flows", "recode", "--db", str(db), "--batch-size", str(batch_size),
               "--workers", "1", "--wait", "120"]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def test_a_recode_killed_with_sigkill_leaves_whole_batches_and_a_rerun_gives_the_rows_of_an_uninterrupted_one(
    prefect_server, tmp_path
):
    corpus = _articles(tmp_path, 400)
    db, whole = tmp_path / "killed.duckdb", tmp_path / "whole.duckdb"
    run_ingest([corpus], db)
    fresh = rows(db)
    total = len(fresh["articles"])
    coded = "select count(distinct article_id) from mentions"
    query(db, "delete from timexes; delete from mentions; delete from mention_keys; delete from event_mentions; "
              "delete from events", write=True)  # as an older version that coded nothing left it
    shutil.copy(db, whole)
    run_recode(whole)  # uninterrupted, in batches of 1,000 over the worker processes
    assert rows(whole) == fresh

    recoder = _recoder(db, prefect_server, 5)
    deadline = time.monotonic() + 300
    done = 0
    while done < 20 and time.monotonic() < deadline and recoder.poll() is None:
        time.sleep(0.05)
        done = query(db, coded, wait=30).rows()[0][0]
    assert recoder.poll() is None, "the recode ended before it could be killed: " + "".join(recoder.communicate())
    os.killpg(recoder.pid, signal.SIGKILL)
    recoder.wait()
    partly = query(db, coded).rows()[0][0]
    assert 0 < partly < total
    assert query(db, "select flow, status from runs order by started_at").rows()[-1] == ("recode", "running")
    # Whole batches only: every article recoded so far has exactly the mentions of the clean load.
    per_article = "select article_id, count(*) from mentions group by 1 order by 1"
    clean_counts = dict(query(whole, per_article).rows())
    assert all(clean_counts[article] == n for article, n in query(db, per_article).rows())

    rerun = _recoder(db, prefect_server, 5)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, out + err
    assert f"recoded {total} articles" in out
    assert "| INFO" not in out + err  # quiet where a person reads: the summary, not Prefect's log lines
    assert rows(db) == rows(whole)
    assert query(db, "select flow, status from runs order by started_at").rows()[-2:] == [
        ("recode", "running"), ("recode", "completed")
    ]
