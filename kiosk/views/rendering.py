"""Render a page whole, or only its swapped region when htmx asks for it; visitor pages are
kept in the page cache."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from flask import current_app, g, render_template, request, session
from flask_wtf.csrf import generate_csrf

from kiosk import content_store_of, htmx
from kiosk.languages import DEFAULT_LANGUAGE, LANGUAGES
from kiosk.preferences import Preferences
from kiosk.views.page_cache import TOKEN_PLACEHOLDER, PageCache
from kiosk.views.response_cache import mark_reusable


def current_preferences() -> Preferences:
    """This visitor's settings (defaults when there are none)."""
    return Preferences.from_mapping(session.get("preferences"))


def page_cache_of(app: Any) -> PageCache:
    """The app's cache of rendered pages."""
    return app.extensions["kiosk.pages"]


def render_page(
    template: str,
    lang: str = DEFAULT_LANGUAGE,
    cache_key: Hashable | None = None,
    usage_event: tuple[str, ...] | None = None,
    **context: Any,
) -> str:
    """The full page for a normal request; the #page fragment for an htmx navigation.

    With a `cache_key` (whatever else, beyond template, language, path, settings and content
    version, shapes the page), the rendered page is kept and reused for the next visitor, and
    the whole response for the same browser (`usage_event` is counted again when it is).
    """
    g.lang = lang
    fragment = bool(htmx) and not htmx.history_restore_request
    layout = "_fragment.html" if fragment else "layout.html"

    def render() -> str:
        return render_template(template, layout=layout, language=LANGUAGES[lang], **context)

    if cache_key is None:
        return render()

    def render_with_placeholder() -> str:
        own_token = g.pop("csrf_token", None)
        g.csrf_token = TOKEN_PLACEHOLDER  # flask-wtf hands out g.csrf_token when it is set
        try:
            return render()
        finally:
            g.pop("csrf_token")
            if own_token is not None:
                g.csrf_token = own_token

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    mark_reusable(request.environ, usage_event)
    key = (
        template,
        lang,
        layout,
        request.path,
        current_preferences(),
        content_store_of(app).generation,
        cache_key,
    )
    page = page_cache_of(app).get_or_render(key, render_with_placeholder)
    if TOKEN_PLACEHOLDER in page:
        page = page.replace(TOKEN_PLACEHOLDER, generate_csrf())
    return page
