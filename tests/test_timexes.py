"""Tests for transforms.timexes: exact spans and TIMEX3 values on literal sentences."""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventpipe.transforms.timexes import Timex, tag_timexes, value_start

DCT = date(2021, 10, 14)  # a Thursday

SEED = Path("/work/shared/samples/000_3e6b6788e33e2d8c.txt")


def tags(text: str, dct: date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in tag_timexes(text, dct)]


def one(text: str, dct: date | None = DCT) -> tuple[str, str, str | None]:
    found = tags(text, dct)
    assert len(found) == 1, found
    return found[0]


# --- the seed article ---------------------------------------------------------------------------

SEED_TEXT = (
    "Azerbaijan’s and Turkey's land forces commanders have discussed military cooperation at a "
    "meeting held in Turkey as part of the Eurasian Peace - 2021 drills, the Defence Ministry "
    "reported on October 14.\n\n"
    "It should be noted that Afandiyev paid an official visit to Turkey to take part in the "
    "Distinguished Visitors Day held within the Eurasian Peace - 2021 exercises in Istanbul.\n\n"
    "Military cooperation between Azerbaijan and Turkey first emerged in 1992, with an agreement "
    "signed between the Azerbaijani and Turkish governments.\n\n"
    "On June 15, the two countries signed a memorandum of alliance.\n\n"
    "The Shusha Declaration that President Ilham Aliyev and his Turkish counterpart signed during "
    "the first official visit to Shusha eight months after Azerbaijan’s victory in the war with "
    "Armenia, also focuses on defence cooperation.\n\n"
    "In an interview with Turkey's Anadolu Agency on September 27, President Ilham Aliyev said so."
)

SEED_EXPECTED = [
    ("October 14", "DATE", "2021-10-14", "day"),
    ("1992", "DATE", "1992", "year"),
    ("June 15", "DATE", "2021-06-15", "day"),
    ("eight months", "DURATION", "P8M", "duration"),
    ("September 27", "DATE", "2021-09-27", "day"),
]


def test_seed_excerpt_exact():
    found = [(t.text, t.type, t.value, t.precision) for t in tag_timexes(SEED_TEXT, DCT)]
    assert found == SEED_EXPECTED


@pytest.mark.skipif(not SEED.exists(), reason="shared sample article not available")
def test_seed_article_exact():
    text = SEED.read_text(encoding="utf-8")
    found = tag_timexes(text, DCT)
    assert [(t.text, t.type, t.value, t.precision) for t in found] == SEED_EXPECTED
    assert all(text[t.start : t.end] == t.text for t in found)
    assert "2021" not in [t.text for t in found]  # "Eurasian Peace - 2021" is a name


# --- common forms, dct 2021-10-14 -----------------------------------------------------------------

COMMON = [
    ("The report came out on June 15.", ("June 15", "DATE", "2021-06-15")),
    ("They met on November 3.", ("November 3", "DATE", "2020-11-03")),
    ("They will meet on November 3.", ("November 3", "DATE", "2021-11-03")),
    ("The leaders met yesterday.", ("yesterday", "DATE", "2021-10-13")),
    ("The leaders meet today.", ("today", "DATE", "2021-10-14")),
    ("The leaders will meet tomorrow.", ("tomorrow", "DATE", "2021-10-15")),
    ("Prices rose last month.", ("last month", "DATE", "2021-09")),
    ("Prices will rise next month.", ("next month", "DATE", "2021-11")),
    ("Elections were held last year.", ("last year", "DATE", "2020")),
    ("Elections are due this year.", ("this year", "DATE", "2021")),
    ("Troops arrived last week.", ("last week", "DATE", "2021-W40")),
    ("Troops arrived two days ago.", ("two days ago", "DATE", "2021-10-12")),
    ("The war began three years ago.", ("three years ago", "DATE", "2018")),
    ("The talks will resume next Friday.", ("next Friday", "DATE", "2021-10-15")),
    ("The talks resumed on Friday.", ("Friday", "DATE", "2021-10-08")),
    ("The talks will resume on Friday.", ("Friday", "DATE", "2021-10-15")),
    ("Protesters gathered Monday in the capital.", ("Monday", "DATE", "2021-10-11")),
    ("The treaty was signed in 1992.", ("1992", "DATE", "1992")),
    ("Trade grew in the 1990s.", ("the 1990s", "DATE", "199")),
    ("The plant closed in March 2019.", ("March 2019", "DATE", "2019-03")),
    ("The deal was signed on 15 June 2021.", ("15 June 2021", "DATE", "2021-06-15")),
    ("The deal was signed on June 15, 2021.", ("June 15, 2021", "DATE", "2021-06-15")),
    ("The deal was signed on 2021-06-15.", ("2021-06-15", "DATE", "2021-06-15")),
    ("Output fell in the third quarter.", ("the third quarter", "DATE", "2021-Q3")),
    ("They will visit this summer.", ("this summer", "DATE", "2021-SU")),
    ("Prices are now high.", ("now", "DATE", "PRESENT_REF")),
    ("The unit is currently deployed.", ("currently", "DATE", "PRESENT_REF")),
    ("The rebels recently withdrew.", ("recently", "DATE", "PAST_REF")),
    ("Such raids happened in the past.", ("the past", "DATE", "PAST_REF")),
    ("Nobody knows the future.", ("the future", "DATE", "FUTURE_REF")),
    ("He served for three years.", ("three years", "DURATION", "P3Y")),
    ("The curfew lasts 24 hours.", ("24 hours", "DURATION", "PT24H")),
    ("The council meets weekly.", ("weekly", "SET", "P1W")),
    ("The council meets every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("Exports fell over the past two years.", ("the past two years", "DURATION", "P2Y")),
    ("Shelling resumed Friday morning.", ("Friday morning", "DATE", "2021-10-08TMO")),
    # an age is no time: TimeBank/AQUAINT annotate none of their "N years old"
    ("The soldier is 25 years old.", None),
    ("Talks began on Oct. 4.", ("Oct. 4", "DATE", "2021-10-04")),
    ("The ceasefire started at 3 p.m.", ("3 p.m.", "TIME", "2021-10-14T15:00")),
    ("It was founded in the 20th century.", ("the 20th century", "DATE", "19")),
    ("Sales rose in the first half of 2021.", ("the first half of 2021", "DATE", "2021-H1")),
    ("The vote is set for mid-November.", ("mid-November", "DATE", "2021-11")),
    ("Unemployment rose earlier this year.", ("earlier this year", "DATE", "2021")),
    ("They held talks last summer.", ("last summer", "DATE", "2021-SU")),
    # TimeBank annotates "recent years" / "the coming weeks" as vague durations (PXY, PXW)
    ("Inflation has risen in recent years.", ("recent years", "DURATION", "PXY")),
    ("Fighting has gone on for years.", ("years", "DURATION", "PXY")),
    ("Inspectors visit twice a week.", ("twice a week", "SET", "P1W")),
    ("Elections are held every two years.", ("every two years", "SET", "P2Y")),
    ("The ministry said so last night.", ("last night", "TIME", "2021-10-13TNI")),
    ("Rebels took the town a decade ago.", ("a decade ago", "DATE", "201")),
    ("The army will withdraw in the coming weeks.", ("the coming weeks", "DURATION", "PXW")),
]


@pytest.mark.parametrize(("sentence", "expected"), COMMON, ids=[c[0] for c in COMMON])
def test_common_form(sentence, expected):
    found = tags(sentence)
    assert found == ([expected] if expected else [])


def test_today_is_the_dct():
    (t,) = tag_timexes("Parliament votes today.", DCT)
    assert (t.value, t.precision) == ("2021-10-14", "day")


def test_datetime_dct_is_accepted():
    assert tags("Troops arrived yesterday.", datetime(2021, 10, 14, 23, 59)) == [
        ("yesterday", "DATE", "2021-10-13")
    ]


def test_precisions():
    found = {t.text: t.precision for t in tag_timexes(
        "In 1992, in the 1990s, last week, in March 2019, on June 15, the third quarter, this summer, "
        "now, for three years, weekly, at 3 p.m.", DCT)}  # fmt: skip
    assert found == {
        "1992": "year",
        "the 1990s": "decade",
        "last week": "week",
        "March 2019": "month",
        "June 15": "day",
        "the third quarter": "quarter",
        "this summer": "season",
        "now": "reference",
        "three years": "duration",
        "weekly": "set",
        "3 p.m.": "time",
    }


# --- the reference time moves with the text ---------------------------------------------------------


def test_anaphora_follows_last_mentioned_date():
    text = "On June 15 the rebels attacked. The next day they withdrew. Two days later they returned."
    assert tags(text) == [
        ("June 15", "DATE", "2021-06-15"),
        ("The next day", "DATE", "2021-06-16"),
        ("Two days later", "DATE", "2021-06-18"),
    ]


def test_that_day_and_following_day():
    text = "The bombing happened on March 3, 2020. That day the city was closed; the following day it reopened."
    assert tags(text) == [
        ("March 3, 2020", "DATE", "2020-03-03"),
        ("That day", "DATE", "2020-03-03"),
        ("the following day", "DATE", "2020-03-04"),
    ]


def test_anaphora_without_earlier_date_uses_dct():
    assert one("The next day the talks collapsed.") == ("The next day", "DATE", "2021-10-15")


def test_deictic_stays_on_dct_after_other_dates():
    text = "The treaty was signed on June 15. Troops left yesterday."
    assert tags(text)[1] == ("yesterday", "DATE", "2021-10-13")


# --- without a dct ----------------------------------------------------------------------------------


def test_no_dct_absolute_dates_keep_values():
    assert one("The ministry reported on October 14, 2021.", None) == ("October 14, 2021", "DATE", "2021-10-14")
    assert one("It began in 1992.", None) == ("1992", "DATE", "1992")


def test_no_dct_month_day_gets_x_year():
    (t,) = tag_timexes("The ministry reported on October 14.", None)
    assert (t.text, t.value, t.precision) == ("October 14", "XXXX-10-14", "day")


@pytest.mark.parametrize(
    ("sentence", "span", "precision"),
    [
        ("They met yesterday.", "yesterday", "day"),
        ("Prices rose last month.", "last month", "month"),
        ("They left two days ago.", "two days ago", "day"),
        ("They met on Friday.", "Friday", "day"),
        ("The next day they left.", "The next day", "day"),
    ],
)
def test_no_dct_relative_have_no_value(sentence, span, precision):
    (t,) = tag_timexes(sentence, None)
    assert (t.text, t.value, t.precision) == (span, None, precision)


def test_no_dct_durations_and_refs_still_normalized():
    assert tags("He served for three years and is now retired.", None) == [
        ("three years", "DURATION", "P3Y"),
        ("now", "DATE", "PRESENT_REF"),
    ]


# --- things that are not dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The ticket cost $27.",
        "Militants may attack the convoy.",
        "May we ask a question?",
        "We condemn the attack.",
        "The home team won 3-1.",
        "He lives at 1905 Elm Street.",
        "About 1,000 people were arrested.",
        "Turnout was 2021 people, or 25% of voters.",
        "The Eurasian Peace - 2021 exercise ended.",
        "The Eurasian Peace-2021 exercise ended.",
        "Tickets for Euro 2020 sold out.",
        "USA Today reported the figure.",
        "The Daily Sabah reported the figure.",
        "The Distinguished Visitors Day event was held.",
        "Three quarters of the vote were counted.",
        "He was elected for a second time.",
        "June Carter sang.",
        "A 6-year-old boy was found.",
        "The fall of Kabul shocked the world.",
        "Temperatures fall in the evening.",  # no anchor word: "the evening" alone is not tagged
    ],
)
def test_not_a_date(sentence):
    assert tags(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["It was signed on February 30, 2021.", "It was signed on 2021-13-45.", "Dated 31/31/2021.", "On April 31."],
)
def test_impossible_dates_are_dropped(sentence):
    assert tags(sentence) == []


