"""Raw inputs (bytes of .txt, .json, .jsonl files) -> articles with a publication date, or rejects."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from transforms.timexes import tag_timexes

SUFFIXES = (".txt", ".json", ".jsonl")


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    input: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    external_id: str | None = None
    published_date: date | None = None
    published_source: str | None = None  # metadata | cli | inferred


@dataclass(frozen=True, slots=True)
class Reject:
    input: str
    reason: str
    severity: str = "error"  # error: not loaded; warning: loaded all the same


def content_id(*parts: str) -> str:
    """16 hex digits of the sha256 of the parts: the same content always gets the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def parse_file(
    input: str, suffix: str, data: bytes, published: date | None = None
) -> tuple[list[Article], list[Reject]]:
    """Articles and rejects from the bytes of one input file.

    `published` is the publication date given on the command line; metadata wins over it.
    """
    text, problem = decode(data)
    if problem:
        return [], [Reject(input, problem)]
    if suffix == ".txt":
        found, rejects = parse_text(input, text)
    elif suffix == ".json":
        found, rejects = _parse_json_document(input, text)
    elif suffix == ".jsonl":
        found, rejects = _parse_json_lines(input, text)
    else:
        return [], [Reject(input, f"unsupported file type {suffix!r} (expected {', '.join(SUFFIXES)})")]
    articles = []
    for article in found:
        dated, warning = date_article(article, published)
        articles.append(dated)
        rejects.extend([warning] if warning else [])
    return articles, rejects


def decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 text of a file, or the reason it is not usable text."""
    if not data.strip():
        return "", "empty file"
    if b"\x00" in data[:8192]:
        return "", "binary file (contains NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return "", f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}"


_BYLINE = re.compile(r"^\s*by\s+(\S.{0,80})$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;,\"”’']\s*$")


def parse_text(input: str, text: str) -> tuple[list[Article], list[Reject]]:
    """A raw .txt article: optional leading 'By ...' lines, an optional title line, the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    position = 0
    bylines: list[str] = []
    while position < len(lines):
        line = lines[position].strip()
        match = _BYLINE.match(line)
        if not line:
            position += 1
        elif match and len(bylines) < 4:
            bylines.append(match.group(1).strip())
            position += 1
        else:
            break
    title = None
    rest = [line for line in lines[position + 1:] if line.strip()]
    if position < len(lines) and rest and _looks_like_title(lines[position]):
        title = lines[position].strip()
        position += 1
    body = "\n".join(lines[position:]).strip()
    if not body:
        return [], [Reject(input, "no article text after the byline and title")]
    single_word = [name for name in bylines if " " not in name]
    return [Article(
        article_id=content_id(body),
        input=input,
        text=body,
        title=title,
        byline="; ".join(bylines) or None,
        source=single_word[0] if single_word else None,
    )], []


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 200 and not _SENTENCE_END.search(line) and len(line.split()) <= 30


def _parse_json_document(input: str, text: str) -> tuple[list[Article], list[Reject]]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Reject(input, f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}")]
    return parse_record(input, record)


def _parse_json_lines(input: str, text: str) -> tuple[list[Article], list[Reject]]:
    articles: list[Article] = []
    rejects: list[Reject] = []
    # Split on "\n" only: JSON strings may hold U+2028 and other characters splitlines() splits on.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{input}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            rejects.append(Reject(where, f"invalid JSON line: {error.msg} at column {error.colno}"))
            continue
        found, problems = parse_record(where, record)
        articles.extend(found)
        rejects.extend(problems)
    if not articles and not rejects:
        rejects.append(Reject(input, "no JSON lines in the file, only blank ones"))
    return articles, rejects


def parse_record(input: str, record: object) -> tuple[list[Article], list[Reject]]:
    """One JSON article: `text` required; `id`, `title`, `url`, `source`, `published`, `byline`."""
    if not isinstance(record, dict):
        return [], [Reject(input, f"expected a JSON object, got {type(record).__name__}")]
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return [], [Reject(input, "article without text (field 'text' missing or empty)")]
    fields = {}
    for name in ("id", "title", "url", "source", "byline", "published"):
        value = record.get(name)
        fields[name] = str(value).strip() if value not in (None, "") else None
    warnings = []
    published = parse_published(fields["published"]) if fields["published"] else None
    if fields["published"] and published is None:
        reason = f"unreadable published date {fields['published'][:40]!r}; used the next source"
        warnings.append(Reject(input, reason, "warning"))
    body = text.strip()
    article = Article(
        article_id=content_id(body),
        input=input,
        text=body,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        byline=fields["byline"],
        external_id=fields["id"],
        published_date=published,
        published_source="metadata" if published else None,
    )
    return [article], warnings


def parse_published(value: str) -> date | None:
    """An ISO date or datetime (with or without zone) -> its calendar date, else None."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def date_article(article: Article, published: date | None) -> tuple[Article, Reject | None]:
    """Give the article its publication date: metadata, else the CLI date, else the text."""
    if article.published_source == "metadata":
        return article, None
    if published is not None:
        return replace(article, published_date=published, published_source="cli"), None
    inferred = infer_published(article.text)
    if inferred is not None:
        return replace(article, published_date=inferred, published_source="inferred"), None
    reason = "no publication date: none in metadata, none given with --published, none inferable from the text"
    return article, Reject(article.input, reason, "warning")


_YEAR = re.compile(r"(?<![\d.,$])(1[89]\d\d|20\d\d)(?![\d%])")
# Words before a date that make it a deadline or a plan, not a dateline ("notes due Oct. 15, 1999").
_NOT_PUBLISHED = re.compile(
    r"\b(?:due|matur\w*|expir\w*|until|through|by|before|deadline|scheduled|will|set for|effective|(?:year|quarter|half|period) end(?:ing|ed))\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:reported|said|says|announced|stated|told|confirmed|declared|noted|added|wrote|"
    r"reports|announces|published)\s+(?:\w+\s+){0,3}(?:on|this|last)?\s*$",
    re.IGNORECASE,
)


# A full date this close to the start of the text is a dateline ("This story is from March 10, 2002").
DATELINE_CHARS = 300


def infer_published(text: str) -> date | None:
    """The publication date the text implies, or None when it implies none.

    Evidence, strongest first: a date that a reporting verb introduces ("the ministry reported on
    October 14"; a month-day takes the latest year the text mentions, names included: "Eurasian
    Peace - 2021"); else the first full date near the start (a dateline), unless it is a deadline
    or a plan ("due", "until", "will"). Other dates in the body are dates of events, often long
    past, and are not taken for the publication date.
    """
    years = [int(year) for year in _YEAR.findall(text)]
    latest_year = max(years) if years else None
    reported: list[date] = []
    dateline: list[date] = []
    for timex in tag_timexes(text, None):
        if timex.type != "DATE" or timex.value is None:
            continue
        before = text[max(0, timex.start - 60): timex.start]
        if _REPORTING.search(before):
            candidate = _full_date(timex.value, latest_year)
            reported.extend([candidate] if candidate else [])
        elif timex.start < DATELINE_CHARS and not _NOT_PUBLISHED.search(before):
            candidate = _full_date(timex.value, None)
            dateline.extend([candidate] if candidate else [])
    if reported:
        return max(reported)
    return dateline[0] if dateline else None


def _full_date(value: str, year: int | None) -> date | None:
    match = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)-(\d\d)", value)
    if not match:
        return None
    if match.group(1) == "XXXX":
        if year is None:
            return None
        value = f"{year:04d}-{match.group(2)}-{match.group(3)}"
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
