"""Messages the kiosk shows (and can read aloud) outside the topics, per language."""

from __future__ import annotations

from kiosk.printing.status import PRINT_MESSAGES, REASON_MESSAGES

MESSAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "not_found": ("Deze pagina bestaat niet.", "Sorry. Wij kunnen deze pagina niet vinden."),
        "server_error": (
            "Er ging iets mis.",
            "Sorry. Dit werkt nu even niet.",
            "Probeer het nog een keer. Lukt het niet? Vraag het aan een medewerker.",
        ),
        "welcome": (
            "Welkom.",
            "Hier vindt u informatie in eenvoudige taal.",
            "Raak de grote knop aan om te beginnen.",
        ),
        "help": (
            "Zo werkt deze informatiezuil.",
            "Raak een onderwerp aan.",
            "Dan ziet u de tekst.",
            "Raak Voorlezen aan.",
            "Dan hoort u de tekst.",
            "Raak een geel woord aan.",
            "Dan ziet u wat het betekent.",
            "Raak Printen aan.",
            "Dan krijgt u de tekst op papier mee.",
            "Met Letters maakt u de letters groter.",
            "Met Contrast wordt het scherm donker met lichte letters.",
            "Met Zachter en Harder zet u het geluid zachter of harder.",
            "Met Start gaat u terug naar het begin.",
            "Raakt u het scherm een tijd niet aan?",
            "Dan begint de zuil opnieuw voor de volgende bezoeker.",
        ),
        "idle_warning": (
            "Bent u er nog?",
            "Raak de knop aan om verder te gaan.",
            "Anders begint de zuil opnieuw.",
        ),
        **PRINT_MESSAGES,
        **{f"printer_{reason}": (text,) for reason, text in REASON_MESSAGES.items()},
    },
}


#: The help page in steps: (picture, how many of the help sentences go with it), after the title.
HELP_STEPS = (
    ("chevron-right", 2), ("volume-2", 2), ("book-open", 2), ("printer", 2), ("type", 1),
    ("contrast", 1), ("volume-1", 1), ("house", 1), ("hourglass", 2),
)  # fmt: skip


def message(lang: str, name: str) -> tuple[str, ...] | None:
    """The sentences of a message; `a+b` joins messages. None if one does not exist."""
    sentences: list[str] = []
    for part in name.split("+"):
        found = MESSAGES.get(lang, {}).get(part)
        if found is None:
            return None
        sentences += found
    return tuple(sentences) or None
