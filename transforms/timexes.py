"""Find temporal expressions in text and normalize them to TimeML (TIMEX3) values.

A regex grammar built from the word tables in `timex_lexicon` finds candidate spans; where two
overlap the longer wins. The survivors are normalized in text order, against the document
creation time (dct) for deictic expressions ("yesterday", "last month", "two days ago") and
against the last date the text mentioned for anaphoric ones ("the next day", "two days later").
Month-days, months, seasons and weekdays without a year take their year or week from the tense
of the clause around them ("met on November 3" vs "will meet on November 3"); a cue word
far from a date near the dct, a deadline ("by Jan. 14"), a scheduled date ("payable Dec. 7") or a
noun modifier ("the Jan. 14 deadline") leaves the date in the year nearest the dct.
Anaphoric periods ("the quarter", "the year", "the latest period", "the weekend") take the period
the text is talking about; year-over-year comparisons ("a year earlier", "the year-ago quarter")
keep its granularity (the third quarter ... a year earlier -> the third quarter of the year before).

Spans follow TempEval-3: a bound or approximation is inside the span with the value of the quantity
("about two years", "at least 20 more years" -> P2Y, P20Y; TimeML keeps the modifier in a MOD
attribute, which Timex does not carry); a fraction goes into the next smaller unit ("2 1/2 years"
-> P2Y6M); a clock time with its zone and day is one TIME ("5 p.m. EST Nov. 9"); years and decades
may be in words ("nineteen ninety-six", "the nineties"). "recent years" and "the coming months" are
vague durations (PXY, PXM), as TimeBank annotates them. Where TimeBank/AQUAINT agree in about two
thirds of their cases, their conventions are followed (counts next to the code): "Friday morning" is
a DATE valued 2021-10-08TMO, "the past year" the year before the dct's, "the quarter ended Sept. 30"
a DATE, "as soon as" and "its quarterly dividend" no time at all. Decades in durations are counted in years
(P20Y), as in TimeBank.

Modern news forms follow the same conventions: a signal stays outside the span ("within 48 hours",
"post-2020" -> "48 hours", "2020"); the edge of a period is inside it with the period's value ("the
end of the year" -> 2021; TimeML's mod END is not carried); an ISO timestamp or clock time keeps its
zone in the span, not in the value, and its seconds as written ("2021-10-14T10:00:00Z" ->
2021-10-14T10:00:00). A range of days is two DATEs, its first day and its last, the month written once
for both ("Oct. 14-16" -> "Oct. 14", "16"); a two-digit year after a year names one season or fiscal
year, valued by the year it starts in ("the 2019-20 season" -> 2019). "FY23" is 2023; "9/11" is
2001-09-11; "a week from Friday" is that day; "this time last year" is the dct's day a year before;
"the same period last year" the period talked about, a year before; "overnight" (an adverb) the
night before the dct. Names with a year ("Euro 2020", "Vision 2030") are no dates.

Business news reports on a quarter: the quarter reported on is the last one named that is over by
the dct or not in a clause about the future (a forecast, "will fall in the fourth quarter", is not);
comparisons keep it ("the year-ago third quarter", "last year's quarter", "the quarter a year ago",
"the 1988 period", "the corresponding period last year" -> that quarter in the year named); a fiscal
quarter keeps its name; "the quarter ended July 31" without one named is the three months ending
then (2021-Q2); "the year-earlier period" after a span reported ("the nine months") is a span as
long (P9M). Days anchor on days: "the day before last Tuesday", "the week of March 6", "the previous
Friday" (before the day the text is at). A possessive weekday ("Wednesday's ruling") has come; an age
("25 years old") and a sentence-opening "Now," are no times; an -ed adjective ("preferred shares",
"the proposed merger") is no past tense. A plan of the past ("had been due to expire Friday") and an
intention in the past after the day ("On Friday, the government agreed to ...") put the day before
the dct; a clock time takes the day after a bracketed conversion ("10:35 a.m. (0735 GMT) Friday").
A unit after an amount or a plural noun is a rate, a SET ("$5 million a year", "700 seats a week"
-> P1Y, P1W); so are "each July" (XXXX-07) and "Tuesday nights" (XXXX-WXX-2TNI); "will one day"
is FUTURE_REF. A holiday within a week of the dct is that one, whatever the tense; "Easter week"
and "Memorial Day weekend" are the week and the weekend holding it. A clock time without its day
is at the day named in its sentence or the one before; "that day" before any day is named is
generic and no time, as are "the future of ..." and a year after a possessive ("Acme's 1989
profit" is one; "Kopp's 1987 Chevrolet" is a model).

Values follow TimeML / TempEval-3: 2021-06-15, 2021-06, 1992, 199 (1990s), 19 (20th century),
2021-W41, 2021-Q3, 2021-H1, 2021-SU, 2021-06-15TMO, 2021-06-15T14:30, PRESENT_REF, P8M, PT3H,
PXY, XXXX-WXX-1. Without a dct, relative expressions keep their span and precision but get
value None; month-days without a year get XXXX-MM-DD.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Iterator, Mapping

try:  # a private module of the stdlib, read to learn the words a compiled pattern starts with
    import re._parser as _sre_parse
except ImportError:  # without it every pattern scans the whole text: slower, same output
    _sre_parse = None

from eventpipe.transforms.timex_lexicon import LEXICONS, Lexicon


@dataclass(frozen=True, slots=True)
class Timex:
    start: int  # Python str index into the text given
    end: int  # one past the last char; text[start:end] == self.text
    text: str
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str | None  # TIMEX3 value; None only if it cannot be normalized
    precision: str | None  # a value of schemas.enums.PRECISIONS


# ---------------------------------------------------------------------------------------------
# Grammar: one compiled regex per kind of expression, built once per language at import.

_D = "[0-9]"
_END = r"(?!\w)"  # the expression ends at a word boundary
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _trie(words: list[str]) -> str:
    """A regex matching exactly the given strings, as a prefix tree (Python's re tries the
    branches of a plain alternation one by one, which is slow for long word lists)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(tree)


