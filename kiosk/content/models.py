"""The content the kiosk shows: topics and glossaries per language."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from kiosk.content.problems import ContentProblem
from kiosk.content.pronunciation import Pronunciation
from kiosk.languages import Language


@dataclass(frozen=True)
class Source:
    """Where a topic's text comes from."""

    organisation: str
    title: str
    date: str
    sections: tuple[str, ...] = ()
    url: str | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    """A hard word with its plain explanation."""

    term: str
    explanation: str
    forms: tuple[str, ...] = ()
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
    position_of: str
    source: Source
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


@dataclass
class LanguageContent:
    """Everything in one language folder that loaded cleanly."""

    language: Language
    topics: list[Topic] = field(default_factory=list)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    pronunciation: Pronunciation = field(default_factory=Pronunciation)

    def topic(self, slug: str) -> Topic | None:
        """The topic with this slug, if there is one."""
        return next((topic for topic in self.topics if topic.slug == slug), None)

    def glossary_entry(self, slug: str) -> GlossaryEntry | None:
        """A glossary entry by its URL slug."""
        return next((entry for entry in self.glossary.values() if entry.slug == slug), None)


@dataclass
class ContentLibrary:
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