def test_february_29_without_year_goes_to_a_leap_year():
    assert one("The vote was held on February 29.") == ("February 29", "DATE", "2020-02-29")


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="language"):
        tag_timexes("heute", DCT, language="xx")


def test_empty_text():
    assert tag_timexes("", DCT) == []


def test_timex_is_frozen():
    (t,) = tag_timexes("Troops arrived yesterday.", DCT)
    assert isinstance(t, Timex)
    with pytest.raises(AttributeError):
        t.value = "x"  # type: ignore[misc]


# --- value_start ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-06-15", date(2021, 6, 15)),
        ("2021-06", date(2021, 6, 1)),
        ("1992", date(1992, 1, 1)),
        ("2021-W41", date(2021, 10, 11)),
        ("2021-W41-WE", date(2021, 10, 16)),
        ("2021-Q3", date(2021, 7, 1)),
        ("2021-H2", date(2021, 7, 1)),
        ("2021-SU", date(2021, 6, 1)),
        ("2021-WI", date(2021, 12, 1)),
        ("199", date(1990, 1, 1)),
        ("19", date(1900, 1, 1)),
        ("2021-06-15T14:30", date(2021, 6, 15)),
        ("2021-06-15TMO", date(2021, 6, 15)),
        ("P8M", None),
        ("PT24H", None),
        ("XXXX-WXX-1", None),
        ("PRESENT_REF", None),
        ("PAST_REF", None),
        ("FUTURE_REF", None),
        ("XXXX-10-14", None),
        ("2021-13-45", None),
        ("2021-W60", None),
        ("", None),
        ("garbage", None),
    ],
)
def test_value_start(value, expected):
    assert value_start(value) == expected


# --- properties -------------------------------------------------------------------------------------

_TEMPORAL_WORDS = st.sampled_from(
    ["June", "15", "2021", "May", "last", "week", "next", "Friday", "ago", "two", "days", "the", "past",
     "-", ",", ".", "1990s", "3", "p.m.", "every", "quarter", "third", "Q3", "12:30", "2021-06-15", "'90s",
     "summer", "the following day", "later", "years old", "\n", "  ", "February 30", "9999", "0000"]
)  # fmt: skip


def _check_invariants(text: str, found: list[Timex]) -> None:
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.end > t.start
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start  # sorted and non-overlapping


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_any_text_never_raises(text, dct):
    _check_invariants(text, tag_timexes(text, dct))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TEMPORAL_WORDS, st.text(max_size=3)), max_size=25), st.one_of(st.none(), st.dates()))
def test_temporal_soup_never_raises(words, dct):
    text = " ".join(words)
    found = tag_timexes(text, dct)
    _check_invariants(text, found)
    for t in found:
        if t.value is not None and t.value[:1].isdigit():
            value_start(t.value)  # never raises


@given(st.text())
def test_value_start_never_raises(value):
    value_start(value)


# --- the module stays pure ----------------------------------------------------------------------------


def test_transforms_timexes_is_pure():
    root = Path(__file__).resolve().parents[1] / "transforms"
    banned = {"prefect", "duckdb", "os", "pathlib", "requests", "time", "random", "sys"}
    for name in ("timexes.py", "timex_lexicon.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & banned
            if isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] not in banned
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("today", "now", "utcnow"), f"{name} reads the clock"


def test_numeric_dates_follow_the_language_order_through_dateparser():
    found = [(t.text, t.value) for t in tag_timexes("Filed 06/15/2021; heard 13/06/21; not 02/30/2021.", date(2021, 10, 14))]
    assert found == [("06/15/2021", "2021-06-15"), ("13/06/21", "2021-06-13")]


