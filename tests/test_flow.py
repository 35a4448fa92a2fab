"""End to end: real Prefect flow runs into a real DuckDB file (one temporary server per session)."""

import json
import shutil
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from eventpipe.flows.ingest import run_ingest
from eventpipe.warehouse.query import query, table_counts

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
    assert summary.articles == 6 and summary.rejects == 1  # README.md: not an input type, reported
    assert query(db, "select input, severity from rejects").rows() == [(str(folder / "README.md"), "warning")]
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
    from eventpipe.flows.cli import main

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.json").write_text('{"text": "Police arrested two men in Lagos.", "published": "2022-01-05"}')
    db = tmp_path / "w.duckdb"
    assert main(["run", str(tmp_path), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert "loaded 1 articles" in out and "1 rejects from 2 files" in out
    assert f"eventpipe: {tmp_path / 'empty.txt'}: error: empty file" in err.splitlines()
    assert query(db, "select event_date, source_sector, cameo_code from events").rows() == [(date(2022, 1, 5), "COP", "173")]


def test_a_run_that_finds_the_warehouse_held_fails_at_once_and_stores_nothing(prefect_server, tmp_path):
    import subprocess
    import sys

    from eventpipe.warehouse.connection import WarehouseError

    db = tmp_path / "w.duckdb"
    run_ingest([EXAMPLES / "statement.json"], db)
    code = f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); print('ready', flush=True); time.sleep(60)"
    reader = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseError, match=f"locked by process {reader.pid}"):
            run_ingest([EXAMPLES / "wire.jsonl"], db, wait=0.3)
    finally:
        reader.kill()
        reader.wait()
    assert table_counts(db)["articles"] == 1 and table_counts(db)["runs"] == 1


def test_batches_that_cannot_get_the_warehouse_mid_run_are_skipped_and_the_next_run_loads_them(prefect_server, tmp_path):
    """A reader takes the file as soon as the run has started: the batches after that are not
    stored, the run says so, and running the same input again loads exactly what was missing."""
    import subprocess
    import sys

    inbox, db, clean = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "clean.duckdb"
    inbox.mkdir()
    story = (EXAMPLES / "border-trade.txt").read_text(encoding="utf-8")
    for index in range(40):
        (inbox / f"{index:02d}.txt").write_text(f"{story}\nCorrection number {index} was appended.\n", encoding="utf-8")
    connect_code = f"""
import duckdb, time
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        c = duckdb.connect({str(db)!r}, read_only=True)
        if c.execute("select count(*) from runs where status = 'running'").fetchall()[0][0]:
            print('holding', flush=True)
            time.sleep(60)
            break
        c.close()
    except Exception:
        pass
    time.sleep(0.05)  # not every few milliseconds: each poll holds the file, and the run's start needs it within --wait
else:
    print('never saw the run', flush=True)
"""
    run_ingest([EXAMPLES / "statement.json"], db)  # the warehouse exists before the reader polls it
    reader = subprocess.Popen([sys.executable, "-c", connect_code], stdout=subprocess.PIPE, text=True)
    try:
        summary = run_ingest([inbox], db, batch_size=2, wait=0.3)
        assert reader.stdout.readline().strip() == "holding"
    finally:
        reader.kill()
        reader.wait()
    assert summary.failed_batches >= 1
    assert sum("not loaded" in line and "locked by process" in line for line in summary.problems) == summary.failed_batches
    stored = table_counts(db)["articles"] - 1
    assert stored == summary.articles < 40
    again = run_ingest([inbox], db)
    assert again.failed_batches == 0 and again.articles == 40 - stored
    run_ingest([EXAMPLES / "statement.json", inbox], clean)
    same = "select article_id, count(*) from mentions group by 1 order by 1"
    assert query(db, same).rows() == query(clean, same).rows()


