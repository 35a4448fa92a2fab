"""Articles read back from the warehouse, to be extracted again by a newer version (`eventpipe recode`)."""

from __future__ import annotations

from pathlib import Path

from eventpipe.warehouse.connection import DEFAULT_WAIT, connect, read_sql


def stored_articles(db: Path, after: str, limit: int, wait: float = DEFAULT_WAIT) -> list[dict]:
    """The next `limit` stored articles after the id `after` ('' for the first), in id order: each a
    dict of its text, metadata and stored publication date (the fields of transforms.articles.Article)."""
    con = connect(db, read_only=True, wait=wait)
    try:
        cursor = con.execute(read_sql("stored_articles"), {"after": after, "limit": limit})
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    finally:
        con.close()


def stored_count(db: Path, wait: float = DEFAULT_WAIT) -> int:
    con = connect(db, read_only=True, wait=wait)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        con.close()
