"""Interface text in the visitor's language: gettext catalogues under kiosk/ui/translations/.

The kiosk is written in Dutch, so the Dutch text is the message id and Dutch needs no
catalogue. Adding a language: a catalogue (`pybabel init -l xx`), a content folder, and a
line in kiosk/ui/languages.py. Catalogues are compiled by the set-up step, never committed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

from kiosk.ui.languages import DEFAULT_LANGUAGE

TRANSLATIONS = Path(__file__).parent / "translations"


def N_(text: str) -> str:  # noqa: N802 - the usual name for "mark for translation later"
    """Mark a string for the catalogue; it is translated where it is shown."""
    return text


@cache
def catalogue(lang: str) -> NullTranslations:
    """The compiled catalogue of a language (none for Dutch, the source language)."""
    if lang == DEFAULT_LANGUAGE:
        return NullTranslations()
    return Translations.load(str(TRANSLATIONS), [lang])


def translate(lang: str, text: str) -> str:
    """`text` in `lang`, outside a request (speech, leaflets)."""
    return catalogue(lang).gettext(text)
