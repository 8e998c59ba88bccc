"""The one way the kiosk opens its SQLite database (print jobs and usage share it): WAL mode,
one busy-timeout policy for both, and a file only the server can read."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

#: Seconds a statement waits for another writer before it fails with "database is locked".
#: Long enough to ride out the usage flush (a few milliseconds), short enough that a stuck
#: database gives the visitor a plain "printing does not work now" instead of a hang.
BUSY_TIMEOUT_SECONDS = 2.0


def connect(database: Path, timeout: float | None = None) -> sqlite3.Connection:
    """A connection in WAL mode (readers never wait for the writer), creating the folder."""
    database.parent.mkdir(parents=True, exist_ok=True)
    if not database.exists():
        # Readable by the server only (SQLite gives its -wal and -shm files the same mode).
        try:
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
    connection = sqlite3.connect(
        database, timeout=BUSY_TIMEOUT_SECONDS if timeout is None else timeout
    )
    connection.execute("PRAGMA journal_mode=WAL")
    return connection
