"""Find input files and read their bytes: the IO edge of ingestion."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from transforms.articles import SUFFIXES


@dataclass(frozen=True, slots=True)
class RawFile:
    input: str  # the path as the user will recognise it
    suffix: str  # lower-cased file suffix: .txt, .json, .jsonl
    data: bytes
    error: str | None = None  # why it could not be read, if it could not


def discover(paths: list[Path]) -> tuple[list[Path], list[RawFile]]:
    """Input files under the given paths (folders recursively, sorted), and the paths that fail.

    Inside folders, files of other types and hidden files are skipped; a file named
    explicitly with an unsupported type, or a missing path, is reported as a failure.
    """
    found: list[Path] = []
    missing: list[RawFile] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                file
                for file in sorted(path.rglob("*"))
                if file.is_file()
                and file.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            missing.append(RawFile(str(path), path.suffix.lower(), b"", "no such file or folder"))
    return list(dict.fromkeys(found)), missing


def read(files: list[Path]) -> list[RawFile]:
    """The bytes of each file; an unreadable file becomes a RawFile with its error."""
    raw = []
    for file in files:
        try:
            raw.append(RawFile(str(file), file.suffix.lower(), file.read_bytes()))
        except OSError as error:
            raw.append(RawFile(str(file), file.suffix.lower(), b"", f"cannot read: {error.strerror}"))
    return raw
