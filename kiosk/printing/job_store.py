"""Print jobs in SQLite: every job is recorded, so none is lost in a restart, and the paper
guard counts what was printed today."""

from __future__ import annotations

import secrets
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from kiosk.support.sqlite import connect

TOKEN_BYTES = 18  # 24 characters in a URL

SCHEMA = """
CREATE TABLE IF NOT EXISTS print_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    lang TEXT NOT NULL,
    slug TEXT NOT NULL,
    pages INTEGER NOT NULL,
    printer TEXT NOT NULL,
    printer_job TEXT,
    state TEXT NOT NULL,
    staff_reason TEXT,
    reasons TEXT NOT NULL DEFAULT '',
    finished REAL,
    token TEXT
);
CREATE INDEX IF NOT EXISTS print_jobs_created ON print_jobs (created);
"""
#: Columns added since the first release, for databases made before them.
ADDED_COLUMNS = {"token": "TEXT"}
TOKEN_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS print_jobs_token ON print_jobs (token)"


@dataclass(frozen=True)
class PrintJob:
    """One visitor's print: which leaflet, where it went, and how it is doing."""

    id: int
    created: float
    lang: str
    slug: str
    pages: int
    printer: str
    printer_job: str | None
    state: str
    staff_reason: str | None
    reasons: tuple[str, ...]
    finished: float | None
    #: random and unguessable: the job's address, known only to the browser that printed it
    token: str | None = None

    @property
    def finished_state(self) -> bool:
        """Done or failed: nothing will change any more."""
        return self.state in ("done", "failed")


class PrintJobStore:
    """The print_jobs table; one short connection per call, so any thread may use it."""

    def __init__(self, database: Path) -> None:
        self.database = database
        with closing(self._connect()) as connection, connection:
            connection.executescript(SCHEMA)
            known = {row[1] for row in connection.execute("PRAGMA table_info(print_jobs)")}
            for column, kind in ADDED_COLUMNS.items():
                if column not in known:
                    connection.execute(f"ALTER TABLE print_jobs ADD COLUMN {column} {kind}")
            connection.execute(TOKEN_INDEX)

    def _connect(self) -> sqlite3.Connection:
        connection = connect(self.database)
        connection.row_factory = sqlite3.Row
        return connection

    def add(self, lang: str, slug: str, pages: int, printer: str) -> PrintJob:
        """Record a new job (state 'waiting', not yet sent)."""
        with closing(self._connect()) as connection, connection:
            cursor = connection.execute(
                "INSERT INTO print_jobs (created, lang, slug, pages, printer, state, token)"
                " VALUES (?, ?, ?, ?, ?, 'waiting', ?)",
                (time.time(), lang, slug, pages, printer, secrets.token_urlsafe(TOKEN_BYTES)),
            )
            job_id = cursor.lastrowid
        job = self.get(job_id)
        assert job is not None
        return job

    def update(self, job_id: int, **fields: object) -> PrintJob:
        """Change a job's state, printer job, reasons; sets `finished` when it ends."""
        if "reasons" in fields:
            fields["reasons"] = " ".join(fields["reasons"])  # type: ignore[arg-type]
        if fields.get("state") in ("done", "failed"):
            fields.setdefault("finished", time.time())
        allowed = {"printer_job", "state", "staff_reason", "reasons", "finished"}
        assert set(fields) <= allowed, fields
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with closing(self._connect()) as connection, connection:
            connection.execute(
                f"UPDATE print_jobs SET {assignments} WHERE id = ?", (*fields.values(), job_id)
            )
        job = self.get(job_id)
        assert job is not None
        return job

    def get(self, job_id: int) -> PrintJob | None:
        """A job by id."""
        with closing(self._connect()) as connection:
            row = connection.execute("SELECT * FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row) if row else None

    def find(self, token: str) -> PrintJob | None:
        """A job by its token."""
        with closing(self._connect()) as connection:
            row = connection.execute(
                "SELECT * FROM print_jobs WHERE token = ?", (token,)
            ).fetchone()
        return _job(row) if row else None

    def latest(self) -> PrintJob | None:
        """The most recent visitor's job that was sent to the printer (not a staff test)."""
        with closing(self._connect()) as connection:
            row = connection.execute(
                "SELECT * FROM print_jobs WHERE printer_job IS NOT NULL AND lang != '-'"
                " ORDER BY id DESC LIMIT 1"
            ).fetchone()
        return _job(row) if row else None

    def printed_since(self, since: float) -> int:
        """How many jobs were sent to the printer since `since` (a Unix time)."""
        with closing(self._connect()) as connection:
            (count,) = connection.execute(
                "SELECT COUNT(*) FROM print_jobs"
                " WHERE created >= ? AND printer_job IS NOT NULL AND lang != '-'",
                (since,),
            ).fetchone()
        return count

    def count_by_state(self) -> dict[str, int]:
        """How many visitors' jobs are in each state (staff test prints left out): finished
        jobs never change, so the done and failed counts only grow (/metrics)."""
        with closing(self._connect()) as connection:
            rows = connection.execute(
                "SELECT state, COUNT(*) FROM print_jobs WHERE lang != '-' GROUP BY state"
            ).fetchall()
        return {state: count for state, count in rows}


def _job(row: sqlite3.Row) -> PrintJob:
    return PrintJob(
        id=row["id"],
        created=row["created"],
        lang=row["lang"],
        slug=row["slug"],
        pages=row["pages"],
        printer=row["printer"],
        printer_job=row["printer_job"],
        state=row["state"],
        staff_reason=row["staff_reason"],
        reasons=tuple(row["reasons"].split()) if row["reasons"] else (),
        finished=row["finished"],
        token=row["token"],
    )
