"""The real printer: a CUPS queue, through pycups."""

from __future__ import annotations

import threading
from pathlib import Path

import cups

from kiosk.printing.status import JobStatus, PrintError, PrinterStatus, blocking

# IPP job states
_PENDING, _HELD, _PROCESSING, _STOPPED, _CANCELED, _ABORTED, _COMPLETED = 3, 4, 5, 6, 7, 8, 9
_PRINTER_STOPPED = 5
_STATE_ATTRIBUTES = [
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-is-accepting-jobs",
]
_JOB_ATTRIBUTES = ["job-id", "job-state", "job-state-reasons", "job-printer-state-message"]
_lock = threading.Lock()


class CupsPrinter:
    """A CUPS queue (`queue`, or the server's default destination when None)."""

    kind = "cups"

    def __init__(self, server: str | None = None, queue: str | None = None) -> None:
        self.server = server
        self.queue = queue

    @property
    def name(self) -> str:
        """The queue's name as configured (or 'default')."""
        return self.queue or "default"

    def _connect(self) -> cups.Connection:
        """A connection to the configured server (callers hold `_lock`: libcups keeps the
        server per process, and some calls, such as printing, use it besides the connection)."""
        try:
            cups.setServer(self.server or "")
            return cups.Connection()
        except RuntimeError as error:
            where = self.server or "the local CUPS server"
            raise PrintError(f"cannot reach CUPS at {where}: {error}", ("unreachable",)) from error

    def _queue(self, connection: cups.Connection) -> str:
        queue = self.queue or connection.getDefault()
        if not queue:
            raise PrintError(
                "CUPS has no default printer and no queue is configured", ("no-printer",)
            )
        return queue

    def status(self) -> PrinterStatus:
        """Ask CUPS whether the queue can print now."""
        try:
            with _lock:
                connection = self._connect()
                queue = self._queue(connection)
                attributes = connection.getPrinterAttributes(
                    queue, requested_attributes=_STATE_ATTRIBUTES
                )
        except PrintError as error:
            return PrinterStatus(False, self.kind, self.name, error.staff_reason, error.reasons)
        except cups.IPPError as error:
            status, message = error.args
            reason = f"CUPS answered {status} for queue {self.name}: {message}"
            return PrinterStatus(False, self.kind, self.name, reason, ("no-printer",))
        reasons = _as_tuple(attributes.get("printer-state-reasons"))
        problems = blocking(reasons)
        if attributes.get("printer-state") == _PRINTER_STOPPED and not problems:
            problems = ["stopped"]
        if not attributes.get("printer-is-accepting-jobs", True):
            problems.append("not-accepting")
        if not problems:
            return PrinterStatus(True, self.kind, queue)
        detail = attributes.get("printer-state-message") or ""
        staff = f"queue {queue}: {', '.join(problems)}" + (f" ({detail})" if detail else "")
        return PrinterStatus(False, self.kind, queue, staff, tuple(problems))

    def submit(self, pdf: Path, title: str) -> str:
        """Send the PDF to the queue; returns the CUPS job id."""
        try:
            with _lock:
                connection = self._connect()
                queue = self._queue(connection)
                job = connection.printFile(queue, str(pdf), title, {})
        except cups.IPPError as error:
            status, message = error.args
            reasons = ("not-accepting",) if status == cups.IPP_NOT_ACCEPTING else ("no-printer",)
            raise PrintError(f"CUPS refused the job ({status}): {message}", reasons) from error
        return str(job)

    def job_status(self, job: str) -> JobStatus:
        """Ask CUPS how a job is doing."""
        try:
            with _lock:
                attributes = self._connect().getJobAttributes(
                    int(job), requested_attributes=_JOB_ATTRIBUTES
                )
        except PrintError as error:
            return JobStatus("waiting", error.staff_reason, error.reasons)
        except cups.IPPError as error:
            return JobStatus("failed", f"CUPS does not know job {job}: {error.args[1]}", ("other",))
        state = attributes.get("job-state")
        reasons = _as_tuple(attributes.get("job-state-reasons"))
        if state == _COMPLETED:
            return JobStatus("done")
        if state in (_STOPPED, _CANCELED, _ABORTED):
            message = attributes.get("job-printer-state-message") or ", ".join(reasons)
            return JobStatus("failed", f"job {job} ended in state {state}: {message}", reasons)
        return JobStatus("printing" if state == _PROCESSING else "waiting", None, reasons)

    def resume(self) -> None:
        """Start a stopped queue and let it accept jobs again (staff page)."""
        with _lock:
            connection = self._connect()
            queue = self._queue(connection)
            try:
                connection.enablePrinter(queue)
                connection.acceptJobs(queue)
            except cups.IPPError as error:
                raise PrintError(f"CUPS would not resume {queue}: {error.args[1]}") from error

    def cancel(self, job: str) -> None:
        """Cancel a job that will not print any more (so it does not come out later)."""
        try:
            with _lock:
                self._connect().cancelJob(int(job))
        except (PrintError, cups.IPPError):
            pass


def _as_tuple(value: object) -> tuple[str, ...]:
    """IPP gives one keyword as a string and several as a list."""
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]
