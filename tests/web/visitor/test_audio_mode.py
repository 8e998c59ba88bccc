"""Audio mode over HTTP: the signed texts in the pages, the speech endpoint that renders only
those, the screens made at start-up, and the key map in the page."""

from __future__ import annotations

import html
import json
import re

from flask import Flask
from flask.testing import FlaskClient

from kiosk.services import services_of
from kiosk.support.signing import TextSigner
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT

SAID = re.compile(r'data-(say|announce|announce-again|say-opener|say-on|say-off)="([^"]*)" '
                  r'data-\1-key="([0-9a-f]{32})" data-\1-lang="([a-z]+)"')  # fmt: skip


def said(page: str) -> list[tuple[str, str, str, str]]:
    return [(kind, html.unescape(text), key, lang) for kind, text, key, lang in SAID.findall(page)]


def test_every_item_of_a_page_says_a_signed_text_that_the_endpoint_speaks(client: FlaskClient):
    page = client.get("/en/kinderpardon").get_data(as_text=True)
    texts = said(page)
    announced = "Children's pardon and general pardon. Position of the PvdA. Press the down arrow"
    assert any(k == "announce" and t.startswith(announced) for k, t, _, _ in texts), texts[:3]
    assert "Button. Print." in [text for _, text, _, _ in texts]
    kind, text, key, lang = next(t for t in texts if t[1] == "Button. Print.")
    response = client.get("/say/speech.json", query_string={"lang": lang, "text": text, "key": key})
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert [s["text"] for s in data["sentences"]] == ["Button. Print."]
    audio = client.get(data["audio"])
    assert audio.status_code == 200 and audio.mimetype.startswith("audio/")
    audio.close()


def test_the_speech_endpoint_renders_no_text_a_page_did_not_sign(client: FlaskClient):
    page = client.get("/nl/").get_data(as_text=True)
    _, text, key, lang = said(page)[0]
    for query in (
        {"lang": lang, "text": text + " Extra.", "key": key},  # another text
        {"lang": "en", "text": text, "key": key},  # another language
        {"lang": lang, "text": text, "key": "0" * 32},
        {"lang": lang, "text": text},
        {"lang": lang, "text": "x" * 700, "key": TextSigner("test").sign(lang, "x" * 700)},
        {"lang": "xx", "text": text, "key": key},
    ):
        assert client.get("/say/speech.json", query_string=query).status_code == 404, query


def test_a_language_name_is_said_in_its_own_language(client: FlaskClient):
    texts = said(client.get("/").get_data(as_text=True))
    assert ("say", "العربية", "ar") in [(k, t, lang) for k, t, _, lang in texts]
    assert ("say", "English", "en") in [(k, t, lang) for k, t, _, lang in texts]


def test_a_toggle_says_both_of_its_states(client: FlaskClient):
    texts = [text for _, text, _, _ in said(client.get("/nl/").get_data(as_text=True))]
    assert "Knop. Contrast. Staat aan." in texts and "Knop. Contrast. Staat uit." in texts
    assert "Knop. Normaal. Gekozen." in texts  # the speed that is chosen


def test_start_up_makes_every_screen_once_counting_no_visit(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT)
    services = services_of(app)
    requests = services.interface_speech()
    texts = {sentence for request in requests for sentence in request.sentences}
    assert "Onderwerp 4 van 10. Kinderpardon. Standpunt van de PvdA." in texts
    assert "Кнопка. Друкувати." in texts
    assert "العربية" in texts
    assert services.usage.rows() == [], "making the screens is nobody's visit"


def test_the_key_map_is_in_the_page_and_configurable(make_app: AppMaker):
    app: Flask = make_app(BUNDLED_CONTENT, AUDIO_KEYS={"help": ["F12"]})
    page = app.test_client().get("/nl/").get_data(as_text=True)
    settings = json.loads(html.unescape(re.search(r'data-audio="([^"]*)"', page).group(1)))
    assert settings["keys"]["help"] == ["F12"]
    assert settings["keys"]["next"] == ["ArrowDown", "Tab"]
    assert settings["holdMs"] == 2000 and settings["confirmMs"] == 3000
    assert settings["messages"]["audio_on_keys"] == "/nl/messages/audio_on_keys/speech.json"


def test_a_wrong_key_map_stops_the_start(make_app: AppMaker):
    try:
        make_app(BUNDLED_CONTENT, AUDIO_KEYS={"hulp": ["F1"]})
    except ValueError as error:
        assert "hulp" in str(error)
    else:
        raise AssertionError("a wrong AUDIO_KEYS started")
