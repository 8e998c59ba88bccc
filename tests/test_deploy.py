"""The systemd units in deploy/ are valid and locked down: `systemd-analyze verify` against an
install laid out in a temporary root (as on a kiosk PC: /opt/kiosk), and the server's exposure
as `systemd-analyze security` rates it (recorded in the README)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.settings import PROJECT_ROOT

UNITS = PROJECT_ROOT / "deploy" / "systemd"
MAX_SERVER_EXPOSURE = 3.0
ANALYZE = shutil.which("systemd-analyze")
pytestmark = pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is not installed")


def exposure(unit: Path) -> float:
    result = subprocess.run(
        [ANALYZE, "security", "--offline=true", str(unit)], capture_output=True, text=True
    )
    found = re.search(r"Overall exposure level for \S+: ([\d.]+)", result.stdout)
    assert found, result.stdout + result.stderr
    return float(found[1])


def test_the_server_unit_is_locked_down():
    """Was 8.5, "EXPOSED": /opt writable, the code changeable by the server itself."""
    assert exposure(UNITS / "kiosk-server.service") <= MAX_SERVER_EXPOSURE
    unit = (UNITS / "kiosk-server.service").read_text()
    for setting in ["ProtectSystem=strict", "ReadWritePaths=/opt/kiosk/instance", "PrivateTmp=yes",
                    "NoNewPrivileges=yes", "ProtectHome=yes", "CapabilityBoundingSet=\n",
                    "MemoryMax=", "UMask=0077"]:  # fmt: skip
        assert setting in unit, setting


def test_the_screen_runs_as_another_user_than_the_server():
    server = (UNITS / "kiosk-server.service").read_text()
    screen = (UNITS / "kiosk-screen.service").read_text()
    assert "User=kiosk\n" in server and "User=kiosk-screen\n" in screen


def laid_out_install(root: Path) -> None:
    """/opt/kiosk with the files the units start, and systemd's own units to depend on."""
    (root / "opt/kiosk/.venv/bin").mkdir(parents=True)
    (root / "opt/kiosk/deploy").mkdir(parents=True)
    (root / "usr/bin").mkdir(parents=True)
    shutil.copy(shutil.which("true"), root / "opt/kiosk/.venv/bin/python")
    shutil.copy(shutil.which("true"), root / "usr/bin/cage")
    shutil.copy(PROJECT_ROOT / "deploy/kiosk-browser.sh", root / "opt/kiosk/deploy")
    shutil.copytree("/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    shutil.copytree(UNITS, root / "etc/systemd/system")


def verify(root: Path, *units: str) -> subprocess.CompletedProcess[str]:
    paths = [f"/etc/systemd/system/{unit}" for unit in units]
    return subprocess.run(
        [ANALYZE, "verify", f"--root={root}", *paths], capture_output=True, text=True
    )


def test_the_units_verify_against_an_install(tmp_path: Path):
    laid_out_install(tmp_path)
    result = verify(
        tmp_path,
        "kiosk-server.service",
        "kiosk-screen.service",
        "kiosk-content-sync.service",
        "kiosk-content-sync.timer",
    )
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr


def test_verify_would_notice_a_broken_unit(tmp_path: Path):
    """The check above can fail: a misspelt setting is reported."""
    laid_out_install(tmp_path)
    unit = tmp_path / "etc/systemd/system/kiosk-server.service"
    unit.write_text(unit.read_text().replace("ProtectSystem=strict", "ProtectSystem=sometimes"))
    assert "Failed to parse" in verify(tmp_path, "kiosk-server.service").stderr


def test_the_content_sync_runs_every_ten_minutes_as_the_kiosk_user():
    """The timer starts `run.py sync` as the user that owns the served versions."""
    timer = (UNITS / "kiosk-content-sync.timer").read_text()
    service = (UNITS / "kiosk-content-sync.service").read_text()
    assert "OnUnitActiveSec=10min\n" in timer and "Persistent=true\n" in timer
    assert "ExecStart=/opt/kiosk/.venv/bin/python run.py sync\n" in service
    assert "User=kiosk\n" in service and "ReadWritePaths=/opt/kiosk/instance\n" in service
