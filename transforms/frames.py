"""Articles -> the Polars frames a batch loads: articles, timexes, mentions, rejects."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

import polars as pl

from schemas.tables import ARTICLES, MENTIONS, REJECTS, TIMEXES, Table
from transforms.articles import Article, Reject, content_id
from transforms.clusters import simhash
from transforms.events import Event, code_events
from transforms.sentences import split_sentences
from transforms.timexes import Timex, tag_timexes


@dataclass(frozen=True, slots=True)
class Frames:
    articles: pl.DataFrame
    timexes: pl.DataFrame
    mentions: pl.DataFrame
    rejects: pl.DataFrame

    def tables(self) -> dict[str, pl.DataFrame]:
        return {"articles": self.articles, "timexes": self.timexes, "mentions": self.mentions, "rejects": self.rejects}

    def counts(self) -> dict[str, int]:
        return {name: frame.height for name, frame in self.tables().items()}


def extract(articles: list[Article], rejects: list[Reject], now: datetime) -> Frames:
    """Tag, code and frame a batch of parsed articles; `now` (UTC) stamps new rows."""
    unique = {article.article_id: article for article in articles}  # last one of equal texts wins
    article_rows, timex_rows, mention_rows = [], [], []
    for article in unique.values():
        timexes = tag_timexes(article.text, article.published_date)
        sentences = split_sentences(article.text)
        events = code_events(article.text, sentences, timexes, article.published_date)
        article_rows.append(article_row(article, now))
        timex_rows.extend(timex_row(article.article_id, timex) for timex in timexes)
        mention_rows.extend(mention_row(article.article_id, event) for event in events)
    reject_rows = [reject_row(reject, now) for reject in rejects]
    return Frames(
        articles=_frame(ARTICLES, article_rows),
        timexes=_frame(TIMEXES, timex_rows),
        mentions=_frame(MENTIONS, mention_rows),
        rejects=_frame(REJECTS, reject_rows),
    )


def article_row(article: Article, now: datetime) -> dict:
    return {**asdict(article), "ingested_at": now, "simhash": simhash(article.text)}


def timex_row(article_id: str, timex: Timex) -> dict:
    return {"article_id": article_id, **asdict(timex)}


def mention_row(article_id: str, event: Event) -> dict:
    key = (
        article_id,
        str(event.sentence_index),
        event.cameo_code,
        event.source_name or "",
        event.source_country or "",
        event.target_name or "",
        event.target_country or "",
        *(() if event.mode == "asserted" else (event.mode,)),  # 'met A but did not meet B'
    )
    return {"mention_id": content_id(*key), "article_id": article_id, **asdict(event)}


def reject_row(reject: Reject, now: datetime) -> dict:
    return {"reject_id": content_id(reject.input, reject.reason), **asdict(reject), "seen_at": now}


def _frame(table: Table, rows: list[dict]) -> pl.DataFrame:
    """A frame with exactly the table's columns, one row per key (the last one wins)."""
    frame = table.frame([{name: row.get(name) for name in table.names} for row in rows])
    return frame.unique(subset=list(table.key), keep="last", maintain_order=True)
