"""Shared fixtures: the app on the bundled content, and a way to write content to test with."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kiosk import create_app
from kiosk.settings import PROJECT_ROOT

BUNDLED_CONTENT = PROJECT_ROOT / "content"
SOURCE_TEXT = PROJECT_ROOT.parent / "shared" / "source" / "000_afca34488b1cbf08.txt"

VALID_TOPIC = """\
---
title: Een test
card_title: Test
icon: scale
order: 1
summary: Dit is een korte samenvatting.
position_of: de testorganisatie
source:
  organisation: Testorganisatie
  title: Testpagina
  date: maart 2024
key_points:
  - Het eerste punt.
  - Het tweede punt.
---
## Kop

Een zin met een asielzoeker erin.
"""


# One speech cache for the whole test run, outside the project's instance folder.
SPEECH_CACHE = Path(tempfile.mkdtemp(prefix="kiosk-test-speech-"))
atexit.register(shutil.rmtree, SPEECH_CACHE, True)


LEAFLET_CACHE = Path(tempfile.mkdtemp(prefix="kiosk-test-leaflets-"))
atexit.register(shutil.rmtree, LEAFLET_CACHE, True)


def make_app(content_dir: Path, **config: object) -> Flask:
    """The kiosk app on `content_dir`, in testing mode, printing into a folder of its own."""
    state = Path(tempfile.mkdtemp(prefix="kiosk-test-state-"))
    atexit.register(shutil.rmtree, state, True)
    defaults = {
        "TESTING": True,
        "SECRET_KEY": "test",
        "SPEECH_CACHE_DIR": str(SPEECH_CACHE),
        "LEAFLET_CACHE_DIR": str(LEAFLET_CACHE),
        "PRINTER": "folder",
        "PRINT_FOLDER": str(state / "printed"),
        "DATABASE": str(state / "kiosk.sqlite3"),
    }
    return create_app({**defaults, "CONTENT_DIR": str(content_dir), **config})


@pytest.fixture
def app() -> Flask:
    """The app serving the bundled content."""
    return make_app(BUNDLED_CONTENT)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


ContentWriter = Callable[[str, str], Path]


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
def topic_text() -> Iterator[str]:
    """A topic file that is valid in every way."""
    yield VALID_TOPIC
