"""Speech over HTTP: speech.json for topics, words and messages, the audio, and failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kiosk.content import load_library
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, ContentWriter

DUTCH = load_library(BUNDLED_CONTENT).languages["nl"]
KINDERPARDON = DUTCH.topic("kinderpardon")


def test_summary_speech_json(client: FlaskClient):
    response = client.get("/nl/kinderpardon/speech.json")
    data = response.get_json()
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"
    assert [s["text"] for s in data["sentences"]] == list(KINDERPARDON.spoken_summary)
    assert [s["id"] for s in data["sentences"]] == list(range(len(KINDERPARDON.spoken_summary)))
    assert data["audio"].startswith("/speech/")
    assert data["sentences"][-1]["end"] == pytest.approx(data["duration"], abs=0.3)


def test_full_text_speech_json(client: FlaskClient):
    data = client.get("/nl/kinderpardon/speech.json?part=full").get_json()
    assert [s["text"] for s in data["sentences"]] == list(KINDERPARDON.spoken_full)


def test_audio_is_served_with_ranges_and_long_caching(client: FlaskClient):
    data = client.get("/nl/kinderpardon/speech.json").get_json()
    whole = client.get(data["audio"])
    assert whole.status_code == 200
    assert whole.mimetype in ("audio/ogg", "audio/wav")
    assert "immutable" in whole.headers["Cache-Control"]
    body = whole.get_data()
    whole.close()
    part = client.get(data["audio"], headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.get_data() == body[100:200]
    part.close()


def test_word_and_message_speech(client: FlaskClient):
    data = client.get("/nl/words/kamerlid/speech.json").get_json()
    assert [s["text"] for s in data["sentences"]] == [
        "Kamerlid",
        "Lid van de Tweede Kamer.",
        "De Tweede Kamer maakt de wetten samen met de regering.",
    ]
    data = client.get("/nl/messages/not_found/speech.json").get_json()
    assert data["sentences"][0]["text"] == "Deze pagina bestaat niet."


@pytest.mark.parametrize(
    "path",
    [
        "/nl/kinderpardon/speech.json?part=alles",
        "/nl/bestaat-niet/speech.json",
        "/xx/kinderpardon/speech.json",
        "/nl/words/geen-woord/speech.json",
        "/nl/messages/geen/speech.json",
        "/speech/../../etc/passwd",
        "/speech/0123456789abcdef0123456789abcdef.mp3",
        "/speech/0123456789abcdef0123456789abcdef.ogg",
        "/speech/kapot.ogg",
    ],
)
def test_unknown_speech_is_404(client: FlaskClient, path: str):
    response = client.get(path)
    response.close()
    assert response.status_code == 404


def test_missing_engine_gives_plain_message_and_degraded_health(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, topic_text: str, tmp_path: Path
):
    write("nl/t.md", topic_text)
    app = make_app(
        content_dir, SPEECH_LIBRARY="libespeak-ng-missing.so.1", SPEECH_CACHE_DIR=str(tmp_path)
    )
    client = app.test_client()
    response = client.get("/nl/t/speech.json")
    assert response.status_code == 503
    assert response.get_json() == {
        "error": "speech_unavailable",
        "message": "Voorlezen lukt nu niet. Probeer het later nog eens.",
    }
    assert response.headers["Retry-After"] == "30"
    assert client.get("/nl/t").status_code == 200  # the page itself still works
    health = client.get("/healthz").get_json()
    assert health["status"] == "degraded"
    assert health["speech"]["status"] == "degraded"
    assert "espeak-ng is not installed" in health["speech"]["reason"]


def test_language_without_a_voice(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, topic_text: str
):
    write("so/t.md", topic_text)
    response = make_app(content_dir).test_client().get("/so/t/speech.json")
    assert response.status_code == 503


def test_topic_page_has_listen_buttons_and_regions(client: FlaskClient):
    html = client.get("/nl/kinderpardon").get_data(as_text=True)
    assert 'data-speech="/nl/kinderpardon/speech.json"' in html
    assert 'data-listen="summary"' in html and 'data-listen="full"' in html
    assert 'data-speech="/nl/words/kamerlid/speech.json"' in html
    assert 'id="player-bar"' in html


def test_the_speech_unavailable_message_is_in_the_language_of_the_page(
    make_app: AppMaker, tmp_path: Path
):
    """Was Dutch on every page: the view kept its own Dutch copy of the message."""
    app = make_app(SPEECH_LIBRARY="libespeak-ng-missing.so.1", SPEECH_CACHE_DIR=str(tmp_path))
    client = app.test_client()
    said = {
        lang: client.get(f"/{lang}/kinderpardon/speech.json").get_json()["message"]
        for lang in ("nl", "en", "ar", "uk")
    }
    assert said["nl"] == "Voorlezen lukt nu niet. Probeer het later nog eens."
    assert said["en"] == "Reading aloud does not work right now. Please try again later."
    assert len(set(said.values())) == 4  # each in its own language
    page = client.get("/en/kinderpardon").get_data(as_text=True)
    assert f'data-speech-unavailable="{said["en"]}"' in page  # the player says the same