def _render(node: dict) -> str:
    optional = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        if ch == " ":
            head = r"\s+"
        else:
            head = re.escape(ch)
        branches.append(head + _render(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body


def _alt(words, *, style: str = "cap") -> str:
    """Regex for any of words. style: 'cap' (lower-case or with a capital first letter),
    'lower', 'title' (capital first letter only)."""
    tree: dict = {}
    for word in set(words):
        if not word:
            continue
        if style == "title":
            variants = {word[0].upper() + word[1:]}
        elif style == "cap":
            variants = {word, word[0].upper() + word[1:]}
        else:
            variants = {word}
        for variant in variants:
            node = tree
            for ch in variant:
                node = node.setdefault(ch, {})
            node[""] = {}
    return "(?:" + _render(tree) + ")"


def _title_variants(phrases) -> list[str]:
    """Each phrase with a capital first letter, and with every word capitalised."""
    out = []
    for phrase in phrases:
        out.append(phrase[0].upper() + phrase[1:])
        out.append(" ".join(w[0].upper() + w[1:] for w in phrase.split()))
    return out


def _cap(word: str) -> str:
    return _alt([word])


@dataclass(frozen=True, slots=True)
class _Prefix:
    """Words that may (or must) come before a pattern's match: "the", "early", "last"...

    Patterns themselves start with a literal word or a digit, never with an optional group or
    a look-behind, so that the regex engine can skip quickly to the places they can start; the
    optional words on the left are then matched here, backwards from the match.
    """

    regex: re.Pattern[str]  # ends with \Z; searched in the few characters before the match
    in_span: bool = True  # False: required context only ("for years" -> "years")
    required: bool = False


@dataclass(frozen=True, slots=True)
class _Grammar:
    language: str  # the dateparser language code, e.g. "en"
    lex: Lexicon
    lower_names: re.Pattern[str]  # month names before a number and weekday names, lower-case
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, regex), by priority
    # per pattern: words (lower-case) one of which every match contains, or None; a text without
    # any of them skips the pattern (a substring test is much cheaper than a regex scan)
    needs: tuple[frozenset[str] | None, ...]
    # per pattern: the strings (as written, case and all) one of which every match starts with,
    # or None when a match may start with a digit or a single letter; such a pattern is tried
    # only where `starts` finds one of them (see _candidates)
    starts: tuple[frozenset[str] | None, ...]
    start_finder: re.Pattern[str]  # the longest of all those strings at a position
    start_patterns: Mapping[str, tuple[int, ...]]  # such a string -> patterns that may start there
    prefixes: Mapping[str, _Prefix]
    suffix_ago: re.Pattern[str]  # "two days" + " ago"
    suffix_from: re.Pattern[str]  # "a week" + " from Friday"
    aside_day: re.Pattern[str]  # "10:35 a.m." + " (0735 GMT) Friday": the day of a clock time, outside its span
    future: re.Pattern[str]
    past: re.Pattern[str]
    present: re.Pattern[str]


_YEAR_NOT_AFTER = "$€£#.,/:'’"  # "$2021", "1,2021", "#2021" are not years


def _digit(extra: str = "") -> str:
    """A digit not preceded by a word character (or by one of extra)."""
    return rf"[0-9](?<![\w{extra}][0-9])"


def _needing(words, entries: list[tuple[str, str]]) -> list[tuple[str, str, object]]:
    """The (kind, regex) entries, each marked as needing one of words in the text."""
    return [(kind, rx, words) for kind, rx in entries]


def _build(language: str, lex: Lexicon) -> _Grammar:
    full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lex.months if m not in full_months]
    month = _alt([*full_months, *abbr_months, *(m + "." for m in abbr_months)], style="title")
    full_month = _alt(full_months, style="title")
    weekday = _alt(lex.weekdays, style="title")
    ones = _alt([w for w, v in lex.numbers.items() if 1 <= v <= 9], style="lower")
    numword = f"(?:{_alt(lex.tens)}(?:[- ]{ones})?|{_alt(lex.numbers)})"
    num = rf"(?:{_digit('.,$€£')}[0-9]{{0,2}}(?:,[0-9]{{3}})*(?:\.[0-9]+)?(?![0-9])|{numword})"
    a = _alt(lex.a_words)
    vague = _alt(lex.vague_quantities)
    unit = _alt(lex.units, style="lower")
    plural_units = _alt([u for u in lex.units if u.endswith("s") and lex.units[u] != "Q"], style="lower")
    season = _alt(lex.seasons)
    pod = _alt(lex.parts_of_day, style="lower")
    mod = _alt(lex.early_words)
    the = _alt(lex.article_words)
    of = _alt(lex.of_words, style="lower")
    rel = _alt(lex.last_words | lex.next_words | lex.this_words | lex.following_words
               | lex.preceding_words | lex.same_words)  # fmt: skip
    year_word = _alt(lex.year_words, style="lower")
    fiscal = _alt(lex.fiscal_words)
    year = rf"(?P<y>{_digit()}[0-9]{{3}}(?![0-9]))"
    ordinal_digits = rf"{_digit()}[0-9]?(?:st|nd|rd|th)"
    ordinal_words = _alt(lex.ordinals)
    num_digits = rf"{_digit('.,$€£')}[0-9]{{0,2}}(?:,[0-9]{{3}})*(?:\.[0-9]+)?(?![0-9])"
    # years in words: "nineteen ninety-six", "nineteen oh five", "two thousand and one"
    tens = _alt(lex.tens, style="lower")
    teens = _alt([w for w, v in lex.numbers.items() if 10 <= v <= 19], style="lower")
    two_digits = rf"(?:{tens}(?:[- ]{ones})?|{teens})"
    hundred = _alt([w for w, v in lex.numbers.items() if v == 100], style="lower")
    yearw = (rf"(?:{_alt(lex.year_heads)}[- ](?:{two_digits}|{_alt(lex.zero_words, style='lower')}[- ]{ones}|{hundred})"
             rf"|{_alt([w for w, v in lex.numbers.items() if 1 <= v <= 9])}"
             rf"\s+(?P<ythou>{_alt(lex.thousand_words, style='lower')})"
             rf"(?:(?:\s+{_alt(lex.and_words, style='lower')})?\s+(?:{two_digits}|{ones}))?)(?![\w-])")
    year_any = rf"(?:{year}|(?P<yws>{yearw}))"
    fraction = _alt(lex.fractions, style="lower")
    quarter_half = lex.quarter_words | lex.half_words
    qh = _alt(quarter_half, style="lower")
    pn = _alt(lex.anaphoric_nouns, style="lower")
    # "the week of March 6": the week (or weekend) holding the day named after it
    week_units = _alt([u for u, v in lex.units.items() if v in ("W", "WE") and not u.endswith("s")], style="lower")
    # "the day before yesterday", "day before last Tuesday"
    day_unit = _alt([u for u, v in lex.units.items() if v == "D" and not u.endswith("s")], style="lower")
    dba = rf"(?P<dba>(?:{the}\s+)?{day_unit}\s+(?P<dbaw>{_alt(lex.before_after, style='lower')}))"
    # "last year's first quarter", "next year's quarter"
    rel_year = (rf"(?P<tyr>{_alt(lex.last_words | lex.next_words | lex.this_words)})\s+{year_word}['’]s")

    def _split(kind: str, template: str) -> list[tuple[str, str]]:
        """Two regexes for a pattern that starts with a number: one starting with a digit, one
        with a word, so that each starts with something the regex engine can scan for."""
        digits = {"ORD": ordinal_digits, "NUM": num_digits, "NUM_A": num_digits}
        words = {"ORD": ordinal_words, "NUM": numword, "NUM_A": f"{numword}|{a}"}
        out = []
        for table in (digits, words):
            rx = template
            for key in ("NUM_A", "NUM", "ORD"):
                rx = rx.replace("{" + key + "}", table[key])
            out.append((kind, rx))
        return out

    ampm = _alt(lex.am_words | lex.pm_words | {w.upper() for w in lex.am_words | lex.pm_words}, style="lower")
    dirs = _alt(lex.ago_words | lex.later_words | lex.earlier_words, style="lower")
    zones = _alt(lex.time_zones, style="lower")
    # "5 p.m. EST Nov. 9", "9 a.m. Tuesday", "noon Thursday": one TIME with the day's date
    zone_day = (rf"(?:\s+(?P<tz>{zones})(?!\w))?"
                rf"(?:,?\s+(?:(?P<twd>{weekday})|(?P<tdeic>{_alt(lex.deictic_days, style='lower')})"
                rf"|(?P<tmon>{month})\s+(?P<tday>[0-9]{{1,2}})(?![0-9]|,?\s*[0-9]{{4}})){_END})?")
    P = [
        ("iso", rf"(?P<y>{_digit('/.-')}[0-9]{{3}})(?P<sep>[-/])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})"
                rf"(?:[T ](?P<H>[0-9]{{1,2}}):(?P<M>[0-9]{{2}})(?::(?P<S>[0-9]{{2}})(?:\.[0-9]+)?)?"
                rf"(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}}|\s+{zones})?)?(?![\w/-]|[.:][0-9])"),
        ("numeric", rf"(?P<a>{_digit('/.-')}[0-9]?)/(?P<b>[0-9]{{1,2}})/(?P<y>[0-9]{{4}}|[0-9]{{2}})"
                    rf"(?:\s+(?P<H>[0-9]{{1,2}}):(?P<M>[0-9]{{2}})(?::[0-9]{{2}})?)?(?![\w/]|[.:][0-9])"),
        # "Oct. 14-16", "14-16 October": two DATEs, the first day and the last (see _range_hits)
        ("mdrange", rf"(?P<r1>(?P<mon>{month})\s+(?P<d>{_digit('.,')}[0-9]?)(?:st|nd|rd|th)?)\s*[-–]\s*"
                    rf"(?P<r2>(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]|:[0-9]|\s*%|[.,][0-9])(?:,?\s+{year})?){_END}"),
        ("dmrange", rf"(?P<r1>(?P<d>{_digit('.,')}[0-9]?)(?:st|nd|rd|th)?)\s*[-–]\s*"
                    rf"(?P<r2>(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:{of}\s+)?(?P<mon>{month})(?:,?\s+{year})?){_END}"),
        ("mdy", rf"(?P<mon>{month})\s+(?P<d>{_digit('.,')}[0-9]?)(?:st|nd|rd|th)?(?![0-9]|:[0-9]|\s*%|[.,][0-9])"
                rf"(?:,?\s+{year})?{_END}"),
        ("dmy", rf"(?P<d>{_digit('.,')}[0-9]?)(?:st|nd|rd|th)?\s+(?:{of}\s+)?(?P<mon>{month})(?:,?\s+{year})?{_END}"),
        ("monthyear", rf"(?P<mon>{month})(?:,?\s+(?:{of}\s+)?{year_any}|\s+(?P<rel>"
                      rf"{_alt(lex.last_words | lex.next_words | lex.this_words, style='lower')})\s+{year_word})?{_END}"),
        ("decade", rf"(?P<y3>{_digit('$.,')}[0-9]{{2}})0['’]?s{_END}"),
        ("decade", rf"['‘’](?P<y1>[0-9])0s{_END}"),
        *_needing(lex.century_words, _split("century", rf"(?P<ord>{{ORD}})[- ]{_alt(lex.century_words, style='lower')}{_END}")),
        ("season", rf"(?P<season>{season})(?:,?\s+(?:{of}\s+)?{year_any})?{_END}", lex.seasons),
        ("decade", rf"(?P<decw>{_alt(lex.decade_words)}){_END}", lex.decade_words),
        ("yearword", rf"(?P<yws>{yearw})", {*lex.year_heads, *lex.thousand_words}),
        # "the 1988 second quarter", "fiscal 1990's first quarter"
        *_needing(quarter_half, _split("quarter", rf"{year}(?:['’]s)?\s+(?P<ord>{{ORD}})(?P<sep>[- ])(?P<qh>{qh}){_END}")),
        *_needing(quarter_half, _split("quarter", rf"(?P<ord>{{ORD}})(?P<sep>[- ])(?P<qh>{qh})"
                                                  rf"(?:\s+{of}\s+(?:{year}|(?P<ty>{rel}|the)\s+{year_word}))?{_END}")),
        # "the last half of 1989", "the final quarter of 2020"
        ("quarter", rf"(?P<lastord>{_alt(lex.last_ordinals)})\s+(?P<qh>{qh})\s+{of}\s+{year}{_END}", lex.last_ordinals),
        # "the 1988 quarter", "the 1989 period": the quarter talked about, in that year
        ("yearperiod", rf"{year}\s+(?P<pn>{pn}){_END}"),
        ("relquarter", rf"(?P<qh>{_alt(lex.quarter_words, style='lower')}){_END}", lex.quarter_words),
        # "the quarter a year ago"; "the quarter ended Sept. 30" (the ending day is a DATE of its own)
        ("theperiod", rf"(?P<pn>{pn})(?![\w-])(?:\s+{a}\s+{year_word}\s+(?P<pdir>{dirs}){_END})?"
                      rf"(?:(?=(?P<ended>\s+{_alt(lex.ended_words, style='lower')}(?!\w)"
                      rf"(?:\s+(?P<emon>{month})\s+(?P<eday>[0-9]{{1,2}})(?![0-9]))?))|)"),
        # "the year-ago quarter"; "the year-earlier nine months" (a span, as long as the one reported)
        ("yearago", rf"(?P<ya>{_alt(lex.year_ago_words)})(?:\s+(?P<pn>{pn})|\s+(?P<qty>{num})\s+(?P<unit>{plural_units}))?{_END}",
         lex.year_ago_words),
        ("qn", rf"(?:Q(?<!\wQ)(?P<q>[1-4])|H(?<!\wH)(?P<h>[12]))(?:\s+{year}|(?P<y2>['’][0-9]{{2}}))?{_END}"),
        # "the 2019-20 season", "1990-91": one period named by the year it starts in
        ("yearspan", rf"(?P<y>{_digit(_YEAR_NOT_AFTER)}[0-9]{{3}})[-–/](?P<y2>[0-9]{{2}})(?![\w%]|[.,:/–-][0-9])"),
        ("fy", rf"(?:{_alt(lex.fiscal_abbreviations, style='lower')})[- ]?(?P<fyy>[0-9]{{4}}|[0-9]{{2}})"
               rf"(?![\w%]|[.,:/][0-9])", lex.fiscal_abbreviations),
        ("named", rf"(?P<named>{_alt(lex.named_dates, style='lower')})(?![\w/]|[.,:][0-9])", lex.named_dates),
        ("year", rf"(?P<y>{_digit(_YEAR_NOT_AFTER)}[0-9]{{3}})(?![\w%]|[.,:/][0-9]|['’]s)"),
        ("relative", rf"(?P<rel>{rel})\s+(?P<what>{_alt([*lex.units.keys(), *lex.parts_of_day], style='lower')}"
                     rf"|{weekday}|{full_month}){_END}"),
        ("deictic", rf"(?P<deic>{_alt([*lex.deictic_days, *lex.tonight])})(?:\s+(?P<pod>{pod}))?{_END}"),
        ("weekday", rf"(?P<wd>{weekday})(?P<pl>s)?(?:\s+(?:(?P<pod>{pod})|(?P<pods>"
                    rf"{_alt(lex.plural_parts_of_day, style='lower')})))?{_END}"),
        ("ago", rf"(?P<unit>{plural_units})\s+(?P<dir>{dirs}){_END}"),
        ("duration", rf"(?P<unit>{unit})(?:\s+(?P<frac2>{_alt([f for f in lex.fractions if f[:1].isalpha()], style='lower')}))?"
                     rf"(?:\s+(?P<old>{_alt(lex.old_words, style='lower')}))?{_END}"),
        ("bareunit", rf"(?P<unit>{plural_units}){_END}"),
        ("recent", rf"{_alt(lex.recent_words)}\s+(?P<unit>{plural_units}){_END}", lex.recent_words),
        ("time", rf"(?P<H>{_digit(':.,$')}[0-9]?)(?:[:.](?P<M>[0-5][0-9]))?\s*(?P<ampm>{ampm})(?!\w){zone_day}"),
        ("time", rf"(?P<H>{_digit(':.,$/')}[0-9]?)(?:[:.](?P<M>[0-5][0-9]))?\s+(?P<podph>"
                 rf"{_alt(lex.clock_parts_of_day, style='lower')}){_END}", {p.split()[-1] for p in lex.clock_parts_of_day}),
        ("podmod", rf"(?P<pod>{pod})(?:\s+(?P<deic>{_alt(lex.deictic_days)})|\s+(?P<wd>{weekday}))?{_END}",
         lex.day_modifiers),
        ("yearend", rf"(?P<ye>{_alt(lex.year_end_words)}){_END}", lex.year_end_words),
        ("sameperiod", rf"(?P<same>{_alt(lex.same_period_words, style='lower')})\s+"
                       rf"(?P<sp>{_alt(lex.same_period_nouns, style='lower')})\s+(?:(?P<srel>"
                       rf"{_alt(lex.last_words | lex.next_words, style='lower')})\s+{year_word}"
                       rf"|{a}\s+{year_word}\s+(?P<sdir>{dirs})){_END}", lex.same_period_words),
        ("thistime", rf"(?P<tt>{_alt(lex.this_time_words)})\s+(?:(?P<srel>"
                     rf"{_alt(lex.last_words | lex.next_words, style='lower')})\s+{year_word}"
                     rf"|{a}\s+{year_word}\s+(?P<sdir>{dirs})){_END}", {w.split()[-1] for w in lex.this_time_words}),
        ("overnight", rf"(?P<on>{_alt(lex.overnight_words)}){_END}", lex.overnight_words),
        ("clock", rf"(?P<H>{_digit(':.,$/')}[0-9]?):(?P<M>[0-5][0-9])(?![0-9]|[:.,][0-9]){zone_day}"),
        ("noon", rf"(?P<noon>{_alt(lex.noon_words, style='lower')}){_END}{zone_day}", lex.noon_words),
        ("ref", rf"(?P<w>{_alt(lex.present_ref | lex.past_ref | lex.future_ref)}){_END}"),
        ("refadj", rf"(?P<adj>{_alt(lex.time_adjectives, style='lower')})(?=\s+[a-z])", lex.time_adjectives),
        ("holiday", rf"(?P<hol>{_alt(_title_variants(lex.holidays), style='lower')})(?:\s+(?P<hwk>{week_units}))?{_END}",
         lex.holidays),
        ("refnoun", rf"(?P<n>{_alt(lex.past_nouns | lex.future_nouns, style='lower')}){_END}"),
        ("every", rf"(?P<every>{_alt(lex.every_words)})\s+(?:(?P<other>other)\s+|(?P<qty>{num})\s+)?"
                  rf"(?P<what>{unit}|{weekday}|{pod}|{season}|{full_month}){_END}", lex.every_words),
        ("setadv", rf"(?P<adv>{_alt(lex.set_adverbs)}){_END}", lex.set_adverbs),
        ("times", rf"(?P<unit>{unit}){_END}", {*lex.times_words, *lex.times_suffix}),
    ]
    B = r"(?<![\w-])"  # a prefix starts at a word boundary
    # "the end of the year", "the beginning of October": in the span, the value is the period's
    edge = rf"(?:(?P<edge>{the}\s+{_alt(lex.edge_words, style='lower')}\s+{of})\s+)?"
    # "1992", "mid-1992", "the year 2000", "the fiscal year 1990", "fiscal 1990"
    year_prefix = (rf"{B}{edge}(?:(?P<mod>{mod})[- ])?"
                   rf"(?:(?P<yw>(?:{the}\s+)?(?:{fiscal}\s+)?{_alt(lex.year_words)})\s+|(?P<fy>{fiscal})\s+)?")
    day_mod = _alt(lex.day_modifiers)
    prefixes = {
        "mdy": rf"{B}(?:(?P<wd>{weekday}),?|(?P<wkof>{the}\s+{week_units}\s+{of})|{dba})\s+",
        "dmy": rf"{B}(?:(?P<wd>{weekday}),?\s+)?(?P<the>{the})\s+",
        "monthyear": rf"{B}(?:(?P<edge>{the}\s+{_alt(lex.edge_words, style='lower')}\s+{of})\s+|(?P<mod>{mod})(?:-|\s+|\s*-\s*))",
        "decade": rf"{B}{edge}(?:(?P<the>{the})\s+)?(?:(?P<mod>{mod})[- ]?)?",
        "century": rf"{B}{edge}(?:(?P<the>{the})\s+)?(?:(?P<mod>{mod})[- ]?)?",
        "season": rf"{B}{edge}(?:(?P<the>{the})\s+)?(?:(?P<rel>{rel})\s+|(?P<mod>{mod})[- ]?)?",
        "quarter": rf"{B}{edge}(?:(?P<the>{the})\s+|{rel_year}\s+)?(?:(?P<rel>{rel}|{_cap('latest')})\s+)?"
                   rf"(?:(?P<ya>{_alt(lex.year_ago_words)})\s+)?(?:{_cap('fiscal')}\s+)?",
        "yearperiod": rf"{B}(?P<the>{the})\s+",
        "relquarter": rf"{B}{edge}(?:(?P<the>{the})\s+)?(?P<rel>{rel}|{_cap('latest')})\s+",
        "holiday": rf"{B}(?P<rel>{_alt(lex.last_words | lex.next_words | lex.this_words)})\s+",
        "theperiod": rf"{B}{edge}(?:(?P<the>{the})|{rel_year})\s+(?P<amod>(?:{_alt(lex.anaphoric_modifiers, style='lower')}\s+){{0,2}})",
        "yearago": rf"{B}(?P<the>{the})\s+(?:{_alt(lex.anaphoric_modifiers, style='lower')}\s+)?",
        "year": year_prefix,
        "yearspan": year_prefix,
        "yearword": year_prefix,
        "weekday": rf"{B}(?:(?P<mod>{day_mod})(?:-|\s+)|{dba}\s+)",
        "podmod": rf"{B}(?P<mod>{day_mod})(?:-|\s+)",
        "yearend": rf"{B}(?P<the>{the})\s+",
        # "this past weekend", "this coming Monday": "this" is in the span, "past"/"coming" decide
        "relative": rf"{B}(?:{edge}(?:(?P<mod>{mod})[- ]?(?:in\s+)?)?(?:(?P<the>{the})\s+|{_alt(lex.this_words)}\s+)?|{dba}\s+)",
        "deictic": rf"{B}(?:{dba}\s+"
                   rf"|(?P<mod>{_alt(lex.day_modifiers | lex.earlier_words | lex.later_words)})(?:-|\s+))",
        "ago": rf"{B}(?P<few>{vague})\s+",
        "duration": rf"{B}(?:(?P<the>{the})\s+(?P<rel>{_alt(lex.last_words | lex.next_words | lex.following_words | {'first'}, style='lower')})\s+)?"
                    rf"(?:(?P<approx>{_alt(lex.approx_words)})\s+)?"
                    rf"(?:(?P<qty>{num}|{a}|{_alt(lex.half_quantities)})(?:\s*(?P<frac>{fraction}))?|(?P<few>{vague}))"
                    rf"(?:\s+(?P<more>{_alt(lex.more_words, style='lower')}))?(?:\s+|-)",
        "times": rf"{B}(?:(?P<tw>{_alt(lex.times_words)})|(?P<qty>{num})\s+{_alt(lex.times_suffix, style='lower')})\s+"
                 rf"(?:a|an|per|every|each)\s+",
        "bareunit": rf"{B}(?:{_alt(lex.duration_prepositions)})\s+",
        "refnoun": rf"{B}{the}\s+(?:{_alt(lex.vague_time_adjectives, style='lower')}\s+)?",
        "recent": rf"{B}(?P<the>{the})\s+",
        "sameperiod": rf"{B}{the}\s+",
    }
    special = {"bareunit": (False, True), "refnoun": (True, True), "duration": (True, True), "times": (True, True),
               "relquarter": (True, True), "theperiod": (True, True), "podmod": (True, True),
               "sameperiod": (True, True)}  # fmt: skip
    future_words = [w for w in lex.future_cues if w[:1].isalpha()]
    future = re.compile(
        rf"(?<![\w'’]){_alt(future_words, style='lower')}(?!\w)|['’]ll(?!\w)|"
        rf"(?<![\w'’]){_alt(lex.future_phrases, style='lower')}(?!\w)"
    )
    past = re.compile(
        rf"(?<![\w'’-])(?:{_alt(lex.past_cues, style='lower')}|[a-z]+{re.escape(lex.past_suffix)})(?![\w'’-])"
    )
    compiled = tuple((entry[0], re.compile(entry[1])) for entry in P)
    needs = tuple(frozenset(w.split()[0].lower() for w in entry[2]) if len(entry) > 2 else None for entry in P)
    starts = tuple(_literal_starts(rx) for _, rx in compiled)
    start_words = sorted({w for words in starts if words for w in words})
    start_patterns = {
        word: tuple(i for i, words in enumerate(starts) if words and any(word.startswith(w) for w in words))
        for word in start_words
    }
    compiled_prefixes = {
        kind: _Prefix(re.compile(f"(?:{rx})\\Z"), *special.get(kind, (True, False))) for kind, rx in prefixes.items()
    }
    suffix_ago = re.compile(rf"(?:\s+{_alt(lex.approx_suffixes, style='lower')})?\s+(?P<dir>{dirs}){_END}")
    suffix_from = re.compile(rf"\s+{_alt(lex.from_words, style='lower')}\s+(?:(?P<fwd>{weekday})|(?P<fdeic>"
                             rf"{_alt(lex.deictic_days, style='lower')})|(?P<fnow>{_alt(lex.present_ref, style='lower')})){_END}")
    aside_day = re.compile(rf"\s*\([^()\n]{{1,24}}\)\s*,?\s*(?:(?P<twd>{weekday})|(?P<tdeic>"
                           rf"{_alt(lex.deictic_days, style='lower')})){_END}")
    months_before_number = _alt([m for m in lex.months if "." not in m], style="lower")
    lower_names = re.compile(
        rf"(?<![\w.]){months_before_number}(?=\.?\s+[0-9])|(?<![\w.]){_alt(lex.weekdays, style='lower')}(?![\w])"
    )
    return _Grammar(
        language=language,
        lower_names=lower_names,
        lex=lex,
        patterns=compiled,
        needs=needs,
        starts=starts,
        start_finder=re.compile(_trie(start_words)),
        start_patterns=MappingProxyType(start_patterns),
        prefixes=MappingProxyType(compiled_prefixes),
        suffix_ago=suffix_ago,
        suffix_from=suffix_from,
        aside_day=aside_day,
        future=future,
        past=past,
        present=re.compile(rf"(?<![\w'’-]){_alt(lex.present_cues, style='lower')}(?![\w'’-])"),
    )


