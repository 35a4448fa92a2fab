"""`eventpipe serve` and `trigger`: a scheduled Prefect deployment of the inbox flow.

Prefect schedules runs only through an API server (a temporary server never fires them), so
without PREFECT_API_URL `serve` starts `prefect server start` on 127.0.0.1 with its data in the
project-local PREFECT_HOME (.prefect/), waits until it is healthy, and stops it on exit. A small
state file there tells `trigger` where the server is.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HOME = Path(".prefect")  # project-local PREFECT_HOME of the server `serve` starts
STATE = HOME / "eventpipe-serve.json"
HEALTHY_WITHIN = 90.0  # seconds; a first start with a fresh database takes about 15


class ServeError(Exception):
    """Why serving or triggering could not start: one line for the user."""


def serve(inbox: Path, db: Path, name: str, cron: str | None, interval: float | None, batch_size: int) -> int:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_RUNNER_POLL_FREQUENCY", "2")  # pick up scheduled runs within 2 s
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server, url = _start_server()
        os.environ["PREFECT_API_URL"] = f"{url}/api"
        print(f"Prefect server and UI at {url} (data in {HOME.resolve()})", flush=True)
    stop = _stop_on_sigterm()
    try:
        from eventpipe.flows.ingest import inbox as inbox_flow  # imports prefect, after the settings above

        HOME.mkdir(exist_ok=True)
        STATE.write_text(json.dumps({"api_url": os.environ["PREFECT_API_URL"], "deployment": f"inbox/{name}",
                                     "pid": os.getpid(), "server_pid": server.pid if server else None}),
                         encoding="utf-8")
        schedule = {"cron": cron} if cron else {"interval": interval}
        print(f"serving deployment inbox/{name}: {inbox} -> {db} "
              f"({'cron ' + cron if cron else f'every {interval:g} s'}); Ctrl-C stops it", flush=True)
        inbox_flow.serve(
            name=name,
            parameters={"inbox": str(inbox.resolve()), "db": str(Path(db).resolve()), "batch_size": batch_size},
            print_starting_message=False,
            **schedule,
        )
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, stop)
        if STATE.exists():
            STATE.unlink()
        if server is not None:
            _stop(server)


def trigger(name: str) -> str:
    """Start a run of the deployment now; returns a line naming the run."""
    url = os.environ.get("PREFECT_API_URL")
    deployment = f"inbox/{name}"
    if not url:
        if not STATE.exists():
            raise ServeError("no Prefect server known: start `eventpipe serve` here first, or set PREFECT_API_URL")
        state = json.loads(STATE.read_text(encoding="utf-8"))
        os.environ["PREFECT_API_URL"] = url = state["api_url"]
    from prefect.deployments import run_deployment

    import eventpipe.flows.ingest  # noqa: F401  (telemetry settings before prefect connects)

    run = run_deployment(deployment, timeout=0)
    return f"started run {run.name} ({run.id}) of {deployment} at {url}"


def _start_server() -> tuple[subprocess.Popen, str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PREFECT_HOME": str(HOME.resolve()), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    HOME.mkdir(exist_ok=True)
    log = open(HOME / "server.log", "ab")
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + HEALTHY_WITHIN
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServeError(f"the Prefect server exited with status {server.returncode}; see {HOME / 'server.log'}")
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            time.sleep(0.5)
    _stop(server)
    raise ServeError(f"the Prefect server was not healthy within {HEALTHY_WITHIN:g} s; see {HOME / 'server.log'}")


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _stop_on_sigterm():
    """SIGTERM stops serving like Ctrl-C does; returns the handler it replaced."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    return signal.signal(signal.SIGTERM, interrupt)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
