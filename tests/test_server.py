"""`python run.py` serves the kiosk through granian, the production server, and stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from devtools.cupsd import free_port
from devtools.processes import children, running
from kiosk.settings import PROJECT_ROOT


def start_server(tmp_path: Path, caches: Path) -> tuple[subprocess.Popen, str]:
    """`python run.py` on a free port, with its state in `tmp_path`; waits until it answers."""
    port = free_port()
    env = {
        **os.environ,
        "KIOSK_DATABASE": str(tmp_path / "kiosk.sqlite3"),
        "KIOSK_PRINTER": "folder",
        "KIOSK_PRINT_FOLDER": str(tmp_path / "printed"),
        "KIOSK_SPEECH_CACHE_DIR": str(caches / "speech"),
        "KIOSK_LEAFLET_CACHE_DIR": str(caches / "leaflets"),
        "KIOSK_SECRET_KEY": "test",
    }
    server = subprocess.Popen(
        [sys.executable, "run.py", "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(server, base)
    return server, base


def wait_until_healthy(server: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                assert response.status == 200
                return
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "did not start"
            time.sleep(0.3)


def wait_until_ended(pids: list[int], seconds: float = 5) -> list[int]:
    """The processes of `pids` still running after up to `seconds`."""
    deadline = time.monotonic() + seconds
    while [pid for pid in pids if running(pid)] and time.monotonic() < deadline:
        time.sleep(0.2)
    return [pid for pid in pids if running(pid)]


def test_run_py_serves_pages_and_stops_with_its_helpers(tmp_path: Path, shared_caches: Path):
    server, base = start_server(tmp_path, shared_caches)
    try:
        with urllib.request.urlopen(base + "/nl/kinderpardon", timeout=10) as response:
            cookie = response.headers["Set-Cookie"].split(";")[0]
            first = response.read()
            assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        request = urllib.request.Request(base + "/nl/kinderpardon", headers={"Cookie": cookie})
        for _ in range(2):  # the second answer comes from the response cache
            with urllib.request.urlopen(request, timeout=10) as response:
                again = response.read()
                assert response.status == 200 and again.count(b"<h1") == 1
        assert b"Kinderpardon" in first and b"Kinderpardon" in again
        helpers = children(server.pid, recursive=True)
        assert helpers, "granian runs the app in a worker process"
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert not wait_until_ended(helpers), output


def test_a_crashed_app_process_is_replaced_and_leaves_no_helpers(
    tmp_path: Path, shared_caches: Path
):
    server, base = start_server(tmp_path, shared_caches)
    try:
        [worker] = children(server.pid)
        helpers = children(worker, recursive=True)
        assert helpers, "the speech and leaflet helpers run below the app process"
        os.kill(worker, signal.SIGKILL)
        assert not wait_until_ended([worker, *helpers], 10)
        time.sleep(4)  # granian waits a few seconds before it starts a new app process
        wait_until_healthy(server, base)
        with urllib.request.urlopen(base + "/nl/kinderpardon", timeout=30) as response:
            assert response.status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=60)
