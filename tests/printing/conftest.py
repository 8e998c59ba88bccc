"""Fixtures: a private cupsd with one raw queue on the outbox backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.cupsd import PrivateCups


@pytest.fixture
def cupsd() -> Iterator[PrivateCups]:
    server = PrivateCups()
    server.start()
    server.add_queue()
    yield server
    server.remove()


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real leaflet to print."""
    from kiosk.content import load_library
    from tests.conftest import BUNDLED_CONTENT
    from tests.leaflets.conftest import leaflet_service

    dutch = load_library(BUNDLED_CONTENT).languages["nl"]
    service = leaflet_service(tmp_path_factory.mktemp("leaflet"))
    try:
        return service.get(dutch.topic("kindbruiden"), dutch).pdf
    finally:
        service.close()
