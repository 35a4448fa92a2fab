"""Publication dates of HTML pages against gold dates (the htmldate evaluation set's format).

    scores, errors = evaluate_pubdates(Path("../shared/corpora/html-pubdates"))
    print(format_pubdates_report(scores, errors, 10))

DIR holds `gold.json` ({url: {"file": NAME, "date": "YYYY-MM-DD"}}) and the pages in `DIR/html/`.
Each page is dated from its bytes alone, as `eventpipe run page.html` dates it: the gold URL is
not given to the extractor.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from flows.evaluate_events import EvaluationError


@dataclass(frozen=True, slots=True)
class PubdateScores:
    pages: int
    exact: int  # the extracted date is the gold date
    missing: int  # no date extracted

    @property
    def accuracy(self) -> float:
        return self.exact / self.pages if self.pages else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "accuracy": round(self.accuracy, 4)}


@dataclass(frozen=True, slots=True)
class PubdateError:
    file: str
    url: str
    gold: str
    found: str | None


def evaluate_pubdates(path: Path, today: date | None = None) -> tuple[PubdateScores, list[PubdateError]]:
    """Exact-day accuracy of `transforms.html.page_date` on the pages of a gold file."""
    from transforms.html import page_date

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
    exact, missing, errors = 0, 0, []
    for url, entry in gold.items():
        try:
            page = gold_file.parent / "html" / entry["file"]
            expected = str(entry["date"])
            data = page.read_bytes()
        except (KeyError, TypeError) as error:
            raise EvaluationError(f"{gold_file}: entry {url!r} lacks {error}") from None
        except OSError as error:
            raise EvaluationError(f"cannot read {error.filename}: {error.strerror}") from None
        found = page_date(data, None, today)
        if found is None:
            missing += 1
        if found is not None and found.isoformat() == expected:
            exact += 1
        else:
            errors.append(PubdateError(entry["file"], url, expected, found.isoformat() if found else None))
    return PubdateScores(pages=len(gold), exact=exact, missing=missing), errors


def format_pubdates_report(scores: PubdateScores, errors: list[PubdateError], max_errors: int = 0) -> str:
    lines = [f"HTML pages: {scores.pages}",
             f"  exact-day accuracy {scores.accuracy:.3f} ({scores.exact} of {scores.pages}; {scores.missing} without a date)"]
    if max_errors and errors:
        lines.append(f"errors (first {min(max_errors, len(errors))} of {len(errors)}):")
        for error in errors[:max_errors]:
            lines.append(f"  {error.file}  gold {error.gold}  found {error.found or 'none'}  {error.url[:100]}")
    return "\n".join(lines)
