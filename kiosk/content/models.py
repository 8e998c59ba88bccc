"""The content the kiosk shows: topics and glossaries per language."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from kiosk.content.problems import ContentProblem
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

    @property
    def anchor(self) -> str:
        """An id for the word's explanation on a page."""
        return "uitleg-" + "-".join("".join(c if c.isalnum() else " " for c in self.term).split())


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
    summary_html: Markup
    key_points_html: tuple[Markup, ...]
    body_html: Markup
    terms: tuple[GlossaryEntry, ...]


@dataclass
class LanguageContent:
    """Everything in one language folder that loaded cleanly."""

    language: Language
    topics: list[Topic] = field(default_factory=list)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)

    def topic(self, slug: str) -> Topic | None:
        """The topic with this slug, if there is one."""
        return next((topic for topic in self.topics if topic.slug == slug), None)


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
