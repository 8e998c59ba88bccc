"""Content service: topics and glossaries from Markdown and YAML files (no Flask here)."""

from kiosk.content.library_loader import load_library
from kiosk.content.models import ContentLibrary, GlossaryEntry, LanguageContent, Source, Topic
from kiosk.content.problems import ContentProblem

__all__ = [
    "ContentLibrary",
    "ContentProblem",
    "GlossaryEntry",
    "LanguageContent",
    "Source",
    "Topic",
    "load_library",
]
