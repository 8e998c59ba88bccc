"""The staff password: a scrypt hash on disk, and a gate that checks guesses per client.

Each client address gets its own back-off: after a wrong guess it must wait (1 s, then 2, 4, …)
before its next guess is even checked, and after `max_failures` wrong guesses it waits
`lockout_seconds`. Waiting is done by refusing early, never by sleeping in a request thread,
and the check and the count happen in one step under a lock, so parallel guesses cannot slip
through a window. Another client (the staff at the kiosk itself) is never locked out by them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from kiosk.support.files import atomic_write

MIN_LENGTH = 8
#: Password checks running at once (scrypt is slow on purpose); more get "try again".
MAX_CHECKS_AT_ONCE = 2
#: Clients remembered; the oldest are forgotten first (a flood of addresses stays bounded).
MAX_CLIENTS = 1000


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
    """The outcome of a login: 'ok', 'wrong', 'wait' (a back-off after a wrong guess),
    'locked' (too many wrong guesses), 'busy' or 'no-password'."""

    outcome: str
    wait_seconds: int = 0


@dataclass
class _Client:
    failures: int = 0
    allowed_at: float = 0.0
    checking: bool = False


class StaffGate:
    """Checks passwords with a back-off per client; the hash is read again when its file
    changes, so a new password works without a restart (`changed` tells the sessions)."""

    def __init__(
        self, hash_file: Path, configured: str | None = None, max_failures: int = 5,
        lockout_seconds: float = 300, delay_seconds: float = 1.0,
    ) -> None:  # fmt: skip
        self.hash_file = hash_file
        self.configured = configured
        self.max_failures = max_failures
        self.lockout_seconds = lockout_seconds
        self.delay_seconds = delay_seconds
        self.checks = 0
        self._clients: OrderedDict[str, _Client] = OrderedDict()
        self._lock = threading.Lock()
        self._checking = threading.BoundedSemaphore(MAX_CHECKS_AT_ONCE)
        self._stamp: tuple[int, int] | None | str = "never read"
        self._hash: str | None = None

    def password_hash(self) -> str | None:
        """The current hash (the file is read again when it changed)."""
        stamp = _stamp_of(self.hash_file)
        if stamp != self._stamp:
            self._stamp = stamp
            self._hash = load_password_hash(self.hash_file, self.configured)
        return self._hash

    def attempt(self, client: str, password: str) -> Attempt:
        """Check one guess from `client`, if its back-off allows one now."""
        password_hash = self.password_hash()
        if not password_hash:
            return Attempt("no-password")
        refused = self._reserve(client)
        if refused is not None:
            return refused
        try:
            right = check_password_hash(password_hash, password)
        finally:
            self._checking.release()
        return self._record(client, right)

    def _reserve(self, client: str) -> Attempt | None:
        """In one step: refuse a client that must wait (or is being checked), else mark it
        as being checked; None when the guess may be checked."""
        with self._lock:
            state = self._client(client)
            now = time.monotonic()
            if state.checking or now < state.allowed_at:
                outcome = "locked" if state.failures >= self.max_failures else "wait"
                return Attempt(outcome, max(int(state.allowed_at - now) + 1, 1))
            if not self._checking.acquire(blocking=False):
                return Attempt("busy", 1)
            state.checking = True
            self.checks += 1
        return None

    def _record(self, client: str, right: bool) -> Attempt:
        with self._lock:
            state = self._client(client)
            state.checking = False
            if right:
                self._clients.pop(client, None)
                return Attempt("ok")
            state.failures += 1
            if state.failures >= self.max_failures:
                wait = self.lockout_seconds
            else:
                wait = self.delay_seconds * 2 ** (state.failures - 1)
            state.allowed_at = time.monotonic() + wait
            return Attempt("locked" if state.failures >= self.max_failures else "wrong", int(wait))

    def _client(self, client: str) -> _Client:
        state = self._clients.get(client)
        if state is None:
            state = self._clients[client] = _Client()
            while len(self._clients) > MAX_CLIENTS:
                self._clients.popitem(last=False)
        self._clients.move_to_end(client)
        return state


def _stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
