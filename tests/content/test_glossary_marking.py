"""Hard words are marked once per page, in their written form, never inside links."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import load_library
from kiosk.content.markdown import GlossaryMatcher, PageMarker, new_markdown
from kiosk.content.models import GlossaryEntry
from tests.samples import ContentWriter

ASIEL = GlossaryEntry("asielzoeker", "Iemand die bescherming vraagt.", ("asielzoekers",))
AZC = GlossaryEntry("asielzoekerscentrum", "Waar asielzoekers wonen.", ("azc",))


def render(markdown: str, *entries: GlossaryEntry) -> tuple[str, list[GlossaryEntry]]:
    marker = PageMarker(GlossaryMatcher(entries))
    return new_markdown().render(markdown, {"marker": marker}), marker.marked


def test_first_use_is_marked_in_its_written_form():
    html, marked = render("Asielzoekers komen. Een asielzoeker wacht.", ASIEL)
    assert html.count('class="term"') == 1
    button = '<button type="button" class="term" popovertarget="uitleg-asielzoeker">'
    assert button + "Asielzoekers</button>" in html
    assert marked == [ASIEL]


def test_longest_word_wins_and_words_are_whole():
    html, marked = render("In het asielzoekerscentrum. Geen asielzoekersding.", ASIEL, AZC)
    assert 'popovertarget="uitleg-asielzoekerscentrum">asielzoekerscentrum<' in html
    assert "asielzoekersding" in html and html.count('class="term"') == 1
    assert marked == [AZC]


def test_words_inside_links_and_code_are_left_alone():
    html, marked = render("[asielzoeker](/nl/x) en `asielzoeker`", ASIEL)
    assert 'class="term"' not in html
    assert marked == []


def test_glossary_text_is_escaped():
    entry = GlossaryEntry("a<b", "x")
    html, _ = render("Zie a<b hier.", entry)
    assert "a&lt;b</button>" in html


def test_page_lists_words_in_order_of_first_use(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/glossary.yaml", "asielzoeker: Iemand die bescherming vraagt.\npunt: Een stip.\n")
    write("nl/t.md", topic_text)
    topic = load_library(content_dir).topic("nl", "t")
    assert [entry.term for entry in topic.terms] == ["punt", "asielzoeker"]
    assert 'class="term"' in topic.key_points_html[0]
    assert 'class="term"' not in topic.key_points_html[1]
