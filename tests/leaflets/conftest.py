"""A leaflet service with an empty cache of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.leaflets import LeafletDocument, LeafletLimits, LeafletService, LeafletSettings
from kiosk.settings import PROJECT_ROOT
from kiosk.ui.icons import IconSet

SETTINGS = LeafletSettings(
    "Informatiezuil", "Vragen? Stel ze aan een medewerker van het buurthuis."
)


def leaflet_service(
    cache: Path, timeout: float = 30, limits: LeafletLimits | None = None
) -> LeafletService:
    document = LeafletDocument(
        PROJECT_ROOT / "templates", IconSet(PROJECT_ROOT / "static/vendor/icons"), SETTINGS
    )
    roots = [PROJECT_ROOT / "static", PROJECT_ROOT / "content"]
    return LeafletService(
        cache, document, PROJECT_ROOT, roots, timeout=timeout, limits=limits or LeafletLimits()
    )


@pytest.fixture(scope="session")
def leaflets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LeafletService]:
    service = leaflet_service(tmp_path_factory.mktemp("leaflets"))
    yield service
    service.close()
