"""The print service: checks the printer and the paper guard, sends the job, follows it.

A visitor sees waiting → printing → done, or a plain reason why not. Jobs are recorded in
SQLite before they are sent, so a job is never lost silently: one that cannot print says so,
and one that waits too long behind a printer problem is cancelled (so it does not come out
later for nobody) and reported as failed.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from kiosk.printing.job_store import PrintJob, PrintJobStore
from kiosk.printing.status import JobStatus, PrintError, PrinterStatus
from kiosk.support.status import service_status

log = logging.getLogger(__name__)


class Printer(Protocol):
    """What the service needs of a printer."""

    kind: str

    @property
    def name(self) -> str: ...
    def status(self) -> PrinterStatus: ...
    def submit(self, pdf: Path, title: str) -> str: ...
    def job_status(self, job: str) -> JobStatus: ...
    def cancel(self, job: str) -> None: ...
    def resume(self) -> None: ...


@dataclass(frozen=True)
class PaperGuard:
    """Limits against wasted paper: a pause between prints and a daily maximum."""

    cooldown_seconds: float = 30
    daily_limit: int = 100


class PrintRefused(RuntimeError):
    """Printing is not possible now. `kind` says why: "printer" (its `reasons` say what is
    wrong with it), "cooldown" (a print was just made) or "daily_limit"."""

    KINDS = ("printer", "cooldown", "daily_limit")

    def __init__(self, kind: str, staff_reason: str, reasons: tuple[str, ...] = ()) -> None:
        assert kind in self.KINDS, kind
        super().__init__(staff_reason)
        self.kind = kind
        self.staff_reason = staff_reason
        self.reasons = reasons


class PrintService:
    """Prints leaflets on one printer; safe to use from any request thread."""

    def __init__(
        self,
        printer: Printer,
        store: PrintJobStore,
        guard: PaperGuard = PaperGuard(),
        abandon_seconds: float = 180,
        status_seconds: float = 3,
    ) -> None:
        self.printer = printer
        self.store = store
        self.guard = guard
        self.abandon_seconds = abandon_seconds
        self.status_seconds = status_seconds
        self._status: tuple[float, PrinterStatus] | None = None
        self._lock = threading.Lock()
        #: why the last print could not be recorded (for the staff), until one can
        self.store_problem: str | None = None

    def printer_status(self, fresh: bool = False) -> PrinterStatus:
        """The printer's state, asked at most every few seconds."""
        now = time.monotonic()
        if fresh or self._status is None or now - self._status[0] > self.status_seconds:
            self._status = (now, self.printer.status())
        return self._status[1]

    def check(self) -> None:
        """Raise PrintRefused if a print would be refused now (printer, pause, daily limit)."""
        status = self.printer_status()
        if not status.ready:
            raise PrintRefused("printer", status.staff_reason or "", status.reasons or ("other",))
        try:
            latest = self.store.latest()
            printed_today = self.printed_today()
        except sqlite3.Error as error:  # without the paper guard's records, no printing
            raise self._store_failed(error) from error
        if latest and time.time() - latest.created < self.guard.cooldown_seconds:
            raise PrintRefused("cooldown", f"last print {time.time() - latest.created:.0f} s ago")
        if printed_today >= self.guard.daily_limit:
            raise PrintRefused("daily_limit", f"daily limit of {self.guard.daily_limit} reached")

    def printed_today(self) -> int:
        """Visitors' prints since midnight, local time: what the daily limit counts."""
        midnight = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        return self.store.printed_since(midnight)

    def _store_failed(self, error: sqlite3.Error) -> PrintRefused:
        """Remember (for the staff) that the job database failed; the refusal to raise."""
        self.store_problem = f"print job database: {type(error).__name__}: {error}"
        log.error("print refused: %s", self.store_problem)
        return PrintRefused("printer", self.store_problem, ("other",))

    def print_leaflet(self, lang: str, slug: str, pdf: Path, pages: int, title: str) -> PrintJob:
        """Send a leaflet to the printer; raises PrintRefused (nothing is printed then)."""
        with self._lock:  # two taps at once: the second one meets the pause
            self.check()
            try:
                job = self.store.add(lang, slug, pages, f"{self.printer.kind}:{self.printer.name}")
            except sqlite3.Error as error:  # a job that cannot be kept is not printed
                raise self._store_failed(error) from error
            self.store_problem = None
            try:
                printer_job = self.printer.submit(pdf, title)
            except PrintError as error:
                self._status = None
                self.store.update(
                    job.id, state="failed", staff_reason=error.staff_reason, reasons=error.reasons
                )
                raise PrintRefused("printer", error.staff_reason, error.reasons) from error
            return self.store.update(job.id, printer_job=printer_job)

    def follow(self, job_id: int) -> PrintJob | None:
        """The job's current state, asked from the printer while it is not finished."""
        job = self.store.get(job_id)
        if job is None or job.finished_state or job.printer_job is None:
            return job
        status = self.printer.job_status(job.printer_job)
        if status.state == "waiting" and time.time() - job.created > self.abandon_seconds:
            printer = self.printer_status(fresh=True)
            if not printer.ready:
                self.printer.cancel(job.printer_job)
                reason = (
                    f"cancelled after {self.abandon_seconds:g} s waiting: {printer.staff_reason}"
                )
                return self.store.update(
                    job.id, state="failed", staff_reason=reason, reasons=printer.reasons
                )
        if status.state != job.state or status.reasons != job.reasons:
            job = self.store.update(
                job.id, state=status.state, staff_reason=status.staff_reason, reasons=status.reasons
            )
        return job

    def resume(self) -> None:
        """Staff: start the stopped queue again."""
        self.printer.resume()
        self._status = None

    def test_print(self, pdf: Path) -> PrintJob:
        """Staff: print a test page, past the paper guard (it does not count for visitors)."""
        job = self.store.add("-", "test", 1, f"{self.printer.kind}:{self.printer.name}")
        try:
            printer_job = self.printer.submit(pdf, "Testafdruk")
        except PrintError as error:
            self.store.update(job.id, state="failed", staff_reason=error.staff_reason,
                              reasons=error.reasons)  # fmt: skip
            raise
        self._status = None
        return self.store.update(job.id, printer_job=printer_job)

    def status(self) -> dict[str, object]:
        """For /healthz and the staff."""
        printer = self.printer_status()
        problem = None if printer.ready else (printer.staff_reason or "the printer is not ready")
        return service_status(
            problem or self.store_problem,
            printer=printer.kind,
            queue=printer.name,
            reasons=list(printer.reasons),
        )
