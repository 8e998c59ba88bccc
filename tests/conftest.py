"""Shared fixtures: kiosk apps built by the real app factory (closed when the test ends), and
a content folder to write test content into.

Every app gets a state folder of its own (print folder, database) under pytest's temporary
folder; the speech and leaflet caches are shared by the whole run, so each text is spoken and
each leaflet rendered once.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from devtools.cupsd import PrivateCups
from kiosk import create_app
from kiosk.export.writer import ExportWriter, WriteReport
from kiosk.services import services_of
from kiosk.web.export import SiteExport
from tests.samples import BUNDLED_CONTENT, VALID_TOPIC, ContentWriter


class AppMaker:
    """make_app(content_dir, **config): the kiosk app in testing mode, printing into a folder
    of its own; every app it made is closed by `close()`."""

    def __init__(self, temporary: pytest.TempPathFactory, caches: Path) -> None:
        self.temporary = temporary
        self.caches = caches
        self.apps: list[Flask] = []

    def __call__(self, content_dir: Path = BUNDLED_CONTENT, **config: object) -> Flask:
        state = self.temporary.mktemp("state")
        defaults = {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SPEECH_CACHE_DIR": str(self.caches / "speech"),
            "LEAFLET_CACHE_DIR": str(self.caches / "leaflets"),
            "PRINTER": "folder",
            "PRINT_FOLDER": str(state / "printed"),
            "DATABASE": str(state / "kiosk.sqlite3"),
            "STAFF_PASSWORD_FILE": str(state / "staff_password"),
        }
        app = create_app({**defaults, "CONTENT_DIR": str(content_dir), **config})
        self.apps.append(app)
        return app

    def close(self) -> None:
        """Stop every app's helper processes and write its usage counts."""
        for app in self.apps:
            services_of(app).close()
        self.apps.clear()


@pytest.fixture(scope="session")
def shared_caches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One speech and one leaflet cache for the whole run."""
    return tmp_path_factory.mktemp("caches")


@pytest.fixture
def make_app(tmp_path_factory: pytest.TempPathFactory, shared_caches: Path) -> Iterator[AppMaker]:
    """Apps for one test, closed when it ends."""
    maker = AppMaker(tmp_path_factory, shared_caches)
    yield maker
    maker.close()


@pytest.fixture(scope="session")
def make_session_app(
    tmp_path_factory: pytest.TempPathFactory, shared_caches: Path
) -> Iterator[AppMaker]:
    """Apps that live for the whole run (a live server for the browser tests)."""
    maker = AppMaker(tmp_path_factory, shared_caches)
    yield maker
    maker.close()


@pytest.fixture(scope="session")
def bundled_app(make_session_app: AppMaker) -> Flask:
    """One app on the bundled content for tests that only read pages."""
    return make_session_app(BUNDLED_CONTENT)


#: Where the tests' public copy is said to be served (its canonical and language links).
PUBLIC_BASE = "https://example.org/informatie/"


@dataclass(frozen=True)
class ExportedSite:
    folder: Path
    report: WriteReport


@pytest.fixture(scope="session")
def exported_site(
    make_session_app: AppMaker, tmp_path_factory: pytest.TempPathFactory
) -> ExportedSite:
    """The bundled content exported once for the whole run, as `run.py export --base-url`
    writes it."""
    app = make_session_app(BUNDLED_CONTENT, PUBLIC_SITE=True, PUBLIC_URL=PUBLIC_BASE)
    folder = tmp_path_factory.mktemp("public-copy")
    return ExportedSite(folder, SiteExport(app, ExportWriter(folder)).run())


@pytest.fixture
def bundled_client(bundled_app: Flask) -> FlaskClient:
    """A browser of its own on the shared app (its own cookies, so its own visitor)."""
    return bundled_app.test_client()


@pytest.fixture
def app(make_app: AppMaker) -> Flask:
    """An app of this test's own, serving the bundled content."""
    return make_app(BUNDLED_CONTENT)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """An empty content folder with a Dutch language folder."""
    folder = tmp_path / "content"
    (folder / "nl").mkdir(parents=True)
    return folder


@pytest.fixture
def write(content_dir: Path) -> ContentWriter:
    """Write a file under the content folder: write("nl/x.md", text)."""

    def writer(relative: str, text: str) -> Path:
        path = content_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return writer


@pytest.fixture
def topic_text() -> str:
    """A topic file that is valid in every way."""
    return VALID_TOPIC


@pytest.fixture
def cupsd() -> Iterator[PrivateCups]:
    """A private cupsd with one raw queue on the outbox backend."""
    server = PrivateCups()
    server.start()
    server.add_queue()
    yield server
    server.remove()


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real leaflet to print."""
    from kiosk.content import load_library
    from tests.leaflets.conftest import leaflet_service

    dutch = load_library(BUNDLED_CONTENT).languages["nl"]
    service = leaflet_service(tmp_path_factory.mktemp("leaflet"))
    try:
        return service.get(dutch.topic("kindbruiden"), dutch).pdf
    finally:
        service.close()
