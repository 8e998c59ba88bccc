"""Languages the kiosk knows: each one's own name, in its own script, and writing direction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: What a topic's source can be (`source.kind` in the front matter).
SOURCE_KINDS = ("position", "information", "advice")
#: The kind of a topic that names none: the neutral one.
DEFAULT_SOURCE_KIND = "information"


@dataclass(frozen=True)
class Attribution:
    """How a language says where a topic comes from, for one kind of source; {whose} is the
    front matter's `from` (or `position_of`), written as it reads in these phrases."""

    #: The full sentence on the topic page and leaflet; it is also spoken.
    sentence: str
    #: The short line on the topic card.
    card_line: str


def _attributions(**kinds: tuple[str, str]) -> Mapping[str, Attribution]:
    return MappingProxyType({kind: Attribution(*phrases) for kind, phrases in kinds.items()})


ENGLISH_ATTRIBUTIONS = _attributions(
    position=("This is the position of {whose}.", "Position of {whose}"),
    information=("This information comes from {whose}.", "Information from {whose}"),
    advice=("This is advice from {whose}.", "Advice from {whose}"),
)


@dataclass(frozen=True)
class Language:
    """A language a content folder can be written in."""

    code: str
    name: str
    direction: str = "ltr"
    #: espeak-ng voice that reads this language aloud.
    voice: str = ""
    #: Per source kind, the sentence and card line that say where a topic comes from.
    attributions: Mapping[str, Attribution] = field(
        default_factory=lambda: ENGLISH_ATTRIBUTIONS, hash=False
    )
    #: A stylesheet in static/vendor/css/ (made by the set-up from npm) with the fonts for a
    #: script the main font lacks.
    font_css: str = ""

    def attribution(self, kind: str, whose: str) -> Attribution:
        """The sentence and card line for a source of this kind, with {whose} filled in."""
        phrases = self.attributions[kind]
        return Attribution(
            phrases.sentence.format(whose=whose), phrases.card_line.format(whose=whose)
        )


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language(
            "nl",
            "Nederlands",
            voice="nl",
            attributions=_attributions(
                position=("Dit is het standpunt van {whose}.", "Standpunt van {whose}"),
                information=("Deze informatie komt van {whose}.", "Informatie van {whose}"),
                advice=("Dit is een advies van {whose}.", "Advies van {whose}"),
            ),
        ),
        Language("en", "English", voice="en"),
        Language(
            "ar",
            "العربية",
            "rtl",
            voice="ar",
            attributions=_attributions(
                position=("هذا هو موقف {whose}.", "موقف {whose}"),
                information=("هذه المعلومات من {whose}.", "معلومات من {whose}"),
                advice=("هذه نصيحة من {whose}.", "نصيحة من {whose}"),
            ),
            font_css="noto-sans-arabic.css",
        ),
        Language(
            "uk",
            "Українська",
            voice="uk",
            attributions=_attributions(
                position=("Це позиція {whose}.", "Позиція {whose}"),
                information=("Ця інформація від {whose}.", "Інформація від {whose}"),
                advice=("Це порада від {whose}.", "Порада від {whose}"),
            ),
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
