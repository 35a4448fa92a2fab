"""The CLI in-process: every command documented with an example, output formats, clear errors."""

import json
from datetime import UTC, date, datetime

import pytest

from eventpipe.flows.cli import build_parser, format_table, main
from eventpipe.transforms.splits import CHECK, TUNE, half
from eventpipe.schemas.tables import ARTICLES, MENTIONS
from eventpipe.transforms.clusters import cluster
from eventpipe.warehouse.load import load


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    article = dict.fromkeys(ARTICLES.names) | {
        "article_id": "a1", "input": "a.txt", "text": "Talks.", "ingested_at": datetime(2026, 1, 1, tzinfo=UTC),
        "published_date": date(2021, 10, 14), "published_source": "cli",
    }
    mention = dict.fromkeys(MENTIONS.names) | {
        "mention_id": "e1", "article_id": "a1", "sentence_index": 0, "sentence": "Talks.", "start": 0, "end": 6,
        "cameo_code": "057", "cameo_root": "05", "event_date": date(2021, 6, 15), "date_precision": "day",
        "date_source": "text", "source_country": "AZE", "target_country": "TUR", "mode": "asserted",
    }
    load(path, {"articles": ARTICLES.frame([article]), "mentions": MENTIONS.frame([mention])}, cluster)
    return path


def test_every_command_has_help_ending_with_an_example():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert set(commands) >= {"run", "sql", "timex", "code"}
    for name, sub in commands.items():
        assert sub.format_help().rstrip().splitlines()[-1].startswith("example: eventpipe " + name), name
    corpora = commands["eval"]._subparsers._group_actions[0].choices
    assert set(corpora) == {"timex", "events", "police", "news", "pubdates"}
    for name, sub in corpora.items():
        assert sub.format_help().rstrip().splitlines()[-1].startswith(f"example: eventpipe eval {name} "), name


def test_every_eval_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    corpora = build_parser()._subparsers._group_actions[0].choices["eval"]._subparsers._group_actions[0].choices
    for name in corpora:
        assert f"| `eventpipe eval {name} " in readme, name


def test_sql_json_prints_one_array_with_iso_dates(db, capsys):
    assert main(["sql", "select event_date, cameo_code, source_country from events", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"event_date": "2021-06-15", "cameo_code": "057", "source_country": "AZE"}]


def test_sql_csv_and_table(db, capsys):
    main(["sql", "select cameo_code, target_country from events", "--db", str(db), "--format", "csv"])
    assert capsys.readouterr().out == "cameo_code,target_country\n057,TUR\n"
    main(["sql", "select cameo_code, target_country from events", "--db", str(db)])
    assert capsys.readouterr().out.splitlines() == [
        "cameo_code  target_country", "----------  --------------", "057         TUR", "(1 row)",
    ]


