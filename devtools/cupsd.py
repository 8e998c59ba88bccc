"""A private CUPS server for the tests: its own folder, its own port, and an outbox backend.

The backend copies every job into `outbox/` unchanged, so a test can compare the printed
file with the leaflet byte for byte. A file `outbox/.no-paper` makes it report an empty paper
tray to CUPS (`STATE: +media-empty-error`) and fail the job, as a real printer would.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BACKEND = """#!/bin/sh
# CUPS backend for tests: copy each job into the outbox folder.
if [ $# -eq 0 ]; then echo 'direct outbox "Unknown" "Test outbox"'; exit 0; fi
if [ -e "{outbox}/.no-paper" ]; then
  echo "STATE: +media-empty-error" >&2
  echo "ERROR: the paper tray is empty" >&2
  exit 1
fi
echo "STATE: -media-empty-error" >&2
if [ -n "$6" ]; then cp "$6" "{outbox}/job-$1.pdf"; else cat > "{outbox}/job-$1.pdf"; fi
chmod 0644 "{outbox}/job-$1.pdf"
exit 0
"""

CUPS_FILES = """ServerRoot {root}/etc
RequestRoot {root}/spool
TempDir {root}/tmp
CacheDir {root}/cache
StateDir {root}/state
ServerBin {root}/serverbin
DataDir /usr/share/cups
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
FileDevice Yes
"""

CUPSD_CONF = """Listen 127.0.0.1:{port}
Browsing No
WebInterface No
DefaultAuthType None
ErrorPolicy abort-job
JobRetryLimit 0
LogLevel info
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateCups:
    """Start with `start()`, stop with `stop()`; `server` is "127.0.0.1:port"."""

    queue = "kiosk"

    def __init__(self) -> None:
        # Backends run as user lp: the folders must be open to it (pytest's tmp_path is not).
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cupsd-", dir="/tmp"))
        os.chmod(self.root, 0o755)
        self.outbox = self.root / "outbox"
        self.outbox.mkdir()
        os.chmod(self.outbox, 0o777)
        self.port = free_port()
        self.server = f"127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self._write_config()

    def _write_config(self) -> None:
        for name in ("etc", "spool", "tmp", "cache", "state", "log", "serverbin"):
            (self.root / name).mkdir(exist_ok=True)
        serverbin = self.root / "serverbin"
        for entry in Path("/usr/lib/cups").iterdir():
            if entry.name != "backend":
                (serverbin / entry.name).symlink_to(entry)
        backends = serverbin / "backend"
        backends.mkdir()
        for entry in Path("/usr/lib/cups/backend").iterdir():
            (backends / entry.name).symlink_to(entry)
        backend = backends / "outbox"
        backend.write_text(BACKEND.format(outbox=self.outbox))
        os.chmod(backend, 0o755)
        (self.root / "etc" / "cups-files.conf").write_text(CUPS_FILES.format(root=self.root))
        (self.root / "etc" / "cupsd.conf").write_text(CUPSD_CONF.format(port=self.port))

    def start(self) -> None:
        """Run cupsd in the foreground of a child process and wait until it answers."""
        etc = self.root / "etc"
        self.process = subprocess.Popen(
            ["cupsd", "-f", "-c", str(etc / "cupsd.conf"), "-s", str(etc / "cups-files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while self.lp("lpstat", "-r", check=False).returncode != 0:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"cupsd did not start: {self.log()}")
            time.sleep(0.05)

    def add_queue(self, name: str = queue) -> None:
        """A raw queue on the outbox backend, enabled and accepting (cupsd may need a moment
        after it first answers before it takes new printers)."""
        for _ in range(50):
            result = self.lp("lpadmin", "-p", name, "-v", "outbox:/", "-E", check=False)
            if result.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError(f"lpadmin failed: {result.stderr} {self.log()[-1000:]}")

    def lp(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a CUPS command-line tool against this server."""
        return subprocess.run(
            [command[0], "-h", self.server, *command[1:]], capture_output=True, text=True,
            check=check, env={**os.environ, "CUPS_SERVER": self.server},
        )  # fmt: skip

    def printed(self) -> list[Path]:
        """The files that came out, oldest first."""
        return sorted(self.outbox.glob("job-*.pdf"), key=lambda path: path.stat().st_mtime)

    def wait_for_printed(self, count: int, timeout: float = 15) -> list[Path]:
        deadline = time.monotonic() + timeout
        while len(self.printed()) < count:
            assert time.monotonic() < deadline, f"nothing printed; log: {self.log()[-2000:]}"
            time.sleep(0.05)
        return self.printed()

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """Stop cupsd (a test of an unreachable server calls this itself)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
