"""Checks across a translation that no single topic shows: a term rendered one way here and
another way there, a register that changes (Ukrainian ти and Ви), and a glossary form longer
than the word it explains. `run.py check` prints what they find; they do not fail it, as a
translator may have a reason, but the bundled content has none.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kiosk.content.models import LanguageContent, Library, Topic
from kiosk.ui.languages import DEFAULT_LANGUAGE

#: Per language: the Dutch terms and the words that say them there (`content/<lang>/terms.yaml`).
TERMS_FILE = "terms.yaml"

#: Per language with a formal and an informal "you": the register the kiosk uses, and the
#: informal words that break it.
REGISTERS = {
    "uk": ("Ви", {"ти", "тебе", "тобі", "тобою", "твій", "твоя", "твоє", "твої", "твого",
                  "твоєї", "твоєму", "твоїй", "твоїм", "твоїх", "твоїми"}),
}  # fmt: skip

_WORD = re.compile(r"\w+")


def load_terms(path: Path) -> dict[str, tuple[str, ...]]:
    """terms.yaml: `dutch term: [rendering, ...]` (a ValueError that says what is wrong)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(
        isinstance(renderings, list) and renderings and all(isinstance(r, str) for r in renderings)
        for renderings in data.values()
    ):
        raise ValueError("each line must be `Dutch term: [how this language says it, ...]`")
    return {str(term): tuple(renderings) for term, renderings in data.items()}


def translation_notes(library: Library) -> list[str]:
    """Everything the three checks find, one line each, file first."""
    notes: list[str] = []
    dutch = library.languages.get(DEFAULT_LANGUAGE)
    for code, content in library.languages.items():
        notes += swallowing_forms(code, content)
        notes += register_breaks(code, content)
        if dutch is not None and code != DEFAULT_LANGUAGE:
            notes += term_variations(code, content, dutch, content.terms)
    return notes


def _text(topic: Topic) -> str:
    return "\n".join(topic.spoken_full).casefold()


def term_variations(
    code: str, content: LanguageContent, dutch: LanguageContent, terms: dict[str, tuple[str, ...]]
) -> list[str]:
    """Topics whose Dutch uses a listed term while the translation uses none of its words."""
    notes = []
    texts = {
        topic.slug: (_text(topic), _text(original))
        for topic in content.topics
        if (original := dutch.topic(topic.slug)) is not None
    }
    for term, renderings in terms.items():
        entry = dutch.glossary.get(term)
        dutch_forms = {term, *(entry.forms if entry else ())}
        for topic in content.topics:
            translated, original = texts.get(topic.slug, ("", ""))
            if not any(
                re.search(rf"(?<!\w){re.escape(f.casefold())}(?!\w)", original) for f in dutch_forms
            ):
                continue
            if not any(rendering.casefold() in translated for rendering in renderings):
                notes.append(f"{code}/{topic.slug}.md: the Dutch says “{term}”; this text uses "
                             f"none of {', '.join(renderings)} ({TERMS_FILE})")  # fmt: skip
    return notes


def register_breaks(code: str, content: LanguageContent) -> list[str]:
    """Sentences that address the reader informally where the language's register is formal."""
    if code not in REGISTERS:
        return []
    formal, informal = REGISTERS[code]
    notes = []
    for topic in content.topics:
        for sentence in topic.spoken_full:
            found = sorted({w for w in _WORD.findall(sentence.casefold()) if w in informal})
            if found:
                notes.append(f"{code}/{topic.slug}.md: “{sentence}” says {', '.join(found)}; "
                             f"the kiosk says {formal}")  # fmt: skip
    return notes


def swallowing_forms(code: str, content: LanguageContent) -> list[str]:
    """Glossary forms that hold the word they explain plus other words: the whole phrase
    would get that word's explanation ("lawyers of asylum seekers" explained as asylum
    seekers)."""
    notes = []
    for entry in content.glossary.values():
        forms = (entry.term, *entry.forms)
        for form in forms:
            for shorter in forms:
                if (
                    shorter != form
                    and len(shorter) < len(form)
                    and re.search(rf"(?<!\w){re.escape(shorter.casefold())}(?!\w)", form.casefold())
                ):
                    notes.append(f"{code}/glossary.yaml: the form “{form}” of “{entry.term}” "
                                 f"is longer than the word it explains (“{shorter}”)")  # fmt: skip
                    break
    return notes
