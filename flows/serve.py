"""`eventpipe serve` and `trigger`: a scheduled Prefect deployment of the inbox flow.

Prefect schedules runs only through an API server (a temporary server never fires them), so
without PREFECT_API_URL `serve` starts `prefect server start` on 127.0.0.1 with its data in the
project-local PREFECT_HOME (.prefect/), waits until it is healthy, and stops it on exit. The server
and its UI are told their own port (the UI asks `/ui-settings` where the API is), and the server
dies with serve even when serve is killed (the kernel sends it SIGTERM: PR_SET_PDEATHSIG).

SIGINT and SIGTERM stop serve the same way: no new runs are taken, a run in flight is cancelled
through Prefect, the deployment is paused, the server is stopped. SIGINT is blocked in serve's
threads and taken by one thread that waits for it, so the processes serve starts for its runs
inherit it blocked: a terminal's Ctrl-C (sent to the whole process group) reaches serve alone, and
a run in flight ends Cancelled, not Crashed.

A state file tells `trigger` where the server is: `.prefect/eventpipe-serve.json` in the folder
serve runs in, and `$XDG_STATE_HOME/eventpipe/serve-NAME.json` (default `~/.local/state`) so that
`trigger` finds the served deployment from any folder.
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import multiprocessing.resource_tracker
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

HOME = Path(".prefect")  # project-local PREFECT_HOME of the server `serve` starts
STATE = HOME / "eventpipe-serve.json"
HEALTHY_WITHIN = 90.0  # seconds; a first start with a fresh database takes about 15
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class ServeError(Exception):
    """Why serving or triggering could not start: one line for the user."""


class _Stopped(Exception):
    """SIGINT or SIGTERM came before the runner started."""


def serve(inbox: Path, db: Path, name: str, cron: str | None, interval: float | None, batch_size: int) -> int:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_RUNNER_POLL_FREQUENCY", "2")  # pick up scheduled runs within 2 s
    _check_not_serving_here()
    stop = _Stop()
    stop.install()
    server = None
    state_files: list[Path] = []
    try:
        if not os.environ.get("PREFECT_API_URL"):
            server, url = _start_server(stop)
            os.environ["PREFECT_API_URL"] = f"{url}/api"
            print(f"Prefect server and UI at {url} (data in {HOME.resolve()})", flush=True)
        from prefect.runner import Runner

        from eventpipe.flows.ingest import inbox as inbox_flow  # imports prefect, after the settings above

        if stop.requested.is_set():
            raise _Stopped()
        parameters = {"inbox": str(inbox.resolve()), "db": str(Path(db).resolve()), "batch_size": batch_size}
        runner = Runner(name=name, pause_on_shutdown=True)
        schedule = {"cron": cron} if cron else {"interval": interval}
        deployment_id = runner.add_flow(inbox_flow, name=name, parameters=parameters, **schedule)
        dropped = drop_foreign_runs(deployment_id, parameters)
        if dropped:
            print(f"removed {dropped} scheduled runs of inbox/{name} with other parameters "
                  f"(scheduled by an earlier serve)", flush=True)
        state = {"api_url": os.environ["PREFECT_API_URL"], "deployment": f"inbox/{name}", "pid": os.getpid(),
                 "server_pid": server.pid if server else None, "folder": str(Path.cwd())}
        state_files = _write_state(state, name)
        print(f"serving deployment inbox/{name}: {inbox} -> {db} "
              f"({'cron ' + cron if cron else f'every {interval:g} s'}); Ctrl-C stops it", flush=True)
        if not stop.requested.is_set():
            asyncio.run(_run_until_stopped(runner, stop))
        return 0
    except _Stopped:
        return 0
    finally:
        print(f"stopped serving inbox/{name}{' on ' + stop.signal if stop.signal else ''}", flush=True)
        for path in state_files:
            _remove_state(path)
        if server is not None:
            _stop(server)
        stop.uninstall()


def drop_foreign_runs(deployment_id, parameters: dict) -> int:
    """Delete the scheduled runs (late ones too) of the deployment whose parameters are not
    `parameters`: runs an earlier serve of it scheduled with another inbox or warehouse."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterDeploymentId,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    scheduled = FlowRunFilter(deployment_id=FlowRunFilterDeploymentId(any_=[deployment_id]),
                              state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])))
    dropped = 0
    with get_client(sync_client=True) as client:
        while True:
            foreign = [run for run in client.read_flow_runs(flow_run_filter=scheduled, limit=200)
                       if run.parameters != parameters]
            for run in foreign:
                client.delete_flow_run(run.id)
            dropped += len(foreign)
            if len(foreign) < 200:
                return dropped


async def _run_until_stopped(runner, stop: _Stop) -> None:
    stop.loop = asyncio.get_running_loop()
    stop.runner = runner
    started = asyncio.ensure_future(runner.start())
    await asyncio.sleep(0)  # runner.start has installed its own SIGTERM handler: ours goes over it
    signal.signal(signal.SIGTERM, stop.handle)
    if stop.requested.is_set():
        stop.stop_runner()
    await started


