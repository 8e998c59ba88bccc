"""The app as the server runs it: created in the server's worker process, with background
prerendering and content watching started there."""

from __future__ import annotations

from flask import Flask

from kiosk import create_app
from kiosk.prerender import start_prerender, watch_content


def create_served_app() -> Flask:
    """The kiosk app with its background work running (a factory for granian)."""
    app = create_app()
    start_prerender(app)
    watch_content(app)
    return app
