"""Load a language's glossary file: hard words and their plain explanations."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from kiosk.content.models import GlossaryEntry
from kiosk.content.problems import ContentProblem
from kiosk.content.schema import PictureName, Text, describe_errors
from kiosk.content.sentences import SentenceCollector
from kiosk.content.yaml_positions import YamlDocument, YamlError

GLOSSARY_FILE = "glossary.yaml"


class GlossaryItem(BaseModel):
    """One entry in the long form: `term: {explanation: ..., forms: [...], picture: ...}`."""

    model_config = ConfigDict(extra="forbid")

    explanation: Text
    forms: list[Text] = []
    #: shown in the word's explanation, like a picture dictionary
    picture: PictureName | None = None


def load_glossary(
    path: Path, shown_as: str
) -> tuple[dict[str, GlossaryEntry], list[ContentProblem]]:
    """Read a glossary file; a broken entry is reported and left out, the others stay."""
    try:
        document = YamlDocument(path.read_text(encoding="utf-8"))
    except (YamlError, UnicodeDecodeError, OSError) as error:
        line = getattr(error, "line", None)
        message = error.message if isinstance(error, YamlError) else _read_error(error)
        return {}, [ContentProblem(shown_as, message, line)]
    if document.data is None:
        return {}, []
    if not isinstance(document.data, dict):
        message = "the glossary must be a list of 'word: explanation' lines"
        return {}, [ContentProblem(shown_as, message, 1)]
    entries: dict[str, GlossaryEntry] = {}
    problems: list[ContentProblem] = []
    for term, value in document.data.items():
        problems += _add_entry(entries, term, value, document, shown_as)
    return entries, problems


def _add_entry(
    entries: dict[str, GlossaryEntry], term: object, value: object, document: YamlDocument,
    shown_as: str,
) -> list[ContentProblem]:  # fmt: skip
    """Add one word to `entries`; what is wrong with it, if anything."""
    line = document.line_of([term])
    if not isinstance(term, str) or not term.strip():
        return [ContentProblem(shown_as, f"{term!r} is not a word", line)]
    raw = {"explanation": value} if isinstance(value, str) else value
    try:
        item = GlossaryItem.model_validate(raw)
    except ValidationError as error:
        return [
            ContentProblem(shown_as, f"word '{term}': {message}", document.line_of([term, *where]))
            for where, message in describe_errors(error)
        ]
    key = term.strip().casefold()
    if key in entries:
        return [ContentProblem(shown_as, f"word '{term}' is in the glossary twice", line)]
    entry = _entry(term.strip(), item)
    if not entry.slug:
        message = f"word '{term}' has no letter or digit, so the kiosk cannot point to it"
        return [ContentProblem(shown_as, message, line)]
    same = next((other for other in entries.values() if other.slug == entry.slug), None)
    if same is not None:
        message = f"word '{term}' gets the same address as '{same.term}' ({entry.slug}); rename one"
        return [ContentProblem(shown_as, message, line)]
    entries[key] = entry
    return []


def _entry(term: str, item: GlossaryItem) -> GlossaryEntry:
    """The entry with its word and explanation marked as sentences for read-along."""
    sentences = SentenceCollector()
    term_html = sentences.mark_plain(term)
    explanation_html = sentences.mark_plain(item.explanation)
    return GlossaryEntry(
        term=term,
        explanation=item.explanation,
        forms=tuple(item.forms),
        picture=item.picture,
        term_html=term_html,
        explanation_html=explanation_html,
        spoken=tuple(sentences.finish()),
    )


def _read_error(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "the file is not UTF-8 text; save it as UTF-8"
    return f"cannot read the file: {error}"
