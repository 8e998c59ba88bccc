"""Languages the kiosk knows: each one's own name, in its own script, and writing direction."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A language a content folder can be written in."""

    code: str
    name: str
    direction: str = "ltr"
    #: espeak-ng voice that reads this language aloud.
    voice: str = ""
    #: The sentence that says whose position a topic is ({whose} from the front matter).
    position_phrase: str = "This is the position of {whose}."
    #: A stylesheet in static/vendor/css/ (made by the set-up from npm) with the fonts for a
    #: script the main font lacks.
    font_css: str = ""


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language(
            "nl", "Nederlands", voice="nl", position_phrase="Dit is het standpunt van {whose}."
        ),
        Language("en", "English", voice="en"),
        Language(
            "ar",
            "العربية",
            "rtl",
            voice="ar",
            position_phrase="هذا هو موقف {whose}.",
            font_css="noto-sans-arabic.css",
        ),
        Language(
            "uk",
            "Українська",
            voice="uk",
            position_phrase="Це позиція {whose}.",
            font_css="noto-sans-cyrillic.css",
        ),
        Language("tr", "Türkçe", voice="tr"),
        Language("pl", "Polski", voice="pl"),
        Language("de", "Deutsch", voice="de"),
        Language("fr", "Français", voice="fr"),
        Language("es", "Español", voice="es"),
        Language("fa", "فارسی", "rtl", voice="fa", font_css="noto-sans-arabic.css"),
        Language("ti", "ትግርኛ"),
        Language("so", "Soomaali"),
    )
}

DEFAULT_LANGUAGE = "nl"
