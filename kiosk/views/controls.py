"""The controls on every page: settings (text size, contrast, volume), help, and the reset
that leaves nothing of one visitor for the next."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue

from kiosk import content_of, htmx, usage_of
from kiosk.i18n import current_language
from kiosk.languages import Language
from kiosk.messages import HELP_STEPS, message
from kiosk.preferences import ACTIONS, Preferences
from kiosk.views.pages import language_or_404, topic_or_404
from kiosk.views.rendering import current_preferences, render_page

bp = Blueprint("controls", __name__)


def _local(path: str | None) -> str:
    """Only a path on this kiosk is a place to go back to."""
    if not path:
        return "/"
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or not path.startswith("/") or path.startswith("//"):
        return "/"
    return path


def language_links() -> list[tuple[Language, str]]:
    """This page in every language that has content (a topic page stays on its topic; a theme
    page goes to the topic index, as themes are named differently in each language)."""
    links = []
    args = dict(request.view_args or {})
    for code, content in content_of(current_app).languages.items():
        if "lang" in args and request.endpoint and request.endpoint != "pages.theme":
            url = url_for(request.endpoint, **{**args, "lang": code})
        else:
            url = url_for("pages.topic_index", lang=code)
        links.append((content.language, url))
    return links


def init_app(app) -> None:
    """Every template knows the visitor's settings and the page in other languages."""
    app.context_processor(
        lambda: {
            "preferences": current_preferences(),
            "default_preferences": Preferences(),
            "language_links": language_links,
            "message": lambda name: message(current_language(), name) or (),
        }
    )


@bp.post("/preferences")
def change_preferences() -> ResponseReturnValue:
    """One tap on a setting: store it, then show the new state."""
    action = request.form.get("action", "")
    if action not in ACTIONS:
        abort(400)
    preferences = current_preferences().apply(action)
    session["preferences"] = preferences.as_dict()
    if not htmx:
        return redirect(_local(request.form.get("next")), 303)
    response = render_template("components/_settings.html", preferences=preferences,
                               next_path=_local(request.form.get("next")))  # fmt: skip
    event = {"classes": preferences.html_classes, "volume": preferences.volume_level}
    return response, 200, {"HX-Trigger": json.dumps({"kiosk:preferences": event})}


@bp.post("/reset")
def reset() -> ResponseReturnValue:
    """Forget this visitor: settings and everything else in the session."""
    session.clear()
    usage_of(current_app).record("idle_reset")
    if htmx or request.headers.get("Accept") == "application/json":
        return "", 204
    return redirect("/", 303)


@bp.post("/usage/listen-done")
def listen_done() -> ResponseReturnValue:
    """The page says a topic was heard to the end (counted, nothing else is kept)."""
    lang, slug = request.form.get("lang", ""), request.form.get("slug", "")
    topic_or_404(lang, slug)
    usage_of(current_app).record("listen_done", lang, slug)
    return "", 204


@bp.get("/<lang>/help")
def help_page(lang: str) -> ResponseReturnValue:
    """How the kiosk works, in a few plain sentences that can be heard."""
    language_or_404(lang)
    sentences = message(lang, "help") or ()
    return render_page(
        "visitor/help.html", lang=lang, cache_key="help", sentences=sentences, help_steps=HELP_STEPS
    )
