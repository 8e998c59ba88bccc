"""A per-installation secret key, made once and kept in the instance folder."""

from __future__ import annotations

import secrets
from pathlib import Path

from kiosk.support.files import create_exclusively, private_folder


def load_or_create_secret_key(instance_path: Path) -> str:
    """Read instance/secret_key, creating it (mode 0600) on first start. Two processes starting
    at once on a fresh instance agree: only one creates it, and both read back the same key."""
    path = private_folder(instance_path) / "secret_key"
    if not path.exists():
        create_exclusively(path, secrets.token_hex(32), mode=0o600)
    return path.read_text(encoding="ascii").strip()