# --- families of news expressions (dct 2021-10-14, a Thursday) ----------------------------------------

NEWS_FAMILIES = [
    # a period after "Jan." ends no sentence, so "will" still governs "Nov. 16"
    ("The dividend will be payable Jan. 3 to holders of record Nov. 16, the company said.",
     [("Jan. 3", "DATE", "2022-01-03"), ("Nov. 16", "DATE", "2021-11-16")]),
    # deadlines, scheduled dates and noun modifiers are not moved back a year by a past verb
    ("The offer was extended to Nov. 20.", [("Nov. 20", "DATE", "2021-11-20")]),
    ("The board approved a split, effective Dec. 7.", [("Dec. 7", "DATE", "2021-12-07")]),
    ("Officials discussed the Jan. 14 deadline.", [("Jan. 14", "DATE", "2022-01-14")]),
    # "be held" is a participle: "would" gives the tense
    ("A summit would still be held on April 24.", [("April 24", "DATE", "2022-04-24")]),
    # a distant reporting verb does not move a date three weeks away by a year; a near one does
    ("The ministry said that the new bridge across the river opens Nov. 3.", [("Nov. 3", "DATE", "2021-11-03")]),
    ("They met on November 3.", [("November 3", "DATE", "2020-11-03")]),
    # year-over-year comparisons keep the granularity of the period talked about
    ("Net income rose in the third quarter to $5 million from $4 million a year earlier.",
     [("the third quarter", "DATE", "2021-Q3"), ("a year earlier", "DATE", "2020-Q3")]),
    ("Sales rose in the third quarter from the year-earlier quarter.",
     [("the third quarter", "DATE", "2021-Q3"), ("the year-earlier quarter", "DATE", "2020-Q3")]),
    ("Profit fell in the second quarter from a year ago. Costs rose in the quarter.",
     [("the second quarter", "DATE", "2021-Q2"), ("a year ago", "DATE", "2020-Q2"), ("the quarter", "DATE", "2021-Q2")]),
    ("Sales fell 5% from a year ago.", [("a year ago", "DATE", "2020")]),
    # anaphoric periods: "the year", "the fiscal year", "the quarter", "the latest period", "the weekend"
    ("Profit for the year was flat.", [("the year", "DATE", "2021")]),
    ("The company expects a loss for the fiscal year.", [("the fiscal year", "DATE", "2021")]),
    ("Sales in the year ended March 31 rose.", [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2021-03-31")]),
    ("Growth was strong in the quarter.", [("the quarter", "DATE", "2021-Q3")]),
    ("Sales in the latest period rose.", [("the latest period", "DATE", "2021-Q3")]),
    ("Stocks rose over the weekend.", [("the weekend", "DATE", "2021-W40-WE")]),
    # holidays, fixed and by rule
    ("Shops closed on Thanksgiving.", [("Thanksgiving", "DATE", "2020-11-26")]),
    ("Voters go to the polls on Election Day.", [("Election Day", "DATE", "2021-11-02")]),
    ("They will meet after Easter.", [("Easter", "DATE", "2022-04-17")]),
    ("They met last Christmas.", [("last Christmas", "DATE", "2020-12-25")]),
    # adjectives that place a noun in time
    ("Under current rules, exports are banned.", [("current", "DATE", "PRESENT_REF")]),
    ("The recent attack shocked the city.", [("recent", "DATE", "PAST_REF")]),
    ("Future demand is unclear.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), NEWS_FAMILIES, ids=[c[0] for c in NEWS_FAMILIES])
def test_news_family(sentence, expected):
    assert tags(sentence) == expected


# --- more families: years and decades in words, bounded durations, clock times with a day -------------
# dct 2021-10-14 (a Thursday) unless given; 1998-03-05 (a Thursday) for the 1990s-dated ones.

D98 = date(1998, 3, 5)

WORD_YEARS = [
    ("The law passed in nineteen ninety-six.", [("nineteen ninety-six", "DATE", "1996")]),
    ("Nineteen seventy-nine was a hard year.", [("Nineteen seventy-nine", "DATE", "1979")]),
    ("The mill closed in nineteen oh five.", [("nineteen oh five", "DATE", "1905")]),
    ("Plans for the year two thousand are ready.", [("the year two thousand", "DATE", "2000")]),
    ("It opened in two thousand and one.", [("two thousand and one", "DATE", "2001")]),
    ("It began in January nineteen ninety-seven.", [("January nineteen ninety-seven", "DATE", "1997-01")]),
    ("It was cold in the winter of nineteen ninety-four.",
     [("the winter of nineteen ninety-four", "DATE", "1994-WI")]),
    # a count, not a year; a clock time, not a year
    ("Two thousand troops left.", []),
    ("More than two thousand years passed.", []),
    ("They left at eleven thirty.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), WORD_YEARS, ids=[c[0] for c in WORD_YEARS])
def test_years_in_words(sentence, expected):
    assert tags(sentence, D98) == expected


DECADES = [
    ("Growth was fast in the nineties.", D98, [("the nineties", "DATE", "199")]),
    ("Growth was fast in the nineties.", date(2021, 10, 14), [("the nineties", "DATE", "199")]),
    ("Jazz boomed in the twenties.", D98, [("the twenties", "DATE", "192")]),
    ("Markets boomed in the early 1990s.", D98, [("the early 1990s", "DATE", "199")]),
    ("Markets boomed in the mid-'80s.", D98, [("the mid-'80s", "DATE", "198")]),
    ("Markets boomed in the late eighties.", D98, [("the late eighties", "DATE", "198")]),
    ("She is in her twenties.", D98, []),  # an age
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "dct", "expected"), DECADES, ids=[f"{c[0]} {c[1]}" for c in DECADES])
def test_decades(sentence, dct, expected):
    assert tags(sentence, dct) == expected


BOUNDED_DURATIONS = [
    ("The talks took about two years.", ("about two years", "DURATION", "P2Y")),
    ("The war lasted more than two decades.", ("more than two decades", "DURATION", "P20Y")),
    ("The plant will run for at least 20 more years.", ("at least 20 more years", "DURATION", "P20Y")),
    ("The ban lasted almost a decade.", ("almost a decade", "DURATION", "P10Y")),
    ("He served two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
    ("He served 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("The siege lasted 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M")),
    ("The speech lasted a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
    ("The vote took half an hour.", ("half an hour", "DURATION", "PT30M")),
    ("The strike lasted nearly three months.", ("nearly three months", "DURATION", "P3M")),
    ("Troops will stay two more weeks.", ("two more weeks", "DURATION", "P2W")),
    ("The project needs an additional year.", ("an additional year", "DURATION", "P1Y")),
    ("Prices may rise over the next couple of years.", ("the next couple of years", "DURATION", "P2Y")),
    ("Prices rose over the past decade.", ("the past decade", "DATE", "201")),
    ("The dam broke about two years ago.", ("about two years ago", "DATE", "2019")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), BOUNDED_DURATIONS, ids=[c[0] for c in BOUNDED_DURATIONS])
def test_bounded_and_approximate_durations(sentence, expected):
    assert tags(sentence) == [expected]


CLOCK_TIMES = [
    ("The blast came at 4 in the morning.", [("4 in the morning", "TIME", "2021-10-14T04:00")]),
    ("They met at 4 in the afternoon.", [("4 in the afternoon", "TIME", "2021-10-14T16:00")]),
    # a clock time with its zone and day is one TIME with the day's date
    ("Bids are due by 5 p.m. EST Nov. 9.", [("5 p.m. EST Nov. 9", "TIME", "2021-11-09T17:00")]),
    ("Polls opened at 9 a.m. Tuesday.", [("9 a.m. Tuesday", "TIME", "2021-10-12T09:00")]),
    ("The deadline passed at noon Thursday.", [("noon Thursday", "TIME", "2021-10-14T12:00")]),
    ("Rebels attacked at 10 p.m. Wednesday.", [("10 p.m. Wednesday", "TIME", "2021-10-13T22:00")]),
    ("Polls close at 8 p.m. tomorrow.", [("8 p.m. tomorrow", "TIME", "2021-10-15T20:00")]),
    # a later clock time in the same sentence keeps that day
    ("Talks began at 9 a.m. Tuesday and ended at 4 p.m.",
     [("9 a.m. Tuesday", "TIME", "2021-10-12T09:00"), ("4 p.m.", "TIME", "2021-10-12T16:00")]),
    # modifiers of a day or part of a day are in the span; the value is the day's
    ("Shells fell in mid afternoon.", [("mid afternoon", "TIME", "2021-10-14TAF")]),
    ("Shells fell mid-afternoon yesterday.", [("mid-afternoon yesterday", "TIME", "2021-10-13TAF")]),
    ("The deal was signed late Friday.", [("late Friday", "DATE", "2021-10-08")]),
    ("The ministry said so late yesterday.", [("late yesterday", "DATE", "2021-10-13")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CLOCK_TIMES, ids=[c[0] for c in CLOCK_TIMES])
def test_clock_times_with_days(sentence, expected):
    assert tags(sentence) == expected


PERIODS = [
    ("Sales rose in fiscal 1990.", [("fiscal 1990", "DATE", "1990")]),
    ("Profit fell in fiscal 1990's first quarter.", [("fiscal 1990's first quarter", "DATE", "1990-Q1")]),
    ("Profit fell from the 1988 second quarter.", [("the 1988 second quarter", "DATE", "1988-Q2")]),
    ("The company expects a loss for the fiscal year.", [("the fiscal year", "DATE", "2021")]),
    # TimeBank: vague spans back from or on from now are durations with an unknown quantity
    ("Prices rose in recent months.", [("recent months", "DURATION", "PXM")]),
    ("Prices will rise in the coming years.", [("the coming years", "DURATION", "PXY")]),
    # the end of the year: this one ahead of the dct, the last one after "since"
    ("The deal will close by year-end.", [("year-end", "DATE", "2021")]),
    ("Shares have risen 5% since year-end.", [("year-end", "DATE", "2020")]),
    ("Year-end results were strong.", []),  # a noun modifier
    # "that same day" is the day the text is talking about
    ("The bombing happened on March 3, 2020. Police arrived that same day.",
     [("March 3, 2020", "DATE", "2020-03-03"), ("that same day", "DATE", "2020-03-03")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), PERIODS, ids=[c[0] for c in PERIODS])
def test_fiscal_vague_and_anaphoric_periods(sentence, expected):
    assert tags(sentence) == expected


def test_years_in_words_without_dct():
    assert tags("It began in January nineteen ninety-seven.", None) == [
        ("January nineteen ninety-seven", "DATE", "1997-01")
    ]
    assert tags("Polls opened at 9 a.m. Tuesday.", None) == [("9 a.m. Tuesday", "TIME", "XXXX-XX-XXT09:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday written with the month-day picks the year in which they agree.
        ("The Times said in an editorial on Monday, Oct. 26:", ("Monday, Oct. 26", "1998-10-26")),
        ("They met on Tuesday, Nov. 3.", ("Tuesday, Nov. 3", "1998-11-03")),
        # "next to" is a place, "vacation plans" a noun: neither makes the sentence future.
        ("Bombs exploded next to the embassies on Friday.", ("Friday", "1998-10-23")),
        ("On Friday, when Albright set aside vacation plans, aides left.", ("Friday", "1998-10-23")),
        ("She plans to visit Cairo on Friday.", ("Friday", "1998-10-30")),
    ],
)
def test_tense_and_weekday_cues(text, expected):
    assert [(t.text, t.value) for t in tag_timexes(text, date(1998, 10, 25))] == [expected]


# --- TimeBank/AQUAINT conventions, adopted where about two thirds of the corpus cases agree ---------
# (the counts are in comments next to the code; dct 2021-10-14, a Thursday, unless given)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shelling resumed Friday morning.", [("Friday morning", "DATE", "2021-10-08TMO")]),
        ("Castro spoke Wednesday night.", [("Wednesday night", "DATE", "2021-10-13TNI")]),
        ("The commemorations began early Friday morning.", [("early Friday morning", "DATE", "2021-10-08TMO")]),
        ("Troops will leave Saturday evening.", [("Saturday evening", "DATE", "2021-10-16TEV")]),
        # a part of the day after a deictic word or "this"/"last" stays a TIME
        ("The ministry said so last night.", [("last night", "TIME", "2021-10-13TNI")]),
        ("Results will be disclosed this morning.", [("this morning", "TIME", "2021-10-14TMO")]),
    ],
)
def test_weekday_with_part_of_day_is_a_date(sentence, expected):
    assert tags(sentence) == expected


def test_weekday_with_part_of_day_without_dct():
    assert [(t.text, t.type, t.value, t.precision) for t in tag_timexes("They met Friday night.", None)] == [
        ("Friday night", "DATE", None, "time")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hate groups grew over the past year.", [("the past year", "DATE", "2020")]),
        ("Wages lost ground in the last decade.", [("the last decade", "DATE", "201")]),
        ("He has been in Bethesda for the last week.", [("the last week", "DATE", "2021-W40")]),
        ("The mill will close over the next year or so.", [("the next year", "DATE", "2022")]),
        # plural units stay durations
        ("Exports fell over the past two years.", [("the past two years", "DURATION", "P2Y")]),
    ],
)
def test_the_last_unit_is_the_previous_period(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They want the boy back as soon as possible.", []),
        ("The group might come as soon as Tuesday.", [("Tuesday", "DATE", "2021-10-19")]),
        ("He was probably killed soon after being captured.", []),
        ("Prosecutors may soon seek an indictment.", [("soon", "DATE", "FUTURE_REF")]),
    ],
)
def test_soon_in_a_conjunction_is_not_a_time(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Goody cut its quarterly dividend to five cents.", []),
        ("The bank declared its initial quarterly of five cents.", []),
        ("The company pays dividends quarterly.", [("quarterly", "SET", "P3M")]),
        # "daily" before a noun is annotated more often than not
        ("He described the pressures of his daily life.", [("daily", "SET", "P1D")]),
    ],
)
def test_quarterly_before_a_noun_is_not_a_set(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He spoke. ``Today, I'm here to tell you.''", [("Today", "DATE", "2021-10-14")]),
        ("The storm held. Yesterday New York's governor toured the area.", [("Yesterday", "DATE", "2021-10-13")]),
        ("USA Today reported the figure.", []),
    ],
)
def test_sentence_initial_day_words(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police gathered evidence in the October slaying.", [("October", "DATE", "2021-10")]),  # the year nearest the dct
        ("It is trying to sell itself under a June agreement.", [("June", "DATE", "2021-06")]),
        ("She joined the March of Dimes.", []),
    ],
)
def test_month_modifying_a_noun(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "a year ago" is a comparison, not a new period: "a year earlier" compares with the same year
        ("It lost $2 million, a year ago. Sales were $348 million compared with $307 million a year earlier.",
         [("a year ago", "DATE", "2020"), ("a year earlier", "DATE", "2020")]),
        # the text already talks about the year before the dct: "the year-ago results" are of that year
        ("Net was $195 million in the 2020 period. The year-ago results included a charge.",
         [("the 2020 period", "DATE", "2020"), ("The year-ago", "DATE", "2020")]),
        ("Last year catastrophe losses were small. The year-earlier results were restated.",
         [("Last year", "DATE", "2020"), ("The year-earlier", "DATE", "2020")]),
        # a year the text talks about that is the dct's: the year before it
        ("Profit in 2021 rose. The year-ago figure was lower.", [("2021", "DATE", "2021"), ("The year-ago", "DATE", "2020")]),
    ],
)
def test_year_ago_comparison_periods(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Delta posted net income for the quarter ended Sept. 30.",
         [("the quarter", "DATE", "2021-Q3"), ("Sept. 30", "DATE", "2021-09-30")]),
        ("Sales in the year ended March 31 rose.", [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2021-03-31")]),
    ],
)
def test_quarter_ended_is_a_date_year_ended_a_duration(sentence, expected):
    assert tags(sentence) == expected


# --- modern news: the forms of 2020s reporting (dct 2021-10-14, a Thursday, and 2024-02-29, a Thursday) ---
# Each case is exact: the sentence gives these timexes and no others. Conventions (TimeML/TIMEX3):
# the span leaves out the preposition or signal ("within", "since", "post-"); the value has the
# granularity written; a zone is in the span, not the value.

D24 = date(2024, 2, 29)

WRITTEN_FORMS = [
    ("The talks began on Oct 14, officials said.", DCT, [("Oct 14", "DATE", "2021-10-14")]),
    ("The talks began on 14 Oct, officials said.", DCT, [("14 Oct", "DATE", "2021-10-14")]),
    ("The talks began on Oct. 14th.", DCT, [("Oct. 14th", "DATE", "2021-10-14")]),
    ("The law took effect on October 14th, 2021.", DCT, [("October 14th, 2021", "DATE", "2021-10-14")]),
    ("The law passed on Feb. 29.", D24, [("Feb. 29", "DATE", "2024-02-29")]),
    ("The report came out on 29 Feb 2024.", D24, [("29 Feb 2024", "DATE", "2024-02-29")]),
    ("The deal closed on Wednesday, Feb. 28.", D24, [("Wednesday, Feb. 28", "DATE", "2024-02-28")]),
    # numeric dates keep the language's order (en: month first) unless only the other order is a date
    ("The minister resigned on 14/10/2021.", DCT, [("14/10/2021", "DATE", "2021-10-14")]),
    ("The minister resigned on 04/10/2021.", DCT, [("04/10/2021", "DATE", "2021-04-10")]),
    # ISO timestamps and clock times with a zone: one TIME; seconds kept as written
    ("Posted 2021-10-14T10:00:00Z by staff.", DCT, [("2021-10-14T10:00:00Z", "TIME", "2021-10-14T10:00:00")]),
    ("Posted 2021-10-14T10:00+02:00.", DCT, [("2021-10-14T10:00+02:00", "TIME", "2021-10-14T10:00")]),
    ("Posted 2021-10-14 10:00 UTC.", DCT, [("2021-10-14 10:00 UTC", "TIME", "2021-10-14T10:00")]),
    ("The blast hit at 10:30 GMT.", DCT, [("10:30 GMT", "TIME", "2021-10-14T10:30")]),
    ("The vote starts at 3pm.", DCT, [("3pm", "TIME", "2021-10-14T15:00")]),
    ("Polls close at 3 pm ET.", DCT, [("3 pm ET", "TIME", "2021-10-14T15:00")]),
    ("The game starts at 7:30 p.m. ET.", DCT, [("7:30 p.m. ET", "TIME", "2021-10-14T19:30")]),
    ("Voting will close at noon ET Friday.", DCT, [("noon ET Friday", "TIME", "2021-10-15T12:00")]),
    ("Trading resumed at 9:30 a.m. ET Thursday.", D24, [("9:30 a.m. ET Thursday", "TIME", "2024-02-29T09:30")]),
    ("It happened at 12:01 a.m.", D24, [("12:01 a.m.", "TIME", "2024-02-29T00:01")]),
]  # fmt: skip

RANGES = [
    # A range of days is two DATEs, its first day and its last, with the month (and year) written
    # once for both: TIMEX3 values are points and timexes do not nest ("from Oct. 14 to 16").
    ("The summit runs Oct. 14-16.", DCT, [("Oct. 14", "DATE", "2021-10-14"), ("16", "DATE", "2021-10-16")]),
    ("The summit will run 14-16 October.", DCT, [("14", "DATE", "2021-10-14"), ("16 October", "DATE", "2021-10-16")]),
    ("The fair runs Feb. 26-28, 2024.", D24, [("Feb. 26", "DATE", "2024-02-26"), ("28, 2024", "DATE", "2024-02-28")]),
    ("The fair ran from Feb. 26 to March 1.", D24, [("Feb. 26", "DATE", "2024-02-26"), ("March 1", "DATE", "2024-03-01")]),
    ("Profits rose between 2010 and 2015.", DCT, [("2010", "DATE", "2010"), ("2015", "DATE", "2015")]),
    ("Talks ran from Monday to Wednesday.", DCT, [("Monday", "DATE", "2021-10-11"), ("Wednesday", "DATE", "2021-10-13")]),
    ("Exports rose in 2019-2020.", DCT, [("2019", "DATE", "2019"), ("2020", "DATE", "2020")]),
    # "2019-20" with a two-digit end names one season or fiscal year: one DATE valued by the year
    # it starts in (no TIMEX3 value names a year that crosses New Year)
    ("He starred in the 2019-20 season.", DCT, [("2019-20", "DATE", "2019")]),
    ("The 2019/20 season was cut short.", DCT, [("2019/20", "DATE", "2019")]),
    ("Spending rose in the 2022-23 fiscal year.", DCT, [("2022-23", "DATE", "2022")]),
    ("The 1990-91 recession hurt.", DCT, [("1990-91", "DATE", "1990")]),
    ("The 2023-24 season ended.", D24, [("2023-24", "DATE", "2023")]),
]  # fmt: skip

RELATIVE = [
    ("Troops arrived last Tuesday.", DCT, [("last Tuesday", "DATE", "2021-10-12")]),
    ("Stocks rose this past weekend.", DCT, [("this past weekend", "DATE", "2021-W40-WE")]),
    ("Stocks rose over the weekend.", DCT, [("the weekend", "DATE", "2021-W40-WE")]),
    ("The court will rule this coming Monday.", D24, [("this coming Monday", "DATE", "2024-03-04")]),
    ("The ministry said earlier today.", DCT, [("earlier today", "DATE", "2021-10-14")]),
    ("The minister will speak later today.", DCT, [("later today", "DATE", "2021-10-14")]),
    ("A vote is expected later this month.", DCT, [("later this month", "DATE", "2021-10")]),
    ("A vote is expected later this year.", DCT, [("later this year", "DATE", "2021")]),
    ("Talks began earlier this week.", DCT, [("earlier this week", "DATE", "2021-W41")]),
    ("Prices rose earlier this month.", D24, [("earlier this month", "DATE", "2024-02")]),
    ("Talks began late last month.", DCT, [("late last month", "DATE", "2021-09")]),
    ("The vote is set for mid-October.", DCT, [("mid-October", "DATE", "2021-10")]),
    ("A vote is expected early next year.", DCT, [("early next year", "DATE", "2022")]),
    ("He joined in mid-2022.", D24, [("mid-2022", "DATE", "2022")]),
    # the edge of a period is in the span; the value is the period (TimeML: mod START/MID/END)
    ("Rates will rise by the end of the year.", DCT, [("the end of the year", "DATE", "2021")]),
    ("Rates rose at the end of October.", DCT, [("the end of October", "DATE", "2021-10")]),
    ("Sales will rise by the end of 2022.", DCT, [("the end of 2022", "DATE", "2022")]),
    ("It will end by the end of this week.", D24, [("the end of this week", "DATE", "2024-W09")]),
    ("Hiring slowed at the beginning of the summer.", DCT, [("the beginning of the summer", "DATE", "2021-SU")]),
    ("The deal will close by year-end.", DCT, [("year-end", "DATE", "2021")]),
    ("Troops must leave within 48 hours.", DCT, [("48 hours", "DURATION", "PT48H")]),
    ("Ten people died in the past 24 hours.", DCT, [("the past 24 hours", "DURATION", "PT24H")]),
    ("Prices rose over the past two weeks.", DCT, [("the past two weeks", "DURATION", "P2W")]),
    ("Stocks rose over the past week.", D24, [("the past week", "DATE", "2024-W08")]),
    ("Cases rose in recent weeks.", D24, [("recent weeks", "DURATION", "PXW")]),
    ("Troops will leave in the coming days.", D24, [("the coming days", "DURATION", "PXD")]),
    # a quantity counted on from a day is that day; from now, the period of its unit
    ("The vote will be held a week from Friday.", DCT, [("a week from Friday", "DATE", "2021-10-22")]),
    ("The rule takes effect a year from today.", D24, [("a year from today", "DATE", "2025-02-28")]),
    ("The vote is two weeks from now.", D24, [("two weeks from now", "DATE", "2024-W11")]),
    ("Elections are due a year from now.", D24, [("a year from now", "DATE", "2025")]),
    ("They will arrive the day after tomorrow.", DCT, [("the day after tomorrow", "DATE", "2021-10-16")]),
    ("We met the day before yesterday.", D24, [("the day before yesterday", "DATE", "2024-02-27")]),
    # "this time last year" is the dct's day a year before; "the same period last year" the period
    # the text talks about a year before (the year before the dct's when it names none)
    ("Prices were lower this time last year.", DCT, [("this time last year", "DATE", "2020-10-14")]),
    ("Sales rose 5% in the third quarter from the same period last year.", DCT,
     [("the third quarter", "DATE", "2021-Q3"), ("the same period last year", "DATE", "2020-Q3")]),
    ("Sales rose 5% from the same period last year.", DCT, [("the same period last year", "DATE", "2020")]),
    ("Sales fell 4% from the same period a year ago.", D24, [("the same period a year ago", "DATE", "2023")]),
    ("Sales rose 3% from the same quarter a year earlier.", D24, [("the same quarter a year earlier", "DATE", "2022-Q4")]),
]  # fmt: skip

BUSINESS = [
    ("Sales rose in Q3 2022.", DCT, [("Q3 2022", "DATE", "2022-Q3")]),
    ("Sales rose in Q1 2024.", D24, [("Q1 2024", "DATE", "2024-Q1")]),
    ("Sales rose in Q4.", DCT, [("Q4", "DATE", "2021-Q4")]),
    ("Sales rose in the third quarter of 2022.", DCT, [("the third quarter of 2022", "DATE", "2022-Q3")]),
    ("Sales rose in H1 2022.", DCT, [("H1 2022", "DATE", "2022-H1")]),
    ("Sales will rise in FY2023.", DCT, [("FY2023", "DATE", "2023")]),
    ("FY24 guidance was cut.", D24, [("FY24", "DATE", "2024")]),
    ("Sales will rise in fiscal 2023.", DCT, [("fiscal 2023", "DATE", "2023")]),
    ("Sales will rise in fiscal year 2023.", DCT, [("fiscal year 2023", "DATE", "2023")]),
    # TimeBank's span: "the first nine months" (P9M), then "the year" on its own
    ("Sales rose in the first nine months of the year.", DCT,
     [("the first nine months", "DURATION", "P9M"), ("the year", "DATE", "2021")]),
    ("Shares are up 20% year-to-date.", DCT, []),  # no agreed TIMEX3 reading: left alone
]  # fmt: skip

ERAS = [
    ("Growth slowed in the 2020s.", DCT, [("the 2020s", "DATE", "202")]),
    ("In the 2020s, rates rose.", D24, [("the 2020s", "DATE", "202")]),
    ("Growth was fast in the early 2000s.", DCT, [("the early 2000s", "DATE", "200")]),
    ("The 21st century began.", DCT, [("The 21st century", "DATE", "20")]),
]  # fmt: skip

HOLIDAYS = [
    ("Markets were closed on Presidents Day.", D24, [("Presidents Day", "DATE", "2024-02-19")]),
    ("Shoppers crowded stores on Black Friday.", D24, [("Black Friday", "DATE", "2023-11-24")]),
    ("Juneteenth became a federal holiday.", DCT, [("Juneteenth", "DATE", "2021-06-19")]),
]  # fmt: skip

NOT_DATES = [
    "COVID-19 spread quickly.", "The G20 met in Rome.", "The G7 met.", "Windows 10 shipped.",
    "The iPhone 13 sold well.", "World War II ended.", "The Boeing 737 crashed.", "Help is available 24/7.",
    "Section 230 protects platforms.", "Route 66 is long.", "It cost $2021.", "Agenda 2030 was adopted.",
    "Vision 2030 was launched.", "Euro 2020 was delayed.", "Fans flocked to Euro 2020.", "It was a Catch-22.",
    "Call 555-1234 or (202) 555-0143.", "Chelsea won 1-0.", "The 1-0 win came at 3-1 odds.",
    "The ratio was 2:1.", "They played a 4-3-3.", "It was a pandemic-era policy.",
    "As of press time, no one had replied.", "At press time, no one had replied.", "Rates on overnight loans rose.",
    "He stayed for an overnight visit.",
]  # fmt: skip

NEWS_VOCABULARY = [
    # "9/11" names the day of the 2001 attacks (a DATE by TimeML, as "September 11" would be)
    ("After 9/11 security tightened.", DCT, [("9/11", "DATE", "2001-09-11")]),
    ("The 9/11 attacks changed the world.", DCT, [("9/11", "DATE", "2001-09-11")]),
    # TimeML tags the year inside an event's name when it is a year ("the 2022 World Cup")
    ("Fans watched the 2022 World Cup.", DCT, [("2022", "DATE", "2022")]),
    ("The 2024 election is near.", D24, [("2024", "DATE", "2024")]),
    ("Since the 2008 crisis, banks changed.", D24, [("2008", "DATE", "2008")]),
    # "post-"/"pre-" is a signal like "after"/"before": outside the span
    ("The post-2020 economy grew.", DCT, [("2020", "DATE", "2020")]),
    ("Output is back to pre-2019 levels.", DCT, [("2019", "DATE", "2019")]),
    ("Prices have risen since 2019.", DCT, [("2019", "DATE", "2019")]),
    ("As of Monday, 50 people had died.", DCT, [("Monday", "DATE", "2021-10-11")]),
    # "overnight" as an adverb is the night before the dct (TimeBank: a TIME valued ...TNI)
    ("Shelling continued overnight.", DCT, [("overnight", "TIME", "2021-10-13TNI")]),
    ("Fighting continued overnight, officials said.", D24, [("overnight", "TIME", "2024-02-28TNI")]),
    ("Results will be disclosed this morning.", DCT, [("this morning", "TIME", "2021-10-14TMO")]),
    # a possessive weekday in a report is the last one
    ("Voters turned out for Sunday's election.", DCT, [("Sunday", "DATE", "2021-10-10")]),
    ("Rebels attacked late Tuesday night.", D24, [("late Tuesday night", "DATE", "2024-02-27TNI")]),
]  # fmt: skip

MODERN = [
    *(("written", *c) for c in WRITTEN_FORMS),
    *(("range", *c) for c in RANGES),
    *(("relative", *c) for c in RELATIVE),
    *(("business", *c) for c in BUSINESS),
    *(("era", *c) for c in ERAS),
    *(("holiday", *c) for c in HOLIDAYS),
    *(("not a date", s, DCT, []) for s in NOT_DATES),
    *(("vocabulary", *c) for c in NEWS_VOCABULARY),
]


@pytest.mark.parametrize(("family", "sentence", "dct", "expected"), MODERN, ids=[f"{c[0]}: {c[1]} {c[2]}" for c in MODERN])
def test_modern_news(family, sentence, dct, expected):
    assert tags(sentence, dct) == expected


def test_ambiguous_numeric_date_never_raises():
    # British order in a British sentence: en reads month first where both orders are dates
    found = tags("The Home Office said on 05/06/2021 that the rules would change.")
    assert found == [("05/06/2021", "DATE", "2021-05-06")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rioters were charged over the Jan. 6 attack.", "2021-01-06"),  # a reported occurrence: past
        ("The Jan. 6 attack shocked the nation.", "2021-01-06"),
        ("Iraq must leave Kuwait by the Jan. 15 deadline.", "2022-01-15"),  # a deadline: nearest
        ("Leaders will gather for the Nov. 30 summit.", "2021-11-30"),
        ("The Nov. 3 vote is close.", "2021-11-03"),  # weeks away: nearest
    ],
)
def test_month_day_modifying_a_noun(text, value):
    assert [t.value for t in tag_timexes(text, date(2021, 10, 14))] == [value]


def test_lower_cased_text_reads_month_and_weekday_names():
    text = "police fired on friday. the attack on june 15 killed two. on march 3, 2002 riots began."
    assert [(t.text, t.value) for t in tag_timexes(text, date(2002, 3, 10))] == [
        ("friday", "2002-03-08"), ("june 15", "2001-06-15"), ("march 3, 2002", "2002-03-03"),
    ]
    # In ordinary text a lower-case name is a word, not a date: "may" the verb, "march" the noun.
    assert tag_timexes("Protesters may march 15 miles on Friday.", date(2002, 3, 10))[0].text == "Friday"


def test_start_positions_find_what_finditer_finds():
    # patterns with literal starts are tried only where one starts: the same matches as a full scan,
    # inside words too ("today" holds "day"), so an inside-word match still hides what it overlaps
    from eventpipe.transforms.timexes import _GRAMMARS, _matches, _start_positions

    g = _GRAMMARS["en"]
    text = ("Last week, two days ago, today and the next day; Friday morning in June 2021, the third quarter "
            "of the year, every Monday, for years, recently, noon Thursday, the nineties, nineteen ninety-six.")
    starts = _start_positions(g, text)
    for i, (kind, rx) in enumerate(g.patterns):
        if g.starts[i] is not None:
            assert [m.span() for m in _matches(rx, text, starts[i])] == [m.span() for m in rx.finditer(text)], kind


# --- reference periods of business news, anchored days, tense cues (dct 2021-10-14, a Thursday) ---


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a year-over-year comparison keeps the quarter reported on
        ("Net rose in the third quarter. It fell in the year-ago third quarter.",
         [("the third quarter", "DATE", "2021-Q3"), ("the year-ago third quarter", "DATE", "2020-Q3")]),
        ("Net rose in the third quarter, compared with last year's quarter.",
         [("the third quarter", "DATE", "2021-Q3"), ("last year's quarter", "DATE", "2020-Q3")]),
        ("Net rose in the third quarter. For the quarter a year ago, it earned $5 million.",
         [("the third quarter", "DATE", "2021-Q3"), ("the quarter a year ago", "DATE", "2020-Q3")]),
        ("Net rose in the third quarter from $5 million in the 2020 quarter.",
         [("the third quarter", "DATE", "2021-Q3"), ("the 2020 quarter", "DATE", "2020-Q3")]),
        ("Net rose in the third quarter from the corresponding period last year.",
         [("the third quarter", "DATE", "2021-Q3"), ("the corresponding period last year", "DATE", "2020-Q3")]),
        # a quarter ahead of the dct in a clause about the future is a forecast, not the one reported
        ("Net rose in the third quarter. It will post a loss in the third quarter of 2022. "
         "In the year-ago period, it earned $5 million.",
         [("the third quarter", "DATE", "2021-Q3"), ("the third quarter of 2022", "DATE", "2022-Q3"),
          ("the year-ago period", "DATE", "2020-Q3")]),
        ("Sales should rise in next year's first quarter.", [("next year's first quarter", "DATE", "2022-Q1")]),
        ("Output fell in the last half of 2019.", [("the last half of 2019", "DATE", "2019-H2")]),
        ("Output fell in the final quarter of 2020.", [("the final quarter of 2020", "DATE", "2020-Q4")]),
        # "the quarter ended July 31": the three months ending that day, named by most of them
        ("Jayark had 5.6 million shares in the quarter ended July 31.",
         [("the quarter", "DATE", "2021-Q2"), ("July 31", "DATE", "2021-07-31")]),
        # ... but after a fiscal quarter named, it is that one (TimeBank keeps the fiscal name)
        ("Sun earned $5 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.",
         [("the fiscal first quarter", "DATE", "2021-Q1"), ("the quarter", "DATE", "2021-Q1"),
          ("Sept. 29", "DATE", "2021-09-29")]),
    ],
)
def test_business_reference_periods(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks are planned for the week of March 6, 2022.", [("the week of March 6, 2022", "DATE", "2022-W09")]),
        ("The fair ran the weekend of Oct. 9.", [("the weekend of Oct. 9", "DATE", "2021-W40-WE")]),
        ("He arrived the day before last Tuesday.", [("the day before last Tuesday", "DATE", "2021-10-11")]),
        ("He arrived the day after Oct. 5.", [("the day after Oct. 5", "DATE", "2021-10-06")]),
        ("He left the day before yesterday.", [("the day before yesterday", "DATE", "2021-10-12")]),
        ("They met on Oct. 5. The previous Friday, talks had failed.",
         [("Oct. 5", "DATE", "2021-10-05"), ("The previous Friday", "DATE", "2021-10-01")]),
        ("The plan was drafted in March 2020 and adopted the following June.",
         [("March 2020", "DATE", "2020-03"), ("the following June", "DATE", "2020-06")]),
        ("Prices peaked a week or so ago.", [("a week or so ago", "DATE", "2021-W40")]),
    ],
)
def test_days_anchored_on_other_days(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # an -ed adjective is no past tense: "preferred shares", "a still unspecified date"
        ("It said it will redeem 9.5 million Series H preferred shares on Oct. 31.", date(2021, 10, 27),
         ("Oct. 31", "2021-10-31")),
        ("The split would be paid on a still unspecified date in January.", date(2021, 10, 26), ("January", "2022-01")),
        ("Shareholders met to weigh the proposed merger on Oct. 31.", date(2021, 10, 27), ("Oct. 31", "2021-10-31")),
        # a plan made in the past is about a time after it
        ("The team planned to leave Nairobi on Thursday.", date(2021, 10, 13), ("Thursday", "2021-10-14")),
    ],
)
def test_tense_cues_skip_adjectives_and_plans(sentence, dct, expected):
    assert [(t.text, t.value) for t in tag_timexes(sentence, dct)] == [expected]


