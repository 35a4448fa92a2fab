"""Word tables that `timexes.py` builds its grammar from, one `Lexicon` per language.

Everything language-specific lives here as data; add a language by adding a `Lexicon` to LEXICONS.
Keys are lower-case. Month and weekday names are matched capitalised ("June", not "june"),
all other words lower-case or with a capital first letter at the start of a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: Mapping[str, int]  # full names and abbreviations -> 1..12
    bare_month_ok: frozenset[str]  # month names that may stand alone (not "May", not "Jan")
    weekdays: Mapping[str, int]  # -> ISO weekday 1..7
    numbers: Mapping[str, int]  # number words -> value
    tens: Mapping[str, int]  # words that combine with numbers ("twenty-five")
    vague_quantities: tuple[str, ...]  # "several", "a few": duration value gets X
    units: Mapping[str, str]  # singular and plural unit words -> Y M W D H MIN S DE CE Q
    ordinals: Mapping[str, int]  # "first", "3rd", ...
    seasons: Mapping[str, str]  # -> SP SU FA WI
    parts_of_day: Mapping[str, str]  # -> MO AF EV NI
    # Parts of the day in the plural: after a weekday they make a SET ("on Tuesday nights").
    plural_parts_of_day: Mapping[str, str]
    noon_words: Mapping[str, str]  # "noon" -> "12:00"
    deictic_days: Mapping[str, int]  # "yesterday" -> -1
    tonight: frozenset[str]
    last_words: frozenset[str]  # last, past, previous
    next_words: frozenset[str]  # next, coming
    this_words: frozenset[str]  # this, current
    following_words: frozenset[str]  # "the following day": relative to the reference time
    preceding_words: frozenset[str]  # "the previous day"
    same_words: frozenset[str]  # "that day", "the same day"
    ago_words: frozenset[str]  # "two days ago": relative to the document date
    later_words: frozenset[str]  # "two days later": relative to the reference time
    earlier_words: frozenset[str]
    early_words: frozenset[str]  # "early June", "late last year", "mid-2020"
    article_words: frozenset[str]  # "the"
    of_words: frozenset[str]
    a_words: frozenset[str]  # "a year", "an hour"
    present_ref: frozenset[str]  # now, currently
    past_ref: frozenset[str]  # recently
    future_ref: frozenset[str]  # soon
    past_nouns: frozenset[str]  # "the past"
    vague_time_adjectives: frozenset[str]  # "the near future"
    duration_prepositions: frozenset[str]  # "for years": a bare plural unit is a duration here
    future_nouns: frozenset[str]  # "the future"
    # "recent years", "the coming months": a vague span back from or on from now, a DURATION
    # with an unknown quantity (PXY, PXM), as TimeBank annotates them.
    recent_words: frozenset[str]
    set_adverbs: Mapping[str, str]  # weekly -> P1W
    # Set adverbs not annotated as adjectives ("its quarterly dividend", "an initial quarterly"):
    # TimeBank/AQUAINT leave "quarterly" before a noun unannotated 9 times and annotate it once.
    # ("daily" before a noun is annotated 8 times, left 5 times: kept.)
    unmarked_set_adjectives: frozenset[str]
    # Conjunctions containing a reference word, not annotated as times: "as soon as" (6 of 7 cases
    # left unannotated in TimeBank/AQUAINT), "soon after" (2 of 2).
    ref_conjunctions: tuple[str, ...]
    every_words: frozenset[str]
    times_words: Mapping[str, int]  # once, twice
    times_suffix: frozenset[str]  # "three times a week"
    old_words: frozenset[str]  # "25 years old"
    quarter_words: frozenset[str]
    half_words: frozenset[str]
    century_words: frozenset[str]
    year_words: frozenset[str]  # "the year 2021"
    am_words: frozenset[str]
    pm_words: frozenset[str]
    # Words before a bare month or year that make it a date ("in June", "since 1776").
    date_prepositions: frozenset[str]
    # Words after a number that make it a count, not a year ("2021 people").
    count_words: frozenset[str]
    street_words: frozenset[str]
    future_cues: frozenset[str]  # will, shall, 'll
    future_phrases: tuple[str, ...]  # "going to", "plans to"
    past_cues: frozenset[str]  # irregular past-tense verbs
    present_cues: frozenset[str]  # present-tense verbs: neither past nor future
    past_suffix: str  # regular past tense ending
    not_past: frozenset[str]  # words ending in the past suffix that are not verbs
    not_future: tuple[str, ...]  # phrases that start with a future cue and are not future: "next to"
    # Words before a form with the past suffix that make it an adjective, not the verb of the
    # clause ("the proposed merger", "its planned visit").
    attributive_determiners: frozenset[str]
    # Anaphoric periods: "the quarter", "the year", "the weekend" -> unit ("P": the period the
    # text is talking about, only with a modifier: "the latest period").
    anaphoric_nouns: Mapping[str, str]
    # Modifiers between "the" and such a noun -> role: "this" (the dct's period), "latest",
    # "" (no change: "the full year", "the fiscal year").
    anaphoric_modifiers: Mapping[str, str]
    # Words after "the year"/"the quarter" that make it a span ending on a date: "the year ended
    # March 31" is a DURATION.
    ended_words: frozenset[str]
    # The period a year before the one being talked about: "year-ago", "year-earlier".
    year_ago_words: frozenset[str]
    # Adjectives that place a noun in time ("current conditions", "recent sales") -> PRESENT_REF
    # or PAST_REF; tagged only before a lower-case word. ("future demand" is not: TimeML corpora
    # rarely annotate it.)
    time_adjectives: Mapping[str, str]
    # Holidays -> "MM-DD" (fixed), "MM/n/WD" (n-th ISO weekday WD of month MM; n = -1: the
    # last), with an optional "+k" days after it, or "easter+k" (days from Western Easter Sunday).
    holidays: Mapping[str, str]
    # Words after which a period does not end a sentence ("Jan. 3", "Mr. Smith", "Corp. said").
    abbreviations: frozenset[str]
    # Auxiliaries before a past form that make it a participle, not the tense of the clause
    # ("will be held", "has invited"): the cue is skipped.
    participle_auxiliaries: frozenset[str]
    # Prepositions of a deadline or a span end ("by Jan. 14", "until Nov. 20"): the date may be
    # after a past verb ("extended to Nov. 20"), so the tense does not move it back a year.
    deadline_prepositions: frozenset[str]
    # Words before a date that make it a scheduled date ("payable Dec. 7", "effective Feb. 1"):
    # no tense moves it back a year.
    schedule_words: frozenset[str]
    # Words before a month-day that make it a modifier of a noun ("the Jan. 14 deadline"):
    # no tense governs it; it takes the year nearest the dct.
    determiners: frozenset[str]
    # Nouns of things that happen and are reported afterwards ("the Jan. 6 attack"): a month-day
    # modifying one is in the past unless it is weeks away or a future clause holds it.
    occurrence_nouns: frozenset[str]
    # Words before a quantity of time that bound or approximate it ("about two years", "more than
    # two decades", "at least 20 years"): TimeML puts them in the span (in a MOD attribute); the
    # value stays that of the quantity.
    approx_words: frozenset[str]
    # Words between a quantity and its unit that add to a span already counted ("two more weeks",
    # "an additional year"): in the span, no change to the value.
    more_words: frozenset[str]
    # Fractions after a quantity ("two and a half years", "2 1/2 years") or after a unit ("a year
    # and a half") -> the fraction added.
    fractions: Mapping[str, float]
    # Quantities that are half of one unit ("half an hour") -> 0.5.
    half_quantities: frozenset[str]
    # Vague-looking quantities with a conventional count ("a couple of years" -> P2Y).
    counted_quantities: Mapping[str, int]
    # A clock hour followed by a part of the day ("4 in the morning") -> "am" or "pm".
    clock_parts_of_day: Mapping[str, str]
    # Time zones after a clock time ("5 p.m. EST"): in the span, not in the value.
    time_zones: frozenset[str]
    # Modifiers of a day or a part of a day ("late Friday", "mid afternoon", "early yesterday"):
    # in the span, no change to the value.
    day_modifiers: frozenset[str]
    # Decades in words after "the" ("the nineties") -> the decade digit; the century comes from the dct.
    decade_words: Mapping[str, int]
    # Years in words: the number words that head a year said in two parts ("nineteen ninety-six",
    # "twenty twenty"), the words for a thousand ("two thousand and one") and for zero ("nineteen
    # oh five"), and the connective ("and").
    year_heads: frozenset[str]
    thousand_words: Mapping[str, int]
    zero_words: frozenset[str]
    and_words: frozenset[str]
    # "fiscal 1990", "the fiscal year": a fiscal period keeps the calendar value of its name.
    fiscal_words: frozenset[str]
    # The end of the year the text is in ("by year-end") -> that year (TimeML: the year, mod END).
    year_end_words: frozenset[str]
    # "the end of the year", "the beginning of October": the edge of a period is in the span and
    # the value is the period's (TimeML puts the edge in a MOD attribute, which Timex does not carry).
    edge_words: frozenset[str]
    # "the same period last year", "the comparable quarter a year earlier": the period the text is
    # talking about, a year before; the noun -> its unit ("P": any period, "T": the time of the dct).
    same_period_words: frozenset[str]
    same_period_nouns: Mapping[str, str]
    # "this time last year": the dct's day, a year before or after.
    this_time_words: frozenset[str]
    # "a week from Friday", "two years from now": a quantity counted on from a day or from now.
    from_words: frozenset[str]
    # Abbreviations written before a fiscal year's number: "FY2023", "FY23" -> that year.
    fiscal_abbreviations: frozenset[str]
    # Days that are named by a numeric form without a year: "9/11" -> 2001-09-11.
    named_dates: Mapping[str, str]
    # Prefixes glued to a year with a hyphen that leave it a date ("post-2020", "pre-1990"): like
    # a preposition, outside the span. Other words glued so are names ("Peace-2021").
    year_glued_prefixes: frozenset[str]
    # Prepositions that may open a sentence before a year without making it a name, besides the
    # date prepositions: "For 1988, the company earned ..." (not "Vision 2030").
    year_lead_prepositions: frozenset[str]
    # "overnight" as an adverb (not "overnight loans"): the night before the dct.
    overnight_words: frozenset[str]
    # Reference words that open a sentence before a comma as discourse markers, not times ("Now,
    # he says, ..."): none of the 3 such cases in TimeBank/AQUAINT is annotated.
    discourse_markers: frozenset[str]
    # Endings of a possessive ("Wednesday's ruling"): a weekday so written names a day that has
    # come (20 of 20 cases in TimeBank/AQUAINT), unless a future cue governs it closely.
    possessive_suffixes: tuple[str, ...]
    # "the day before yesterday", "the day after Christmas", "day before last Tuesday": the word
    # between the day unit and the day it is counted from -> days added.
    before_after: Mapping[str, int]
    # "a week or so ago": words between a quantity of time and its direction that approximate it.
    approx_suffixes: frozenset[str]
    # "the last half of 1989", "the final quarter of 2020": the last quarter or half of a year
    # (only with the year: "last quarter" alone is the one before the dct's).
    last_ordinals: frozenset[str]
    # Words ending like a plural that are no noun ("was", "this", "perhaps"): "was a year" is no
    # rate, while "$5 million a year", "50,000 CDs a year" and "24 hours a day" are (see below).
    not_plural: frozenset[str]
    # Words just after "a year" that make it a span counted from something ("a week after the
    # vote", "a year of talks"), never a rate.
    rate_blockers: frozenset[str]
    # Words before "one day" that make it "some day" ("will one day be", "hopes he one day
    # becomes"): a DATE valued FUTURE_REF, not a day's span (TimeML; TimeBank 1 of 1).
    someday_cues: frozenset[str]
    # Auxiliaries before an intention ("had been due to expire Friday", "had planned to vote
    # Monday"): a plan of the past, whose day has come (TimeBank 2 of 2).
    backshift_auxiliaries: tuple[str, ...]


def _fz(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip

_UNITS = {
    "year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W",
    "day": "D", "days": "D", "hour": "H", "hours": "H", "minute": "MIN", "minutes": "MIN",
    "second": "S", "seconds": "S", "decade": "DE", "decades": "DE", "century": "CE",
    "centuries": "CE", "quarter": "Q", "quarters": "Q", "weekend": "WE", "weekends": "WE",
}  # fmt: skip

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip

ENGLISH = Lexicon(
    months=MappingProxyType(_MONTHS),
    bare_month_ok=_fz("january february march april june july august september october november december"),
    weekdays=MappingProxyType(
        {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
    ),
    numbers=MappingProxyType(_NUMBERS),
    tens=MappingProxyType({k: v for k, v in _NUMBERS.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}),
    vague_quantities=("a few", "a couple of", "couple of", "several", "many", "some", "few"),
    units=MappingProxyType(_UNITS),
    ordinals=MappingProxyType(_ORDINALS),
    seasons=MappingProxyType({"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}),
    parts_of_day=MappingProxyType(
        {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
    ),
    plural_parts_of_day=MappingProxyType({"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"}),
    noon_words=MappingProxyType({"noon": "12:00", "midday": "12:00", "midnight": "24:00"}),
    deictic_days=MappingProxyType({"yesterday": -1, "today": 0, "tomorrow": 1}),
    tonight=_fz("tonight"),
    last_words=_fz("last past previous"),
    next_words=_fz("next coming"),
    this_words=_fz("this current"),
    following_words=_fz("following next"),
    preceding_words=_fz("previous preceding"),
    same_words=frozenset(["that", "same", "that same", "this same"]),
    ago_words=_fz("ago"),
    later_words=_fz("later"),
    earlier_words=_fz("earlier"),
    early_words=_fz("early late mid earlier later"),
    article_words=_fz("the"),
    of_words=_fz("of"),
    a_words=_fz("a an one"),
    present_ref=_fz("now currently nowadays presently"),
    past_ref=_fz("recently lately"),
    future_ref=_fz("soon"),
    past_nouns=_fz("past"),
    vague_time_adjectives=_fz("near distant foreseeable immediate recent"),
    duration_prepositions=_fz("for within over in after took lasted"),
    future_nouns=_fz("future"),
    recent_words=_fz("recent coming upcoming"),
    set_adverbs=MappingProxyType(
        {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
         "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "biweekly": "P2W"}
    ),  # fmt: skip
    unmarked_set_adjectives=_fz("quarterly"),
    ref_conjunctions=("as soon as", "soon after", "soon afterward", "soon afterwards"),
    every_words=_fz("every each"),
    times_words=MappingProxyType({"once": 1, "twice": 2}),
    times_suffix=_fz("times"),
    old_words=_fz("old"),
    quarter_words=_fz("quarter"),
    half_words=_fz("half"),
    century_words=_fz("century"),
    year_words=_fz("year"),
    am_words=_fz("a.m. a.m am"),
    pm_words=_fz("p.m. p.m pm"),
    date_prepositions=_fz(
        "in on since until till by from through throughout during before after of early late mid "
        "between and to around circa"
    ),
    count_words=_fz(
        "million billion trillion thousand hundred percent per people persons men women children "
        "troops soldiers votes dollars euros pounds yen rubles times units tons tonnes metres meters "
        "feet miles kilometers kilometres km cases deaths students members"
    ),
    street_words=_fz("street st avenue ave road rd boulevard blvd lane drive way place court square"),
    # "plan" only as "plans to" (a phrase below): "vacation plans" and "the hastily planned trip" say nothing of tense.
    future_cues=_fz("will would shall 'll ’ll tomorrow upcoming next scheduled intends expected until till"),
    not_future=("next to", "next door"),
    future_phrases=(
        "going to", "set to", "due to", "about to", "as soon as", "as early as", "in the coming",
        # an agreement or intention about later action: "agreed to cut fees by June"
        "plans to", "plan to", "planning to", "planned for", "planned to",
        "agreed to", "agree to", "decided to", "promised to", "pledged to", "vowed to", "aims to",
        "hopes to", "wants to", "intend to", "expects to", "expected to", "scheduled to", "is to", "are to",
    ),
    past_cues=_fz(
        "was were had did said met held took went came made gave told saw began won lost fought "
        "became left led sent brought bought built caught chose drove fell felt found flew forgot "
        "got grew heard hit kept knew laid meant paid put ran read rose sold shot shut spoke spent "
        "stood struck swore taught thought threw understood wrote ago last yesterday earlier "
        "previously sought signed killed since been"
    ),
    present_cues=_fz("is are am"),
    past_suffix="ed",
    not_past=_fz(
        "need indeed speed seed feed bed red shed hundred proceed succeed exceed breed deed greed "
        "creed steed embed bred tired allied united based related advanced armed detailed "
        "limited concerned interested experienced qualified skilled talented "
        # adjectives of business and crime news: "preferred shares", "an unspecified date"
        "preferred unspecified undisclosed unidentified unnamed unexpected unprecedented unrelated "
        "unarmed unmanned"
    ),
    attributive_determiners=_fz("the a an its their his her our"),
    anaphoric_nouns=MappingProxyType(
        {"quarter": "Q", "year": "Y", "month": "M", "week": "W", "weekend": "WE", "period": "P"}
    ),
    anaphoric_modifiers=MappingProxyType(
        {"latest": "latest", "current": "this", "full": "", "entire": "", "whole": "", "fiscal": "",
         "same": "", "comparable": "", "calendar": ""}
    ),  # fmt: skip
    ended_words=_fz("ended ending"),
    year_ago_words=_fz("year-ago year-earlier"),
    time_adjectives=MappingProxyType({"current": "PRESENT_REF", "recent": "PAST_REF"}),
    holidays=MappingProxyType(
        {"christmas": "12-25", "christmas day": "12-25", "christmas eve": "12-24", "new year's day": "01-01",
         "new year's eve": "12-31", "independence day": "07-04", "halloween": "10-31",
         "valentine's day": "02-14", "thanksgiving": "11/4/4", "thanksgiving day": "11/4/4",
         "election day": "11/1/1+1", "labor day": "09/1/1", "memorial day": "05/-1/1",
         "easter": "easter+0", "easter sunday": "easter+0", "good friday": "easter-2",
         "presidents day": "02/3/1", "presidents' day": "02/3/1", "juneteenth": "06-19",
         "veterans day": "11-11", "columbus day": "10/2/1", "boxing day": "12-26",
         "mother's day": "05/2/7", "father's day": "06/3/7",
         "black friday": "11/4/4+1", "cyber monday": "11/4/4+4"}
    ),  # fmt: skip
    abbreviations=_fz(
        "mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt adm gov sen rep rev "
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
        "inc ltd co corp bros dept vs no"
    ),
    participle_auxiliaries=_fz("be been being has have is are was were"),
    deadline_prepositions=_fz("by until till through to before"),
    occurrence_nouns=_fz(
        "attack attacks bombing bombings blast blasts explosion shooting shootings killing killings "
        "slaying massacre raid raids strike strikes assault riot riots crash coup earthquake quake "
        "fire flood storm hurricane uprising invasion ambush arrest arrests murder incident clashes "
        "violence protest protests rally"
    ),
    schedule_words=_fz("payable effective due record expire expires expiring starting beginning"),
    determiners=_fz("the a an its their his her this that"),
    approx_words=frozenset(
        ["about", "almost", "nearly", "more than", "less than", "fewer than", "at least", "at most",
         "no more than", "no less than", "up to", "over", "under", "some", "around", "roughly",
         "approximately", "well over", "just over", "just under", "close to"]
    ),  # fmt: skip
    more_words=_fz("more additional further extra"),
    fractions=MappingProxyType({"and a half": 0.5, "1/2": 0.5, "½": 0.5, "and a quarter": 0.25}),
    half_quantities=frozenset(["half a", "half an"]),
    counted_quantities=MappingProxyType({"a couple of": 2, "couple of": 2}),
    clock_parts_of_day=MappingProxyType(
        {"in the morning": "am", "in the afternoon": "pm", "in the evening": "pm", "at night": "pm"}
    ),
    time_zones=_fz("EST EDT CST CDT MST MDT PST PDT ET CT MT PT GMT UTC BST CET CEST EET EEST MSK IST PKT "
                   "JST KST HKT SGT AEST AEDT WIB"),
    day_modifiers=_fz("early late mid"),
    decade_words=MappingProxyType(
        {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
         "eighties": 8, "nineties": 9}
    ),  # fmt: skip
    year_heads=_fz("sixteen seventeen eighteen nineteen twenty"),  # not "eleven thirty", a clock time
    thousand_words=MappingProxyType({"thousand": 1000}),
    zero_words=_fz("oh o"),
    and_words=_fz("and"),
    fiscal_words=_fz("fiscal"),
    year_end_words=frozenset(["year-end", "year end", "year's end", "year’s end"]),
    edge_words=_fz("end beginning start middle"),
    same_period_words=_fz("same comparable corresponding"),
    same_period_nouns=MappingProxyType(
        {"period": "P", "quarter": "Q", "month": "M", "week": "W", "day": "D", "time": "T"}
    ),
    this_time_words=frozenset(["this time"]),
    from_words=_fz("from"),
    fiscal_abbreviations=_fz("FY"),
    named_dates=MappingProxyType({"9/11": "2001-09-11"}),
    year_glued_prefixes=_fz("pre post"),
    year_lead_prepositions=_fz("for"),
    overnight_words=_fz("overnight"),
    discourse_markers=_fz("now"),
    possessive_suffixes=("'s", "’s"),
    before_after=MappingProxyType({"before": -1, "after": 1}),
    approx_suffixes=frozenset(["or so"]),
    last_ordinals=_fz("last final"),
    not_plural=_fz(
        "is was has his its this thus us yes as does less unless plus perhaps always across "
        "towards afterwards besides whereas sometimes"
    ),
    rate_blockers=_fz("after before later earlier ago of from since into or and"),
    someday_cues=_fz("will would could might may can shall should must i he she we they you"),
    backshift_auxiliaries=("had", "had been", "had not been", "hadn't been", "had already been"),
)

LEXICONS: Mapping[str, Lexicon] = MappingProxyType({"en": ENGLISH})
