"""Hostile and broken inputs: each gives its reject reason, the batch goes on, nothing stored changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventpipe.flows import sources
from eventpipe.transforms.articles import MAX_ARTICLE_BYTES, MAX_FILE_BYTES, SUFFIXES, Article, Reject, parse_file

HOSTILE = Path(__file__).parent / "hostile"
TODAY = date(2026, 11, 29)


def expected_reasons() -> dict[str, tuple[str, str]]:
    """file -> (severity, reason prefix), from the table in tests/hostile/README.md."""
    rows = {}
    for line in (HOSTILE / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and (HOSTILE / cells[0]).is_file():
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_every_case_in_the_folder_has_a_reason_and_every_reason_a_case():
    cases = {path.name for path in HOSTILE.iterdir() if path.name != "README.md"}
    assert set(expected_reasons()) == cases and len(cases) >= 12


@pytest.mark.parametrize("name", sorted(expected_reasons()))
def test_each_hostile_case_gives_its_reason(name):
    severity, reason = expected_reasons()[name]
    path = HOSTILE / name
    articles, rejects = parse_file(name, path.suffix, path.read_bytes(), today=TODAY)
    matching = [r for r in rejects if r.reason.startswith(reason)]
    assert matching and matching[0].severity == severity, rejects
    # an error means no article; a warning means the article is loaded all the same
    assert (len(articles) == 0) == (severity == "error")


def test_a_file_over_the_limit_is_rejected_from_its_size_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: 200 MB of NUL bytes that take no disk
    big_jsonl = tmp_path / "big.jsonl"
    with big_jsonl.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    [raw, raw_jsonl] = sources.read([huge, big_jsonl])
    assert raw.data == b"" and raw.error == f"file too large: {200 * 1024 * 1024} bytes (maximum {MAX_ARTICLE_BYTES} for .txt files)"
    assert raw_jsonl.error.startswith("file too large") and f"maximum {MAX_FILE_BYTES}" in raw_jsonl.error


def test_bytes_over_the_limit_are_rejected_by_the_parser_too():
    data = b"Police arrested two men. " * (MAX_ARTICLE_BYTES // 20)
    assert parse_file("big.txt", ".txt", data)[1] == [
        Reject("big.txt", f"file too large: {len(data)} bytes (maximum {MAX_ARTICLE_BYTES} for .txt files)")]


def test_an_article_over_the_limit_inside_a_json_lines_file_is_rejected_and_the_rest_loads():
    long_line = b'{"text": "' + b"word " * (MAX_ARTICLE_BYTES // 5 + 10) + b'"}\n'
    data = long_line + b'{"text": "Police arrested two men in Baku.", "published": "2021-10-14"}\n'
    articles, rejects = parse_file("f.jsonl", ".jsonl", data)
    assert [a.input for a in articles] == ["f.jsonl:2"]
    assert rejects[0].input == "f.jsonl:1" and rejects[0].reason.startswith("article too long")


@pytest.mark.parametrize(
    ("published", "reason"),
    [
        ("2021-02-30", "unreadable published date '2021-02-30' (day is out of range for month)"),
        ("9999-99-99", "unreadable published date '9999-99-99' (month must be in 1..12)"),
        ("9999-12-31", "implausible published date '9999-12-31': after today (2026-11-29)"),
        ("0001-01-01", "implausible published date '0001-01-01': before 1800"),
    ],
)
def test_impossible_dates_are_not_believed_and_the_next_source_is_used(published, reason):
    record = b'{"text": "Police arrested two men in Baku.", "published": "%s"}' % published.encode()
    [article], rejects = parse_file("a.json", ".json", record, date(2021, 10, 14), today=TODAY)
    assert (article.published_date, article.published_source) == (date(2021, 10, 14), "cli")
    assert rejects == [Reject("a.json", f"{reason}; used the next source", "warning")]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (b'{"text": ["a", "b"]}', "field 'text' is an array, not a string"),
        (b'{"text": null}', "article without text (field 'text' missing or empty)"),
        (b'"just a string"', "expected a JSON object, got str"),
        (b"[" * 100_000, "invalid JSON"),
    ],
)
def test_json_of_the_wrong_shape_is_rejected_with_what_is_wrong(record, reason):
    articles, [reject] = parse_file("a.json", ".json", record)
    assert articles == [] and reject.reason.startswith(reason)


def test_a_field_of_the_wrong_type_is_ignored_with_a_warning():
    record = b'{"text": "Police arrested two men in Baku.", "title": {"a": 1}, "published": "2021-10-14"}'
    [article], [warning] = parse_file("a.json", ".json", record)
    assert article.title is None and warning == Reject("a.json", "field 'title' is an object, not a string: ignored", "warning")


READERS = sorted(SUFFIXES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(READERS), data=st.binary(max_size=2000))
def test_every_reader_survives_arbitrary_bytes(suffix, data):
    articles, rejects = parse_file("x" + suffix, suffix, data, today=TODAY)
    assert all(isinstance(a, Article) and a.text.strip() for a in articles)
    assert all(isinstance(r, Reject) and r.reason for r in rejects)
    assert articles or rejects  # something is always said about an input


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(READERS),
       text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500),
       wrapper=st.sampled_from(["{}", '{{"text": {}}}', "<html><body><p>{}</p></body></html>",
                                "text,date\n{},2021-02-30\n", '<rss version="2.0"><channel><item><description>{}</description></item></channel></rss>']))
def test_every_reader_survives_arbitrary_text_in_plausible_shapes(suffix, text, wrapper):
    import json

    body = wrapper.format(json.dumps(text) if wrapper.startswith('{"') else text)
    articles, rejects = parse_file("x" + suffix, suffix, body.encode("utf-8"), today=TODAY)
    assert articles or rejects


@pytest.mark.flow
def test_the_hostile_folder_loads_what_it_can_and_changes_nothing_stored_before(prefect_server, tmp_path):
    import shutil

    from eventpipe.flows.ingest import run_ingest
    from eventpipe.warehouse.query import query

    db = tmp_path / "w.duckdb"
    good = tmp_path / "good" / "a.json"
    good.parent.mkdir()
    good.write_text('{"text": "Azerbaijan and Turkey signed a memorandum in Baku on June 15, 2021.", "published": "2021-10-14"}')
    run_ingest([good.parent], db)
    before = query(db, "select * from articles order by article_id")
    inbox = tmp_path / "hostile"
    shutil.copytree(HOSTILE, inbox, ignore=shutil.ignore_patterns("README.md"))
    summary = run_ingest([inbox], db)
    assert summary.articles == 3 and summary.failed_batches == 0  # the three cases loaded with warnings
    after = query(db, "select * from articles order by article_id")
    kept = after.filter(after["article_id"].is_in(before["article_id"].implode()))
    assert kept.equals(before)
    rejects = query(db, "select input, reason, severity from rejects")
    for name, (severity, reason) in expected_reasons().items():
        rows = rejects.filter(rejects["input"].str.ends_with(name) | rejects["input"].str.contains(name + ":"))
        assert any(r.startswith(reason) and s == severity for r, s in zip(rows["reason"], rows["severity"])), name
