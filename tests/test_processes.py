"""Real processes against one warehouse file: a reader querying in a loop while a writer loads
1,000 real articles, and a writer killed with SIGKILL in the middle of a load."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpora import real_articles
from eventpipe.warehouse.query import query, table_counts

pytestmark = pytest.mark.flow

BATCH = 50
READER = """
import sys, time
from pathlib import Path
from eventpipe.warehouse.query import query
db, stop = Path(sys.argv[1]), Path(sys.argv[2])
done = failed = 0
seen = []
while not stop.exists():
    try:
        seen.append(query(db, "select count(*) from articles", wait=60).rows()[0][0])
        done += 1
    except Exception as error:
        failed += 1
        print("failed:", error, file=sys.stderr, flush=True)
    time.sleep(0.05)
print(done, failed, int(seen == sorted(seen)), flush=True)
"""


@pytest.fixture(scope="module")
def thousand(shared, tmp_path_factory) -> Path:
    """1,000 real news articles as JSON lines: IndiaPoliceEvents, Guardian, then TimeBank/AQUAINT."""
    records = real_articles(shared)
    assert len(records) >= 1000
    path = tmp_path_factory.mktemp("corpus") / "thousand.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records[:1000]), encoding="utf-8")
    return path


def _writer(corpus: Path, db: Path, api_url: str) -> subprocess.Popen:
    env = {**os.environ, "PREFECT_API_URL": api_url}
    command = [sys.executable, "-m", "eventpipe.flows", "run", str(corpus), "--db", str(db), "--batch-size", str(BATCH), "--wait", "120"]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.fixture(scope="module")
def clean_run(thousand, prefect_server, tmp_path_factory):
    """The 1,000 articles loaded by a writer while a reader queries the same file in a loop."""
    folder = tmp_path_factory.mktemp("clean")
    db, stop = folder / "w.duckdb", folder / "stop"
    writer = _writer(thousand, db, prefect_server)
    while not db.exists() and writer.poll() is None:  # the writer creates it before it loads
        time.sleep(0.05)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    out, err = writer.communicate(timeout=600)
    stop.touch()
    reader_out, reader_err = reader.communicate(timeout=120)
    return db, writer.returncode, out + err, reader.returncode, reader_out, reader_err


def test_a_reader_and_a_writer_share_the_warehouse_without_failing(clean_run):
    db, code, output, reader_code, reader_out, reader_err = clean_run
    assert code == 0, output
    assert reader_code == 0 and "failed:" not in reader_err, reader_err
    done, failed, monotonic = map(int, reader_out.split())
    assert failed == 0 and done >= 10 and monotonic == 1
    counts = table_counts(db)
    assert counts["articles"] == 1000 and counts["mentions"] > 1000
    assert counts["events"] < counts["mentions"]  # reports of one event are clustered
    assert query(db, "select count(*) from mentions anti join event_mentions using (mention_id)").rows() == [(0,)]


def test_kill_9_in_the_middle_of_a_load_keeps_whole_batches_and_a_rerun_completes_it(clean_run, thousand, prefect_server, tmp_path):
    clean_db = clean_run[0]
    db = tmp_path / "killed.duckdb"
    writer = _writer(thousand, db, prefect_server)
    deadline = time.monotonic() + 300
    stored = 0
    while stored < 2 * BATCH and time.monotonic() < deadline and writer.poll() is None:
        time.sleep(0.5)
        if db.exists():
            try:
                stored = query(db, "select count(*) from articles", wait=5).rows()[0][0]
            except Exception:
                continue
    assert writer.poll() is None, "the writer ended before it could be killed"
    os.killpg(writer.pid, signal.SIGKILL)
    writer.wait()

    counts = table_counts(db)
    assert 0 < counts["articles"] < 1000 and counts["articles"] % BATCH == 0  # whole batches only
    per_article = "select article_id, count(*) from mentions group by 1 order by 1"
    clean = dict(query(clean_db, per_article).rows())
    assert all(clean[article] == n for article, n in query(db, per_article).rows())

    rerun = _writer(thousand, db, prefect_server)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, out + err
    assert {**table_counts(db), "runs": 1} == table_counts(clean_db)
    assert query(db, "select status from runs order by started_at").rows() == [("running",), ("completed",)]
    same = "select event_id, cameo_code, event_date, num_mentions, num_articles from events order by event_id"
    assert query(db, same).equals(query(clean_db, same))


def test_a_rerun_on_an_unchanged_inbox_of_1000_files_reads_none_of_them(thousand, prefect_server, tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    for index, line in enumerate(thousand.read_text(encoding="utf-8").splitlines()):
        (inbox / f"{index:04d}.json").write_text(line, encoding="utf-8")
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    command = [sys.executable, "-m", "eventpipe.flows", "run", str(inbox), "--db", str(db)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0 and "loaded 1000 articles" in first.stdout, first.stderr[-2000:]
    before = table_counts(db)
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and "loaded 0 articles" in again.stdout and "(1000 unchanged, skipped)" in again.stdout
    assert table_counts(db) == {**before, "runs": 2}
    assert query(db, "select files_seen, files_skipped, articles_loaded from runs order by started_at").rows() == [
        (1000, 0, 1000), (1000, 1000, 0)
    ]
