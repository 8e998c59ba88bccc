"""The code follows the project's ruff rules (E, F, I, UP, B) and formatting."""

from __future__ import annotations

import subprocess
import sys

from kiosk.settings import PROJECT_ROOT


def run_ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=PROJECT_ROOT, capture_output=True, text=True
    )


def test_ruff_check_passes():
    result = run_ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied():
    result = run_ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr
