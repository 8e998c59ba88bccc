"""The app as the server runs it: created in the server's worker process, its screens made
once, background prerendering and content watching started there, and its services closed
when it ends."""

from __future__ import annotations

import atexit
from typing import TYPE_CHECKING

from kiosk.app import create_app
from kiosk.services import services_of
from kiosk.web.warm_up import warm_up

if TYPE_CHECKING:
    from flask import Flask


def create_served_app() -> Flask:
    """The kiosk app with its background work running (a factory for granian)."""
    app = create_app()
    services = services_of(app)
    warm_up(app)
    services.start_prerender()
    services.watch_content()
    atexit.register(services.close)  # usage counts still in memory are written
    return app
