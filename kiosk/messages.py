"""Messages the kiosk shows (and can read aloud) outside the topics, per language."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "not_found": ("Deze pagina bestaat niet.", "Sorry. Wij kunnen deze pagina niet vinden."),
        "server_error": (
            "Er ging iets mis.",
            "Sorry. Dit werkt nu even niet.",
            "Probeer het nog een keer. Lukt het niet? Vraag het aan een medewerker.",
        ),
    },
}


def message(lang: str, name: str) -> tuple[str, ...] | None:
    """The sentences of a message, or None if there is no such message."""
    return MESSAGES.get(lang, {}).get(name)
