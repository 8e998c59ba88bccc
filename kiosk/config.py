"""Default settings; overridden by instance/config.py, then KIOSK_* environment variables."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DefaultConfig:
    """What a fresh kiosk runs with."""

    #: Folder with one sub-folder of Markdown topics per language.
    CONTENT_DIR = str(PROJECT_ROOT / "content")
    #: Name shown on every page and in the browser tab.
    SITE_NAME = "Informatiezuil"
    #: Where the server listens (run.py --host/--port and KIOSK_HOST/KIOSK_PORT override).
    HOST = "127.0.0.1"
    PORT = 8000
    #: Static files change only with a new release of the kiosk.
    SEND_FILE_MAX_AGE_DEFAULT = 3600
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Strict"
