"""The kiosk's services in one object: built once from the settings, closed once.

The web layer, the command line, the benchmarks and the tests all build the services with
`build_services` and stop them with `Services.close()`, so the order of start-up and shutdown
(helper processes stopped, usage counts written) exists in one place. No Flask here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.content import LanguageContent, Topic
from kiosk.content.store import LibraryStore
from kiosk.content.sync_state import SyncStateFile
from kiosk.leaflets import LeafletDocument, LeafletService, LeafletSettings
from kiosk.printing import PaperGuard, PrintJobStore, PrintService, choose_printer
from kiosk.settings import PROJECT_ROOT, Settings
from kiosk.speech import SpeechLimits, SpeechRequest, SpeechService
from kiosk.speech.spoken_content import all_speech_requests
from kiosk.support.files import private_folder
from kiosk.ui.icons import IconSet
from kiosk.usage import UsageStore

if TYPE_CHECKING:
    from kiosk.web.caching.page_cache import PageCache
    from kiosk.web.caching.response_cache import ResponseCache

log = logging.getLogger(__name__)

#: Where the app keeps its services (`app.extensions[EXTENSION]`).
EXTENSION = "kiosk.services"
STATIC_DIR = PROJECT_ROOT / "static"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
MB = 2**20


@dataclass
class Services:
    """Everything the views, the command line and the benchmarks work with."""

    settings: Settings
    library: LibraryStore
    icons: IconSet
    speech: SpeechService
    leaflets: LeafletService
    printing: PrintService
    usage: UsageStore
    #: What the last `run.py sync` did; None when the content is not from a repository.
    content_sync: SyncStateFile | None = None
    #: The web layer's caches of rendered pages and whole responses, attached when it registers.
    pages: PageCache | None = None
    responses: ResponseCache | None = None
    #: What the screens say in audio mode, beyond the content: attached by the web layer.
    interface_speech: Callable[[], list[SpeechRequest]] | None = None

    def all_leaflets(self) -> list[tuple[Topic, LanguageContent]]:
        """(topic, language content) for every topic in every language."""
        return [
            (topic, language)
            for language in self.library.current.languages.values()
            for topic in language.topics
        ]

    def start_prerender(self) -> Prerendering:
        """Render all speech and leaflets in the background; progress shows in /healthz."""
        generation = self.library.generation
        content = all_speech_requests(self.library.current)
        speech = self.speech.prerender(content, keep_only_these=False)

        # A prune keeps what this version can say; once a newer version is loaded, that
        # version's own prerendering prunes (this one would delete what the newer one needs).
        def still_current() -> bool:
            return self.library.generation == generation

        leaflets = self.leaflets.prerender(self.all_leaflets(), prune_if=still_current)
        prerendering = Prerendering(self, speech, leaflets, still_current)
        prerendering.then_the_screens(content)
        return prerendering

    def watch_content(self) -> None:
        """Pick up changed content files while running; render what changed in the background."""
        self.library.on_change = lambda _library: self.start_prerender()
        self.library.watch(self.settings.content_watch_seconds)

    def close(self) -> None:
        """Stop watching, stop the helper processes, write the usage counts still in memory."""
        self.library.stop()
        self.speech.close()
        self.leaflets.close()
        self.usage.close()


@dataclass
class Prerendering:
    """Rendering started in the background: one future per speech text, one leaflet thread."""

    services: Services
    speech: list[Future]
    leaflets: threading.Thread
    #: Whether the library is still the version this prerendering started from.
    still_current: Callable[[], bool]
    #: Once the content's speech is rendered: what the screens say (each screen made once).
    screens: threading.Thread = field(default_factory=threading.Thread)

    def then_the_screens(self, content: list[SpeechRequest]) -> None:
        """When the content's speech is done, render what the screens say, then let the cache
        keep exactly what either can say (in a thread: the screens take a while to make)."""

        def render() -> None:
            speech = self.services.speech
            try:
                _wait_for(list(self.speech))
                interface = self.services.interface_speech
                screens = interface() if interface else []
                more = speech.prerender(screens, keep_only_these=False)
                self.speech.extend(more)
                _wait_for(more)
                if self.still_current():
                    speech.keep_only(content + screens)
            except Exception:  # noqa: BLE001 - a background thread: logged, never raised
                log.exception("the screens' texts were not prerendered")

        self.screens = threading.Thread(target=render, name="prerender-screens", daemon=True)
        self.screens.start()

    def wait(self, timeout: float = 600) -> None:
        """Until every text and leaflet is rendered, and every audio file compressed."""
        self.screens.join(timeout)
        for future in self.speech:
            future.result(timeout)
        self.leaflets.join(timeout)
        while not self.services.speech.idle():
            time.sleep(0.05)


def _wait_for(futures: list[Future]) -> None:
    """Until each is done, whether it succeeded or not (a failure is counted where it ran)."""
    for future in futures:
        try:
            future.result()
        except Exception:  # noqa: BLE001, S110 - the speech service has logged and counted it
            pass


def build_services(settings: Settings) -> Services:
    """The services for these settings (helper processes start when first needed)."""
    icons = IconSet(STATIC_DIR / "vendor" / "icons")
    private_folder(settings.instance_dir)
    database = PrintJobStore(settings.database)
    return Services(
        settings=settings,
        library=LibraryStore(
            settings.served_content_dir, name="" if settings.content_repository else None
        ),
        icons=icons,
        speech=SpeechService(
            settings.speech_cache_dir,
            rate=settings.speech_rate,
            job_timeout=settings.speech_job_timeout,
            library=settings.speech_library,
            limits=SpeechLimits(
                max_sentences=settings.speech_max_sentences,
                max_characters=settings.speech_max_characters,
                max_waiting=settings.speech_max_waiting,
                max_queued=settings.speech_max_queued,
                cache_bytes=int(settings.speech_cache_mb * MB),
            ),
        ),
        leaflets=_leaflet_service(settings, icons),
        printing=PrintService(
            choose_printer(
                settings.printer, settings.cups_server, settings.print_queue, settings.print_folder
            ),
            database,
            PaperGuard(settings.print_cooldown_seconds, settings.print_daily_limit),
            abandon_seconds=settings.print_abandon_seconds,
        ),
        usage=UsageStore(settings.database),
        content_sync=(
            SyncStateFile(settings.content_sync_state) if settings.content_repository else None
        ),
    )


def _leaflet_service(settings: Settings, icons: IconSet) -> LeafletService:
    document = LeafletDocument(
        TEMPLATES_DIR,
        icons,
        LeafletSettings(settings.site_name, settings.leaflet_contact, settings.public_url),
    )
    # The synced versions are switched under `current`: the whole folder that holds them.
    content = settings.content_sync_dir if settings.content_repository else settings.content_dir
    readable: list[Path] = [STATIC_DIR, content]
    return LeafletService(
        settings.leaflet_cache_dir,
        document,
        PROJECT_ROOT,
        readable,
        timeout=settings.leaflet_timeout,
    )


def services_of(app: Any) -> Services:
    """The services of a Flask app made by `kiosk.app.create_app` (no Flask import needed)."""
    return app.extensions[EXTENSION]
