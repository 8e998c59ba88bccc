"""How easy a topic is to read: Flesch-Douma, sentence lengths, rare and long words, passive
hints, measured against the project's own thresholds (no official B1 cut-off exists)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

import textstat
from wordfreq import zipf_frequency

from kiosk.content.consistency import translation_notes
from kiosk.content.models import LanguageContent, Library, Pictures, Topic
from kiosk.ui.pictures import picture_file

if TYPE_CHECKING:
    from kiosk.settings import Settings

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_FINAL = re.compile(r"[.!?:;…]['’”)]*$")
_HEADING = re.compile(r"^#{2,6}\s+(.+?)\s*#*$", re.MULTILINE)
#: A word used less than about once per million words (Zipf 3) counts as rare.
RARE_ZIPF = 3.0
LONG_WORD = 15
#: Dutch passive: a form of "worden" with a participle ("ge...d/t/en"); only a hint.
_WORDEN = {"word", "wordt", "worden", "werd", "werden", "geworden"}
_PARTICIPLE = re.compile(r"^(ge|be|ver|ont|her|er)\w+(d|t|en)$")


@dataclass(frozen=True)
class Thresholds:
    """The project's targets for plain language (the READABILITY_* settings)."""

    min_flesch_douma: float
    max_average_words: float
    max_sentence_words: int
    max_rare_share: float
    #: the share of ideas (key points and sections) with a picture beside them
    min_picture_share: float
    #: what the voice reads in one go (longer texts are never read aloud)
    max_spoken_sentences: int
    max_spoken_characters: int

    @classmethod
    def from_settings(cls, settings: Settings) -> Thresholds:
        return cls(
            settings.readability_min_flesch_douma,
            settings.readability_max_average_words,
            settings.readability_max_sentence_words,
            settings.readability_max_rare_share,
            settings.readability_min_picture_share,
            settings.speech_max_sentences,
            settings.speech_max_characters,
        )


@dataclass
class TopicReport:
    """One topic measured; `failures` lists the thresholds it misses."""

    lang: str
    slug: str
    file: str
    #: Dutch only (Flesch-Douma); None for other languages (see flesch_douma()).
    flesch_douma: float | None
    sentences: int
    average_words: float
    longest_sentence: int
    longest_sentence_text: str
    rare_share: float
    rare_words: list[str]
    long_words: list[str]
    passive_hints: list[str]
    failures: list[str] = field(default_factory=list)
    #: ideas (key points and sections) with a picture beside them, of all its ideas
    picture_share: float = 1.0
    #: the ideas without one ("key point 2", "section “Waarom?”"), and advice short of failing
    without_picture: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def words_of(text: str) -> list[str]:
    """The words of a text (no numbers)."""
    return _WORD.findall(text)


def _glossary_forms(content: LanguageContent) -> set[str]:
    forms = set()
    for entry in content.glossary.values():
        for form in (entry.term, *entry.forms):
            forms.add(form.casefold())
            forms.update(word.casefold() for word in words_of(form))
    return forms


def _is_name(word: str, position: int) -> bool:
    """A capital inside a sentence marks a name (PvdA, Ghana, Spekman): not a hard word."""
    return position > 0 and word[:1].isupper()


def flesch_douma(text: str) -> float:
    """Flesch-Douma of Dutch text (textstat, syllables by pyphen's nl_NL dictionary).

    Other languages are not scored: textstat counts English syllables with a dictionary that
    nltk downloads at run time, which an offline kiosk cannot do."""
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text)


def measure_topic(topic: Topic, content: LanguageContent, thresholds: Thresholds) -> TopicReport:
    """Measure the whole text of a topic as a visitor hears it."""
    running = _running_sentences(topic)
    sentences = [s if _FINAL.search(s) else s + "." for s in running]
    lengths = [len(words_of(sentence)) for sentence in sentences]
    flesch = flesch_douma("\n".join(sentences)) if content.language.code == "nl" else None
    words = _WordCount.of(sentences, _glossary_forms(content), content.language.code)
    longest = max(range(len(lengths)), key=lengths.__getitem__)
    report = TopicReport(
        lang=topic.lang,
        slug=topic.slug,
        file=topic.file,
        flesch_douma=round(flesch, 1) if flesch is not None else None,
        sentences=len(sentences),
        average_words=round(sum(lengths) / len(lengths), 1),
        longest_sentence=lengths[longest],
        longest_sentence_text=running[longest],
        rare_share=round(len(words.rare) / words.counted, 3) if words.counted else 0.0,
        rare_words=sorted(set(words.rare)),
        long_words=sorted(set(words.long)),
        passive_hints=words.passive,
    )
    report.failures += _missed_thresholds(report, thresholds)
    report.failures += _too_long_to_hear(topic, thresholds)
    _count_pictures(report, topic, thresholds)
    return report


