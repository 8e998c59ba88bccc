"""QR codes (segno) as inline SVG: on the screen (the topic's public page) and on the leaflet
(that page, and the source). Inline, so neither the browser nor WeasyPrint loads a file."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str, title: str, scale: int = 3) -> Markup:
    """An SVG QR code for `url`, black on white with the quiet zone QR readers need, and
    `title` as its text alternative."""
    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=scale, title=title, dark="#000000", light="#ffffff"))