def _literal_starts(rx: re.Pattern[str]) -> frozenset[str] | None:
    """The strings one of which every match of rx starts with: for each alternative at its start,
    its literal characters up to the first class, repeat, group or assertion ("Jan" for the
    months' "Jan(?:uary)?"); None when an alternative starts with fewer than two of them."""

    def heads(items) -> set[str]:
        if not items:
            return {""}
        op, av = items[0]
        if op is _sre_parse.LITERAL:
            return {chr(av) + rest for rest in heads(items[1:])}
        if op is _sre_parse.SUBPATTERN:
            return heads(list(av[3]))
        if op is _sre_parse.BRANCH:
            return set().union(*(heads(list(branch)) for branch in av[1]))
        return {""}

    if _sre_parse is None or rx.flags & re.IGNORECASE:
        return None
    try:
        found = heads(list(_sre_parse.parse(rx.pattern, rx.flags)))
    except Exception:  # the private parser's shapes changed: fall back to a full scan
        return None
    return frozenset(found) if min(map(len, found)) >= 2 else None


_GRAMMARS: Mapping[str, _Grammar] = MappingProxyType({code: _build(code, lex) for code, lex in LEXICONS.items()})

_SENTENCE_END = re.compile(r"[.!?;]+[\"'”’)\]]*\s+|\n")
_WORD_BEFORE_DOT = re.compile(r"([^\W\d_]+)\.$")


def _sentence_ends(g: _Grammar, text: str) -> tuple[int, ...]:
    """Offsets just after each sentence end; a period after an abbreviation ("Jan.", "Corp.")
    or an initial ("U.S.") ends none."""
    ends = []
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == ".":
            w = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 12), m.start() + 1)
            if w is not None and (len(w.group(1)) == 1 or w.group(1).lower() in g.lex.abbreviations):
                continue
        ends.append(m.end())
    return tuple(ends)


_PREV_WORD = re.compile(r"([^\W\d_][\w.]*)(\s*)$")
_DASH_GLUED = re.compile(r"([^\W\d_]+)\s*[-–—]\s*$")
_NEXT_WORD = re.compile(r"^(\s*)([^\W\d_][\w.]*)")


# ---------------------------------------------------------------------------------------------
# Finding spans.


class _Groups(dict):
    """The named groups of a match and of its prefix and suffix; any other group of the grammar
    is None (it did not take part), without a key for each of the hundred-odd names."""

    __slots__ = ()

    def __missing__(self, name: str) -> None:
        return None


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    kind: str
    priority: int
    groups: Mapping[str, str | None]


