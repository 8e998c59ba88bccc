"""Bounded work: what one request may ask for, how much may wait, and how big the cache grows."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.speech import SpeechBusy, SpeechLimits, SpeechRefused, SpeechService
from tests.speech.conftest import new_text, settle


def test_a_text_longer_than_the_limits_is_refused_at_once(tmp_path: Path):
    service = SpeechService(tmp_path, limits=SpeechLimits(max_sentences=5, max_characters=200))
    try:
        started = time.monotonic()
        with pytest.raises(SpeechRefused):
            service.get(new_text(*["Een zin."] * 5))  # six sentences
        with pytest.raises(SpeechRefused):
            service.get(new_text("Lang " * 60))  # over 200 characters
        assert time.monotonic() - started < 0.5 and service.syntheses == 0
        assert list(tmp_path.iterdir()) == []  # nothing rendered, nothing written
    finally:
        service.close()


def test_more_waiting_requests_than_allowed_get_a_fast_refusal(tmp_path: Path):
    service = SpeechService(tmp_path, limits=SpeechLimits(max_waiting=2))
    try:
        texts = [new_text(f"Tekst nummer {n}.", "Nog een zin erbij.") for n in range(8)]
        with ThreadPoolExecutor(max_workers=8) as pool:
            futures = [pool.submit(service.get, text, 30) for text in texts]
            outcomes = []
            for future in futures:
                try:
                    future.result()
                    outcomes.append("ok")
                except SpeechBusy:
                    outcomes.append("busy")
        assert "busy" in outcomes and "ok" in outcomes
        assert outcomes.count("ok") >= 2
    finally:
        service.close()


def test_a_request_waits_only_so_long_and_the_rendering_goes_on(tmp_path: Path):
    service = SpeechService(tmp_path)
    try:
        text = new_text(*[f"Dit is zin {n} van een langere tekst." for n in range(40)])
        started = time.monotonic()
        with pytest.raises(SpeechBusy):
            service.get(text, timeout=0.05)
        assert time.monotonic() - started < 1
        settle(service)
        assert service.cache.lookup(service.key_for(text)) is not None  # the retry finds it
    finally:
        service.close()


def test_the_cache_keeps_within_its_size_and_drops_what_the_content_no_longer_says(
    tmp_path: Path,
):
    service = SpeechService(tmp_path, limits=SpeechLimits(cache_bytes=10**9))
    try:
        old, kept = new_text("Een oude tekst."), new_text("Een tekst die blijft.")
        for request in (old, kept):
            service.get(request)
        settle(service)
        futures = service.prerender([kept])  # the content now says only this
        for future in futures:
            future.result(30)
        deadline = time.monotonic() + 10
        while service.cache.lookup(service.key_for(old)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert service.cache.lookup(service.key_for(old)) is None
        assert service.cache.lookup(service.key_for(kept)) is not None
        assert service.cache.prune(0) > 0  # and a size bound removes the least recently used
        assert service.cache.bytes() == 0
    finally:
        service.close()
