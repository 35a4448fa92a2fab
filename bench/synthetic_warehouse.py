"""A synthetic warehouse for the query benchmark: N events and the rows the views need, made inside DuckDB.

The schema comes from the real migrations (`warehouse.connection.connect`); the rows come from
`range()` and DuckDB's `hash()`, so the same N always gives the same warehouse. Shapes, chosen to
look like a news-coded event set:

- events: N rows, one per real-world event, published uniformly over 2000-01-01..2025-12-31.
  Stored in ingest order (publication dates rise with the row, as loads append them) or, with
  order="random", in no order (a shuffled backfill: the worst case for zone maps). 35 % are dated
  by their article; the rest happened 0-3 days before it (80 %), up to 60 days (15 %) or up to ten
  years (5 %) before. 70 % known to the day, 5 % to the time, the rest to the week, month, quarter
  or year (their date the first day of that period). Actors' countries are skewed
  (about 14 % of sides are USA, the long tail has ~0.1 % each), 8 % of sources and 25 % of targets
  have no country. CAMEO codes from transforms.tables.cameo, skewed to the low roots (statements,
  appeals, consultations), with their Goldstein score, PLOVER category and QuadClass. 85 % asserted.
- mentions: 1 + a heavy-tailed count per event (mean ~1.65, 87 % of events have one, a few have
  hundreds), so ~1.65 N rows; event_mentions links each to its event.
- articles: N / 10 (about 10 events and 16 mentions an article), about 105 a day; an event's first
  mention is in an article of its publication day, later ones up to three days after; texts and
  sentences are short placeholders.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from eventpipe.transforms.tables.cameo import CODES
from eventpipe.transforms.tables.countries import COUNTRIES, SECTORS
from eventpipe.warehouse.connection import WarehouseError, connect

FIRST_DAY = "2000-01-01"
DAYS = 9497  # 2000-01-01 .. 2025-12-31
# The most reported countries first: a country's share falls with its place in this list.
_BUSY = ("USA", "GBR", "RUS", "CHN", "ISR", "UKR", "FRA", "IND", "IRN", "DEU", "PAK", "SYR", "AFG", "IRQ",
         "TUR", "JPN", "PSE", "KOR", "PRK", "AUS", "CAN", "EGY", "SAU", "NGA", "ZAF", "BRA", "MEX", "LBN")
_OUTLETS = ("reuters.com", "apnews.com", "bbc.co.uk", "aljazeera.com", "theguardian.com", "nytimes.com",
            "washingtonpost.com", "france24.com", "dw.com", "thehindu.com", "dawn.com", "scmp.com",
            "japantimes.co.jp", "timesofisrael.com", "kyivindependent.com", "tass.com", "xinhuanet.com",
            "allafrica.com", "premiumtimesng.com", "news24.com", "abc.net.au", "cbc.ca", "elpais.com",
            "lemonde.fr", "spiegel.de", "hurriyetdailynews.com", "tehrantimes.com", "arabnews.com")


@dataclass(frozen=True, slots=True)
class Synthetic:
    path: Path
    events: int
    mentions: int
    articles: int
    seconds: float  # spent generating (0 when an existing file was reused)
    reused: bool


def lookups() -> dict[str, list]:
    """The code lists the rows draw from, bound as query parameters."""
    countries = list(_BUSY) + sorted(set(COUNTRIES.values()) - set(_BUSY))
    codes = [code for code in CODES if len(code) >= 3]  # three- and four-digit codes; CODES is in code order
    return {
        "countries": countries,
        "sectors": sorted(SECTORS),
        "codes": codes,
        "goldstein": [CODES[code][1] for code in codes],
        "plover": [CODES[code][2] for code in codes],
        "quad": [CODES[code][3] for code in codes],
        "outlets": list(_OUTLETS),
    }


# One row per event, with the integer `e` it is made from; every choice is a hash of (e, salt).
# u(salt) is uniform in (0, 1). Used three times (events, mentions, links): DuckDB recomputes it.
_U = "((hash(e, {salt}) % 1000003 + 1) / 1000004.0)"


def _u(salt: int) -> str:
    return _U.format(salt=salt)


_DRAWS = f"""
SELECT
    e,
    pub_day,
    CASE WHEN {_u(3)} < 0.35 THEN pub_day  -- dated by its article
         WHEN {_u(31)} < 0.80 THEN greatest(0, pub_day - CAST(hash(e, 32) % 4 AS INTEGER))
         WHEN {_u(31)} < 0.95 THEN greatest(0, pub_day - CAST(hash(e, 32) % 60 AS INTEGER))
         ELSE greatest(0, pub_day - CAST(hash(e, 32) % 3650 AS INTEGER)) END AS day,
    CASE WHEN {_u(2)} < 0.70 THEN 'day' WHEN {_u(2)} < 0.75 THEN 'time' WHEN {_u(2)} < 0.82 THEN 'month'
         WHEN {_u(2)} < 0.87 THEN 'week' WHEN {_u(2)} < 0.92 THEN 'year' ELSE 'quarter' END AS text_precision,
    {_u(3)} < 0.35 AS by_published,
    CAST(floor(len($codes) * pow({_u(4)}, 2)) AS INTEGER) + 1 AS code_at,
    CASE WHEN {_u(5)} < 0.85 THEN 'asserted' WHEN {_u(5)} < 0.90 THEN 'intended'
         WHEN {_u(5)} < 0.95 THEN 'negated' ELSE 'hypothetical' END AS "mode",
    CASE WHEN {_u(6)} >= 0.08 THEN list_extract($countries, CAST(floor(len($countries) * pow({_u(7)}, 3)) AS INTEGER) + 1) END AS source_country,
    CASE WHEN {_u(8)} >= 0.30 THEN list_extract($sectors, CAST(hash(e, 9) % len($sectors) AS INTEGER) + 1) END AS source_sector,
    CASE WHEN {_u(10)} >= 0.25 THEN list_extract($countries, CAST(floor(len($countries) * pow({_u(11)}, 3)) AS INTEGER) + 1) END AS target_country,
    CASE WHEN {_u(12)} >= 0.30 THEN list_extract($sectors, CAST(hash(e, 13) % len($sectors) AS INTEGER) + 1) END AS target_sector,
    {_u(14)} < 0.60 AS has_location,
    CAST(least(1000, 1 + floor(0.25 * (pow({_u(15)}, -0.8) - 1))) AS BIGINT) AS n
