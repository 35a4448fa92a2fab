"""Raw inputs (bytes of .txt, .json, .jsonl, .csv, .html, feed files) -> articles with a
publication date, or rejects.

Every article's text is repaired (mojibake, Unicode normalization: `transforms/clean.py`) before
it gets its id, so ids and offsets refer to the repaired text that is stored.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from eventpipe.transforms.clean import language_problem, repair_text
from eventpipe.transforms.timexes import tag_timexes

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SUFFIXES = (".txt", ".json", ".jsonl", ".csv", *HTML_SUFFIXES, *FEED_SUFFIXES)
# Files that hold one article (or one page) each, and files that may hold many (a .json file holds
# one article or an array of them).
SINGLE_ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)

# The largest article: a file of one article (.txt, .html) over this is rejected before it is read,
# and so is an article (JSON record, CSV row, feed item, fetched page) whose text is over it.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# The largest file of many articles (.json, .jsonl, .csv, feeds), also rejected before it is read: with
# --batch-size files per batch, a batch holds at most that many times these bytes in memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Shorter texts are not articles ("x", "OK", a stray heading).
MIN_ARTICLE_CHARS = 10

# JSON keys and CSV columns read as the article's text and publication date when no
# --text-column / --date-column names one: the first present wins.
TEXT_KEYS = ("text", "full_text", "doc_text", "body", "content")
DATE_KEYS = ("published", "date", "published_date", "pubdate")


def max_input_bytes(suffix: str) -> int:
    """The largest file of this type that is read at all."""
    return MAX_ARTICLE_BYTES if suffix in SINGLE_ARTICLE_SUFFIXES else MAX_FILE_BYTES


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


@dataclass(frozen=True, slots=True)
class Columns:
    """Which JSON key or CSV column holds the text and the publication date (None: the usual names)."""

    text: str | None = None
    date: str | None = None


def parse_file(
    input: str, suffix: str, data: bytes, published: date | None = None, *,
    columns: Columns = Columns(), today: date | None = None, url: str | None = None,
) -> tuple[list[Article], list[Reject]]:
    """Articles and rejects from the bytes of one input file.

    `published` is the publication date given on the command line; metadata wins over it.
    `today` is the run's date: publication dates after it are not believed (None: no such check).
    `url` is where an HTML page was fetched from, when it was.
    """
    return finish(*split_file(input, suffix, data, columns=columns, today=today, url=url), published)


def split_file(
    input: str, suffix: str, data: bytes, *, columns: Columns = Columns(), today: date | None = None,
    url: str | None = None,
) -> tuple[list[Article], list[Reject]]:
    """`parse_file` before `finish`: the articles of a file as written, not yet repaired, checked or
    dated (the cheap part, done once per file; `finish` can then run on parts of the file anywhere)."""
    if suffix not in SUFFIXES:
        return [], [Reject(input, f"unsupported file type {suffix!r} (expected {', '.join(SUFFIXES)})")]
    limit = max_input_bytes(suffix)
    if len(data) > limit:
        return [], [Reject(input, f"file too large: {len(data)} bytes (maximum {limit} for {suffix} files)")]
    problem = _not_text(data)
    if problem:
        return [], [Reject(input, problem)]
    if suffix in HTML_SUFFIXES:
        from eventpipe.transforms.html import parse_html  # trafilatura takes 0.2 s to import: only when needed

        found, rejects = parse_html(input, data, url=url, today=today)
    elif suffix in FEED_SUFFIXES:
        from eventpipe.transforms.feeds import parse_feed_file

        found, rejects = parse_feed_file(input, data, today=today)
    else:
        text, problem = decode(data)
        if problem:
            return [], [Reject(input, problem)]
        if suffix == ".txt":
            found, rejects = parse_text(input, text)
        elif suffix == ".json":
            found, rejects = _parse_json_document(input, text, columns, today)
        elif suffix == ".jsonl":
            found, rejects = _parse_json_lines(input, text, columns, today)
        else:
            found, rejects = parse_csv(input, text, columns, today)
    return found, rejects


def finish(found: list[Article], rejects: list[Reject], published: date | None) -> tuple[list[Article], list[Reject]]:
    """Repair, check and date the articles found in one input; each one that fails becomes a reject."""
    articles = []
    rejects = list(rejects)
    for article in found:
        cleaned, problem = clean_article(article)
        if problem:
            rejects.append(Reject(article.input, problem))
            continue
        dated, warning = date_article(cleaned, published)
        articles.append(dated)
        rejects.extend([warning] if warning else [])
    return articles, rejects


def clean_article(article: Article) -> tuple[Article, str | None]:
    """The article with its text repaired and its id recomputed, or why it cannot be coded."""
    text = repair_text(article.text).strip()
    if len(text) < MIN_ARTICLE_CHARS:
        return article, (f"article too short: {len(text)} character{'s' if len(text) != 1 else ''} of text "
                         f"(minimum {MIN_ARTICLE_CHARS})")
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        return article, f"article too long: {size} bytes of text (maximum {MAX_ARTICLE_BYTES})"
    problem = language_problem(text)
    if problem:
        return article, problem
    fields = {name: _repaired(getattr(article, name)) for name in ("title", "byline", "source")}
    return replace(article, article_id=content_id(text), text=text, **fields), None


def _repaired(value: str | None) -> str | None:
    value = repair_text(value).strip() if value else None
    return value or None


def _not_text(data: bytes) -> str | None:
    if not data.strip():
        return "empty file"
    if b"\x00" in data[:8192]:
        return "binary file (contains NUL bytes), not text"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 text of a file, or the reason it is not usable text."""
    problem = _not_text(data)
    if problem:
        return "", problem
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