def test_db_comes_from_the_environment_when_not_given(db, capsys, monkeypatch):
    monkeypatch.setenv("EVENTPIPE_DB", str(db))
    assert main(["sql", "select count(*) as n from events", "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\n1\n"


def test_sql_errors_are_one_line_and_exit_2(db, tmp_path, capsys):
    assert main(["sql", "drop table events", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eventpipe: ") and err.count("\n") == 1
    assert main(["sql", "select 1", "--db", str(tmp_path / "missing.duckdb")]) == 2
    assert "no warehouse at" in capsys.readouterr().err


def test_bad_dates_are_usage_errors(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["timex", "--dct", "14/10/2021", "-"])
    assert exit.value.code == 2 and "not an ISO date" in capsys.readouterr().err


def test_timex_on_the_seed(seed_path, capsys):
    assert main(["timex", "--dct", "2021-10-14", str(seed_path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    text = seed_path.read_text(encoding="utf-8")
    values = {row["text"]: row["value"] for row in rows}
    assert values["October 14"] == "2021-10-14" and values["June 15"] == "2021-06-15"
    assert values["September 27"] == "2021-09-27" and values["1992"] == "1992"
    assert all(text[row["start"] : row["end"]] == row["text"] for row in rows)
    assert "2021" not in values


def test_timex_jsonl(monkeypatch, capsys):
    import io

    lines = '{"id": "a", "text": "He left yesterday.", "dct": "2021-10-14"}\n{"id": "b", "text": "In 1992 it began."}\n'
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["timex", "--jsonl", "-"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["id"] for record in out] == ["a", "b"]
    assert [(t["text"], t["value"]) for t in out[0]["timexes"]] == [("yesterday", "2021-10-13")]
    assert [(t["text"], t["value"]) for t in out[1]["timexes"]] == [("1992", "1992")]


def test_code_on_the_seed_gives_the_june_15_agreement(seed_path, capsys):
    assert main(["code", "--dct", "2021-10-14", str(seed_path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(rows[0]) == set(MENTIONS.names)
    june = [r for r in rows if r["event_date"] == "2021-06-15" and r["cameo_root"] == "05"]
    assert june and {june[0]["source_country"], june[0]["target_country"]} == {"AZE", "TUR"}


@pytest.mark.parametrize("coder, coded", [("rules", True), ("tree", False)])
def test_code_takes_the_coder(tmp_path, capsys, coder, coded):
    # the rule coder reads a private visit as a consultation; the tree coder sees no political deed
    (tmp_path / "a.txt").write_text("Her mother came to her with tears in her eyes.\n", encoding="utf-8")
    assert main(["code", "--coder", coder, "--dct", "2021-10-14", str(tmp_path / "a.txt")]) == 0
    assert bool(capsys.readouterr().out.strip()) is coded


def test_format_table_cuts_long_cells():
    table = format_table(["a"], [("x" * 100,), (None,)], max_width=10)
    assert table.splitlines()[2] == "x" * 9 + "…" and table.splitlines()[3] == ""


def test_eval_timex_scores_a_folder_of_timeml(tmp_path, capsys):
    (tmp_path / "a.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2021-10-14" functionInDocument="CREATION_TIME">'
        "2021-10-14</TIMEX3></DCT><TEXT>They met <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-10-13\">yesterday"
        '</TIMEX3> and on <TIMEX3 tid="t2" type="DATE" value="2021-06-01">June 15</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    assert main(["eval", "timex", str(tmp_path), "--json", "--errors", "5"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 1
    assert (report["overall"]["relaxed_f1"], report["overall"]["value_f1"]) == (1.0, 0.5)
    assert [(e["kind"], e["predicted_value"]) for e in report["errors"]] == [("wrong_value", "2021-06-15")]
    assert main(["eval", "timex", str(tmp_path / "missing")]) == 2


def test_eval_events_on_plover_records(tmp_path, capsys):
    record = {
        "id": "R1", "event": "ASSAULT", "text": "Turkish troops attacked Syrian forces near Afrin.",
        "source": [{"actorText": "Turkish troops", "code": "TUR", "sector": "MIL"}], "target": [{"actorText": "Syrian forces", "code": "SYR", "sector": "MIL"}],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["eval", "events", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["records"], report["source_country"], report["target_country"]) == (1, 1.0, 1.0)
    assert report["category"] == 0.0  # 190 is FIGHT, not ASSAULT: the scorer keeps them apart
    # One record is in one half: that half's scores equal all's, the other half has no records.
    halves = report["halves"]
    assert halves[half("R1")]["source_country"] == 1.0
    assert halves[CHECK if half("R1") == TUNE else TUNE]["records"] == 0


def _plover_records(tmp_path, ids):
    record = lambda record_id: {"id": record_id, "event": "PROTEST", "text": "Turkish troops attacked Syrian forces.",
                                "source": [{"code": "TUR"}], "target": [{"code": "SYR"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(record(i)) + "\n" for i in ids), encoding="utf-8")
    return path


def test_eval_errors_list_the_tuning_half_unless_told(tmp_path, capsys):
    keys = [f"R{n}" for n in range(20)]
    tune, check = [k for k in keys if half(k) == TUNE][:2], [k for k in keys if half(k) == CHECK][:1]
    path = _plover_records(tmp_path, [check[0], *tune])
    assert main(["eval", "events", str(path), "--errors", "5"]) == 0
    out = capsys.readouterr().out
    titles = [line.split(":")[0] for line in out.splitlines() if line.startswith("PLOVER records")]
    assert titles == ["PLOVER records, tuning half", "PLOVER records, check half", "PLOVER records, all"]
    assert "errors, tuning half (first 2 of 2):" in out
    assert tune[0] in out and tune[1] in out and check[0] not in out
    assert main(["eval", "events", str(path), "--errors", "5", "--half", "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(e["record_id"], e["half"]) for e in report["errors"]] == [(check[0], CHECK)]
    assert (report["records"], report["halves"]["tune"]["records"], report["halves"]["check"]["records"]) == (3, 2, 1)
    assert main(["eval", "events", str(path), "--errors", "1", "--half", "all", "--json"]) == 0
    assert [e["record_id"] for e in json.loads(capsys.readouterr().out)["errors"]] == [check[0]]
    with pytest.raises(SystemExit):
        main(["eval", "events", str(path), "--half", "dev"])


def test_eval_news_scores_gold_events_of_reports(tmp_path, capsys):
    text = "ANKARA — Turkish troops attacked Syrian forces near Afrin on Sunday.\n\nTurkey did not attack Iraq on Sunday."
    report = {
        "id": "afrin", "published": "2018-01-22", "text": text, "gold": [
            {"note": "attack", "roots": ["18", "19"], "dates": ["2018-01-21"], "precision": "day",
             "source": ["TUR"], "target": ["SYR"], "sentence": "ANKARA — Turkish troops attacked Syrian "},
            {"note": "no attack", "roots": ["18", "19"], "dates": ["2018-01-21"], "source": ["TUR"], "target": ["IRQ"],
             "mode": "negated", "sentence": "Turkey did not attack Iraq on Sunday."},
            {"note": "not in the text", "roots": ["04"], "dates": ["2018-01-20", "2018-01-21"], "pair": ["TUR", "RUS"],
             "sentence": "Turkish and Russian officials met"},
        ],
    }
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(report) + "\n", encoding="utf-8")
    assert main(["eval", "news", str(path), "--json", "--errors", "5", "--half", "all"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert (scores["reports"], scores["asserted"], scores["not_asserted"]) == (1, 2, 1)
    assert (scores["found"], scores["wrongly_asserted"]) == (1, 0)
    assert scores["halves"][half("afrin")]["found"] == 1
    assert [(e["kind"], e["note"], e["closest"], e["half"]) for e in scores["errors"]] == [
        ("missed", "not in the text", [], half("afrin"))]
    assert main(["eval", "news", str(path), "--errors", "5", "--half", "all"]) == 0
    out = capsys.readouterr().out
    assert "  found                   0.500    1 of   2 asserted gold events" in out
    assert "    ours (no event in the sentence)" in out
    path.write_text(json.dumps({"id": "x", "published": "22 January", "text": "t", "gold": []}) + "\n", encoding="utf-8")
    assert main(["eval", "news", str(path)]) == 2
    assert "expected 'id', 'published' (YYYY-MM-DD)" in capsys.readouterr().err


def test_eval_police_scores_even_documents_only(tmp_path, capsys):
    docs = [{"doc_id": 2, "doc_text": "police arrested two men in surat on monday."}, {"doc_id": 3, "doc_text": "police arrested a man."}]
    sents = [
        {"doc_id": 2, "sent_id": 0, "sent_labels": ["ARREST", "ANY_ACTION"], "sent_text": "police arrested two men in surat on monday."},
        {"doc_id": 3, "sent_id": 0, "sent_labels": [], "sent_text": "police arrested a man."},
    ]
    for name, rows in (("docs.jsonl", docs), ("sents.jsonl", sents), ("metadata.jsonl", [{"doc_id": 2, "date": "2002-03-10"}])):
        (tmp_path / name).write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert main(["eval", "police", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sentences"] == 1
    assert report["labels"]["ARREST"]["tp"] == 1
    assert report["labels"]["ARREST"]["fp"] == 0


def _holder(db, seconds):
    """A process that holds the warehouse file read-write for `seconds`, and says when it has it."""
    import subprocess
    import sys

    code = f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep({seconds}); c.close()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_run_on_a_warehouse_another_process_holds_gives_up_after_wait_with_one_line(tmp_path, capsys):
    db = tmp_path / "held.duckdb"
    holder = _holder(db, 30)
    try:
        assert main(["run", str(tmp_path), "--db", str(db), "--wait", "0.5"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"eventpipe: {db} is locked by process {holder.pid}") and "0.5 s" in err
        assert err.count("\n") == 1
    finally:
        holder.kill()
        holder.wait()


def test_sql_waits_for_a_writer_to_let_go(db, capsys):
    holder = _holder(db, 1.5)
    try:
        assert main(["sql", "select count(*) as n from mentions", "--db", str(db), "--format", "csv", "--wait", "20"]) == 0
        assert capsys.readouterr().out == "n\n1\n"
        assert holder.poll() is not None  # it answered only after the holder was gone
    finally:
        holder.kill()
        holder.wait()


def test_sql_writes_only_with_write(db, capsys):
    assert main(["sql", "delete from rejects", "--db", str(db)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["sql", "create table notes as select 1 as n", "--db", str(db), "--write"]) == 0
    assert main(["sql", "select n from notes", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.endswith("n\n1\n")


def test_the_cli_batch_size_default_is_the_flows():
    from eventpipe.flows.cli import BATCH_SIZE_DEFAULT
    from eventpipe.flows.ingest import BATCH_SIZE

    assert BATCH_SIZE_DEFAULT == BATCH_SIZE


def test_eval_pubdates_reports_htmldate_alone_beside_ours_for_each_half(tmp_path, capsys):
    from eventpipe.transforms.splits import half

    pages = {
        "https://example.org/a": ("a.html", "2020-03-05", '<meta property="article:published_time" content="2020-03-05T10:00:00+02:00">'),
        "https://example.org/b": ("b.html", "2019-01-01", ""),
    }
    (tmp_path / "html").mkdir()
    for file, _, head in pages.values():
        (tmp_path / "html" / file).write_text(f"<html><head>{head}</head><body><p>No date in the text.</p></body></html>")
    gold = {url: {"file": file, "date": day} for url, (file, day, _) in pages.items()}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", "pubdates", str(tmp_path), "--json", "--errors", "5"]) == 0
    report = json.loads(capsys.readouterr().out)
    for extractor in ("ours", "htmldate"):
        assert report[extractor]["all"] == {"pages": 2, "exact": 1, "missing": 1, "accuracy": 0.5}
        assert report[extractor][half("https://example.org/a")]["exact"] == 1
        assert report[extractor]["tune"]["pages"] + report[extractor]["check"]["pages"] == 2
    assert report["gain"] == 0.0
    assert [(e["file"], e["half"], e["ours"], e["htmldate"]) for e in report["errors"]] == [
        ("b.html", half("https://example.org/b"), None, None)]
    assert main(["eval", "pubdates", str(tmp_path / "missing")]) == 2


# Every DuckDB type, nested ones included (issue 14: DECIMAL, HUGEINT and TIME broke --format json,
# INTERVAL broke every format).
EVERY_TYPE = """
select 1.50::decimal(10,2) as dec, 170141183460469231731687303715884105727::hugeint as huge,
    340282366920938463463374607431768211455::uhugeint as uhuge, time '12:34:56' as t,
    '12:34:56+02'::timetz as ttz, timestamptz '2024-01-02 03:04:05+00' as tstz, timestamp '2024-01-02 03:04:05' as ts,
    timestamp_ns '2024-01-01 00:00:00.123456789' as tsns, date '2024-01-01' as d, interval 3 day + interval 4 hour as iv,
    '\\xAA\\x00ab'::blob as b, uuid '550e8400-e29b-41d4-a716-446655440000' as u, 'x'::enum('x', 'y') as e,
    [1, 2] as l, {'a': 1, 'b': [1.5::decimal(4,2)]} as s, map {'k': interval 1 day} as m, [1, 2, 3]::int[3] as arr,
    '1011'::bit as bits, 'nan'::double as nan, 0.1::double as dbl, 1.5::float as f, true as bo, null as n,
    [interval 1 month] as li, {'t': time '01:02:03'} as st, 'a"b,c' as txt, 1::tinyint as ti, 2::utinyint as uti,
    3::usmallint as us, 4::uinteger as ui, 5::ubigint as ub, union_value(num := 2)::union(num int, str varchar) as un,
    '-infinity'::date as inf_date
"""


@pytest.mark.parametrize("format", ["table", "csv", "json"])
def test_sql_prints_every_duckdb_type_in_every_format(db, capsys, format):
    assert main(["sql", EVERY_TYPE, "--db", str(db), "--format", format]) == 0
    out = capsys.readouterr().out
    if format == "json":
        [row] = json.loads(out)  # strict JSON: NaN is null
        assert row["dec"] == 1.5 and row["huge"] == 2**127 - 1 and row["uhuge"] == 2**128 - 1
        assert (row["t"], row["ttz"], row["iv"], row["tsns"]) == ("12:34:56", "12:34:56+02", "3 days 04:00:00",
                                                                  "2024-01-01 00:00:00.123456789")
        assert row["s"] == {"a": 1, "b": [1.5]} and row["m"] == {"k": "1 day"} and row["arr"] == [1, 2, 3]
        assert row["li"] == ["1 month"] and row["st"] == {"t": "01:02:03"} and row["un"] == {"num": 2}
        assert (row["nan"], row["n"], row["txt"], row["u"], row["bits"]) == (None, None, 'a"b,c',
                                                                           "550e8400-e29b-41d4-a716-446655440000", "1011")
        assert row["tstz"].startswith("2024-01-02 03:04:05") and row["d"] == "2024-01-01"
        return
    if format == "csv":
        import csv
        import io

        header, row = list(csv.reader(io.StringIO(out)))
    else:
        import re

        lines = out.splitlines()
        assert lines[-1] == "(1 row)"
        spans = [match.span() for match in re.finditer(r"-+", lines[1])]  # the rule under each column name
        header, row = ([line[start:end + 1].strip() for start, end in spans] for line in (lines[0], lines[2]))
    cells = dict(zip(header, row))
    assert (cells["dec"], cells["huge"], cells["iv"], cells["t"]) == ("1.50", str(2**127 - 1), "3 days 04:00:00", "12:34:56")
    assert cells["l"] == "[1, 2]" and cells["m"] == "{k=1 day}" and cells["txt"] == 'a"b,c' and cells["nan"] == "nan"
    assert cells["tstz"] == "2024-01-02 03:04:05+00"  # in UTC, as every _at column is


def test_sql_errors_keep_duckdbs_hints(db, capsys):
    assert main(["sql", "select * from event", "--db", str(db)]) == 2
    assert 'Did you mean "events"' in capsys.readouterr().err
    assert main(["sql", "select cameo from events", "--db", str(db)]) == 2
    assert 'Candidate bindings: "cameo_code"' in capsys.readouterr().err
    assert main(["sql", "delete from rejects", "--db", str(db)]) == 2
    assert "--write" in capsys.readouterr().err


def test_version(capsys):
    """Issue 14.11."""
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0 and capsys.readouterr().out.strip() == f"eventpipe {version('eventpipe')}"


def test_status_and_check_print_json(db, capsys):
    """Issue 14.12: `status` and `check` take --format json."""
    assert main(["status", "--db", str(db), "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["runs"] == [] and status["tables"]["articles"] == 1 and status["tables"]["mentions"] == 1
    code = main(["check", "--db", str(db), "--format", "json", "--rows", "1"])
    report = json.loads(capsys.readouterr().out)
    main(["check", "--db", str(db)])
    table = capsys.readouterr().out
    assert code == (1 if report["failed"] else 0)
    assert report["failed"] == sum(1 for check in report["checks"] if check["rows"])
    for check in report["checks"]:
        assert f"{'ok  ' if check['rows'] == 0 else 'FAIL'} {check['name']}: {check['rows']} rows" in table
        assert len(check["offending"]) == min(check["rows"], 1)


def test_a_second_serve_in_the_same_folder_is_refused(tmp_path, monkeypatch, capsys):
    """Issue 14.3: two serves sharing one .prefect/ would share its server's database."""
    import os

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")  # restored after the test
    (tmp_path / ".prefect").mkdir()
    state = {"api_url": "http://127.0.0.1:1/api", "deployment": "inbox/inbox", "pid": os.getppid(), "server_pid": None}
    (tmp_path / ".prefect" / "eventpipe-serve.json").write_text(json.dumps(state))
    assert main(["serve", "--inbox", str(tmp_path)]) == 2
    assert f"already running in this folder (pid {os.getppid()}" in capsys.readouterr().err


def test_output_cut_short_by_a_pipe_ends_quietly(tmp_path):
    """`eventpipe schema | head`: whoever reads the output goes away before it ends (here at once,
    long before Python has started); no traceback."""
    import subprocess
    import sys

    command = f"{sys.executable} -m eventpipe.flows schema --db {tmp_path / 'none.duckdb'} | true"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
