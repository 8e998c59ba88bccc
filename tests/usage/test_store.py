"""Usage statistics: a scripted visit is counted; a database that fails never hurts a visitor."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from kiosk.services import services_of
from kiosk.usage import UsageStore
from kiosk.usage.chart import daily_chart
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT


def test_a_scripted_visit_is_counted(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT, PRINT_COOLDOWN_SECONDS=0)
    client = app.test_client()
    page = client.get("/nl/kinderpardon").get_data(as_text=True)
    csrf = re.search(r'data-csrf-token="([^"]+)"', page)[1]
    client.get("/nl/kinderpardon")
    client.get("/nl/kinderpardon/speech.json")
    client.post("/usage/listen-done", data={"lang": "nl", "slug": "kinderpardon"},
                headers={"X-CSRFToken": csrf})  # fmt: skip
    confirm = client.get("/nl/kinderpardon/print").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', confirm)[1]
    client.post("/nl/kinderpardon/print", data={"csrf_token": token})
    client.post("/reset", headers={"X-CSRFToken": csrf, "Accept": "application/json"})
    [topic] = services_of(app).usage.per_topic()
    assert topic == {"lang": "nl", "slug": "kinderpardon", "view": 2, "listen": 1,
                     "listen_done": 1, "print": 1, "idle_reset": 0}  # fmt: skip
    today = services_of(app).usage.per_day()[-1]
    assert today["day"] == date.today().isoformat() and today["idle_reset"] == 1


def test_no_personal_data_is_stored(tmp_path: Path):
    store = UsageStore(tmp_path / "u.sqlite3")
    store.record("view", "nl", "kinderpardon")
    import sqlite3

    with sqlite3.connect(tmp_path / "u.sqlite3") as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(usage)")]
    assert columns == ["day", "lang", "slug", "event", "count"]


def test_listen_done_for_unknown_topic_is_refused(make_app: AppMaker):
    client = make_app(BUNDLED_CONTENT, WTF_CSRF_ENABLED=False).test_client()
    assert client.post("/usage/listen-done", data={"lang": "nl", "slug": "geen"}).status_code == 404


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_database_never_hurts_the_visitor(make_app: AppMaker, tmp_path: Path):
    folder = tmp_path / "db"
    folder.mkdir()
    os.chmod(folder, 0o555)
    app = make_app(BUNDLED_CONTENT, DATABASE=str(folder / "kiosk.sqlite3"))
    assert app.test_client().get("/nl/kinderpardon").status_code == 200


def test_locked_database_never_hurts_the_visitor(
    make_app: AppMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import sqlite3

    database = tmp_path / "kiosk.sqlite3"
    app = make_app(BUNDLED_CONTENT, DATABASE=str(database))
    usage = services_of(app).usage
    monkeypatch.setattr("kiosk.support.sqlite.BUSY_TIMEOUT_SECONDS", 0.05)
    blocker = sqlite3.connect(database, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the database
    try:
        assert app.test_client().get("/nl/kinderpardon").status_code == 200
        assert usage.flush() is False
        assert usage.failed_writes == 1 and "locked" in usage.last_error
    finally:
        blocker.rollback()
        blocker.close()
    assert usage.flush() is True  # it recovers, and the count was kept
    assert usage.per_topic()[0]["view"] == 1


def test_chart_and_csv(tmp_path: Path):
    store = UsageStore(tmp_path / "u.sqlite3")
    day = date(2026, 11, 1)
    for _ in range(3):
        store.record("view", "nl", "kinderpardon", day=day)
    store.record("print", "nl", "kinderpardon", day=day)
    days = store.per_day(30, today=date(2026, 11, 28))
    assert len(days) == 30 and days[2]["day"] == "2026-11-01" and days[2]["view"] == 3
    svg = daily_chart(days)
    assert svg.startswith("<svg") and '<title id="chart-title">' in svg
    assert svg.count("<rect") == 90
    assert store.csv(30, today=date(2026, 11, 28)).splitlines()[1:] == [
        "2026-11-01,nl,kinderpardon,print,1",
        "2026-11-01,nl,kinderpardon,view,3",
    ]
    with pytest.raises(ValueError):
        store.record("tapped")
