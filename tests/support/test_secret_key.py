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
