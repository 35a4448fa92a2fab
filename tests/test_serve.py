"""`eventpipe serve` as users run it: its own Prefect server and UI, scheduled runs, a trigger from
another folder, SIGINT and SIGTERM to its pid, and a serve killed with SIGKILL then started again
with another inbox and warehouse."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from eventpipe.warehouse.query import query

pytestmark = pytest.mark.flow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = Path("/usr/bin/chromium")


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


def _api(api_url: str, path: str, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{api_url}{path}", data=data, headers={"Content-Type": "application/json"},
                                     method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _runs(api_url: str, state: str) -> list[dict]:
    return _api(api_url, "/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": [state]}}}, "limit": 200})


def _env(state_home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL")}
    return env | {"XDG_STATE_HOME": str(state_home)}


def _serve(folder: Path, inbox: Path, db: Path, env: dict, interval: str = "5") -> subprocess.Popen:
    """`eventpipe serve` in `folder`, in a process group of its own (as a terminal would run it)."""
    folder.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "eventpipe.flows", "serve", "--inbox", str(inbox), "--interval", interval, "--db", str(db)]
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def _started(folder: Path) -> dict:
    state_file = folder / ".prefect" / "eventpipe-serve.json"
    return json.loads(_wait_for(lambda: state_file.exists() and state_file.read_text(), 120, "serve to start"))


def _kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One serve of an inbox every 5 s, with its own server; the last test of the module stops it."""
    root = tmp_path_factory.mktemp("served")
    inbox, db, folder = root / "inbox", root / "w.duckdb", root / "project"
    inbox.mkdir()
    env = _env(root / "state")
    serve = _serve(folder, inbox, db, env)
    state = {}
    try:
        state = _started(folder)
        yield {"process": serve, "state": state, "inbox": inbox, "db": db, "root": root, "env": env,
               "folder": folder}
    finally:
        _kill(serve)
        if state.get("server_pid") and _alive(state["server_pid"]):
            os.killpg(state["server_pid"], signal.SIGKILL)


def test_the_ui_asks_its_own_server_for_the_api(served):
    """Issue 14.1: /ui-settings named http://127.0.0.1:4200/api whatever the port serve chose."""
    api_url = served["state"]["api_url"]
    assert api_url.startswith("http://127.0.0.1:") and not api_url.startswith("http://127.0.0.1:4200/")
    with urllib.request.urlopen(api_url.removesuffix("/api") + "/ui-settings", timeout=10) as response:
        assert json.loads(response.read())["api_url"] == api_url


def test_scheduled_runs_load_dropped_files_and_idle_ones_leave_no_row(served):
    inbox, db, api_url = served["inbox"], served["db"], served["state"]["api_url"]
    shutil.copy(EXAMPLES / "border-trade.txt", inbox / "border-trade.txt")
    _wait_for(lambda: _count(db, "select count(*) from articles") == 1, 60, "a scheduled run to load the file")
    shutil.copy(EXAMPLES / "wire.jsonl", inbox / "wire.jsonl")
    _wait_for(lambda: _count(db, "select count(*) from articles") == 5, 60, "the second file")
    rows = _count(db, "select count(*) from runs")
    completed = len(_runs(api_url, "COMPLETED"))
    # Issue 14.11: scheduled runs that find nothing new (every 5 s here) add no row to `runs`.
    _wait_for(lambda: len(_runs(api_url, "COMPLETED")) >= completed + 2, 60, "two more scheduled runs")
    assert _count(db, "select count(*) from runs") == rows
    assert _count(db, "select count(*) from runs where status <> 'completed' and finished_at is not null") == 0


