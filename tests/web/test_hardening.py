"""The findings of the security review, each reproduced and now refused (docs/RELIABILITY.md)."""

from __future__ import annotations

import re
import stat
import time
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from kiosk.services import services_of
from tests.conftest import AppMaker

OUTSIDER = {"REMOTE_ADDR": "192.0.2.44"}  # a documentation address: another machine


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html)[1]


def test_spoken_messages_are_only_the_known_ones(bundled_client: FlaskClient):
    """Was: any '+'-joined list of message names was rendered (help ten times: 385 s)."""
    assert bundled_client.get("/nl/messages/welcome/speech.json").status_code == 200
    combination = "print_failed+printer_media-jam+ask_staff"  # one the print page shows
    assert bundled_client.get(f"/nl/messages/{combination}/speech.json").status_code == 200
    started = time.monotonic()
    for name in ["help+help", "+".join(["help"] * 10), "welcome+help", "geen", "help+"]:
        response = bundled_client.get(f"/nl/messages/{name}/speech.json")
        assert response.status_code == 404, name
    assert time.monotonic() - started < 1


def test_an_address_too_long_is_refused_before_any_work(bundled_client: FlaskClient):
    response = bundled_client.get("/nl/messages/" + "+".join(["help"] * 2000) + "/speech.json")
    assert response.status_code == 414
    assert "Er ging iets mis met dit adres." in response.get_data(as_text=True)


def test_a_hostile_host_gets_no_redirect(bundled_client: FlaskClient):
    """Was: Host: evil.example gave 308 Location: http://evil.example/nl/."""
    for path in ["/nl", "/", "/nl/kinderpardon"]:
        response = bundled_client.get(path, headers={"Host": "evil.example"})
        assert response.status_code == 400 and "Location" not in response.headers
        assert "evil.example" not in response.get_data(as_text=True)
    assert bundled_client.get("/nl", headers={"Host": "127.0.0.1:8000"}).status_code == 308


def test_a_trusted_host_name_can_be_configured(make_app: AppMaker):
    client = make_app(TRUSTED_HOSTS=["kiosk-3.local"]).test_client()
    assert client.get("/", headers={"Host": "kiosk-3.local"}).status_code == 200
    assert client.get("/", headers={"Host": "127.0.0.1"}).status_code == 400


def test_a_control_character_in_next_gets_the_calm_400_page(bundled_client: FlaskClient):
    """Was: a newline in the settings form's `next` gave a 500."""
    token = csrf_token(bundled_client.get("/nl/").get_data(as_text=True))
    response = bundled_client.post(
        "/preferences",
        data={"action": "text", "next": "/nl/\r\nSet-Cookie: x=1", "csrf_token": token},
    )
    assert response.status_code == 400
    assert "Dit lukte niet." in response.get_data(as_text=True)
    assert "x=1" not in str(response.headers)


def test_pages_with_a_visitor_token_are_not_kept_and_static_files_revalidate(
    bundled_client: FlaskClient,
):
    for path in ["/", "/nl/", "/nl/kinderpardon", "/nl/help", "/nl/kinderpardon/print"]:
        assert bundled_client.get(path).headers["Cache-Control"] == "no-store", path
    static = bundled_client.get("/static/js/kiosk.js")
    assert static.headers["Cache-Control"] == "no-cache" and static.headers.get("ETag")
    static.close()


def test_head_requests_are_nobodys_visit(app: Flask):
    client = app.test_client()
    for _ in range(3):
        assert client.head("/nl/kinderpardon").status_code == 200
    usage = services_of(app).usage
    assert usage.per_topic() == []
    client.get("/nl/kinderpardon")
    assert usage.per_topic()[0]["view"] == 1


def test_healthz_gives_others_only_status_words(bundled_client: FlaskClient):
    """Was: /healthz showed everyone paths, the helper's pid and content file names."""
    public = bundled_client.get("/healthz", environ_base=OUTSIDER).get_json()
    assert set(public) == {"status", "speech", "leaflets", "printing", "content"}
    assert all(value in ("ok", "degraded", "error") for value in public.values())
    local = bundled_client.get("/healthz").get_json()
    assert "worker_pid" in local["speech"] and "problems" in local["content"]


def test_print_status_is_private_to_the_browser_that_printed(make_app: AppMaker):
    """Was: /print/1 showed anyone which topic an earlier visitor printed."""
    app = make_app(PRINT_COOLDOWN_SECONDS=0)
    visitor, next_visitor = app.test_client(), app.test_client()
    token = csrf_token(visitor.get("/nl/kinderpardon/print").get_data(as_text=True))
    printed = visitor.post("/nl/kinderpardon/print", data={"csrf_token": token})
    address = printed.headers["Location"]
    assert re.fullmatch(r"/print/[A-Za-z0-9_-]{24}", address)
    assert visitor.get(address).status_code == 200
    for other in [address, "/print/1", "/print/2"]:
        page = next_visitor.get(other)
        assert page.status_code == 404 and "Kinderpardon" not in page.get_data(as_text=True)
    visitor.post("/reset", headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert visitor.get(address).status_code == 404  # the reset forgets the visitor's jobs


def test_the_databases_and_secrets_are_readable_by_the_server_only(
    make_app: AppMaker, tmp_path: Path
):
    database = tmp_path / "state" / "kiosk.sqlite3"
    app = make_app(DATABASE=str(database))
    app.test_client().get("/nl/kinderpardon")
    services_of(app).usage.flush()
    for path in database.parent.glob("kiosk.sqlite3*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    instance = services_of(app).settings.instance_dir
    assert stat.S_IMODE(instance.stat().st_mode) == 0o700
