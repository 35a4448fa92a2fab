"""Synthetic news articles with known events, from templates of our own (for bench/scale.py).

Each article is a dated wire story: a headline, then sentences that each report one deed between two
countries' officials (its CAMEO root known) or that report none (figures, quotes, background), with
the date expressions news uses ("on Tuesday", "on March 3", "last week", "in 2011"). Articles are
made one at a time from a seeded random generator, so a corpus of any size streams to disk and the
same seed gives the same corpus.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# (name, adjective, ISO-3, capital): countries as the dictionaries know them.
COUNTRIES = (
    ("France", "French", "FRA", "Paris"), ("Germany", "German", "DEU", "Berlin"),
    ("Italy", "Italian", "ITA", "Rome"), ("Spain", "Spanish", "ESP", "Madrid"),
    ("Poland", "Polish", "POL", "Warsaw"), ("Turkey", "Turkish", "TUR", "Ankara"),
    ("Greece", "Greek", "GRC", "Athens"), ("Egypt", "Egyptian", "EGY", "Cairo"),
    ("Kenya", "Kenyan", "KEN", "Nairobi"), ("Nigeria", "Nigerian", "NGA", "Abuja"),
    ("Brazil", "Brazilian", "BRA", "Brasilia"), ("Argentina", "Argentine", "ARG", "Buenos Aires"),
    ("Mexico", "Mexican", "MEX", "Mexico City"), ("Canada", "Canadian", "CAN", "Ottawa"),
    ("Japan", "Japanese", "JPN", "Tokyo"), ("India", "Indian", "IND", "New Delhi"),
    ("Pakistan", "Pakistani", "PAK", "Islamabad"), ("Indonesia", "Indonesian", "IDN", "Jakarta"),
    ("Vietnam", "Vietnamese", "VNM", "Hanoi"), ("Australia", "Australian", "AUS", "Canberra"),
    ("Sweden", "Swedish", "SWE", "Stockholm"), ("Norway", "Norwegian", "NOR", "Oslo"),
    ("Ukraine", "Ukrainian", "UKR", "Kyiv"), ("Georgia", "Georgian", "GEO", "Tbilisi"),
    ("Azerbaijan", "Azerbaijani", "AZE", "Baku"), ("Iran", "Iranian", "IRN", "Tehran"),
    ("Jordan", "Jordanian", "JOR", "Amman"), ("Morocco", "Moroccan", "MAR", "Rabat"),
    ("Ethiopia", "Ethiopian", "ETH", "Addis Ababa"), ("Chile", "Chilean", "CHL", "Santiago"),
)

# How a source actor is written: the country, its officials, or its government (sector GOV).
SOURCES = ("{name}", "the {adjective} government", "{adjective} officials", "the {adjective} foreign minister")
TARGETS = ("{name}", "the {adjective} government", "{adjective} officials")

# Deeds: (template, CAMEO root). {source} does it to {target}; {when} is a date expression or nothing.
DEEDS = (
    ("{source} signed a security agreement with {target} {when}.", "05"),
    ("{source} met {target} in {capital} {when} to discuss border security.", "04"),
    ("{source} accused {target} of violating the ceasefire {when}.", "11"),
    ("{source} criticised {target} {when} over its treatment of journalists.", "11"),
    ("{source} threatened {target} with new sanctions {when}.", "13"),
    ("{source} praised {target} {when} for its help after the floods.", "05"),
    ("{source} expelled two diplomats of {target} {when}.", "16"),
    ("{source} sent humanitarian aid to {target} {when}.", "07"),
    ("{source} imposed sanctions on {target} {when}.", "16"),
    ("{source} rejected a proposal from {target} {when}.", "12"),
    ("{source} apologised to {target} {when} for the border incident.", "05"),
    ("{source} hosted {target} {when} for talks on energy prices.", "04"),
)

# Sentences with no deed between states: prices, quotes, background.
FILLERS = (
    "Shares in {capital} rose {pct} percent {when} after the central bank held interest rates.",
    "The talks were the first of their kind since {year}.",
    "\"We expect the next round to be difficult,\" an aide said, asking not to be named.",
    "Trade between the two countries was worth about {money} billion dollars last year.",
    "Analysts said the outcome would depend on the weather and on fuel prices.",
    "The meeting lasted about {hours} hours and ended without a joint statement.",
    "Local newspapers carried the story on their front pages {when}.",
    "About {people} people attended a concert in the city centre on the same evening.",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True, slots=True)
class Expected:
    source_country: str
    target_country: str
    cameo_root: str


def when(rng: random.Random, published: date) -> str:
    """A date expression a story of `published` would use for something in the past."""
    kind = rng.randrange(6)
    if kind == 0:
        return f"on {WEEKDAYS[(published - timedelta(days=rng.randint(1, 6))).weekday()]}"
    if kind == 1:
        day = published - timedelta(days=rng.randint(1, 60))
        return f"on {MONTHS[day.month - 1]} {day.day}"
    if kind == 2:
        return rng.choice(("last week", "last month", "earlier this week", "yesterday"))
    if kind == 3:
        return f"in {published.year - rng.randint(1, 20)}"
    if kind == 4:
        return f"{rng.choice(('two', 'three', 'four', 'five'))} days ago"
    return ""


def article(number: int, rng: random.Random, start: date, days: int) -> tuple[dict, list[Expected]]:
    """Article `number`: a JSON-lines record and the events it reports."""
    published = start + timedelta(days=rng.randrange(days))
    first, second = rng.sample(COUNTRIES, 2)
    sentences, expected = [], []
    for _ in range(rng.randint(2, 4)):
        source, target = (first, second) if rng.random() < 0.6 else (second, first)
        template, root = rng.choice(DEEDS)
        sentence = template.format(
            source=rng.choice(SOURCES).format(name=source[0], adjective=source[1]),
            target=rng.choice(TARGETS).format(name=target[0], adjective=target[1]),
            capital=rng.choice((source, target))[3], when=when(rng, published),
        )
        sentence = " ".join(sentence.split()).replace(" .", ".")
        sentences.append(sentence[0].upper() + sentence[1:])
        expected.append(Expected(source[2], target[2], root))
    for _ in range(rng.randint(5, 10)):
        filler = rng.choice(FILLERS).format(
            capital=rng.choice((first, second))[3], pct=f"{rng.randint(0, 4)}.{rng.randint(0, 9)}",
            year=rng.randint(1990, published.year - 1), money=rng.randint(2, 90), hours=rng.randint(2, 9),
            people=rng.randint(2, 40) * 1000, when=when(rng, published),
        )
        sentences.insert(rng.randint(1, len(sentences)), " ".join(filler.split()).replace(" .", "."))
    title = f"{first[0]} and {second[0]}: {rng.choice(('talks', 'tensions', 'trade', 'a week of diplomacy'))}"
    text = f"{title}\n\n" + "\n\n".join(" ".join(sentences[n : n + 2]) for n in range(0, len(sentences), 2))
    text += f"\n\n(Story {number}, filed from {rng.choice((first, second))[3]}.)"
    record = {"id": f"synthetic-{number}", "title": title, "text": text, "published": published.isoformat()}
    return record, expected


def articles(count: int, seed: int = 7, start: date = date(2015, 1, 1), days: int = 3650) -> Iterator[tuple[dict, list[Expected]]]:
    rng = random.Random(seed)
    for number in range(count):
        yield article(number, rng, start, days)


def write_corpus(folder: Path, count: int, per_file: int = 1000, seed: int = 7) -> tuple[list[Path], int]:
    """`count` articles as JSON-lines files of `per_file`, written one article at a time; the files
    and the number of events the articles report."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, events, out = [], 0, None
    for number, (record, expected) in enumerate(articles(count, seed)):
        if number % per_file == 0:
            if out:
                out.close()
            paths.append(folder / f"synthetic-{number // per_file:05d}.jsonl")
            out = paths[-1].open("w", encoding="utf-8")
        out.write(json.dumps(record) + "\n")
        events += len(expected)
    if out:
        out.close()
    return paths, events
