"""Languages the kiosk knows: each one's own name, in its own script, and writing direction."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A language a content folder can be written in."""

    code: str
    name: str
    direction: str = "ltr"


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("nl", "Nederlands"),
        Language("en", "English"),
        Language("ar", "العربية", "rtl"),
        Language("uk", "Українська"),
        Language("tr", "Türkçe"),
        Language("pl", "Polski"),
        Language("de", "Deutsch"),
        Language("fr", "Français"),
        Language("es", "Español"),
        Language("fa", "فارسی", "rtl"),
        Language("ti", "ትግርኛ"),
        Language("so", "Soomaali"),
    )
}

DEFAULT_LANGUAGE = "nl"
