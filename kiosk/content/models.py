"""The content the kiosk shows: topics and glossaries per language."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup

from kiosk.content.problems import ContentProblem
from kiosk.content.pronunciation import Pronunciation
from kiosk.ui.languages import DEFAULT_SOURCE_KIND, Language

#: Where a `##` section of the rendered text begins (content files hold no HTML of their own).
_SECTION_START = re.compile(r"(?=<h2[\s>])")
_HEADING = re.compile(r"^\s*<h2[^>]*>(.*?)</h2>", re.DOTALL)


@dataclass(frozen=True)
class TextPart:
    """A part of a topic's text: a section (its number, from 0, and its heading's words) or,
    with number None, what comes before the first heading."""

    number: int | None
    heading: str
    html: Markup


@dataclass(frozen=True)
class Source:
    """Where a topic's text comes from, and what kind of text it is."""

    organisation: str
    title: str
    date: str
    sections: tuple[str, ...] = ()
    url: str | None = None
    #: "position", "information" or "advice" (kiosk.ui.languages.SOURCE_KINDS).
    kind: str = DEFAULT_SOURCE_KIND


@dataclass(frozen=True)
class GlossaryEntry:
    """A hard word with its plain explanation."""

    term: str
    explanation: str
    forms: tuple[str, ...] = ()
    #: An OpenMoji picture shown with the explanation (kiosk/ui/pictures.py), if any.
    picture: str | None = None
    #: The word and its explanation as HTML with sentence spans, and as spoken sentences.
    term_html: Markup = Markup("")
    explanation_html: Markup = Markup("")
    spoken: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The word in a URL: letters and digits joined by dashes."""
        return "-".join("".join(c if c.isalnum() else " " for c in self.term.casefold()).split())

    @property
    def anchor(self) -> str:
        """An id for the word's explanation on a page."""
        return "uitleg-" + self.slug


@dataclass(frozen=True)
class Pictures:
    """The picture beside each idea (an OpenMoji name, or None): per key point and per section
    of the text, in order."""

    key_points: tuple[str | None, ...] = ()
    sections: tuple[str | None, ...] = ()

    def key_point(self, index: int) -> str | None:
        return self.key_points[index] if index < len(self.key_points) else None

    def section(self, index: int) -> str | None:
        return self.sections[index] if index < len(self.sections) else None


@dataclass(frozen=True)
class Topic:
    """One topic page in one language, with its text already rendered to safe HTML."""

    lang: str
    slug: str
    file: str
    title: str
    card_title: str
    icon: str
    order: int
    summary: str
    #: Whose text it is, as written in the attribution ("de PvdA").
    whose: str
    source: Source
    #: The short line on the topic card, in the topic's language ("Standpunt van de PvdA").
    card_line: str
    key_points: tuple[str, ...]
    body: str
    title_html: Markup
    summary_html: Markup
    attribution_html: Markup
    key_points_html: tuple[Markup, ...]
    body_html: Markup
    terms: tuple[GlossaryEntry, ...]
    #: What "Voorlezen" reads: title, summary, whose position, key points (sentence ids 0..n-1).
    spoken_summary: tuple[str, ...]
    #: The whole page in reading order; starts with `spoken_summary`.
    spoken_full: tuple[str, ...]
    #: The group on the topic index when there are many topics (None: "other topics").
    theme: str | None = None
    #: Its own pictures (None: those of the Dutch topic, shared when the library loads).
    pictures: Pictures | None = None

    @property
    def position_of(self) -> str:
        """The older name of `whose`."""
        return self.whose

    @property
    def text_parts(self) -> list[TextPart]:
        """The text in parts: what comes before the first `##` heading (number None), then each
        section, a heading with what follows it, numbered from 0 (its picture's place)."""
        parts = [Markup(part) for part in _SECTION_START.split(self.body_html) if part.strip()]
        found: list[TextPart] = []
        for part in parts:
            heading = _HEADING.search(part)
            if heading is None and not found:
                found.append(TextPart(None, "", part))
            else:
                number = sum(1 for done in found if done.number is not None)
                title = Markup(heading.group(1)).striptags() if heading else ""
                found.append(TextPart(number, title, part))
        return found


@dataclass(frozen=True)
class Theme:
    """Topics shown together behind one card when a language has many topics."""

    slug: str
    #: None for the topics that have no theme ("other topics")
    name: str | None
    topics: tuple[Topic, ...]

    @property
    def icon(self) -> str:
        return self.topics[0].icon


OTHER_THEME = "overig"


def theme_slug(name: str) -> str:
    """A URL-safe name for a theme: its Latin letters and digits, or a short hash."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug or slug == OTHER_THEME:
        slug = "thema-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    return slug


@dataclass
class LanguageContent:
    """Everything in one language folder that loaded cleanly."""

    language: Language
    topics: list[Topic] = field(default_factory=list)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    pronunciation: Pronunciation = field(default_factory=Pronunciation)
    #: Dutch terms and how this language says them (terms.yaml; kiosk/content/consistency.py).
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def topic(self, slug: str) -> Topic | None:
        """The topic with this slug, if there is one."""
        return next((topic for topic in self.topics if topic.slug == slug), None)

    def themes(self) -> list[Theme]:
        """The topics by theme, each theme where its first topic stands; topics without a
        theme come last, together."""
        groups: dict[str, tuple[str | None, list[Topic]]] = {}
        for topic in self.topics:
            slug = theme_slug(topic.theme) if topic.theme else OTHER_THEME
            groups.setdefault(slug, (topic.theme, []))[1].append(topic)
        other = groups.pop(OTHER_THEME, None)
        themes = [Theme(slug, name, tuple(topics)) for slug, (name, topics) in groups.items()]
        if other is not None:
            themes.append(Theme(OTHER_THEME, None, tuple(other[1])))
        return themes

    def grouped(self, max_cards: int) -> bool:
        """Whether the topic index shows themes: too many topics for one screen, and themes
        to group them by."""
        return len(self.topics) > max_cards and any(topic.theme for topic in self.topics)

    def theme(self, slug: str) -> Theme | None:
        """A theme by its slug."""
        return next((theme for theme in self.themes() if theme.slug == slug), None)

    def glossary_entry(self, slug: str) -> GlossaryEntry | None:
        """A glossary entry by its URL slug."""
        return next((entry for entry in self.glossary.values() if entry.slug == slug), None)


@dataclass
class Library:
    """All languages that have content, and every problem found while loading."""

    languages: dict[str, LanguageContent] = field(default_factory=dict)
    problems: list[ContentProblem] = field(default_factory=list)

    def language(self, code: str) -> LanguageContent | None:
        """The content of a language folder, if it exists and loaded."""
        return self.languages.get(code)

    def topic(self, lang: str, slug: str) -> Topic | None:
        """A topic by language and slug, or None."""
        content = self.languages.get(lang)
        return content.topic(slug) if content else None

    @property
    def topic_count(self) -> int:
        """How many topics loaded, over all languages."""
        return sum(len(content.topics) for content in self.languages.values())
