"""HTML news pages -> their main text, title, author, canonical URL and publication date.

trafilatura finds the main text without the boilerplate, and the title, author, site name and
canonical URL; htmldate finds the publication date (meta tags, JSON-LD, the URL, <time>
elements, then the visible text). Both parse the bytes themselves, with the page's declared or
guessed encoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import htmldate
import trafilatura
from trafilatura.utils import load_html

from transforms.articles import MIN_ARTICLE_CHARS, Article, Reject, content_id

# htmldate's own earliest date; no news page is older.
EARLIEST_PAGE_DATE = date(1995, 1, 1)
# Without the run's date a page may be dated up to here (htmldate's default would read the clock).
LATEST_PAGE_DATE = date(2099, 12, 31)
# libxml2 does not build trees deeper than this: a page nested deeper has lost its content.
MAX_HTML_DEPTH = 255

# Unix times in data-* attributes (tweets, Facebook posts, many CMSs): machine-written, so more
# trustworthy than a date pattern found somewhere in the page's text.
_EPOCH_ATTRIBUTE = re.compile(rb"""\sdata-(?:time|timestamp|utime|published|date)(-ms)?=["'](\d{10}|\d{13})["']""")
_HTML_END = re.compile(rb"</html\s*>", re.IGNORECASE)


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
    """The publication date of a page: its metadata, JSON-LD, URL and <time> elements (htmldate
    without text search); else a Unix time in a data-* attribute; else a date pattern in its text
    (htmldate's extensive search). Always the original date, not the last update."""
    found = htmldate.find_date(data, url=url, **_date_params(today, extensive=False))
    if found:
        return date.fromisoformat(found)
    epoch = _epoch_date(data, today)
    if epoch:
        return epoch
    found = htmldate.find_date(data, url=url, **_date_params(today, extensive=True))
    return date.fromisoformat(found) if found else None


def _date_params(today: date | None, extensive: bool) -> dict:
    latest = today or LATEST_PAGE_DATE
    return {"extensive_search": extensive, "original_date": True,
            "min_date": EARLIEST_PAGE_DATE.isoformat(), "max_date": latest.isoformat()}


def _epoch_date(data: bytes, today: date | None) -> date | None:
    match = _EPOCH_ATTRIBUTE.search(data)
    if not match:
        return None
    seconds = int(match.group(2)) / (1000 if match.group(1) else 1)
    day = datetime.fromtimestamp(seconds, UTC).date()
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
