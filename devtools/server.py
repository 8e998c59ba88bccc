"""The kiosk as it runs on a kiosk PC: `python run.py` (granian) in its own process, on a free
local port, for the tests that must measure or break the real server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from devtools.cupsd import free_port
from kiosk.settings import PROJECT_ROOT


def kiosk_environment(state: Path, caches: Path, **settings: str) -> dict[str, str]:
    """The environment of a test kiosk's processes (the server, `run.py sync`): its database
    and prints in `state`, its caches in `caches`, KIOSK_<name> for each of `settings`."""
    return {
        **os.environ,
        "KIOSK_DATABASE": str(state / "kiosk.sqlite3"),
        "KIOSK_PRINTER": "folder",
        "KIOSK_PRINT_FOLDER": str(state / "printed"),
        "KIOSK_SPEECH_CACHE_DIR": str(caches / "speech"),
        "KIOSK_LEAFLET_CACHE_DIR": str(caches / "leaflets"),
        "KIOSK_SECRET_KEY": "test",
        **{f"KIOSK_{name}": value for name, value in settings.items()},
    }


def start_server(state: Path, caches: Path, **settings: str) -> tuple[subprocess.Popen, str]:
    """`python run.py` in the environment of `kiosk_environment`; returns the process and its
    base URL once it answers."""
    port = free_port()
    env = kiosk_environment(state, caches, **settings)
    # The log goes to a file: a pipe nobody reads while the test runs fills up, and then every
    # thread of the server that logs stops.
    log = open(state / "server.log", "w")  # noqa: SIM115 - closed by stop_server
    server = subprocess.Popen(
        [sys.executable, "run.py", "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    server.log_path = state / "server.log"  # type: ignore[attr-defined]
    server.log_file = log  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(server, base)
    return server, base


def wait_until_healthy(server: subprocess.Popen, base: str, seconds: float = 60) -> None:
    """Until /healthz answers 200 (fails if the server ends or takes longer)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                assert response.status == 200
                return
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "did not start"
            time.sleep(0.3)


def stop_server(server: subprocess.Popen) -> str:
    """Stop it (SIGTERM, as systemd does); what it printed."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    server.log_file.close()  # type: ignore[attr-defined]
    return server.log_path.read_text()  # type: ignore[attr-defined]
