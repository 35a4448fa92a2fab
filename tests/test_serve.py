"""`eventpipe serve` as users run it: its own Prefect server, scheduled runs, a trigger, SIGTERM."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventpipe.warehouse.query import query

pytestmark = pytest.mark.flow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"gave up waiting for {what}")


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        return query(db, sql, wait=5).rows()[0][0]
    except Exception:
        return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


def test_serve_loads_dropped_files_on_schedule_triggers_and_stops_on_sigterm(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    command = [sys.executable, "-m", "eventpipe.flows", "serve", "--inbox", str(inbox), "--interval", "5", "--db", str(db)]
    serve = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, start_new_session=True)
    try:
        state_file = tmp_path / ".prefect" / "eventpipe-serve.json"
        state = json.loads(_wait_for(lambda: state_file.exists() and state_file.read_text(), 120, "serve to start"))
        assert state["api_url"].startswith("http://127.0.0.1:") and _alive(state["server_pid"])

        shutil.copy(EXAMPLES / "border-trade.txt", inbox / "border-trade.txt")
        _wait_for(lambda: _count(db, "select count(*) from articles") == 1, 60, "a scheduled run to load the file")
        shutil.copy(EXAMPLES / "wire.jsonl", inbox / "wire.jsonl")
        _wait_for(lambda: _count(db, "select count(*) from articles") == 5, 60, "the second file")

        before = _count(db, "select count(*) from runs")
        trigger = subprocess.run([sys.executable, "-m", "eventpipe.flows", "trigger"], cwd=tmp_path, env=env,
                                 capture_output=True, text=True, timeout=60)
        assert trigger.returncode == 0 and "started run" in trigger.stdout, trigger.stderr
        _wait_for(lambda: _count(db, "select count(*) from runs") > before, 60, "the triggered run")
        assert _count(db, "select count(*) from runs where status <> 'completed' and finished_at is not null") == 0
        assert _count(db, "select max(files_skipped) from runs") == 2  # later runs read nothing again

        serve.send_signal(signal.SIGTERM)
        started = time.monotonic()
        serve.wait(timeout=30)
        assert time.monotonic() - started < 15
        assert serve.returncode == 0
        _wait_for(lambda: not _alive(state["server_pid"]), 15, "the Prefect server to stop")
        assert not state_file.exists()
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
    output = serve.stdout.read()
    assert "serving deployment inbox/inbox" in output and "Prefect server and UI at http://127.0.0.1:" in output
    assert "Traceback" not in output, output[-3000:]
