"""The progress bar: shown on a terminal once a run takes a while, never otherwise."""

import eventpipe.flows.progress as progress


def test_no_bar_when_not_enabled(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    progress.enable(False)
    progress.start(10)
    progress.advance(3)
    assert progress._state["bar"] is None and progress._state["done"] == 3
    progress.finish()
    assert progress._state == {}


def test_a_bar_once_a_run_takes_longer_than_the_threshold(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    progress.enable(True)
    try:
        progress.start(10)
        progress.advance(4)
        bar = progress._state["bar"]
        assert bar is not None and bar.tasks[0].completed == 4 and bar.tasks[0].total == 10
        progress.finish()
        assert progress._state == {}
    finally:
        progress.enable(False)


def test_a_short_run_shows_no_bar(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER", 3600.0)
    progress.enable(True)
    try:
        progress.start(10)
        progress.advance(10)
        assert progress._state["bar"] is None
        progress.finish()
    finally:
        progress.enable(False)


def test_enable_follows_the_terminal_by_default(monkeypatch):
    import io

    monkeypatch.setattr("sys.stderr", io.StringIO())
    progress.enable()
    assert progress._enabled is False
