"""Fetch feeds and their items' pages over HTTP: the network edge of ingestion.

One `Fetcher` per run: a real HTTP client (httpx) with a timeout on every request, retries with
exponential backoff on timeouts, connection errors, 429 and 5xx, a minimum interval between two
requests to the same host, a User-Agent that names the tool, and a size limit read while the body
streams in. Every failure comes back as a reason, never as an exception.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import httpx

from eventpipe.transforms.articles import MAX_ARTICLE_BYTES, MAX_FILE_BYTES, Article, Reject, finish
from eventpipe.transforms.feeds import fill_from_item, parse_feed

USER_AGENT = "eventpipe/0.1 (news event coder; polite: one request per host per second)"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How politely and how patiently to fetch (`eventpipe run --timeout`)."""

    timeout: float = 10.0  # seconds for connecting, and for each read; also the limit of a whole response
    retries: int = 2  # further tries after a timeout, a connection error, 429 or 5xx
    backoff: float = 0.5  # seconds before the first retry, doubled for each next one
    min_interval: float = 1.0  # seconds between two requests to the same host
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # where the body came from, after redirects
    data: bytes = b""
    error: str | None = None  # why there is no body


@dataclass
class Fetcher:
    settings: FetchSettings = field(default_factory=FetchSettings)
    transport: httpx.BaseTransport | None = None  # tests may inject one
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)  # host -> when its last request started
    _client: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=True,
            max_redirects=5,
            transport=self.transport,
        )
        return self

    def __exit__(self, *_: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str, max_bytes: int) -> Fetched:
        """The body at `url` (at most `max_bytes`), or why it could not be had."""
        scheme = urlsplit(url).scheme
        if scheme not in ("http", "https"):
            return Fetched(url, error=f"not an http(s) URL: {url[:100]!r}")
        tries = self.settings.retries + 1
        problem = "not fetched"
        for attempt in range(tries):
            if attempt:
                self.sleep(self.settings.backoff * 2 ** (attempt - 1))
            self._wait_for_host(url)
            fetched, retry = self._get_once(url, max_bytes)
            if not retry:
                return fetched
            problem = fetched.error
        return Fetched(url, error=f"{problem} ({tries} tries)")

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            pause = self.settings.min_interval - (self.clock() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()

    def _get_once(self, url: str, max_bytes: int) -> tuple[Fetched, bool]:
        """(result, whether trying again may help)."""
        assert self._client is not None, "use the Fetcher in a with block"
        timeout = self.settings.timeout
        deadline = self.clock() + timeout
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    retry = response.status_code == 429 or response.status_code >= 500
                    return Fetched(url, error=f"HTTP {response.status_code} {response.reason_phrase}".strip()), retry
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    return Fetched(url, error=f"response too large: {declared} bytes (maximum {max_bytes})"), False
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        return Fetched(url, error=f"response too large: over {max_bytes} bytes"), False
                    if self.clock() > deadline:
                        return Fetched(url, error=f"timed out after {timeout:g} s (the response kept coming)"), True
                    chunks.append(chunk)
                return Fetched(str(response.url), b"".join(chunks)), False
        except httpx.TimeoutException:
            return Fetched(url, error=f"timed out after {timeout:g} s"), True
        except httpx.TooManyRedirects:
            return Fetched(url, error="too many redirects"), False
        except httpx.TransportError as error:
            return Fetched(url, error=f"connection failed: {error or type(error).__name__}"), True
        except httpx.HTTPError as error:  # invalid URL and the like
            return Fetched(url, error=f"request failed: {error}"), False


def feed_articles(
    feed_url: str, fetcher: Fetcher, published: date | None = None, today: date | None = None
) -> tuple[list[Article], list[Reject]]:
    """The articles of a feed: each item's page, fetched and parsed as HTML, its gaps filled from the
    item (title, link, author, date); an item whose page cannot be fetched is a reject with the reason."""
    return finish(*feed_pages(feed_url, fetcher, today), published)


def feed_pages(feed_url: str, fetcher: Fetcher, today: date | None = None) -> tuple[list[Article], list[Reject]]:
    """`feed_articles` before `finish`: the articles as their pages give them, not yet repaired or dated."""
    fetched = fetcher.get(feed_url, MAX_FILE_BYTES)
    if fetched.error:
        return [], [Reject(feed_url, f"feed not fetched: {fetched.error}")]
    feed, problem = parse_feed(feed_url, fetched.data, today)
    if problem:
        return [], [problem]
    if not feed.items:
        return [], [Reject(feed_url, "feed without items")]
    from eventpipe.transforms.html import parse_html  # imports trafilatura (0.2 s)

    articles: list[Article] = []
    rejects: list[Reject] = []
    for item in feed.items:
        if item.warning:
            rejects.append(Reject(item.input, f"{item.warning}; used the next source", "warning"))
        if not item.link:
            rejects.append(Reject(item.input, "feed item without a link"))
            continue
        page = fetcher.get(item.link, MAX_ARTICLE_BYTES)
        if page.error:
            rejects.append(Reject(item.link, f"page not fetched: {page.error}"))
            continue
        if not page.data.strip():
            rejects.append(Reject(item.link, "page not fetched: empty response"))
            continue
        found, problems = parse_html(item.link, page.data, url=page.url, today=today, source=feed.title)
        articles.extend(fill_from_item(article, item, feed.title) for article in found)
        rejects.extend(problems)
    return articles, rejects