def _prev_word(text: str, start: int) -> tuple[str, bool]:
    """The word before start (lower-case) and whether only whitespace separates it."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if m is None:
        return "", False
    return m.group(1).lower().rstrip("."), True


def _prev_word_any(text: str, start: int) -> str:
    """The word before start, skipping punctuation (lower-case)."""
    chunk = text[max(0, start - 40) : start]
    words = re.findall(r"[^\W\d_]+", chunk)
    return words[-1].lower() if words else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 40])
    return m.group(2) if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'“‘(`")
    return before == "" or before[-1] in ".!?\n:;"


def _lower_in(span: str, words: frozenset[str]) -> bool:
    return span.lower() in words


def _in_conjunction(lex: Lexicon, text: str, s: int, e: int) -> bool:
    """True when the reference word at text[s:e] is part of a conjunction of the lexicon
    ("as soon as", "soon after"), which TimeBank does not annotate."""
    word = text[s:e].lower()
    before = re.findall(r"[^\W\d_]+", text[max(0, s - 24) : s].lower())
    after = re.findall(r"[^\W\d_]+", text[e : e + 24].lower())
    for phrase in lex.ref_conjunctions:
        words = phrase.split()
        if word not in words:
            continue
        i = words.index(word)
        head, tail = words[:i], words[i + 1 :]
        if before[len(before) - len(head) :] == head and after[: len(tail)] == tail:
            return True
    return False


def _acceptable(g: _Grammar, kind: str, gd: Mapping[str, str | None], text: str, s: int, e: int) -> bool:
    """Context checks that keep names, counts and verbs from being taken for dates."""
    lex = g.lex
    span = text[s:e]
    if kind in ("deictic", "setadv", "ref") and span[:1].isupper():
        # "USA Today", "Daily Sabah": capitalised mid-sentence or followed by a name. A day word
        # opening a sentence is a date even before a name ("Yesterday New York's governor ...":
        # annotated in all 6 sentence-initial cases of the TimeBank/AQUAINT corpus).
        if not _sentence_initial(text, s):
            return False
        if kind != "deictic" and _next_word(text, e)[:1].isupper():
            return False
    if kind == "ref" and _lower_in(span, lex.discourse_markers) and text.startswith(",", e) and _sentence_initial(text, s):
        return False  # "Now, he says, ...": a discourse marker
    if kind == "ref" and _in_conjunction(lex, text, s, e):
        return False  # "as soon as possible", "soon after the vote"
    if kind == "refnoun" and _next_word(text, e).lower() in lex.of_words:
        return False  # "the future of NATO" is the alliance's fate, not a time
    if kind == "setadv" and _lower_in(span, lex.unmarked_set_adjectives):
        nxt = _next_word(text, e)
        if nxt[:1].islower() or _prev_word(text, s)[0] in lex.determiners:
            return False  # "its quarterly dividend", "an initial quarterly"
    if kind == "yearspan":
        if int(gd["y2"]) != (int(gd["y"]) + 1) % 100:
            return False  # "2019-20" is a season or fiscal year; "2019-17" is not
        kind = "year"
    if kind == "yearperiod":
        return 1000 <= int(gd["y"]) <= 2099
    if kind == "year":
        y = int(gd["y"] or 0)
        if y > 2099 or y < 1000:
            return False
        glued = _DASH_GLUED.search(text, max(0, s - 6), s)
        if glued is not None and glued.group(1).lower() not in lex.year_glued_prefixes:
            return False  # "Eurasian Peace - 2021"; but "post-2020"
        prev, adjacent = _prev_word(text, s)
        nxt = _next_word(text, e)
        if gd["mod"] is None and gd["yw"] is None and gd["fy"] is None and gd["edge"] is None:
            if y < 1900 and prev not in lex.date_prepositions:
                return False
            if adjacent and prev:
                # a capitalised word just before a year makes it a name, at the start of a
                # sentence too ("Euro 2020", "Vision 2030 was launched"), unless it is a preposition
                word = text[s - 40 if s >= 40 else 0 : s].split()[-1]
                # a possessive is no name with a number ("Acme's 1989 profit"; but "Kopp's 1987
                # Chevrolet" names a model)
                possessive = word.endswith(lex.possessive_suffixes) and not nxt[:1].isupper()
                if word[:1].isupper() and not (
                    prev in lex.date_prepositions or prev in lex.year_lead_prepositions or prev in lex.months
                    or prev in lex.determiners or possessive
                ):  # fmt: skip
                    return False  # "Euro 2020", "Vision 2030"
        if nxt.lower() in lex.count_words:
            return False
        after = text[e : e + 40].split()
        if len(after) >= 2 and after[0][:1].isupper() and after[1].lower().rstrip(".,") in lex.street_words:
            return False  # "1905 Elm Street"
        return True
    if kind == "yearword":
        prev = _prev_word_any(text, s)
        nxt = _next_word(text, e).lower()
        if nxt in lex.count_words or nxt in lex.units or text.startswith("-", e):
            return False  # "two thousand people", "nineteen twenty-year-olds"
        if gd["ythou"] is not None:  # "two thousand" is a year only where a year is expected
            return bool(gd["yw"] or gd["fy"]) or prev in lex.date_prepositions or prev in lex.months
        return True
    if kind == "decade" and gd["decw"] is not None:
        return gd["the"] is not None  # "the nineties", not "in her twenties"
    if kind == "yearend":
        nxt = _next_word(text, e)
        prev = _prev_word_any(text, s)
        # "year-end results" is a noun modifier; "by year-end" names the time
        return not nxt[:1].islower() or prev in lex.date_prepositions or prev in lex.deadline_prepositions
    if kind == "monthyear":
        mon = (gd["mon"] or "").lower().rstrip(".")
        if gd["y"] or gd["rel"] or gd["edge"]:
            return True
        if mon not in lex.bare_month_ok and mon != "may":
            return False  # abbreviations alone: "Jan", "Mar"
        prev = _prev_word_any(text, s)
        if gd["mod"] or prev in lex.date_prepositions:
            return True
        if mon == "may":
            return False  # the modal verb
        if prev in lex.article_words or prev in ("a", "an"):
            # "the October slaying", "a June agreement": a month modifying a noun is annotated
            # (3 of 3 cases in TimeBank/AQUAINT); "the March of Dimes" is a name.
            nxt = _next_word(text, e)
            return nxt[:1].islower() and nxt.lower() not in lex.of_words
        return not _next_word(text, e)[:1].isupper()  # "June Carter"
    if kind == "season":
        if gd["y"] or gd["rel"] or gd["mod"]:
            return True
        if _next_word(text, e).lower() in lex.of_words:
            return False  # "the fall of Kabul"
        name = (gd["season"] or "").lower()
        prev = _prev_word_any(text, s)
        if gd["the"]:
            return name not in ("fall", "spring") or prev in lex.date_prepositions
        return prev in lex.date_prepositions and name not in ("fall", "spring")
    if kind == "quarter":
        if gd["lastord"]:
            return True
        if (gd["qh"] or "").lower() in lex.half_words:
            return bool(gd["y"] or gd["ty"] or gd["tyr"])  # "the first half of 2021", not a match's half
        ordv = _ordinal(g, gd["ord"] or "")
        return 1 <= ordv <= 4
    if kind == "theperiod" and lex.anaphoric_nouns[gd["pn"].lower()] == "P":
        # "the latest period", not "the period" alone nor "the same period a year ago" (a "sameperiod")
        roles = {lex.anaphoric_modifiers.get(w, "") for w in (gd["amod"] or "").lower().split()}
        return bool(roles & {"latest", "this"})
    if kind == "relquarter":
        return (gd["rel"] or "").lower() not in lex.same_words
    if kind in ("duration", "ago", "times", "bareunit"):
        unit = lex.units.get((gd["unit"] or "").lower(), "")
        qty = (gd.get("qty") or "").lower()
        if unit == "Q" and _next_word(text, e).lower() in lex.of_words:
            return False  # "three quarters of the vote"
        if unit == "S" and qty in lex.a_words:
            return False  # "a second time"
        if kind == "duration" and unit == "WE" and not gd["the"]:
            return False
        if kind == "duration" and (text.startswith("-old", e) or gd["old"] is not None):
            # an age, "a 6-year-old boy" or "Howes, 37 years old": TimeBank/AQUAINT annotate none
            # of their 4 "N years old" (nor any "-year-old")
            return False
        return True
    if kind == "relative":
        r = (gd["rel"] or "").lower()
        what = (gd["what"] or "").lower()
        if what in ("day", "days") and not (gd["the"] or r in lex.same_words):
            return r in lex.next_words and _prev_word_any(text, s) != "the"
        if r in lex.same_words and r.split()[0] not in lex.determiners and not gd["the"]:
            return False
        if what.endswith("s") and what in lex.units:
            return False  # "the past two years" is a duration, "last weeks" nothing
        return True
    if kind == "time":
        h = int(gd["H"] or 0)
        return 1 <= h <= 12
    if kind in ("mdrange", "dmrange"):
        return int(gd["d"]) < int(gd["d2"]) <= 31
    if kind == "overnight":
        # the adverb ("shelling continued overnight"), not a modifier ("overnight loans", "an overnight stay")
        return not _next_word(text, e)[:1].islower() and _prev_word(text, s)[0] not in lex.determiners
    if kind == "weekday" and gd["pl"]:
        return True
    return True


def _start_positions(g: _Grammar, text: str) -> list[list[int]]:
    """Per pattern with `starts`, the offsets in text where one of its starting strings is, in
    order (inside words too: the same places rx.finditer would try)."""
    positions: list[list[int]] = [[] for _ in g.patterns]
    m = g.start_finder.search(text)
    while m is not None:
        at = m.start()
        for i in g.start_patterns[m.group()]:
            positions[i].append(at)
        m = g.start_finder.search(text, at + 1)
    return positions


def _matches(rx: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """rx.finditer(text), trying only the given positions (every place a match can start)."""
    end = 0
    for at in positions:
        if at >= end:
            m = rx.match(text, at)
            if m is not None:
                end = m.end()
                yield m


def _candidates(g: _Grammar, text: str) -> list[_Hit]:
    hits: list[_Hit] = []
    low = text.lower()
    starts = _start_positions(g, text)
    for priority, (kind, rx) in enumerate(g.patterns):
        if g.starts[priority] is not None and not starts[priority]:
            continue
        needs = g.needs[priority]
        if needs is not None and not any(w in low for w in needs):
            continue
        prefix = g.prefixes.get(kind)
        found = rx.finditer(text) if g.starts[priority] is None else _matches(rx, text, starts[priority])
        for m in found:
            s, e = m.span()
            if s > 0 and text[s - 1].isalnum() and text[s].isalnum():
                continue  # starts inside a word
            gd = _Groups(m.groupdict())
            if gd["yws"] is not None:  # a year in words: its figures, as if written so
                gd["y"] = str(_word_year(g, gd["yws"]))
            if prefix is not None:
                p = prefix.regex.search(text, max(0, s - 48), s)
                if p is not None and p.start() < s:
                    gd.update((k, v) for k, v in p.groupdict().items() if v is not None)
                    if prefix.in_span:
                        s = p.start()
                elif prefix.required:
                    continue
            if kind in ("mdrange", "dmrange"):
                if _acceptable(g, kind, gd, text, s, e):
                    hits.extend(_range_hits(kind, m, gd, priority))
                continue
            if kind == "duration":
                after = g.suffix_from.match(text, e)
                if after is not None and gd["qty"] is not None and gd["old"] is None:
                    gd_from = _Groups(gd, **{k: v for k, v in after.groupdict().items() if v is not None})
                    if _acceptable(g, "duration", gd_from, text, s, after.end()):
                        hits.append(_Hit(s, after.end(), "fromday", priority, MappingProxyType(gd_from)))
                ago = g.suffix_ago.match(text, e)
                if ago is not None and gd.get("old") is None:
                    gd_ago = _Groups(gd, dir=ago.group("dir"))
                    if _acceptable(g, "ago", gd_ago, text, s, ago.end()):
                        hits.append(_Hit(s, ago.end(), "ago", priority, MappingProxyType(gd_ago)))
            if _acceptable(g, kind, gd, text, s, e):
                hits.append(_Hit(s, e, kind, priority, MappingProxyType(gd)))
    return hits


def _range_hits(kind: str, m: re.Match[str], gd: _Groups, priority: int) -> list[_Hit]:
    """"Oct. 14-16" -> "Oct. 14" and "16"; "14-16 October" -> "14" and "16 October": each end of a
    range of days is a DATE of its own (TIMEX3 values are points and do not nest), normalized as
    a month-day with the month and year written once for both."""
    last = _Groups(gd, d=gd["d2"])
    single = "mdy" if kind == "mdrange" else "dmy"
    return [
        _Hit(m.start("r1"), m.end("r1"), single, priority, MappingProxyType(gd)),
        _Hit(m.start("r2"), m.end("r2"), single, priority, MappingProxyType(last)),
    ]


def _word_year(g: _Grammar, raw: str) -> int:
    """1996 for "nineteen ninety-six", 1905 for "nineteen oh five", 2001 for "two thousand and one"."""
    lex = g.lex
    words = [w for w in re.split(r"[\s-]+", raw.lower()) if w not in lex.and_words]
    if len(words) > 1 and words[1] in lex.thousand_words:
        return lex.numbers[words[0]] * lex.thousand_words[words[1]] + sum(lex.numbers[w] for w in words[2:])
    head, rest = lex.numbers[words[0]], [w for w in words[1:] if w not in lex.zero_words]
    if len(rest) == 1 and lex.numbers[rest[0]] == 100:
        return head * 100
    return head * 100 + sum(lex.numbers[w] for w in rest)


def _resolve_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Longest first, then pattern priority; then keep only those that overlap nothing kept."""
    chosen: list[_Hit] = []
    starts: list[int] = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.priority, h.start)):
        i = bisect.bisect_left(starts, h.start)
        if i > 0 and chosen[i - 1].end > h.start:
            continue
        if i < len(chosen) and chosen[i].start < h.end:
            continue
        starts.insert(i, h.start)
        chosen.insert(i, h)
    return chosen


# ---------------------------------------------------------------------------------------------
# Normalizing.


class _Reject(Exception):
    """The candidate is not a usable temporal expression (e.g. February 30)."""


@dataclass(frozen=True, slots=True)
class _Norm:
    type: str
    value: str | None
    precision: str | None
    day: date | None = None  # the calendar day it names, when it names one
    period: tuple[date, str] | None = None  # first day and precision, when it names a period


@dataclass(frozen=True, slots=True)
class _Context:
    g: _Grammar
    text: str
    dct: date | None
    sentence_ends: tuple[int, ...]
    ref_day: date | None  # last calendar day mentioned (starts at the dct)
    ref_day_at: int | None  # where the text mentioned it (None for the dct)
    ref_period: tuple[date, str] | None  # last period mentioned: first day, precision
    ref_from_text: bool = False  # ref_period was mentioned in the text (not the dct)
    ref_quarter: date | None = None  # first day of the last quarter mentioned
    # the value of the timex just before, when it is a span ("the nine months"): "the year-earlier
    # period" after it is a span as long (P9M), a year before
    last_duration: str | None = None


def _number(g: _Grammar, raw: str | None) -> float | None:
    """Value of a quantity word or figure; None for vague quantities ("several")."""
    if raw is None:
        return None
    word = re.sub(r"\s+", " ", raw.lower())
    if word in g.lex.a_words:
        return 1
    if word in g.lex.half_quantities:
        return 0.5
    if word[:1].isdigit():
        try:
            return float(word.replace(",", ""))
        except ValueError:
            return None
    total = 0
    for part in re.split(r"[- ]", word):
        if part not in g.lex.numbers:
            return None
        total += g.lex.numbers[part]
    return total


def _ordinal(g: _Grammar, raw: str) -> int:
    raw = raw.lower()
    if raw[:1].isdigit():
        return int(re.sub(r"[^0-9]", "", raw) or 0)
    return g.lex.ordinals.get(raw, 0)


def _qty_str(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_SMALLER = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}  # unit -> (parts, part unit)


