"""Printing in a real browser: ask once, print, follow the job; the state is read aloud."""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.test_read_aloud import wait_for
from tests.browser.test_smoke import AXE_OPTIONS


def test_print_from_topic_to_done_and_spoken(page: Page, live_server: str, print_folder: Path):
    page.goto(live_server + "/nl/integratie-en-werk")
    page.get_by_role("link", name="Printen").click()
    expect(page.locator("h1")).to_have_text("Folder printen")
    expect(page.get_by_text("Wilt u deze folder printen?")).to_be_visible()
    expect(page.get_by_role("img", name="Voorbeeld: de eerste pagina")).to_be_visible()
    assert Axe().run(page, options=AXE_OPTIONS).response["violations"] == []
    before = len(list(print_folder.glob("*.pdf")))
    page.get_by_role("button", name="Ja, printen").click()
    expect(page.locator("#print-status")).to_contain_text("Pak uw folder uit de printer.")
    wait_for(page, "s && s.sentences === 2")  # "Klaar. Pak uw folder uit de printer." is spoken
    assert len(list(print_folder.glob("*.pdf"))) == before + 1
    assert Axe().run(page, options=AXE_OPTIONS).response["violations"] == []


def test_no_is_a_way_back(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon/print")
    page.get_by_role("link", name="Nee, terug").click()
    expect(page.locator("h1")).to_have_text("Kinderpardon en generaal pardon")
