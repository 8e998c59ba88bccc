"""A live kiosk server and Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from waitress.server import create_server

from tests.conftest import BUNDLED_CONTENT, make_app

CHROMIUM = "/usr/bin/chromium"
# The machine has no network: keep Chromium from trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
KIOSK_SCREEN = {"width": 1080, "height": 1920}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The kiosk with its bundled content on a free local port, served by waitress."""
    server = create_server(make_app(BUNDLED_CONTENT), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Errors the page logged; a test that expects one (a 404) removes it."""
    return []


@pytest.fixture
def page(browser: Browser, console_errors: list[str]) -> Iterator[Page]:
    """A fresh page at the kiosk's reference size; fails the test on any console error
    (a blocked script or style under the CSP shows up here)."""
    context = browser.new_context(viewport=KIOSK_SCREEN)
    page = context.new_page()
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    yield page
    context.close()
    assert console_errors == [], f"browser console errors: {console_errors}"
