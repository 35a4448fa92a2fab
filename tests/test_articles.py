import json
from datetime import date

import ftfy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventpipe.transforms.articles import Article, Reject, content_id, infer_published, parse_file
from eventpipe.transforms.clean import _FIXER, language_problem, plainly_english, repair_text, undouble_apostrophes


def test_text_article_with_bylines_and_title():
    raw = b"By Azernews\n\nBy Vugar Khalilov\n\nTalks end in Baku\n\nThe ministers met in Baku on Monday.\n"
    [article], rejects = parse_file("a.txt", ".txt", raw, published=date(2021, 10, 14))
    assert rejects == []
    assert article == Article(
        article_id=content_id("The ministers met in Baku on Monday."),
        input="a.txt",
        text="The ministers met in Baku on Monday.",
        title="Talks end in Baku",
        source="Azernews",
        byline="Azernews; Vugar Khalilov",
        published_date=date(2021, 10, 14),
        published_source="cli",
    )


def test_a_body_sentence_is_not_taken_for_a_title():
    [article], _ = parse_file("a.txt", ".txt", b"Officials met on June 15, 2021.\n\nThey agreed.", None)
    assert article.title is None
    assert article.text.startswith("Officials met")


def test_metadata_date_wins_over_the_command_line():
    record = {"text": "Talks ended.", "published": "2022-06-14T09:30:00Z", "id": "x1", "url": "http://e.org/1"}
    [article], rejects = parse_file("a.json", ".json", json.dumps(record).encode(), published=date(2020, 1, 1))
    assert (article.published_date, article.published_source) == (date(2022, 6, 14), "metadata")
    assert (article.external_id, article.url, rejects) == ("x1", "http://e.org/1", [])


def test_unreadable_metadata_date_falls_back_with_a_warning():
    record = {"text": "Talks ended.", "published": "last tuesday-ish"}
    [article], [warning] = parse_file("a.json", ".json", json.dumps(record).encode(), published=date(2020, 1, 1))
    assert (article.published_date, article.published_source) == (date(2020, 1, 1), "cli")
    assert warning.severity == "warning" and "last tuesday-ish" in warning.reason


def test_json_lines_reject_bad_lines_and_keep_the_rest():
    lines = b'{"text": "Talks began."}\nnot json\n\n{"title": "no text"}\n[1, 2]\n{"text": "Talks ended."}\n'
    articles, rejects = parse_file("f.jsonl", ".jsonl", lines, published=date(2021, 1, 1))
    assert [a.text for a in articles] == ["Talks began.", "Talks ended."]
    assert [a.input for a in articles] == ["f.jsonl:1", "f.jsonl:6"]
    assert [(r.input, r.severity) for r in rejects] == [("f.jsonl:2", "error"), ("f.jsonl:4", "error"), ("f.jsonl:5", "error")]
    assert "invalid JSON" in rejects[0].reason and "without text" in rejects[1].reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"By Someone\n\n", "no article text"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(data, reason):
    articles, [reject] = parse_file("bad.txt", ".txt", data)
    assert articles == [] and reason in reject.reason and reject.severity == "error"


def test_unsupported_type_is_rejected():
    assert parse_file("x.pdf", ".pdf", b"%PDF-1.4 text")[1] == [
        Reject("x.pdf", "unsupported file type '.pdf' (expected .txt, .json, .jsonl, .csv, .html, .htm, .rss, .atom, .xml)")
    ]


def test_same_text_same_id_whatever_the_file():
    a, _ = parse_file("a.txt", ".txt", b"Talks ended in Baku.", date(2021, 1, 1))
    b, _ = parse_file("b.jsonl", ".jsonl", b'{"text": "Talks ended in Baku."}', date(2021, 1, 1))
    assert a[0].article_id == b[0].article_id


def test_inferred_date_prefers_the_reported_date():
    text = "The talks of March 3, 2020 failed. The ministry reported on October 14 that drills (Peace - 2021) ended."
    assert infer_published(text) == date(2021, 10, 14)


