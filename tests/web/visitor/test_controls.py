"""The controls' endpoints: the screen's zones as CSS, and a settings tap that answers with the
new state, in the page's language, with its spoken sentence."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from kiosk.ui.messages import SPOKEN_MESSAGES
from kiosk.ui.preferences import ACTIONS, TEXT_SIZES, THEMES, VOLUMES, Preferences
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


def tap(client: FlaskClient, page: str, action: str, lang: str) -> str:
    """One settings tap from `page` with htmx, as the sheet sends it; the answer's HTML."""
    html = client.get(page).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    form = {"csrf_token": token, "action": action, "next": page, "lang": lang}
    return client.post("/preferences", data=form, headers={"HX-Request": "true"}).get_data(
        as_text=True
    )


def test_a_setting_answers_in_the_page_language_with_its_state_to_say(client: FlaskClient):
    html = tap(client, "/uk/kinderpardon", "louder", "uk")
    assert "Гучніше" in html and "Звук: 80%" in html
    assert 'data-speech="/uk/messages/setting_volume_80/speech.json"' in html
    assert "data-speak-now=" in html and "data-speak-if-quiet" in html


def test_an_unknown_page_language_falls_back_to_dutch(client: FlaskClient):
    html = tap(client, "/nl/", "theme", "xx")
    assert 'data-speech="/nl/messages/setting_theme_contrast/speech.json"' in html


def test_every_state_a_setting_can_reach_has_its_spoken_message():
    """Each text size, theme and volume, after each tap that reaches it, names a message the
    kiosk has (and so prerenders)."""
    names = set()
    for text_size in range(len(TEXT_SIZES)):
        for theme in THEMES:
            for volume in range(len(VOLUMES)):
                preferences = Preferences(text_size, theme, volume)
                names |= {preferences.state_message(action) for action in ACTIONS}
    assert len(names) == len(TEXT_SIZES) + len(THEMES) + len(VOLUMES)
    assert names <= SPOKEN_MESSAGES