def _count_pictures(report: TopicReport, topic: Topic, thresholds: Thresholds) -> None:
    """Which ideas have no picture, and a warning when too few have one (easy-read puts a
    picture beside every idea; a topic without them still works, so it does not fail)."""
    pictures = topic.pictures or Pictures()
    without = [
        f"key point {n + 1}" for n in range(len(topic.key_points)) if not pictures.key_point(n)
    ]
    sections = [part for part in topic.text_parts if part.number is not None]
    without += [
        f"section “{part.heading}”" for part in sections if not pictures.section(part.number)
    ]
    ideas = len(topic.key_points) + len(sections)
    report.without_picture = without
    report.picture_share = round((ideas - len(without)) / ideas, 3) if ideas else 1.0
    chosen = {*pictures.key_points, *pictures.sections} - {None}
    missing = sorted(name for name in chosen if picture_file(name) is None)
    if missing:
        report.warnings.append(
            f"pictures not installed yet: {', '.join(missing)} (run ./kiosk.sh setup)"
        )
    if report.picture_share < thresholds.min_picture_share:
        report.warnings.append(
            f"pictures beside {report.picture_share:.0%} of the ideas < "
            f"{thresholds.min_picture_share:.0%}: none for {', '.join(without)}"
        )


def _too_long_to_hear(topic: Topic, thresholds: Thresholds) -> list[str]:
    """A topic longer than the voice reads in one request is never read aloud: split it."""
    sentences = len(topic.spoken_full)
    characters = sum(len(sentence) for sentence in topic.spoken_full)
    if sentences > thresholds.max_spoken_sentences or characters > thresholds.max_spoken_characters:
        return [
            f"too long to be read aloud ({sentences} sentences, {characters} characters; at most "
            f"{thresholds.max_spoken_sentences} and {thresholds.max_spoken_characters}): "
            "split it into two topics"
        ]
    return []


def _running_sentences(topic: Topic) -> list[str]:
    """Running text only: titles and headings are names of what follows, not prose."""
    headings = {topic.title, *(h.strip() for h in _HEADING.findall(topic.body))}
    return [s for s in topic.spoken_full if s not in headings] or list(topic.spoken_full)


@dataclass
class _WordCount:
    """Rare and long words (outside the glossary and names), and sentences that look passive."""

    counted: int = 0
    rare: list[str] = field(default_factory=list)
    long: list[str] = field(default_factory=list)
    passive: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, sentences: list[str], exempt: set[str], lang: str) -> _WordCount:
        count = cls()
        for sentence in sentences:
            words = words_of(sentence)
            lowered = {word.casefold() for word in words}
            if lowered & _WORDEN and any(_PARTICIPLE.match(word) for word in lowered):
                count.passive.append(sentence)
            for position, word in enumerate(words):
                count.add(word, position, exempt, lang)
        return count

    def add(self, word: str, position: int, exempt: set[str], lang: str) -> None:
        self.counted += 1
        key = word.casefold()
        if key in exempt or _is_name(word, position):
            return
        if zipf_frequency(key, lang) < RARE_ZIPF:
            self.rare.append(key)
        if len(word) >= LONG_WORD:
            self.long.append(key)


def _missed_thresholds(report: TopicReport, thresholds: Thresholds) -> list[str]:
    """One line for each plain-language target the topic misses."""
    missed = []
    if report.flesch_douma is not None and report.flesch_douma < thresholds.min_flesch_douma:
        missed.append(f"Flesch-Douma {report.flesch_douma} < {thresholds.min_flesch_douma}")
    if report.average_words > thresholds.max_average_words:
        missed.append(
            f"average sentence {report.average_words} words > {thresholds.max_average_words}"
        )
    if report.longest_sentence > thresholds.max_sentence_words:
        missed.append(
            f"a sentence of {report.longest_sentence} words > {thresholds.max_sentence_words}: "
            f"“{report.longest_sentence_text}”"
        )
    if report.rare_share > thresholds.max_rare_share:
        missed.append(
            f"rare words {report.rare_share:.0%} > {thresholds.max_rare_share:.0%}: "
            + ", ".join(report.rare_words)
        )
    return missed


@dataclass
class LibraryReport:
    """Everything an editor should know about the content."""

    topics: list[TopicReport]
    missing_translations: list[str]
    unused_pronunciations: list[str]
    unused_glossary: list[str]
    #: What the translation checks found (kiosk/content/consistency.py).
    translation_notes: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return sum(len(topic.failures) for topic in self.topics)

    def as_dict(self) -> dict[str, object]:
        return {
            "topics": [topic.as_dict() for topic in self.topics],
            "missing_translations": self.missing_translations,
            "unused_pronunciations": self.unused_pronunciations,
            "unused_glossary": self.unused_glossary,
            "translation_notes": self.translation_notes,
        }


def measure_library(library: Library, thresholds: Thresholds) -> LibraryReport:
    """Measure every topic; list missing translations and unused list entries."""
    reports = [
        measure_topic(topic, content, thresholds)
        for content in library.languages.values()
        for topic in content.topics
    ]
    slugs = {code: {t.slug for t in c.topics} for code, c in library.languages.items()}
    everywhere = set().union(*slugs.values()) if slugs else set()
    missing = sorted(f"{code}/{slug}" for code, have in slugs.items() for slug in everywhere - have)
    unused_pronunciation, unused_glossary = [], []
    for code, content in library.languages.items():
        text = "\n".join(s for t in content.topics for s in t.spoken_full)
        text += "\n" + "\n".join(s for e in content.glossary.values() for s in e.spoken)
        for word, _ in content.pronunciation.words:
            if not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
                unused_pronunciation.append(f"{code}: {word}")
        used = {entry.term for topic in content.topics for entry in topic.terms}
        unused_glossary += [
            f"{code}: {e.term}" for e in content.glossary.values() if e.term not in used
        ]
    return LibraryReport(
        reports, missing, unused_pronunciation, sorted(unused_glossary), translation_notes(library)
    )