def _parse_json_document(input: str, text: str, columns: Columns, today: date | None) -> tuple[list[Article], list[Reject]]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Reject(input, f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}")]
    except RecursionError:
        return [], [Reject(input, "invalid JSON: nested too deeply")]
    if not isinstance(record, list):
        return parse_record(input, record, columns, today)
    articles: list[Article] = []
    rejects: list[Reject] = []
    for number, item in enumerate(record, start=1):  # an array of articles: 'path:N' is its Nth
        found, problems = parse_record(f"{input}:{number}", item, columns, today)
        articles.extend(found)
        rejects.extend(problems)
    if not record:
        rejects.append(Reject(input, "an empty JSON array: no articles"))
    return articles, rejects


def _parse_json_lines(input: str, text: str, columns: Columns, today: date | None) -> tuple[list[Article], list[Reject]]:
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
        except RecursionError:
            rejects.append(Reject(where, "invalid JSON line: nested too deeply"))
            continue
        found, problems = parse_record(where, record, columns, today)
        articles.extend(found)
        rejects.extend(problems)
    if not articles and not rejects:
        rejects.append(Reject(input, "no JSON lines in the file, only blank ones"))
    return articles, rejects


def parse_csv(input: str, text: str, columns: Columns = Columns(), today: date | None = None) -> tuple[list[Article], list[Reject]]:
    """A CSV file with a header row: one article per row, the text in `columns.text` or the first
    of TEXT_KEYS; other columns as in JSON (title, url, source, byline, id, the date)."""
    # Split on "\n" only (as for JSON lines): a quoted field may hold U+2028 and the like.
    lines = [line + "\n" for line in text.split("\n")]
    csv.field_size_limit(MAX_ARTICLE_BYTES)  # process-wide, always this constant
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        return [], [Reject(input, f"invalid CSV header: {error}")]
    names = [name.strip() for name in header]
    text_key = columns.text or next((key for key in TEXT_KEYS if key in names), None)
    if text_key not in names:
        wanted = repr(columns.text) if columns.text else "one of " + ", ".join(TEXT_KEYS) + " (or --text-column)"
        return [], [Reject(input, f"no text column: expected {wanted}; the columns are {', '.join(map(repr, names[:20]))}")]
    if columns.date and columns.date not in names:
        return [], [Reject(input, f"no date column {columns.date!r}; the columns are {', '.join(map(repr, names[:20]))}")]
    articles: list[Article] = []
    rejects: list[Reject] = []
    while True:
        line_number = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            rejects.append(Reject(f"{input}:{line_number}", f"invalid CSV from this line on: {error}"))
            break
        if not any(cell.strip() for cell in row):
            continue
        where = f"{input}:{line_number}"
        if len(row) != len(names):
            rejects.append(Reject(where, f"CSV row has {len(row)} fields, the header {len(names)}"))
            continue
        found, problems = parse_record(where, dict(zip(names, row)), Columns(text_key, columns.date), today)
        articles.extend(found)
        rejects.extend(problems)
    if not articles and not rejects:
        rejects.append(Reject(input, "no rows in the CSV file after its header"))
    return articles, rejects


def parse_record(
    input: str, record: object, columns: Columns = Columns(), today: date | None = None
) -> tuple[list[Article], list[Reject]]:
    """One JSON article: the text (`text`, else the first of TEXT_KEYS present, or `columns.text`);
    `id`, `title`, `url`, `source`, `byline`; the date (`published`, else `date`, ..., or `columns.date`)."""
    if not isinstance(record, dict):
        return [], [Reject(input, f"expected a JSON object, got {type(record).__name__}")]
    text_key = columns.text or next((key for key in TEXT_KEYS if key in record), "text")
    text = record.get(text_key)
    if text is not None and not isinstance(text, str):
        return [], [Reject(input, f"field {text_key!r} is {_type_name(text)}, not a string")]
    if not isinstance(text, str) or not text.strip():
        reason = f"article without text (field {text_key!r} missing or empty)"
        if text_key not in record:  # which keys there are, as for a CSV file's columns
            wanted = "" if columns.text else f"; expected one of {', '.join(TEXT_KEYS)} (or --text-column)"
            reason += f"{wanted}; the keys are {', '.join(map(repr, list(record)[:20])) or 'none'}"
        return [], [Reject(input, reason)]
    date_key = columns.date or next((key for key in DATE_KEYS if record.get(key) not in (None, "")), "published")
    warnings = []
    fields = {}
    for name in ("id", "title", "url", "source", "byline", date_key):
        value = record.get(name)
        if isinstance(value, (dict, list, bool)):
            warnings.append(Reject(input, f"field {name!r} is {_type_name(value)}, not a string: ignored", "warning"))
            value = None
        fields[name] = str(value).strip() if value not in (None, "") else None
    published = None
    if fields[date_key]:
        published, problem = check_published(fields[date_key], today)
        if problem:
            warnings.append(Reject(input, f"{problem}; used the next source", "warning"))
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


def _type_name(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def check_published(value: str, today: date | None = None) -> tuple[date | None, str | None]:
    """A publication date from metadata, or why it is not believed ("2021-02-30", "9999-99-99",
    a date after `today`, a year before 1800)."""
    shown = repr(value.strip()[:40])
    published = parse_published(value)
    if published is None:
        try:
            datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            reason = "not a date"
        except ValueError as error:
            reason = str(error)
        return None, f"unreadable published date {shown} ({reason})"
    if published.year < 1800:
        return None, f"implausible published date {shown}: before 1800"
    if today is not None and published > today:
        return None, f"implausible published date {shown}: after today ({today.isoformat()})"
    return published, None


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
