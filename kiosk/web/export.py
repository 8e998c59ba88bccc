"""`run.py export DIR`: the kiosk's pages, speech, leaflets and assets as a static website.

An app of its own in the public-copy mode (PUBLIC_SITE) renders every page exactly as a
browser would get it; the exporter follows each page's links to its files (styles, fonts,
scripts, pictures, speech and its audio, leaflets), makes every link relative and hands the
files to the incremental writer (kiosk/export/writer.py). Nothing is made twice: the same
templates, the same speech and leaflet caches as the kiosk.
"""

from __future__ import annotations

import json
import posixpath
import re
import time
from collections.abc import Callable
from concurrent.futures import wait
from xml.sax.saxutils import escape

from flask import Flask
from flask.testing import FlaskClient

from kiosk.export.addresses import public_url, relative_link, site_file
from kiosk.export.writer import ExportWriter, WriteReport
from kiosk.services import services_of
from kiosk.speech.spoken_content import all_speech_requests

#: The attributes the templates put a kiosk address in.
LINK = re.compile(r'\b(href|src|data-speech|data-speech-full)="(/[^"]*)"')
#: url(...) in a stylesheet (the fonts), relative to the stylesheet.
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
#: How long a speech rendering may keep the exporter waiting.
SPEECH_WAIT_SECONDS = 300

Progress = Callable[[int, int, str], None]


class ExportError(RuntimeError):
    """A page or file the public copy needs could not be made (the message says which)."""


def site_pages(app: Flask) -> list[str]:
    """Every page of the public copy: the start page, and per language its index, its theme
    pages (when the index groups) and its topics."""
    services = services_of(app)
    pages = ["/"]
    for code, content in services.library.current.languages.items():
        pages.append(f"/{code}/")
        if content.grouped(services.settings.index_max_cards):
            pages += [f"/{code}/theme/{theme.slug}" for theme in content.themes()]
        pages += [f"/{code}/{topic.slug}" for topic in content.topics]
    return pages


class SiteExport:
    """One export of `app` (made with PUBLIC_SITE) into `writer`'s folder."""

    def __init__(self, app: Flask, writer: ExportWriter, progress: Progress | None = None):
        self.app = app
        self.writer = writer
        self.progress = progress or (lambda done, total, path: None)
        self.client: FlaskClient = app.test_client()
        self.pages = site_pages(app)

    def run(self) -> WriteReport:
        """Write every page and what it needs; remove what an earlier export had and this one
        does not; the report of what changed."""
        wanted = set(self.pages)
        self._prerender_speech()
        for done, path in enumerate(self.pages, start=1):
            self._page(path, wanted)
            self.progress(done, len(self.pages), path)
        base = services_of(self.app).settings.public_url
        if base:
            self.writer.write("sitemap.xml", self._sitemap(base).encode())
        return self.writer.finish()

    def _prerender_speech(self) -> None:
        """All the content's speech rendered and compressed first, as the kiosk does at its
        start: a cached WAV left by a stopped server becomes Ogg Opus before it is copied."""
        services = services_of(self.app)
        futures = services.speech.prerender(
            all_speech_requests(services.library.current), keep_only_these=False
        )
        wait(futures, timeout=SPEECH_WAIT_SECONDS)
        deadline = time.monotonic() + SPEECH_WAIT_SECONDS
        while not services.speech.idle() and time.monotonic() < deadline:
            time.sleep(0.1)

    def _get(self, path: str) -> bytes:
        response = self.client.get(path)
        try:
            if response.status_code != 200:
                raise ExportError(f"{path} answered {response.status_code}, not 200")
            return response.get_data()
        finally:
            response.close()  # a file sent from a cache is open until then

    def _page(self, path: str, wanted: set[str]) -> None:
        html = self._get(path).decode()

        def relative(match: re.Match[str]) -> str:
            attribute, target = match.group(1), match.group(2)
            exported = self._needs(path, target, attribute, wanted)
            return f'{attribute}="{relative_link(path, exported)}"'

        self.writer.write(site_file(path), LINK.sub(relative, html).encode())

    def _needs(self, page: str, target: str, attribute: str, wanted: set[str]) -> str:
        """Export what a page links to; the address it has in the copy. A link to a page must
        be to one of the copy's pages."""
        address, hash_mark, fragment = target.partition("#")
        if site_file(address.split("?", 1)[0]).endswith("index.html"):
            if address not in wanted:
                raise ExportError(f"{page} links to the page {address}, which is not exported")
            return target
        if attribute.startswith("data-speech"):
            return self._speech(address)
        if "?" in address:
            raise ExportError(f"{page} links to {target}: a static copy cannot answer a query")
        self._file(address)
        return address + hash_mark + fragment

    def _file(self, address: str) -> None:
        path = address.split("?", 1)[0]
        if self.writer.has(site_file(path)):
            return
        data = self._get(address)
        self.writer.write(site_file(path), data)
        if path.endswith(".css"):
            folder = posixpath.dirname(path)
            for reference in CSS_URL.findall(data.decode()):
                if not reference.startswith(("data:", "#")):
                    self._file(posixpath.normpath(posixpath.join(folder, reference)))

    def _speech(self, address: str) -> str:
        """A speech JSON (rendered now if it is not yet), with its audio, linked relative to the
        JSON file; `?part=full` becomes a file of its own. Its address in the copy."""
        path, _, query = address.partition("?")
        if query == "part=full":
            path = path.removesuffix(".json") + "-full.json"
        elif query:
            raise ExportError(f"no static file for the speech address {address}")
        file = site_file(path)
        if not self.writer.has(file):
            speech = self._rendered_speech(address)
            self._file(speech["audio"])
            speech["audio"] = relative_link(path, speech["audio"])
            self.writer.write(file, json.dumps(speech, ensure_ascii=False).encode())
        return path

    def _rendered_speech(self, address: str) -> dict:
        """The speech JSON, waiting while the voice is busy."""
        deadline = time.monotonic() + SPEECH_WAIT_SECONDS
        while True:
            with self.client.get(address) as response:
                body = response.get_json(silent=True) or {}
            if response.status_code == 200:
                return body
            if not body.get("retry") or time.monotonic() > deadline:
                raise ExportError(f"speech {address}: {body.get('message') or response.status}")
            time.sleep(1)

    def _sitemap(self, base: str) -> str:
        """Every page with its address in each language (for search engines)."""
        entries = []
        for path in self.pages:
            entries.append(f"  <url><loc>{escape(public_url(base, path))}</loc></url>")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(entries)
            + "\n</urlset>\n"
        )
