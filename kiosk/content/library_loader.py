"""Load every language folder under content/ into a Library, reporting what is broken."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import yaml

from kiosk.content.consistency import TERMS_FILE, load_terms
from kiosk.content.glossary import GLOSSARY_FILE, load_glossary
from kiosk.content.markdown import GlossaryMatcher, new_markdown
from kiosk.content.models import LanguageContent, Library, Topic
from kiosk.content.problems import ContentProblem
from kiosk.content.pronunciation import PRONUNCIATION_FILE, load_pronunciation
from kiosk.content.topic_file import TopicFileError, load_topic
from kiosk.ui.languages import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

#: Files a language folder may hold besides topics.
KNOWN_DATA_FILES = {GLOSSARY_FILE, PRONUNCIATION_FILE, TERMS_FILE}


def load_library(content_dir: Path, name: str | None = None) -> Library:
    """Read all content; valid topics are kept, every problem is listed and logged. Files are
    named `<name>/<language>/<file>` (`name`: the folder's own name by default; "" for a synced
    repository, whose files are named as in the repository: `<language>/<file>`)."""
    library = Library()
    name = content_dir.name if name is None else name
    if not content_dir.is_dir():
        library.problems.append(
            ContentProblem(name or str(content_dir), "the content folder does not exist")
        )
    else:
        for folder in sorted(content_dir.iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            shown = f"{name}/{folder.name}" if name else folder.name
            language = LANGUAGES.get(folder.name)
            if language is None:
                library.problems.append(
                    ContentProblem(
                        shown,
                        f"'{folder.name}' is not a known language code "
                        f"(known: {', '.join(sorted(LANGUAGES))})",
                    )
                )
                continue
            content, problems = _load_language(folder, shown, LanguageContent(language))
            library.languages[language.code] = content
            library.problems += problems
    _share_pictures(library)
    for problem in library.problems:
        log.warning("content problem: %s", problem)
    return library


def _share_pictures(library: Library) -> None:
    """A translation without pictures of its own gets the Dutch topic's choices."""
    source = library.languages.get(DEFAULT_LANGUAGE)
    for lang, content in library.languages.items():
        if lang == DEFAULT_LANGUAGE:
            continue
        for index, topic in enumerate(content.topics):
            original = source.topic(topic.slug) if source else None
            if topic.pictures is None and original is not None and original.pictures:
                content.topics[index] = replace(topic, pictures=original.pictures)


def _load_language(
    folder: Path, shown: str, content: LanguageContent
) -> tuple[LanguageContent, list[ContentProblem]]:
    problems: list[ContentProblem] = []
    glossary_path = folder / GLOSSARY_FILE
    if glossary_path.exists():
        content.glossary, found = load_glossary(glossary_path, f"{shown}/{GLOSSARY_FILE}")
        problems += found
    pronunciation_path = folder / PRONUNCIATION_FILE
    if pronunciation_path.exists():
        content.pronunciation, found = load_pronunciation(
            pronunciation_path, f"{shown}/{PRONUNCIATION_FILE}"
        )
        problems += found
    terms_path = folder / TERMS_FILE
    if terms_path.exists():
        try:
            content.terms = load_terms(terms_path)
        except (ValueError, yaml.YAMLError) as error:
            problems.append(ContentProblem(f"{shown}/{TERMS_FILE}", str(error)))
    topics, found = _load_topics(folder, shown, content)
    content.topics = sorted(topics, key=lambda topic: (topic.order, topic.title))
    return content, problems + found


def _load_topics(
    folder: Path, shown: str, content: LanguageContent
) -> tuple[list[Topic], list[ContentProblem]]:
    """Every topic file of a language folder that loads; the problems of the others."""
    md = new_markdown()
    matcher = GlossaryMatcher(content.glossary.values(), content.language.code)
    by_slug: dict[str, Topic] = {}
    problems: list[ContentProblem] = []
    for path in _content_files(folder):
        shown_as = f"{shown}/{path.name}"
        if path.suffix != ".md":
            if path.name not in KNOWN_DATA_FILES:
                message = "not a topic file: topics are Markdown files ending in .md"
                problems.append(ContentProblem(shown_as, message))
            continue
        try:
            topic = load_topic(path, content.language.code, shown_as, md, matcher)
        except TopicFileError as error:
            problems += error.problems
            continue
        if topic.slug in by_slug:
            message = f"slug '{topic.slug}' is already used by {by_slug[topic.slug].file}"
            problems.append(ContentProblem(shown_as, message))
            continue
        by_slug[topic.slug] = topic
    return list(by_slug.values()), problems


def _content_files(folder: Path) -> list[Path]:
    """The files of a language folder, without hidden files, editor backups and folders."""
    return [
        path
        for path in sorted(folder.iterdir())
        if not (path.name.startswith(".") or path.name.endswith("~") or path.is_dir())
    ]
