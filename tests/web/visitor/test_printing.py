"""Leaflets and printing over HTTP: the PDF, the confirmation, CSRF, the job page, refusals."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from flask import Flask
from flask.testing import FlaskClient

from devtools.cupsd import PrivateCups
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def folder_app(make_app: AppMaker) -> Flask:
    return make_app(BUNDLED_CONTENT, PRINT_COOLDOWN_SECONDS=0)


def test_leaflet_pdf_and_thumbnail(client: FlaskClient, tmp_path):
    response = client.get("/nl/kinderpardon/leaflet.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == "inline; filename=kinderpardon.pdf"
    (tmp_path / "l.pdf").write_bytes(response.get_data())
    response.close()
    with pikepdf.open(tmp_path / "l.pdf") as pdf:
        assert str(pdf.Root.Lang) == "nl"
    picture = client.get("/nl/kinderpardon/leaflet.png")
    assert picture.mimetype == "image/png" and picture.get_data()[:4] == b"\x89PNG"
    picture.close()
    for path in ["/nl/geen/leaflet.pdf", "/xx/kinderpardon/leaflet.pdf", "/nl/geen/print"]:
        assert client.get(path).status_code == 404


def test_print_flow_without_javascript(folder_app: Flask):
    client = folder_app.test_client()
    topic = client.get("/nl/kinderpardon").get_data(as_text=True)
    assert 'href="/nl/kinderpardon/print"' in topic and "Printen" in topic
    confirm = client.get("/nl/kinderpardon/print").get_data(as_text=True)
    assert "Wilt u deze folder printen?" in confirm and "De folder heeft 2 pagina&#39;s." in confirm
    assert 'src="/nl/kinderpardon/leaflet.png"' in confirm
    response = client.post("/nl/kinderpardon/print", data={"csrf_token": csrf_token(confirm)})
    assert response.status_code == 303
    status = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Pak uw folder uit de printer." in status
    assert 'data-speech="/nl/messages/print_done/speech.json"' in status
    assert "hx-trigger" not in status  # finished: no more polling
    assert len(list(_print_folder(folder_app).glob("*.pdf"))) == 1


def _print_folder(app: Flask) -> Path:
    return Path(app.config["PRINT_FOLDER"])


def test_print_with_htmx_returns_the_status_fragment(folder_app: Flask):
    client = folder_app.test_client()
    token = csrf_token(client.get("/nl/kinderpardon/print").get_data(as_text=True))
    response = client.post(
        "/nl/kinderpardon/print", data={"csrf_token": token}, headers={"HX-Request": "true"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<!doctype" not in html
    assert 'id="print-status"' in html and "Pak uw folder uit de printer." in html


def test_post_without_csrf_token_is_refused(folder_app: Flask):
    response = folder_app.test_client().post("/nl/kinderpardon/print")
    assert response.status_code == 400
    assert list(_print_folder(folder_app).glob("*.pdf")) == []


def test_second_tap_meets_the_pause(client: FlaskClient):
    token = csrf_token(client.get("/nl/kinderpardon/print").get_data(as_text=True))
    client.post("/nl/kinderpardon/print", data={"csrf_token": token})
    again = client.post("/nl/kinderpardon/print", data={"csrf_token": token})
    html = again.get_data(as_text=True)
    assert again.status_code == 200
    assert "Er is net een folder geprint." in html and "Ja, printen" not in html


def test_unknown_job_is_404(client: FlaskClient):
    assert client.get("/print/999999").status_code == 404


@pytest.fixture
def cups_app(make_app: AppMaker, cupsd: PrivateCups) -> Flask:
    return make_app(BUNDLED_CONTENT, PRINTER="cups", CUPS_SERVER=cupsd.server,
                    PRINT_QUEUE=cupsd.queue)  # fmt: skip


def test_printing_through_cups_and_following_the_job(cups_app: Flask, cupsd: PrivateCups):
    client = cups_app.test_client()
    token = csrf_token(client.get("/nl/kindbruiden/print").get_data(as_text=True))
    location = client.post("/nl/kindbruiden/print", data={"csrf_token": token}).headers["Location"]
    deadline = time.monotonic() + 15
    while "Pak uw folder uit de printer." not in (
        html := client.get(location).get_data(as_text=True)
    ):
        assert time.monotonic() < deadline, html
        assert 'hx-trigger="load delay:1s"' in html  # still following
        time.sleep(0.1)
    assert len(cupsd.wait_for_printed(1)) == 1


@pytest.mark.parametrize(
    ("fault", "visitor"),
    [
        (lambda cupsd: cupsd.lp("cupsdisable", cupsd.queue), "De printer is gestopt."),
        (
            lambda cupsd: cupsd.lp("cupsreject", cupsd.queue),
            "De printer neemt nu geen opdrachten aan.",
        ),
        (lambda cupsd: cupsd.stop(), "De printer is niet bereikbaar."),
    ],
)
def test_printer_problem_shows_before_anyone_taps(
    cups_app: Flask, cupsd: PrivateCups, fault, visitor
):
    fault(cupsd)
    client = cups_app.test_client()
    topic = client.get("/nl/kinderpardon").get_data(as_text=True)
    assert f"Printen lukt nu niet. {visitor} Vraag een medewerker." in topic
    assert 'href="/nl/kinderpardon/print"' not in topic
    confirm = client.get("/nl/kinderpardon/print").get_data(as_text=True)
    assert visitor in confirm and "Ja, printen" not in confirm
    health = client.get("/healthz").get_json()
    assert health["status"] == "degraded"
    assert health["printing"]["status"] == "degraded" and health["printing"]["reason"]


def test_unknown_queue_in_the_app(make_app: AppMaker, cupsd: PrivateCups):
    app = make_app(BUNDLED_CONTENT, PRINTER="cups", CUPS_SERVER=cupsd.server, PRINT_QUEUE="weg")
    html = app.test_client().get("/nl/kinderpardon").get_data(as_text=True)
    assert "Er is geen printer ingesteld." in html


def test_healthz_reports_the_active_printer(client: FlaskClient):
    data = client.get("/healthz").get_json()
    assert data["printing"]["printer"] == "folder"
    assert data["leaflets"]["status"] == "ok"


def test_staff_can_resume_a_stopped_printer_and_make_a_test_print(
    make_app: AppMaker, cupsd: PrivateCups
):
    from werkzeug.security import generate_password_hash

    password_hash = generate_password_hash("geheim123")
    app = make_app(BUNDLED_CONTENT, PRINTER="cups", CUPS_SERVER=cupsd.server,
                   PRINT_QUEUE=cupsd.queue, STAFF_PASSWORD_HASH=password_hash)  # fmt: skip
    client = app.test_client()
    cupsd.lp("cupsdisable", cupsd.queue)
    cupsd.lp("cupsreject", cupsd.queue)
    login = client.get("/staff/login").get_data(as_text=True)
    client.post("/staff/login", data={"password": "geheim123", "csrf_token": csrf_token(login)})
    page = client.get("/staff/").get_data(as_text=True)
    assert "De printer is gestopt." in page and "paused" in page
    client.post("/staff/printer/resume", data={"csrf_token": csrf_token(page)})
    page = client.get("/staff/").get_data(as_text=True)
    assert "De printer staat weer aan." in page and "Klaar om te printen" in page
    client.post("/staff/printer/test", data={"csrf_token": csrf_token(page)})
    [printed] = cupsd.wait_for_printed(1)
    with pdfplumber.open(printed) as pdf:
        assert "Testafdruk" in pdf.pages[0].extract_text()
