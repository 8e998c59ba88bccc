"""Render a page whole, or only its swapped region when htmx asks for it."""

from __future__ import annotations

from typing import Any

from flask import g, render_template

from kiosk import htmx
from kiosk.languages import DEFAULT_LANGUAGE, LANGUAGES


def render_page(template: str, lang: str = DEFAULT_LANGUAGE, **context: Any) -> str:
    """The full page for a normal request; the #page fragment for an htmx navigation."""
    fragment = bool(htmx) and not htmx.history_restore_request
    g.lang = lang
    return render_template(
        template,
        layout="_fragment.html" if fragment else "layout.html",
        language=LANGUAGES[lang],
        **context,
    )
