"""The controls on every page: settings (text size, contrast, volume), help, and the reset
that leaves nothing of one visitor for the next."""

from __future__ import annotations

import json
import secrets
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue

from kiosk.ui.languages import DEFAULT_LANGUAGE
from kiosk.ui.messages import HELP_STEPS, message
from kiosk.ui.preferences import ACTIONS
from kiosk.web.extensions import count_use, current_services, htmx
from kiosk.web.preferences import current_preferences, store_preferences
from kiosk.web.rendering import render_page
from kiosk.web.visitor.pages import language_or_404, topic_or_404

bp = Blueprint("controls", __name__)


def _local(path: str | None) -> str:
    """Only a path on this kiosk is a place to go back to; a control character (a newline that
    would split a header) is refused outright."""
    if not path:
        return "/"
    if any(ord(char) < 32 or ord(char) == 127 for char in path):
        abort(400)
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or not path.startswith("/") or path.startswith("//"):
        return "/"
    return path


@bp.post("/preferences")
def change_preferences() -> ResponseReturnValue:
    """One tap on a setting: store it, then show the new state and say it aloud."""
    action = request.form.get("action", "")
    if action not in ACTIONS:
        abort(400)
    preferences = current_preferences().apply(action)
    store_preferences(preferences)
    next_path = _local(request.form.get("next"))
    if not htmx:
        return redirect(next_path, 303)
    lang = _page_language(request.form.get("lang"))
    g.lang = lang
    spoken_url = url_for("speech.message_speech", lang=lang, name=preferences.state_message(action))
    response = render_template("components/_settings.html", preferences=preferences,
                               next_path=next_path, lang=lang,
                               spoken=(spoken_url, secrets.token_hex(4)))  # fmt: skip
    event = {"classes": preferences.html_classes, "volume": preferences.volume_level}
    return response, 200, {"HX-Trigger": json.dumps({"kiosk:preferences": event})}


def _page_language(lang: str | None) -> str:
    """The language of the page the tap came from, if the kiosk has it (else Dutch)."""
    languages = current_services().library.current.languages
    return lang if lang in languages else DEFAULT_LANGUAGE


@bp.get("/screen/zones.css")
def zones_stylesheet() -> ResponseReturnValue:
    """The reach and comfort zones of this kiosk's screen, as CSS the layout reads."""
    css = current_services().settings.mounting.stylesheet()
    response = make_response(css, 200, {"Content-Type": "text/css; charset=utf-8"})
    response.add_etag()
    return response.make_conditional(request)


@bp.post("/reset")
def reset() -> ResponseReturnValue:
    """Forget this visitor: settings and everything else in the session."""
    session.clear()
    count_use("idle_reset")
    if htmx or request.headers.get("Accept") == "application/json":
        return "", 204
    return redirect("/", 303)


@bp.post("/usage/listen-done")
def listen_done() -> ResponseReturnValue:
    """The page says a topic was heard to the end (counted, nothing else is kept)."""
    lang, slug = request.form.get("lang", ""), request.form.get("slug", "")
    topic_or_404(lang, slug)
    count_use("listen_done", lang, slug)
    return "", 204


@bp.get("/<lang>/help")
def help_page(lang: str) -> ResponseReturnValue:
    """How the kiosk works, in a few plain sentences that can be heard."""
    language_or_404(lang)
    sentences = message(lang, "help") or ()
    return render_page(
        "visitor/help.html",
        lang=lang,
        cache_variant="help",
        sentences=sentences,
        help_steps=HELP_STEPS,
    )
