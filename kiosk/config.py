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
    #: Speech: where rendered audio is kept (default: instance/cache/speech), the voice's
    #: speed in words per minute, how long a visitor's request may wait for a rendering,
    #: how long one synthesis may take before the worker is restarted, and the engine library.
    SPEECH_CACHE_DIR: str | None = None
    SPEECH_RATE = 150
    SPEECH_WAIT_SECONDS = 30.0
    SPEECH_JOB_TIMEOUT = 30.0
    SPEECH_LIBRARY = "libespeak-ng.so.1"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Strict"
