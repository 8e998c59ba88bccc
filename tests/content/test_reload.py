"""Content reload while running: edits show, broken edits keep the last good version, and
untouched topics keep their audio."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kiosk.services import services_of
from kiosk.speech.spoken_content import all_speech_requests
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(BUNDLED_CONTENT, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edit_shows_and_only_the_edited_topic_is_rendered_again(
    make_app: AppMaker, content_copy: Path, tmp_path
):
    app = make_app(content_copy, SPEECH_CACHE_DIR=str(tmp_path / "speech"))
    client = app.test_client()
    speech = services_of(app).speech
    # The content's speech only: what the screens say (and how it is rendered at start-up) is
    # tests/web/visitor/test_audio_mode.py's; here it would only add a thousand short texts.
    services_of(app).interface_speech = None
    services_of(app).start_prerender().wait(120)
    before = speech.syntheses
    old_keys = {speech.key_for(r) for r in all_speech_requests(services_of(app).library.current)}
    edit(content_copy / "nl" / "kindbruiden.md", "Zo werden deze meisjes eerder beschermd.",
         "Zo werden deze meisjes sneller beschermd.")  # fmt: skip
    result = services_of(app).library.reload()
    assert result.changed
    assert "sneller beschermd" in client.get("/nl/kindbruiden").get_data(as_text=True)
    services_of(app).start_prerender().wait(120)
    new_keys = {speech.key_for(r) for r in all_speech_requests(services_of(app).library.current)}
    assert len(new_keys - old_keys) == 1  # the whole text of that one topic
    assert speech.syntheses == before + 1


def test_a_broken_edit_keeps_the_last_good_version(make_app: AppMaker, content_copy: Path):
    app = make_app(content_copy)
    client = app.test_client()
    edit(content_copy / "nl" / "kinderpardon.md", "icon: baby", "icon: [kapot")
    services_of(app).library.reload()
    page = client.get("/nl/kinderpardon")
    assert page.status_code == 200 and "Kinderpardon en generaal pardon" in page.get_data(
        as_text=True
    )
    [problem] = client.get("/healthz").get_json()["content"]["problems"]
    assert problem["file"] == "content/nl/kinderpardon.md"
    assert problem["message"].endswith("(the last good version is still shown)")
    edit(content_copy / "nl" / "kinderpardon.md", "icon: [kapot", "icon: baby")
    services_of(app).library.reload()
    assert client.get("/healthz").get_json()["content"]["problems"] == []


def test_added_and_removed_files(make_app: AppMaker, content_copy: Path):
    app = make_app(content_copy)
    client = app.test_client()
    new = (content_copy / "nl" / "kindbruiden.md").read_text().replace("order: 8", "order: 11")
    (content_copy / "nl" / "nieuw-onderwerp.md").write_text(new)
    (content_copy / "nl" / "leven-in-detentie.md").unlink()
    services_of(app).library.reload()
    assert client.get("/nl/nieuw-onderwerp").status_code == 200
    assert client.get("/nl/leven-in-detentie").status_code == 404


def test_the_watcher_notices_changes(make_app: AppMaker, content_copy: Path):
    app = make_app(content_copy)
    store = services_of(app).library
    changes = []
    store.on_change = changes.append
    store.watch(0.1)
    try:
        edit(content_copy / "nl" / "kindbruiden.md", "title: Bescherming van kindbruiden",
             "title: Kindbruiden beschermen")  # fmt: skip
        deadline = time.monotonic() + 10
        while not changes:
            assert time.monotonic() < deadline, "no reload"
            time.sleep(0.05)
        assert store.current.topic("nl", "kindbruiden").title == "Kindbruiden beschermen"
    finally:
        store.stop()


def test_a_prerendering_that_finishes_after_a_reload_keeps_the_new_versions_audio(
    make_app: AppMaker, write, content_dir: Path, topic_text: str, tmp_path: Path
):
    """The cache is pruned to what the content can say only by the prerendering of the version
    shown: an older one finishing late must not delete the audio of a topic added since."""
    write("nl/een.md", topic_text)
    app = make_app(content_dir, SPEECH_CACHE_DIR=str(tmp_path / "speech"))
    services = services_of(app)
    services.interface_speech = None
    speech = services.speech
    old = {speech.key_for(r) for r in all_speech_requests(services.library.current)}
    first = services.start_prerender()  # of the version without the new topic
    write("nl/twee.md", topic_text.replace("Een test", "Een nieuw onderwerp").replace(
        "order: 1", "order: 2"))  # fmt: skip
    assert services.library.reload().changed
    added = [
        r for r in all_speech_requests(services.library.current) if speech.key_for(r) not in old
    ]
    assert added, "the new topic has speech of its own"
    for request in added:
        speech.get(request, timeout=60)
    first.wait(120)
    assert all(speech.cache.lookup(speech.key_for(r)) is not None for r in added)