_ABBREVIATED = {9: "Sept."}  # the AP abbreviation; May, June and July are written out


def _written(d: date, form: int) -> str:
    month = d.strftime("%B")
    short = _ABBREVIATED.get(d.month, month if len(month) <= 4 else month[:3] + ".")
    return [
        f"{month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        d.isoformat(),
        f"{short} {d.day}, {d.year}",
        f"{d.month}/{d.day}/{d.year}",
    ][form]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 4),
       st.one_of(st.none(), st.dates(min_value=date(1980, 1, 1), max_value=date(2030, 12, 31))))
def test_any_calendar_date_in_a_common_form_normalizes_to_itself(day, form, dct):
    written = _written(day, form)
    found = tag_timexes(f"The accord was signed on {written} in Baku.", dct)
    assert [(t.text, t.type, t.value) for t in found] == [(written, "DATE", day.isoformat())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a span reported on, then the same span a year before: a DURATION as long (TimeBank P9M)
        ("For the nine months, net rose. In the year-earlier period, it fell.",
         [("nine months", "DURATION", "P9M"), ("the year-earlier period", "DURATION", "P9M")]),
        ("Net rose from the year-earlier nine months.", [("the year-earlier nine months", "DURATION", "P9M")]),
        ("Troops should arrive by the end of the month.", [("the end of the month", "DATE", "2021-10")]),
        # "Now," opening a sentence is a discourse marker; "now" in the clause is the present
        ("Now, he says, the plan looks weak.", []),
        ("The fund now holds cash.", [("now", "DATE", "PRESENT_REF")]),
        # a possessive weekday names a day that has come, even after a distant "would"
        ("They said they would look for ways to get around Wednesday's ruling.",
         [("Wednesday", "DATE", "2021-10-13")]),
        ("The team will play in Saturday's final.", [("Saturday", "DATE", "2021-10-16")]),
    ],
)
def test_reported_spans_markers_and_possessive_days(sentence, expected):
    assert tags(sentence) == expected


