"""The controls' endpoints: the screen's zones as CSS, and a settings tap that answers with the
new state, in the page's language, with its spoken sentence."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT


def test_the_zones_follow_the_configured_mounting(make_app: AppMaker):
    default = make_app(BUNDLED_CONTENT).test_client().get("/screen/zones.css")
    assert default.status_code == 200 and default.mimetype == "text/css"
    assert "--reach-top: 40.6780vh;" in default.get_data(as_text=True)
    lower = make_app(BUNDLED_CONTENT, PANEL_LOWER_EDGE_MM=900).test_client()
    assert "--reach-top: 54.8023vh;" in lower.get("/screen/zones.css").get_data(as_text=True)


def test_the_zones_are_revalidated_not_sent_again(client: FlaskClient):
    first = client.get("/screen/zones.css")
    again = client.get("/screen/zones.css", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def csrf(client: FlaskClient, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_a_setting_answers_in_the_page_language_with_its_state_to_say(client: FlaskClient):
    token = csrf(client, "/uk/kinderpardon")
    answer = client.post(
        "/preferences",
        data={"csrf_token": token, "action": "louder", "next": "/uk/kinderpardon", "lang": "uk"},
        headers={"HX-Request": "true"},
    )
    html = answer.get_data(as_text=True)
    assert "Гучніше" in html and "Звук: 80%" in html
    assert 'data-speech="/uk/messages/setting_volume_80/speech.json"' in html
    assert "data-speak-now=" in html and "data-speak-if-quiet" in html


def test_an_unknown_page_language_falls_back_to_dutch(client: FlaskClient):
    token = csrf(client, "/nl/")
    answer = client.post(
        "/preferences",
        data={"csrf_token": token, "action": "theme", "next": "/nl/", "lang": "xx"},
        headers={"HX-Request": "true"},
    )
    assert 'data-speech="/nl/messages/setting_theme_contrast/speech.json"' in answer.get_data(
        as_text=True
    )
