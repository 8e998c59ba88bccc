"""The bundled topics keep every fact of the source page, add none, and stay plain.

The source is the party's web page in ../shared/source/. Numbers, years and names are
compared in both directions: everything in the source is in the topics, and everything in
the topics is in the source.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kiosk.content import Topic, load_library
from tests.samples import BUNDLED_CONTENT, SOURCE_TEXT

# Number words, so "acht jaar" in the source may be "8 jaar" in a topic and the other way round.
NUMBER_WORDS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "honderd": 100,
    "duizend": 1000,
    "miljoen": 10**6,
    "miljard": 10**9,
}
# Amounts said in words without a number: these must survive the rewrite word for word.
QUANTITY_WORDS = {"honderden", "duizenden", "gehalveerd", "miljard"}
# Capitalised words in the source that are not facts: a photo credit, and an adjective.
NOT_NAMES = {"Shutterstock", "Europees"}


@pytest.fixture(scope="module")
def source() -> str:
    """The source page's text; it lives beside the checkout, in ../shared/source/."""
    if not SOURCE_TEXT.exists():
        pytest.skip(f"the source page is not beside this checkout ({SOURCE_TEXT})")
    return SOURCE_TEXT.read_text(encoding="utf-8")


library = load_library(BUNDLED_CONTENT)
topics = library.languages["nl"].topics


def topic_text(topic: Topic) -> str:
    """All the words a visitor reads on the topic page."""
    return "\n".join([topic.title, topic.card_title, topic.summary, *topic.key_points, topic.body])


def numbers(text: str) -> set[int]:
    """Every number written with digits ("27.000" and "27000" alike) or as a number word."""
    found = set()
    for match in re.findall(r"\d+(?:[.,]\d+)*", text):
        digits = match.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", match) else match
        found.add(int(float(digits.replace(",", "."))))
    for word in re.findall(r"\w+", text.lower()):
        if word in NUMBER_WORDS:
            found.add(NUMBER_WORDS[word])
    return found


def names(text: str) -> set[str]:
    """Capitalised words that do not start a sentence, line or heading: names of places,
    people, organisations."""
    found = set()
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?:‘'])\s+", line.strip(" •-#*")):
            for word in re.findall(r"[\w’'-]+", sentence)[1:]:
                if word[0].isupper():
                    found.add(word)
    return found


ALL_TOPICS = "\n".join(topic_text(topic) for topic in topics)


def test_bundled_content_loads_without_problems():
    assert library.problems == []
    assert len(topics) >= 5


def test_every_number_in_the_topics_is_in_the_source(source: str):
    assert numbers(ALL_TOPICS) - numbers(source) == set()


def test_every_number_in_the_source_is_in_the_topics(source: str):
    assert numbers(source) - numbers(ALL_TOPICS) == set()


def test_every_amount_word_of_the_source_is_kept(source: str):
    source_words = set(re.findall(r"\w+", source.lower()))
    topic_words = set(re.findall(r"\w+", ALL_TOPICS.lower()))
    assert QUANTITY_WORDS & source_words == QUANTITY_WORDS
    assert QUANTITY_WORDS - topic_words == set()


def test_every_name_in_the_source_is_in_the_topics(source: str):
    assert (
        names(source) - NOT_NAMES - names(ALL_TOPICS) - set(re.findall(r"\w+", ALL_TOPICS)) == set()
    )


def test_no_name_is_added(source: str):
    assert names(ALL_TOPICS) - names(source) == set()


def test_the_check_itself_catches_a_changed_number(source: str):
    assert numbers("bijna 9000 kinderen") - numbers(source) == {9000}
    assert numbers("in 27.000 gevallen") - numbers(source) == set()
    assert numbers("acht jaar") == {8}


@pytest.mark.parametrize("topic", topics, ids=lambda topic: topic.slug)
def test_every_topic_says_whose_position_it_is(topic: Topic, source: str):
    assert topic.whose == "de PvdA"
    assert topic.source.kind == "position"
    assert topic.source.organisation == "PvdA"
    assert topic.source.title == "Warm hart, koel hoofd"
    assert topic.source.sections
    for section in topic.source.sections:
        assert section in source.splitlines(), section
    assert "PvdA" in topic.summary


def sentences(text: str) -> list[list[str]]:
    """Sentences as word lists; each line of a topic is at most one sentence."""
    plain = re.sub(r"^#+ |^\s*- ", "", text, flags=re.M)
    parts = re.split(r"(?<=[.!?:])\s+|\n+", plain)
    return [words for part in parts if (words := re.findall(r"[\w’'-]+", part))]


@pytest.mark.parametrize("topic", topics, ids=lambda topic: topic.slug)
def test_sentences_are_short(topic: Topic):
    lengths = [len(words) for words in sentences(topic_text(topic))]
    longest = max(lengths)
    assert longest <= 20, f"a sentence of {longest} words"
    assert sum(lengths) / len(lengths) <= 12


TRANSLATIONS = [code for code in library.languages if code != "nl"]


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translations_have_every_topic_with_the_same_source(lang: str):
    translated = library.languages[lang]
    assert [t.slug for t in translated.topics] == [t.slug for t in topics]
    for topic in translated.topics:
        dutch = library.topic("nl", topic.slug)
        assert topic.source == replace(dutch.source, date=topic.source.date)
        assert "PvdA" in topic.whose
        assert topic.icon == dutch.icon and topic.order == dutch.order
        assert len(topic.key_points) == len(dutch.key_points)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_number_in_a_translation_is_in_the_source(lang: str, source: str):
    text = "\n".join(topic_text(topic) for topic in library.languages[lang].topics)
    digits = set()
    for match in re.findall(r"\d+(?:[.,]\d+)*", text):
        digits.add(int(re.sub(r"[.,](?=\d{3}\b)", "", match).replace(",", ".").split(".")[0]))
    assert digits - numbers(source) == set()
    assert {2007, 2011, 2013, 2015, 2016, 900, 27000, 300} <= digits


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translated_sentences_are_short(lang: str):
    for topic in library.languages[lang].topics:
        lengths = [len(words) for words in sentences(topic_text(topic))]
        assert max(lengths) <= 20, topic.file