# --- rates, "one day", plans of the past, days after a bracket, sets of months and nights ---


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "a year" after an amount or a plural noun is a rate: a SET (TimeML "$5 a year")
        ("Unisys said the cuts should save $500 million a year in costs.", [("a year", "SET", "P1Y")]),
        ("Qantas will add nearly 700 seats a week on the route.", [("a week", "SET", "P1W")]),
        ("Volunteers guard the clinic 24 hours a day.", [("24 hours", "DURATION", "PT24H"), ("a day", "SET", "P1D")]),
        ("Exports grew 5% a year through the decade.", [("a year", "SET", "P1Y")]),
        # a span, not a rate: after a verb or a non-noun, or counted from something
        ("The talks lasted a year.", [("a year", "DURATION", "P1Y")]),
        ("It was a year of heavy losses.", [("a year", "DURATION", "P1Y")]),
        ("Ten soldiers were freed a week after the raid.", [("a week", "DURATION", "P1W")]),
    ],
)
def test_a_unit_after_a_quantity_is_a_rate(sentence, expected):
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Islam will one day be the second largest religion in the country.", ("one day", "DATE", "FUTURE_REF")),
        ("She hopes she one day follows her mother into orbit.", ("one day", "DATE", "FUTURE_REF")),
        ("The strike lasted one day.", ("one day", "DURATION", "P1D")),
    ],
)
def test_one_day_after_a_modal_is_some_day_to_come(sentence, expected):
    assert one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a pluperfect plan: the day has come (the dct is Thursday 2021-10-14)
        ("The offer, which had been due to expire Friday evening, was extended to Nov. 16.",
         [("Friday evening", "DATE", "2021-10-08TEV"), ("Nov. 16", "DATE", "2021-11-16")]),
        ("The tender had been scheduled to close at midnight Friday.",
         [("midnight Friday", "TIME", "2021-10-08T24:00")]),
        # an intention in the past after the day: the day it was agreed
        ("On Friday, the government agreed to release the prisoners.", [("Friday", "DATE", "2021-10-08")]),
        # before the day, the intention governs it: the day to come
        ("The government agreed to release the prisoners on Friday.", [("Friday", "DATE", "2021-10-15")]),
        ("Officials will meet on Friday.", [("Friday", "DATE", "2021-10-15")]),
    ],
)
def test_plans_of_the_past_and_intentions_after_the_day(sentence, expected):
    assert tags(sentence) == expected


