"""Content service: topics and glossaries from Markdown and YAML files (no Flask here)."""

from kiosk.content.library_loader import load_library
from kiosk.content.models import GlossaryEntry, LanguageContent, Library, Source, Topic
from kiosk.content.problems import ContentProblem

__all__ = [
    "Library",
    "ContentProblem",
    "GlossaryEntry",
    "LanguageContent",
    "Source",
    "Topic",
    "load_library",
]
