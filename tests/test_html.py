"""HTML pages: main text, metadata and the publication date; mojibake repair; language."""

from __future__ import annotations

import json
from datetime import date

import pytest

from transforms.articles import content_id, parse_file
from transforms.clean import detect_language, language_problem, repair_text
from transforms.html import page_date

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
        (b"<html><body><p>No date here at all.</p></body></html>", None, None),
    ],
)
def test_page_dates_from_json_ld_url_time_elements_and_epoch_attributes(html, url, expected):
    assert page_date(html, url, TODAY) == expected


def test_a_page_date_after_today_is_not_taken():
    html = b'<html><head><meta property="article:published_time" content="2031-01-01"></head><body></body></html>'
    assert page_date(html, None, TODAY) is None


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


def test_language_is_detected_and_only_long_enough_texts_are_judged():
    assert detect_language("The police arrested two men after the protest outside parliament.")[0] == "en"
    assert language_problem("Der Mann wurde festgenommen.") is None  # too short to tell
    french = "Le gouvernement a annoncé mercredi de nouvelles mesures contre la pandémie, a indiqué un porte-parole. " * 2
    assert language_problem(french).startswith("language is 'fr'")


def test_html_pubdate_accuracy_on_the_dev_pages(shared):
    from flows.evaluate_pubdates import evaluate_pubdates, format_pubdates_report

    scores, errors = evaluate_pubdates(shared / "corpora" / "html-pubdates", today=TODAY)
    print(format_pubdates_report(scores, errors, 10))
    assert scores.pages == 31 and scores.accuracy >= 0.90


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
    first = json.loads(india.split(b"\n", 1)[0])
    assert articles[0].published_date == date.fromisoformat(first["date"])
    guardian = (shared / "corpora" / "guardian-sdf" / "articles.csv").read_bytes()
    articles, rejects = parse_file("articles.csv", ".csv", guardian, today=TODAY)
    assert len(articles) == 249 and [r for r in rejects if r.severity == "error"] == []
    assert all(a.published_source == "metadata" and a.source for a in articles)


def test_csv_columns_can_be_named_and_rows_that_fail_are_rejected_alone():
    from transforms.articles import Columns

    data = b'body,day,source\n"Police arrested two men, officials said.",2021-10-14,Wire\n,2021-10-15,Wire\n"Talks, ended.",2021-10-16\n'
    articles, rejects = parse_file("f.csv", ".csv", data, columns=Columns(text="body", date="day"))
    assert [(a.input, a.published_date, a.source) for a in articles] == [("f.csv:2", date(2021, 10, 14), "Wire")]
    assert [(r.input, r.reason) for r in rejects] == [
        ("f.csv:3", "article without text (field 'body' missing or empty)"),
        ("f.csv:4", "CSV row has 2 fields, the header 3"),
    ]
    assert parse_file("f.csv", ".csv", data, columns=Columns(text="nope"))[1][0].reason.startswith("no text column: expected 'nope'")
