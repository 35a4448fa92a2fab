"""Every view of warehouse/views/ with a line of meaning for it and for each of its columns.

The SQL defines a view's columns and types; this file says what they mean (`eventpipe schema`, and
COMMENT ON in the warehouse). A test checks that each view here has exactly the columns its SQL gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventpipe.schemas.tables import CLUSTER_INPUT, EVENTS


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    meaning: str


@dataclass(frozen=True, slots=True)
class View:
    name: str
    meaning: str
    columns: tuple[Field, ...]


def _fields(*pairs: tuple[str, str]) -> tuple[Field, ...]:
    return tuple(Field(name, meaning) for name, meaning in pairs)


def _counts(period: str, period_meaning: str, *by: tuple[str, str]) -> tuple[Field, ...]:
    return _fields(
        (period, period_meaning), *by,
        ("events", "events that happened (mode asserted)"),
        ("mentions", "sentences reporting them (sum of num_mentions)"),
        ("articles", "distinct texts reporting them (sum of num_articles)"),
        ("goldstein", "sum of their Goldstein scores, rounded to 2 decimals"),
    )


_DAY = "day the events happened (only events dated to the day or finer)"
_MONTH = "first day of the month they happened in (only events dated to the month or finer)"
_DYAD = (("source_country", "country code of the source (country_codes)"),
         ("target_country", "country code of the target (country_codes)"))
_ROOT = (("cameo_root", "CAMEO root code (cameo_codes)"),)
_QUAD = (("quad_class", "QuadClass, 1 to 4 (quad_classes)"),)


def _gdelt() -> tuple[Field, ...]:
    """The GDELT 2.0 Event columns (../shared/reference/gdelt/events2.csv), as the view fills them."""
    actor = []
    for n, role in ((1, "source"), (2, "target")):
        actor += [
            (f"Actor{n}Code", f"country code and sector of the {role}, run together (AZEGOV)"),
            (f"Actor{n}Name", f"the {role} as written, in capitals"),
            (f"Actor{n}CountryCode", f"country code of the {role}"),
            *((f"Actor{n}{part}", "NULL: not coded") for part in
              ("KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code")),
            (f"Actor{n}Type1Code", f"sector of the {role} (sector_codes)"),
            (f"Actor{n}Type2Code", "NULL: one sector only"),
            (f"Actor{n}Type3Code", "NULL: one sector only"),
        ]
    geo = []
    for prefix in ("Actor1Geo", "Actor2Geo"):
        geo += [(f"{prefix}_Type", "0: no place of the actor is coded"),
                *((f"{prefix}_{part}", "NULL: not coded") for part in
                  ("FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))]
    return _fields(
        ("GLOBALEVENTID", "the event's id as a number (its first 15 hex digits of events.event_id)"),
        ("SQLDATE", "day the event happened, as YYYYMMDD"),
        ("MonthYear", "its month, as YYYYMM"),
        ("Year", "its year"),
        ("FractionDate", "year plus day of the year / 365"),
        *actor,
        ("IsRootEvent", "1 when reported in the first four sentences of its article"),
        ("EventCode", "CAMEO code (cameo_codes)"),
        ("EventBaseCode", "the code's first three digits"),
        ("EventRootCode", "the code's first two digits"),
        ("QuadClass", "1 to 4 (quad_classes)"),
        ("GoldsteinScale", "Goldstein score of the code"),
        ("NumMentions", "sentences reporting it"),
        ("NumSources", "distinct outlets reporting it"),
        ("NumArticles", "distinct texts reporting it"),
        ("AvgTone", "NULL: tone is not computed"),
        *geo,
        ("ActionGeo_Type", "4 when a place is named, else 0"),
        ("ActionGeo_FullName", "place it happened, as written"),
        ("ActionGeo_CountryCode", "country of the place, ISO 3166-1 alpha-3 (GDELT has FIPS 10-4)"),
        *((f"ActionGeo_{part}", "NULL: not coded") for part in ("ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
        ("DATEADDED", "when its first report was stored, as YYYYMMDDHHMMSS (UTC)"),
        ("SOURCEURL", "address of the article of its representative mention"),
    )


VIEWS: tuple[View, ...] = (
    View("stg_mentions", "Staging: each mention with the period it may have happened in, its clustering key and "
         "what clustering needs of its article.",
         tuple(Field(column.name, column.meaning) for column in CLUSTER_INPUT.columns)),
    View("stg_events", "Staging: each event with its month and whether its date is known to the day or the month.",
         (*(Field(column.name, column.meaning) for column in EVENTS.columns),
          *_fields(("event_month", "first day of the month of event_date"),
                   ("known_to_day", "its date is known to the day or finer"),
                   ("known_to_month", "its date is known to the month or finer")))),
    View("daily_counts_by_dyad", "Events that happened, per day and source and target country.", _counts("day", _DAY, *_DYAD)),
    View("daily_counts_by_quad", "Events that happened, per day and QuadClass.", _counts("day", _DAY, *_QUAD)),
    View("daily_counts_by_root", "Events that happened, per day and CAMEO root.", _counts("day", _DAY, *_ROOT)),
    View("monthly_counts_by_dyad", "Events that happened, per month and source and target country.",
         _counts("month", _MONTH, *_DYAD)),
    View("monthly_counts_by_quad", "Events that happened, per month and QuadClass.", _counts("month", _MONTH, *_QUAD)),
    View("monthly_counts_by_root", "Events that happened, per month and CAMEO root.", _counts("month", _MONTH, *_ROOT)),
    View("gdelt_events", "Events that happened, in the columns, order and formats of the GDELT 2.0 Event table.",
         _gdelt()),
)
