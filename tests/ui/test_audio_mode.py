"""Audio mode's words and keys (kiosk/ui/audio_mode.py), without a browser."""

from __future__ import annotations

import pytest

from kiosk.ui.audio_mode import DEFAULT_KEYS, ORDINARY_KEYS, SCREENS, Spoken, key_map, sentence
from kiosk.ui.messages import MESSAGES, SPOKEN_MESSAGES, message


def test_role_name_state_and_position_in_each_language():
    assert Spoken("nl").card(4, 10, "Kinderpardon", "Standpunt van de PvdA") == (
        "Onderwerp 4 van 10. Kinderpardon. Standpunt van de PvdA."
    )
    assert Spoken("en").button("Printen") == "Button. Printen."  # the name is given translated
    assert Spoken("en").button("Contrast", pressed=False) == "Button. Contrast. Off."
    assert Spoken("uk").button("Sneller", pressed=True, choice=True) == "Кнопка. Sneller. Вибрано."
    assert Spoken("nl").button("Sneller", pressed=False, choice=True) == "Knop. Sneller."
    assert Spoken("ar").card(1, 3, "x", "y", group=True) == "المجموعة 1 من 3. x. y."
    assert Spoken("nl").term("asiel") == "Moeilijk woord: asiel. Knop."


def test_a_screen_says_title_contents_and_next_step_then_only_its_title():
    first, again = Spoken("nl").screen("index", "Onderwerpen", "10 onderwerpen")
    assert first.startswith("Onderwerpen. 10 onderwerpen. Druk op pijl omlaag")
    assert first.endswith("voor het eerste onderwerp.")
    assert again == "Onderwerpen."
    first, _ = Spoken("en").screen("topic", "Children's pardon", "Position of the PvdA")
    assert first.endswith("Press the down arrow to hear the text.")


def test_every_screen_kind_has_a_spoken_help_message_in_every_language():
    for kind, (_next_step, help_name) in SCREENS.items():
        assert help_name in SPOKEN_MESSAGES, kind
        for lang in ("nl", "en", "ar", "uk"):
            sentences = message(lang, help_name)
            assert sentences and all(sentences), (kind, lang)
            if lang != "nl":
                assert sentences != MESSAGES["nl"][help_name], f"{help_name} untranslated in {lang}"


def test_sentence_ends_every_part_once():
    assert sentence("In het kort") == "In het kort."
    assert sentence("Bent u er nog?") == "Bent u er nog?"
    assert sentence("هل أنت هنا؟") == "هل أنت هنا؟"
    assert sentence("  twee   woorden ") == "twee woorden."


def test_key_map_replaces_only_the_configured_actions():
    keys = key_map({"help": ["F12"], "repeat": "F11"})
    assert keys["help"] == ["F12"] and keys["repeat"] == ["F11"]
    assert keys["next"] == list(DEFAULT_KEYS["next"])
    assert set(ORDINARY_KEYS) <= {key for names in keys.values() for key in names}


@pytest.mark.parametrize(
    ("overrides", "named"),
    [({"hlep": ["F1"]}, "'hlep'"), ({"help": [1]}, "AUDIO_KEYS['help']"), ({"help": [""]}, "help")],
)
def test_a_wrong_key_map_says_what_is_wrong(overrides, named):
    with pytest.raises(ValueError, match=named.replace("[", r"\[").replace("]", r"\]")):
        key_map(overrides)
