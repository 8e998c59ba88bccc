"""A short soak: the kiosk as it runs (`python run.py`, granian) used by ten kiosk browsers at
once for 25 seconds (bench/soak.py; `python -m bench.soak` runs it for minutes on all content)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.soak import percentile, soak, table
from tests.samples import BUNDLED_CONTENT

#: A small copy of the content, so that the server's prerendering takes seconds, not minutes.
SMALL_CONTENT = {
    "nl": ["glossary.yaml", "pronunciation.yaml", "kinderpardon.md", "kindbruiden.md",
           "vreemdelingendetentie.md"],
    "en": ["glossary.yaml", "kinderpardon.md", "kindbruiden.md"],
}  # fmt: skip


def test_percentile_is_the_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.5) == 50 and percentile(values, 0.99) == 99
    assert percentile([7.0], 0.99) == 7


def test_ten_kiosks_for_25_seconds(tmp_path: Path):
    content = tmp_path / "content"
    for lang, names in SMALL_CONTENT.items():
        (content / lang).mkdir(parents=True)
        for name in names:
            shutil.copy(BUNDLED_CONTENT / lang / name, content / lang)

    figures = soak(tmp_path / "work", seconds=25, kiosks=10, content=content)
    report = table(figures)

    statuses = figures["statuses"]
    assert not [code for code in statuses if code.startswith("5")], report
    assert "error" not in statuses, report  # no refused, reset or timed-out connection
    assert not figures["unexpected"] and not figures["problems"], report
    prints = figures["prints"]
    assert prints["unaccounted"] == 0, report
    assert prints["submitted"] == (
        prints["done"] + prints["failed_with_reason"] + prints["refused_with_message"]
    ), report
    assert prints["done"] >= 3 and figures["listens"] >= 20, report
    # The warm-up is the first 10 s (the caches of rendered pages and whole responses fill
    # then); over the next 15 s the app process grew 2-5 % in trial runs, well inside 10 %.
    # `python -m bench.soak` checks the same over minutes.
    assert figures["memory"]["growth"] < 0.10, report
    assert figures["app_pid_end"] == figures["app_pid_start"], report  # granian did not restart it
    assert figures["healthz_end"] == (200, "ok"), report
    assert figures["failed"] == [], report
