"""The topic page and the topic card say what kind of text a topic is, in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.conftest import AppMaker
from tests.samples import ATTRIBUTIONS, SAMPLE_WHOSE, ContentWriter, write_topics_of_every_kind


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.fixture
def client(make_app: AppMaker, content_dir: Path, write: ContentWriter) -> FlaskClient:
    write_topics_of_every_kind(write)
    return make_app(content_dir).test_client()


@pytest.mark.parametrize(("lang", "kind"), ATTRIBUTIONS, ids=lambda key: str(key))
def test_topic_page_says_what_kind_of_text_it_is(client: FlaskClient, lang: str, kind: str):
    html = client.get(f"/{lang}/{kind or 'none'}").get_data(as_text=True)
    sentence = ATTRIBUTIONS[lang, kind][0]
    assert sentence in text_of(html)
    others = {phrases[0] for (other, _), phrases in ATTRIBUTIONS.items() if other == lang}
    assert [other for other in others - {sentence} if other in text_of(html)] == []


@pytest.mark.parametrize("lang", SAMPLE_WHOSE)
def test_each_card_on_the_index_says_what_kind_of_text_it_is(client: FlaskClient, lang: str):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    cards = re.findall(r'<a class="card" href="/[a-z]+/([a-z]+)".*?</a>', html, re.S)
    lines = re.findall(r'<span class="card__whose">([^<]*)</span>', html)
    assert dict(zip(cards, lines, strict=True)) == {
        kind or "none": ATTRIBUTIONS[lang, kind][1]
        for (other, kind) in ATTRIBUTIONS
        if other == lang
    }
