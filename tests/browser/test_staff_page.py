"""The staff page in a real browser: log in, everything readable and accessible."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect
from werkzeug.security import generate_password_hash

from devtools.chromium import KIOSK_SCREEN, served
from kiosk.services import services_of
from tests.browser.test_smoke import AXE_OPTIONS
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT


@pytest.fixture
def staff_server(make_app: AppMaker) -> Iterator[str]:
    app = make_app(BUNDLED_CONTENT, STAFF_PASSWORD_HASH=generate_password_hash("geheim123"))
    services_of(app).usage.record("view", "nl", "kinderpardon")
    with served(app) as url:
        yield url


def test_staff_page_logs_in_and_passes_axe(browser: Browser, staff_server: str):
    page = browser.new_page(viewport=KIOSK_SCREEN)
    page.goto(staff_server + "/staff/")
    expect(page.locator("h1")).to_have_text("Voor medewerkers")
    page.get_by_label("Wachtwoord").fill("geheim123")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Werkt alles?")).to_be_visible()
    expect(page.get_by_role("img", name="Gebruik per dag, laatste 30 dagen")).to_be_visible()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.response["violations"] == [], results.generate_report()
    page.close()
