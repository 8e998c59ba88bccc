"""/healthz tells a monitor, in JSON, whether the content can be shown."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient

from tests.conftest import AppMaker
from tests.samples import ContentWriter


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
