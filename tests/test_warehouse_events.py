"""Events in a real DuckDB file: clustered on load, incremental equal to a full load, migrated from
the foundation's schema, checked, viewed and exported."""

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest

from eventpipe.flows.cli import main
from eventpipe.schemas.tables import ARTICLES, MENTIONS, SCHEMA_VERSION, TABLES, duckdb_type
from eventpipe.transforms.clusters import cluster
from eventpipe.warehouse.connection import connect, migrations, schema_version
from eventpipe.warehouse.export import export
from eventpipe.warehouse.load import load, settle
from eventpipe.warehouse.query import query, run_checks, table_counts

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def article(article_id, *, outlet=None, fingerprint=None, published=date(2021, 6, 17), seen=0, url=None):
    row = dict.fromkeys(ARTICLES.names)
    row.update(article_id=article_id, input=f"{article_id}.txt", text=f"Text of {article_id}.", source=outlet,
               url=url, published_date=published, ingested_at=T0 + timedelta(hours=seen), simhash=fingerprint)
    return row


def mention(mention_id, article_id, day=date(2021, 6, 15), *, code="043", source="AZE", target="TUR",
            precision="day", date_source="text", mode="asserted", index=0):
    row = dict.fromkeys(MENTIONS.names)
    row.update(mention_id=mention_id, article_id=article_id, sentence_index=index, sentence=f"{mention_id} said so.",
               start=0, end=10, event_date=day, date_precision=precision, date_value=day.isoformat(),
               date_source=date_source, cameo_code=code, cameo_root=code[:2], goldstein=2.8, quad_class=1,
               mode=mode, source_country=source, target_country=target, source_name=source, target_name=target)
    return row


def batch(articles, mentions=()):
    return {"articles": ARTICLES.frame(list(articles)), "mentions": MENTIONS.frame(list(mentions))}


def events_of(db):
    links = query(db, "select event_id, list(mention_id order by mention_id) as members from event_mentions group by 1")
    return sorted(tuple(members) for members in links["members"].to_list())


def test_one_meeting_from_three_outlets_is_one_event_and_another_day_is_another(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, batch(
        [article("a1", outlet="Reuters", fingerprint=0), article("a2", outlet="AP", fingerprint=2**20 - 1, seen=1),
         article("a3", url="https://www.dw.com/en/talks/a-1", fingerprint=2**40 - 1, seen=2)],
        [mention("m1", "a1"), mention("m2", "a2"), mention("m3", "a3", code="040")],
    ), cluster)
    rows = query(db, "select cameo_code, event_date, num_mentions, num_articles, num_sources, first_seen_at from events")
    assert rows.rows() == [("043", date(2021, 6, 15), 3, 3, 3, T0)]
    load(db, batch([article("a4", outlet="AP", fingerprint=7, seen=3)], [mention("m4", "a4", date(2021, 6, 22))]), cluster)
    assert events_of(db) == [("m1", "m2", "m3"), ("m4",)]


def test_a_meeting_is_symmetric_but_an_arrest_is_not(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, batch(
        [article("a1", fingerprint=0), article("a2", fingerprint=2**63)],
        [mention("meet-1", "a1"), mention("meet-2", "a2", source="TUR", target="AZE"),
         mention("arrest-1", "a1", code="173"), mention("arrest-2", "a2", code="173", source="TUR", target="AZE")],
    ), cluster)
    assert events_of(db) == [("arrest-1",), ("arrest-2",), ("meet-1", "meet-2")]


