"""A per-installation secret key, made once and kept in the instance folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def load_or_create_secret_key(instance_path: Path) -> str:
    """Read instance/secret_key, creating it (atomically, mode 0600) on first start."""
    path = instance_path / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    temporary = path.with_name(f".secret_key.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return key
