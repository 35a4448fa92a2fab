"""eventpipe: news articles in, who-did-what-to-whom events dated by the day they happened out, in
a local DuckDB warehouse.

The Python face of the `eventpipe` command (a second face, like the CLI: it calls the flows and
the warehouse and holds no logic of its own)::

    import eventpipe

    summary = eventpipe.run(["examples/"], db="warehouse/events.duckdb")  # the run summary
    frame = eventpipe.query("select * from events", db="warehouse/events.duckdb")  # a Polars DataFrame
    events = eventpipe.code("Turkey and Azerbaijan signed a defence pact on June 15.", published="2021-10-14")
    found = eventpipe.timexes("He arrived last Tuesday.", dct="2021-10-14")

The layers live under this name: `eventpipe.schemas`, `eventpipe.transforms`, `eventpipe.warehouse`,
`eventpipe.flows` (the repository's `schemas/`, `transforms/`, `warehouse/`, `flows/`). Importing
`eventpipe` is cheap: each function imports what it needs (`run` imports Prefect) when called.
"""

from __future__ import annotations

from datetime import date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl

    from eventpipe.flows.ingest import RunSummary

try:
    __version__: str = version("eventpipe")
except PackageNotFoundError:  # imported from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["__version__", "code", "query", "run", "timexes"]

DEFAULT_DB = Path("warehouse/events.duckdb")  # as eventpipe.warehouse.connection.DEFAULT_DB (`--db`)
DEFAULT_WAIT = 30.0  # seconds to wait for a warehouse another process holds (`--wait`)
DateLike = date | str | None


def run(
    paths: list[str | Path] | str | Path,
    db: str | Path = DEFAULT_DB,
    *,
    published: DateLike = None,
    feeds: list[str] | None = None,
    text_column: str | None = None,
    date_column: str | None = None,
    batch_size: int = 1000,
    workers: int | None = None,
    force: bool = False,
    wait: float = DEFAULT_WAIT,
) -> RunSummary:
    """Load files and folders (and the items of `feeds`) into the warehouse `db`, as `eventpipe run`
    does, with the same Prefect flow; returns its summary (articles, timexes, mentions, rejects,
    files, skipped, seconds, problems, ...).

    `published` dates the inputs that have no publication date of their own. A script (not a
    notebook) that loads more than 100 articles with `workers` other than 1 needs the usual
    `if __name__ == "__main__":` guard: the worker processes import the script's main module.
    """
    from eventpipe.transforms.clusters import cluster
    from eventpipe.warehouse.load import settle

    if isinstance(paths, (str, Path)):
        paths = [paths]
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    settle(Path(db), cluster, wait=wait)  # as `run`: a migration's events are clustered before loading

    from eventpipe.flows.ingest import run_ingest  # imports prefect (1 s)

    return run_ingest([Path(p) for p in paths], Path(db), _date(published), batch_size, wait, None,
                      text_column, date_column, list(feeds or []), workers, force)


def query(sql: str, db: str | Path = DEFAULT_DB, *, wait: float = DEFAULT_WAIT) -> pl.DataFrame:
    """The rows of one query on the warehouse `db`, read-only, as a Polars DataFrame (as `eventpipe
    sql`, it waits up to `wait` seconds while a load holds the file). Raises
    eventpipe.warehouse.connection.WarehouseError with DuckDB's message on a bad query."""
    from eventpipe.warehouse.query import query as run_query

    return run_query(Path(db), sql, wait=wait)


def code(text: str, published: DateLike = None, coder: str | None = None) -> list[dict[str, Any]]:
    """The event mentions of one text, each a dict with the columns of the `mentions` table (as
    `eventpipe code`). `published` (a date or an ISO date) dates what the text does not; without
    it, the date the text itself implies, if any. `coder`: 'tree' or 'rules' (default: the
    pipeline's, transforms.frames.DEFAULT_CODER)."""
    from eventpipe.schemas.tables import TABLES
    from eventpipe.transforms.articles import content_id, infer_published
    from eventpipe.transforms.frames import DEFAULT_CODER, coder_of, mention_row

    code_text = coder_of(coder or DEFAULT_CODER).code_text

    columns = next(table for table in TABLES if table.name == "mentions").names
    article_id = content_id(text.strip())
    when = _date(published) or infer_published(text)
    rows = [mention_row(article_id, event) for event in code_text(text, when)]
    return [{name: row[name] for name in columns} for row in rows]


def timexes(text: str, dct: DateLike = None) -> list[dict[str, Any]]:
    """The temporal expressions of one text, each a dict of start, end (character offsets), text,
    type (DATE, TIME, DURATION, SET) and value (TIMEX3), normalized against `dct` (the document's
    date; without it, the date the text itself implies, if any), as `eventpipe timex`."""
    from eventpipe.transforms.articles import infer_published
    from eventpipe.transforms.timexes import tag_timexes

    when = _date(dct) or infer_published(text)
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in tag_timexes(text, when)]


def _date(value: DateLike) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value).strip()[:10])
