"""The information kiosk: plain-language topic pages from content files."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from flask_htmx import HTMX
from flask_wtf.csrf import CSRFProtect

from kiosk import i18n, security
from kiosk.config import INSTANCE_PATH, PROJECT_ROOT, load_config
from kiosk.content import ContentLibrary
from kiosk.content.store import ContentStore
from kiosk.icons import IconSet
from kiosk.leaflets import LeafletDocument, LeafletService, LeafletSettings
from kiosk.printing import PaperGuard, PrintJobStore, PrintService, choose_printer
from kiosk.secret_key import load_or_create_secret_key
from kiosk.speech import SpeechService
from kiosk.usage import UsageStore
from kiosk.views.page_cache import PageCache
from kiosk.views.response_cache import ResponseCache

htmx = HTMX()
csrf = CSRFProtect()


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the kiosk app: config, content, icons, views."""
    app = Flask(
        __name__,
        instance_path=str(INSTANCE_PATH),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    load_config(app.config, test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_or_create_secret_key(Path(app.instance_path))
    if not app.debug:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )

    htmx.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    app.extensions["kiosk.icons"] = icons = IconSet(
        Path(app.static_folder or "") / "vendor" / "icons"
    )
    app.jinja_env.globals["icon"] = icons.svg
    app.extensions["kiosk.content"] = ContentStore(Path(app.config["CONTENT_DIR"]))
    cache_dir = app.config["SPEECH_CACHE_DIR"] or Path(app.instance_path) / "cache" / "speech"
    app.extensions["kiosk.speech"] = SpeechService(
        Path(cache_dir),
        rate=int(app.config["SPEECH_RATE"]),
        job_timeout=float(app.config["SPEECH_JOB_TIMEOUT"]),
        library=app.config["SPEECH_LIBRARY"],
    )

    instance = Path(app.instance_path)
    settings = LeafletSettings(app.config["SITE_NAME"], app.config["LEAFLET_CONTACT"])
    app.extensions["kiosk.leaflets"] = LeafletService(
        Path(app.config["LEAFLET_CACHE_DIR"] or instance / "cache" / "leaflets"),
        LeafletDocument(PROJECT_ROOT / "templates", icons, settings),
        PROJECT_ROOT,
        [Path(app.static_folder or ""), Path(app.config["CONTENT_DIR"])],
        timeout=float(app.config["LEAFLET_TIMEOUT"]),
    )
    printer = choose_printer(
        app.config["PRINTER"],
        app.config["CUPS_SERVER"],
        app.config["PRINT_QUEUE"],
        Path(app.config["PRINT_FOLDER"] or instance / "printed"),
    )
    app.extensions["kiosk.printing"] = PrintService(
        printer,
        PrintJobStore(Path(app.config["DATABASE"] or instance / "kiosk.sqlite3")),
        PaperGuard(
            float(app.config["PRINT_COOLDOWN_SECONDS"]), int(app.config["PRINT_DAILY_LIMIT"])
        ),
        abandon_seconds=float(app.config["PRINT_ABANDON_SECONDS"]),
    )
    app.extensions["kiosk.usage"] = UsageStore(
        Path(app.config["DATABASE"] or instance / "kiosk.sqlite3")
    )
    csrf.init_app(app)
    app.extensions["kiosk.pages"] = PageCache(int(float(app.config["PAGE_CACHE_MB"]) * 2**20))

    from kiosk.views import controls, errors, health, pages, printing, speech, staff

    app.register_blueprint(controls.bp)
    controls.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(speech.bp)
    app.register_blueprint(printing.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(staff.bp)
    errors.init_app(app)
    store, printing, usage = (
        app.extensions["kiosk.content"],
        app.extensions["kiosk.printing"],
        app.extensions["kiosk.usage"],
    )
    app.wsgi_app = app.extensions["kiosk.responses"] = ResponseCache(  # type: ignore[method-assign]
        app.wsgi_app,
        state=lambda: (store.generation, printing.printer_status()),
        on_reuse=lambda event: usage.record(*event),
        max_bytes=int(float(app.config["RESPONSE_CACHE_MB"]) * 2**20),
        max_age=float(app.config["RESPONSE_CACHE_SECONDS"]),
    )
    return app


def content_of(app: Flask) -> ContentLibrary:
    """The content the app serves now."""
    return app.extensions["kiosk.content"].library


def content_store_of(app: Flask) -> ContentStore:
    """The store that holds (and reloads) the content."""
    return app.extensions["kiosk.content"]


def speech_of(app: Flask) -> SpeechService:
    """The speech service of the app."""
    return app.extensions["kiosk.speech"]


def usage_of(app: Flask) -> UsageStore:
    """The usage statistics of the app."""
    return app.extensions["kiosk.usage"]


def leaflets_of(app: Flask) -> LeafletService:
    """The leaflet service of the app."""
    return app.extensions["kiosk.leaflets"]


def printing_of(app: Flask) -> PrintService:
    """The print service of the app."""
    return app.extensions["kiosk.printing"]
