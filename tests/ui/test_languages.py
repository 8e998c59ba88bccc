"""English, Arabic (right to left) and Ukrainian: pages, switching, speech and leaflets."""

from __future__ import annotations

import re

import pikepdf
import pytest
from flask.testing import FlaskClient

from kiosk.content import load_library
from kiosk.leaflets import LeafletService
from kiosk.speech import SpeechService
from kiosk.speech.spoken_content import speech_request
from kiosk.ui.languages import LANGUAGES as KNOWN_LANGUAGES
from kiosk.ui.languages import SOURCE_KINDS
from tests.conftest import AppMaker
from tests.leaflets.conftest import leaflets  # noqa: F401 - a fixture
from tests.leaflets.pdf_checks import share_of_large_text
from tests.samples import BUNDLED_CONTENT
from tests.speech.conftest import speech  # noqa: F401 - a fixture

LIBRARY = load_library(BUNDLED_CONTENT)
LANGUAGES = {"nl": "ltr", "en": "ltr", "ar": "rtl", "uk": "ltr"}
ALL_TOPICS = [topic for content in LIBRARY.languages.values() for topic in content.topics]


@pytest.mark.parametrize(("lang", "direction"), LANGUAGES.items())
def test_every_language_lists_the_same_topics(client: FlaskClient, lang: str, direction: str):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}"' in html
    hrefs = re.findall(r'<a class="card" href="/[a-z]+/([^"]+)"', html)
    assert hrefs == [topic.slug for topic in LIBRARY.languages["nl"].topics]


def test_interface_text_is_in_the_page_language(client: FlaskClient):
    english = client.get("/en/kinderpardon").get_data(as_text=True)
    assert "This is the position of the PvdA." in english
    assert "Voorlezen" not in english and "Onderwerpen" not in english
    arabic = client.get("/ar/kinderpardon").get_data(as_text=True)
    assert "هذا هو موقف" in arabic
    ukrainian = client.get("/uk/kinderpardon").get_data(as_text=True)
    assert "Це позиція" in ukrainian


def test_switching_language_keeps_the_topic(client: FlaskClient):
    html = client.get("/nl/kindbruiden").get_data(as_text=True)
    for lang in LANGUAGES:
        assert f'<link rel="alternate" hreflang="{lang}" href="/{lang}/kindbruiden">' in html
    assert 'lang="ar" dir="rtl" hx-boost="false"' in html and "العربية" in html
    assert "Українська" in html and "English" in html


def test_a_missing_translation_says_so_and_offers_dutch(
    make_app: AppMaker, content_dir, write, topic_text
):

    write("nl/alleen-nl.md", topic_text)
    write("en/ander.md", topic_text)
    response = make_app(content_dir).test_client().get("/en/alleen-nl")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert 'href="/nl/alleen-nl"' in html
    assert "<title>" in html and 'lang="en"' in html


@pytest.mark.parametrize("topic", ALL_TOPICS, ids=lambda t: f"{t.lang}/{t.slug}")
def test_every_topic_in_every_language_has_a_leaflet(leaflets: LeafletService, topic):  # noqa: F811
    content = LIBRARY.languages[topic.lang]
    leaflet = leaflets.get(topic, content)
    assert leaflet.pages <= 2, f"{topic.file}: {leaflet.pages} pages"
    with pikepdf.open(leaflet.pdf) as pdf:
        assert str(pdf.Root.Lang) == topic.lang
        with pdf.open_metadata() as metadata:
            assert metadata.get("dc:title") == topic.title
    assert share_of_large_text(leaflet.pdf) >= 0.9


def test_arabic_leaflet_is_right_to_left(leaflets: LeafletService):  # noqa: F811
    topic = LIBRARY.topic("ar", "kinderpardon")
    html = leaflets.document.html(topic, LIBRARY.languages["ar"])
    assert '<html lang="ar" dir="rtl">' in html
    assert "المصدر" in html or "Bron:" not in html


@pytest.mark.parametrize("lang", ["en", "ar", "uk"])
def test_every_topic_can_be_heard_in_its_language(speech: SpeechService, lang: str):  # noqa: F811
    content = LIBRARY.languages[lang]
    for topic in content.topics:
        result = speech.get(speech_request(content, topic.spoken_summary))
        assert [s.text for s in result.sentences] == list(topic.spoken_summary)
        starts = [s.start for s in result.sentences]
        assert starts == sorted(starts) and result.duration > len(starts)


@pytest.mark.parametrize("code", KNOWN_LANGUAGES)
def test_every_language_names_every_source_kind(code: str):
    attributions = KNOWN_LANGUAGES[code].attributions
    assert set(attributions) == set(SOURCE_KINDS)
    for phrases in attributions.values():
        assert phrases.sentence.count("{whose}") == phrases.card_line.count("{whose}") == 1
        assert phrases.sentence.endswith(".") and not phrases.card_line.endswith(".")
