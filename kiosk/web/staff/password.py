"""The staff password: a hash on disk, checked slowly, locked after repeated wrong guesses."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from kiosk.support.files import atomic_write

MIN_LENGTH = 8


def save_password_hash(path: Path, password: str) -> None:
    """Store a hash of `password` (scrypt) in `path`, readable by the owner only."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"the password must be at least {MIN_LENGTH} characters")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, generate_password_hash(password), mode=0o600)


def load_password_hash(path: Path, configured: str | None = None) -> str | None:
    """The configured hash, or the one saved by `run.py set-password`, or None."""
    if configured:
        return configured
    try:
        return path.read_text(encoding="ascii").strip() or None
    except OSError:
        return None


@dataclass(frozen=True)
class Attempt:
    """The outcome of a login: 'ok', 'wrong', 'locked' or 'no-password'."""

    outcome: str
    wait_seconds: int = 0


class StaffGate:
    """Checks passwords; after `max_failures` wrong ones, refuses all for `lockout_seconds`."""

    def __init__(
        self, password_hash: str | None, max_failures: int = 5, lockout_seconds: float = 300,
        delay_seconds: float = 1.0,
    ) -> None:  # fmt: skip
        self.password_hash = password_hash
        self.max_failures = max_failures
        self.lockout_seconds = lockout_seconds
        self.delay_seconds = delay_seconds
        self._failures = 0
        self._locked_until = 0.0
        self._lock = threading.Lock()

    def attempt(self, password: str) -> Attempt:
        """Check one password, slowly when it is wrong."""
        if not self.password_hash:
            return Attempt("no-password")
        with self._lock:
            now = time.monotonic()
            if now < self._locked_until:
                return Attempt("locked", int(self._locked_until - now) + 1)
        if check_password_hash(self.password_hash, password):
            with self._lock:
                self._failures = 0
            return Attempt("ok")
        time.sleep(self.delay_seconds)  # slows guessing down
        with self._lock:
            self._failures += 1
            if self._failures >= self.max_failures:
                self._failures = 0
                self._locked_until = time.monotonic() + self.lockout_seconds
                return Attempt("locked", int(self.lockout_seconds))
        return Attempt("wrong")
