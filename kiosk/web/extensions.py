"""The Flask extensions the web layer shares, created unbound and bound in `registration`,
and the one way a view reaches the kiosk's services."""

from __future__ import annotations

from flask import current_app
from flask_htmx import HTMX
from flask_wtf.csrf import CSRFProtect

from kiosk.services import Services, services_of

htmx = HTMX()
csrf = CSRFProtect()


def current_services() -> Services:
    """The services of the app handling this request."""
    return services_of(current_app)
