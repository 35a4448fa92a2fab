"""Closed sets of values used by the tables."""

PUBLISHED_SOURCES = ("metadata", "cli", "inferred")

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

# Granularity of a temporal value, from finest to coarsest; 'duration', 'set' and 'reference'
# are for values that are not a point or period on the calendar.
PRECISIONS = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "duration",
    "set",
    "reference",
)

# How an event got its date: a date in the text, the publication day, or none because the text puts
# the deed before publication without saying when ('had asked', 'previously'): 'earlier'.
DATE_SOURCES = ("text", "published", "earlier")

SEVERITIES = ("error", "warning")

# Whether the text says the event happened: 'signed' asserted, 'did not sign' negated,
# 'will meet' / 'plans to meet' intended, 'may attack' / 'could meet' hypothetical.
MODES = ("asserted", "negated", "intended", "hypothetical")

# What became of an input file: its articles loaded, or the whole file rejected.
FILE_STATUSES = ("loaded", "rejected")

# A run of the ingest flow: 'running' until it ends (a run killed on the way stays 'running').
RUN_STATUSES = ("running", "completed", "failed")

# What a code of country_codes stands for: most are countries (ISO 3166-1 alpha-3); organisations
# (IGO, NGO, MNC, ...), regions (EUR, AFR, ...) and groups have CAMEO codes of their own, and an actor
# the Phoenix dictionaries give only a sector (a news agency: MED) has that sector in its country column.
CODE_KINDS = ("country", "former country", "territory", "organisation", "region", "group", "sector")
