"""Every warehouse table and every frame the transforms produce, defined once.

Each table lists its columns with a Polars dtype, whether NULL is allowed and one line of meaning.
`polars_schema()` gives the frame schema the transforms must return; `ddl()` gives the DuckDB DDL.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from eventpipe.schemas import enums


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    dtype: pl.DataType
    meaning: str
    nullable: bool = True
    accepted: tuple[str, ...] | None = None  # the only values allowed, when an enum


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    meaning: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def polars_schema(self) -> pl.Schema:
        return pl.Schema({column.name: column.dtype for column in self.columns})

    def empty_frame(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.polars_schema())

    def frame(self, rows: list[dict]) -> pl.DataFrame:
        """A frame of this table from row dicts (named columns, never tuples)."""
        return pl.DataFrame(rows, schema=self.polars_schema(), orient="row")

    def ddl(self) -> str:
        lines = []
        for column in self.columns:
            null = "" if column.nullable else " NOT NULL"
            check = ""
            if column.accepted:
                values = ", ".join(f"'{value}'" for value in column.accepted)
                check = f' CHECK ("{column.name}" IN ({values}))'
            lines.append(f'    "{column.name}" {duckdb_type(column.dtype)}{null}{check}')
        key = ", ".join(f'"{name}"' for name in self.key)
        lines.append(f"    PRIMARY KEY ({key})")
        body = ",\n".join(lines)
        return f'CREATE TABLE IF NOT EXISTS "{self.name}" (\n{body}\n);'


_DUCKDB_TYPES: dict[type, str] = {
    pl.String: "VARCHAR",
    pl.Int32: "INTEGER",
    pl.Int64: "BIGINT",
    pl.Int8: "TINYINT",
    pl.UInt64: "UBIGINT",
    pl.Float64: "DOUBLE",
    pl.Boolean: "BOOLEAN",
    pl.Date: "DATE",
}


def duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.Datetime):
        return "TIMESTAMP WITH TIME ZONE" if dtype.time_zone else "TIMESTAMP"
    try:
        return _DUCKDB_TYPES[type(dtype)]
    except KeyError:
        raise TypeError(f"no DuckDB type for Polars {dtype}") from None


UTC = pl.Datetime("us", "UTC")

ARTICLES = Table(
    name="articles",
    meaning="One row per distinct article text.",
    key=("article_id",),
    columns=(
        Column("article_id", pl.String(), "sha256 (16 hex) of the article text", nullable=False),
        Column("input", pl.String(), "file it came from; 'path:line' for JSON lines", nullable=False),
        Column("title", pl.String(), "headline, when given or found"),
        Column("url", pl.String(), "address of the article, when given"),
        Column("source", pl.String(), "outlet, when given or found in a byline"),
        Column("byline", pl.String(), "byline lines, joined by '; '"),
        Column("external_id", pl.String(), "the id the input gave the article, if any"),
        Column("published_date", pl.Date(), "publication date (NULL when nothing supports one)"),
        Column(
            "published_source",
            pl.String(),
            "where published_date came from",
            accepted=enums.PUBLISHED_SOURCES,
        ),
        Column("text", pl.String(), "body text; every offset points into it", nullable=False),
        Column("ingested_at", UTC, "when this article was first stored (UTC)", nullable=False),
        Column("simhash", pl.UInt64(), "64-bit SimHash of the text's word trigrams: near-identical texts differ in <= 3 bits"),
    ),
)

TIMEXES = Table(
    name="timexes",
    meaning="Every temporal expression of an article, normalized TimeML-style.",
    key=("article_id", "start", "end"),
    columns=(
        Column("article_id", pl.String(), "article it was found in", nullable=False),
        Column("start", pl.Int64(), "offset of its first character in articles.text", nullable=False),
        Column("end", pl.Int64(), "offset one past its last character", nullable=False),
        Column("text", pl.String(), "the expression as written", nullable=False),
        Column("type", pl.String(), "TIMEX3 type", nullable=False, accepted=enums.TIMEX_TYPES),
        Column("value", pl.String(), "TIMEX3 value: 2021-06-15, 2021-W41, 1992, P8M, PRESENT_REF"),
        Column(
            "precision",
            pl.String(),
            "granularity of the value",
            accepted=enums.PRECISIONS,
        ),
    ),
)

MENTIONS = Table(
    name="mentions",
    meaning="Every coded event in every sentence of every article: who did what to whom, dated by the text.",
    key=("mention_id",),
    columns=(
        Column("mention_id", pl.String(), "sha256 (16 hex) of article, sentence, action, actors", nullable=False),
        Column("article_id", pl.String(), "article the event was coded from", nullable=False),
        Column("sentence_index", pl.Int64(), "0-based sentence number in the article", nullable=False),
        Column("sentence", pl.String(), "the sentence as written", nullable=False),
        Column("start", pl.Int64(), "offset of the sentence in articles.text", nullable=False),
        Column("end", pl.Int64(), "offset one past the sentence", nullable=False),
        Column("event_date", pl.Date(), "first day of the period the event happened in"),
        Column("date_precision", pl.String(), "granularity of event_date", accepted=enums.PRECISIONS),
        Column("date_value", pl.String(), "TIMEX3 value the date came from (e.g. 2021-06, 1992)"),
        Column("date_source", pl.String(), "text, published, or earlier (before publication, no date given)", accepted=enums.DATE_SOURCES),
        Column("cameo_code", pl.String(), "CAMEO event code, e.g. 057", nullable=False),
        Column("cameo_root", pl.String(), "first two digits of the CAMEO code", nullable=False),
        Column("plover", pl.String(), "PLOVER category (CAMEO2PLOVER, PLOVER draft 0.8)"),
        Column("quad_class", pl.Int8(), "1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
        Column("goldstein", pl.Float64(), "Goldstein score of the CAMEO code (GDELT table)"),
        Column(
            "mode", pl.String(), "asserted, negated, intended or hypothetical", nullable=False, accepted=enums.MODES
        ),
        Column("source_name", pl.String(), "source actor as written"),
        Column("source_country", pl.String(), "ISO 3166-1 alpha-3 / CAMEO country code of the source"),
        Column("source_sector", pl.String(), "CAMEO agent code of the source (GOV, MIL, ...)"),
        Column("target_name", pl.String(), "target actor as written"),
        Column("target_country", pl.String(), "country code of the target"),
        Column("target_sector", pl.String(), "CAMEO agent code of the target"),
        Column("location", pl.String(), "place the sentence says it happened in"),
        Column("location_country", pl.String(), "country code of the location"),
    ),
)

EVENTS = Table(
    name="events",
    meaning="One row per real-world event: the mentions of one action between one pair of actors at one time.",
    key=("event_id",),
    columns=(
        Column("event_id", pl.String(), "sha256 (16 hex) of the cluster key and the first mention", nullable=False),
        Column("cluster_key", pl.String(), "action root, actor pair and mode the mentions share", nullable=False),
        Column("event_date", pl.Date(), "first day of the most precise date its mentions give"),
        Column("date_precision", pl.String(), "granularity of event_date", accepted=enums.PRECISIONS),
        Column("date_value", pl.String(), "TIMEX3 value of that date"),
        Column("date_source", pl.String(), "text, published, or earlier (before publication, no date given)", accepted=enums.DATE_SOURCES),
        Column("cameo_code", pl.String(), "the most specific CAMEO code all its mentions agree with", nullable=False),
        Column("cameo_root", pl.String(), "first two digits of the CAMEO code", nullable=False),
        Column("plover", pl.String(), "PLOVER category of the code"),
        Column("quad_class", pl.Int8(), "1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
        Column("goldstein", pl.Float64(), "Goldstein score of the code"),
        Column("mode", pl.String(), "asserted, negated, intended or hypothetical", nullable=False, accepted=enums.MODES),
        Column("source_name", pl.String(), "source actor as the first mention writes it"),
        Column("source_country", pl.String(), "country code of the source"),
        Column("source_sector", pl.String(), "CAMEO agent code of the source"),
        Column("target_name", pl.String(), "target actor as the first mention writes it"),
        Column("target_country", pl.String(), "country code of the target"),
        Column("target_sector", pl.String(), "CAMEO agent code of the target"),
        Column("location", pl.String(), "place it happened, from the first mention that names one"),
        Column("location_country", pl.String(), "country code of the location"),
        Column("num_mentions", pl.Int64(), "mentions (sentences) that report it", nullable=False),
        Column("num_articles", pl.Int64(), "distinct texts that report it (near-identical texts count once)", nullable=False),
        Column("num_sources", pl.Int64(), "distinct outlets that report it", nullable=False),
        Column("first_seen_at", UTC, "when the first article reporting it was stored", nullable=False),
        Column("last_seen_at", UTC, "when the latest article reporting it was stored", nullable=False),
        Column("article_id", pl.String(), "article of the representative mention", nullable=False),
        Column("mention_id", pl.String(), "the representative mention: most precise date, most specific code", nullable=False),
        Column("sentence", pl.String(), "sentence of the representative mention", nullable=False),
    ),
)

EVENT_MENTIONS = Table(
    name="event_mentions",
    meaning="Which event each mention reports.",
    key=("mention_id",),
    columns=(
        Column("mention_id", pl.String(), "a mention", nullable=False),
        Column("event_id", pl.String(), "the event it reports", nullable=False),
    ),
)

MENTION_KEYS = Table(
    name="mention_keys",
    meaning="What clustering compares of each mention, stored once when it is loaded (macros of migration 0004).",
    key=("mention_id",),
    columns=(
        Column("mention_id", pl.String(), "a mention", nullable=False),
        Column("cluster_key", pl.String(), "mentions with another key are never one event", nullable=False),
        Column("date_from", pl.Date(), "first day it may have happened on (NULL: undated)"),
        Column("date_to", pl.Date(), "last day it may have happened on"),
    ),
)

SCHEMA_VERSION = Table(
    name="schema_version",
    meaning="Migrations applied to this warehouse file, in order.",
    key=("version",),
    columns=(
        Column("version", pl.Int64(), "number of the migration (warehouse/migrations/NNNN_*.sql)", nullable=False),
        Column("name", pl.String(), "file name of the migration", nullable=False),
        Column("applied_at", UTC, "when it was applied (UTC)", nullable=False),
    ),
)

FILES = Table(
    name="files",
    meaning="Every input file a run has processed, so that unchanged files are skipped unread.",
    key=("path",),
    columns=(
        Column("path", pl.String(), "the file as given (the prefix of articles.input)", nullable=False),
        Column("sha256", pl.String(), "sha256 of its bytes", nullable=False),
        Column("size", pl.Int64(), "bytes", nullable=False),
        Column("mtime_ns", pl.Int64(), "modification time (ns) when it was read", nullable=False),
        Column("status", pl.String(), "loaded or rejected", nullable=False, accepted=enums.FILE_STATUSES),
        Column("articles", pl.Int64(), "articles it held", nullable=False),
        Column("loaded_at", UTC, "when this version of it was processed (UTC)", nullable=False),
        Column("options", pl.String(), "options it was read with that change what it yields ('' none): "
               "a run with others reads it again"),
    ),
)

FILE_ARTICLES = Table(
    name="file_articles",
    meaning="Which input holds which article: an article leaves the warehouse only when no input holds it any more.",
    key=("path", "article_id"),
    columns=(
        Column("path", pl.String(), "the file (files.path) that holds it; for an article of no file (a feed's "
               "page) its own input, which nothing drops", nullable=False),
        Column("article_id", pl.String(), "an article it holds", nullable=False),
        Column("input", pl.String(), "where in the file: the path, or 'path:line' ('path:item' of a JSON array)",
               nullable=False),
    ),
)

# Not stored: the files a batch read (changed, new or read again), whose file_articles and rejects
# the batch replaces; a file whose bytes did not change is recorded without being read.
READ_FILES = Table(
    name="read_files",
    meaning="The files a batch read, with every article they hold in its file_articles.",
    key=("path",),
    columns=(Column("path", pl.String(), "the file", nullable=False),),
)

# Not stored: every article a batch was given, by input, equal texts included (the articles frame
# holds each text once).
ARTICLE_INPUTS = Table(
    name="article_inputs",
    meaning="The article each input of a batch holds.",
    key=("input",),
    columns=(
        Column("input", pl.String(), "a file, 'path:line', or a page's address", nullable=False),
        Column("article_id", pl.String(), "the article it holds", nullable=False),
    ),
)

RUNS = Table(
    name="runs",
    meaning="Every run of the ingest, inbox and recode flows, with what it saw and did.",
    key=("run_id",),
    columns=(
        Column("run_id", pl.String(), "the Prefect flow run id", nullable=False),
        Column("flow", pl.String(), "the flow's name: ingest (run), inbox (serve) or recode", nullable=False),
        Column("inputs", pl.String(), "paths it was given, joined by '; ' ('articles of DB' for a recode)",
               nullable=False),
        Column("started_at", UTC, "start (UTC)", nullable=False),
        Column("finished_at", UTC, "end (UTC); NULL while running"),
        Column("status", pl.String(), "running, completed or failed", nullable=False, accepted=enums.RUN_STATUSES),
        Column("files_seen", pl.Int64(), "input files found"),
        Column("files_skipped", pl.Int64(), "files unchanged since they were loaded, not read again"),
        Column("articles_loaded", pl.Int64(), "articles stored (a recode: articles extracted again)"),
        Column("mentions_loaded", pl.Int64(), "event mentions stored"),
        Column("rejects", pl.Int64(), "reject rows recorded"),
        Column("error", pl.String(), "why it failed, or which batches were not stored"),
    ),
)

REJECTS = Table(
    name="rejects",
    meaning="Inputs that could not be loaded, or loaded with a warning, and why.",
    key=("reject_id",),
    columns=(
        Column("reject_id", pl.String(), "sha256 (16 hex) of input and reason", nullable=False),
        Column("input", pl.String(), "file (and line) that was rejected", nullable=False),
        Column("reason", pl.String(), "one line saying what was wrong", nullable=False),
        Column("severity", pl.String(), "error: not loaded; warning: loaded", nullable=False, accepted=enums.SEVERITIES),
        Column("seen_at", UTC, "when it was first seen (UTC)", nullable=False),
    ),
)

# Code tables: the names of the codes the other tables hold, so that a query can join them
# (`JOIN cameo_codes ON code = cameo_code`). Created by migration 0006 and filled, each time the
# warehouse is opened for writing, from warehouse/codes/*.csv (tools/derive_codes.py names their sources).
CAMEO_CODES = Table(
    name="cameo_codes",
    meaning="CAMEO event codes with their names, Goldstein scores, QuadClass and PLOVER category.",
    key=("code",),
    columns=(
        Column("code", pl.String(), "CAMEO code as mentions.cameo_code holds it: 2 digits a root, 3 or 4 a subcode",
               nullable=False),
        Column("name", pl.String(), "what the code stands for (CAMEO manual; roots in capitals)", nullable=False),
        Column("root", pl.String(), "its first two digits (mentions.cameo_root)", nullable=False),
        Column("goldstein", pl.Float64(), "Goldstein conflict-cooperation score, -10 to +10 (GDELT's table)"),
        Column("quad_class", pl.Int8(), "QuadClass of the code (quad_classes)"),
        Column("plover", pl.String(), "PLOVER category of the code (CAMEO2PLOVER); NULL where it has none"),
    ),
)

QUAD_CLASSES = Table(
    name="quad_classes",
    meaning="The four QuadClass values of CAMEO events, as GDELT numbers them.",
    key=("quad_class",),
    columns=(
        Column("quad_class", pl.Int8(), "1 to 4, as mentions.quad_class holds it", nullable=False),
        Column("name", pl.String(), "verbal cooperation, material cooperation, verbal conflict, material conflict",
               nullable=False),
    ),
)

PLOVER_CATEGORIES = Table(
    name="plover_categories",
    meaning="PLOVER event categories (manual draft 0.8) with the QuadClass PLOVER gives each.",
    key=("plover",),
    columns=(
        Column("plover", pl.String(), "category as mentions.plover holds it (AGREE, CONSULT, ...)", nullable=False),
        Column("quad_class", pl.Int8(), "PLOVER's own quad of the category (a CAMEO code's may differ)", nullable=False),
        Column("meaning", pl.String(), "what events of the category are, in a line", nullable=False),
    ),
)

SECTOR_CODES = Table(
    name="sector_codes",
    meaning="CAMEO actor sector (agent type) codes of source_sector and target_sector, with their names.",
    key=("code",),
    columns=(
        Column("code", pl.String(), "3-letter sector code (GOV, MIL, COP, ...)", nullable=False),
        Column("name", pl.String(), "the kind of actor it stands for", nullable=False),
    ),
)

COUNTRY_CODES = Table(
    name="country_codes",
    meaning="Codes of source_country, target_country and location_country: countries and the non-country "
            "codes organisations and regions get, with their names.",
    key=("code",),
    columns=(
        Column("code", pl.String(), "3-letter code: ISO 3166-1 alpha-3 for a country, else a CAMEO code", nullable=False),
        Column("name", pl.String(), "the country, organisation type, region or group it stands for", nullable=False),
        Column("kind", pl.String(), "country, former country, territory, organisation, region, group or sector",
               nullable=False, accepted=enums.CODE_KINDS),
    ),
)

CODE_TABLES: tuple[Table, ...] = (CAMEO_CODES, QUAD_CLASSES, PLOVER_CATEGORIES, SECTOR_CODES, COUNTRY_CODES)

# Tables the loads write, in load order; schema_version belongs to the migrations.
TABLES: tuple[Table, ...] = (
    ARTICLES, TIMEXES, MENTIONS, EVENTS, EVENT_MENTIONS, REJECTS, FILES, RUNS, MENTION_KEYS, FILE_ARTICLES,
)

# What the clustering reads: a mention with the period it may have happened in, the key of the
# mentions it can be clustered with, and what it needs of its article (warehouse view stg_mentions).
CLUSTER_INPUT = Table(
    name="stg_mentions",
    meaning="Mentions ready for clustering.",
    key=("mention_id",),
    columns=(
        *MENTIONS.columns,
        Column("cluster_key", pl.String(), "action root, actor pair (sorted for symmetric actions) and mode", nullable=False),
        Column("date_from", pl.Date(), "first day it may have happened on"),
        Column("date_to", pl.Date(), "last day it may have happened on"),
        Column("outlet", pl.String(), "the article's source, else the host of its url"),
        Column("simhash", pl.UInt64(), "the article's SimHash"),
        Column("ingested_at", UTC, "when the article was first stored", nullable=False),
    ),
)
