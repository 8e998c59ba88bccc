"""Render everything a visitor can ask for before they ask: speech and leaflets."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Prerendering:
    """Rendering started in the background: one future per speech text, one leaflet thread."""

    app: Flask
    speech: list[Future]
    leaflets: threading.Thread

    def wait(self, timeout: float = 600) -> None:
        """Until every text and leaflet is rendered, and every audio file compressed."""
        for future in self.speech:
            future.result(timeout)
        self.leaflets.join(timeout)
        while not speech_of(self.app).idle():
            time.sleep(0.05)


def start_prerender(app: Flask) -> Prerendering:
    """Start rendering in the background; progress shows in /healthz."""
    futures = speech_of(app).prerender(all_speech_requests(content_of(app)))
    return Prerendering(app, futures, leaflets_of(app).prerender(all_leaflets(app)))
