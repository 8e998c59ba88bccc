"""Headless Debian Chromium and a kiosk served in a thread: shared by the browser tests and
the screenshot script."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from playwright.sync_api import Browser, Playwright
from waitress.server import create_server

CHROMIUM = "/usr/bin/chromium"
# The machine has no network: keep Chromium from trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # As deploy/kiosk-browser.sh: a new page may speak without a tap (audio mode announces it).
    "--autoplay-policy=no-user-gesture-required",
]
KIOSK_SCREEN = {"width": 1080, "height": 1920}


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless (no `playwright install` needed)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def served(app: Flask, threads: int = 4) -> Iterator[str]:
    """Serve `app` with waitress on a free local port; yields its base URL."""
    server = create_server(app, host="127.0.0.1", port=0, threads=threads)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=5)
