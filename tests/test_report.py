"""`eventpipe report`: one self-contained HTML page that a browser opens offline."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import eventpipe
from eventpipe.flows.cli import main
from eventpipe.flows.ingest import run_without_prefect
from eventpipe.warehouse.connection import WarehouseError, connect

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
FETCHED = {"src", "href", "data", "srcset", "poster", "background", "xlink:href"}  # attributes a browser loads


class References(HTMLParser):
    """Every address a browser would fetch while showing the page (a link it only follows on a
    click, <a href>, is not fetched), and every inline chart script."""

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.scripts = 0
        self._in_style = False
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in FETCHED and value and tag != "a":
                self.fetched.append(f"<{tag} {name}={value}>")
            if name == "style" and value and "url(" in value:
                self.fetched.append(f"<{tag} style={value}>")

    def handle_endtag(self, tag):
        self._in_style = False
        self._tag = ""

    def handle_data(self, data):
        if self._tag == "script" and data.strip():
            self.scripts += 1
        if self._in_style and ("url(" in data or "@import" in data):
            self.fetched.append(f"<style>{data[:80]}")


def references(page: str) -> References:
    parser = References()
    parser.feed(page)
    return parser


def test_references_finds_what_a_browser_fetches():
    page = ('<link rel=stylesheet href="https://cdn.example/x.css"><script src="//cdn.example/x.js"></script>'
            '<img src="http://example.org/a.png"><style>@import "https://f/x.css";</style><a href="https://a.b/">x</a>')
    assert len(references(page).fetched) == 4


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("report") / "w.duckdb"
    run_without_prefect([REPO / "examples"], db, workers=1)
    return db


def test_report_of_the_examples_is_self_contained(examples_db, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", "--db", str(examples_db), "--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    page = out.read_text(encoding="utf-8")
    found = references(page)
    assert found.fetched == []
    assert found.scripts >= 2  # Bokeh's library, inlined, and the charts
    events = eventpipe.query("select count(*) as n from events", db=examples_db)["n"][0]
    assert f"<b>{events:,}</b>events in this report" in page
    top = eventpipe.query("select sentence from events order by num_mentions desc, num_articles desc, num_sources desc,"
                          " event_id limit 1", db=examples_db)["sentence"][0]
    assert top.replace("'", "&#x27;").replace('"', "&quot;")[:40] in page


def test_where_and_since_choose_the_events(examples_db, tmp_path):
    from datetime import date

    from eventpipe.warehouse.report import report_data

    expected = eventpipe.query("select count(*) as n from events where source_country = 'TUR' and event_date >= '2022-01-01'",
                               db=examples_db)["n"][0]
    data = report_data(examples_db, "source_country = 'TUR'", date(2022, 1, 1))
    assert data.holdings["report_events"] == expected
    assert data.holdings["events"] == eventpipe.query("select count(*) as n from events", db=examples_db)["n"][0]
    assert all(row["source_country"] == "TUR" for row in data.top_dyads.iter_rows(named=True))


def test_report_of_an_empty_warehouse_and_a_bad_condition(tmp_path, capsys):
    db = tmp_path / "empty.duckdb"
    connect(db).close()
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "r.html")]) == 0
    assert "No event" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "r.html"), "--where", "no_such_column = 1"]) == 2
    assert "no_such_column" in capsys.readouterr().err
    with pytest.raises(WarehouseError, match="read-only"):  # the condition cannot change the warehouse
        from eventpipe.warehouse.report import report_data

        report_data(db, "true); delete from cameo_codes; select (true")


def screenshot_is_blank(png: Path) -> bool:
    from PIL import Image

    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    most = max(count for count, _ in colours)
    return len(colours) < 20 or most > 0.995 * sum(count for count, _ in colours)


@pytest.mark.flow
def test_report_on_the_guardian_corpus_renders_offline(shared, prefect_server, tmp_path):
    corpus = shared / "corpora" / "guardian-sdf" / "articles.csv"
    if not corpus.is_file():
        pytest.skip("the Guardian corpus is absent")
    db, out = tmp_path / "g.duckdb", tmp_path / "report.html"
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    done = subprocess.run([sys.executable, "-m", "eventpipe.flows", "run", str(corpus), "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    done = subprocess.run([sys.executable, "-m", "eventpipe.flows", "report", "--db", str(db), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    page = out.read_text(encoding="utf-8")
    assert references(page).fetched == []
    articles = eventpipe.query("select count(*) as n from articles", db=db)["n"][0]
    assert articles > 200 and f"<b>{articles:,}</b>articles" in page
    assert len(page.encode("utf-8")) < 3_000_000  # Bokeh's core bundle only, not its widgets, tables or MathJax

    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium to render the page")
    png = tmp_path / "report.png"
    with tempfile.TemporaryDirectory() as profile:
        shot = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                               "--no-first-run", f"--user-data-dir={profile}", "--window-size=1200,2000",
                               f"--screenshot={png}", out.as_uri()], capture_output=True, text=True, timeout=180)
    assert shot.returncode == 0 and png.exists(), shot.stderr[-2000:]
    assert not screenshot_is_blank(png)
    blank = tmp_path / "blank.png"  # the check itself: a page with nothing on it is blank
    (tmp_path / "blank.html").write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--no-first-run", f"--user-data-dir={profile}", "--window-size=1200,2000", f"--screenshot={blank}",
                        (tmp_path / "blank.html").as_uri()], capture_output=True, timeout=180)
    assert screenshot_is_blank(blank)


def test_the_dating_chart_stacks_every_date_source():
    # the tree coder stores deeds the text puts before publication undated ('earlier'): the chart
    # shows them beside the dates from the text and from publication
    from types import SimpleNamespace

    import polars as pl

    from eventpipe.flows.report import _dating

    dating = pl.DataFrame({"date_source": ["text", "published", "earlier"],
                           "date_precision": ["day", "day", "(none)"], "events": [5, 3, 2]})
    chart = _dating(SimpleNamespace(dating=dating))
    labels = [item.label["value"] for item in chart.legend[0].items]
    assert labels == ["from the text", "from publication", "before publication, undated"]
