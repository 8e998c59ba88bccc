"""Sentences: the page marks exactly the sentences the voice reads, in the same order."""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from flask.testing import FlaskClient

from kiosk.content import load_library
from kiosk.content.sentences import split_sentences
from tests.samples import BUNDLED_CONTENT

TOPICS = load_library(BUNDLED_CONTENT).languages["nl"].topics


class SentenceSpans(HTMLParser):
    """Collects the text of every `<span class="s" data-s=N>` per N, in a region of the page."""

    def __init__(self, region_start: str) -> None:
        super().__init__()
        self.region_start = region_start
        self.inside_region = False
        self.stack: list[str | None] = []
        self.text: dict[int, str] = defaultdict(str)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article" and "data-speech" in attributes:
            self.inside_region = True
        if tag == "div" and attributes.get("popover") is not None:
            self.inside_region = False  # explanations are regions of their own
        self.stack.append(attributes.get("data-s") if tag == "span" else None)

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside_region = False
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        ids = [value for value in self.stack if value is not None]
        if self.inside_region and ids:
            self.text[int(ids[-1])] += data


def test_split_sentences():
    assert split_sentences("Een zin. Nog een! En? Ja.") == ["Een zin.", "Nog een!", "En?", "Ja."]
    assert split_sentences("Het idee is dit:\nmensen gaan weg.") == [
        "Het idee is dit:",
        "mensen gaan weg.",
    ]
    assert split_sentences("Het kost ca. 27.000 euro, o.a. voor huur.") == [
        "Het kost ca. 27.000 euro, o.a. voor huur."
    ]
    assert split_sentences("Regel zonder punt\nloopt door.") == ["Regel zonder punt loopt door."]


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.slug)
def test_page_spans_match_the_spoken_sentences(client: FlaskClient, topic):
    parser = SentenceSpans("article")
    parser.feed(client.get(f"/nl/{topic.slug}").get_data(as_text=True))
    on_screen = [" ".join(parser.text[i].split()) for i in range(len(parser.text))]
    assert sorted(parser.text) == list(range(len(topic.spoken_full)))
    assert on_screen == list(topic.spoken_full)
    assert topic.spoken_full[: len(topic.spoken_summary)] == topic.spoken_summary
    assert topic.spoken_summary[0] == topic.title
    assert topic.spoken_summary[2] == "Dit is het standpunt van de PvdA."
    assert topic.spoken_summary[3:] == topic.key_points


def test_every_sentence_is_short_enough_to_follow():
    for topic in TOPICS:
        for sentence in topic.spoken_full:
            assert 1 <= len(re.findall(r"\w+", sentence)) <= 20, sentence
