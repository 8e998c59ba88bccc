"""Default settings; overridden by instance/config.py, then KIOSK_* environment variables."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Config

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_PATH = PROJECT_ROOT / "instance"


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
    #: Leaflets: the line every leaflet ends with, where they are kept, how long one may take.
    LEAFLET_CONTACT = "Vragen? Stel ze aan een medewerker van het buurthuis."
    LEAFLET_CACHE_DIR: str | None = None
    LEAFLET_TIMEOUT = 30.0
    #: Printing: "auto" (CUPS if it has a printer, else a folder), "cups" or "folder"; the CUPS
    #: server ("host:port", default the local one) and queue (default: CUPS's default printer);
    #: the folder printer's folder (default instance/printed).
    PRINTER = "auto"
    CUPS_SERVER: str | None = None
    PRINT_QUEUE: str | None = None
    PRINT_FOLDER: str | None = None
    #: Paper guard: seconds between two prints, prints per day; a job still waiting after
    #: PRINT_ABANDON_SECONDS behind a printer problem is cancelled and reported as failed.
    PRINT_COOLDOWN_SECONDS = 30
    PRINT_DAILY_LIMIT = 100
    PRINT_ABANDON_SECONDS = 180
    #: SQLite database for print jobs and usage (default instance/kiosk.sqlite3).
    DATABASE: str | None = None
    #: With more topics than this in a language (and themes in their front matter), the topic
    #: index shows one card per theme instead of one per topic.
    INDEX_MAX_CARDS = 12
    #: Memory for rendered visitor pages (per language, page, settings and printer state), and
    #: for whole responses kept per browser, and how long those are kept (inside the CSRF
    #: token's hour).
    PAGE_CACHE_MB = 12
    RESPONSE_CACHE_MB = 8
    RESPONSE_CACHE_SECONDS = 600
    #: Idle reset: after IDLE_SECONDS without a touch the kiosk asks "Bent u er nog?" and
    #: counts down IDLE_WARNING_SECONDS (at least 20) before it starts again for the next visitor.
    IDLE_SECONDS = 90
    IDLE_WARNING_SECONDS = 30
    #: Plain-language targets for `run.py check` and the staff page (no official B1 cut-off
    #: exists; these are the project's own): Flesch-Douma at least, average and longest
    #: sentence in words at most, share of rare words outside the glossary at most.
    READABILITY_MIN_FLESCH_DOUMA = 70
    READABILITY_MAX_AVERAGE_WORDS = 12
    READABILITY_MAX_SENTENCE_WORDS = 20
    READABILITY_MAX_RARE_SHARE = 0.05
    #: Seconds between checks of the content folder for changed files (0: never; the staff
    #: page also has a "Reload content" button).
    CONTENT_WATCH_SECONDS = 2.0
    #: Staff page: the password hash (default: the one `run.py set-password` saves in
    #: instance/staff_password), minutes a login lasts, wrong guesses before a lockout and
    #: how long it lasts.
    STAFF_PASSWORD_HASH: str | None = None
    STAFF_SESSION_MINUTES = 30
    STAFF_MAX_FAILURES = 5
    STAFF_LOCKOUT_SECONDS = 300
    STAFF_FAILURE_DELAY_SECONDS = 1.0
    #: The session cookie (settings, CSRF token, staff login): never readable by scripts, never
    #: sent with requests from other sites. Set KIOSK_SESSION_COOKIE_SECURE=true when the kiosk
    #: is reached over HTTPS (the kiosk's own browser uses http://127.0.0.1).
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Strict"
    SESSION_COOKIE_SECURE = False


def load_config(config: Config, test_config: Mapping[str, Any] | None = None) -> Config:
    """Defaults, then instance/config.py and KIOSK_* variables, or the tests' mapping."""
    config.from_object(DefaultConfig)
    if test_config is None:
        config.from_pyfile("config.py", silent=True)
        config.from_prefixed_env("KIOSK")
    else:
        config.from_mapping(test_config)
    return config


def read_config() -> Config:
    """The configuration without building the app (for command-line tools)."""
    return load_config(Config(str(INSTANCE_PATH)))
