"""Feeds: parsed from bytes, fetched over HTTP from a local server with their items' pages."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from eventpipe.flows.fetch import Fetcher, FetchSettings, feed_articles
from eventpipe.transforms.articles import parse_file
from eventpipe.transforms.feeds import parse_feed

PAGE = """<!DOCTYPE html><html><head><title>{title}</title>
<meta property="article:published_time" content="{date}"></head>
<body><nav>Home | World | Subscribe</nav><article><p>{text}</p></article></body></html>"""
TEXTS = {
    "baku.html": ("Troops meet in Baku", "2021-10-14",
                  "Azerbaijan's and Turkey's land forces commanders met in Baku on Thursday to discuss joint exercises. "
                  "The two countries signed a memorandum on military cooperation on June 15, the ministry said."),
    "undated.html": ("Police arrest two", "",
                     "Police arrested two men in Ankara after a protest outside the parliament building, officials said. "
                     "The men were released later that evening after questioning by investigators."),
}


def rss(base: str) -> str:
    items = [
        ("Troops meet in Baku", f"{base}/baku.html", "Thu, 14 Oct 2021 10:00:00 GMT"),
        ("Police arrest two", f"{base}/undated.html", "Fri, 15 Oct 2021 09:00:00 GMT"),
        ("Gone", f"{base}/missing.html", "Fri, 15 Oct 2021 09:00:00 GMT"),
        ("Stalls", f"{base}/stall", "Fri, 15 Oct 2021 09:00:00 GMT"),
    ]
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate><author>desk@wire.example (Desk)</author></item>"
                   for t, link, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'


class Handler(http.server.SimpleHTTPRequestHandler):
    requests: list[tuple[str, str, float]] = []

    def do_GET(self):
        Handler.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        if self.path.startswith("/stall"):
            time.sleep(1.5)  # longer than the tests' timeout
            return
        return super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    for name, (title, day, text) in TEXTS.items():
        (tmp_path / name).write_text(PAGE.format(title=title, date=day, text=text), encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    (tmp_path / "feed.rss").write_text(rss(base), encoding="utf-8")
    Handler.requests = []
    yield base
    httpd.shutdown()
    httpd.server_close()


FAST = FetchSettings(timeout=0.5, retries=1, backoff=0.05, min_interval=0.2)


def test_a_feed_served_locally_is_ingested_with_its_items_pages(server):
    with Fetcher(FAST) as fetcher:
        articles, rejects = feed_articles(f"{server}/feed.rss", fetcher, today=date(2026, 11, 29))
    by_url = {a.input: a for a in articles}
    baku, undated = by_url[f"{server}/baku.html"], by_url[f"{server}/undated.html"]
    assert baku.text.startswith("Azerbaijan's and Turkey's land forces") and "Subscribe" not in baku.text
    assert (baku.title, baku.source, baku.published_date, baku.published_source) == (
        "Troops meet in Baku", "Wire", date(2021, 10, 14), "metadata")
    # the page has no date: the feed item's fills the gap
    assert (undated.published_date, undated.published_source) == (date(2021, 10, 15), "metadata")
    reasons = {r.input: r.reason for r in rejects}
    assert reasons[f"{server}/missing.html"] == "page not fetched: HTTP 404 File not found"
    assert reasons[f"{server}/stall"] == "page not fetched: timed out after 0.5 s (2 tries)"


def test_requests_are_polite_named_and_spaced_per_host(server):
    with Fetcher(FAST) as fetcher:
        feed_articles(f"{server}/feed.rss", fetcher)
    paths = [path for path, _, _ in Handler.requests]
    assert paths[:3] == ["/feed.rss", "/baku.html", "/undated.html"] and paths.count("/stall") == 2
    assert all(agent.startswith("eventpipe/") for _, agent, _ in Handler.requests)
    starts = [when for _, _, when in Handler.requests]
    # the requests are spaced (unspaced they would all arrive within milliseconds); measured over the
    # whole run, as the server's arrival times of single requests jitter on a loaded machine
    assert starts[-1] - starts[0] >= (len(starts) - 1) * FAST.min_interval - 0.05


def test_a_feed_that_times_out_or_is_not_there_is_one_reject(server):
    with Fetcher(FAST) as fetcher:
        assert feed_articles(f"{server}/stall", fetcher)[1][0].reason == "feed not fetched: timed out after 0.5 s (2 tries)"
        assert feed_articles("http://127.0.0.1:9/feed.rss", fetcher)[1][0].reason.startswith("feed not fetched: connection failed")
        assert feed_articles("file:///etc/passwd", fetcher)[1][0].reason.startswith("feed not fetched: not an http(s) URL")


def test_a_response_over_the_limit_is_cut_off(server, tmp_path):
    (tmp_path / "big.html").write_bytes(b"<html>" + b"x" * 5000 + b"</html>")
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(f"{server}/big.html", 1000).error == "response too large: 5013 bytes (maximum 1000)"


def test_feed_files_give_articles_from_their_items_content():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
    <entry><title>Talks</title><link href="https://wire.example/talks"/><updated>2021-10-14T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Azerbaijan and Turkey held talks in Baku on Thursday, officials said.&lt;/p&gt;</content></entry>
    <entry><title>Empty</title><link href="https://wire.example/empty"/></entry></feed>"""
    articles, rejects = parse_file("desk.atom", ".atom", atom)
    assert [(a.input, a.title, a.url, a.source, a.published_date) for a in articles] == [
        ("desk.atom#1", "Talks", "https://wire.example/talks", "Desk", date(2021, 10, 14))]
    assert articles[0].text == "Azerbaijan and Turkey held talks in Baku on Thursday, officials said."
    assert [r.input for r in rejects] == ["desk.atom#2"] and "without content" in rejects[0].reason


def test_feedparser_is_never_handed_a_path():
    feed, problem = parse_feed("x.xml", b"/etc/passwd")
    assert feed is None and problem.reason.startswith("not an RSS or Atom feed")


@pytest.mark.flow
def test_run_with_a_feed_loads_its_pages_into_the_warehouse(prefect_server, server, tmp_path):
    from eventpipe.flows.ingest import run_ingest
    from eventpipe.warehouse.query import query

    db = tmp_path / "w.duckdb"
    summary = run_ingest([], db, feeds=[f"{server}/feed.rss"])
    assert summary.articles == 2
    rows = query(db, "select url, title, published_date from articles order by title").rows()
    assert [(title, str(day)) for _, title, day in rows] == [("Police arrest two", "2021-10-15"), ("Troops meet in Baku", "2021-10-14")]
    rejects = query(db, "select input, reason from rejects where severity = 'error' order by input").rows()
    assert [reason.split(":")[0] for _, reason in rejects] == ["page not fetched", "page not fetched"]
