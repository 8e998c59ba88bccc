"""The screen benchmark's code at a tiny size, in the browser tests' Chromium (one Playwright
per process: a second one cannot start while the session's runs)."""

from __future__ import annotations

import math

from playwright.sync_api import Browser

from bench.run import GOALS
from bench.screen import screen_figures


def test_screen_figures_in_real_chromium_at_tiny_size(browser: Browser):
    """Five real navigations and one load of each kind: the figures are there and plausible."""
    metrics = screen_figures(navigations=5, loads=1, warmup=1, browser=browser)
    assert set(metrics) <= set(GOALS)
    timings = [value for name, value in metrics.items() if name.endswith("_ms")]
    assert len(timings) >= 5 and all(0 < value < 10_000 for value in timings)
    assert metrics["tap_to_paint_p95_ms"] >= metrics["tap_to_paint_p50_ms"]
    shifts = [value for name, value in metrics.items() if name.startswith("cls_")]
    assert len(shifts) == 6 and all(math.isfinite(value) and value >= 0 for value in shifts)
