"""The code follows the project's ruff rules (errors, imports, bugbear, function size) and
formatting."""

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


MAX_FUNCTION_LINES = 40


def test_every_function_in_the_kiosk_is_short():
    """ruff bounds statements, branches and complexity; this bounds the length as read."""
    import ast

    long = []
    for path in sorted((PROJECT_ROOT / "kiosk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno} {node.name}")
    assert long == [], f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_ruff_bounds_the_size_of_functions():
    """The limits are switched on (a check that cannot fail would prove nothing)."""
    import tomllib

    lint = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]
    assert {"C901", "PLR0912", "PLR0915"} <= set(lint["select"])
    assert lint["pylint"]["max-statements"] <= 25 and lint["mccabe"]["max-complexity"] <= 8
