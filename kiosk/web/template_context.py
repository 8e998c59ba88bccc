"""What every template can use besides its own context: the visitor's settings, the page in
other languages, the kiosk's messages in the page's language, the icons and the pictures."""

from __future__ import annotations

from typing import Any

from flask import Flask, request, url_for
from markupsafe import Markup

from kiosk.services import Services
from kiosk.ui.languages import Language
from kiosk.ui.messages import message
from kiosk.ui.pictures import CREDIT, picture_file
from kiosk.ui.preferences import Preferences
from kiosk.ui.print_messages import printer_problem_text
from kiosk.web.babel import current_language
from kiosk.web.preferences import current_preferences


def picture(name: str | None) -> Markup:
    """An idea's picture on screen, beside the words that say the same: decorative (empty
    alt, so neither a screen reader nor audio mode reads it); nothing when there is none."""
    file = picture_file(name)
    if file is None:
        return Markup("")
    return Markup('<img class="picture" src="{}" alt="" width="96" height="96">').format(
        url_for("static", filename=file)
    )


def init_template_context(app: Flask, services: Services) -> None:
    """Register the globals and the per-request context."""
    app.jinja_env.globals.update(
        icon=services.icons.svg,
        printer_problem_text=printer_problem_text,
        settings=services.settings,
        message=lambda name: message(current_language(), name) or (),
        picture=picture,
        picture_credit=CREDIT,
    )

    def language_links() -> list[tuple[Language, str]]:
        """This page in every language that has content (a topic page stays on its topic; a
        theme page goes to the topic index, as themes are named differently per language)."""
        args = dict(request.view_args or {})
        links = []
        for code, content in services.library.current.languages.items():
            if "lang" in args and request.endpoint and request.endpoint != "pages.theme":
                url = url_for(request.endpoint, **{**args, "lang": code})
            else:
                url = url_for("pages.topic_index", lang=code)
            links.append((content.language, url))
        return links

    def context() -> dict[str, Any]:
        return {
            "preferences": current_preferences(),
            "default_preferences": Preferences(),
            "language_links": language_links,
        }

    app.context_processor(context)