def _duration(unit: str, n: float | None) -> str:
    """TIMEX3 duration value: P2Y, PT3H, PXM; a fraction goes into the next smaller unit where it
    comes out whole (P2Y6M, PT5H30M, PT1M30S), else stays a decimal (P1.5M)."""
    if n is not None and n != int(n) and unit in _SMALLER:
        parts, small = _SMALLER[unit]
        rest = (n - int(n)) * parts
        if rest == int(rest):
            whole = _duration(unit, int(n)) if int(n) else ("PT" if unit in ("H", "MIN") else "P")
            tail = _duration(small, rest)
            tail = tail[2:] if tail.startswith("PT") and "T" in whole else tail[1:]
            return whole + tail
    q = "X" if n is None else None
    if unit == "DE":
        return "PXY" if q else f"P{_qty_str(n * 10)}Y"
    if unit == "CE":
        return "PXY" if q else f"P{_qty_str(n * 100)}Y"
    if unit == "Q":
        return "PXM" if q else f"P{_qty_str(n * 3)}M"
    if unit in ("H", "MIN", "S"):
        letter = "M" if unit == "MIN" else unit
        return f"PT{q or _qty_str(n)}{letter}"
    return f"P{q or _qty_str(n)}{unit}"


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def _week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _period_norm(d: date, precision: str, typ: str = "DATE") -> _Norm:
    """A DATE naming the period of the given precision that contains d."""
    if precision == "day":
        return _Norm(typ, d.isoformat(), "day", day=d, period=(d, "day"))
    if precision == "week":
        return _Norm(typ, _week_value(d), "week", period=(d - timedelta(days=d.weekday()), "week"))
    if precision == "month":
        return _Norm(typ, f"{d.year:04d}-{d.month:02d}", "month", period=(d.replace(day=1), "month"))
    if precision == "quarter":
        q = (d.month - 1) // 3 + 1
        return _Norm(typ, f"{d.year:04d}-Q{q}", "quarter", period=(date(d.year, 3 * q - 2, 1), "quarter"))
    if precision == "year":
        return _Norm(typ, f"{d.year:04d}", "year", period=(date(d.year, 1, 1), "year"))
    if precision == "decade":
        return _Norm(typ, f"{d.year // 10:03d}", "decade", period=(date(d.year // 10 * 10 or 1, 1, 1), "decade"))
    if precision == "century":
        return _Norm(typ, f"{d.year // 100:02d}", "century", period=(date(d.year // 100 * 100 or 1, 1, 1), "century"))
    raise _Reject(precision)


_UNIT_PRECISION = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter", "Y": "year",
                   "DE": "decade", "CE": "century", "H": "day", "MIN": "day", "S": "day"}  # fmt: skip


def _shift(d: date, unit: str, n: int) -> date:
    if unit in ("D", "H", "MIN", "S"):
        return d + timedelta(days=n if unit == "D" else 0)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    if unit == "M":
        return _add_months(d, n).replace(day=1)
    if unit == "Q":
        return _add_months(d, 3 * n)
    if unit == "Y":
        return date(d.year + n, 1, 1)
    if unit == "DE":
        return date(d.year + 10 * n, 1, 1)
    if unit == "CE":
        return date(d.year + 100 * n, 1, 1)
    raise _Reject(unit)


def _tense(ctx: _Context, s: int, e: int) -> str | None:
    """'future' or 'past' from the nearest cue word before the span in its sentence ("met on
    Friday", "will meet on Friday"), else the nearest after it ("On Friday, they met"); else None."""
    label, _ = _tense_cue(ctx, s, e)
    return label


def _tense_cue(ctx: _Context, s: int, e: int) -> tuple[str | None, int]:
    """_tense and the number of characters between the cue word and the span."""
    i = bisect.bisect_right(ctx.sentence_ends, s)
    lo = ctx.sentence_ends[i - 1] if i > 0 else 0
    j = bisect.bisect_left(ctx.sentence_ends, e)
    hi = ctx.sentence_ends[j] if j < len(ctx.sentence_ends) else len(ctx.text)
    before: tuple[int, int, str] | None = None
    after: tuple[int, int, str] | None = None
    cues = ((ctx.g.future, "future", 0), (ctx.g.past, "past", 1), (ctx.g.present, "present", 2))
    for rx, base_label, base_rank in cues:
        label, rank = base_label, base_rank
        for m in rx.finditer(ctx.text, lo, hi):
            label, rank = base_label, base_rank
            if m.end() > s and m.start() < e:
                continue  # inside the expression itself
            if label == "past" and m.group(0) in ctx.g.lex.not_past:
                continue
            if label == "future" and ctx.text[m.start() : m.start() + 16].lower().startswith(ctx.g.lex.not_future):
                continue  # "next to the embassy"
            if label == "future" and _backshifted(ctx, m.start(), m.end() <= s):
                label, rank = "past", 1  # "had been due to expire Friday"; "On Friday, they agreed to ..."
            else:
                label, rank = base_label, base_rank
            if label == "past" and _prev_word(ctx.text, m.start())[0] in (
                ctx.g.lex.participle_auxiliaries | ctx.g.lex.attributive_determiners
            ):
                continue  # "will be held", "has invited", "the proposed merger": not the clause's tense
            if m.end() <= s:
                key = (s - m.end(), rank, label)
                before = key if before is None or key < before else before
            else:
                key = (m.start() - e, rank, label)
                after = key if after is None or key < after else after
    best = before or after
    if best is None or best[2] == "present":
        return None, 0
    return best[2], best[0]


def _backshifted(ctx: _Context, at: int, before_date: bool) -> bool:
    """True when the future cue at `at` speaks of a plan made in the past: after a pluperfect
    ("had been due to expire Friday", "had planned to vote Monday"), or, after the date, a past
    form that is the verb of the clause ("On Friday, the government agreed to ..." names the day
    it agreed, not the day of what it agreed to; "the vote Friday is expected to ..." stays)."""
    lex = ctx.g.lex
    words = re.findall(r"[^\W\d_][\w'’]*", ctx.text[max(0, at - 30) : at].lower())
    for phrase in lex.backshift_auxiliaries:
        aux = phrase.split()
        if words[-len(aux) :] == aux:
            return True
    if before_date:
        return False
    head = re.match(r"[^\W\d_]+", ctx.text[at : at + 20].lower())
    if head is None or not (head.group(0).endswith(lex.past_suffix) or head.group(0) in lex.past_cues):
        return False
    return not words or words[-1] not in lex.participle_auxiliaries | lex.attributive_determiners


_NEAR_CUE = 24  # characters: a tense cue this close governs the date ("met on November 3")
_NEAR_DAYS = 62  # a date this close to the dct keeps the dct's year unless a near cue moves it


def _pick_year(ctx: _Context, month: int, day: int, s: int, e: int) -> int:
    """Year of a month-day (day 0 for a whole month) written without one, from tense and dct."""
    dct = ctx.dct
    assert dct is not None
    tense, gap = _tense_cue(ctx, s, e)
    lex = ctx.g.lex
    prev, _ = _prev_word(ctx.text, s)
    modifier = prev in lex.determiners or ctx.text.endswith(("'s ", "’s "), 0, s)
    if modifier:
        # "the Jan. 14 deadline": no verb's tense governs a modifier, but a future clause keeps it ahead
        tense = "future" if tense == "future" else None
    elif prev in lex.schedule_words:
        tense = None  # "payable Dec. 7", "effective Feb. 1": a scheduled date, whatever the verb
    elif tense == "past" and prev in lex.deadline_prepositions:
        tense = None  # "extended the offer to Nov. 20"
    here = (month, day)
    now = (dct.month, dct.day if day else 0)
    diff = (month - dct.month) * 31 + (day - (dct.day if day else 0))
    if tense is not None and gap > _NEAR_CUE and abs(diff) <= _NEAR_DAYS:
        tense = None  # a distant cue ("said ... on Nov. 20") does not move a date weeks from the dct by a year
    if tense == "past":
        return dct.year - 1 if here > now else dct.year
    if tense == "future":
        return dct.year + 1 if here < now else dct.year
    ahead = diff if diff >= 0 else diff + 12 * 31  # days (roughly) to the next such month-day
    if modifier and tense is None and ahead > _NEAR_DAYS and _next_word(ctx.text, e).lower().strip(".,;:!?") in lex.occurrence_nouns:
        # "the Jan. 6 attack" in an October story names a past attack; "the Jan. 14 deadline" stays nearest
        return dct.year - 1 if diff > 0 else dct.year
    if diff > 183:
        return dct.year - 1
    if diff < -183:
        return dct.year + 1
    return dct.year


def _safe_date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise _Reject("impossible date") from exc


def _month_of(g: _Grammar, raw: str | None) -> int:
    return g.lex.months[(raw or "").lower().rstrip(".")]


def _with_pod(norm: _Norm, pod_word: str | None, g: _Grammar, typ: str = "TIME") -> _Norm:
    if not pod_word:
        return norm
    code = g.lex.parts_of_day[pod_word.lower()]
    value = f"{norm.value}T{code}" if norm.value else None
    return _Norm(typ, value, "time", day=norm.day, period=norm.period)


def _weekday_date(dct: date, wd: int, direction: str | None) -> date:
    """The weekday wd nearest dct: 'past' (or None) on/before, 'future' on/after,
    'last' strictly before, 'next' strictly after."""
    back = (dct.isoweekday() - wd) % 7
    ahead = (wd - dct.isoweekday()) % 7
    if direction == "future":
        return dct + timedelta(days=ahead)
    if direction == "next":
        return dct + timedelta(days=ahead or 7)
    if direction == "last":
        return dct - timedelta(days=back or 7)
    return dct - timedelta(days=back)


def _season_norm(year: int, code: str) -> _Norm:
    return _Norm("DATE", f"{year:04d}-{code}", "season", period=(date(year, _SEASON_MONTH[code], 1), "season"))


def _season_index(d: date) -> int:
    """Seasons numbered year*4 + (SP 0, SU 1, FA 2, WI 3); winter belongs to the year it starts."""
    if d.month <= 2:
        return (d.year - 1) * 4 + 3
    return d.year * 4 + (d.month - 3) // 3


@functools.lru_cache(maxsize=8192)
def _dateparser_day(expression: str, language: str, dct: date | None) -> date | None:
    """A complete calendar date that dateparser reads in the expression, anchored at dct.

    Used where the reading depends on the language's conventions (day/month order, two-digit
    years); cached because a call costs about 0.8 ms.
    """
    import dateparser  # 0.1 s to import: only when an expression needs it

    base = datetime(dct.year, dct.month, dct.day) if dct else datetime(2000, 1, 1)
    settings = {"RELATIVE_BASE": base, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(expression, languages=[language], settings=settings)
    return parsed.date() if parsed is not None else None


def _safe_weekday(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).isoweekday()
    except ValueError:
        return None


def _normalize(ctx: _Context, h: _Hit) -> _Norm:
    """_normalize_span, then what the words before a day do to it: "the day before Tuesday" is the
    Monday before, "the week of March 6" the week holding March 6."""
    norm = _normalize_span(ctx, h)
    gd = h.groups
    if (gd["dba"] or gd["wkof"]) and norm.day is None:
        if norm.value is None or "X" in norm.value:  # no dct: "the week of June 5" has no value
            return _Norm(norm.type, None, "week" if gd["wkof"] else norm.precision)
        raise _Reject("not a day")  # "the day before last week"
    if gd["dba"]:
        day = norm.day + timedelta(days=ctx.g.lex.before_after[gd["dbaw"].lower()])
        shifted = _period_norm(day, "day")
        return _Norm(norm.type, day.isoformat() + norm.value[10:], norm.precision, day=day, period=shifted.period)
    if gd["wkof"]:
        week = _period_norm(norm.day, "week")
        return _weekend(week) if ctx.g.lex.units[gd["wkof"].split()[-2].lower()] == "WE" else week
    return norm


def _normalize_span(ctx: _Context, h: _Hit) -> _Norm:
    g, lex, gd, dct = ctx.g, ctx.g.lex, h.groups, ctx.dct
    kind = h.kind
    low = _Groups({k: v.lower() for k, v in gd.items() if v is not None})

    if kind in ("iso", "numeric"):
        if kind == "iso":
            y, m, d = int(gd["y"]), int(gd["m"]), int(gd["d"])
            day = _safe_date(y, m, d)
        else:  # "06/15/2021", "15/06/21": the order of day and month is the language's
            day = _dateparser_day(f"{gd['a']}/{gd['b']}/{gd['y']}", g.language, dct)
            if day is None:
                raise _Reject("numeric date")
        if gd["H"] is not None:
            hh, mm = int(gd["H"]), int(gd["M"])
            if hh > 24 or mm > 59:
                raise _Reject("bad time")
            seconds = f":{int(gd['S']):02d}" if gd["S"] is not None else ""  # as written
            return _Norm("TIME", f"{day.isoformat()}T{hh:02d}:{mm:02d}{seconds}", "time", day=day, period=(day, "day"))
        return _period_norm(day, "day")

    if kind in ("mdy", "dmy"):
        m, d = _month_of(g, gd["mon"]), int(gd["d"])
        if gd["y"]:
            return _period_norm(_safe_date(int(gd["y"]), m, d), "day")
        _safe_date(2000, m, d)  # rejects February 30, keeps February 29
        if dct is None:
            return _Norm("DATE", f"XXXX-{m:02d}-{d:02d}", "day")
        y = _pick_year(ctx, m, d, h.start, h.end)
        if m == 2 and d == 29:
            while not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
                y -= 1
        weekday = lex.weekdays.get(ctx.text[h.start : h.end].split(",")[0].split()[0].lower().rstrip("."))
        if weekday is not None:  # "Monday, Oct. 26": the year in which Oct. 26 is a Monday, nearest dct
            years = [c for c in (y, y - 1, y + 1) if _safe_weekday(c, m, d) == weekday]
            y = min(years, key=lambda c: abs((date(c, m, d) - dct).days)) if years else y
        return _period_norm(date(y, m, d), "day")

    if kind == "monthyear":
        m = _month_of(g, gd["mon"])
        if gd["y"]:
            return _period_norm(date(int(gd["y"]), m, 1), "month")
        if dct is None:
            return _Norm("DATE", f"XXXX-{m:02d}" if not gd["rel"] else None, "month")
        if gd["rel"]:
            r = low["rel"]
            y = dct.year - 1 if r in lex.last_words else dct.year + 1 if r in lex.next_words else dct.year
        else:
            y = _pick_year(ctx, m, 0, h.start, h.end)
        return _period_norm(date(y, m, 1), "month")

    if kind in ("year", "yearword", "yearspan"):
        return _period_norm(date(int(gd["y"]), 1, 1), "year")

    if kind == "fy":  # "FY2023", "FY23": the fiscal year keeps the calendar value of its name
        y = int(gd["fyy"])
        if y < 100:
            y += 2000 if y <= 50 else 1900
        return _period_norm(date(y, 1, 1), "year")

    if kind == "named":
        return _period_norm(date.fromisoformat(lex.named_dates[low["named"]]), "day")

    if kind in ("sameperiod", "thistime"):
        return _same_period(ctx, low)

    if kind == "overnight":
        if dct is None:
            return _Norm("TIME", None, "time")
        day = ctx.ref_day if ctx.ref_day is not None and _near_ref(ctx, h) else dct - timedelta(days=1)
        return _with_pod(_period_norm(day, "day"), low["on"], g)

    if kind == "fromday":
        return _from_day(ctx, h, low)

    if kind == "yearend":
        if dct is None:
            return _Norm("DATE", None, "year")
        # the end of this year lies ahead of the dct: "since year-end" is the last one, "by
        # year-end" this one; otherwise the tense of the clause decides
        prev = _prev_word_any(ctx.text, h.start)
        if prev in lex.deadline_prepositions:
            past = False
        elif prev in lex.past_cues:
            past = True
        else:
            past = _tense(ctx, h.start, h.end) == "past"
        past = past and dct.month < 12
        return _period_norm(date(dct.year - 1 if past else dct.year, 1, 1), "year")

    if kind == "decade":
        if gd["decw"]:
            return _decade_from_digit(lex.decade_words[low["decw"]], dct)
        if gd["y3"]:
            return _period_norm(date(int(gd["y3"]) * 10 or 1, 1, 1), "decade")
        return _decade_from_digit(int(gd["y1"]), dct)

    if kind == "century":
        n = _ordinal(g, gd["ord"])
        if not 1 <= n <= 30:
            raise _Reject("century")
        return _Norm("DATE", f"{n - 1:02d}", "century", period=(date((n - 1) * 100 or 1, 1, 1), "century"))

    if kind == "season":
        code = lex.seasons[low["season"]]
        if gd["y"]:
            return _season_norm(int(gd["y"]), code)
        if dct is None:
            return _Norm("DATE", None if gd["rel"] else f"XXXX-{code}", "season")
        now = _season_index(dct)
        k = _SEASON_ORDER.index(code)
        this = (now - now % 4) + k if not (dct.month <= 2 and code == "WI") else now
        r = low["rel"]
        if r in lex.last_words or r in lex.preceding_words:
            idx = this if this < now else this - 4
        elif r in lex.next_words or r in lex.following_words:
            idx = this if this > now else this + 4
        elif r in lex.this_words or r in lex.same_words:
            idx = this
        else:
            tense = _tense(ctx, h.start, h.end)
            if tense == "past":
                idx = this if this <= now else this - 4
            elif tense == "future":
                idx = this if this >= now else this + 4
            else:
                idx = this
        return _season_norm(idx // 4, code)

    if kind in ("quarter", "relquarter", "qn"):
        if kind == "qn":
            n = int(gd["q"] or gd["h"])
            is_half = gd["h"] is not None
            if gd["y"]:
                y = int(gd["y"])
            elif gd["y2"]:
                yy = int(gd["y2"][1:])
                y = 2000 + yy if yy <= 50 else 1900 + yy
            elif dct is not None:
                y = dct.year
            else:
                return _Norm("DATE", f"XXXX-{'H' if is_half else 'Q'}{n}", "half" if is_half else "quarter")
        elif kind == "relquarter":
            if dct is None:
                return _Norm("DATE", None, "quarter")
            r = low["rel"]
            step = -1 if (r in lex.last_words or r in lex.preceding_words or r == "latest") else (
                1 if (r in lex.next_words or r in lex.following_words) else 0)
            return _period_norm(_add_months(dct.replace(day=1), 3 * step), "quarter")
        else:
            is_half = low["qh"] in lex.half_words
            n = (2 if is_half else 4) if gd["lastord"] else _ordinal(g, gd["ord"])
            ty = low["ty"] or low["tyr"]  # "the first quarter of next year", "next year's first quarter"
            if gd["y"]:
                y = int(gd["y"])
            elif gd["ya"] and dct is not None:
                # "the year-ago third quarter": in the year before the one the text reports on
                y = (ctx.ref_quarter or dct).year - 1
            elif dct is None:
                if ty in (None, "the", *lex.this_words):
                    return _Norm("DATE", f"XXXX-{'H' if is_half else 'Q'}{n}", "half" if is_half else "quarter")
                return _Norm("DATE", None, "half" if is_half else "quarter")
            else:
                y = dct.year - 1 if ty in lex.last_words else dct.year + 1 if ty in lex.next_words else dct.year
                if ty is None and low["rel"] in lex.last_words and n * (6 if is_half else 3) > dct.month:
                    y -= 1
        if is_half:
            if n > 2:
                raise _Reject("half")
            return _Norm("DATE", f"{y:04d}-H{n}", "half", period=(date(y, 6 * n - 5, 1), "half"))
        return _Norm("DATE", f"{y:04d}-Q{n}", "quarter", period=(date(y, 3 * n - 2, 1), "quarter"))

    if kind == "relative":
        return _relative(ctx, h, low)

    if kind == "deictic":
        word = low["deic"]
        if dct is None:
            return _Norm("TIME" if word in lex.tonight or gd["pod"] else "DATE", None,
                         "time" if word in lex.tonight or gd["pod"] else "day")  # fmt: skip
        if word in lex.tonight:
            return _Norm("TIME", f"{dct.isoformat()}TNI", "time", day=dct, period=(dct, "day"))
        offset = lex.deictic_days[word]
        day = dct + timedelta(days=offset)
        return _with_pod(_period_norm(day, "day"), gd["pod"], g)

    if kind == "weekday":
        wd = lex.weekdays[low["wd"]]
        if gd["pods"]:  # "on Tuesday nights": every Tuesday night
            return _Norm("SET", f"XXXX-WXX-{wd}T{lex.plural_parts_of_day[low['pods']]}", "set")
        if gd["pl"]:
            return _Norm("SET", f"XXXX-WXX-{wd}", "set")
        # "Friday morning" is a DATE with the part of the day in its value: TimeBank/AQUAINT type
        # it DATE 24 times and TIME 6 times; the value keeps the part of the day (TMO, TNI) in
        # 15 of the 25 whole-phrase spans, the bare day in 10.
        if dct is None:
            return _Norm("DATE", None, "time" if gd["pod"] else "day")
        tense, gap = _tense_cue(ctx, h.start, h.end)
        if ctx.text.startswith(lex.possessive_suffixes, h.end) and not (tense == "future" and gap <= _NEAR_CUE):
            tense = "past"  # "Wednesday's ruling": a day that has come
        day = _weekday_date(dct, wd, tense)
        return _with_pod(_period_norm(day, "day"), gd["pod"], g, typ="DATE")

    if kind == "ago":
        unit = lex.units[low["unit"]]
        n = _number(g, gd["qty"]) if gd["qty"] else None
        direction = low["dir"]
        if n is None or n != int(n):
            if direction in lex.ago_words or direction in lex.earlier_words:
                return _Norm("DATE", "PAST_REF", "reference")
            return _Norm("DATE", None, _UNIT_PRECISION[unit])
        sign = -1 if direction in lex.ago_words or direction in lex.earlier_words else 1
        if unit == "Y" and n == 1 and ctx.ref_from_text and ctx.ref_period[1] in _COMPARED:
            # "net rose in the third quarter from $5 million a year ago": the same quarter a year before
            return _year_shift(ctx.ref_period, sign)
        base = dct if direction in lex.ago_words else ctx.ref_day
        if unit in ("Y", "DE", "CE") and direction not in lex.ago_words and ctx.ref_period:
            base = ctx.ref_period[0]
        if base is None:
            return _Norm("DATE", None, _UNIT_PRECISION[unit])
        if unit == "Y" and n == 1:
            # "a year ago", "a year earlier": a comparison, not a new period for the text to talk
            # about ("$5 million a year ago ... $4 million a year earlier" are the same year)
            return _year_shift((_shift(base, "Y", 0), "year"), sign)
        return _period_norm(_shift(base, unit, sign * int(n)), _UNIT_PRECISION[unit])

    if kind == "theperiod":
        return _the_period(ctx, h, low)

    if kind == "refadj":
        return _Norm("DATE", lex.time_adjectives[low["adj"]], "reference")

    if kind == "holiday":
        rule = lex.holidays[re.sub(r"\s+", " ", low["hol"])]
        if dct is None:
            return _Norm("DATE", None, "week" if gd["hwk"] else "day")
        day = _holiday_day(ctx, h, low, rule)
        if gd["hwk"] is None:
            return _period_norm(day, "day")
        if lex.units[low["hwk"]] == "WE":  # "Memorial Day weekend": the Saturday and Sunday nearest it
            before, after = (day.weekday() - 5) % 7, (5 - day.weekday()) % 7
            saturday = day - timedelta(days=before) if before <= after else day + timedelta(days=after)
            return _weekend(_period_norm(saturday, "week"))
        return _period_norm(day, "week")  # "Thanksgiving week": the week holding it

    if kind == "yearperiod":  # "the 1988 quarter", "the 1989 period": the quarter reported on, in that year
        y, unit = int(gd["y"]), lex.anaphoric_nouns[low["pn"]]
        quarter = ctx.ref_quarter if unit in ("Q", "P") else None
        if quarter is None and unit == "Q" and dct is not None:
            quarter = _add_months(dct.replace(day=1), -3)  # the last reported quarter
        if quarter is None:
            return _period_norm(date(y, 1, 1), "year")
        return _year_shift((quarter, "quarter"), y - quarter.year)

    if kind == "yearago":
        if gd["unit"]:
            n = _number(g, gd["qty"])
            if n is None:
                raise _Reject("number")
            return _Norm("DURATION", _duration(lex.units[low["unit"]], n), "duration")
        unit = lex.anaphoric_nouns.get(low["pn"] or "")
        if unit == "P" and ctx.last_duration is not None:
            # "For the nine months, net rose. In the year-earlier period, ...": TimeBank P9M
            return _Norm("DURATION", ctx.last_duration, "duration")
        if dct is None:
            return _Norm("DATE", None, "year")
        if unit in ("Q", "P") and ctx.ref_quarter is not None:  # "the year-ago quarter": the one reported
            return _year_shift((ctx.ref_quarter, "quarter"), -1)
        if ctx.ref_from_text and ctx.ref_period[1] in _COMPARED:
            return _year_shift(ctx.ref_period, -1)
        base = ctx.ref_period[0] if ctx.ref_from_text else dct
        if ctx.ref_from_text and ctx.ref_period[1] == "year" and base.year < dct.year:
            # "... in the 1988 period. The year-ago results": the text already talks about the
            # year before the dct; TimeBank gives that year (2 of 2 cases), not the one before it
            return _year_shift((base, "year"), 0)
        return _year_shift((date(base.year, 1, 1), "year"), -1)

    if kind == "duration":
        unit = lex.units[low["unit"]]
        n = _number(g, gd["qty"]) if gd["qty"] else None
        if gd["qty"] and n is None:
            raise _Reject("number")
        plain = not (gd["the"] or gd["approx"] or gd["more"] or gd["frac"] or gd["frac2"] or gd["few"])
        if plain and low["qty"] in lex.a_words and _after_quantity(ctx, h):
            # "$5 million a year", "50,000 CDs a year", "24 hours a day": a rate, a SET (TimeML)
            return _Norm("SET", _duration(unit, 1), "set")
        if plain and unit == "D" and n == 1 and _prev_word(ctx.text, h.start)[0] in lex.someday_cues:
            # "Islam will one day be ...", "hopes he one day follows ...": some day to come
            return _Norm("DATE", "FUTURE_REF", "reference")
        if gd["few"] and _squash(low["few"]) in lex.counted_quantities:
            n = lex.counted_quantities[_squash(low["few"])]  # "a couple of years" -> P2Y
        for frac in (low["frac"], low["frac2"]):
            if frac and n is not None:
                n += lex.fractions[_squash(frac)]
        return _Norm("DURATION", _duration(unit, n), "duration")

    if kind == "bareunit":
        return _Norm("DURATION", _duration(lex.units[low["unit"]], None), "duration")

    if kind == "recent":  # "recent years", "the coming months": PXY, PXM
        return _Norm("DURATION", _duration(lex.units[low["unit"]], None), "duration")

    if kind in ("time", "clock", "noon"):
        if kind == "noon":
            hhmm = lex.noon_words[low["noon"]]
        else:
            hh, mm = int(gd["H"]), int(gd["M"] or 0)
            if kind == "time":
                half = lex.clock_parts_of_day[_squash(low["podph"])] if gd["podph"] else None
                if gd["podph"] and not 1 <= hh <= 12:
                    raise _Reject("hour")
                is_pm = low["ampm"] in lex.pm_words if gd["ampm"] else half == "pm"
                hh = (hh % 12) + (12 if is_pm else 0)
            hhmm = f"{hh:02d}:{mm:02d}"
        day = _time_day(ctx, h, low)
        if day is not None:  # "9 a.m. Tuesday": the time of that day, the new reference day
            return _Norm("TIME", f"{day.isoformat()}T{hhmm}", "time", day=day, period=(day, "day"))
        # a clock time without its day is at the day the narrative is at: the one named in its
        # sentence or the one before ("will travel Thursday. He will leave at 4 in the morning")
        base = ctx.ref_day if ctx.ref_day is not None and _near_ref(ctx, h, back=1) else dct
        prefix = base.isoformat() if base else "XXXX-XX-XX"
        return _Norm("TIME", f"{prefix}T{hhmm}", "time")

    if kind == "podmod":  # "mid afternoon", "late morning", "mid-afternoon yesterday"
        if gd["deic"]:
            base = dct + timedelta(days=lex.deictic_days[low["deic"]]) if dct else None
        elif gd["wd"]:
            base = _weekday_date(dct, lex.weekdays[low["wd"]], _tense(ctx, h.start, h.end)) if dct else None
        else:
            base = ctx.ref_day if ctx.ref_day is not None and _near_ref(ctx, h, back=1) else dct
        if base is None:
            return _Norm("TIME", None, "time")
        return _with_pod(_period_norm(base, "day"), gd["pod"], g)

    if kind == "ref":
        w = low["w"]
        value = "PRESENT_REF" if w in lex.present_ref else "PAST_REF" if w in lex.past_ref else "FUTURE_REF"
        return _Norm("DATE", value, "reference")

    if kind == "refnoun":
        value = "PAST_REF" if low["n"] in lex.past_nouns else "FUTURE_REF"
        return _Norm("DATE", value, "reference")

    if kind == "every":
        what = low["what"]
        if what in lex.weekdays:
            return _Norm("SET", f"XXXX-WXX-{lex.weekdays[what]}", "set")
        if what in lex.parts_of_day:
            return _Norm("SET", f"XXXX-XX-XXT{lex.parts_of_day[what]}", "set")
        if what in lex.seasons:
            return _Norm("SET", f"XXXX-{lex.seasons[what]}", "set")
        if what in lex.months:  # "each July": every July
            return _Norm("SET", f"XXXX-{lex.months[what]:02d}", "set")
        n = 2 if gd["other"] else (_number(g, gd["qty"]) if gd["qty"] else 1)
        if n is None:
            raise _Reject("number")
        return _Norm("SET", _duration(lex.units[what], n), "set")

    if kind == "setadv":
        return _Norm("SET", lex.set_adverbs[low["adv"]], "set")

    if kind == "times":
        return _Norm("SET", _duration(lex.units[low["unit"]], 1), "set")

    raise _Reject(kind)


_LAST_TOKEN = re.compile(r"(\S+)\s+$")


def _after_quantity(ctx: _Context, h: _Hit) -> bool:
    """True when "a year" at h counts per unit the quantity just before it: an amount ("$5
    million", "358,000", "5%") or a plural noun ("flights", "hours"); not "was a year", not "a
    week after the vote"."""
    lex = ctx.g.lex
    if h.groups["qty"] is None or h.groups["qty"].lower() == "one":
        return False  # "one year" is a span: "$5 one year, $7 the next"
    if _next_word(ctx.text, h.end).lower() in lex.rate_blockers:
        return False
    m = _LAST_TOKEN.search(ctx.text, max(0, h.start - 40), h.start)
    if m is None:
        return False
    token = m.group(1).lower().strip("\"'“”‘’()[],;:")
    if not token or token[-1:] in ".!?":
        return False
    if any(ch.isdigit() for ch in token) or token.endswith("%") or token in lex.count_words:
        return True
    return token.isalpha() and len(token) > 2 and token.endswith("s") and token not in lex.not_plural


def _squash(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower())


def _decade_from_digit(digit: int, dct: date | None) -> _Norm:
    """The decade of "the '90s", "the nineties": in the dct's century unless that decade is
    still more than five years ahead of the dct, then in the century before."""
    century = 19
    if dct is not None:
        century = dct.year // 100 if (dct.year // 100) * 100 + digit * 10 <= dct.year + 5 else dct.year // 100 - 1
    return _period_norm(date(century * 100 + digit * 10 or 1, 1, 1), "decade")


def _time_day(ctx: _Context, h: _Hit, low: Mapping[str, str | None]) -> date | None:
    """The day written after a clock time ("5 p.m. EST Nov. 9", "noon Thursday"), if any."""
    lex, dct = ctx.g.lex, ctx.dct
    if dct is None:
        return None
    if not (low["twd"] or low["tdeic"] or low["tmon"]):
        # "at 10:35 a.m. (0735 GMT) Friday": the day after a conversion in brackets is the time's
        # (TimeBank/AQUAINT annotate the day as a DATE of its own)
        aside = ctx.g.aside_day.match(ctx.text, h.end)
        if aside is None:
            return None
        low = _Groups({k: v.lower() for k, v in aside.groupdict().items() if v is not None})
    if low["twd"]:
        return _weekday_date(dct, lex.weekdays[low["twd"]], _tense(ctx, h.start, h.end))
    if low["tdeic"]:
        return dct + timedelta(days=lex.deictic_days[low["tdeic"]])
    m, d = _month_of(ctx.g, low["tmon"]), int(low["tday"])
    _safe_date(2000, m, d)
    return _safe_date(_pick_year(ctx, m, d, h.start, h.end), m, d)


_HOLIDAY_DAYS = 7  # a holiday this close to the dct, before or after it, is the one meant


def _holiday_day(ctx: _Context, h: _Hit, low: Mapping[str, str | None], rule: str) -> date:
    """The day of the holiday named at h: "next Easter", "last Christmas", "this Thanksgiving";
    alone, the one within a week of the dct, else the one the tense of the clause points to."""
    lex, dct = ctx.g.lex, ctx.dct
    r = low["rel"]
    if r in lex.last_words or r in lex.next_words:
        for y in (dct.year - 1, dct.year, dct.year + 1) if r in lex.next_words else (dct.year + 1, dct.year, dct.year - 1):
            day = _holiday(rule, y)
            if (day > dct) if r in lex.next_words else (day < dct):
                return day
    if r in lex.this_words:
        return _holiday(rule, dct.year)
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if abs((_holiday(rule, y) - dct).days) <= _HOLIDAY_DAYS:
            # the holiday at hand, whatever the tense: "as Easter week began" six days before it
            return _holiday(rule, y)
    near = _holiday(rule, dct.year)
    return _holiday(rule, _pick_year(ctx, near.month, near.day, h.start, h.end))


def _holiday(rule: str, year: int) -> date:
    """The day of a holiday rule of the lexicon in a year."""
    if rule.startswith("easter"):
        a, b, c = year % 19, year // 100, year % 100  # the anonymous Gregorian computus
        d, e = divmod(b, 4)
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = divmod(c, 4)
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l_) // 451
        month, day = divmod(h + l_ - 7 * m + 114, 31)
        return date(year, month, day + 1) + timedelta(days=int(rule[6:]))
    if "/" not in rule:
        return date(year, int(rule[:2]), int(rule[3:5]))
    body, _, plus = rule.partition("+")
    month, nth, weekday = (int(x) for x in body.split("/"))
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = _add_months(date(year, month, 1), 1) - timedelta(days=1)
        day = last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return day + timedelta(days=int(plus or 0))


_COMPARED = frozenset({"month", "quarter", "half", "season"})  # periods compared "a year ago"


def _year_shift(period: tuple[date, str], years: int) -> _Norm:
    """The period of the same precision `years` years from the given one; the text goes on
    talking about the period it compares with, so the result is not a new reference period."""
    norm = _year_shift_period(period, years)
    return _Norm(norm.type, norm.value, norm.precision)


def _year_shift_period(period: tuple[date, str], years: int) -> _Norm:
    start, precision = period
    moved = date(start.year + years, start.month, 1)
    if precision == "half":
        n = 1 if moved.month <= 6 else 2
        return _Norm("DATE", f"{moved.year:04d}-H{n}", "half", period=(moved, "half"))
    if precision == "season":
        code = _SEASON_ORDER[(_season_index(moved) % 4)]
        return _season_norm(moved.year if moved.month > 2 else moved.year - 1, code)
    return _period_norm(moved, precision)


def _the_period(ctx: _Context, h: _Hit, low: Mapping[str, str | None]) -> _Norm:
    """"the quarter", "the year", "the fiscal year", "the latest period", "the weekend": the period
    of that unit the text is talking about (the last one mentioned), else the dct's; "the quarter
    ended Sept. 30" the quarter ending that day; "last year's quarter", "the quarter a year ago"
    the quarter talked about, a year before (a comparison: not a new period to talk about)."""
    lex = ctx.g.lex
    norm = _the_period_named(ctx, h, low)
    years = 0
    if low["tyr"]:
        years = -1 if low["tyr"] in lex.last_words else 1 if low["tyr"] in lex.next_words else 0
    if low["pdir"]:
        years = 1 if low["pdir"] in lex.later_words else -1
    if years and norm.period is not None and norm.period[1] in _COMPARED | {"year"}:
        return _year_shift(norm.period, years)
    return norm


def _the_period_named(ctx: _Context, h: _Hit, low: Mapping[str, str | None]) -> _Norm:
    lex, dct = ctx.g.lex, ctx.dct
    unit = lex.anaphoric_nouns[low["pn"]]
    roles = {lex.anaphoric_modifiers.get(w, "") for w in (low["amod"] or "").split()}
    if unit == "P" and not roles & {"latest", "this"}:
        raise _Reject("the period")
    if low["ended"] and unit == "Y":
        # "the year ended March 31" is a DURATION (7 of 8 cases in TimeBank); "the quarter ended
        # Sept. 30" is the DATE of that quarter (4 of 5 cases), normalized as "the quarter" is
        return _Norm("DURATION", "P1Y", "duration")
    if dct is None:
        return _Norm("DATE", None, _UNIT_PRECISION.get(unit, "quarter"))
    text_ref = ctx.ref_period[0] if ctx.ref_from_text and "this" not in roles else None
    if unit in ("Q", "P"):
        if "this" in roles:
            return _period_norm(dct, "quarter")
        if ctx.ref_quarter is not None:
            # the quarter reported on, also "the quarter ended Sept. 29" after "its fiscal first
            # quarter": a fiscal quarter keeps its name (TimeBank: 1989-Q1)
            return _period_norm(ctx.ref_quarter, "quarter")
        if low["emon"]:  # the three months ending that day, named by the calendar quarter of most of them
            m, d = _month_of(ctx.g, low["emon"]), int(low["eday"])
            _safe_date(2000, m, d)
            y = _pick_year(ctx, m, d, h.start, h.end)
            return _period_norm(_add_months(date(y, m, 1), -1), "quarter")
        return _period_norm(_add_months(dct.replace(day=1), -3), "quarter")  # the last reported quarter
    if unit == "Y":
        if text_ref is not None and text_ref.year > dct.year:
            # a year ahead is a target ("by 1992 it intended to ..."), not the year reported on:
            # "forecast an increase for the full year" is the dct's
            text_ref = None
        return _period_norm(text_ref or dct, "year")
    if unit == "M":  # "by the end of the month"
        if text_ref is not None and not _coarser(ctx.ref_period[1], "month"):
            return _period_norm(text_ref, "month")
        return _period_norm(dct, "month")
    if unit == "W":
        if text_ref is not None and not _coarser(ctx.ref_period[1], "week"):
            return _period_norm(text_ref, "week")
        return _period_norm(dct, "week")
    # "the weekend": the last one, or the next one in a clause about the future
    if _tense(ctx, h.start, h.end) == "future":
        day = dct + timedelta(days=(5 - dct.weekday()) % 7)
    else:
        day = dct - timedelta(days=(dct.weekday() - 5) % 7)
    return _weekend(_period_norm(day, "week"))


def _same_period(ctx: _Context, low: Mapping[str, str | None]) -> _Norm:
    """"the same period last year", "the same quarter a year ago", "this time last year": the
    period the text is talking about (or the dct's), a year before or after."""
    lex, dct = ctx.g.lex, ctx.dct
    if dct is None:
        return _Norm("DATE", None, "year")
    sign = 1 if low["srel"] in lex.next_words or low["sdir"] in lex.later_words else -1
    unit = lex.same_period_nouns.get(low["sp"] or "", "T")
    if unit == "T" or unit == "D":
        base = ctx.ref_day if unit == "D" and ctx.ref_day_at is not None else dct
        return _period_norm(_safe_date(base.year + sign, base.month, min(base.day, 28 if base.month == 2 else 31)), "day")
    if unit == "Q":
        quarter = ctx.ref_quarter or _add_months(dct.replace(day=1), -3)  # else the last reported one
        return _year_shift((quarter, "quarter"), sign)
    if unit == "P" and ctx.ref_quarter is not None:  # "the corresponding period last year": the quarter reported
        return _year_shift((ctx.ref_quarter, "quarter"), sign)
    if unit == "P" and ctx.ref_from_text and ctx.ref_period[1] in _COMPARED | {"year"}:
        return _year_shift(ctx.ref_period, sign)
    if unit == "M":
        base = ctx.ref_period[0] if ctx.ref_from_text and ctx.ref_period[1] == "month" else dct
        return _year_shift((base, "month"), sign)
    if unit == "W":
        return _Norm("DATE", _week_value(dct + timedelta(weeks=52 * sign)), "week")
    return _year_shift((date(dct.year, 1, 1), "year"), sign)  # no period to compare: the year


def _from_day(ctx: _Context, h: _Hit, low: Mapping[str, str | None]) -> _Norm:
    """"a week from Friday", "two days from today": that day, counted on from the day named;
    "a year from now": the period of the unit, counted on from the dct."""
    g, lex, dct = ctx.g, ctx.g.lex, ctx.dct
    unit = lex.units[low["unit"]]
    n = _number(g, low["qty"])
    if n is None or n != int(n) or unit not in ("D", "W", "M", "Y"):
        raise _Reject("from")
    n = int(n)
    if dct is None:
        return _Norm("DATE", None, "day" if not low["fnow"] else _UNIT_PRECISION[unit])
    if low["fnow"]:
        return _period_norm(dct + timedelta(weeks=n) if unit == "W" else _shift(dct, unit, n), _UNIT_PRECISION[unit])
    if low["fwd"]:
        base = _weekday_date(dct, lex.weekdays[low["fwd"]], "future")
    else:
        base = dct + timedelta(days=lex.deictic_days[low["fdeic"]])
    if unit in ("D", "W"):
        day = base + timedelta(days=n * (7 if unit == "W" else 1))
    else:
        first = _add_months(base.replace(day=1), n * (12 if unit == "Y" else 1))
        day = first.replace(day=min(base.day, (_add_months(first, 1) - timedelta(days=1)).day))
    return _period_norm(day, "day")


def _near_ref(ctx: _Context, h: _Hit, back: int = 0) -> bool:
    """True when the last day mentioned is in the same sentence as h ("June 15 at 3 p.m."), or
    at most `back` sentences before it."""
    if ctx.ref_day_at is None:
        return False
    sentences_between = bisect.bisect_right(ctx.sentence_ends, h.start) - bisect.bisect_right(ctx.sentence_ends, ctx.ref_day_at)
    return sentences_between <= back


def _relative(ctx: _Context, h: _Hit, low: Mapping[str, str | None]) -> _Norm:
    """this/last/next/past/coming/previous/following/same/that + unit, weekday or month."""
    g, lex, dct = ctx.g, ctx.g.lex, ctx.dct
    r, what, the = low["rel"], low["what"], low["the"]
    unit = lex.units.get(what or "")
    # "the past year", "the last decade" name the period before the dct's, as "last year" does:
    # TimeBank/AQUAINT annotate "the last/past/next <unit>" as that DATE 5 times (1997, 1988, 198,
    # 2000-W15, 1990) and as a DURATION once ("past decade" P10Y).
    anaphoric = (the is not None and r in (lex.following_words | lex.preceding_words | lex.same_words)) or (
        r in lex.same_words
    )
    if anaphoric:
        step = 0 if r in lex.same_words else 1 if r in lex.following_words else -1
        if what in lex.parts_of_day:
            base = ctx.ref_day
            if base is None:
                return _Norm("TIME", None, "time")
            day = base + timedelta(days=step)
            return _with_pod(_period_norm(day, "day"), what, g)
        if unit is None and step and ctx.ref_day is not None and what in lex.weekdays:
            # "the previous Friday", "the following Monday": the nearest one before or after the
            # day the text is at
            return _period_norm(_weekday_date(ctx.ref_day, lex.weekdays[what], "last" if step < 0 else "next"), "day")
        if unit is None and step and ctx.ref_period is not None and what in lex.months:
            # "the following June": the first June after the period the text is at
            base, m = ctx.ref_period[0], lex.months[what]
            y = base.year + (1 if step > 0 and m <= base.month else -1 if step < 0 and m >= base.month else 0)
            return _period_norm(date(y, m, 1), "month")
        if unit is None:  # "that Friday"
            return _Norm("DATE", None, "day" if what in lex.weekdays else "month")
        precision = _UNIT_PRECISION[unit]
        if unit == "D" and step == 0 and ctx.ref_day_at is None and ctx.dct is not None:
            # "that day" before the text has named any day is generic ("losses on trades made
            # that day"), not the dct: TimeBank annotates neither of its 2 such cases
            raise _Reject("that day")
        if unit == "D" or ctx.ref_period is None or _coarser(ctx.ref_period[1], precision):
            base = ctx.ref_day if unit in ("D", "W", "WE") or ctx.ref_period is None else ctx.ref_period[0]
            if ctx.ref_period is not None and _coarser(ctx.ref_period[1], precision) and unit != "D":
                base = None if ctx.ref_period[1] != "day" else ctx.ref_day
        else:
            base = ctx.ref_period[0]
        if base is None:
            return _Norm("DATE", None, precision)
        norm = _period_norm(_shift(base, unit, step), precision)
        return _weekend(norm) if unit == "WE" else norm

    if dct is None:
        if what in lex.parts_of_day:
            return _Norm("TIME", None, "time")
        if what in lex.weekdays:
            return _Norm("DATE", None, "day")
        if what in lex.months:
            return _Norm("DATE", None, "month")
        return _Norm("DATE", None, _UNIT_PRECISION.get(unit or "", "day"))
    step = -1 if r in lex.last_words or r in lex.preceding_words else 1 if r in lex.next_words | lex.following_words else 0
    if what in lex.parts_of_day:
        # "this morning", "last night"
        if step > 0 and what != "night":
            raise _Reject("next morning")
        day = dct + timedelta(days=min(step, 0))
        return _with_pod(_period_norm(day, "day"), what, g)
    if what in lex.weekdays:
        wd = lex.weekdays[what]
        direction = "last" if step < 0 else "next" if step > 0 else _tense(ctx, h.start, h.end)
        return _period_norm(_weekday_date(dct, wd, direction), "day")
    if what in lex.months:
        m = lex.months[what]
        if step < 0:
            y = dct.year if m < dct.month else dct.year - 1
        elif step > 0:
            y = dct.year if m > dct.month else dct.year + 1
        else:
            y = dct.year
        return _period_norm(date(y, m, 1), "month")
    if unit is None:
        raise _Reject(what)
    if unit == "D":
        return _period_norm(dct + timedelta(days=step), "day")
    norm = _period_norm(_shift(dct, unit, step), _UNIT_PRECISION[unit])
    return _weekend(norm) if unit == "WE" else norm


_PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "season": 4, "quarter": 5, "half": 6,
                   "year": 7, "decade": 8, "century": 9}  # fmt: skip


def _coarser(a: str, b: str) -> bool:
    return _PRECISION_RANK.get(a, 99) > _PRECISION_RANK.get(b, 99)


def _weekend(norm: _Norm) -> _Norm:
    return _Norm(norm.type, f"{norm.value}-WE", "week", period=norm.period)


# ---------------------------------------------------------------------------------------------
# Public API.


def tag_timexes(text: str, dct: date | None, *, language: str = "en") -> list[Timex]:
    """All temporal expressions in text, sorted by start, non-overlapping.

    dct is the document creation date: relative expressions are normalized against it (and
    get value None without it). Raises ValueError for a language without a lexicon.

    >>> [(t.text, t.value) for t in tag_timexes("They met on June 15.", date(2021, 10, 14))]
    [('June 15', '2021-06-15')]
    """
    grammar = _GRAMMARS.get(language)
    if grammar is None:
        raise ValueError(f"no temporal lexicon for language {language!r}; have {sorted(_GRAMMARS)}")
    if isinstance(dct, datetime):
        dct = dct.date()
    written, text = text, _truecased(grammar, text)
    hits = _resolve_overlaps(_candidates(grammar, text))
    if not hits:
        return []
    ends = _sentence_ends(grammar, text)
    ref_day, ref_day_at = dct, None
    ref_period = (dct, "day") if dct is not None else None
    ref_from_text, ref_quarter = False, None
    out: list[Timex] = []
    for h in hits:
        last_duration = out[-1].value if out and out[-1].type == "DURATION" else None
        ctx = _Context(grammar, text, dct, ends, ref_day, ref_day_at, ref_period, ref_from_text, ref_quarter, last_duration)
        try:
            norm = _normalize(ctx, h)
        except _Reject:
            continue
        except (ValueError, OverflowError):
            continue
        out.append(Timex(h.start, h.end, written[h.start : h.end], norm.type, norm.value, norm.precision))
        if norm.day is not None:
            ref_day, ref_day_at = norm.day, h.start
        if norm.period is not None and norm.value is not None:
            ref_period, ref_from_text = norm.period, True
            if norm.period[1] == "quarter" and (
                dct is None or _add_months(norm.period[0], 3) <= dct or _tense(ctx, h.start, h.end) != "future"
            ):
                # a quarter reported on; one not over by the dct in a clause about the future is a
                # forecast ("expects a loss in the fourth quarter", "the third quarter of 1990"),
                # and "the year-ago period" still compares with the one reported
                ref_quarter = norm.period[0]
    return out


_LOWER_CASED = 0.008  # at most this share of capitals among characters: lower-cased ("police fired on friday")
_NO_CAPITALS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _truecased(grammar: _Grammar, text: str) -> str:
    """A lower-cased text with its month and weekday names capitalised, so that the grammar, which
    keeps "may" the verb and "march" the noun apart by their capitals, reads "june 15", "march
    2002" and "on friday". Same length, so offsets hold; other texts are returned as they are."""
    sample = text[:3000]
    capitals = len(sample) - len(sample.translate(_NO_CAPITALS))
    if capitals > _LOWER_CASED * len(sample):
        return text
    return grammar.lower_names.sub(lambda m: m.group(0).capitalize(), text)


_VALUE_PATTERNS = (
    (re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T.*)?"), "day"),
    (re.compile(r"([0-9]{4})-([0-9]{2})"), "month"),
    (re.compile(r"([0-9]{4})-W([0-9]{2})(-WE)?"), "week"),
    (re.compile(r"([0-9]{4})-Q([1-4])"), "quarter"),
    (re.compile(r"([0-9]{4})-H([12])"), "half"),
    (re.compile(r"([0-9]{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"([0-9]{4})"), "year"),
    (re.compile(r"([0-9]{3})"), "decade"),
    (re.compile(r"([0-9]{2})"), "century"),
)


def value_start(value: str) -> date | None:
    """First calendar day of the period a TIMEX3 value names: '2021-06-15'->2021-06-15,
    '2021-06'->2021-06-01, '1992'->1992-01-01, '2021-W41'->Monday of ISO week 41, '2021-Q3'->2021-07-01,
    '2021-SU'->2021-06-01, '199'->1990-01-01, '2021-06-15T14:30'->2021-06-15; None for durations, sets,
    PRESENT_REF/PAST_REF/FUTURE_REF and values with X."""
    if not isinstance(value, str):
        return None
    for rx, kind in _VALUE_PATTERNS:
        m = rx.fullmatch(value)
        if m is None:
            continue
        try:
            y = int(m.group(1))
            if kind == "day":
                return date(y, int(m.group(2)), int(m.group(3)))
            if kind == "month":
                return date(y, int(m.group(2)), 1)
            if kind == "week":
                return date.fromisocalendar(y, int(m.group(2)), 6 if m.group(3) else 1)
            if kind == "quarter":
                return date(y, 3 * int(m.group(2)) - 2, 1)
            if kind == "half":
                return date(y, 6 * int(m.group(2)) - 5, 1)
            if kind == "season":
                return date(y, _SEASON_MONTH[m.group(2)], 1)
            if kind == "year":
                return date(y, 1, 1)
            if kind == "decade":
                return date(y * 10, 1, 1)
            return date(y * 100, 1, 1)
        except ValueError:
            return None
    return None
