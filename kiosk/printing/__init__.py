"""Print service: leaflets to CUPS (or a folder), honest status, a paper guard (no Flask)."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.printing.cups_printer import CupsPrinter
from kiosk.printing.folder_printer import FolderPrinter
from kiosk.printing.job_store import PrintJob, PrintJobStore
from kiosk.printing.service import PaperGuard, Printer, PrintRefused, PrintService
from kiosk.printing.status import JobStatus, PrintError, PrinterStatus

log = logging.getLogger(__name__)

__all__ = [
    "CupsPrinter", "FolderPrinter", "JobStatus", "PaperGuard", "PrintError", "PrintJob",
    "PrintJobStore", "PrintRefused", "PrintService", "Printer", "PrinterStatus", "choose_printer",
]  # fmt: skip


def choose_printer(kind: str, server: str | None, queue: str | None, folder: Path) -> Printer:
    """The configured printer. 'auto': CUPS when a queue is configured or CUPS has a default
    printer, otherwise the folder printer (so a fresh machine can still 'print')."""
    if kind == "folder":
        printer: Printer = FolderPrinter(folder)
    elif kind == "cups" or queue:
        printer = CupsPrinter(server, queue)
    elif kind == "auto":
        cups = CupsPrinter(server, None)
        found = cups.status()
        usable = found.ready or not set(found.reasons) & {"unreachable", "no-printer"}
        printer = cups if usable else FolderPrinter(folder)
    else:
        raise ValueError(f"PRINTER must be auto, cups or folder, not {kind!r}")
    log.info("printing to %s %s", printer.kind, printer.name)
    return printer
