"""Publication dates of HTML pages against gold dates (the htmldate evaluation set's format), ours
beside htmldate's alone, on the same bytes in the same run.

    scores, errors = evaluate_pubdates(Path("../shared/corpora/html-pubdates"))
    print(format_pubdates_report(scores, errors, 10))

DIR holds `gold.json` ({url: {"file": NAME, "date": "YYYY-MM-DD"}}) and the pages in `DIR/html/`.
Each page is dated from its bytes alone, as `eventpipe run page.html` dates it: the gold URL is
not given to either extractor. Each page falls in the tuning or the check half by the sha256 of
its URL (`transforms.splits.half`): rules over htmldate are learnt from tuning-half failures only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventpipe.flows.evaluate_events import EvaluationError
from eventpipe.transforms.splits import HALVES

EXTRACTORS = ("ours", "htmldate")  # page_date, and htmldate.find_date alone
_LABELS = {"ours": "eventpipe", "htmldate": "htmldate alone"}


@dataclass(frozen=True, slots=True)
class PubdateCount:
    pages: int
    exact: int  # the extracted date is the gold date
    missing: int  # no date extracted

    @property
    def accuracy(self) -> float:
        return self.exact / self.pages if self.pages else 0.0

    def to_dict(self) -> dict:
        return {"pages": self.pages, "exact": self.exact, "missing": self.missing, "accuracy": round(self.accuracy, 4)}


@dataclass(frozen=True, slots=True)
class PubdateResult:
    file: str
    url: str
    half: str  # "tune" or "check"
    gold: str
    ours: str | None  # transforms.html.page_date
    htmldate: str | None  # htmldate.find_date(original_date=True, extensive_search=True) alone


@dataclass(frozen=True, slots=True)
class PubdateScores:
    results: tuple[PubdateResult, ...]

    def count(self, extractor: str = "ours", half: str | None = None) -> PubdateCount:
        """Exact days of one extractor over all pages, or over one half."""
        chosen = [r for r in self.results if half is None or r.half == half]
        found = [getattr(r, extractor) for r in chosen]
        return PubdateCount(pages=len(chosen), exact=sum(f == r.gold for f, r in zip(found, chosen)),
                            missing=sum(f is None for f in found))

    @property
    def pages(self) -> int:
        return len(self.results)

    @property
    def accuracy(self) -> float:
        return self.count("ours").accuracy

    def to_dict(self) -> dict:
        return {extractor: {"all": self.count(extractor).to_dict(),
                            **{half: self.count(extractor, half).to_dict() for half in HALVES}}
                for extractor in EXTRACTORS} | {
            "gain": round(self.count("ours").accuracy - self.count("htmldate").accuracy, 4)}


def evaluate_pubdates(path: Path, today: date | None = None) -> tuple[PubdateScores, list[PubdateResult]]:
    """Exact-day accuracy of `transforms.html.page_date` and of htmldate alone on the pages of a
    gold file; the errors are the pages either of them dates wrongly, ours first."""
    from eventpipe.transforms.html import htmldate_date, page_date
    from eventpipe.transforms.splits import half

    path = Path(path)
    gold_file = path / "gold.json" if path.is_dir() else path
    if not gold_file.is_file():
        raise FileNotFoundError(f"no gold.json in {path}")
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationError(f"cannot read {gold_file}: {error}") from None
    if not isinstance(gold, dict):
        raise EvaluationError(f"{gold_file}: expected an object keyed by URL")
    today = today or date.today()
    results = []
    for url, entry in gold.items():
        try:
            page = gold_file.parent / "html" / entry["file"]
            expected = str(entry["date"])
            data = page.read_bytes()
        except (KeyError, TypeError) as error:
            raise EvaluationError(f"{gold_file}: entry {url!r} lacks {error}") from None
        except OSError as error:
            raise EvaluationError(f"cannot read {error.filename}: {error.strerror}") from None
        ours, alone = page_date(data, None, today), htmldate_date(data, today)
        results.append(PubdateResult(entry["file"], url, half(url), expected, ours and ours.isoformat(),
                                     alone and alone.isoformat()))
    errors = [r for r in results if r.ours != r.gold] + [r for r in results if r.ours == r.gold != r.htmldate]
    return PubdateScores(tuple(results)), errors


def format_pubdates_report(scores: PubdateScores, errors: list[PubdateResult], max_errors: int = 0) -> str:
    sizes = ", ".join(f"{half} {scores.count('ours', half).pages}" for half in HALVES)
    lines = [f"HTML pages: {scores.pages} ({sizes}; halves by the sha256 of the URL)",
             f"exact-day accuracy  {'all':<16}" + "".join(f"{half:<16}" for half in HALVES) + "without a date"]
    for extractor in EXTRACTORS:
        cells = [scores.count(extractor, half) for half in (None, *HALVES)]
        lines.append(f"  {_LABELS[extractor]:<18}" + "".join(f"{f'{c.accuracy:.3f} ({c.exact})':<16}" for c in cells)
                     + str(cells[0].missing))
    gain = scores.count("ours").accuracy - scores.count("htmldate").accuracy
    lines.append(f"  eventpipe - htmldate: {gain:+.3f}")
    if max_errors and errors:
        lines.append(f"errors (first {min(max_errors, len(errors))} of {len(errors)}):")
        for error in errors[:max_errors]:
            lines.append(f"  {error.file}  {error.half}  gold {error.gold}  eventpipe {error.ours or 'none'}  "
                         f"htmldate {error.htmldate or 'none'}  {error.url[:100]}")
    return "\n".join(lines)