def test_loading_in_batches_gives_the_same_events_as_one_load_and_reruns_change_nothing(tmp_path):
    articles = [article(f"a{i}", outlet=f"outlet {i % 3}", fingerprint=i * 2**16 + 1, seen=i) for i in range(9)]
    days = [date(2021, 6, 15), date(2021, 6, 16), date(2021, 6, 1)]
    mentions = [
        mention(f"m{i}", f"a{i}", days[i % 3], precision="month" if i % 3 == 2 else "day",
                code=["040", "043", "042"][i % 3], target=["TUR", "ARM"][i % 2])
        for i in range(9)
    ]
    mentions[2]["date_value"] = "2021-06"
    whole, parts = tmp_path / "whole.duckdb", tmp_path / "parts.duckdb"
    load(whole, batch(articles, mentions), cluster)
    stored_later = [{**a, "ingested_at": T0 + timedelta(days=1, hours=-i)} for i, a in enumerate(articles)]
    for start in (6, 0, 3):  # out of order, and stored at other times, on purpose
        load(parts, batch(stored_later[start:start + 3], mentions[start:start + 3]), cluster)
    snapshot = "select * exclude (first_seen_at, last_seen_at) from events order by event_id"
    assert query(whole, snapshot).equals(query(parts, snapshot))
    assert events_of(whole) == events_of(parts)
    load(parts, batch(stored_later[3:6], mentions[3:6]), cluster)
    assert query(whole, snapshot).equals(query(parts, snapshot))
    assert all(check.offending.height == 0 for check in run_checks(parts))  # mention_keys among them


def test_the_stored_clustering_keys_follow_replaced_and_retired_mentions(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, batch([article("a1"), article("a2", seen=1)], [mention("m1", "a1"), mention("m2", "a2", target="ARM")]),
         cluster)
    load(db, batch([article("a2", seen=1)], [mention("m2b", "a2", date(2021, 3, 1), precision="month")]), cluster)
    keys = query(db, "select mention_id, cluster_key, date_from, date_to from mention_keys order by mention_id").rows()
    assert [(k[0], k[2], k[3]) for k in keys] == [
        ("m1", date(2021, 6, 15), date(2021, 6, 15)), ("m2b", date(2021, 3, 1), date(2021, 3, 31)),
    ]
    stale = next(check for check in run_checks(db) if check.name == "mention_keys_stale")
    assert stale.offending.height == 0
    query(db, "update mention_keys set date_to = date '2021-12-31' where mention_id = 'm1'", write=True)
    stale = next(check for check in run_checks(db) if check.name == "mention_keys_stale")
    assert stale.offending["mention_id"].to_list() == ["m1"]


def test_a_rerun_that_changes_a_mention_moves_it_out_of_its_old_event(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, batch([article("a1", fingerprint=0), article("a2", fingerprint=2**63, seen=1)],
                   [mention("m1", "a1"), mention("m2", "a2")]), cluster)
    assert events_of(db) == [("m1", "m2")]
    load(db, batch([article("a2", fingerprint=2**63, seen=1)], [mention("m2b", "a2", date(2021, 3, 1))]), cluster)
    assert events_of(db) == [("m1",), ("m2b",)]
    assert query(db, "select num_mentions from events order by event_date").rows() == [(1,), (1,)]


