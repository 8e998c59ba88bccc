"""The leaflet service: a topic in, a cached PDF/UA leaflet out.

HTML is made here (cheap); the PDF by WeasyPrint in a helper process with a timeout. The cache
key is a hash of the HTML, the stylesheets and fonts and WeasyPrint's version, so a changed
topic, style or engine gives a new leaflet and nothing else is rendered again. Requests for the
same leaflet at the same time share one rendering.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path

from kiosk.content import LanguageContent, Topic
from kiosk.leaflets.cache import Leaflet, LeafletCache
from kiosk.leaflets.document import LeafletDocument
from kiosk.leaflets.pdf_worker import start_pdf_renderer
from kiosk.leaflets.thumbnail import first_page_png
from kiosk.support.shared_work import SharedWork, wait_bounded
from kiosk.support.status import Progress, service_status
from kiosk.support.worker_process import WorkerError, WorkerProcess

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
MAX_PAGES = 2


class LeafletUnavailable(RuntimeError):
    """No leaflet can be made now; the message is for staff."""


class LeafletBusy(LeafletUnavailable):
    """Too many leaflets are being made, or this one took too long: try again shortly (the
    rendering goes on, so the next try usually finds it ready)."""


@dataclass(frozen=True)
class LeafletLimits:
    """How much may wait for the PDF renderer, and for how long, and the cache's size."""

    #: different leaflets being rendered or waiting at once
    max_pending: int = 4
    #: requests waiting for a rendering at once (each holds a server thread); more are told
    #: to try again (the rendering goes on)
    max_waiting: int = 2
    #: seconds a request waits for a rendering before it is told to try again
    wait_seconds: float = 10.0
    cache_bytes: int = 200 * 2**20


class LeafletService:
    """Renders and caches leaflets; safe to call from any request thread."""

    def __init__(
        self, cache_dir: Path, document: LeafletDocument, project_root: Path,
        allowed_folders: list[Path], timeout: float = 30.0,
        limits: LeafletLimits = LeafletLimits(),
    ) -> None:  # fmt: skip
        self.cache = LeafletCache(cache_dir)
        self.limits = limits
        # One rendering at a time, in this thread: request threads only wait, and not for long.
        self._renderer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="leaflet")
        self._waiting = threading.BoundedSemaphore(limits.max_waiting)
        self.document = document
        self.base_url = project_root.resolve().as_uri() + "/"
        roots = [str(folder.resolve()) for folder in allowed_folders]
        self.worker = WorkerProcess("PDF renderer", start_pdf_renderer, (roots,), timeout)
        self._style_digest = _digest_of_files(
            sorted((project_root / "static" / "css").rglob("*.css"))
            + sorted((project_root / "static" / "vendor" / "css").glob("*.css"))
            + sorted((project_root / "static" / "vendor" / "fonts").glob("*"))
        )
        self._shared: SharedWork[Leaflet] = SharedWork()
        self._problem: str | None = None
        self.renders = 0
        self.progress = Progress()

    def key_for(self, html: str) -> str:
        """The cache key of a leaflet's HTML (with style, fonts and engine version)."""
        material = f"{FORMAT_VERSION}|{version('weasyprint')}|{self._style_digest}|{html}"
        return hashlib.sha256(material.encode()).hexdigest()[:32]

    def get(self, topic: Topic, content: LanguageContent) -> Leaflet:
        """The topic's leaflet, rendered now if it is not cached; raises LeafletBusy when too
        much is being rendered or it takes longer than the limits allow."""
        return self._resolve(topic, content, self.limits.wait_seconds)[0]

    def _resolve(
        self, topic: Topic, content: LanguageContent, wait: float | None
    ) -> tuple[Leaflet, list[str]]:
        """The leaflet and the keys it took: one that would take more than two sides is made
        again without its key points (they repeat the text)."""
        leaflet = self._get(self.document.html(topic, content), wait)
        keys = [leaflet.key]
        if leaflet.pages > MAX_PAGES:
            leaflet = self._get(self.document.html(topic, content, compact=True), wait)
            keys.append(leaflet.key)
        return leaflet, keys

    def _get(self, html: str, wait: float | None) -> Leaflet:
        key = self.key_for(html)
        cached = self.cache.lookup(key)
        if cached is not None:
            return cached
        future, owner = self._shared.claim(key)
        if owner:
            if len(self._shared) > self.limits.max_pending:
                busy = LeafletBusy(f"{self.limits.max_pending} leaflets are being made already")
                self._shared.abandon(key, busy)
                raise busy
            work = partial(self._render_unless_cached, key, html)
            try:
                self._renderer.submit(self._shared.finish, key, work)
            except RuntimeError as error:  # closed: the kiosk is stopping
                closed = LeafletUnavailable("the leaflet service is closed")
                self._shared.abandon(key, closed)
                raise closed from error
        if wait is None:  # background work: no request thread is held
            return future.result()
        return wait_bounded(future, self._waiting, wait, LeafletBusy, "a leaflet")

    def test_page(self, site_name: str) -> Path:
        """A one-page test print (cached like a leaflet)."""
        html = self.document.environment.get_template("leaflet/test_page.html").render(
            site_name=site_name
        )
        return self._get(html, self.limits.wait_seconds).pdf

    def prerender(
        self,
        items: Iterable[tuple[Topic, LanguageContent]],
        prune_if: Callable[[], bool] = lambda: True,
    ) -> threading.Thread:
        """Render every leaflet not yet cached, in a background thread; then, if `prune_if()`
        still holds (the content has not changed since), keep only these in the cache."""
        work = list(items)
        self.progress.add(total=len(work))

        def run() -> None:
            reachable: set[str] = set()
            for topic, content in work:
                try:
                    reachable.update(self._resolve(topic, content, wait=None)[1])
                    self.progress.add(done=1)
                except LeafletUnavailable:
                    self.progress.add(failed=1)
            if prune_if():
                self.cache.prune(self.limits.cache_bytes, reachable)

        thread = threading.Thread(target=run, name="leaflets", daemon=True)
        thread.start()
        return thread

    def status(self) -> dict[str, object]:
        """For /healthz and the staff."""
        return service_status(self._problem, renders=self.renders, prerender=self.progress)

    def close(self) -> None:
        """Stop the renderer thread and the helper process."""
        self._renderer.shutdown(wait=True, cancel_futures=True)
        self.worker.stop()

    def _render_unless_cached(self, key: str, html: str) -> Leaflet:
        """In the renderer thread: the leaflet (another request may have made it meanwhile)."""
        leaflet = self.cache.lookup(key) or self._render(key, html)
        if self.cache.bytes() > self.limits.cache_bytes:
            self.cache.prune(self.limits.cache_bytes)
        return leaflet

    def _render(self, key: str, html: str) -> Leaflet:
        pdf = self.cache.temporary_path(".pdf")
        picture = self.cache.temporary_path(".png")
        try:
            pages, refused = self.worker.call(html, self.base_url, str(pdf))
            for url in refused:
                log.warning("leaflet %s: refused to load %s", key, url)
            thumbnail = picture if first_page_png(pdf, picture) else None
            leaflet = self.cache.store(key, pdf, pages, thumbnail)
        except WorkerError as error:
            self._problem = f"leaflet rendering failed: {error}"
            log.error("%s", self._problem)
            raise LeafletUnavailable(self._problem) from error
        finally:
            pdf.unlink(missing_ok=True)
            picture.unlink(missing_ok=True)
        self._problem = None
        self.renders += 1
        return leaflet


def _digest_of_files(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