class _Stop:
    """SIGINT and SIGTERM: set `requested` and stop the runner once it runs."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.signal = ""  # the name of the signal that stopped serve
        self.loop: asyncio.AbstractEventLoop | None = None
        self.runner = None
        self._previous: dict[int, object] = {}

    def install(self) -> None:
        for number in (signal.SIGINT, signal.SIGTERM):
            self._previous[number] = signal.signal(number, self.handle)
        # multiprocessing's resource tracker, started with the first run's process, unblocks SIGINT
        # and SIGTERM in the thread that starts it (Python 3.11): it starts now, before the block.
        multiprocessing.resource_tracker.ensure_running()
        # Blocked from here on in this thread and every thread and process started after it; the
        # waiting thread below takes it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        threading.Thread(target=self._wait_for_sigint, name="eventpipe-sigint", daemon=True).start()

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _wait_for_sigint(self) -> None:
        while True:
            signal.sigwait({signal.SIGINT})
            self.handle(signal.SIGINT, None)

    def handle(self, signum, frame) -> None:
        if self.requested.is_set():
            return
        self.signal = signal.Signals(signum).name
        self.requested.set()
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.stop_runner)

    def stop_runner(self) -> None:
        """In the runner's loop: stop it, or try again shortly if it has not started yet."""
        runner = self.runner
        if runner.stopping:
            return
        if not runner.started:
            self.loop.call_later(0.2, self.stop_runner)
            return
        runner.stopping = True
        asyncio.ensure_future(runner.astop())


def trigger(name: str) -> str:
    """Start a run of the deployment now; returns lines naming the run and its page in the UI."""
    url = os.environ.get("PREFECT_API_URL")
    deployment = f"inbox/{name}"
    if not url:
        os.environ["PREFECT_API_URL"] = url = _served_api_url(name)
    from prefect.deployments import run_deployment

    import eventpipe.flows.ingest  # noqa: F401  (telemetry settings before prefect connects)

    run = run_deployment(deployment, timeout=0)
    return f"started run {run.name} ({run.id}) of {deployment} at {url}\n{ui_url(url)}/runs/flow-run/{run.id}"


def ui_url(api_url: str) -> str:
    """The UI's address for an API address: the same server without /api."""
    return api_url.rstrip("/").removesuffix("/api")


def _served_api_url(name: str) -> str:
    """The API of the serve started in this folder, else of the last serve of deployment NAME."""
    for path in (STATE, _user_state(name)):
        if path.exists():
            state = json.loads(path.read_text(encoding="utf-8"))
            if _alive(state.get("pid")):
                return state["api_url"]
    raise ServeError(f"no running `eventpipe serve` of inbox/{name} found (in {STATE} or {_user_state(name)}): "
                     "start one, or set PREFECT_API_URL to the Prefect server that serves it")


def _user_state(name: str) -> Path:
    root = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return root / "eventpipe" / f"serve-{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.json"


def _write_state(state: dict, name: str) -> list[Path]:
    written = []
    for path in (STATE, _user_state(name)):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(state), encoding="utf-8")
            written.append(path)
        except OSError as error:
            print(f"eventpipe: cannot write {path}: {error}", file=sys.stderr, flush=True)
    return written


def _remove_state(path: Path) -> None:
    """Remove a state file if it is still ours (a later serve may have written the user one)."""
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def _check_not_serving_here() -> None:
    """Refuse a second serve in this folder; stop the server a serve killed here left behind."""
    if not STATE.exists():
        return
    try:
        state = json.loads(STATE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if _alive(state.get("pid")) and state.get("pid") != os.getpid():
        raise ServeError(f"`eventpipe serve` is already running in this folder (pid {state['pid']}, "
                         f"{state.get('deployment')}): stop it first")
    server = state.get("server_pid")
    if _alive(server) and b"prefect" in _cmdline(server) and b"server" in _cmdline(server):
        print(f"stopping the Prefect server (pid {server}) an earlier serve left running", flush=True)
        _terminate_group(server)
    STATE.unlink(missing_ok=True)


def _alive(pid) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _terminate_group(pid: int, seconds: float = 10.0) -> None:
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _start_server(stop: _Stop) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PREFECT_HOME": str(HOME.resolve()), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           # the UI asks /ui-settings where its API is: this server, not the default port 4200
           "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
           "PREFECT_UI_API_URL": f"{url}/api"}
    for key in ("PREFECT_API_URL", "PREFECT_UI_URL", "PREFECT_SERVER_UI_API_URL"):
        env.pop(key, None)
    HOME.mkdir(exist_ok=True)
    log = open(HOME / "server.log", "ab")
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                              preexec_fn=_die_with_parent(os.getpid()))
    log.close()
    deadline = time.monotonic() + HEALTHY_WITHIN
    while time.monotonic() < deadline and not stop.requested.is_set():
        if server.poll() is not None:
            raise ServeError(f"the Prefect server exited with status {server.returncode}; see {HOME / 'server.log'}")
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            time.sleep(0.5)
    _stop(server)
    if stop.requested.is_set():
        raise _Stopped()
    raise ServeError(f"the Prefect server was not healthy within {HEALTHY_WITHIN:g} s; see {HOME / 'server.log'}")


def _die_with_parent(parent: int):
    """In the server's process before it runs Prefect: SIGTERM when serve dies, however it dies,
    and SIGINT unblocked (serve blocks it for its own children)."""
    def prepare() -> None:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        if sys.platform.startswith("linux"):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
        if os.getppid() != parent:  # serve died before the line above
            os._exit(1)
    return prepare


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
