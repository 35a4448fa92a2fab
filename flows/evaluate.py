"""Corpus evaluations: the IO edge that reads annotated files and hands them to pure scorers.

    scores, errors = evaluate_timex_dir(Path("../shared/corpora/timeml-tbaq"))
    print(format_report(scores, errors, 20))
"""

from __future__ import annotations

from pathlib import Path

from eventpipe.transforms.timeml import TimexError, TimexScores, format_report, parse_timeml, score_timexes
from eventpipe.transforms.timexes import tag_timexes

__all__ = ["evaluate_timex_dir", "format_report", "read_timeml_dir"]


def read_timeml_dir(path: Path) -> list[tuple[str, object]]:
    """(name relative to path, TimemlDocument) for every .tml file under path, sorted by name.

    Raises ValueError naming the file when one is not TimeML, FileNotFoundError when path is absent.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    docs = []
    for file in files:
        try:
            doc = parse_timeml(file.read_text(encoding="utf-8", errors="replace"))
        except ValueError as error:
            raise ValueError(f"{file}: {error}") from None
        name = file.name if file == path else str(file.relative_to(path))
        docs.append((name, doc))
    return docs


def evaluate_timex_dir(path: Path, language: str = "en") -> tuple[TimexScores, list[TimexError]]:
    """Tag every .tml document under path (recursively) against its creation date and score
    the result with the TempEval-3 measures; returns the scores and the errors, by document
    then offset (each error names its document)."""
    docs = read_timeml_dir(path)
    pairs = [(doc.gold, tag_timexes(doc.text, doc.dct, language=language)) for _, doc in docs]
    scores = score_timexes(pairs, [name for name, _ in docs])
    return scores, list(scores.errors)
