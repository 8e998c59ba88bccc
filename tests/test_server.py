"""`python run.py` serves the kiosk through granian, the production server, and stops cleanly."""

from __future__ import annotations

import os
import signal
import time
import urllib.request
from pathlib import Path

from devtools.processes import children, running
from devtools.server import start_server, stop_server, wait_until_healthy


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
        output = stop_server(server)
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
        stop_server(server)
