"""Settings: the defaults, then instance/config.py and KIOSK_* environment variables (or the
tests' mapping), resolved once into the typed `Settings` the services receive.

Every "None means a path under instance/" is resolved here and nowhere else. Nothing reads the
configuration at import time; no Flask here (the web layer copies the same mapping into
`app.config` for Flask's own keys and the templates).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kiosk.export.addresses import normalised_base
from kiosk.ui.reach import Mounting

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_PATH = PROJECT_ROOT / "instance"
ENVIRONMENT_PREFIX = "KIOSK_"


class DefaultConfig:
    """What a fresh kiosk runs with."""

    #: Folder with one sub-folder of Markdown topics per language.
    CONTENT_DIR = str(PROJECT_ROOT / "content")
    #: Name shown on every page and in the browser tab.
    SITE_NAME = "Informatiezuil"
    #: Where the server listens (run.py --host/--port and KIOSK_HOST/KIOSK_PORT override).
    HOST = "127.0.0.1"
    PORT = 8000
    #: Host names the kiosk answers to: its own machine. Any other Host header gets 400, so no
    #: redirect ever names a host an attacker chose. A kiosk reached by name (a fleet's
    #: monitoring) lists its names: KIOSK_TRUSTED_HOSTS='["kiosk-3.local", "127.0.0.1"]'.
    TRUSTED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
    #: Static files are revalidated (ETag) on every use, so a new release is seen at once;
    #: speech audio, named by the hash of its content, is cached for good.
    SEND_FILE_MAX_AGE_DEFAULT = None
    #: Speech: where rendered audio is kept (default: instance/cache/speech), the voice's
    #: speed in words per minute, how long a visitor's request may wait for a rendering,
    #: how long one synthesis may take before the worker is restarted, and the engine library.
    SPEECH_CACHE_DIR: str | None = None
    SPEECH_RATE = 150
    SPEECH_WAIT_SECONDS = 8.0
    SPEECH_JOB_TIMEOUT = 30.0
    SPEECH_LIBRARY = "libespeak-ng.so.1"
    #: Bounds, so that no request can make the kiosk work without end: sentences and
    #: characters one text may have (the longest bundled topic has 31 and 1,400), requests
    #: waiting for a rendering at once, visitors' renderings queued, and the cache's size.
    SPEECH_MAX_SENTENCES = 120
    SPEECH_MAX_CHARACTERS = 8000
    SPEECH_MAX_WAITING = 3
    SPEECH_MAX_QUEUED = 16
    SPEECH_CACHE_MB = 500
    #: Leaflets: the line every leaflet ends with, where they are kept, how long one may take.
    LEAFLET_CONTACT = "Vragen? Stel ze aan een medewerker van het buurthuis."
    LEAFLET_CACHE_DIR: str | None = None
    LEAFLET_TIMEOUT = 30.0
    #: How long a visitor waits for a leaflet being made (then: "try again"), how many
    #: requests may wait at once, how many different leaflets may be in the making, and the
    #: cache's size.
    LEAFLET_WAIT_SECONDS = 10.0
    LEAFLET_MAX_WAITING = 2
    LEAFLET_MAX_PENDING = 4
    LEAFLET_CACHE_MB = 200
    #: Longer addresses are refused (414) before any work is done.
    MAX_URL_LENGTH = 2048
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
    #: Where the screen is mounted, so the layout keeps every control within reach of a seated
    #: visitor: the visible height of the panel and how high its lower edge is above the floor,
    #: in mm (a 32-inch portrait panel on a floor stand; a 32-inch landscape panel is 398 mm
    #: high). kiosk/ui/reach.py turns them into the reach and comfort zones.
    PANEL_HEIGHT_MM = 708
    PANEL_LOWER_EDGE_MM = 800
    #: Idle reset: after IDLE_SECONDS without a touch the kiosk asks "Bent u er nog?" and
    #: counts down IDLE_WARNING_SECONDS (at least 20) before it starts again for the next visitor.
    IDLE_SECONDS = 90
    IDLE_WARNING_SECONDS = 30
    #: Audio mode: keys to use instead of the defaults for some actions (kiosk/ui/audio_mode.py
    #: lists the actions and their default keys), by KeyboardEvent key or code, e.g. for a
    #: keypad whose Help key sends F12: KIOSK_AUDIO_KEYS='{"help": ["F12"]}'.
    AUDIO_KEYS: dict = {}
    #: Plain-language targets for `run.py check` and the staff page (no official B1 cut-off
    #: exists; these are the project's own): Flesch-Douma at least, average and longest
    #: sentence in words at most, share of rare words outside the glossary at most.
    READABILITY_MIN_FLESCH_DOUMA = 70
    READABILITY_MAX_AVERAGE_WORDS = 12
    READABILITY_MAX_SENTENCE_WORDS = 20
    READABILITY_MAX_RARE_SHARE = 0.05
    #: Easy-read: the share of ideas (key points and sections) with a picture (a warning).
    READABILITY_MIN_PICTURE_SHARE = 1.0
    #: Seconds between checks of the content folder for changed files (0: never; the staff
    #: page also has a "Reload content" button).
    CONTENT_WATCH_SECONDS = 2.0
    #: Content from the organisation's git repository (`run.py sync`, a systemd timer): its
    #: address (any URL or path git can fetch from; None: CONTENT_DIR is edited in place) and
    #: branch; where the fetched repository and the checked versions are kept (default
    #: instance/content-sync; the kiosk then serves its `current`, not CONTENT_DIR); and when
    #: set, git's allowed-signers file: every new commit must then carry a good signature by a
    #: key listed there (ssh signing), or the update is refused.
    CONTENT_REPOSITORY: str | None = None
    CONTENT_BRANCH = "main"
    CONTENT_SYNC_DIR: str | None = None
    CONTENT_ALLOWED_SIGNERS: str | None = None
    #: Where the organisation's website serves the public copy (`run.py export`), such as
    #: https://example.org/informatie/. When set, each topic shows a QR code to its page there
    #: ("Lees of luister thuis") and the leaflet prints it; None: no QR code.
    PUBLIC_URL: str | None = None
    #: Set by `run.py export` only: render the pages as the public copy (no forms, no kiosk
    #: machinery; text size and contrast in the browser).
    PUBLIC_SITE = False
    #: Staff page: the password hash (default: the one `run.py set-password` saves in
    #: STAFF_PASSWORD_FILE, default instance/staff_password; a new one works at once and
    #: ends every login); a login ends after STAFF_SESSION_MINUTES unused or
    #: STAFF_SESSION_HOURS in all. Per client address: after a wrong guess the next is
    #: checked only after STAFF_FAILURE_DELAY_SECONDS (doubling with each wrong guess), and
    #: after STAFF_MAX_FAILURES wrong guesses only after STAFF_LOCKOUT_SECONDS.
    STAFF_PASSWORD_HASH: str | None = None
    STAFF_PASSWORD_FILE: str | None = None
    STAFF_SESSION_MINUTES = 30
    STAFF_SESSION_HOURS = 8
    STAFF_MAX_FAILURES = 5
    STAFF_LOCKOUT_SECONDS = 300
    STAFF_FAILURE_DELAY_SECONDS = 1.0
    #: /healthz gives everyone the status words; the details (reasons, paths, process ids,
    #: content files) go to these addresses (and to a staff login).
    HEALTH_DETAIL_ADDRESSES = ["127.0.0.0/8", "::1/128"]
    #: /metrics (Prometheus) answers only these addresses; everyone else gets 403. A fleet's
    #: Prometheus elsewhere is added here (and its name of the kiosk to TRUSTED_HOSTS).
    METRICS_ADDRESSES = ["127.0.0.0/8", "::1/128"]
    #: The session cookie (settings, CSRF token, staff login): never readable by scripts, never
    #: sent with requests from other sites. Set KIOSK_SESSION_COOKIE_SECURE=true when the kiosk
    #: is reached over HTTPS (the kiosk's own browser uses http://127.0.0.1).
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Strict"
    SESSION_COOKIE_SECURE = False


#: Settings that name a file or folder: when left at None, this path under the instance folder.
INSTANCE_DEFAULTS = {
    "SPEECH_CACHE_DIR": "cache/speech",
    "LEAFLET_CACHE_DIR": "cache/leaflets",
    "PRINT_FOLDER": "printed",
    "DATABASE": "kiosk.sqlite3",
    "STAFF_PASSWORD_FILE": "staff_password",
    "CONTENT_SYNC_DIR": "content-sync",
}


def load_config(test_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then instance/config.py and KIOSK_* variables, or the tests' mapping."""
    config = {name: getattr(DefaultConfig, name) for name in dir(DefaultConfig) if name.isupper()}
    if test_config is None:
        config.update(_instance_file(INSTANCE_PATH / "config.py"))
        config.update(_environment(os.environ))
    else:
        config.update(test_config)
    return config


