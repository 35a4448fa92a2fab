"""HTML pages: main text, metadata and the publication date; mojibake repair; language."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from eventpipe.transforms.articles import content_id, parse_file
from eventpipe.transforms.clean import detect_language, language_problem, repair_text
from eventpipe.transforms.html import local_date, page_date, page_utc_offset, url_date

TODAY = date(2026, 11, 29)
PAGE = b"""<!DOCTYPE html><html lang="en"><head><title>Troops meet in Baku | Wire</title>
<meta property="og:title" content="Troops meet in Baku">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.org/2021/10/14/troops-meet">
<meta property="article:published_time" content="2021-10-14T08:00:00+04:00">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article><h1>Troops meet in Baku</h1>
<p>Azerbaijan's and Turkey's land forces commanders met in Baku on Thursday to discuss joint exercises planned for next year.</p>
<p>The two countries signed a memorandum on military cooperation on June 15, the defence ministry said in a statement.</p>
<p>Officials said further talks would take place in Ankara before the end of the year.</p>
</article><footer>Copyright 2021 Wire. All rights reserved. Cookie settings.</footer></body></html>"""


def test_a_page_gives_its_main_text_title_author_url_and_date():
    [article], rejects = parse_file("p.html", ".html", PAGE, today=TODAY)
    assert rejects == []
    assert article.text.startswith("Azerbaijan's and Turkey's land forces") and "Subscribe" not in article.text
    assert "Cookie settings" not in article.text and "Officials said further talks" in article.text
    assert article.title == "Troops meet in Baku" and article.byline == "Jane Doe"
    assert article.url == "https://news.example.org/2021/10/14/troops-meet"
    assert (article.published_date, article.published_source) == (date(2021, 10, 14), "metadata")
    assert article.article_id == content_id(article.text)


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        (b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-03-05T10:00:00Z"}'
         b"</script></head><body><p>Text.</p></body></html>", None, date(2020, 3, 5)),
        (b"<html><body><p>Text without a date.</p></body></html>", "https://example.org/2019/07/21/story.html", date(2019, 7, 21)),
        (b'<html><body><p>Posted <time datetime="2018-11-02">2 November</time></p></body></html>', None, date(2018, 11, 2)),
        (b'<html><body><span data-time="1594448702">11:25 PM</span><p>A post.</p></body></html>', None, date(2020, 7, 11)),
        (b'<html><body><span data-time="1594448702000">11:25 PM</span><p>A post.</p></body></html>', None, date(2020, 7, 11)),
        (b"<html><body><p>No date here at all.</p></body></html>", None, None),
    ],
)
def test_page_dates_from_json_ld_url_time_elements_and_epoch_attributes(html, url, expected):
    assert page_date(html, url, TODAY) == expected


def test_a_page_date_after_today_is_not_taken():
    html = b'<html><head><meta property="article:published_time" content="2031-01-01"></head><body></body></html>'
    assert page_date(html, None, TODAY) is None


def _head(*tags: str, body: str = "<p>Text.</p>") -> bytes:
    return f"<html><head>{''.join(tags)}</head><body>{body}</body></html>".encode()


def _meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def _json_ld(**fields: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-02T01:30:00-05:00", date(2020, 1, 2)),  # local day at its own offset, though UTC is 06:30
        ("2020-01-01T23:30:00+09:00", date(2020, 1, 1)),  # UTC is 14:30 the same day
        ("2020-01-01T22:00:00-05:00", date(2020, 1, 1)),  # UTC is already 2 January
        ("2020-01-02T02:00:00Z", date(2020, 1, 2)),  # UTC and nothing else known: the UTC day
        ("2020-05-16", date(2020, 5, 16)),
        ("20200516T14:51:53Z", date(2020, 5, 16)),
        ("2020-02-30T10:00:00Z", None),
        ("16 May 2020", None),
    ],
)
def test_a_timestamp_gives_the_day_where_it_was_written(value, expected):
    assert local_date(value) == expected


def test_a_utc_timestamp_gives_the_day_in_the_page_time_zone_else_the_url_day_else_utc():
    minus_five, plus_eight = -timedelta(hours=5), timedelta(hours=8)
    assert local_date("2020-05-02T02:54:29.000Z", minus_five) == date(2020, 5, 1)
    assert local_date("2020-05-02T02:54:29+00:00", minus_five) == date(2020, 5, 1)  # +00:00 is UTC too
    assert local_date("2020-05-01T20:00:00Z", plus_eight) == date(2020, 5, 2)
    assert local_date("2020-05-02T02:54:29Z", None, date(2020, 5, 1)) == date(2020, 5, 1)
    assert local_date("2020-05-02T02:54:29Z", None, date(2020, 4, 20)) == date(2020, 5, 2)  # too far: not a tie
    assert local_date("2020-01-02T01:30:00-05:00", plus_eight) == date(2020, 1, 2)  # own offset wins


def test_a_utc_timestamp_takes_the_day_the_page_shows_when_it_is_the_utc_or_the_local_one():
    minus_six = -timedelta(hours=6)
    # a page rendered in UTC shows "Thursday, November 9, 2023 4:41AM" beside other timestamps at -06:00
    assert local_date("2023-11-09T04:31:00Z", minus_six, None, date(2023, 11, 9)) == date(2023, 11, 9)
    assert local_date("2023-11-09T04:31:00Z", minus_six, None, date(2023, 11, 8)) == date(2023, 11, 8)
    assert local_date("2023-11-09T04:31:00Z", minus_six, None, date(2023, 11, 1)) == date(2023, 11, 8)  # another day
    assert local_date("2023-11-09T04:15:00Z", None, None, date(2023, 11, 8)) == date(2023, 11, 9)  # no local day to choose
    assert local_date("2023-11-09T04:31:00-05:00", minus_six, None, date(2023, 11, 8)) == date(2023, 11, 9)  # not UTC


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>By Staff PUBLISHED: November 8, 2023 at 11:30 p.m. | UPDATED: November 9, 2023 at 12:21 a.m.</p>", date(2023, 11, 8)),
        ("<div>By Alex <span>Thursday, Nov. 9th, 2023</span> <span>4:41AM</span></div>", date(2023, 11, 9)),
        ("<p>Katrina Creer 21 Jan 2020 10:05</p>", date(2020, 1, 21)),
        ("<script>var d = 'May 2, 2020 10:00';</script><p>Posted May 3, 2020</p>", None),  # a script; no time of day
        ("<p>Mar 32, 2020 10:00 then June 1, 2020 - 9.30</p>", date(2020, 6, 1)),
    ],
)
def test_the_day_a_page_shows_with_a_time_of_day(body, expected):
    from trafilatura.utils import load_html

    from eventpipe.transforms.html import shown_day

    assert shown_day(load_html(f"<html><body>{body}</body></html>".encode())) == expected


def test_publication_fields_settle_the_side_of_midnight_but_not_a_day_htmldate_reads_elsewhere():
    url = "https://news.example.org/2020/01/06/goats"
    near = _head('<meta property="article:published_time" content="2020-01-05T23:30:00-05:00">')
    far = _head('<meta property="article:published_time" content="2020-01-03T10:00:00-05:00">')
    assert page_date(near, url, TODAY) == date(2020, 1, 5)  # htmldate reads the URL's day; the field's is within a day
    assert page_date(far, url, TODAY) == date(2020, 1, 6)  # days apart: htmldate's day stands
    assert page_date(far, None, TODAY) == date(2020, 1, 3)  # the same field, alone


def test_the_page_time_zone_is_its_most_frequent_non_zero_offset():
    html = (b'<time datetime="2020-05-01T10:00:00-04:00"></time><script>{"d": "Fri, 01 May 2020 23:00:00 -0400",'
            b' "u": "2020-05-01T10:00:00+00:00", "v": "2020-05-01T10:00:00+05:30"}</script>')
    assert page_utc_offset(html) == -timedelta(hours=4)
    assert page_utc_offset(b'<meta content="2020-05-01T10:00:00Z"><p>Open 10:30-12:00</p>') is None


def test_url_dates():
    assert url_date("https://news.example.org/2021/10/14/troops-meet") == date(2021, 10, 14)
    assert url_date("https://news.example.org/2021-02-30-troops") is None
    assert url_date(None) is None


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # a UTC publication time read in the time zone the page gives its other times in
        (_head(_meta("article:published_time", "2020-05-02T02:54:29.000Z"),
               body='<script>var show = {"date": "Fri, 01 May 2020 23:00:00 -0400"};</script><p>Text.</p>'),
         date(2020, 5, 1)),
        # the published time, not the later modified time the page also states
        (_head('<meta name="REVISION_DATE" content="2020-01-20T09:49:32Z">',
               _meta("og:article:modified_time", "2020-01-20T09:49:32Z"),
               _meta("og:article:published_time", "2020-01-19T12:25:36Z")), date(2020, 1, 19)),
        # JSON-LD datePublished, not dateModified
        (_head(_json_ld(dateModified="2021-03-04T08:00:00+01:00", datePublished="2021-03-01T08:00:00+01:00")),
         date(2021, 3, 1)),
        # meta tags before JSON-LD; the earliest of the meta tags
        (_head(_meta("article:published_time", "2020-04-24T21:25:06+00:00"),
               '<meta itemprop="datePublished" content="2020-04-25T09:00:00+02:00">',
               _json_ld(datePublished="2020-04-23T07:25:06Z")), date(2020, 4, 24)),
        # a UTC time just past midnight, and the URL dated the day before
        (_head('<link rel="canonical" href="https://example.org/2023/01/16/letters">',
               _meta("article:published_time", "2023-01-17T00:30:41Z")), date(2023, 1, 16)),
        # a JSON-LD date of another object (the publisher) is not the article's (htmldate takes it)
        (_head('<script type="application/ld+json">[{"@type": "Organization", "datePublished": "2018-11-01"},'
               ' {"@type": "NewsArticle", "datePublished": "2018-11-02T09:00:00+01:00"}]</script>'), date(2018, 11, 2)),
        # dates before 1990 or after the run's day are not the page's: the next field is taken
        (_head(_meta("article:published_time", "1970-01-01T00:00:00Z"), _json_ld(datePublished="2019-06-01")),
         date(2019, 6, 1)),
        (_head(_meta("article:published_time", "2027-01-01T10:00:00+01:00"), _json_ld(datePublished="2026-11-28")),
         date(2026, 11, 28)),
    ],
)
def test_the_publication_date_comes_from_the_page_own_published_fields(html, expected):
    assert page_date(html, None, TODAY) == expected


def test_a_utc_time_moved_past_the_run_day_falls_back_to_its_written_day():
    html = _head(_meta("article:published_time", "2026-11-29T20:00:00Z"),
                 body='<time datetime="2026-11-29T10:00:00+08:00"></time>')
    assert page_date(html, None, TODAY) == date(2026, 11, 29)  # 30 November at +08:00, after the run's day


def test_a_page_in_another_encoding_is_decoded_by_its_declared_charset():
    html = ("<html><head><meta charset='iso-8859-1'></head><body><article><p>"
            + "Café owners protested in Paris on Monday against the new rules. " * 3
            + "</p></article></body></html>").encode("latin-1")
    [article], _ = parse_file("p.htm", ".htm", html, date(2021, 1, 1), today=TODAY)
    assert article.text.startswith("Café owners protested")


def test_mojibake_is_repaired_and_offsets_refer_to_the_repaired_text():
    raw = "police said the â€˜bhoomi pujaâ€™ would go on.Â  officials agreed.".encode()
    [article], _ = parse_file("a.txt", ".txt", raw, date(2002, 3, 10))
    assert article.text == "police said the ‘bhoomi puja’ would go on.\u00a0 officials agreed."
    assert article.article_id == content_id(article.text)
    assert repair_text("Azerbaijan’s “forces”") == "Azerbaijan’s “forces”"  # correct text is left alone


IN_WORD_PAIR = re.compile(r"[a-z]''[a-z]")
QUAD = "'" * 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every apostrophe doubled: each run is halved, quotes included
        ("the government''s plan, a ''riot fatigue'' and mps'' pay,'''' he said",
         "the government's plan, a 'riot fatigue' and mps' pay,'' he said"),
        ("the ``orgy of violence'''' went on", "the ``orgy of violence'' went on"),
        # a single apostrophe too: only the pairs between letters and the fours are the artefact
        ("the vhp's call for ''puja'' and the party''s line,'''' he said",
         "the vhp's call for ''puja'' and the party's line,'' he said"),
        # no sign of the artefact: two apostrophes are a quotation mark
        ("the vhp said ''no'' and insisted", "the vhp said ''no'' and insisted"),
        ("Don't say 'no'.", "Don't say 'no'."),
    ],
)
def test_apostrophes_doubled_by_escaping_are_undoubled_and_quotes_kept(text, expected):
    assert repair_text(text) == expected
    assert repair_text(f"{text} caf\u00c3\u00a9") == f"{expected} café"  # with mojibake as well


def test_language_is_detected_and_only_long_enough_texts_are_judged():
    assert detect_language("The police arrested two men after the protest outside parliament.")[0] == "en"
    assert language_problem("Der Mann wurde festgenommen.") is None  # too short to tell
    french = "Le gouvernement a annoncé mercredi de nouvelles mesures contre la pandémie, a indiqué un porte-parole. " * 2
    assert language_problem(french).startswith("language is 'fr'")


def test_html_pubdate_accuracy_on_the_dev_pages(shared):
    from eventpipe.flows.evaluate_pubdates import evaluate_pubdates, format_pubdates_report

    for folder, pages in (("html-pubdates", 31), ("html-pubdates-web", 189)):
        scores, errors = evaluate_pubdates(shared / "corpora" / folder, today=TODAY)
        print(format_pubdates_report(scores, errors, 20))
        assert scores.pages == pages and scores.accuracy >= 0.93
        for half in (None, "tune", "check"):  # never worse than htmldate alone, on either half
            assert scores.count("ours", half).exact >= scores.count("htmldate", half).exact, (folder, half)


def test_the_trafilatura_pages_give_text_title_and_date(shared):
    folder = shared / "corpora" / "html-pages"
    for page in sorted(folder.glob("*.html")):
        articles, rejects = parse_file(page.name, ".html", page.read_bytes(), today=TODAY)
        assert [r for r in rejects if r.severity == "error"] == [], page.name
        [article] = articles
        assert len(article.text) > 100 and article.title and article.url.startswith("http"), page.name
        assert article.published_source == "metadata", page.name


def test_india_police_events_load_with_mojibake_repaired_and_guardian_csv_loads(shared):
    india = (shared / "corpora" / "india-police-events" / "metadata.jsonl").read_bytes()
    assert india.decode().count("â€") > 1000
    articles, rejects = parse_file("metadata.jsonl", ".jsonl", india, today=TODAY)
    assert len(articles) == 628 and [r for r in rejects if r.severity == "error"] == []
    assert not any("â€" in a.text or "Â" in a.text for a in articles)
    assert all(a.published_source == "metadata" and a.url for a in articles)
    assert india.decode().count("''s ") > 100  # apostrophes escaped by doubling in the source ...
    assert not any(IN_WORD_PAIR.search(a.text) or QUAD in a.text for a in articles)  # ... none left
    first = json.loads(india.split(b"\n", 1)[0])
    assert articles[0].published_date == date.fromisoformat(first["date"])
    guardian = (shared / "corpora" / "guardian-sdf" / "articles.csv").read_bytes()
    articles, rejects = parse_file("articles.csv", ".csv", guardian, today=TODAY)
    assert len(articles) == 249 and [r for r in rejects if r.severity == "error"] == []
    assert all(a.published_source == "metadata" and a.source for a in articles)


def test_csv_columns_can_be_named_and_rows_that_fail_are_rejected_alone():
    from eventpipe.transforms.articles import Columns

    data = b'body,day,source\n"Police arrested two men, officials said.",2021-10-14,Wire\n,2021-10-15,Wire\n"Talks, ended.",2021-10-16\n'
    articles, rejects = parse_file("f.csv", ".csv", data, columns=Columns(text="body", date="day"))
    assert [(a.input, a.published_date, a.source) for a in articles] == [("f.csv:2", date(2021, 10, 14), "Wire")]
    assert [(r.input, r.reason) for r in rejects] == [
        ("f.csv:3", "article without text (field 'body' missing or empty)"),
        ("f.csv:4", "CSV row has 2 fields, the header 3"),
    ]
    assert parse_file("f.csv", ".csv", data, columns=Columns(text="nope"))[1][0].reason.startswith("no text column: expected 'nope'")
