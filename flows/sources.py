"""Find input files and read their bytes: the IO edge of ingestion."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from eventpipe.transforms.articles import SUFFIXES, max_input_bytes


@dataclass(frozen=True, slots=True)
class RawFile:
    input: str  # the path as the user will recognise it
    suffix: str  # lower-cased file suffix: .txt, .json, .jsonl
    data: bytes
    error: str | None = None  # why it could not be read, if it could not
    sha256: str = ""
    size: int = 0
    mtime_ns: int = 0


@dataclass(frozen=True, slots=True)
class Seen:
    """A file as found on disk, before it is read."""

    path: Path
    size: int
    mtime_ns: int


def discover(paths: list[Path]) -> tuple[list[Path], list[RawFile], list[Path]]:
    """Input files under the given paths (folders recursively, sorted), the paths that fail, and
    the files of other types found inside folders (reported, not read).

    Hidden files and folders are skipped without a word; a file named explicitly with an
    unsupported type, or a missing path, is reported as a failure.
    """
    found: list[Path] = []
    missing: list[RawFile] = []
    unsupported: list[Path] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if not file.is_file() or any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                (found if file.suffix.lower() in SUFFIXES else unsupported).append(file)
        elif path.is_file():
            found.append(path)
        else:
            missing.append(RawFile(str(path), path.suffix.lower(), b"", "no such file or folder"))
    return list(dict.fromkeys(found)), missing, list(dict.fromkeys(unsupported))


def stat(files: list[Path]) -> list[Seen]:
    """Size and modification time of each file (0, 0 when it vanished meanwhile)."""
    seen = []
    for file in files:
        try:
            status = file.stat()
            seen.append(Seen(file, status.st_size, status.st_mtime_ns))
        except OSError:
            seen.append(Seen(file, 0, 0))
    return seen


def unchanged(
    seen: list[Seen], known: dict[str, tuple], options: str = "", force: bool = False
) -> tuple[list[Path], list[Path]]:
    """(files to read, files skipped): a file whose size and mtime match the last load, read with
    the same options, is skipped; with `force` none is."""
    to_read, skipped = [], []
    for file in seen:
        before = known.get(str(file.path))
        if not force and before is not None and tuple(before[1:3]) == (file.size, file.mtime_ns) and before[5] == options:
            skipped.append(file.path)
        else:
            to_read.append(file.path)
    return to_read, skipped


def read(files: list[Path]) -> list[RawFile]:
    """The bytes of each file, with their sha256; an unreadable file becomes a RawFile with its error."""
    raw = []
    for file in files:
        suffix = file.suffix.lower()
        try:
            status = file.stat()
            limit = max_input_bytes(suffix)  # checked before reading: memory stays bounded
            if status.st_size > limit:
                reason = f"file too large: {status.st_size} bytes (maximum {limit} for {suffix} files)"
                raw.append(RawFile(str(file), suffix, b"", reason, size=status.st_size, mtime_ns=status.st_mtime_ns))
                continue
            with file.open("rb") as stream:
                data = stream.read(limit + 1)  # a file that grew since stat() is still cut past the limit
        except OSError as error:
            raw.append(RawFile(str(file), suffix, b"", f"cannot read: {error.strerror}"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        raw.append(RawFile(str(file), suffix, data, sha256=digest, size=len(data), mtime_ns=status.st_mtime_ns))
    return raw
