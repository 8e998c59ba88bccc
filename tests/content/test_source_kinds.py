"""A topic's source kind (position, information, advice) chooses the sentence that says where it
comes from, in its own language; it is shown, spoken and put on the topic card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content import load_library
from tests.samples import ATTRIBUTIONS, ContentWriter, topic_of_kind, write_topics_of_every_kind


@pytest.mark.parametrize(("lang", "kind"), ATTRIBUTIONS, ids=lambda key: str(key))
def test_each_kind_has_its_sentence_and_card_line_in_each_language(
    content_dir: Path, write: ContentWriter, lang: str, kind: str | None
):
    write_topics_of_every_kind(write)
    library = load_library(content_dir)
    assert library.problems == []
    topic = library.topic(lang, kind or "none")
    sentence, card_line = ATTRIBUTIONS[lang, kind]
    assert topic.source.kind == (kind or "information")
    assert re.sub(r"<[^>]+>", "", topic.attribution_html) == sentence
    assert sentence in topic.spoken_summary
    assert topic.card_line == card_line


def test_position_of_is_the_older_name_of_from(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/oud.md", topic_text)
    write("nl/nieuw.md", topic_of_kind("nl", None))
    library = load_library(content_dir)
    assert library.topic("nl", "oud").whose == library.topic("nl", "nieuw").whose
    assert library.topic("nl", "oud").position_of == "de testorganisatie"
