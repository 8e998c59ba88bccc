"""Prerender benchmarks: all audio and leaflets from empty caches, then again after editing
one topic (only that topic is rendered again)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from devtools.processes import rss_mb
from kiosk import create_app
from kiosk.services import services_of
from kiosk.settings import PROJECT_ROOT


def _render_everything(app) -> float:
    """Seconds until every speech text and leaflet not yet cached is rendered and compressed."""
    started = time.perf_counter()
    services_of(app).start_prerender().wait()
    return time.perf_counter() - started


def prerender_times(
    work: Path, content: Path = PROJECT_ROOT / "content", edit: str = "nl/kinderpardon.md"
) -> dict[str, float]:
    """prerender_all_s, prerender_one_s and their ratio to one topic's share of the whole.

    The caches are left in `work` for the serving benchmark."""
    shutil.copytree(content, work / "content")
    app = create_app({
        "CONTENT_DIR": str(work / "content"),
        "DATABASE": str(work / "kiosk.sqlite3"),
        "SPEECH_CACHE_DIR": str(work / "speech"),
        "LEAFLET_CACHE_DIR": str(work / "leaflets"),
    })  # fmt: skip
    try:
        topics = services_of(app).library.current.topic_count
        everything = _render_everything(app)
        edited = work / "content" / edit
        edited.write_text(edited.read_text() + "\nDit is een nieuwe zin.\n")
        services_of(app).library.reload()
        one = _render_everything(app)
        speech_worker = rss_mb(services_of(app).speech.worker.pid)
    finally:
        services_of(app).close()
    share = everything / topics
    return {
        "prerender_all_s": everything,
        "prerender_topics": topics,
        "prerender_one_s": one,
        "prerender_one_vs_share": one / share,
        "rss_speech_worker_mb": speech_worker,
    }