def test_a_fresh_warehouse_matches_the_schemas_and_records_its_migrations(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    try:
        for table in TABLES:
            described = con.sql(f'describe "{table.name}"').fetchall()
            assert [(row[0], row[1], row[2]) for row in described] == [
                (c.name, duckdb_type(c.dtype), "YES" if c.nullable else "NO") for c in table.columns
            ], table.name
            key = con.execute(
                "select constraint_column_names from duckdb_constraints() "
                "where table_name = ? and constraint_type = 'PRIMARY KEY'", [table.name]).fetchall()
            assert key == [(list(table.key),)], table.name
        assert schema_version(con) == migrations()[-1][0]
        assert [name for (name,) in con.execute("select name from schema_version order by version").fetchall()] == [
            name for _, name, _ in migrations()
        ]
    finally:
        con.close()


def test_a_foundation_warehouse_is_upgraded_in_place(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(migrations()[0][2])  # the foundation's DDL, as its release created it
    con.execute("insert into articles values ('a1', 'a.txt', null, null, 'AP', null, null, DATE '2021-10-14', 'cli', "
                "'Azerbaijan and Turkey signed a deal.', TIMESTAMPTZ '2026-01-01 00:00:00+00')")
    con.execute("insert into events values ('e1', 'a1', 0, 'Azerbaijan and Turkey signed a deal.', 0, 36, "
                "DATE '2021-06-15', 'day', '2021-06-15', 'text', '057', '05', 'AGREE', 1, 8.0, 'Azerbaijan', 'AZE', "
                "null, 'Turkey', 'TUR', null, null, null)")
    con.execute("insert into timexes values ('a1', 0, 4, 'June', 'DATE', '2021-06', 'month')")
    con.close()
    con = connect(db)
    try:
        assert schema_version(con) == migrations()[-1][0]
        assert con.execute("select mention_id, cameo_code, mode, event_date from mentions").fetchall() == [
            ("e1", "057", "asserted", date(2021, 6, 15))
        ]
        assert con.execute("select count(*) from timexes").fetchall() == [(1,)]
    finally:
        con.close()
    assert settle(db, cluster) == 1
    assert query(db, "select cameo_code, source_country, target_country, num_articles, num_sources from events").rows() == [
        ("057", "AZE", "TUR", 1, 1)
    ]
    assert all(check.offending.height == 0 for check in run_checks(db))
    assert settle(db, cluster) == 0


def test_a_warehouse_from_a_newer_version_is_refused(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    query(db, "insert into schema_version values (999, '0999_future.sql', now())", write=True)
    with pytest.raises(Exception, match="newer than this eventpipe knows"):
        connect(db)


def test_checks_pass_on_a_clean_load_and_name_what_breaks(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    load(db, batch([article("a1", fingerprint=0)], [mention("m1", "a1")]), cluster)
    assert main(["check", "--db", str(db)]) == 0
    assert "all checks pass" in capsys.readouterr().out
    query(db, "insert into events select * replace ('orphan' as event_id) from events", write=True)
    query(db, "update mentions set event_date = DATE '2022-01-01'", write=True)
    assert main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    failed = {line.split()[1].rstrip(":") for line in out.splitlines() if line.startswith("FAIL")}
    # the changed dates also leave the stored clustering periods stale
    assert failed == {"events_without_mentions", "mention_counts_disagree", "dates_outside_article_range",
                      "mention_keys_stale"}


def test_daily_and_monthly_views_count_events_known_to_that_grain(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, batch(
        [article("a1", fingerprint=0), article("a2", fingerprint=2**63)],
        [mention("m1", "a1"), mention("m2", "a2", date(2021, 6, 1), precision="month", code="190"),
         mention("m3", "a2", date(2021, 6, 20), code="190", mode="intended", index=1)],
    ), cluster)
    assert query(db, "select * exclude (articles) from daily_counts_by_dyad").rows() == [
        (date(2021, 6, 15), "AZE", "TUR", 1, 1, 2.8)
    ]
    assert sorted(query(db, "select cameo_root, events, goldstein from monthly_counts_by_root").rows()) == [
        ("04", 1, 2.8), ("19", 1, 2.8)
    ]
    assert query(db, "select quad_class, events from monthly_counts_by_quad").rows() == [(1, 2)]


def test_exports_read_back_with_the_same_row_counts(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, batch(
        [article("a1", fingerprint=0, url="https://example.org/a1"), article("a2", fingerprint=2**63)],
        [mention("m1", "a1"), mention("m2", "a2", date(2020, 2, 3)), mention("m3", "a2", date(2021, 6, 15), index=2)],
    ), cluster)
    counts = table_counts(db)
    out = tmp_path / "out"
    assert export(db, out, "parquet") == {"events": counts["events"], "mentions": counts["mentions"]}
    read = duckdb.connect()
    parquet = read.sql(f"select year, month, count(*) from read_parquet('{out}/events/*/*/*.parquet', "
                       "hive_partitioning = true) group by all order by all").fetchall()
    assert parquet == [(2020, 2, 1), (2021, 6, 1)]
    mentions = pl.read_parquet(out / "mentions", hive_partitioning=True)
    assert mentions.height == counts["mentions"] and mentions["event_id"].null_count() == 0
    export(db, out, "csv")
    assert pl.read_csv(out / "events.csv").height == counts["events"]
    assert pl.read_csv(out / "mentions.csv").height == counts["mentions"]
    export(db, out, "gdelt")
    lines = (out / "events.export.CSV").read_text(encoding="utf-8").splitlines()
    assert len(lines) == counts["events"] and {len(line.split("\t")) for line in lines} == {61}
    by_url = [line.split("\t") for line in lines if line.endswith("https://example.org/a1")]
    assert by_url and by_url[0][1] == "20210615" and by_url[0][26] == "043"


def test_gdelt_events_has_the_columns_of_the_gdelt_codebook(shared, tmp_path):
    with open(shared / "reference/gdelt/events2.csv", encoding="utf-8", newline="") as file:
        codebook = [row["name"] for row in csv.DictReader(file)]
    db = tmp_path / "w.duckdb"
    connect(db).close()
    assert query(db, "select * from gdelt_events").columns == codebook


def test_a_locked_warehouse_fails_the_load_with_a_clear_error_and_keeps_what_was_stored(tmp_path):
    import subprocess
    import sys

    from eventpipe.warehouse.connection import WarehouseError

    db = tmp_path / "w.duckdb"
    load(db, batch([article("a1", fingerprint=0)], [mention("m1", "a1")]), cluster)
    code = f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); print('ready', flush=True); time.sleep(30)"
    reader = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseError, match=f"locked by process {reader.pid}"):
            load(db, batch([article("a2", fingerprint=1)], [mention("m2", "a2")]), cluster, wait=0.3)
    finally:
        reader.kill()
        reader.wait()
    assert table_counts(db)["articles"] == 1 and table_counts(db)["events"] == 1


def test_the_staging_view_gives_what_the_clustering_reads(tmp_path):
    from eventpipe.schemas.tables import CLUSTER_INPUT

    con = connect(tmp_path / "w.duckdb")
    try:
        described = {row[0]: row[1] for row in con.sql("describe stg_mentions").fetchall()}
    finally:
        con.close()
    assert {c.name: duckdb_type(c.dtype) for c in CLUSTER_INPUT.columns}.items() <= described.items()


def test_statements_without_a_target_are_one_event_per_speaker(tmp_path):
    db = tmp_path / "w.duckdb"
    one, two = mention("m1", "a1", code="010", target=None), mention("m2", "a2", code="010", target=None)
    one["source_name"], two["source_name"] = "Foreign Minister", "Defence Minister"
    three = mention("m3", "a2", code="010", target=None, index=3)
    three["source_name"] = "foreign minister"
    load(db, batch([article("a1", fingerprint=0), article("a2", fingerprint=2**63)], [one, two, three]), cluster)
    assert events_of(db) == [("m1", "m3"), ("m2",)]


def test_actors_without_a_country_are_one_event_only_within_an_article(tmp_path):
    db = tmp_path / "w.duckdb"
    rows = [mention(f"m{i}", article_id, code="173", source=None, target=None, index=i)
            for i, article_id in enumerate(["a1", "a1", "a2"])]
    for row in rows:
        row["source_sector"], row["source_name"], row["target_name"] = "COP", "police", "two men"
    load(db, batch([article("a1", fingerprint=0), article("a2", fingerprint=2**63)], rows), cluster)
    assert events_of(db) == [("m0", "m1"), ("m2",)]


def test_migration_5_links_stored_articles_to_the_files_that_hold_them(tmp_path):
    """Articles stored before file_articles existed are linked to the file their input names (a
    JSON line's 'path:line' too), else to their own input, which no file drops."""
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    for number, _, sql in migrations()[:4]:
        con.execute(sql)
    con.execute("create table schema_version (version bigint primary key, name varchar not null, "
                "applied_at timestamptz not null)")
    con.executemany("insert into schema_version values (?, ?, now())", [(n, name) for n, name, _ in migrations()[:4]])
    for article_id, input in (("a1", "in/a.jsonl:2"), ("a2", "in/b.txt"), ("a3", "https://example.org/page")):
        con.execute("insert into articles (article_id, input, text, ingested_at, simhash) values (?, ?, 'x', now(), 0)",
                    [article_id, input])
    for path in ("in/a.jsonl", "in/b.txt"):
        con.execute("insert into files values (?, 'h', 1, 1, 'loaded', 1, now())", [path])
    con.close()
    connect(db).close()
    assert query(db, "select path, article_id, input from file_articles order by article_id").rows() == [
        ("in/a.jsonl", "a1", "in/a.jsonl:2"), ("in/b.txt", "a2", "in/b.txt"),
        ("https://example.org/page", "a3", "https://example.org/page"),
    ]
    assert query(db, "select distinct options from files").rows() == [("",)]


def test_migration_7_keeps_every_mention_and_event_and_accepts_earlier_dates(tmp_path):
    """0007 rebuilds mentions and events (DuckDB cannot change a CHECK constraint): a warehouse of
    version 6 keeps its rows, takes date_source 'earlier' and still refuses other values."""
    db = tmp_path / "v6.duckdb"
    con = duckdb.connect(str(db))
    con.execute(SCHEMA_VERSION.ddl())
    for number, name, sql in migrations():
        if number <= 6:
            con.execute(sql)
            con.execute("insert into schema_version values (?, ?, now())", [number, name])
    columns = "(mention_id, article_id, sentence_index, sentence, start, \"end\", event_date, date_source, cameo_code, cameo_root, mode)"
    con.execute(f"insert into mentions {columns} values ('m1', 'a1', 0, 'X met Y.', 0, 8, DATE '2021-06-15', 'text', '040', '04', 'asserted')")
    con.execute("insert into events (event_id, cluster_key, event_date, date_source, cameo_code, cameo_root, mode, num_mentions, "
                "num_articles, num_sources, first_seen_at, last_seen_at, article_id, mention_id, sentence) values ('e1', 'k', "
                "DATE '2021-06-15', 'text', '040', '04', 'asserted', 1, 1, 1, TIMESTAMPTZ '2026-01-01 00:00:00+00', "
                "TIMESTAMPTZ '2026-01-01 00:00:00+00', 'a1', 'm1', 'X met Y.')")
    with pytest.raises(duckdb.ConstraintException):
        con.execute(f"insert into mentions {columns} values ('m2', 'a1', 1, 'X had met Y.', 0, 12, null, 'earlier', '040', '04', 'asserted')")
    con.close()
    con = connect(db)
    try:
        assert schema_version(con) == migrations()[-1][0]
        assert con.execute("select mention_id, event_date, date_source from mentions").fetchall() == [("m1", date(2021, 6, 15), "text")]
        assert con.execute("select event_id, num_mentions from events").fetchall() == [("e1", 1)]
        con.execute(f"insert into mentions {columns} values ('m2', 'a1', 1, 'X had met Y.', 0, 12, null, 'earlier', '040', '04', 'asserted')")
        with pytest.raises(duckdb.ConstraintException):
            con.execute(f"insert into mentions {columns} values ('m3', 'a1', 2, 'X met Y.', 0, 8, null, 'guessed', '040', '04', 'asserted')")
        key = con.execute("select constraint_column_names from duckdb_constraints() "
                          "where table_name = 'mentions' and constraint_type = 'PRIMARY KEY'").fetchall()
        assert key == [(["mention_id"],)]
    finally:
        con.close()
