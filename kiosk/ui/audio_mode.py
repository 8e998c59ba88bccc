"""Audio mode (after EZ Access): what the kiosk says about its screen to a visitor who cannot
see it, and which keys do what.

Every utterance is composed here, in the screen's language, from a role, a name, a state and
a position ("Onderwerp 4 van 10. Kinderpardon. Standpunt van de PvdA."; "Knop. Printen."), so
the caption, the speech and the tests say the same words. Templates reach it through the
`spoken` helper; the fixed messages (help, "Spraak staat aan.") are in kiosk/ui/messages.py.
No Flask here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.ui.translation import N_, translate

#: Holding a finger this long on the screen starts audio mode (ACCESSIBILITY.md).
HOLD_TO_START_SECONDS = 2.0
#: A second tap on the same item within this time activates it (touch to hear).
TOUCH_CONFIRM_SECONDS = 3.0
#: The longest text an item may say; longer ones are refused (a topic's text is read by the
#: read-along, not by an utterance).
MAX_UTTERANCE_CHARACTERS = 600

#: What each key does, by KeyboardEvent.key or .code ("Shift+Tab" for a key with Shift).
#: USB navigation keypads send different codes: AUDIO_KEYS in the settings changes any action.
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "next": ("ArrowDown", "Tab"),
    "previous": ("ArrowUp", "Shift+Tab"),
    "activate": ("Enter", "NumpadEnter"),
    "back": ("Escape", "Backspace", "BrowserBack"),
    "help": ("F1", "?", "Shift+?", "Help"),
    "louder": ("+", "Shift++", "=", "NumpadAdd", "AudioVolumeUp"),
    "softer": ("-", "NumpadSubtract", "AudioVolumeDown"),
    "repeat": ("F2", "*", "Shift+*", "NumpadMultiply"),
    "sentence_previous": ("ArrowLeft",),
    "sentence_next": ("ArrowRight",),
}
#: Keys that keep today's keyboard behaviour until audio mode is on (every other mapped key
#: starts it): a sighted keyboard user tabs and presses Enter without being spoken to.
ORDINARY_KEYS = ("Tab", "Shift+Tab", "Enter", "NumpadEnter", "Escape", "Backspace")


def key_map(overrides: Mapping[str, object] | None = None) -> dict[str, list[str]]:
    """The default keys with the configured actions replaced; an unknown action or a key that
    is not text stops the start with what is wrong."""
    keys = {action: list(names) for action, names in DEFAULT_KEYS.items()}
    for action, names in (overrides or {}).items():
        if action not in DEFAULT_KEYS:
            raise ValueError(
                f"AUDIO_KEYS: no action {action!r}; the actions are {', '.join(DEFAULT_KEYS)}"
            )
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list | tuple) or not all(
            isinstance(name, str) and name for name in names
        ):
            raise ValueError(f"AUDIO_KEYS[{action!r}]: give a list of key names, not {names!r}")
        keys[action] = list(names)
    return keys


# What an item is, said before its name; its state after it.
BUTTON = N_("Knop. %(name)s")
TERM = N_("Moeilijk woord: %(term)s. Knop.")
STATE_ON = N_("Staat aan.")
STATE_OFF = N_("Staat uit.")
STATE_CHOSEN = N_("Gekozen.")
TOPIC_POSITION = N_("Onderwerp %(position)s van %(total)s.")
GROUP_POSITION = N_("Groep %(position)s van %(total)s.")

#: Per kind of screen: the next step it announces, and the message its Help speaks first.
SCREENS: dict[str, tuple[str, str]] = {
    "start": (N_("Druk op pijl omlaag om een taal te kiezen of te beginnen."), "audio_help_start"),
    "index": (N_("Druk op pijl omlaag voor het eerste onderwerp."), "audio_help_index"),
    "groups": (N_("Druk op pijl omlaag voor de eerste groep."), "audio_help_index"),
    "topic": (N_("Druk op pijl omlaag om de tekst te horen."), "audio_help_topic"),
    "help": (N_("Druk op pijl omlaag om de uitleg te horen."), "audio_help_help"),
    "print": (N_("Druk op pijl omlaag om te kiezen."), "audio_help_print"),
    "error": (N_("Druk op pijl omlaag voor de knoppen."), "audio_help_error"),
    "sheet": (N_("Druk op pijl omlaag om verder te gaan. Druk op Terug om te sluiten."),
              "audio_help_sheet"),
}  # fmt: skip

#: The messages the audio-mode script itself speaks (by these names, from the page).
SCRIPT_MESSAGES = (
    "audio_on_keys", "audio_on_touch", "audio_off", "audio_start_of_list", "audio_end_of_list",
    "audio_help_keys", "audio_help_leave",
)  # fmt: skip


def sentence(text: str) -> str:
    """`text` ending as a sentence does, so the voice pauses after it."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".?!:;…؟" else text + "."


