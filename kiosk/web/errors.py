"""Friendly error pages in plain language, each with a big way back to the start."""

from __future__ import annotations

import logging

from flask import Flask, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from kiosk.ui.languages import LANGUAGES
from kiosk.ui.messages import message
from kiosk.web.extensions import current_services, htmx
from kiosk.web.rendering import render_page

log = logging.getLogger(__name__)


def visitor_language() -> str:
    """The language of the page asked for (its first path segment), if the kiosk has it."""
    first = request.path.strip("/").split("/", 1)[0]
    return (
        first
        if first in LANGUAGES and first in current_services().library.current.languages
        else "nl"
    )


def error_page(kind: str, status: int) -> ResponseReturnValue:
    """The calm page for `kind`, in the visitor's language; for an htmx request it replaces the
    whole page region, even when the request came from a form that swaps a smaller part (the
    settings bar)."""
    lang = visitor_language()
    page = render_page("visitor/error.html", lang, kind=kind, sentences=message(lang, kind))
    headers = {"HX-Retarget": "#page", "HX-Reswap": "innerHTML show:window:top"} if htmx else {}
    return page, status, headers


def bad_request(error: HTTPException) -> ResponseReturnValue:
    """400 (a form or address that cannot be right, a host the kiosk does not answer to) and
    414 (an address too long): a calm page, and the log says what it was."""
    log.warning("refused: %s %s: %s", request.method, request.path[:200], error.description)
    return error_page("bad_request", error.code or 400)


def untrusted_host(error: SecurityError) -> ResponseReturnValue:
    """400 for a Host outside TRUSTED_HOSTS. No page can be built for a host the kiosk does
    not know (its links would name that host), and no visitor's browser sends one."""
    log.warning("refused: %s", error.description)
    return "400 Bad Request: unknown host\n", 400, {"Content-Type": "text/plain; charset=utf-8"}


def page_not_found(error: HTTPException) -> ResponseReturnValue:
    """404: the page does not exist."""
    return error_page("not_found", 404)


def server_error(error: InternalServerError) -> ResponseReturnValue:
    """500: something broke; the visitor gets a calm message, the log has the details."""
    return error_page("server_error", 500)


def unavailable(error: HTTPException) -> ResponseReturnValue:
    """503: a part of the kiosk (leaflets, for example) cannot do this now; the log has why."""
    return error_page("unavailable", 503)


def form_expired(error: CSRFError) -> ResponseReturnValue:
    """400 on a form without a valid CSRF token: for a visitor, a page that was open too long
    (or a session that was reset); the log says exactly what failed."""
    log.warning("form refused: %s %s: %s", request.method, request.path, error.description)
    return error_page("expired", 400)


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(CSRFError, form_expired)
    app.register_error_handler(SecurityError, untrusted_host)
    app.register_error_handler(400, bad_request)
    app.register_error_handler(414, bad_request)
    app.register_error_handler(404, page_not_found)
    app.register_error_handler(500, server_error)
    app.register_error_handler(503, unavailable)
