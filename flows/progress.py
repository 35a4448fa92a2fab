"""A progress bar for long runs on a terminal (rich), and nothing when output is not a terminal.

The CLI turns it on; the flow reports files done. The bar appears only once a run has taken more
than a few seconds, and goes away when it ends.
"""

from __future__ import annotations

import sys
import time

SHOW_AFTER = 3.0  # seconds

_enabled = False
_state: dict = {}


def enable(on: bool | None = None) -> None:
    """Show progress from now on: by default only when stderr is a terminal."""
    global _enabled
    _enabled = sys.stderr.isatty() if on is None else on


def start(total: int) -> None:
    _state.clear()
    _state.update(total=total, done=0, began=time.monotonic(), bar=None)


def advance(files: int) -> None:
    if not _state:
        return
    _state["done"] += files
    if not _enabled:
        return
    if _state["bar"] is None and time.monotonic() - _state["began"] > SHOW_AFTER and _state["total"]:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("loading files"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
        bar.start()
        _state["bar"], _state["task"] = bar, bar.add_task("files", total=_state["total"])
    if _state["bar"] is not None:
        _state["bar"].update(_state["task"], completed=_state["done"])


def finish() -> None:
    if _state.get("bar") is not None:
        _state["bar"].stop()
    _state.clear()
