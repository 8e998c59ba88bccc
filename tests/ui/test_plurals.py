"""Interface messages with a number use each language's plural forms (Arabic has six, Ukrainian
three), so "3 ثوانٍ" and "11 ثانية" are both right."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from kiosk.ui.translation import TRANSLATIONS, catalogue

COUNTDOWN = ("Nog %(num)d seconde.", "Nog %(num)d seconden.")
#: Placeholders that hold a count of something: their message must have plural forms.
COUNTS = {"num", "seconds", "count", "minutes"}  # not "total": "3 van 40" names no thing

EXPECTED = {
    "ar": {
        1: "بقيت ثانية واحدة.",
        2: "بقيت ثانيتان.",
        3: "بقيت 3 ثوانٍ.",
        5: "بقيت 5 ثوانٍ.",
        11: "بقيت 11 ثانية.",
        20: "بقيت 20 ثانية.",
    },
    "uk": {
        1: "Залишилася 1 секунда.",
        2: "Залишилося 2 секунди.",
        3: "Залишилося 3 секунди.",
        5: "Залишилося 5 секунд.",
        11: "Залишилося 11 секунд.",
        20: "Залишилося 20 секунд.",
    },
    "en": {1: "1 second left.", 2: "2 seconds left.", 11: "11 seconds left."},
    "nl": {1: "Nog 1 seconde.", 20: "Nog 20 seconden."},
}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_the_countdown_uses_the_plural_form_for_each_number(lang: str):
    translations = catalogue(lang)
    for number, expected in EXPECTED[lang].items():
        assert translations.ngettext(*COUNTDOWN, number) % {"num": number} == expected


@pytest.mark.parametrize("lang", ["ar", "uk"])
@pytest.mark.parametrize("number", [1, 2, 3, 5, 11, 20])
def test_every_plural_message_has_a_form_for_each_number(lang: str, number: int):
    """No plural message falls back to Dutch or to an empty form for any of these numbers."""
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as file:
        messages = [m for m in read_po(file, locale=lang) if m.pluralizable]
    assert messages, "the catalogue has plural messages"
    translations = catalogue(lang)
    for message in messages:
        text = translations.ngettext(message.id[0], message.id[1], number)
        assert text and text not in message.id, f"{message.id[0]!r} for {number}: {text!r}"


def test_messages_with_a_count_are_plural():
    with open(TRANSLATIONS / "messages.pot", "rb") as file:
        singular = [m.id for m in read_po(file) if m.id and not m.pluralizable]
    counted = [text for text in singular if COUNTS & set(re.findall(r"%\((\w+)\)", text))]
    assert counted == [], "use ngettext for these"
