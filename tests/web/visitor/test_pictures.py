"""A picture beside every idea (OpenMoji): on the topic page, beside each key point and each
section, on the start side; in a hard word's explanation; shared by the translations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kiosk.content import load_library
from kiosk.content.readability import Thresholds, measure_topic
from kiosk.ui.pictures import CREDIT, picture_files
from tests.samples import BUNDLED_CONTENT, VALID_TOPIC, ContentWriter, with_pictures

LIBRARY = load_library(BUNDLED_CONTENT)
EVERY_TOPIC = [topic for content in LIBRARY.languages.values() for topic in content.topics]
PICTURE = re.compile(r'<img class="picture" src="/static/vendor/pictures/([0-9A-F-]+)\.svg" alt=""')


@pytest.mark.parametrize("topic", EVERY_TOPIC, ids=lambda t: f"{t.lang}-{t.slug}")
def test_every_key_point_and_section_has_its_picture(client: FlaskClient, topic):
    html = client.get(f"/{topic.lang}/{topic.slug}").get_data(as_text=True)
    key_points = html[
        html.index('class="key-points"') : html.index(
            "</section>", html.index('class="key-points"')
        )
    ]
    text = html[html.index('class="topic__text"') :]
    text = text[: text.index('class="glossary"')] if 'class="glossary"' in text else text
    files = {name: file.removesuffix(".svg") for name, file in picture_files().items()}
    nl = LIBRARY.topic("nl", topic.slug).pictures  # the translations share the Dutch choices
    assert PICTURE.findall(key_points) == [files[name] for name in nl.key_points]
    assert PICTURE.findall(text) == [files[name] for name in nl.sections]
    assert key_points.count('<li class="idea">') == len(topic.key_points)


def test_a_picture_file_is_served(client: FlaskClient):
    html = client.get("/nl/kinderpardon").get_data(as_text=True)
    source = re.search(r'<img class="picture" src="([^"]+)"', html)[1]
    response = client.get(source)
    assert response.status_code == 200 and b"<svg" in response.data
    response.close()


def test_a_hard_word_shows_its_picture_like_a_picture_dictionary(client: FlaskClient):
    html = client.get("/nl/kinderpardon").get_data(as_text=True)
    popover = html[html.index('id="uitleg-kinderpardon"') :]
    popover = popover[: popover.index("</div>\n</div>") if "</div>\n</div>" in popover else 2000]
    assert PICTURE.search(popover), "kinderpardon has a picture in the glossary"


def test_a_translation_may_choose_its_own_pictures(content_dir: Path, write: ContentWriter):
    write("nl/t.md", with_pictures(VALID_TOPIC, "  key_points: [house, family]"))
    write("en/t.md", with_pictures(VALID_TOPIC, "  key_points: [school]"))
    write("ar/t.md", VALID_TOPIC)
    library = load_library(content_dir)
    assert library.topic("nl", "t").pictures.key_points == ("house", "family")
    assert library.topic("en", "t").pictures.key_points == ("school",)
    assert library.topic("ar", "t").pictures.key_points == ("house", "family"), "shared"


def test_the_check_warns_about_ideas_without_a_picture(content_dir: Path, write: ContentWriter):
    write("nl/t.md", with_pictures(VALID_TOPIC, "  key_points: [house]"))
    library = load_library(content_dir)
    thresholds = Thresholds(0, 99, 99, 1, 1.0, 999, 99_999)
    report = measure_topic(library.topic("nl", "t"), library.languages["nl"], thresholds)
    assert report.without_picture == ["key point 2", "section “Kop”"]
    assert report.picture_share == pytest.approx(1 / 3, abs=0.001)
    assert report.warnings == [
        "pictures beside 33% of the ideas < 100%: none for key point 2, section “Kop”"
    ]
    assert report.failures == [], "a missing picture warns; it does not fail the topic"


def test_the_pictures_are_credited_on_the_help_page(client: FlaskClient):
    assert "OpenMoji" in CREDIT
    html = client.get("/en/help").get_data(as_text=True)
    assert "Pictures: OpenMoji (openmoji.org), licence CC BY-SA 4.0" in html
