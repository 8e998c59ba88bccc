"""The print service: paper guard, job states and a job that can no longer print."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from devtools.cupsd import PrivateCups
from kiosk.printing import (
    CupsPrinter,
    FolderPrinter,
    PaperGuard,
    PrintJobStore,
    PrintRefused,
    PrintService,
)
from kiosk.ui.print_messages import job_message, refusal_message


def service_on(printer, database: Path, **guard) -> PrintService:
    return PrintService(printer, PrintJobStore(database), PaperGuard(**guard), status_seconds=0)


def follow_to_end(service: PrintService, job_id: int, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while not (job := service.follow(job_id)).finished_state:
        assert time.monotonic() < deadline, job
        time.sleep(0.05)
    return job


def test_cups_job_goes_from_waiting_to_done(cupsd: PrivateCups, sample_pdf, tmp_path):
    service = service_on(CupsPrinter(cupsd.server, cupsd.queue), tmp_path / "db.sqlite3")
    job = service.print_leaflet("nl", "kindbruiden", sample_pdf, 2, "Kindbruiden")
    assert job.state == "waiting" and job.printer_job is not None
    assert follow_to_end(service, job.id).state == "done"
    assert job_message("done", (), ()) == "print_done"


def test_pause_between_prints_and_daily_limit_survive_a_restart(sample_pdf, tmp_path):
    database = tmp_path / "db.sqlite3"
    printer = FolderPrinter(tmp_path / "printed")
    service = service_on(printer, database, cooldown_seconds=60, daily_limit=2)
    service.print_leaflet("nl", "a", sample_pdf, 2, "A")
    with pytest.raises(PrintRefused) as refused:
        service.print_leaflet("nl", "a", sample_pdf, 2, "A")  # the second tap
    assert refused.value.kind == "cooldown"
    assert refusal_message(refused.value.kind, refused.value.reasons) == "print_wait_cooldown"
    assert len(list((tmp_path / "printed").glob("*.pdf"))) == 1
    # A restart: a new service on the same database still knows today's prints.
    restarted = service_on(printer, database, cooldown_seconds=0, daily_limit=2)
    restarted.print_leaflet("nl", "b", sample_pdf, 2, "B")
    with pytest.raises(PrintRefused) as refused:
        restarted.print_leaflet("nl", "c", sample_pdf, 2, "C")
    assert refused.value.kind == "daily_limit"
    assert refusal_message(refused.value.kind, refused.value.reasons) == "print_daily_limit"
    assert len(list((tmp_path / "printed").glob("*.pdf"))) == 2


def test_refused_before_sending_when_the_printer_cannot_print(
    cupsd: PrivateCups, sample_pdf, tmp_path
):
    cupsd.lp("cupsdisable", cupsd.queue)
    service = service_on(CupsPrinter(cupsd.server, cupsd.queue), tmp_path / "db.sqlite3")
    with pytest.raises(PrintRefused) as refused:
        service.print_leaflet("nl", "a", sample_pdf, 2, "A")
    assert refused.value.kind == "printer"
    assert refusal_message(refused.value.kind, refused.value.reasons) == (
        "print_cannot+printer_paused+ask_staff"
    )
    assert cupsd.printed() == []


def test_job_stuck_behind_a_stopped_printer_is_cancelled_and_reported(
    cupsd: PrivateCups,
    sample_pdf,
    tmp_path,
):
    printer = CupsPrinter(cupsd.server, cupsd.queue)
    service = PrintService(printer, PrintJobStore(tmp_path / "db.sqlite3"), abandon_seconds=0.5,
                           status_seconds=0)  # fmt: skip
    cupsd.lp("cupsdisable", cupsd.queue)
    # The printer stops right after the kiosk checked it: the job is sent, then waits.
    job_id = printer.submit(sample_pdf, "A")
    job = service.store.add("nl", "a", 2, "cups:kiosk")
    service.store.update(job.id, printer_job=job_id)
    assert service.follow(job.id).state == "waiting"
    time.sleep(0.6)
    failed = service.follow(job.id)
    assert failed.state == "failed"
    assert "cancelled after 0.5 s waiting" in failed.staff_reason
    assert job_message(failed.state, failed.reasons, ()) == (
        "print_failed+printer_paused+ask_staff"
    )
    cupsd.lp("cupsenable", cupsd.queue)
    time.sleep(0.5)
    assert cupsd.printed() == []  # it does not come out later for nobody


def test_failed_job_says_why(cupsd: PrivateCups, sample_pdf, tmp_path):
    (cupsd.outbox / ".no-paper").touch()
    service = service_on(CupsPrinter(cupsd.server, cupsd.queue), tmp_path / "db.sqlite3")
    job = service.print_leaflet("nl", "a", sample_pdf, 2, "A")
    failed = follow_to_end(service, job.id)
    assert failed.state == "failed"
    printer = service.printer_status(fresh=True)
    name = job_message(failed.state, failed.reasons, printer.reasons)
    assert name == "print_failed+printer_media-empty+ask_staff"