def _instance_file(path: Path) -> dict[str, Any]:
    """The upper-case names an instance/config.py defines (none when there is no such file)."""
    if not path.is_file():
        return {}
    namespace: dict[str, Any] = {"__file__": str(path)}
    exec(compile(path.read_bytes(), str(path), "exec"), namespace)  # noqa: S102 - the owner's file
    return {name: value for name, value in namespace.items() if name.isupper()}


def _environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """KIOSK_NAME=value pairs; a value is read as JSON when it is JSON ("30", "true"), as
    Flask's from_prefixed_env does, and as text otherwise."""
    found: dict[str, Any] = {}
    for key, raw in environ.items():
        if not key.startswith(ENVIRONMENT_PREFIX):
            continue
        try:
            value: Any = json.loads(raw)
        except ValueError:
            value = raw
        found[key.removeprefix(ENVIRONMENT_PREFIX)] = value
    return found


@dataclass(frozen=True)
class Settings:
    """What the services are built from: the configuration with its types and paths resolved."""

    content_dir: Path
    instance_dir: Path
    site_name: str
    speech_cache_dir: Path
    speech_rate: int
    speech_wait_seconds: float
    speech_job_timeout: float
    speech_library: str
    speech_max_sentences: int
    speech_max_characters: int
    speech_max_waiting: int
    speech_max_queued: int
    speech_cache_mb: float
    leaflet_contact: str
    leaflet_cache_dir: Path
    leaflet_timeout: float
    leaflet_wait_seconds: float
    leaflet_max_waiting: int
    leaflet_max_pending: int
    leaflet_cache_mb: float
    max_url_length: int
    printer: str
    cups_server: str | None
    print_queue: str | None
    print_folder: Path
    print_cooldown_seconds: float
    print_daily_limit: int
    print_abandon_seconds: float
    database: Path
    index_max_cards: int
    page_cache_mb: float
    response_cache_mb: float
    response_cache_seconds: float
    panel_height_mm: float
    panel_lower_edge_mm: float
    idle_seconds: int
    idle_warning_seconds: int
    readability_min_flesch_douma: float
    readability_max_average_words: float
    readability_max_sentence_words: int
    readability_max_rare_share: float
    readability_min_picture_share: float
    content_watch_seconds: float
    content_repository: str | None
    content_branch: str
    content_sync_dir: Path
    content_allowed_signers: Path | None
    public_url: str | None
    public_site: bool
    staff_password_hash: str | None
    staff_password_file: Path
    staff_session_minutes: float
    staff_session_hours: float
    health_detail_addresses: list
    metrics_addresses: list
    staff_max_failures: int
    staff_lockout_seconds: float
    staff_failure_delay_seconds: float

    @classmethod
    def from_config(cls, config: Mapping[str, Any], instance_dir: Path | None = None) -> Settings:
        """Settings from a configuration mapping (see `load_config`)."""
        instance_dir = instance_dir or INSTANCE_PATH
        values: dict[str, Any] = {"instance_dir": instance_dir}
        for field in fields(cls):
            if field.name == "instance_dir":
                continue
            values[field.name] = _typed(
                field.type, _resolved(config, field.name.upper(), instance_dir)
            )
        return cls(**values)

    def __post_init__(self) -> None:
        self.mounting  # noqa: B018 - an impossible mounting stops the start, with its numbers
        if self.public_url:  # a wrong address stops the start, rather than print bad QR codes
            object.__setattr__(self, "public_url", normalised_base(self.public_url))

    @property
    def served_content_dir(self) -> Path:
        """The folder the kiosk shows: the synced repository's current version when a content
        repository is configured, else CONTENT_DIR."""
        if self.content_repository:
            return self.content_sync_dir / "current"
        return self.content_dir

    @property
    def content_sync_state(self) -> Path:
        """What the last `run.py sync` did (kiosk/content/sync_state.py)."""
        return self.content_sync_dir / "state.json"

    @property
    def mounting(self) -> Mounting:
        """How the screen is mounted: where its reach and comfort zones are."""
        return Mounting(self.panel_height_mm, self.panel_lower_edge_mm)

    @classmethod
    def load(cls) -> Settings:
        """The settings of this installation (for the command line)."""
        return cls.from_config(load_config())


def _resolved(config: Mapping[str, Any], name: str, instance_dir: Path) -> Any:
    value = config.get(name)
    if value is None and name in INSTANCE_DEFAULTS:
        return instance_dir / INSTANCE_DEFAULTS[name]
    return value


def _typed(annotation: object, value: Any) -> Any:
    """A configured value as its field's type (environment variables may give "30" for 30)."""
    if value is None:
        return None
    kind = {"Path": Path, "int": int, "float": float, "str": str}.get(
        str(annotation).split(" |")[0]
    )
    if kind is int:
        return int(float(value))
    return kind(value) if kind is not None else value
