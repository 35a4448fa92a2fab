"""Fixtures shared by the tests: the ../shared data (skipped when absent) and one Prefect harness."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    path = shared / "samples" / "000_3e6b6788e33e2d8c.txt"
    if not path.is_file():
        pytest.skip("the seed article is absent")
    return path


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for every flow test of the session (about 11 s to start); its API URL."""
    import eventpipe.flows.ingest  # noqa: F401  (sets telemetry and start-up settings before prefect loads)
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        from prefect.settings import PREFECT_API_URL

        yield PREFECT_API_URL.value()  # processes the tests start can use it too
