"""The secret key is made once per installation, private, and kept."""

from __future__ import annotations

import stat
from pathlib import Path

from kiosk.support.secret_key import load_or_create_secret_key


def test_key_is_created_private_and_reused(tmp_path: Path):
    instance = tmp_path / "instance"
    key = load_or_create_secret_key(instance)
    path = instance / "secret_key"
    assert len(key) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_secret_key(instance) == key
    assert [p.name for p in instance.iterdir()] == ["secret_key"]  # no temporary file left


def test_two_processes_starting_at_once_agree_on_one_key(tmp_path: Path):
    """Was: creating the key was not exclusive, so two processes on a fresh instance could
    each keep a different key (and refuse each other's cookies)."""
    import subprocess
    import sys

    from kiosk.settings import PROJECT_ROOT

    instance = tmp_path / "fresh"
    script = (
        "import sys; from pathlib import Path; "
        "from kiosk.support.secret_key import load_or_create_secret_key as k; "
        "print(k(Path(sys.argv[1])))"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(instance)],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(6)
    ]
    keys = {process.communicate(timeout=30)[0].strip() for process in processes}
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert stat.S_IMODE(instance.stat().st_mode) == 0o700
    assert [p.name for p in instance.iterdir()] == ["secret_key"]
