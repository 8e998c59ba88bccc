"""Many topics: the topic index groups them by theme, so a visitor never scrolls through
hundreds of cards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.models import theme_slug
from tests.conftest import AppMaker
from tests.samples import VALID_TOPIC, ContentWriter

CARD_TITLES = re.compile(r'card__title">([^<]*)<')


def topics(write: ContentWriter, count: int, themes: list[str | None]) -> None:
    for index in range(count):
        theme = themes[index % len(themes)]
        text = VALID_TOPIC.replace("order: 1", f"order: {index}").replace(
            "card_title: Test", f"card_title: Test {index}"
        )
        if theme:
            text = text.replace("order:", f"theme: {theme}\norder:", 1)
        write(f"nl/test-{index}.md", text)


def test_few_topics_are_shown_one_card_each(
    make_app: AppMaker, content_dir: Path, write: ContentWriter
):
    topics(write, 12, ["Asiel", "Werk"])
    page = make_app(content_dir).test_client().get("/nl/").get_data(as_text=True)
    assert len(CARD_TITLES.findall(page)) == 12 and "Kies een onderwerp." in page


def test_many_topics_are_grouped_by_theme(
    make_app: AppMaker, content_dir: Path, write: ContentWriter
):
    topics(write, 30, ["Asiel", "Werk en school", None])
    client = make_app(content_dir).test_client()
    index = client.get("/nl/").get_data(as_text=True)
    assert CARD_TITLES.findall(index) == ["Asiel", "Werk en school", "Andere onderwerpen"]
    assert "10 onderwerpen" in index and "Kies een groep." in index
    theme = client.get("/nl/theme/werk-en-school").get_data(as_text=True)
    assert '<h1 tabindex="-1">Werk en school</h1>' in theme
    assert CARD_TITLES.findall(theme) == [f"Test {index}" for index in range(1, 30, 3)]
    other = client.get("/nl/theme/overig").get_data(as_text=True)
    assert CARD_TITLES.findall(other) == [f"Test {index}" for index in range(2, 30, 3)]
    topic = client.get("/nl/test-1").get_data(as_text=True)
    assert 'href="/nl/theme/werk-en-school"' in topic  # back goes to the theme
    assert client.get("/nl/theme/bestaat-niet").status_code == 404
    assert client.get("/nl/theme/..%2F").status_code == 404


def test_english_index_counts_in_english(
    make_app: AppMaker, content_dir: Path, write: ContentWriter
):
    topics(write, 13, ["Asylum"])
    for path in content_dir.joinpath("nl").glob("*.md"):
        write(f"en/{path.name}", path.read_text())
    page = make_app(content_dir).test_client().get("/en/").get_data(as_text=True)
    assert "13 topics" in page and "Choose a group." in page


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Asiel", "asiel"), ("Werk & school", "werk-school"), ("Één", "een"), ("Overig", None),
     ("لجوء", None)],
)  # fmt: skip
def test_theme_slugs_are_safe_in_urls(name: str, slug: str | None):
    made = theme_slug(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", made)
    if slug:
        assert made == slug
    else:  # no Latin letters, or the name of the "other topics" group: a stable hash
        assert made.startswith("thema-") and made == theme_slug(name)
