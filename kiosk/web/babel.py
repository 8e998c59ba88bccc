"""Flask-Babel hooked up to the kiosk's catalogues: templates' `_()` in the page's language."""

from __future__ import annotations

from flask import Flask, g
from flask_babel import Babel

from kiosk.ui.languages import DEFAULT_LANGUAGE
from kiosk.ui.translation import TRANSLATIONS


def current_language() -> str:
    """The language of the page being made (set by `render_page`)."""
    return g.get("lang", DEFAULT_LANGUAGE)


def init_app(app: Flask) -> None:
    """Flask-Babel, choosing the page's language."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS)
    Babel(app, locale_selector=current_language)
