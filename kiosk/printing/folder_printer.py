"""A printer that writes each leaflet into a folder: for a machine without CUPS."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from kiosk.printing.status import JobStatus, PrintError, PrinterStatus
from kiosk.support.files import atomic_write


class FolderPrinter:
    """Prints by copying the PDF into `folder` (written under a temporary name, then renamed)."""

    kind = "folder"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def name(self) -> str:
        return str(self.folder)

    def status(self) -> PrinterStatus:
        """Ready when the folder can be written."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return PrinterStatus(
                False,
                self.kind,
                self.name,
                f"cannot create {self.folder}: {error}",
                ("unreachable",),
            )
        if not os.access(self.folder, os.W_OK):
            return PrinterStatus(
                False, self.kind, self.name, f"{self.folder} is not writable", ("unreachable",)
            )
        return PrinterStatus(True, self.kind, self.name)

    def submit(self, pdf: Path, title: str) -> str:
        """Copy the PDF in; the job is its file name."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:12]}.pdf"
        try:
            atomic_write(self.folder / name, pdf.read_bytes())
        except OSError as error:
            raise PrintError(f"cannot write to {self.folder}: {error}", ("unreachable",)) from error
        return name

    def job_status(self, job: str) -> JobStatus:
        """Done once the file is there."""
        if (self.folder / job).exists():
            return JobStatus("done")
        return JobStatus("failed", f"{self.folder / job} is missing", ("other",))

    def resume(self) -> None:
        """Nothing to resume: a folder does not stop."""

    def cancel(self, job: str) -> None:
        """Nothing to cancel: a folder job is done at once."""
