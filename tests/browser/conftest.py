"""A live kiosk server and Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, sync_playwright

from devtools.chromium import KIOSK_SCREEN, launch, served
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def kiosk_app(make_session_app: AppMaker) -> Flask:
    """The app the browser tests use: bundled content, a folder printer, no pause."""
    return make_session_app(BUNDLED_CONTENT, PRINT_COOLDOWN_SECONDS=0)


@pytest.fixture(scope="session")
def live_server(kiosk_app: Flask) -> Iterator[str]:
    """The kiosk on a free local port, served by waitress."""
    with served(kiosk_app) as url:
        yield url


@pytest.fixture(scope="session")
def print_folder(kiosk_app: Flask) -> Path:
    """Where the browser tests' prints arrive."""
    return Path(kiosk_app.config["PRINT_FOLDER"])


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch(playwright)
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
