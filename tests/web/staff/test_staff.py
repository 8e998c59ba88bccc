"""The staff page: password, lockout, CSRF, expiry, and what it shows and does."""

from __future__ import annotations

import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash, generate_password_hash

from kiosk import cli
from kiosk.web.staff.password import StaffGate, load_password_hash, save_password_hash
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT

PASSWORD = "buurthuis-2026"
HASH = generate_password_hash(PASSWORD)


def token(client: FlaskClient, path: str = "/staff/login") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True))[
        1
    ]


@pytest.fixture
def staff_client(make_app: AppMaker) -> Callable[..., FlaskClient]:
    """staff_client(**config): a browser on an app with a staff password and no delay."""

    def build(**config: object) -> FlaskClient:
        defaults = {"STAFF_PASSWORD_HASH": HASH, "STAFF_FAILURE_DELAY_SECONDS": 0}
        return make_app(BUNDLED_CONTENT, **{**defaults, **config}).test_client()

    return build


def log_in(client: FlaskClient, password: str = PASSWORD):
    return client.post("/staff/login", data={"password": password, "csrf_token": token(client)})


def test_set_password_saves_a_private_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    answers = iter([PASSWORD, PASSWORD, "kort", "kort", PASSWORD, "anders123"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("kiosk.settings.INSTANCE_PATH", tmp_path)
    assert cli.main(["set-password"]) == 0
    saved = tmp_path / "staff_password"
    assert check_password_hash(saved.read_text(), PASSWORD)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert cli.main(["set-password"]) == 1  # too short
    assert cli.main(["set-password"]) == 1  # the two differ
    assert check_password_hash(saved.read_text(), PASSWORD)


def test_the_page_needs_the_password(staff_client: Callable[..., FlaskClient]):
    client = staff_client()
    response = client.get("/staff/")
    assert response.status_code == 303 and response.headers["Location"].endswith("/staff/login")
    wrong = log_in(client, "geraden")
    assert wrong.status_code == 401 and "Dat wachtwoord klopt niet." in wrong.get_data(as_text=True)
    assert client.get("/staff/").status_code == 303
    assert log_in(client).status_code == 303
    page = client.get("/staff/").get_data(as_text=True)
    for heading in [
        "Werkt alles?",
        "Printer",
        "Inhoud en leesbaarheid",
        "Gebruik, laatste 30 dagen",
    ]:
        assert heading in page
    assert "rechtshulp-en-opvang" in page and "Flesch-Douma" in page


def test_forms_need_csrf(staff_client: Callable[..., FlaskClient]):
    client = staff_client()
    assert client.post("/staff/login", data={"password": PASSWORD}).status_code == 400
    log_in(client)
    assert client.post("/staff/reload").status_code == 400
    assert client.post("/staff/printer/test").status_code == 400


def test_lockout_after_repeated_wrong_passwords(staff_client: Callable[..., FlaskClient]):
    client = staff_client(STAFF_MAX_FAILURES=3, STAFF_LOCKOUT_SECONDS=60)
    for _ in range(2):
        assert log_in(client, "fout").status_code == 401
    locked = log_in(client, "fout")
    assert "Te vaak een verkeerd wachtwoord" in locked.get_data(as_text=True)
    still = log_in(client)  # even the right password waits now
    assert still.status_code == 401 and "Te vaak" in still.get_data(as_text=True)


def test_wrong_guesses_are_slow():
    gate = StaffGate(HASH, delay_seconds=0.3)
    started = time.monotonic()
    assert gate.attempt("fout").outcome == "wrong"
    assert time.monotonic() - started >= 0.3
    assert gate.attempt(PASSWORD).outcome == "ok"


def test_login_expires(staff_client: Callable[..., FlaskClient]):
    client = staff_client(STAFF_SESSION_MINUTES=0)
    log_in(client)
    assert client.get("/staff/").status_code == 303


def test_no_password_set_says_how(make_app: AppMaker):
    client = make_app(BUNDLED_CONTENT).test_client()
    response = log_in(client, "wat-dan-ook")
    assert "python run.py set-password" in response.get_data(as_text=True)


def test_saved_hash_is_used(tmp_path: Path):
    save_password_hash(tmp_path / "staff_password", PASSWORD)
    assert check_password_hash(load_password_hash(tmp_path / "staff_password"), PASSWORD)
    assert load_password_hash(tmp_path / "staff_password", "configured") == "configured"
    assert load_password_hash(tmp_path / "missing") is None
    with pytest.raises(ValueError):
        save_password_hash(tmp_path / "x", "kort")


def test_test_print_and_usage_csv(staff_client: Callable[..., FlaskClient], tmp_path: Path):
    client = staff_client()
    log_in(client)
    client.get("/nl/kinderpardon")
    response = client.post("/staff/printer/test", data={"csrf_token": token(client, "/staff/")})
    assert response.status_code == 303
    page = client.get("/staff/").get_data(as_text=True)
    assert "De testafdruk is verstuurd" in page
    csv = client.get("/staff/usage.csv")
    assert csv.mimetype == "text/csv"
    lines = csv.get_data(as_text=True).splitlines()
    assert lines[0] == "day,language,topic,event,count"
    assert any(line.endswith(",nl,kinderpardon,view,1") for line in lines)