@dataclass(frozen=True)
class Spoken:
    """The words of audio mode in one language."""

    lang: str

    def _(self, text: str, **values: object) -> str:
        translated = translate(self.lang, text)
        return translated % values if values else translated

    def button(self, name: str, pressed: bool | None = None, choice: bool = False) -> str:
        """ "Knop. Printen." — with "Staat aan/uit." for a toggle, "Gekozen." for a choice."""
        parts = [sentence(self._(BUTTON, name=sentence(name).rstrip(".")))]
        if pressed is not None and choice:
            parts += [self._(STATE_CHOSEN)] if pressed else []
        elif pressed is not None:
            parts.append(self._(STATE_ON if pressed else STATE_OFF))
        return " ".join(parts)

    def term(self, term: str) -> str:
        """A hard word in the text: "Moeilijk woord: asiel. Knop." """
        return self._(TERM, term=term)

    def card(self, position: int, total: int, title: str, line: str, group: bool = False) -> str:
        """ "Onderwerp 4 van 10. Kinderpardon. Standpunt van de PvdA." """
        where = self._(GROUP_POSITION if group else TOPIC_POSITION, position=position, total=total)
        return " ".join((where, sentence(title), sentence(line)))

    def text(self, *parts: str) -> str:
        """Text read as it stands, each part a sentence."""
        return " ".join(sentence(part) for part in parts if part.strip())

    def screen(self, kind: str, title: str, holds: str | None = None) -> tuple[str, str]:
        """What a screen says when it appears: (the first time: title, what it holds, the next
        step; when it comes back: the title alone)."""
        next_step = SCREENS[kind][0]
        first = self.text(title, *([holds] if holds else []), self._(next_step))
        return first, sentence(title)

    @staticmethod
    def help_message(kind: str) -> str:
        """The name of the message the first press on Help speaks on this kind of screen."""
        return SCREENS[kind][1]


#: The fixed messages of audio mode (spoken and shown in the caption): starting and stopping
#: it, the ends of a list, and the layers of Help. Part of kiosk/ui/messages.py.
# fmt: off
AUDIO_MESSAGES: dict[str, tuple[str, ...]] = {
    "audio_on_keys": (
        N_("Spraak staat aan."),
        N_("Ga met pijl omlaag en pijl omhoog over het scherm."),
        N_("Druk op Enter om iets te kiezen."),
        N_("Druk op Help voor uitleg."),
    ),
    "audio_on_touch": (
        N_("Spraak staat aan."),
        N_("Raak het scherm aan. Dan hoort u wat daar staat."),
        N_("Tik er nog een keer op om het te kiezen."),
    ),
    "audio_off": (N_("Spraak staat uit."),),
    "audio_start_of_list": (N_("Begin van de lijst."),),
    "audio_end_of_list": (N_("Einde van de lijst."),),
    "audio_help_start": (
        N_("Dit is het begin."),
        N_("Met pijl omlaag hoort u wat er op het scherm staat."),
        N_("Kies een taal, of kies Beginnen."),
        N_("Druk op Enter om te kiezen."),
    ),
    "audio_help_index": (
        N_("Hier staan de onderwerpen."),
        N_("Ga met pijl omlaag en pijl omhoog naar een onderwerp."),
        N_("Druk op Enter om het te openen."),
    ),
    "audio_help_topic": (
        N_("Dit is een onderwerp."),
        N_("Met pijl omlaag hoort u de tekst, stukje voor stukje."),
        N_("Kies Voorlezen om alles achter elkaar te horen."),
        N_("Tijdens het voorlezen gaat u met pijl links en pijl rechts een zin terug of verder."),  # noqa: E501
        N_("Met Enter zet u het voorlezen stil, en weer aan."),
    ),
    "audio_help_help": (
        N_("Dit is de uitleg over de zuil."),
        N_("Met pijl omlaag hoort u de uitleg, stap voor stap."),
    ),
    "audio_help_print": (
        N_("Hier kunt u de tekst op papier krijgen."),
        N_("Kies Ja, printen, en druk op Enter."),
        N_("Daarna hoort u wanneer de folder klaar is."),
    ),
    "audio_help_error": (
        N_("Er ging iets mis."),
        N_("Ga met pijl omlaag naar de knop Naar het begin, en druk op Enter."),
    ),
    "audio_help_sheet": (
        N_("Dit is een venster."),
        N_("Ga met pijl omlaag door het venster."),
        N_("Druk op Terug om het te sluiten."),
    ),
    "audio_help_keys": (
        N_("Zo werken de toetsen."),
        N_("Pijl omlaag: naar het volgende."),
        N_("Pijl omhoog: naar het vorige."),
        N_("Enter: kiezen."),
        N_("Terug: een scherm terug."),
        N_("Plus en min: harder en zachter."),
        N_("Herhalen: nog een keer horen."),
        N_("Op het scherm: raak iets aan om het te horen, en tik nog een keer om het te kiezen."),  # noqa: E501
        N_("Druk nog een keer op Help voor meer."),
    ),
    "audio_help_leave": (
        N_("Wilt u de spraak uitzetten?"),
        N_("Ga naar Instellingen en kies Spraak uit."),
        N_("Of laat de zuil met rust. Na een tijdje begint de zuil opnieuw, zonder spraak."),
    ),
}
# fmt: on
