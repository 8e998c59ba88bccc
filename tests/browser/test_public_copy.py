"""The public copy in Chromium, from nginx under a sub-path with the kiosk's CSP: read aloud
with the highlight moving, no axe violation on a phone or a computer in either theme, text,
hard words and leaflet without JavaScript, and not one request to another host."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from devtools.chromium import CHROMIUM
from devtools.nginx import nginx_available, serve_folder
from kiosk.settings import PROJECT_ROOT
from kiosk.web.public_site import PUBLIC_CONTENT_POLICY
from tests.browser.test_read_aloud import current_highlight, state, wait_for
from tests.browser.test_smoke import AXE_OPTIONS
from tests.conftest import ExportedSite

pytestmark = pytest.mark.skipif(not nginx_available(), reason="nginx-light is not installed")

PHONE = {"width": 390, "height": 844}
COMPUTER = {"width": 1280, "height": 800}
axe = Axe()


@pytest.fixture(scope="module")
def website(exported_site: ExportedSite, tmp_path_factory: pytest.TempPathFactory):
    state_folder = tmp_path_factory.mktemp("nginx")
    with serve_folder(
        exported_site.folder, "/informatie/", state_folder, PUBLIC_CONTENT_POLICY
    ) as base:
        yield base


@pytest.fixture
def visitor(browser: Browser, website: str) -> Iterator[tuple[Page, list[str]]]:
    """A phone's browser on the website; (page, problems): console errors and requests to
    any other host, which must stay empty."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems: list[str] = []
    host = urlsplit(website).netloc
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: problems.append(r.url) if urlsplit(r.url).netloc != host else None)
    yield page, problems
    context.close()


def test_a_topic_is_read_aloud_with_the_highlight_moving(
    visitor: tuple[Page, list[str]], website: str
):
    page, problems = visitor
    page.goto(website + "nl/kinderpardon/")
    page.get_by_role("button", name="Alles voorlezen").click()
    wait_for(page, "s && !s.paused && s.time > 0.2")
    assert state(page)["sentences"] == 26
    assert current_highlight(page) == {str(state(page)["current"])}
    wait_for(page, "s.current >= 1", timeout=15_000)
    assert current_highlight(page) == {str(state(page)["current"])}, "the highlight moved on"
    assert page.evaluate("window.kiosk.readAloud.audio.currentSrc").endswith(".ogg")
    page.get_by_role("button", name="Stop").click()
    assert problems == []


@pytest.mark.parametrize("viewport", [PHONE, COMPUTER], ids=["phone", "computer"])
@pytest.mark.parametrize("path", ["", "nl/", "nl/kinderpardon/", "ar/kinderpardon/"])
def test_no_axe_violations_in_either_theme(
    browser: Browser, website: str, viewport: dict, path: str
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(website + path)
        for theme in ("default", "contrast"):
            if theme == "contrast":  # the visitor's own setting, in the browser
                page.locator("[data-nav=settings]").click()
                page.locator('[data-public-setting="theme"]').click()
                page.keyboard.press("Escape")
                assert page.evaluate("document.documentElement.className").endswith("contrast")
            page.evaluate("document.fonts.ready")
            results = axe.run(page, options=AXE_OPTIONS)
            assert results.response["violations"] == [], f"{theme}: {results.generate_report()}"
    finally:
        context.close()


def test_the_settings_stay_from_page_to_page(visitor: tuple[Page, list[str]], website: str):
    page, problems = visitor
    page.goto(website + "nl/")
    page.locator("[data-nav=settings]").click()
    text = page.locator('[data-public-setting="text"]')
    expect(text).to_have_text("Letters: normaal")
    text.click()
    expect(text).to_have_text("Letters: groot")
    page.goto(website + "nl/kinderpardon/")
    assert "text-150" in page.evaluate("document.documentElement.className")
    assert problems == []


def test_without_javascript_text_hard_words_and_leaflet_work(browser: Browser, website: str):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(website + "nl/kinderpardon/")
        expect(page.locator("h1")).to_contain_text("Kinderpardon")
        expect(page.get_by_role("button", name="Alles voorlezen")).to_be_hidden()
        page.get_by_role("button", name="Moeilijke woorden").click()
        expect(page.locator("#hard-words")).to_be_visible()
        leaflet = page.get_by_role("link", name="Folder downloaden")
        response = page.request.get(website + "nl/kinderpardon/" + leaflet.get_attribute("href"))
        assert response.status == 200 and response.body().startswith(b"%PDF")
        page.goto(website)
        page.get_by_role("link", name="English").click()
        expect(page).to_have_url(website + "en/")
    finally:
        context.close()


LIGHTHOUSE = PROJECT_ROOT / "node_modules/.bin/lighthouse"


@pytest.mark.skipif(not LIGHTHOUSE.exists(), reason="Lighthouse is not installed (npm ci)")
def test_lighthouse_scores_a_topic_page_100(website: str, tmp_path: Path):
    """Accessibility, best practices and SEO, as a website's owner would check them."""
    report = tmp_path / "lighthouse.json"
    result = subprocess.run(
        [str(LIGHTHOUSE), website + "nl/kinderpardon/", "--quiet", "--output=json",
         f"--output-path={report}", "--only-categories=accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    audits = json.loads(report.read_text())
    scores = {name: category["score"] for name, category in audits["categories"].items()}
    failed = [audit["id"] for audit in audits["audits"].values()
              if audit.get("score") is not None and audit["score"] < 1
              and audit.get("scoreDisplayMode") in ("binary", "numeric")]  # fmt: skip
    assert scores == {"accessibility": 1, "best-practices": 1, "seo": 1}, failed
