"""Articles -> the Polars frames a batch loads: articles, timexes, mentions, rejects (and which
input held which article)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields, replace
from datetime import datetime

import polars as pl

from eventpipe.schemas.tables import ARTICLE_INPUTS, ARTICLES, MENTIONS, REJECTS, TIMEXES, Table
from eventpipe.transforms.articles import Article, Reject, content_id
from eventpipe.transforms.clusters import simhashes
from eventpipe.transforms import events as rule_coder
from eventpipe.transforms.events import Event
from eventpipe.transforms.sentences import split_sentences
from eventpipe.transforms.timexes import Timex, tag_timexes


@dataclass(frozen=True, slots=True)
class Frames:
    articles: pl.DataFrame
    timexes: pl.DataFrame
    mentions: pl.DataFrame
    rejects: pl.DataFrame
    inputs: pl.DataFrame  # ARTICLE_INPUTS: every input's article, equal texts included (not a table)

    def tables(self) -> dict[str, pl.DataFrame]:
        return {"articles": self.articles, "timexes": self.timexes, "mentions": self.mentions, "rejects": self.rejects}

    def counts(self) -> dict[str, int]:
        return {name: frame.height for name, frame in self.tables().items()}

    @classmethod
    def concat(cls, parts: list[Frames]) -> Frames:
        """The frames of parts of one batch as one, a row per key (the last part's wins)."""
        return cls(**{name: _one_per_key(table, pl.concat([getattr(part, name) for part in parts]))
                      for table, name in _FRAMES.items()})

    def with_copies(self, copies: list[tuple[str, str]]) -> Frames:
        """These frames, with the inputs of texts that were extracted once for several inputs:
        `copies` are (input, input of the copy that was extracted)."""
        extracted = dict(self.inputs.iter_rows())
        rows = [{"input": input, "article_id": extracted[original]} for input, original in copies if original in extracted]
        if not rows:
            return self
        return replace(self, inputs=_one_per_key(ARTICLE_INPUTS, pl.concat([self.inputs, ARTICLE_INPUTS.frame(rows)])))


_FRAMES = {ARTICLES: "articles", TIMEXES: "timexes", MENTIONS: "mentions", REJECTS: "rejects", ARTICLE_INPUTS: "inputs"}


CODERS = ("rules", "tree")
# The coder runs, recodes, evaluations and `eventpipe code` use unless told otherwise.
DEFAULT_CODER = "tree"


def coder_of(name: str):
    """The coding module a name picks: 'rules' (events.py) or 'tree' (coding/, on a dependency
    parse; loads spaCy's model once per process). Both have code_text and code_events; the tree
    coder has code_batch too (the events of many articles, the same as code_events gives)."""
    if name == "tree":
        from eventpipe.transforms.coding import coder as tree_coder

        return tree_coder
    if name != "rules":
        raise ValueError(f"unknown coder {name!r}: one of {', '.join(CODERS)}")
    return rule_coder


def extract(articles: list[Article], rejects: list[Reject], now: datetime, coder: str = DEFAULT_CODER) -> Frames:
    """Tag, code (with the coder named, see coder_of) and frame a batch of parsed articles; `now`
    (UTC) stamps new rows."""
    module = coder_of(coder)
    unique = {article.article_id: article for article in articles}  # last one of equal texts wins
    article_rows, timex_rows, mention_rows = [], [], []
    fingerprints = simhashes([article.text for article in unique.values()])
    prepared = [(article.text, split_sentences(article.text), tag_timexes(article.text, article.published_date),
                 article.published_date) for article in unique.values()]
    if hasattr(module, "code_batch"):  # the tree coder parses the sentences of the whole batch together
        coded = module.code_batch(prepared)
    else:
        coded = [module.code_events(*article) for article in prepared]
    for article, fingerprint, (_, _, timexes, _), events in zip(unique.values(), fingerprints, prepared, coded):
        article_rows.append(article_row(article, now, fingerprint))
        timex_rows.extend(timex_row(article.article_id, timex) for timex in timexes)
        mention_rows.extend(mention_row(article.article_id, event) for event in events)
    reject_rows = [reject_row(reject, now) for reject in rejects]
    return Frames(
        articles=_frame(ARTICLES, article_rows),
        timexes=_frame(TIMEXES, timex_rows),
        mentions=_frame(MENTIONS, mention_rows),
        rejects=_frame(REJECTS, reject_rows),
        inputs=_frame(ARTICLE_INPUTS, [{"input": article.input, "article_id": article.article_id} for article in articles]),
    )


def article_row(article: Article, now: datetime, fingerprint: int) -> dict:
    return {**_fields(article), "ingested_at": now, "simhash": fingerprint}


def timex_row(article_id: str, timex: Timex) -> dict:
    return {"article_id": article_id, **_fields(timex)}


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
    return {"mention_id": content_id(*key), "article_id": article_id, **_fields(event)}


def reject_row(reject: Reject, now: datetime) -> dict:
    return {"reject_id": content_id(reject.input, reject.reason), **_fields(reject), "seen_at": now}


def _fields(row: Article | Timex | Event | Reject) -> dict:
    """The fields of a dataclass of plain values (what `asdict` gives, without its deep copies)."""
    return {name: getattr(row, name) for name in _names(type(row))}


@functools.cache
def _names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(kind))


def _frame(table: Table, rows: list[dict]) -> pl.DataFrame:
    """A frame with exactly the table's columns, one row per key (the last one wins)."""
    return _one_per_key(table, table.frame([{name: row.get(name) for name in table.names} for row in rows]))


def _one_per_key(table: Table, frame: pl.DataFrame) -> pl.DataFrame:
    return frame.unique(subset=list(table.key), keep="last", maintain_order=True)