def test_the_dask_runner_gives_exactly_the_rows_of_the_default_runner(prefect_server, tmp_path):
    import os
    import subprocess
    import sys

    plain, dask = tmp_path / "plain.duckdb", tmp_path / "dask.duckdb"
    run_ingest([EXAMPLES], plain, batch_size=2)
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    command = [sys.executable, "-m", "eventpipe.flows", "run", str(EXAMPLES), "--db", str(dask), "--runner", "dask", "--batch-size", "2",
               "--log-level", "info"]  # Prefect's INFO lines on the terminal, where Dask's would show too
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "loaded 6 articles" in done.stdout
    same = {
        "articles": "select * exclude (ingested_at) from articles order by all",
        "timexes": "select * from timexes order by all",
        "mentions": "select * from mentions order by all",
        "events": "select * exclude (first_seen_at, last_seen_at) from events order by all",
        "event_mentions": "select * from event_mentions order by all",
    }
    for name, sql in same.items():
        assert query(dask, sql).rows() == query(plain, sql).rows(), name
    assert "INFO    | distributed." not in done.stderr  # Dask's own chatter is kept to warnings


def test_unchanged_files_are_skipped_and_a_changed_file_replaces_its_articles(prefect_server, tmp_path):
    import os

    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    story = inbox / "story.txt"
    story.write_text("Kenyan police arrested two men in Nairobi on June 3, 2023.", encoding="utf-8")
    shutil.copy(EXAMPLES / "wire.jsonl", inbox / "wire.jsonl")
    first = run_ingest([inbox], db)
    assert (first.files, first.skipped, first.articles) == (2, 0, 5)
    before = ids(db)

    again = run_ingest([inbox], db)
    assert (again.skipped, again.articles, again.mentions) == (2, 0, 0)
    assert ids(db)["articles"] == before["articles"] and ids(db)["events"] == before["events"]

    os.utime(story, ns=(story.stat().st_atime_ns, story.stat().st_mtime_ns + 10**9))  # touched, same bytes
    touched = run_ingest([inbox], db)
    assert (touched.skipped, touched.articles) == (1, 0)
    assert query(db, f"select mtime_ns from files where path = '{story}'").rows() == [(story.stat().st_mtime_ns,)]

    story.write_text("Kenyan police arrested three men in Mombasa on June 4, 2023.", encoding="utf-8")
    changed = run_ingest([inbox], db)
    assert (changed.skipped, changed.articles) == (1, 1)
    texts = [text for (text,) in query(db, f"select text from articles where input = '{story}'").rows()]
    assert texts == ["Kenyan police arrested three men in Mombasa on June 4, 2023."]
    assert query(db, "select count(*) from articles").rows() == [(5,)]
    assert query(db, "select count(*) from events where event_date = DATE '2023-06-03'").rows() == [(0,)]
    assert query(db, "select count(*) from events where event_date = DATE '2023-06-04'").rows() == [(1,)]
    runs = query(db, "select status, files_seen, files_skipped, articles_loaded from runs order by started_at").rows()
    assert runs == [("completed", 2, 0, 5), ("completed", 2, 2, 0), ("completed", 2, 1, 0), ("completed", 2, 1, 1)]


