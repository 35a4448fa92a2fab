"""Every real news article of ../shared/corpora as JSON-lines records, for benchmarks and tests.

IndiaPoliceEvents (metadata.jsonl), the Guardian sample (articles.csv) and TimeBank/AQUAINT (the
text of each .tml document, dated by its creation time): about 1,130 articles, one per distinct text.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from eventpipe.transforms.timeml import parse_timeml

SHARED = Path(__file__).resolve().parents[2] / "shared"


def real_articles(shared: Path = SHARED) -> list[dict]:
    """Records {id, text, published[, url, source]}, in corpus order, one per distinct text."""
    records = []
    for line in (shared / "corpora/india-police-events/metadata.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        records.append({"id": f"ipe-{doc['doc_id']}", "text": doc["full_text"], "published": doc["date"], "url": doc["url"]})
    csv.field_size_limit(10**9)
    with open(shared / "corpora/guardian-sdf/articles.csv", encoding="utf-8", newline="") as file:
        for index, row in enumerate(csv.DictReader(file)):
            records.append({"id": f"guardian-{index}", "text": row["text"], "published": row["date"][:10],
                            "source": "The Guardian"})
    for path in sorted((shared / "corpora/timeml-tbaq").rglob("*.tml")):
        document = parse_timeml(path.read_text(encoding="utf-8"))
        records.append({"id": path.stem, "text": document.text, "published": str(document.dct) if document.dct else None})
    return list({record["text"]: record for record in records}.values())


def write_jsonl(records: list[dict], folder: Path, per_file: int = 100) -> list[Path]:
    """The records as JSON-lines files of `per_file` records each, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, len(records), per_file)):
        path = folder / f"part-{number:05d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[start : start + per_file]), encoding="utf-8")
        paths.append(path)
    return paths
