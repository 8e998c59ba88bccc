"""Usage statistics: how often each topic is viewed, heard and printed, per day.

Only counts per day, language, topic and kind of use; no visitor data, no IP addresses. A write
that fails (a locked or read-only database) is logged, counted and tried again later, and never
reaches the visitor.
"""

from __future__ import annotations

import csv
import io
import logging
import sqlite3
import threading
from collections import Counter
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

from kiosk.support.sqlite import connect

log = logging.getLogger(__name__)

EVENTS = ("view", "listen", "listen_done", "print", "idle_reset")
EVENT_NAMES = {
    "view": "Bekeken",
    "listen": "Voorlezen gestart",
    "listen_done": "Voorlezen afgemaakt",
    "print": "Geprint",
    "idle_reset": "Opnieuw begonnen",
}
SCHEMA = """
CREATE TABLE IF NOT EXISTS usage (
    day TEXT NOT NULL,
    lang TEXT NOT NULL,
    slug TEXT NOT NULL,
    event TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, lang, slug, event)
);
"""


class UsageStore:
    """Counters in SQLite. A visit only adds to a counter in memory;
    the counters are written in one transaction every `flush_seconds` (so a page view never
    waits for the disk; a crash can lose at most that many seconds of counts)."""

    def __init__(self, database: Path, flush_seconds: float = 5) -> None:
        self.database = database
        self.failed_writes = 0
        self.last_error: str | None = None
        self._pending: Counter[tuple[str, str, str, str]] = Counter()
        self._lock = threading.Lock()
        #: one flush at a time, so a reader after `flush()` sees every count written
        self._writing = threading.Lock()
        self._stop = threading.Event()
        try:
            with closing(self._connect()) as connection, connection:
                connection.executescript(SCHEMA)
        except sqlite3.Error as error:
            self._failed(error)
        if flush_seconds > 0:
            threading.Thread(
                target=self._flush_every, args=(flush_seconds,), name="usage", daemon=True
            ).start()

    def _connect(self) -> sqlite3.Connection:
        return connect(self.database)

    def _failed(self, error: Exception) -> None:
        self.failed_writes += 1
        self.last_error = f"{type(error).__name__}: {error}"
        log.warning("usage statistics not saved: %s", self.last_error)

    def record(self, event: str, lang: str = "-", slug: str = "-", day: date | None = None) -> None:
        """Count one use (in memory; written by the next flush)."""
        if event not in EVENTS:
            raise ValueError(f"unknown event {event!r}")
        with self._lock:
            self._pending[((day or date.today()).isoformat(), lang, slug, event)] += 1

    def flush(self) -> bool:
        """Write the counted uses; on failure they stay in memory for the next try."""
        with self._writing:
            return self._write_pending()

    def _write_pending(self) -> bool:
        with self._lock:
            pending, self._pending = self._pending, Counter()
        if not pending:
            return True
        try:
            with closing(self._connect()) as connection, connection:
                connection.executemany(
                    "INSERT INTO usage (day, lang, slug, event, count) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (day, lang, slug, event) DO UPDATE SET count = count + ?",
                    [(*key, count, count) for key, count in pending.items()],
                )
            return True
        except sqlite3.Error as error:
            with self._lock:
                self._pending.update(pending)
            self._failed(error)
            return False

    def close(self) -> bool:
        """Stop the periodic writes and write what is still counted."""
        self._stop.set()
        return self.flush()

    def _flush_every(self, seconds: float) -> None:
        while not self._stop.wait(seconds):
            self.flush()

    def rows(
        self, days: int = 30, today: date | None = None
    ) -> list[tuple[str, str, str, str, int]]:
        """(day, lang, slug, event, count) for the last `days` days, oldest first."""
        since = ((today or date.today()) - timedelta(days=days - 1)).isoformat()
        self.flush()
        try:
            with closing(self._connect()) as connection:
                return connection.execute(
                    "SELECT day, lang, slug, event, count FROM usage WHERE day >= ?"
                    " ORDER BY day, lang, slug, event",
                    (since,),
                ).fetchall()
        except sqlite3.Error as error:
            self.last_error = f"{type(error).__name__}: {error}"
            return []

    def totals(self) -> list[tuple[str, str, str, int]] | None:
        """(lang, slug, event, count) over all days: counts that only grow, for /metrics;
        None when the database cannot be read."""
        self.flush()
        try:
            with closing(self._connect()) as connection:
                return connection.execute(
                    "SELECT lang, slug, event, SUM(count) FROM usage"
                    " GROUP BY lang, slug, event ORDER BY lang, slug, event"
                ).fetchall()
        except sqlite3.Error as error:
            self.last_error = f"{type(error).__name__}: {error}"
            return None

    def per_day(self, days: int = 30, today: date | None = None) -> list[dict[str, object]]:
        """Every day of the period (also the quiet ones) with a count per event."""
        end = today or date.today()
        totals = {
            (end - timedelta(days=offset)).isoformat(): dict.fromkeys(EVENTS, 0)
            for offset in range(days - 1, -1, -1)
        }
        for day, _lang, _slug, event, count in self.rows(days, end):
            totals[day][event] += count
        return [{"day": day, **counts} for day, counts in totals.items()]

    def per_topic(self, days: int = 30, today: date | None = None) -> list[dict[str, object]]:
        """Totals per language and topic over the period, most viewed first."""
        totals: dict[tuple[str, str], dict[str, int]] = {}
        for _day, lang, slug, event, count in self.rows(days, today):
            if slug == "-":
                continue
            totals.setdefault((lang, slug), dict.fromkeys(EVENTS, 0))[event] += count
        ordered = sorted(totals.items(), key=lambda item: -item[1]["view"])
        return [{"lang": lang, "slug": slug, **counts} for (lang, slug), counts in ordered]

    def csv(self, days: int = 30, today: date | None = None) -> str:
        """The rows as CSV, for a spreadsheet."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["day", "language", "topic", "event", "count"])
        writer.writerows(self.rows(days, today))
        return out.getvalue()
