"""What the last content sync did, kept in a small JSON file beside the synced versions.

`run.py sync` (a separate process, started by a systemd timer) writes it; the server reads it
for the staff page, /healthz and /metrics. A file, not a database: the two processes share
nothing else, and an atomic rename means a reader never sees half of it.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.support.files import atomic_write

log = logging.getLogger(__name__)

#: The results a sync can have; the first two mean the kiosk serves the newest good version.
SUCCESSES = ("updated", "unchanged")
RESULTS = (*SUCCESSES, "refused", "failed")


@dataclass(frozen=True)
class ContentVersion:
    """One commit of the content repository."""

    commit: str
    date: str  # ISO 8601, the commit's own date (when the editor made it)
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.commit[:10]

    def age_days(self, now: float) -> int | None:
        """Whole days since the commit was made: how old the content served is (weeks without
        network show here). None when the date cannot be read."""
        try:
            made = datetime.fromisoformat(self.date).timestamp()
        except ValueError:
            return None
        return max(0, int((now - made) // 86400))


@dataclass(frozen=True)
class SyncState:
    """The version being served and what the last attempt to update it did."""

    #: The version served now (None before the first successful sync).
    version: ContentVersion | None
    #: Unix times of the last attempt and the last successful one.
    last_attempt: float | None
    last_success: float | None
    #: One of RESULTS, and the reason in words (for a refusal: the file, line and problem).
    result: str
    reason: str = ""
    #: The commit that was refused or could not be fetched, if any.
    refused_commit: str = ""

    @property
    def ok(self) -> bool:
        return self.result in SUCCESSES

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def report(self, now: float) -> dict[str, Any]:
        """What /healthz shows: the state, with the version's age and the ISO times."""
        report = self.as_dict()
        report["ok"] = self.ok
        report["version_age_days"] = self.version.age_days(now) if self.version else None
        for name in ("last_attempt", "last_success"):
            moment = getattr(self, name)
            report[f"{name}_at"] = (
                datetime.fromtimestamp(moment).astimezone().isoformat(timespec="seconds")
                if moment is not None
                else None
            )
        return report


class SyncStateFile:
    """state.json, read again only when it changed: the staff page, /healthz and every
    Prometheus scrape ask for it, and a stat costs less than a parse."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._seen: tuple[int, int, int] | None = None
        self._state: SyncState | None = None

    def report(self, now: float) -> dict[str, Any]:
        """What the staff page and /healthz show (SyncState.report), or that no sync has run."""
        state = self.read()
        return state.report(now) if state else {"result": "never", "ok": False}

    def read(self) -> SyncState | None:
        """The last sync's state; None before the first sync."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        seen = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if seen != self._seen:
                self._state, self._seen = read_sync_state(self.path), seen
            return self._state


def read_sync_state(path: Path) -> SyncState | None:
    """The state in `path`; None when no sync has run (or the file cannot be read, logged)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        version = raw.get("version")
        return SyncState(
            version=ContentVersion(**version) if version else None,
            last_attempt=raw.get("last_attempt"),
            last_success=raw.get("last_success"),
            result=raw["result"],
            reason=raw.get("reason", ""),
            refused_commit=raw.get("refused_commit", ""),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("content sync state %s cannot be read: %s", path, error)
        return None


def write_sync_state(path: Path, state: SyncState) -> None:
    """Replace the state file at once (written aside, flushed, renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(state.as_dict(), indent=2, ensure_ascii=False) + "\n")
