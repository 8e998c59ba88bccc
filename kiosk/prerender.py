"""Render everything a visitor can ask for before they ask: speech and leaflets."""

from __future__ import annotations

from concurrent.futures import Future

from flask import Flask

from kiosk import content_of, content_store_of, leaflets_of, speech_of
from kiosk.spoken_content import all_speech_requests


def all_leaflets(app: Flask) -> list[tuple]:
    """(topic, language content) for every topic in every language."""
    return [
        (topic, content)
        for content in content_of(app).languages.values()
        for topic in content.topics
    ]


def watch_content(app: Flask) -> None:
    """Pick up changed content files while running; render what changed in the background."""
    store = content_store_of(app)
    store.on_change = lambda _library: start_prerender(app)
    store.watch(float(app.config["CONTENT_WATCH_SECONDS"]))


def start_prerender(app: Flask) -> list[Future]:
    """Start rendering in the background; progress shows in /healthz."""
    futures = speech_of(app).prerender(all_speech_requests(content_of(app)))
    leaflets_of(app).prerender(all_leaflets(app))
    return futures
