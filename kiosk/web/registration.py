"""Registers the web layer on an app: extensions, template globals, blueprints, error pages
and the two caches."""

from __future__ import annotations

from flask import Flask

from kiosk.services import MB, Services
from kiosk.web import babel, errors, health, metrics, security
from kiosk.web.audio_mode import init_audio_mode, interface_speech
from kiosk.web.caching.page_cache import PageCache
from kiosk.web.caching.response_cache import ResponseCache
from kiosk.web.extensions import SPOKEN_TEXTS, csrf, htmx
from kiosk.web.public_site import init_public_site
from kiosk.web.staff import session as staff_session
from kiosk.web.staff import views as staff
from kiosk.web.template_context import init_template_context
from kiosk.web.visitor import controls, pages, printing, speech


def register_web(app: Flask, services: Services) -> None:
    """Everything Flask needs to serve the kiosk from these services."""
    htmx.init_app(app)
    csrf.init_app(app)
    babel.init_app(app)
    security.init_app(app)
    init_template_context(app, services)
    init_public_site(app, services)
    texts = init_audio_mode(app, services)
    app.extensions[SPOKEN_TEXTS] = texts
    services.interface_speech = interface_speech(app, texts)
    metrics.init_app(app, services)
    blueprints = (controls.bp, pages.bp, speech.bp, printing.bp, health.bp, metrics.bp, staff.bp)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    staff_session.init_app(app, services)
    errors.init_app(app)
    _add_caches(app, services)


def _add_caches(app: Flask, services: Services) -> None:
    """Rendered pages shared by visitors, and whole responses per browser around the app."""
    settings = services.settings
    services.pages = PageCache(int(settings.page_cache_mb * MB))
    responses = ResponseCache(
        app.wsgi_app,
        state=lambda: (services.library.generation, services.printing.printer_status()),
        on_reuse=lambda event: services.usage.record(*event),
        max_bytes=int(settings.response_cache_mb * MB),
        max_age=settings.response_cache_seconds,
    )
    services.responses = responses
    app.wsgi_app = responses  # type: ignore[method-assign]
