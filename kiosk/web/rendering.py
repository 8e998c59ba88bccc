"""Render a page whole, or only its swapped region when htmx asks for it; visitor pages are
kept in the page cache and shared between visitors."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from flask import g, render_template, request
from flask_wtf.csrf import generate_csrf

from kiosk.ui.languages import DEFAULT_LANGUAGE, LANGUAGES
from kiosk.web.caching.page_cache import TOKEN_PLACEHOLDER
from kiosk.web.caching.response_cache import mark_reusable
from kiosk.web.extensions import current_services, htmx
from kiosk.web.preferences import current_preferences


def render_page(
    template: str,
    lang: str = DEFAULT_LANGUAGE,
    cache_variant: Hashable | None = None,
    usage_event: tuple[str, ...] | None = None,
    **context: Any,
) -> str:
    """The full page for a normal request; the #page fragment for an htmx navigation.

    With a `cache_variant` (whatever else, beyond template, language, path, settings and
    content version, shapes the page: a name, or the printer's state), the rendered page is
    kept and reused for the next visitor, and the whole response for the same browser
    (`usage_event` is counted again when it is).
    """
    g.lang = lang
    layout = _layout()

    def render() -> str:
        return render_template(template, layout=layout, language=LANGUAGES[lang], **context)

    if cache_variant is None:
        return render()
    mark_reusable(request.environ, usage_event)
    key = _page_key(template, lang, layout, cache_variant)
    page = _page_cache().get_or_render(key, lambda: _with_placeholder_token(render))
    return page.replace(TOKEN_PLACEHOLDER, generate_csrf()) if TOKEN_PLACEHOLDER in page else page


def _layout() -> str:
    """The fragment layout for an htmx navigation, the whole page otherwise."""
    fragment = bool(htmx) and not htmx.history_restore_request
    return "_fragment.html" if fragment else "layout.html"


def _page_key(template: str, lang: str, layout: str, variant: Hashable) -> Hashable:
    """Everything a shared page depends on."""
    generation = current_services().library.generation
    return (template, lang, layout, request.path, current_preferences(), generation, variant)


def _page_cache():
    cache = current_services().pages
    assert cache is not None, "the web layer attaches the page cache when it registers"
    return cache


def _with_placeholder_token(render: Callable[[], str]) -> str:
    """Render with a stand-in for the visitor's CSRF token, which is put in per visitor."""
    own_token = g.pop("csrf_token", None)
    g.csrf_token = TOKEN_PLACEHOLDER  # flask-wtf hands out g.csrf_token when it is set
    try:
        return render()
    finally:
        g.pop("csrf_token")
        if own_token is not None:
            g.csrf_token = own_token