def test_a_clock_time_takes_the_day_after_a_bracketed_conversion():
    found = tags("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", date(2021, 10, 9))
    assert found == [("10:35 a.m.", "TIME", "2021-10-08T10:35"), ("Friday", "DATE", "2021-10-08")]
    # without a day after the bracket the time stays on the dct
    assert tags("Polls close at 8 p.m. (1800 GMT).") == [("8 p.m.", "TIME", "2021-10-14T20:00")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Orangemen march each July through the town.", [("each July", "SET", "XXXX-07")]),
        ("Every August the city holds a festival.", [("Every August", "SET", "XXXX-08")]),
        ("Two new flights will leave Bombay on Tuesday nights from March 30.",
         [("Tuesday nights", "SET", "XXXX-WXX-2TNI"), ("March 30", "DATE", "2022-03-30")]),
        ("The market opens on Sunday mornings.", [("Sunday mornings", "SET", "XXXX-WXX-7TMO")]),
    ],
)
def test_sets_of_months_and_of_parts_of_a_weekday(sentence, expected):
    assert tags(sentence) == expected


def test_the_full_year_is_not_a_target_year_ahead():
    text = ("By 2025 the company intends to double its market share. "
            "Its chairman forecast higher earnings for the full year.")
    assert tags(text) == [("2025", "DATE", "2025"), ("the full year", "DATE", "2021")]
    # a year the text reports on is still the one talked about
    assert tags("Sales rose in 2020. For the full year, profit fell.")[-1] == ("the full year", "DATE", "2020")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a preposition opening the sentence is no name before the year
        ("For 2020, the retailer earned $1.7 billion.", [("2020", "DATE", "2020")]),
        # nor is a possessive
        ("He said Acme's 2021 profit would reach $5 million.", [("2021", "DATE", "2021")]),
        # but a possessive before a capitalised name keeps a model year out
        ("Police found Smith's 1987 Chevrolet near the river.", []),
    ],
)
def test_a_year_after_a_sentence_opening_preposition_or_a_possessive(sentence, expected):
    assert tags(sentence) == expected


