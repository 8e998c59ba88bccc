"""Printing for real through a private cupsd: the paper, and every way it goes wrong."""

from __future__ import annotations

import filecmp
import time
from pathlib import Path

import pytest

from devtools.cupsd import PrivateCups
from kiosk.printing import CupsPrinter, PrintError
from kiosk.ui.print_messages import printer_problem_text


def wait_for_end(printer: CupsPrinter, job: str, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while (status := printer.job_status(job)).state not in ("done", "failed"):
        assert time.monotonic() < deadline, status
        time.sleep(0.05)
    return status


def test_a_leaflet_arrives_byte_identical(cupsd: PrivateCups, sample_pdf: Path):
    printer = CupsPrinter(cupsd.server, cupsd.queue)
    assert printer.status().ready
    job = printer.submit(sample_pdf, "Kindbruiden")
    assert wait_for_end(printer, job).state == "done"
    [printed] = cupsd.wait_for_printed(1)
    assert filecmp.cmp(printed, sample_pdf, shallow=False)


def test_default_destination_is_used_when_no_queue_is_set(cupsd: PrivateCups, sample_pdf: Path):
    assert CupsPrinter(cupsd.server, None).status().reasons == ("no-printer",)
    cupsd.lp("lpadmin", "-d", cupsd.queue)
    printer = CupsPrinter(cupsd.server, None)
    assert printer.status().ready and printer.status().name == cupsd.queue
    assert wait_for_end(printer, printer.submit(sample_pdf, "x")).state == "done"


def test_stopped_printer(cupsd: PrivateCups, sample_pdf: Path):
    cupsd.lp("cupsdisable", "-r", "Onderhoud", cupsd.queue)
    status = CupsPrinter(cupsd.server, cupsd.queue).status()
    assert not status.ready
    assert printer_problem_text(status.reasons) == "De printer is gestopt."
    assert "paused" in status.staff_reason and "Onderhoud" in status.staff_reason


def test_printer_that_rejects_jobs(cupsd: PrivateCups, sample_pdf: Path):
    cupsd.lp("cupsreject", cupsd.queue)
    printer = CupsPrinter(cupsd.server, cupsd.queue)
    status = printer.status()
    assert printer_problem_text(status.reasons) == "De printer neemt nu geen opdrachten aan."
    assert "not-accepting" in status.staff_reason
    with pytest.raises(PrintError) as refused:
        printer.submit(sample_pdf, "x")
    assert refused.value.reasons == ("not-accepting",)
    assert cupsd.printed() == []


def test_unknown_queue(cupsd: PrivateCups, sample_pdf: Path):
    printer = CupsPrinter(cupsd.server, "bestaat-niet")
    status = printer.status()
    assert printer_problem_text(status.reasons) == "Er is geen printer ingesteld."
    assert "bestaat-niet" in status.staff_reason and "1030" in status.staff_reason
    with pytest.raises(PrintError):
        printer.submit(sample_pdf, "x")


def test_cupsd_stopped(cupsd: PrivateCups, sample_pdf: Path):
    cupsd.stop()
    printer = CupsPrinter(cupsd.server, cupsd.queue)
    status = printer.status()
    assert printer_problem_text(status.reasons) == "De printer is niet bereikbaar."
    assert f"cannot reach CUPS at {cupsd.server}" in status.staff_reason
    with pytest.raises(PrintError) as refused:
        printer.submit(sample_pdf, "x")
    assert refused.value.reasons == ("unreachable",)


def test_out_of_paper_fails_the_job_and_says_why_until_fixed(cupsd: PrivateCups, sample_pdf: Path):
    (cupsd.outbox / ".no-paper").touch()
    printer = CupsPrinter(cupsd.server, cupsd.queue)
    failed = wait_for_end(printer, printer.submit(sample_pdf, "x"))
    assert failed.state == "failed" and "paper tray is empty" in failed.staff_reason
    status = printer.status()
    assert printer_problem_text(status.reasons) == "De printer heeft geen papier."
    assert "media-empty-error" in status.staff_reason
    # Staff fill the tray and make a test print: the printer clears the problem itself.
    (cupsd.outbox / ".no-paper").unlink()
    assert wait_for_end(printer, printer.submit(sample_pdf, "test")).state == "done"
    assert printer.status().ready
