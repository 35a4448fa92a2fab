"""HTML news pages -> their main text, title, author, canonical URL and publication date.

trafilatura finds the main text without the boilerplate, and the title, author, site name and
canonical URL. The publication date comes from htmldate (the URL, meta tags, <time> elements,
then the visible text); the page's own publication-time fields (meta tags, then JSON-LD), read
with their time zone, settle which side of midnight it was, and give it when htmldate finds none.
Both parse the bytes themselves, with the page's declared or guessed encoding.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import htmldate
import trafilatura
from trafilatura.utils import load_html

from eventpipe.transforms.articles import MIN_ARTICLE_CHARS, Article, Reject, content_id

# No news page is dated earlier (an earlier date on a page is a quoted or placeholder date).
EARLIEST_PAGE_DATE = date(1990, 1, 1)
# Without the run's date a page may be dated up to here (htmldate's default would read the clock).
LATEST_PAGE_DATE = date(2099, 12, 31)
# libxml2 does not build trees deeper than this: a page nested deeper has lost its content.
MAX_HTML_DEPTH = 255

# Unix times in data-* attributes (tweets, Facebook posts, many CMSs): machine-written, so more
# trustworthy than a date pattern found somewhere in the page's text.
_EPOCH_ATTRIBUTE = re.compile(rb"""\sdata-(?:time|timestamp|utime|published|date)(-ms)?=["'](\d{10}|\d{13})["']""")
_HTML_END = re.compile(rb"</html\s*>", re.IGNORECASE)

# Fields that hold the first publication time (never the modification time), lower-cased; in
# <meta name|property|itemprop=... content=...> or any element's itemprop with content/datetime.
_PUBLISHED_FIELDS = frozenset({
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "dc.date.issued", "dcterms.issued", "parsely-pub-date", "publish-date", "publishdate",
    "pubdate",
})
# JSON-LD objects that describe the page's own article (not an organisation, a breadcrumb, a video).
_JSON_LD_PAGE_TYPES = re.compile(r"article|posting|report|webpage", re.IGNORECASE)
# An ISO 8601 date, optionally with a time and a zone: Z/UTC/GMT/+00:00 (UTC) or +hh:mm (local).
_TIMESTAMP = re.compile(
    r"\s*(\d{4})-?(\d{2})-?(\d{2})(?:(?:T|\s+)(\d{2}):?(\d{2})(?::?\d{2})?(?:[.,]\d+)?\s*"
    r"(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?(?![\d:])", re.IGNORECASE)
# Times written with an explicit UTC offset anywhere in the page (ISO 8601 and RFC 2822): the
# page's own time zone, to read its Z timestamps and Unix times in.
_OFFSET_TIMES = (
    re.compile(rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):?(\d{2})(?!\d)"),
    re.compile(rb"\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? ([+-])(\d{2})(\d{2})(?!\d)"),
)
# A Y/M/D date in a URL path, as htmldate reads it.
_URL_DATE = re.compile(r"\D((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:\D|$)")
# A date written out for readers with its time of day ("November 8, 2023 at 11:30 p.m.",
# "Thursday, November 9, 2023 4:41AM", "21 Jan 2020 10:05"): the time the page shows it was posted.
_INVISIBLE = frozenset({"script", "style", "noscript", "template"})
_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_SHOWN_TIME = re.compile(
    rf"\b(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d))"
    r"[\s,|/@·•–-]*(?:at\s+)?\d{1,2}[:.]\d\d(?!\d)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    text: str  # main text, "" when the page has none
    title: str | None = None
    author: str | None = None
    url: str | None = None  # canonical URL the page gives, else the one it was fetched from
    site: str | None = None  # the site's name
    host: str | None = None  # the host name of its URL
    published: date | None = None
    depth: int = 0  # depth of the deepest element
    truncated: bool = False  # the bytes end before </html>


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--")) or b"<body" in data[:65536].lower()


def read_page(data: bytes, url: str | None = None, today: date | None = None) -> Page | None:
    """What an HTML page says about itself, or None when the bytes are not HTML at all."""
    tree = load_html(data)
    if tree is None:
        return None
    depth = max((len(list(element.iterancestors())) for element in tree.iter()), default=0)
    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_images=False,
        date_extraction_params=_date_params(today, extensive=False),
    )
    if document is None:
        return Page(text="", url=url, published=page_date(data, url, today), depth=depth, truncated=_truncated(data))
    title = _clean(document.title)
    return Page(
        text=_without_heading((document.text or "").strip(), title),
        title=title,
        author=_clean(document.author),
        url=_clean(document.url) or url,
        site=_site_name(document.sitename, document.hostname, document.url or url),
        host=_clean(document.hostname) or _host(document.url or url),
        published=page_date(data, url, today),
        depth=depth,
        truncated=_truncated(data),
    )


def page_date(data: bytes, url: str | None = None, today: date | None = None) -> date | None:
    """The publication date of a page, always the original date, not the last update. htmldate
    without text search (the URL, metadata, <time> elements) finds it; the page's own
    publication-time fields (meta tags, then JSON-LD), read in its time zone, settle which side of
    midnight it was when they give a day within a day of htmldate's, and give it when htmldate
    finds none. Else a Unix time in a data-* attribute; else a date pattern in its text
    (htmldate's extensive search). Dates before EARLIEST_PAGE_DATE or after `today` (the run's
    day) are never taken.

    Measured on the two development sets (`eventpipe eval pubdates`): the fields' own day gains
    over htmldate's only at midnight (time zones); where the two are days apart, htmldate's day
    is kept."""
    latest = today or LATEST_PAGE_DATE
    published = _published_field_date(data, url, latest)
    found = htmldate.find_date(data, url=url, **_date_params(today, extensive=False))
    found_day = date.fromisoformat(found) if found else None
    if published and (found_day is None or abs(published - found_day) <= timedelta(days=1)):
        return published
    if found_day:
        return found_day
    epoch = _epoch_date(data, today)
    if epoch:
        return epoch
    found = htmldate.find_date(data, url=url, **_date_params(today, extensive=True))
    return date.fromisoformat(found) if found else None


def htmldate_date(data: bytes, today: date) -> date | None:
    """htmldate alone, as its documentation suggests for the original date (its own bounds up to
    `today`): the baseline `page_date` is measured against."""
    found = htmldate.find_date(data, original_date=True, extensive_search=True, max_date=today.isoformat())
    return date.fromisoformat(found) if found else None


def _date_params(today: date | None, extensive: bool) -> dict:
    latest = today or LATEST_PAGE_DATE
    return {"extensive_search": extensive, "original_date": True,
            "min_date": EARLIEST_PAGE_DATE.isoformat(), "max_date": latest.isoformat()}


def _published_field_date(data: bytes, url: str | None, latest: date) -> date | None:
    """The earliest date in the page's meta publication-time fields, else in the datePublished of
    its JSON-LD article, each as `local_date` reads it with what the page says of its time zone:
    its UTC offset, the URL's date and the day it shows with a time of day."""
    tree = load_html(data)
    if tree is None:
        return None
    fields = (_meta_published(tree), _json_ld_published(tree))
    offset = url_day = shown = None
    if any(_in_utc(value) for values in fields for value in values):  # only their day depends on the time zone
        offset, url_day, shown = page_utc_offset(data), url_date(url or _canonical_url(tree)), shown_day(tree)
    for values in fields:
        days = [day for value in values if (day := local_date(value, offset, url_day, shown)) is not None
                and EARLIEST_PAGE_DATE <= day <= latest]
        if days:
            return min(days)
    return None


def local_date(value: str, offset: timedelta | None = None, url_day: date | None = None,
               shown: date | None = None) -> date | None:
    """The day of an ISO 8601 date or timestamp where it was written. A timestamp with a non-zero
    offset (2020-01-02T01:30:00-05:00) is already local: its day. A UTC one (Z or +00:00) is
    moved to `offset`, the page's time zone, when known; else the URL's day settles which side of
    midnight it was when it is within a day; else it is the UTC day. When the page shows readers
    one of the two days, the UTC one or that local one, with a time (`shown`), that day is taken:
    a page rendered in UTC shows the UTC day however its other timestamps are written."""
    match = _TIMESTAMP.match(value)
    if not match:
        return None
    year, month, day, hour, minute, zone = match.groups()
    try:
        written = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError:
        return None
    if hour is None or zone is None or not _is_utc(zone):
        return written.date()
    local = _utc_to_local(written, offset, url_day)
    return shown if shown in (written.date(), local) else local


def _in_utc(value: str) -> bool:
    """A timestamp with a time of day in UTC (its day depends on the time zone it is read in)."""
    match = _TIMESTAMP.match(value)
    return bool(match and match[4] and match[6] and _is_utc(match[6]))


def _is_utc(zone: str) -> bool:
    """Z, UTC, GMT or a zero offset: how servers write UTC, whatever the page's own time zone."""
    return zone.upper() in {"Z", "UTC", "GMT"} or set(zone[1:].replace(":", "")) == {"0"}


def _utc_to_local(moment: datetime, offset: timedelta | None, url_day: date | None) -> date:
    if offset is not None:
        return (moment + offset).date()
    if url_day is not None and abs(url_day - moment.date()) <= timedelta(days=1):
        return url_day
    return moment.date()


def page_utc_offset(data: bytes) -> timedelta | None:
    """The page's own time zone: the non-zero UTC offset its timestamps give most often, or None
    when they give none (a page that writes only Z or +00:00 times is read in UTC)."""
    offsets: Counter[timedelta] = Counter()
    for pattern in _OFFSET_TIMES:
        for sign, hours, minutes in pattern.findall(data):
            if int(hours) <= 14 and minutes in {b"00", b"30", b"45"} and (hours, minutes) != (b"00", b"00"):
                offsets[(1 if sign == b"+" else -1) * timedelta(hours=int(hours), minutes=int(minutes))] += 1
    return offsets.most_common(1)[0][0] if offsets else None


def shown_day(tree) -> date | None:
    """The first date the page's visible text writes out with a time of day (Month D, YYYY or
    D Month YYYY, then hh:mm), as the page shows when it was posted; None when it writes none."""
    pieces: list[str] = []
    for body in tree.iter("body"):
        pieces.append(body.text or "")
        for child in body:
            _visible_text(child, pieces)
        break
    for match in _SHOWN_TIME.finditer(" ".join(" ".join(pieces).split())):
        month, day, year = (match[1], match[2], match[3]) if match[1] else (match[5], match[4], match[6])
        try:
            return date(int(year), _MONTH_NUMBERS[month.lower()], int(day))
        except ValueError:
            continue
    return None


def _visible_text(element, pieces: list[str]) -> None:
    """The text of an element and its tail as readers see it, in order: no scripts, styles or comments."""
    if isinstance(element.tag, str) and element.tag not in _INVISIBLE:
        pieces.append(element.text or "")
        for child in element:
            _visible_text(child, pieces)
    pieces.append(element.tail or "")


def url_date(url: str | None) -> date | None:
    """The Y/M/D date in a URL (/2020/01/19/, /2020-01-19-...), if it has a valid one."""
    match = _URL_DATE.search(url or "")
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def _canonical_url(tree) -> str | None:
    for element in tree.iterfind('.//link[@rel="canonical"]'):
        return element.get("href")
    for element in tree.iterfind('.//meta[@property="og:url"]'):
        return element.get("content")
    return None


def _meta_published(tree) -> list[str]:
    values = []
    for element in tree.iter("meta"):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        if name in _PUBLISHED_FIELDS and element.get("content"):
            values.append(element.get("content"))
    for element in tree.xpath('.//*[@itemprop="datePublished"][not(self::meta)]'):
        value = element.get("content") or element.get("datetime")
        if value:
            values.append(value)
    return values


def _json_ld_published(tree) -> list[str]:
    values = []
    for element in tree.xpath('.//script[@type="application/ld+json"]'):
        try:
            document = json.loads(element.text or "")
        except (ValueError, RecursionError):
            continue
        values.extend(_json_ld_dates(document, depth=0))
    return values


def _json_ld_dates(node, depth: int) -> list[str]:
    """datePublished of the article objects in a JSON-LD document: top level, a list or @graph."""
    if depth > 3:
        return []
    if isinstance(node, list):
        return [value for item in node for value in _json_ld_dates(item, depth + 1)]
    if not isinstance(node, dict):
        return []
    found = []
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if any(isinstance(k, str) and _JSON_LD_PAGE_TYPES.search(k) for k in kinds) \
            and isinstance(node.get("datePublished"), str):
        found.append(node["datePublished"])
    if "@graph" in node:
        found.extend(_json_ld_dates(node["@graph"], depth + 1))
    return found


def _epoch_date(data: bytes, today: date | None) -> date | None:
    """A Unix time in a data-* attribute, as a day in the page's own time zone (else UTC)."""
    match = _EPOCH_ATTRIBUTE.search(data)
    if not match:
        return None
    digits = match.group(2)
    seconds = int(digits) / (1000 if match.group(1) or len(digits) == 13 else 1)  # 13 digits: milliseconds
    moment = datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
    day = _utc_to_local(moment, page_utc_offset(data), None)
    return day if EARLIEST_PAGE_DATE <= day <= (today or LATEST_PAGE_DATE) else None


def _without_heading(text: str, title: str | None) -> str:
    """The main text without its first line when that line is the title (kept apart, as for .txt)."""
    first, _, rest = text.partition("\n")
    return rest.strip() if title and rest.strip() and first.strip() == title else text


def _host(url: str | None) -> str | None:
    match = re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#\s]+)", url or "")
    return match.group(1).lower() if match else None


def _site_name(name: str | None, hostname: str | None, url: str | None) -> str | None:
    """The site's own name; trafilatura gives the host name in its place when the page names none."""
    name = _clean(name)
    return None if name is None or name.lower() in {_clean(hostname), _host(url)} else name


def _truncated(data: bytes) -> bool:
    return _HTML_END.search(data[-65536:]) is None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def parse_html(
    input: str, data: bytes, url: str | None = None, today: date | None = None, source: str | None = None
) -> tuple[list[Article], list[Reject]]:
    """The article of an HTML page; its date, from the page, counts as metadata. Its source is the
    site's name the page gives, else `source` (a feed's title), else the host name."""
    page = read_page(data, url, today)
    if page is None:
        return [], [Reject(input, "not an HTML page: no element could be parsed")]
    if page.depth >= MAX_HTML_DEPTH and len(page.text) < MIN_ARTICLE_CHARS:
        return [], [Reject(input, f"HTML nested deeper than {MAX_HTML_DEPTH} elements: no article text could be read")]
    if len(page.text) < MIN_ARTICLE_CHARS:
        cut = " (the page is truncated: it ends before </html>)" if page.truncated else ""
        return [], [Reject(input, f"no article text in the HTML page: {len(page.text)} characters of main text{cut}")]
    warnings = [Reject(input, "truncated HTML page: it ends before </html>; loaded the text it has", "warning")] \
        if page.truncated else []
    article = Article(
        article_id=content_id(page.text),
        input=input,
        text=page.text,
        title=page.title,
        url=page.url,
        source=page.site or source or page.host,
        byline=page.author,
        published_date=page.published,
        published_source="metadata" if page.published else None,
    )
    return [article], warnings
