"""The information kiosk: plain-language topic pages from content files."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from flask_htmx import HTMX

from kiosk import security
from kiosk.config import PROJECT_ROOT, DefaultConfig
from kiosk.content import ContentLibrary, load_library
from kiosk.icons import IconSet
from kiosk.secret_key import load_or_create_secret_key
from kiosk.speech import SpeechService

htmx = HTMX()


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the kiosk app: config, content, icons, views."""
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_object(DefaultConfig)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("KIOSK")
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_or_create_secret_key(Path(app.instance_path))
    if not app.debug:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )

    htmx.init_app(app)
    security.init_app(app)
    app.extensions["kiosk.icons"] = icons = IconSet(
        Path(app.static_folder or "") / "vendor" / "icons"
    )
    app.jinja_env.globals["icon"] = icons.svg
    app.extensions["kiosk.content"] = load_library(Path(app.config["CONTENT_DIR"]))
    cache_dir = app.config["SPEECH_CACHE_DIR"] or Path(app.instance_path) / "cache" / "speech"
    app.extensions["kiosk.speech"] = SpeechService(
        Path(cache_dir),
        rate=int(app.config["SPEECH_RATE"]),
        job_timeout=float(app.config["SPEECH_JOB_TIMEOUT"]),
        library=app.config["SPEECH_LIBRARY"],
    )

    from kiosk.views import errors, health, pages, speech

    app.register_blueprint(pages.bp)
    app.register_blueprint(speech.bp)
    app.register_blueprint(health.bp)
    errors.init_app(app)
    return app


def content_of(app: Flask) -> ContentLibrary:
    """The content library the app serves."""
    return app.extensions["kiosk.content"]


def speech_of(app: Flask) -> SpeechService:
    """The speech service of the app."""
    return app.extensions["kiosk.speech"]
