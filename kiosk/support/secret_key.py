"""A per-installation secret key, made once and kept in the instance folder."""

from __future__ import annotations

import secrets
from pathlib import Path

from kiosk.support.files import atomic_write


def load_or_create_secret_key(instance_path: Path) -> str:
    """Read instance/secret_key, creating it (atomically, mode 0600) on first start."""
    path = instance_path / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    atomic_write(path, key, mode=0o600)
    return key
