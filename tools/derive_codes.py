"""Write the code tables of the warehouse, warehouse/codes/*.csv, from the coder's tables and the references.

Run by hand when transforms/tables or the reference files change:

    .venv/bin/python tools/derive_codes.py ../shared/reference

Sources (facts only; the names below are written in our own words):
- cameo_codes: transforms/tables/cameo.py (CAMEO names from GDELT's cameoCodes.json, Goldstein scores from
  GDELT's CAMEO.goldsteinscale.txt, PLOVER categories from CAMEO2PLOVER-2021.txt, PLOVER draft 0.8).
- quad_classes: GDELT 2.0 Event Codebook (reference/event-schemas.md, QuadClass).
- plover_categories: the PLOVER manual, draft 0.8 (reference/event-schemas.md, 5.1): categories and quads.
- sector_codes: the CAMEO manual's agent codes, as the Phoenix dictionaries use them (transforms/tables/countries.py SECTORS).
- country_codes: country names from Phoenix.Countries.actors.txt (Phoenix/PETRARCH dictionaries, Open Event Data
  Alliance, MIT License; a few corrected below), the non-country codes from the CAMEO manual's actor codes
  and the Phoenix International and MilNonState dictionaries (transforms/tables/countries.py ORGANIZATIONS, PEOPLE).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventpipe.transforms.tables.cameo import CODES  # noqa: E402
from eventpipe.transforms.tables.countries import COUNTRIES, ORGANIZATIONS, PEOPLE, SECTORS  # noqa: E402

OUT = REPO / "warehouse" / "codes"

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

PLOVER = {  # category: (PLOVER's quad, what its events are)
    "AGREE": (1, "a promise or stated willingness to cooperate, sign, meet or help"),
    "CONSULT": (1, "meetings, visits, talks and calls"),
    "SUPPORT": (1, "praise, endorsement, recognition, agreements signed: cooperation in words"),
    "CONCEDE": (1, "concessions announced but not yet carried out (easing, a ceasefire declared)"),
    "COOPERATE": (2, "material cooperation between the two: economic, military, judicial, intelligence"),
    "AID": (2, "material help to the target: money, arms, humanitarian aid, asylum"),
    "RETREAT": (2, "concessions carried out: releases, returns, withdrawals, disarming, resignations"),
    "REQUEST": (3, "requests, demands and orders short of threats"),
    "ACCUSE": (3, "criticism, accusations, lawsuits and investigations"),
    "REJECT": (3, "refusals and rejections"),
    "THREATEN": (3, "threats and warnings of harm"),
    "PROTEST": (4, "demonstrations, riots, strikes, boycotts"),
    "SANCTION": (4, "cuts in relations, aid or trade, expulsions, convictions"),
    "MOBILIZE": (4, "troops, police or weapons moved or readied, short of force"),
    "COERCE": (4, "repression short of violence: arrests, seizures, bans, curfews, deportations"),
    "ASSAULT": (4, "violence that can harm people or property: attacks, fighting, killings, abductions"),
}

SECTORS_NAMED = {
    "AGR": "agriculture", "BUD": "Buddhist", "BUS": "business", "CHR": "Christian", "COP": "police",
    "CRM": "criminals", "CVL": "civilians", "EDU": "education", "ELI": "elites", "ENV": "environmental groups",
    "GOV": "government", "HIN": "Hindu", "HLH": "health", "HRI": "human rights groups",
    "IMG": "international militarized group", "JEW": "Jewish", "JUD": "judiciary", "LAB": "labour",
    "LEG": "legislature", "MED": "media", "MIL": "military", "MUS": "Muslim", "NGO": "non-governmental organisation",
    "OPP": "political opposition", "PTY": "political party", "RAD": "radicals",
    "REB": "rebels", "REF": "refugees", "REL": "religious", "SPY": "intelligence services",
    "UAF": "unidentified armed forces",
}

# Codes in the country columns that are not countries: (name, kind).
NOT_COUNTRIES = {
    "IGO": ("intergovernmental organisation (the UN, NATO, the EU, the African Union, ...)", "organisation"),
    "NGO": ("non-governmental organisation", "organisation"),
    "MNC": ("multinational corporation", "organisation"),
    "IMG": ("international militarized group (armed group of no one country)", "organisation"),
    "INT": ("international: an actor of no one country", "group"),
    "UNO": ("United Nations", "organisation"),
    "NAT": ("NATO", "organisation"),
    "KKL": ("militant group of no known base (Phoenix MilNonState code)", "group"),
    "AFR": ("Africa", "region"), "ASA": ("Asia", "region"), "BLK": ("Balkans", "region"),
    "CAS": ("Central Asia", "region"), "CAU": ("Caucasus", "region"), "CEU": ("Central Europe", "region"),
    "CFR": ("Central Africa", "region"), "CRB": ("Caribbean", "region"), "EAF": ("East Africa", "region"),
    "EEU": ("Eastern Europe", "region"), "EIN": ("East Indies", "region"), "EUR": ("Europe", "region"),
    "LAM": ("Latin America", "region"), "MDT": ("Mediterranean", "region"), "MEA": ("Middle East", "region"),
    "NAF": ("North Africa", "region"), "NMR": ("North America", "region"), "PGS": ("Persian Gulf", "region"),
    "SAF": ("Southern Africa", "region"), "SAM": ("South America", "region"), "SAS": ("South Asia", "region"),
    "SCN": ("Scandinavia", "region"), "SEA": ("Southeast Asia", "region"), "WAF": ("West Africa", "region"),
    "WEU": ("Western Europe", "region"), "WST": ("the West", "region"),
    "USR": ("Soviet republic (before 1991)", "former country"),
    "KRJ": ("Republic of Serbian Krajina (1991-1995)", "former country"),
    "SRP": ("Republika Srpska", "territory"), "FRN": ("French overseas territory", "territory"),
    "PRI": ("Puerto Rico", "territory"), "GLP": ("Guadeloupe", "territory"),
    "BAH": ("Baha'i", "group"), "MOS": ("Muslim", "group"),
}
FORMER = {"CSK", "DDR", "SCG", "SUN"}
TERRITORIES = {"ABW", "AIA", "BMU", "CYM", "GGY", "HKG", "COK"}
# Names the Phoenix file gets wrong for our purpose (its first entry for the code is a city, a
# historical state or a misspelling), and East Timor, which it codes TMP.
NAMES_CORRECTED = {"DEU": "Germany", "RUS": "Russia", "MDG": "Madagascar", "TLS": "Timor-Leste",
                   "CIV": "Cote d'Ivoire", "KNT": "Kinakuta (a fictional country the Phoenix file lists)"}
SMALL = {"and", "of", "the", "da", "de"}

_CODE = re.compile(r"\[([A-Z]{3})(?:\s[^\]]*)?\]")


def country_names(countries_file: str) -> dict[str, str]:
    """Code -> the name of the first entry of Phoenix.Countries.actors.txt coded with it alone."""
    names: dict[str, str] = {}
    name = None
    for line in countries_file.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] not in "+\t ":
            name = re.split(r"[\[#]", line)[0].strip().rstrip("_").replace("_", " ")
        found = _CODE.search(line)
        if found and name:
            names.setdefault(found.group(1), name)
    return names


def _title(name: str) -> str:
    words = name.lower().split()
    return " ".join(w if i and w in SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def emitted_country_codes() -> set[str]:
    """Every code the coder can put in a country column: countries and the prefixes of organisation codes."""
    codes = set(COUNTRIES.values())
    for table in (ORGANIZATIONS, PEOPLE):
        for roles in table.values():
            codes.update(role.split()[0][:3] for role in roles.split(";"))
    return codes


def tables(reference: Path) -> dict[str, list[dict]]:
    """The rows of each code table."""
    names = country_names((reference / "phoenix-dictionaries" / "Phoenix.Countries.actors.txt").read_text(
        encoding="utf-8", errors="replace"))
    countries = []
    iso = set(COUNTRIES.values())
    for code in sorted(emitted_country_codes() | set(NOT_COUNTRIES)):
        if code in NOT_COUNTRIES:
            name, kind = NOT_COUNTRIES[code]
        elif code in SECTORS_NAMED and code not in iso:  # MUS is Mauritius before it is 'Muslim'
            name, kind = f"no country: {SECTORS_NAMED[code]} (a sector code)", "sector"
        else:
            name = NAMES_CORRECTED.get(code) or _title(names[code])
            kind = "former country" if code in FORMER else "territory" if code in TERRITORIES else "country"
        countries.append({"code": code, "name": name, "kind": kind})
    return {
        "cameo_codes": [{"code": code, "name": name, "root": code[:2], "goldstein": goldstein, "quad_class": quad,
                         "plover": plover} for code, (name, goldstein, plover, quad) in sorted(CODES.items())],
        "quad_classes": [{"quad_class": quad, "name": name} for quad, name in QUAD_CLASSES.items()],
        "plover_categories": [{"plover": plover, "quad_class": quad, "meaning": meaning}
                              for plover, (quad, meaning) in PLOVER.items()],
        "sector_codes": [{"code": code, "name": SECTORS_NAMED[code]} for code in sorted(SECTORS)],
        "country_codes": countries,
    }


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(reference: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in tables(reference).items():
        (OUT / f"{name}.csv").write_text(as_csv(rows), encoding="utf-8")
        print(f"wrote {len(rows)} rows to {OUT / name}.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else REPO.parent / "shared" / "reference"))