def test_trigger_from_another_folder_prints_the_runs_page(served):
    """Issue 14.12: trigger finds the served deployment from any folder and prints the run's UI link."""
    elsewhere = served["root"] / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(EXAMPLES / "statement.json", served["inbox"] / "statement.json")
    trigger = subprocess.run([sys.executable, "-m", "eventpipe.flows", "trigger"], cwd=elsewhere, env=served["env"],
                             capture_output=True, text=True, timeout=60)
    assert trigger.returncode == 0, trigger.stderr
    first, link = trigger.stdout.splitlines()
    assert first.startswith("started run ") and "inbox/inbox" in first
    ui = served["state"]["api_url"].removesuffix("/api")
    assert link.startswith(f"{ui}/runs/flow-run/")
    run_id = link.rsplit("/", 1)[1]
    _wait_for(lambda: _api(served["state"]["api_url"], f"/flow_runs/{run_id}")["state_type"] == "COMPLETED", 60,
              "the triggered run")
    page = urllib.request.Request(link, headers={"Accept": "text/html"})  # as a browser asks for it
    with urllib.request.urlopen(page, timeout=10) as response:
        assert response.status == 200 and b"<html" in response.read().lower()
    served["run_page"] = link

    nowhere = subprocess.run([sys.executable, "-m", "eventpipe.flows", "trigger", "--name", "other"], cwd=elsewhere,
                             env=served["env"], capture_output=True, text=True, timeout=60)
    assert nowhere.returncode == 2 and "no running `eventpipe serve` of inbox/other" in nowhere.stderr


