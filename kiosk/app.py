"""The app factory: read the settings, build the services, register the web layer."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

from kiosk.services import EXTENSION, STATIC_DIR, TEMPLATES_DIR, build_services
from kiosk.settings import INSTANCE_PATH, Settings, load_config
from kiosk.support.secret_key import load_or_create_secret_key
from kiosk.web.registration import register_web


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The kiosk app: `test_config` replaces instance/config.py and the environment."""
    app = Flask(
        __name__,
        instance_path=str(INSTANCE_PATH),
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(STATIC_DIR),
    )
    config = load_config(test_config)
    app.config.from_mapping(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_or_create_secret_key(INSTANCE_PATH)
    if not app.debug:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    services = build_services(Settings.from_config(config))
    app.extensions[EXTENSION] = services
    register_web(app, services)
    return app
