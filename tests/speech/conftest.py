"""A speech service on real espeak-ng, shared by the speech tests, with its own cache."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.speech import SpeechLimits, SpeechRequest, SpeechService


@pytest.fixture(scope="session")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpeechService]:
    service = SpeechService(tmp_path_factory.mktemp("speech-cache"))
    yield service
    service.close()


#: Room for the long texts and the many waiting requests some tests need (the bounds
#: themselves are tested in tests/speech/test_limits.py).
ROOMY = SpeechLimits(max_sentences=2000, max_characters=200_000, max_waiting=16)


@pytest.fixture
def fresh_service(tmp_path: Path) -> Iterator[SpeechService]:
    """A service with an empty cache and a worker of its own."""
    service = SpeechService(tmp_path / "cache", job_timeout=10, limits=ROOMY)
    yield service
    service.close()


def settle(service: SpeechService, timeout: float = 60) -> None:
    """Wait until the service has rendered and compressed everything it was given."""
    deadline = time.monotonic() + timeout
    while not service.idle():
        assert time.monotonic() < deadline, "the speech service never became idle"
        time.sleep(0.02)


def new_text(*sentences: str) -> SpeechRequest:
    """A request no test has rendered before (so it is not in the cache)."""
    marker = f"Dit is test {uuid.uuid4().int % 100000}."
    return SpeechRequest((marker, *sentences), "nl")
