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
        **PRINT_MESSAGES,
        **{f"printer_{reason}": (text,) for reason, text in REASON_MESSAGES.items()},
    },
}


def message(lang: str, name: str) -> tuple[str, ...] | None:
    """The sentences of a message; `a+b` joins messages. None if one does not exist."""
    sentences: list[str] = []
    for part in name.split("+"):
        found = MESSAGES.get(lang, {}).get(part)
        if found is None:
            return None
        sentences += found
    return tuple(sentences) or None