FROM (
    SELECT e, CASE WHEN $ingest THEN CAST(e * {DAYS} // $events AS INTEGER)
                   ELSE CAST(hash(e, 1) % {DAYS} AS INTEGER) END AS pub_day
    FROM range($events) AS r(e)
)
"""

# The event's fields, as both an event and each of its mentions carry them.
_FIELDS = f"""
SELECT
    *,
    CASE WHEN by_published THEN 'day' ELSE text_precision END AS date_precision,
    CAST(CASE WHEN by_published THEN 'published' ELSE 'text' END AS VARCHAR) AS date_source,
    CAST(CASE (CASE WHEN by_published THEN 'day' ELSE text_precision END)
        WHEN 'week' THEN date_trunc('week', DATE '{FIRST_DAY}' + day)
        WHEN 'month' THEN date_trunc('month', DATE '{FIRST_DAY}' + day)
        WHEN 'quarter' THEN date_trunc('quarter', DATE '{FIRST_DAY}' + day)
        WHEN 'year' THEN date_trunc('year', DATE '{FIRST_DAY}' + day)
        ELSE DATE '{FIRST_DAY}' + day END AS DATE) AS event_date,
    list_extract($codes, code_at) AS cameo_code,
    left(list_extract($codes, code_at), 2) AS cameo_root,
    list_extract($plover, code_at) AS plover,
    CAST(list_extract($quad, code_at) AS TINYINT) AS quad_class,
    list_extract($goldstein, code_at) AS goldstein,
    CASE WHEN source_country IS NULL AND source_sector IS NULL THEN 'actor ' || hash(e, 16) % 5000
         ELSE coalesce(source_country, '') || ' ' || coalesce(source_sector, '') END AS source_name,
    CASE WHEN target_country IS NULL AND target_sector IS NULL AND {_u(17)} < 0.5 THEN NULL
         WHEN target_country IS NULL AND target_sector IS NULL THEN 'actor ' || hash(e, 18) % 5000
         ELSE coalesce(target_country, '') || ' ' || coalesce(target_sector, '') END AS target_name,
    CASE WHEN has_location THEN 'place ' || hash(e, 19) % 20000 END AS location,
    CASE WHEN has_location THEN coalesce(target_country, source_country) END AS location_country
FROM ({_DRAWS})
"""

# The k-th mention of event e, its article (the first on the event's publication day, the others up
# to 3 days later; about 105 articles a day), and where it sits in that article.
_MENTIONS = f"""
SELECT
    f.*,
    k,
    printf('%016x', hash(e, k, 20)) AS mention_id,
    CAST(floor((least({DAYS - 1}, f.pub_day + CASE WHEN k > 0 THEN hash(e, k, 21) % 4 ELSE 0 END) + (hash(e, k, 22) % 1000003) / 1000003.0)
               * $articles / {DAYS}) AS BIGINT) AS article_at,
    CAST(hash(e, k, 23) % 30 AS BIGINT) AS sentence_index
FROM ({_FIELDS}) AS f, unnest(range(f.n)) AS ks(k)
"""

_ARTICLE_ID = "printf('%016x', hash(article_at, 24))"

_INSERT_ARTICLES = f"""
INSERT INTO articles BY NAME
SELECT
    {_ARTICLE_ID} AS article_id,
    'synthetic/' || article_at || '.json' AS "input",
    'Synthetic article ' || article_at AS title,
    'https://www.' || list_extract($outlets, CAST(hash(article_at, 25) % len($outlets) AS INTEGER) + 1)
        || strftime(published_date, '/%Y/%m/%d/') || {_ARTICLE_ID} AS url,
    CAST(NULL AS VARCHAR) AS source,
    CAST(NULL AS VARCHAR) AS byline,
    CAST(NULL AS VARCHAR) AS external_id,
    published_date,
    'metadata' AS published_source,
    'Synthetic article ' || article_at || '.' AS "text",
    (CAST(published_date AS TIMESTAMP) + INTERVAL 6 HOUR) AT TIME ZONE 'UTC' AS ingested_at,
    hash(article_at, 26) AS simhash
FROM (
    SELECT article_at, CAST(DATE '{FIRST_DAY}' + CAST(floor(article_at * {DAYS} / $articles) AS INTEGER) AS DATE) AS published_date
    FROM range($articles) AS r(article_at)
)
"""

_INSERT_MENTIONS = f"""
INSERT INTO mentions BY NAME
SELECT
    mention_id, {_ARTICLE_ID} AS article_id, sentence_index,
    'Synthetic sentence ' || e || '.' || k || '.' AS sentence,
    CAST(hash(e, k, 27) % 200 AS BIGINT) AS "start", CAST(hash(e, k, 27) % 200 + 40 AS BIGINT) AS "end",
    event_date, date_precision,
    CASE date_precision WHEN 'year' THEN strftime(event_date, '%Y') WHEN 'month' THEN strftime(event_date, '%Y-%m')
         ELSE strftime(event_date, '%Y-%m-%d') END AS date_value,
    date_source, cameo_code, cameo_root, plover, quad_class, goldstein, "mode",
    source_name, source_country, source_sector, target_name, target_country, target_sector,
    location, location_country
FROM ({_MENTIONS})
"""

_INSERT_LINKS = f"""
INSERT INTO event_mentions BY NAME
SELECT mention_id, printf('%016x', hash(e, 28)) AS event_id FROM ({_MENTIONS})
"""

# An event takes its fields and its article from its first mention (k = 0).
_INSERT_EVENTS = f"""
INSERT INTO events BY NAME
SELECT
    printf('%016x', hash(e, 28)) AS event_id,
    cameo_root || '|' || coalesce(source_country, '') || '/' || coalesce(source_sector, '') || '|'
        || coalesce(target_country, '') || '/' || coalesce(target_sector, '') || '|' || "mode" AS cluster_key,
    event_date, date_precision,
    CASE date_precision WHEN 'year' THEN strftime(event_date, '%Y') WHEN 'month' THEN strftime(event_date, '%Y-%m')
         ELSE strftime(event_date, '%Y-%m-%d') END AS date_value,
    date_source, cameo_code, cameo_root, plover, quad_class, goldstein, "mode",
    source_name, source_country, source_sector, target_name, target_country, target_sector,
    location, location_country,
    n AS num_mentions,
    greatest(1, n - CAST(floor(n * 0.3 * {_u(29)}) AS BIGINT)) AS num_articles,
    greatest(1, n - CAST(floor(n * 0.6 * {_u(30)}) AS BIGINT)) AS num_sources,
    (CAST(DATE '{FIRST_DAY}' + pub_day AS TIMESTAMP) + INTERVAL 8 HOUR) AT TIME ZONE 'UTC' AS first_seen_at,
    (CAST(DATE '{FIRST_DAY}' + pub_day AS TIMESTAMP) + INTERVAL 8 HOUR + to_hours(n - 1)) AT TIME ZONE 'UTC' AS last_seen_at,
    {_ARTICLE_ID} AS article_id,
    mention_id,
    'Synthetic sentence ' || e || '.0.' AS sentence
FROM ({_MENTIONS})
WHERE k = 0
"""


def _count(con, table: str) -> int:
    return con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]  # table names are ours


def build(path: Path, events: int, *, order: str = "ingest", memory_limit: str = "4GB", log=print) -> Synthetic:
    """Fill a new warehouse file at `path` with `events` synthetic events, or reuse the one there.

    `order` is the physical order of events: "ingest" (as loads append them, batch after batch of
    newly published articles: event dates rise with the row, give or take the events a story dates
    back) or "random" (a backfill in no order; zone maps on dates prune nothing).
    An existing file is reused only if it holds exactly `events` events and has mentions; any
    other existing file is left alone (WarehouseError), so a real warehouse is never touched.
    """
    path = Path(path)
    if path.exists():
        con = connect(path, read_only=True)
        try:
            counts = {t: _count(con, t) for t in ("events", "mentions", "articles")}
            # Ingest order shows as dates rising with the row; no marker table needed.
            trend = con.execute("SELECT corr(rowid, event_date - DATE '2000-01-01') FROM events").fetchall()[0][0]
        finally:
            con.close()
        found = "ingest" if (trend or 0) > 0.5 else "random"
        if counts["events"] != events or counts["mentions"] == 0 or found != order:
            raise WarehouseError(
                f"{path} exists with {counts['events']:,} events in {found} order (wanted {events:,} in {order} "
                "order); give another --db or remove it"
            )
        connect(path).close()  # a writable connection refreshes the views: time today's warehouse/views
        return Synthetic(path, counts["events"], counts["mentions"], counts["articles"], 0.0, True)

    began = time.perf_counter()
    con = connect(path)  # a fresh file: the real migrations and views
    try:
        con.execute(f"SET memory_limit = '{memory_limit}'")  # a setting, not a value: no bind possible
        con.execute("SET enable_progress_bar = false")
        values = lookups() | {"events": events, "articles": max(1, events // 10), "ingest": order == "ingest"}
        for table, sql, names in (
            ("articles", _INSERT_ARTICLES, ("articles", "outlets")),
            ("events", _INSERT_EVENTS, tuple(values)),
            ("mentions", _INSERT_MENTIONS, tuple(values)),
            ("event_mentions", _INSERT_LINKS, tuple(values)),
        ):
            step = time.perf_counter()
            used = {name: values[name] for name in names if f"${name}" in sql}
            con.execute(sql, used)
            log(f"  {table:15} {_count(con, table):>12,} rows  {time.perf_counter() - step:6.1f} s")
        con.execute("CHECKPOINT")
        counts = {t: _count(con, t) for t in ("events", "mentions", "articles")}
    except BaseException:
        con.close()
        path.unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)
        raise
    con.close()
    return Synthetic(path, counts["events"], counts["mentions"], counts["articles"], time.perf_counter() - began, False)
