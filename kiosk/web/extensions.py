"""The Flask extensions the web layer shares, created unbound and bound in `registration`,
and the one way a view reaches the kiosk's services."""

from __future__ import annotations

from flask import current_app, request
from flask_htmx import HTMX
from flask_wtf.csrf import CSRFProtect

from kiosk.services import Services, services_of

htmx = HTMX()
csrf = CSRFProtect()


def current_services() -> Services:
    """The services of the app handling this request."""
    return services_of(current_app)


def count_use(event: str, lang: str = "-", slug: str = "-") -> None:
    """Count a visitor's use for the staff's statistics; a HEAD request (a link checker, a
    monitor) is nobody's visit."""
    if request.method != "HEAD":
        current_services().usage.record(event, lang, slug)
