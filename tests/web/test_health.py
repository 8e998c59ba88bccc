"""/healthz tells a monitor, in JSON, whether the content can be shown."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from flask.testing import FlaskClient

from kiosk.content.sync_state import ContentVersion, SyncState
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, ContentWriter, synced_bundled_content


def test_healthy_with_bundled_content(client: FlaskClient):
    response = client.get("/healthz")
    data = response.get_json()
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert data["status"] == "ok"
    assert data["content"]["status"] == "ok"
    assert data["content"]["problems"] == []
    assert "kinderpardon" in data["content"]["languages"]["nl"]["topics"]
    languages = data["content"]["languages"]
    assert data["content"]["topic_count"] == sum(len(lang["topics"]) for lang in languages.values())


def test_broken_file_makes_it_degraded_and_is_named(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/goed.md", topic_text)
    write("nl/kapot.md", topic_text.replace("icon: scale", "icon: nee"))
    response = make_app(content_dir).test_client().get("/healthz")
    data = response.get_json()
    assert response.status_code == 200
    assert data["status"] == "degraded"
    assert data["content"]["languages"] == {"nl": {"topics": ["goed"]}}
    [problem] = data["content"]["problems"]
    assert problem["file"] == "content/nl/kapot.md"
    assert problem["line"] == 4
    assert problem["message"].startswith("'icon': unknown icon 'nee'")


def test_nothing_to_show_is_an_error(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/kapot.md", topic_text.replace("order: 1", "order: x"))
    response = make_app(content_dir).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "error"


def test_weeks_offline_the_last_good_version_is_served_and_its_age_shown(
    make_app: AppMaker, tmp_path: Path
):
    made = time.time() - 30 * 86400 - 60
    date = datetime.fromtimestamp(made, UTC).isoformat()
    version = ContentVersion("b" * 40, date, "Redactie", "Nieuwe tekst")
    why = "could not fetch 'main': unable to access 'https://git.example.org/': no route"
    state = SyncState(version, time.time(), made, "failed", why)
    client = make_app(BUNDLED_CONTENT, **synced_bundled_content(tmp_path, state)).test_client()
    response = client.get("/healthz")
    content = response.get_json()["content"]
    assert response.status_code == 200 and content["status"] == "degraded"
    assert content["topic_count"] > 0, "the last good version is still shown"
    assert content["sync"]["version_age_days"] == 30
    assert content["sync"]["result"] == "failed" and content["sync"]["reason"] == why
    outside = client.get("/healthz", environ_base={"REMOTE_ADDR": "192.0.2.1"}).get_json()
    assert outside["content"] == "degraded", "no reasons for other machines"


def test_a_repository_never_synced_says_so(make_app: AppMaker, tmp_path: Path):
    app = make_app(BUNDLED_CONTENT, **synced_bundled_content(tmp_path, None))
    content = app.test_client().get("/healthz").get_json()
    assert content["content"]["sync"] == {"result": "never", "ok": False}
