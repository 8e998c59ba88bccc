"""The audio-mode benchmark's code at a tiny size, in the browser tests' Chromium."""

from __future__ import annotations

from playwright.sync_api import Browser

from bench.audio import audio_figures
from bench.run import GOALS


def test_audio_figures_in_real_chromium_at_tiny_size(browser: Browser):
    """A few real key presses and touches: each made a sound, and the figures are plausible."""
    metrics = audio_figures(presses=8, touches=4, browser=browser)
    assert set(metrics) <= set(GOALS)
    assert metrics["audio_presses"] == 8 and metrics["audio_touches"] == 4
    for name in ("key_to_sound_p95_ms", "touch_to_sound_p95_ms", "sound_baseline_ms"):
        assert 0 < metrics[name] < 10_000, (name, metrics)
    assert metrics["key_to_sound_p95_ms"] >= metrics["key_to_sound_p50_ms"]