def test_without_a_reporting_verb_a_dateline_is_the_first_full_date_near_the_start():
    assert infer_published("This story is from March 10, 2002\n\nPolice met on March 1, 2002.") == date(2002, 3, 10)
    assert infer_published("Notes due Oct. 15, 1999, fell. Trading ended on Oct. 30, 1989.") == date(1989, 10, 30)


def test_dates_deep_in_the_body_are_events_not_the_publication_date():
    body = "Officials spoke. " * 30 + "The war began on 7 January 2017."
    assert infer_published(body) is None


def test_no_date_gives_a_warning_row():
    [article], [warning] = parse_file("a.txt", ".txt", b"Officials met and talked.")
    assert (article.published_date, article.published_source) == (None, None)
    assert warning.severity == "warning" and "no publication date" in warning.reason


def test_seed_article_date_is_inferred(seed_path):
    [article], rejects = parse_file(str(seed_path), ".txt", seed_path.read_bytes())
    assert (article.published_date, article.published_source) == (date(2021, 10, 14), "inferred")
    assert article.byline == "Azernews; Vugar Khalilov" and article.title is None
    assert article.text.startswith("Azerbaijan’s and Turkey's land forces") and rejects == []


def test_json_lines_split_on_newlines_only():
    line = json.dumps({"text": "Talks\u2028ended\u0085today."}, ensure_ascii=False).encode()
    [article], rejects = parse_file("f.jsonl", ".jsonl", line + b"\n", date(2021, 1, 1))
    # One article, not three; the stored text is repaired: U+2028 is a line break, and a C1 control
    # character is the Windows-1252 character it stood for (0x85 is an ellipsis).
    assert article.text == "Talks\nended…today." and rejects == []
    assert parse_file("g.jsonl", ".jsonl", "\u0085\n".encode())[1][0].reason.startswith("no JSON lines")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(max_codepoint=127), st.sampled_from("‘’“”–—…\u00e2\u20ac\u00c2\u00e9\n<&")),
               max_size=120))
@example("A''A")  # (doubled apostrophes are undoubled after ftfy's repair, as repair_text says)
def test_text_is_repaired_exactly_as_ftfy_repairs_it(text):
    # repair_text skips ftfy for ASCII and typography without '&' or control characters: ftfy must change nothing then
    repaired = ftfy.fix_text(text, _FIXER).replace("Â ", " ").replace("Â\u00a0", "\u00a0")
    assert repair_text(text) == undouble_apostrophes(repaired)


def test_plain_english_needs_no_language_detector_and_other_languages_still_get_it():
    english = "The minister said on Tuesday that the talks with the union were over and that the strike would go on. " * 2
    german = ("Die Polizei hat am Dienstag in der Hauptstadt zwei Männer festgenommen, die verdächtigt werden, "
              "einen Anschlag geplant zu haben. Der Minister sagte, die Ermittlungen dauerten an.")
    assert plainly_english(english) and language_problem(english) is None
    assert not plainly_english(german) and language_problem(german).startswith("language is 'de'")
    assert not plainly_english("the of and to")  # too few words to tell


def test_a_json_array_holds_one_article_per_item_and_a_missing_text_names_the_keys():
    from eventpipe.transforms.articles import split_file

    data = json.dumps([{"text": "Police arrested two men in Lagos.", "id": "a"}, {"doc_text": "Talks ended."},
                       {"body2": "x", "id": "c"}, 7]).encode()
    articles, rejects = split_file("list.json", ".json", data)
    assert [(a.input, a.external_id) for a in articles] == [("list.json:1", "a"), ("list.json:2", None)]
    assert [r.input for r in rejects] == ["list.json:3", "list.json:4"]
    assert rejects[0].reason == ("article without text (field 'text' missing or empty); expected one of text, "
                                 "full_text, doc_text, body, content (or --text-column); the keys are 'body2', 'id'")
    assert split_file("none.json", ".json", b"[]") == ([], [Reject("none.json", "an empty JSON array: no articles")])