def test_the_ui_page_of_a_run_renders_in_chromium(served, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    if "run_page" not in served:
        pytest.skip("no run page (the trigger test did not pass)")
    shot = tmp_path / "run.png"
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--window-size=1280,900", "--virtual-time-budget=20000", f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([*command, f"--screenshot={shot}", served["run_page"]], capture_output=True, timeout=120)
    dom = subprocess.run([*command, "--dump-dom", served["run_page"]], capture_output=True, text=True, timeout=120)
    assert "Can't connect to Server API" not in dom.stdout
    name = _api(served["state"]["api_url"], f"/flow_runs/{served['run_page'].rsplit('/', 1)[1]}")["name"]
    assert name in dom.stdout  # the page shows the run, fetched from its own server's API
    colours = _png_colours(shot.read_bytes())
    assert len(colours) > 20, f"the screenshot is nearly blank ({len(colours)} colours)"


def test_sigint_to_the_pid_stops_serve_and_its_server_cleanly(served):
    """Issue 14.2: SIGINT to serve's pid (not its group) did not stop it."""
    serve, state = served["process"], served["state"]
    assert _alive(state["server_pid"])
    os.kill(serve.pid, signal.SIGINT)
    started = time.monotonic()
    serve.wait(timeout=30)
    print(f"serve stopped {time.monotonic() - started:.1f} s after SIGINT")
    assert serve.returncode == 0
    _wait_for(lambda: not _alive(state["server_pid"]), 15, "the Prefect server to stop")
    assert not (served["folder"] / ".prefect" / "eventpipe-serve.json").exists()
    assert not list((served["root"] / "state" / "eventpipe").glob("*.json"))
    output = serve.stdout.read()
    assert "serving deployment inbox/inbox" in output and "stopped serving inbox/inbox on SIGINT" in output
    assert "Traceback" not in output and "Crash detected" not in output, output[-3000:]


_SIGTERM_IN_A_QUERY = """
import os, signal, threading, time
import duckdb
from prefect.exceptions import TerminationSignal
from eventpipe.flows.ingest import _termination_kept

def handler(number, frame):  # as Prefect's engine handles SIGTERM in a run's process
    raise TerminationSignal(signal=number)

signal.signal(signal.SIGTERM, handler)
con = duckdb.connect()
threading.Thread(target=lambda: (time.sleep(0.5), os.kill(os.getpid(), signal.SIGTERM)), daemon=True).start()
try:
    with _termination_kept():
        con.execute("select count(*) from range(100000000000)").fetchall()
except BaseException as error:
    print(type(error).__name__, repr(error.__cause__))
"""


def test_a_sigterm_inside_a_duckdb_statement_stays_the_run_s_termination():
    # DuckDB swallows the handler's exception and raises RuntimeError('Query interrupted'): a served
    # run cancelled then ended Failed with a traceback (seen once in CI, serve's SIGTERM test)
    out = subprocess.run([sys.executable, "-c", _SIGTERM_IN_A_QUERY], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "TerminationSignal RuntimeError('Query interrupted')", out.stdout + out.stderr


def test_a_killed_serve_takes_its_server_and_the_next_serve_drops_its_runs(tmp_path):
    """Issue 14.3: after SIGKILL the server ran on, and the next serve in the folder, with another
    inbox and warehouse, ran runs scheduled before with the old ones."""
    old_inbox, new_inbox = tmp_path / "old", tmp_path / "new"
    old_inbox.mkdir(), new_inbox.mkdir()
    old_db, new_db, folder = tmp_path / "old.duckdb", tmp_path / "new.duckdb", tmp_path / "project"
    env = _env(tmp_path / "state")
    first = _serve(folder, old_inbox, old_db, env, interval="3")
    second = None
    try:
        state = _started(folder)
        old = {"inbox": str(old_inbox), "db": str(old_db), "batch_size": 1000}
        _wait_for(lambda: any(run["parameters"] == old for run in _runs(state["api_url"], "SCHEDULED")), 60,
                  "runs scheduled with the first inbox")
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        _wait_for(lambda: not _alive(state["server_pid"]), 15, "the server to die with serve")
        time.sleep(4)  # runs scheduled before the kill are due (late) by now
        shutil.copy(EXAMPLES / "border-trade.txt", old_inbox / "border-trade.txt")
        shutil.copy(EXAMPLES / "border-trade.txt", new_inbox / "border-trade.txt")

        second = _serve(folder, new_inbox, new_db, env, interval="3")
        _wait_for(lambda: (folder / ".prefect" / "eventpipe-serve.json").exists()
                  and _started(folder)["pid"] == second.pid, 120, "the second serve to start")
        api_url = _started(folder)["api_url"]
        _wait_for(lambda: _count(new_db, "select count(*) from articles") == 1, 60, "the new inbox to load")
        time.sleep(4)
        assert _count(old_db, "select count(*) from articles") == 0  # no run with the old inbox
        new = {"inbox": str(new_inbox), "db": str(new_db), "batch_size": 1000}
        scheduled = [run["parameters"] for run in _runs(api_url, "SCHEDULED")]
        assert scheduled and all(parameters == new for parameters in scheduled)

        server = _started(folder)["server_pid"]
        second.send_signal(signal.SIGTERM)
        started = time.monotonic()
        second.wait(timeout=30)
        print(f"serve stopped {time.monotonic() - started:.1f} s after SIGTERM")
        assert second.returncode == 0
        _wait_for(lambda: not _alive(server), 15, "the second server to stop")
        output = second.stdout.read()
        # The old runs are gone (asserted above) whoever deleted them: serve's drop_foreign_runs, which
        # then says so, or Prefect's server itself, whose deployment update deletes auto-scheduled runs
        # (PrefectHQ/prefect#17703) and on a loaded machine sometimes does so first.
        if "removed" in output:
            assert "scheduled runs of inbox/inbox with other parameters" in output
        assert "stopped serving inbox/inbox on SIGTERM" in output and "Traceback" not in output, output[-3000:]
    finally:
        _kill(first)
        if second is not None:
            _kill(second)


def _png_colours(data: bytes) -> set:
    """The distinct pixels of an 8-bit RGB or RGBA PNG, decoded with the standard library."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, {}
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.setdefault(kind, []).append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour_type in (2, 6)
    size = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * size
    previous = bytearray(stride)
    colours = set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        if row % 8 == 0:
            colours.update(bytes(line[i:i + 3]) for i in range(0, stride, size * 8))
        previous = line
    return colours