def test_the_future_of_something_is_no_time():
    assert tags("Ministers met to discuss the future of the alliance.") == []
    assert tags("Prices may rise in the future.") == [("the future", "DATE", "FUTURE_REF")]


def test_that_day_without_a_day_named_before_is_generic():
    assert tags("Traders can lose heavily on shares bought that day.") == []
    assert tags("The strike began on Monday. Talks collapsed that day.") == [
        ("Monday", "DATE", "2021-10-11"), ("that day", "DATE", "2021-10-11")]


def test_a_clock_time_takes_the_day_of_the_sentence_before():
    text = "The minister will fly to Paris on Saturday. He will leave at 4 in the morning."
    assert tags(text) == [("Saturday", "DATE", "2021-10-16"), ("4 in the morning", "TIME", "2021-10-16T04:00")]
    # two sentences on, the day named no longer holds it
    text = "The minister flew to Paris on Saturday. Talks went well. Shops close at 8 p.m."
    assert tags(text)[-1] == ("8 p.m.", "TIME", "2021-10-14T20:00")


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # within a week of the dct the holiday at hand is meant, whatever the tense
        ("Pilgrims gathered as Easter week began.", date(2022, 4, 12), [("Easter week", "DATE", "2022-W15")]),
        ("Shoppers crowded the malls before Christmas.", date(2021, 12, 20), [("Christmas", "DATE", "2021-12-25")]),
        ("Traffic deaths rose over the Memorial Day weekend.", date(2021, 6, 2),
         [("Memorial Day weekend", "DATE", "2021-W21-WE")]),
        ("Stores will hire extra staff for Thanksgiving week.", date(2021, 10, 14), [("Thanksgiving week", "DATE", "2021-W47")]),
        # farther away the tense decides
        ("Sales fell at Christmas.", date(2021, 10, 14), [("Christmas", "DATE", "2020-12-25")]),
    ],
)
def test_holidays_near_the_dct_and_holiday_weeks(sentence, dct, expected):
    assert tags(sentence, dct) == expected
