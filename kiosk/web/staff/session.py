"""Staff logins kept on the server. The session cookie holds only a random token; the login
itself lives here, so logging out ends it for every copy of the cookie, a new password ends
every login, and a login ends after `idle_minutes` without use or `lifetime_hours` in all."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass

from flask import Flask, current_app, request, session

from kiosk.services import Services
from kiosk.web.staff.password import Attempt, StaffGate

EXTENSION = "kiosk.staff"
TOKEN = "staff"


@dataclass
class _Login:
    started: float
    seen: float
    password: str  # a digest of the hash it was made with: a new password ends it


class StaffSessions:
    """The current staff logins by token; safe from any thread."""

    def __init__(self, idle_seconds: float, lifetime_seconds: float) -> None:
        self.idle_seconds = idle_seconds
        self.lifetime_seconds = lifetime_seconds
        self._logins: dict[str, _Login] = {}
        self._lock = threading.Lock()

    def start(self, password_hash: str) -> str:
        """A new login; its token for the cookie."""
        token = secrets.token_urlsafe(32)
        now = time.monotonic()
        with self._lock:
            self._forget_old(now)
            self._logins[token] = _Login(now, now, _digest(password_hash))
        return token

    def valid(self, token: object, password_hash: str | None, touch: bool = False) -> bool:
        """Whether `token` is a live login made with the current password."""
        if not isinstance(token, str) or not password_hash:
            return False
        now = time.monotonic()
        with self._lock:
            login = self._logins.get(token)
            if login is None:
                return False
            if not self._alive(login, now) or login.password != _digest(password_hash):
                del self._logins[token]
                return False
            if touch:
                login.seen = now
            return True

    def end(self, token: object) -> None:
        with self._lock:
            self._logins.pop(token, None)  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._logins)

    def _alive(self, login: _Login, now: float) -> bool:
        return (
            now - login.seen <= self.idle_seconds and now - login.started <= self.lifetime_seconds
        )

    def _forget_old(self, now: float) -> None:
        for token in [t for t, login in self._logins.items() if not self._alive(login, now)]:
            del self._logins[token]


@dataclass(frozen=True)
class StaffAccess:
    """The password gate and the logins of one app."""

    gate: StaffGate
    sessions: StaffSessions


def init_app(app: Flask, services: Services) -> None:
    """One gate and one set of logins per app, from the settings."""
    settings = services.settings
    app.extensions[EXTENSION] = StaffAccess(
        StaffGate(
            settings.staff_password_file,
            settings.staff_password_hash,
            settings.staff_max_failures,
            settings.staff_lockout_seconds,
            settings.staff_failure_delay_seconds,
        ),
        StaffSessions(60 * settings.staff_session_minutes, 3600 * settings.staff_session_hours),
    )


def staff_access() -> StaffAccess:
    return current_app.extensions[EXTENSION]


def is_staff(touch: bool = False) -> bool:
    """This browser has a live staff login (`touch` extends its idle time)."""
    access = staff_access()
    return access.sessions.valid(session.get(TOKEN), access.gate.password_hash(), touch)


def log_in(password: str) -> Attempt:
    """Check the password for this client; on success a fresh session with the login."""
    access = staff_access()
    attempt = access.gate.attempt(request.remote_addr or "-", password)
    if attempt.outcome == "ok":
        session.clear()  # nothing of a visitor's session carries over
        session[TOKEN] = access.sessions.start(access.gate.password_hash() or "")
    return attempt


def log_out() -> None:
    """End this login everywhere its cookie may have been copied."""
    staff_access().sessions.end(session.pop(TOKEN, None))


def _digest(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()
