"""The word being spoken is marked on the screen, in step with the voice: sampled against
the audio's own clock in Chromium, in Dutch and Arabic and at the slow speed (the sampling
is the benchmark's, bench/reading.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from bench.reading import read_along, reading_figures, speech_of, word_error
from bench.run import GOALS

SAMPLES = 200
#: A marked word counts as in step when its time is at most this far from the audio's.
TOLERANCE = 0.060


@pytest.mark.parametrize(("lang", "slow"), [("nl", False), ("ar", False), ("nl", True)])
def test_the_marked_word_is_the_word_being_spoken(
    page: Page, live_server: str, lang: str, slow: bool
):
    samples = read_along(page, live_server, lang, slow, SAMPLES)
    assert len(samples) == SAMPLES, "the audio stopped before enough samples"
    if slow:
        assert page.evaluate("window.kiosk.readAloud.state().rate") == 0.75
    speech = speech_of(live_server, lang)
    words = [word for sentence in speech["sentences"] for word in sentence["words"]]
    errors = [word_error(s["time"], s["word"], words) for s in samples]
    in_step = sum(error <= TOLERANCE for error in errors) / len(errors)
    marked = {sample["word"] for sample in samples} - {None}
    assert len(marked) >= 10, f"the mark moved over too few words: {marked}"
    assert in_step >= 0.95, f"{in_step:.0%} in step: {list(zip(samples, errors, strict=True))}"


def test_the_reading_benchmark_at_tiny_size(browser):
    metrics = reading_figures(samples=20, taps=4, browser=browser)
    assert set(metrics) <= set(GOALS)
    assert metrics["word_sync_samples"] == 60 and metrics["word_taps"] == 4
    assert 0 < metrics["word_tap_to_sound_p50_ms"] <= metrics["word_tap_to_sound_p95_ms"] < 10_000
    assert 0 <= metrics["word_sync_error_p50_ms"] <= metrics["word_sync_error_p95_ms"]
