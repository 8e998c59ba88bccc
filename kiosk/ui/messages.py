"""Messages the kiosk shows (and can read aloud) outside the topics, per language."""

from __future__ import annotations

from kiosk.ui.audio_mode import AUDIO_MESSAGES
from kiosk.ui.print_messages import combined_print_messages, print_messages
from kiosk.ui.translation import N_, translate

MESSAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "not_found": (
            N_("Deze pagina bestaat niet."),
            N_("Sorry. Wij kunnen deze pagina niet vinden."),
        ),
        "server_error": (
            N_("Er ging iets mis."),
            N_("Sorry. Dit werkt nu even niet."),
            N_("Probeer het nog een keer. Lukt het niet? Vraag het aan een medewerker."),
        ),
        "unavailable": (
            N_("Dit lukt nu niet."),
            N_("Probeer het later nog een keer."),
            N_("Lukt het niet? Vraag het aan een medewerker."),
        ),
        "bad_request": (
            N_("Dit lukte niet."),
            N_("Er ging iets mis met dit adres."),
            N_("Probeer het nog een keer."),
        ),
        "expired": (
            N_("Dit lukte niet."),
            N_("Deze pagina was te lang open."),
            N_("Probeer het nog een keer."),
        ),
        "speech_unavailable": (N_("Voorlezen lukt nu niet. Probeer het later nog eens."),),
        "welcome": (
            N_("Welkom."),
            N_("Hier vindt u informatie in eenvoudige taal."),
            N_("Raak de grote knop aan om te beginnen."),
        ),
        "help": (
            N_("Zo werkt deze informatiezuil."),
            N_("Raak een onderwerp aan."),
            N_("Dan ziet u de tekst."),
            N_("Raak Voorlezen aan."),
            N_("Dan hoort u de tekst."),
            N_("Raak een geel woord aan."),
            N_("Dan ziet u wat het betekent."),
            N_("Raak Printen aan."),
            N_("Dan krijgt u de tekst op papier mee."),
            N_("Met Instellingen maakt u de letters groter."),
            N_("Met Contrast wordt het scherm donker met lichte letters."),
            N_("Met Zachter en Harder zet u het geluid zachter of harder."),
            N_("Met Start gaat u terug naar het begin."),
            N_("Raakt u het scherm een tijd niet aan?"),
            N_("Dan begint de zuil opnieuw voor de volgende bezoeker."),
        ),
        "idle_warning": (
            N_("Bent u er nog?"),
            N_("Raak de knop aan om verder te gaan."),
            N_("Anders begint de zuil opnieuw."),
        ),
        # What a settings tap says (kiosk/ui/preferences.py names them).
        "setting_text_100": (N_("Letters: normaal."),),
        "setting_text_150": (N_("Letters: groot."),),
        "setting_text_200": (N_("Letters: heel groot."),),
        "setting_theme_default": (N_("Contrast staat uit."),),
        "setting_theme_contrast": (N_("Contrast staat aan."),),
        "setting_volume_20": (N_("Geluid: 20 procent."),),
        "setting_volume_40": (N_("Geluid: 40 procent."),),
        "setting_volume_60": (N_("Geluid: 60 procent."),),
        "setting_volume_80": (N_("Geluid: 80 procent."),),
        "setting_volume_100": (N_("Geluid: 100 procent."),),
        **AUDIO_MESSAGES,
        **print_messages(),
    },
}


#: The help page in steps: (picture, how many of the help sentences go with it), after the title.
HELP_STEPS = (
    ("chevron-right", 2), ("volume-2", 2), ("book-open", 2), ("printer", 2), ("a-large-small", 1),
    ("contrast", 1), ("volume-1", 1), ("house", 1), ("hourglass", 2),
)  # fmt: skip


def message(lang: str, name: str) -> tuple[str, ...] | None:
    """The sentences of a message in `lang` (Dutch is the source; other languages come from
    the catalogues); `a+b` joins messages. None if one does not exist."""
    sentences: list[str] = []
    for part in name.split("+"):
        found = MESSAGES["nl"].get(part)
        if found is None:
            return None
        sentences += (translate(lang, sentence) for sentence in found)
    return tuple(sentences) or None


def spoken_message_names() -> list[str]:
    """Every message the kiosk can read aloud, with the combinations the print pages use, so
    all of them can be rendered before anyone asks."""
    return [*MESSAGES["nl"], *combined_print_messages()]


#: Every message name the kiosk can be asked to read aloud; any other is refused.
SPOKEN_MESSAGES: frozenset[str] = frozenset(spoken_message_names())