def test_status_prints_the_last_runs_and_the_counts(prefect_server, tmp_path, capsys):
    from eventpipe.flows.cli import main

    db = tmp_path / "w.duckdb"
    run_ingest([EXAMPLES / "statement.json"], db)
    run_ingest([EXAMPLES / "statement.json"], db)
    capsys.readouterr()
    assert main(["status", "--db", str(db), "--runs", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:5] == ["run_id", "flow", "started_at", "finished_at", "status"]
    assert "completed" in out[2] and out[3] == "(1 row)"
    assert out[-1].startswith("articles 1  timexes ") and out[-1].endswith("runs 2")


def _lines(*records) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


ARREST = {"text": "Kenyan police arrested two men in Nairobi on June 3, 2023.", "published": "2023-06-04"}
TALKS = {"text": "Officials of Chile and Peru met in Lima on May 2, 2023.", "published": "2023-05-03"}


def test_an_article_two_files_hold_stays_until_neither_holds_it(prefect_server, tmp_path):
    """Issue 14: a.jsonl and b.jsonl both hold ARREST; b drops it: it stays, a is still skipped."""
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    a, b = inbox / "a.jsonl", inbox / "b.jsonl"
    a.write_text(_lines(ARREST), encoding="utf-8")
    b.write_text(_lines(ARREST, TALKS), encoding="utf-8")
    first = run_ingest([inbox], db)
    assert first.articles == 2
    texts = "select text from articles order by text"
    assert len(query(db, texts).rows()) == 2

    b.write_text(_lines(TALKS), encoding="utf-8")
    dropped = run_ingest([inbox], db)
    assert (dropped.skipped, dropped.articles) == (1, 1)
    assert query(db, texts).rows() == [(ARREST["text"],), (TALKS["text"],)]
    assert query(db, "select input from articles where text like 'Kenyan%'").rows() == [(f"{a}:1",)]
    assert query(db, "select count(*) from events where event_date = DATE '2023-06-03'").rows() == [(1,)]

    a.write_text(_lines(TALKS), encoding="utf-8")  # now no file holds it
    run_ingest([inbox], db)
    assert query(db, texts).rows() == [(TALKS["text"],)]
    assert query(db, "select count(*) from events where event_date = DATE '2023-06-03'").rows() == [(0,)]
    assert query(db, "select count(*) from file_articles").rows() == [(2,)]


def test_new_options_read_a_file_again_and_clear_the_rejects_it_no_longer_gives(prefect_server, tmp_path, capsys):
    from eventpipe.flows.cli import main

    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    (inbox / "news.csv").write_text(f'id,story\n1,"{ARREST["text"]}"\n2,Officials of Chile and Peru met in Lima.\n',
                                    encoding="utf-8")
    assert main(["run", str(inbox), "--db", str(db)]) == 1  # nothing loaded: the reason is printed
    assert "nothing loaded" in capsys.readouterr().err
    assert [reason[:15] for (reason,) in query(db, "select reason from rejects").rows()] == ["no text column:"]

    fixed = run_ingest([inbox], db, text_column="story")  # as the reject says
    assert (fixed.skipped, fixed.articles) == (0, 2)
    assert query(db, "select count(*) from rejects where severity = 'error'").rows() == [(0,)]
    assert run_ingest([inbox], db, text_column="story").skipped == 1

    dated = run_ingest([inbox], db, text_column="story", published=date(2023, 5, 3))
    assert (dated.skipped, dated.articles) == (0, 2)
    assert query(db, "select published_date, published_source from articles where text like 'Officials%'").rows() == [
        (date(2023, 5, 3), "cli")]
    assert query(db, "select count(*) from rejects").rows() == [(0,)]  # 'no publication date' no longer true

    forced = run_ingest([inbox], db, text_column="story", published=date(2023, 5, 3), force=True)
    assert (forced.skipped, forced.articles) == (0, 2)
    assert query(db, "select count(*) from articles").rows() == [(2,)]


def test_the_summary_counts_articles_stored_and_warnings_go_when_another_input_dates_the_article(
        prefect_server, tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    undated = {"text": "Officials of Chile and Peru met in Lima on Tuesday."}
    (inbox / "a.jsonl").write_text(_lines(undated, ARREST), encoding="utf-8")
    (inbox / "b.jsonl").write_text(_lines({**undated, "published": "2023-05-03"}, ARREST, ARREST), encoding="utf-8")
    summary = run_ingest([inbox], db, batch_size=1)  # one file a batch: a's warning is stored before b dates it
    assert summary.articles == 2 == query(db, "select count(*) from articles").rows()[0][0]
    assert summary.mentions == query(db, "select count(*) from mentions").rows()[0][0]
    assert summary.timexes == query(db, "select count(*) from timexes").rows()[0][0]
    assert any("no publication date" in line for line in summary.problems)  # a said so when it was read
    assert query(db, "select count(*) from rejects").rows() == [(0,)] and summary.rejects == 0  # b made it untrue


def test_inputs_that_yield_nothing_are_reported(prefect_server, tmp_path, capsys):
    from eventpipe.flows.cli import main

    empty, db = tmp_path / "empty", tmp_path / "w.duckdb"
    empty.mkdir()
    (empty / "notes.md").write_text("not an input", encoding="utf-8")
    assert main(["run", str(empty), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"{empty / 'notes.md'}: warning: unsupported file type '.md'" in err and "nothing to load" in err
    (empty / "list.json").write_text(json.dumps([ARREST, TALKS, {"body2": "x"}]), encoding="utf-8")
    assert main(["run", str(empty), "--db", str(db)]) == 0
    assert sorted(input for (input,) in query(db, "select input from articles").rows()) == [
        f"{empty / 'list.json'}:1", f"{empty / 'list.json'}:2"]
    reason = query(db, f"select reason from rejects where input = '{empty / 'list.json'}:3'").rows()[0][0]
    assert "the keys are 'body2'" in reason


def test_a_cli_run_prints_its_summary_not_prefects_log_lines(prefect_server, tmp_path):
    """Issue 14.11: a run printed 8 Prefect INFO lines and a docs link around its summary."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL")}
    command = [sys.executable, "-m", "eventpipe.flows", "run", str(EXAMPLES / "border-trade.txt")]
    quiet = subprocess.run([*command, "--db", str(tmp_path / "a.duckdb")], env=env, capture_output=True, text=True,
                           timeout=180)  # with Prefect's temporary server, as a new user runs it
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout.startswith("loaded 1 articles") and len(quiet.stdout.splitlines()) == 1
    assert quiet.stderr == ""
    served = env | {"PREFECT_API_URL": prefect_server}
    kept = subprocess.run([*command, "--db", str(tmp_path / "b.duckdb")], env=served, capture_output=True, text=True,
                          timeout=180)
    assert kept.returncode == 0 and kept.stderr == "" and kept.stdout.startswith("loaded 1 articles")
    run = query(tmp_path / "b.duckdb", "select run_id from runs").rows()[0][0]
    logs = urllib.request.urlopen(urllib.request.Request(
        f"{prefect_server}/logs/filter", data=json.dumps({"logs": {"flow_run_id": {"any_": [run]}}}).encode(),
        headers={"Content-Type": "application/json"}), timeout=10)
    assert any(line["message"].startswith("loaded 1 articles") for line in json.loads(logs.read()))  # in Prefect
    told = subprocess.run([*command, "--db", str(tmp_path / "c.duckdb"), "--log-level", "info"], env=served,
                          capture_output=True, text=True, timeout=180)
    assert told.returncode == 0 and told.stdout.startswith("loaded 1 articles")
    assert "| INFO    | Flow run " in told.stderr and "Finished in state Completed()" in told.stderr


def test_the_tree_coder_loads_earlier_deeds_undated_and_recode_switches_coders(prefect_server, tmp_path):
    """`run --coder tree` stores a deed the text puts before publication without a date as
    date_source 'earlier' with no date (migration 0007); recode switches a warehouse between the
    coders, and recoding with the same coder again changes nothing."""
    from eventpipe.flows.recode import run_recode

    story = {"id": "jammu", "published": "2021-10-14",
             "text": "Russia attacked Ukraine on Tuesday. Police had previously arrested 17 suspects in Jammu."}
    (tmp_path / "story.json").write_text(json.dumps(story), encoding="utf-8")
    db = tmp_path / "tree.duckdb"
    dated = "select cameo_code, source_country, event_date, date_source from mentions order by sentence_index"
    run_ingest([tmp_path / "story.json"], db, workers=1, coder="tree")
    tree = query(db, dated).rows()
    # (the police are of the place they act in, Jammu: India)
    assert tree == [("190", "RUS", date(2021, 10, 12), "text"), ("173", "IND", None, "earlier")]
    run_recode(db, workers=1, coder="rules")
    assert all(source != "earlier" for *_, source in query(db, dated).rows())  # the rule coder dates by publication
    run_recode(db, workers=1, coder="tree")
    everything = "select * exclude (first_seen_at, last_seen_at) from events order by event_id"
    assert query(db, dated).rows() == tree
    before = query(db, everything).rows()
    run_recode(db, workers=1, coder="tree")
    assert query(db, everything).rows() == before
