"""Signatures for the texts the server writes into a page for audio mode, so the speech
endpoint renders only what the kiosk itself wrote, never a text made up in a URL."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_LENGTH = 32


class TextSigner:
    """HMAC-SHA256 over a language and a text, with the installation's secret key."""

    def __init__(self, secret: str | bytes) -> None:
        self._secret = secret.encode() if isinstance(secret, str) else secret

    def sign(self, lang: str, text: str) -> str:
        """The signature of `text` in `lang` (hex, SIGNATURE_LENGTH characters)."""
        message = f"{lang}\x1f{text}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:SIGNATURE_LENGTH]

    def verify(self, lang: str, text: str, signature: str) -> bool:
        """Whether `signature` is the one this kiosk gave `text` (in constant time)."""
        return hmac.compare_digest(self.sign(lang, text), signature)
