"""RSS and Atom feeds -> their items; a feed file's items -> articles from the text they carry.

feedparser parses the bytes only: it is never handed a URL or a path (given bytes, it would try
to open them as a file name first), so nothing here touches the network or the disk. Fetching a
feed and its items' pages is `flows/fetch.py`'s work.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import feedparser
import trafilatura

from eventpipe.transforms.articles import Article, Reject, check_published, content_id


@dataclass(frozen=True, slots=True)
class FeedItem:
    input: str  # "FEED#N": the feed and the item's position in it
    link: str | None
    title: str | None
    author: str | None
    published: date | None
    text: str  # the item's content, else its summary, as plain text ("" when it has neither)
    id: str | None = None
    warning: str | None = None  # why its date was not believed


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]


class _Bytes:
    """A stream over bytes: what feedparser reads without looking for a file or a URL."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self, *_: object) -> bytes:
        return self._data


def parse_feed(input: str, data: bytes, today: date | None = None) -> tuple[Feed | None, Reject | None]:
    """The feed in the bytes, or why they are not one."""
    parsed = feedparser.parse(_Bytes(data), resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem)[:120]}" if problem else ""
        return None, Reject(input, f"not an RSS or Atom feed{detail}")
    items = tuple(_item(f"{input}#{number}", entry, today) for number, entry in enumerate(parsed.entries, start=1))
    return Feed(title=_text(parsed.feed.get("title")), items=items), None


def _item(input: str, entry, today: date | None) -> FeedItem:
    published, warning = None, None
    raw = entry.get("published") or entry.get("updated")
    parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed_time:
        published, warning = check_published(f"{parsed_time.tm_year:04d}-{parsed_time.tm_mon:02d}-{parsed_time.tm_mday:02d}", today)
    elif raw:
        warning = f"unreadable published date {raw.strip()[:40]!r} in the feed"
    contents = [part.get("value", "") for part in entry.get("content", []) if part.get("value")]
    body = contents[0] if contents else entry.get("summary", "")
    return FeedItem(
        input=input,
        link=_text(entry.get("link")),
        title=_text(entry.get("title")),
        author=_text(entry.get("author")),
        published=published,
        text=_plain(body),
        id=_text(entry.get("id")),
        warning=warning,
    )


def _plain(value: str) -> str:
    if "<" not in value:
        return value.strip()
    return trafilatura.html2txt(f"<html><body><div>{value}</div></body></html>").strip()


def _text(value: object) -> str | None:
    value = str(value).strip() if isinstance(value, str) else ""
    return value or None


def parse_feed_file(input: str, data: bytes, today: date | None = None) -> tuple[list[Article], list[Reject]]:
    """Articles from a feed file: each item's own content or summary (pages are not fetched for a
    file; `eventpipe run --feed URL` fetches them)."""
    feed, problem = parse_feed(input, data, today)
    if problem:
        return [], [problem]
    if not feed.items:
        return [], [Reject(input, "feed without items")]
    articles, rejects = [], []
    for item in feed.items:
        if item.warning:
            rejects.append(Reject(item.input, f"{item.warning}; used the next source", "warning"))
        if not item.text:
            rejects.append(Reject(item.input, "feed item without content or summary (its page is fetched only with --feed URL)"))
            continue
        articles.append(fill_from_item(Article(article_id=content_id(item.text), input=item.input, text=item.text),
                                       item, feed.title))
    return articles, rejects


def fill_from_item(article: Article, item: FeedItem, feed_title: str | None) -> Article:
    """The article with the gaps its page left filled from its feed item (title, link, author,
    date, the feed's title as the source); what the page says wins."""
    dated = article.published_date is None and item.published is not None
    return replace(
        article,
        title=article.title or item.title,
        url=article.url or item.link,
        byline=article.byline or item.author,
        source=article.source or feed_title,
        external_id=article.external_id or item.id,
        published_date=item.published if dated else article.published_date,
        published_source="metadata" if dated else article.published_source,
    )
