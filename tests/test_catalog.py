"""Finding your way: code tables to join names, meanings as COMMENT ON, `eventpipe schema`, the README's list."""

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from eventpipe.flows.cli import main
from eventpipe.schemas.tables import ARTICLES, CODE_TABLES, MENTIONS, duckdb_type
from eventpipe.schemas.views import VIEWS
from tools.derive_codes import NOT_COUNTRIES, as_csv, emitted_country_codes, tables
from eventpipe.transforms.clusters import cluster
from eventpipe.transforms.tables.cameo import CODES
from eventpipe.transforms.tables.countries import SECTORS
from eventpipe.warehouse.catalog import DOCUMENTED_TABLES, code_rows, meanings
from eventpipe.warehouse.connection import connect
from eventpipe.warehouse.load import load

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def con(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def test_code_tables_match_the_schemas_and_views_have_exactly_the_columns_schemas_give(con):
    for table in CODE_TABLES:
        described = con.sql(f'describe "{table.name}"').fetchall()
        assert [(row[0], row[1], row[2]) for row in described] == [
            (c.name, duckdb_type(c.dtype), "YES" if c.nullable else "NO") for c in table.columns
        ]
    views = {name for (name,) in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal").fetchall()}
    assert views == {view.name for view in VIEWS}
    for view in VIEWS:
        assert [row[0] for row in con.sql(f'describe "{view.name}"').fetchall()] == [c.name for c in view.columns]
        assert view.meaning and all(column.meaning for column in view.columns)


def test_every_table_view_and_column_has_its_meaning_as_a_comment_also_after_reopening(tmp_path):
    path = tmp_path / "w.duckdb"
    for _ in range(2):  # the second open recreates the views: their comments must come back
        connect(path).close()
        con = duckdb.connect(str(path), read_only=True)
        comments = {(name, None): comment for name, comment in con.execute(
            "SELECT table_name, comment FROM duckdb_tables() UNION ALL "
            "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()}
        comments.update({(table, column): comment for table, column, comment in con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal").fetchall()})
        con.close()
        assert comments == meanings()  # every object has one, and nothing is left without
    assert "'" in meanings()[("articles", "input")]  # a quote in a meaning survives as it is


def test_code_tables_hold_every_code_the_coder_can_write(con):
    cameo = dict(con.execute("SELECT code, name FROM cameo_codes").fetchall())
    assert set(cameo) == set(CODES) and all(cameo[code] == CODES[code][0] for code in CODES)
    assert {code for (code,) in con.execute("SELECT code FROM sector_codes").fetchall()} == set(SECTORS)
    countries = {code for (code,) in con.execute("SELECT code FROM country_codes").fetchall()}
    assert emitted_country_codes() <= countries
    assert {"IGO", "NGO", "UNO", "EUR", "NAT", "AFR", "USA", "AZE"} <= countries
    plover = {name for (name,) in con.execute("SELECT plover FROM plover_categories").fetchall()}
    assert {value[2] for value in CODES.values() if value[2]} <= plover
    assert con.execute("SELECT list(quad_class ORDER BY quad_class) FROM quad_classes").fetchall() == [([1, 2, 3, 4],)]
    # Every code of cameo_codes joins its quad class and PLOVER category.
    assert con.execute("SELECT count(*) FROM cameo_codes c ANTI JOIN quad_classes USING (quad_class)").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM cameo_codes c WHERE plover IS NOT NULL "
                       "AND plover NOT IN (SELECT plover FROM plover_categories)").fetchall() == [(0,)]


def test_code_tables_are_loaded_idempotently_and_restored_when_changed(tmp_path):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    con = duckdb.connect(str(path))
    before = con.execute("SELECT * FROM country_codes ORDER BY code").fetchall()
    con.execute("UPDATE country_codes SET name = 'Somewhere' WHERE code = 'AZE'")
    con.execute("DELETE FROM cameo_codes WHERE code = '057'")
    con.close()
    connect(path).close()
    connect(path).close()
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT * FROM country_codes ORDER BY code").fetchall() == before
    assert con.execute("SELECT name FROM country_codes WHERE code = 'AZE'").fetchall() == [("Azerbaijan",)]
    assert con.execute("SELECT count(*) FROM cameo_codes").fetchall() == [(len(CODES),)]
    con.close()


def test_the_code_files_are_what_the_tool_derives_from_the_references(shared):
    for name, rows in tables(shared / "reference").items():
        assert (REPO / "warehouse" / "codes" / f"{name}.csv").read_text(encoding="utf-8") == as_csv(rows), name
    assert all(code_rows(table).height for table in CODE_TABLES)


def test_a_query_joins_names_to_codes(tmp_path, capsys):
    path = tmp_path / "w.duckdb"
    article = dict.fromkeys(ARTICLES.names) | {
        "article_id": "a1", "input": "a.txt", "text": "Talks.", "ingested_at": datetime(2026, 1, 1, tzinfo=UTC)}
    mention = dict.fromkeys(MENTIONS.names) | {
        "mention_id": "e1", "article_id": "a1", "sentence_index": 0, "sentence": "Talks.", "start": 0, "end": 6,
        "cameo_code": "057", "cameo_root": "05", "quad_class": 1, "source_country": "AZE", "target_country": "IGO",
        "source_sector": "GOV", "mode": "asserted"}
    load(path, {"articles": ARTICLES.frame([article]), "mentions": MENTIONS.frame([mention])}, cluster)
    query = ("select c.name as action, s.name as source, g.name as sector, t.name as target, q.name as quad "
             "from events e join cameo_codes c on c.code = e.cameo_code "
             "join country_codes s on s.code = e.source_country join sector_codes g on g.code = e.source_sector "
             "join country_codes t on t.code = e.target_country join quad_classes q on q.quad_class = e.quad_class")
    assert main(["sql", query, "--db", str(path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        f"{CODES['057'][0]},Azerbaijan,government,\"{NOT_COUNTRIES['IGO'][0]}\",verbal cooperation"]


def test_schema_lists_every_table_and_view_with_meanings_and_one_with_its_columns(tmp_path, capsys):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    before = (path.stat().st_size, path.stat().st_mtime_ns)
    assert main(["schema", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    for table in DOCUMENTED_TABLES:
        assert f"{table.name} (table): {table.meaning}" in out
    for view in VIEWS:
        assert f"{view.name} (view): {view.meaning}" in out
    assert main(["schema", "EVENTS", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("events (table): ")
    num_mentions = next(line for line in lines if line.startswith("num_mentions "))
    assert num_mentions.split()[1] == "BIGINT" and "mentions (sentences) that report it" in num_mentions
    assert (path.stat().st_size, path.stat().st_mtime_ns) == before  # read-only
    assert main(["schema", "no_such_table", "--db", str(path)]) == 2
    assert "no table or view 'no_such_table'" in capsys.readouterr().err


def test_schema_works_read_only_beside_a_reader_and_without_a_warehouse(tmp_path, capsys):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    reader = duckdb.connect(str(path), read_only=True)  # another read-only user of the file
    try:
        assert main(["schema", "gdelt_events", "--db", str(path), "--wait", "0"]) == 0
    finally:
        reader.close()
    assert "SQLDATE" in capsys.readouterr().out
    assert main(["schema", "cameo_codes", "--db", str(tmp_path / "none.duckdb")]) == 0
    assert "plover" in capsys.readouterr().out
    assert not (tmp_path / "none.duckdb").exists()


def test_the_readme_lists_every_table_and_explains_the_non_country_codes():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for table in DOCUMENTED_TABLES:
        assert f"| `{table.name}` |" in readme, table.name
    for view in VIEWS:
        assert f"`{view.name}`" in readme, view.name
    for code in ("IGO", "NGO", "UNO", "EUR", "NAT", "AFR", "MNC", "IMG"):
        assert f"`{code}`" in readme, code
    for command in ("eventpipe schema", "show tables", "describe events", "eventpipe recode"):
        assert command in readme, command
