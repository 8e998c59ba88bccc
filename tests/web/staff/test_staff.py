"""The staff page: password, lockout, CSRF, expiry, and what it shows and does."""

from __future__ import annotations

import re
import stat
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash, generate_password_hash

from kiosk import cli
from kiosk.content.sync_state import ContentVersion, SyncState
from kiosk.web.staff import session as staff_session
from kiosk.web.staff.password import StaffGate, load_password_hash, save_password_hash
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, synced_bundled_content

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
        build.last_app = make_app(BUNDLED_CONTENT, **{**defaults, **config})
        return build.last_app.test_client()

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


def gate_with(tmp_path: Path, **limits: float) -> StaffGate:
    return StaffGate(tmp_path / "no-file", HASH, **limits)


def test_a_wrong_guess_is_followed_by_a_wait_without_sleeping(tmp_path: Path):
    # The wait is long enough that one password check (scrypt) on a busy machine is shorter.
    gate = gate_with(tmp_path, delay_seconds=1.5, max_failures=5)
    started = time.monotonic()
    assert gate.attempt("10.0.0.1", "fout").outcome == "wrong"
    refused = gate.attempt("10.0.0.1", PASSWORD)  # too soon: not even checked
    assert refused.outcome == "wait" and refused.wait_seconds >= 1
    assert time.monotonic() - started < 1.5  # nothing slept
    assert gate.checks == 1
    time.sleep(1.6)
    assert gate.attempt("10.0.0.1", PASSWORD).outcome == "ok"


def test_the_wait_doubles_and_ends_in_a_lockout(tmp_path: Path):
    gate = gate_with(tmp_path, delay_seconds=0.05, max_failures=3, lockout_seconds=60)
    waits = []
    for _ in range(3):
        attempt = gate.attempt("10.0.0.1", "fout")
        waits.append(attempt.wait_seconds)
        time.sleep(0.05 * 2 ** len(waits) + 0.02)
    assert attempt.outcome == "locked" and waits[-1] == 60
    assert gate.attempt("10.0.0.1", PASSWORD).outcome == "locked"  # even the right one


def test_parallel_guesses_never_check_more_than_the_limit(tmp_path: Path):
    """Was: sixteen parallel guesses got twelve passwords checked in a window meant for five."""
    gate = gate_with(tmp_path, delay_seconds=0, max_failures=5, lockout_seconds=60)
    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(lambda _: gate.attempt("10.0.0.9", "fout").outcome, range(64)))
    assert 1 <= gate.checks <= 5
    assert set(outcomes) <= {"wrong", "wait", "locked", "busy"}


def test_guesses_from_one_address_never_lock_out_another(tmp_path: Path):
    """Was: after five wrong guesses from anywhere every login was refused."""
    gate = gate_with(tmp_path, delay_seconds=0, max_failures=3, lockout_seconds=60)
    for _ in range(5):
        gate.attempt("10.0.0.66", "fout")
    assert gate.attempt("10.0.0.66", PASSWORD).outcome == "locked"
    assert gate.attempt("127.0.0.1", PASSWORD).outcome == "ok"


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


def cookie_of(client: FlaskClient) -> str:
    return client.get_cookie("session").value


def test_a_saved_staff_cookie_is_refused_after_logout(staff_client: Callable[..., FlaskClient]):
    """Was: logout only removed the login from the browser's copy of a signed cookie."""
    client = staff_client()
    log_in(client)
    assert client.get("/staff/").status_code == 200
    saved = cookie_of(client)
    client.post("/staff/logout", data={"csrf_token": token(client, "/staff/")})
    thief = staff_client.last_app.test_client()
    thief.set_cookie("session", saved)
    assert thief.get("/staff/").status_code == 303


def test_a_login_ends_after_its_lifetime_however_much_it_is_used(
    staff_client: Callable[..., FlaskClient], monkeypatch: pytest.MonkeyPatch
):
    """The sessions' clock is moved by hand: a busy machine must not decide the outcome."""
    now = [1000.0]
    monkeypatch.setattr(staff_session, "time", SimpleNamespace(monotonic=lambda: now[0]))
    client = staff_client(STAFF_SESSION_HOURS=1, STAFF_SESSION_MINUTES=40)
    log_in(client)
    assert client.get("/staff/").status_code == 200
    now[0] += 35 * 60
    assert client.get("/staff/").status_code == 200  # used, so not idle...
    now[0] += 35 * 60
    assert client.get("/staff/").status_code == 303  # ...but past the absolute lifetime


def test_a_new_password_ends_every_login(make_app: AppMaker, tmp_path: Path):
    password_file = tmp_path / "staff_password"
    save_password_hash(password_file, PASSWORD)
    app = make_app(STAFF_PASSWORD_FILE=str(password_file), STAFF_FAILURE_DELAY_SECONDS=0)
    first, second = app.test_client(), app.test_client()
    log_in(first)
    log_in(second)
    assert first.get("/staff/").status_code == 200
    save_password_hash(password_file, "een-ander-wachtwoord")
    assert first.get("/staff/").status_code == 303
    assert second.get("/staff/").status_code == 303
    assert log_in(first, "een-ander-wachtwoord").status_code == 303  # no restart needed


def test_staff_pages_are_never_kept_by_the_browser(staff_client: Callable[..., FlaskClient]):
    client = staff_client()
    assert client.get("/staff/login").headers["Cache-Control"] == "no-store"
    log_in(client)
    for path in ["/staff/", "/staff/usage.csv"]:
        assert client.get(path).headers["Cache-Control"] == "no-store"


def test_the_content_version_and_a_refused_update_are_shown(
    staff_client: Callable[..., FlaskClient], tmp_path: Path
):
    version = ContentVersion("c" * 40, "2026-11-02T09:30:00+01:00", "Eva Editor", "Nieuw thema")
    why = "commit dddddddddd fails the content check: nl/kapot.md:5: 'order': not a number"
    state = SyncState(version, time.time(), time.time() - 3600, "refused", why, "d" * 40)
    client = staff_client(**synced_bundled_content(tmp_path, state))
    log_in(client)
    page = client.get("/staff/").get_data(as_text=True)
    assert "Een nieuwe versie is geweigerd. De kiosk laat de vorige versie zien." in page
    assert "nl/kapot.md:5: &#39;order&#39;: not a number" in page
    assert "cccccccccc" in page and "Eva Editor" in page and "Nieuw thema" in page
    assert "gemaakt 2 november 2026 om 09:30" in page
    assert re.search(r"Inhoud</th><td><span class=\"state state--problem", page), "a problem badge"


def test_without_a_repository_no_sync_is_shown(staff_client: Callable[..., FlaskClient]):
    client = staff_client()
    log_in(client)
    page = client.get("/staff/").get_data(as_text=True)
    assert "centrale opslag" not in page
