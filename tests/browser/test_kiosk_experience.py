"""The kiosk's controls: settings that change the page and last, help, the keyboard, the
glossary dialog, touch hygiene, the idle warning and reset. (Every screen at every size, theme
and text size is checked in test_layout.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from devtools.chromium import served
from devtools.screens import tap_settings
from tests.browser.test_read_aloud import wait_for
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT


def test_settings_change_the_page_say_their_state_and_last(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    before = page.eval_on_selector("main p", "e => parseFloat(getComputedStyle(e).fontSize)")
    page.locator("[data-nav=settings]").click()
    sheet = page.get_by_role("dialog", name="Instellingen")
    expect(sheet).to_be_visible()
    sheet.get_by_role("button", name="Letters: normaal").click()
    expect(sheet.get_by_role("button", name="Letters: groot", exact=True)).to_be_visible()
    # The new state is said too, in a sentence of its own.
    expect(sheet.locator("#settings-bar")).to_have_attribute(
        "data-speech", re.compile(r"/nl/messages/setting_text_150/speech.json")
    )
    wait_for(page, "s && s.sentences === 1")
    after = page.eval_on_selector("main p", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert after == pytest.approx(before * 1.5)
    sheet.get_by_role("button", name="Contrast").click()
    expect(sheet.get_by_role("button", name="Contrast")).to_have_attribute("aria-pressed", "true")
    assert (
        page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        == "rgb(0, 0, 0)"
    )
    sheet.get_by_role("button", name="Harder").click()
    sheet.get_by_role("button", name="Harder").click()
    expect(sheet.get_by_text("Geluid: 100%")).to_be_visible()
    assert page.url == live_server + "/nl/kinderpardon", "a setting does not change the address"
    sheet.get_by_role("button", name="Sluiten").click()
    expect(sheet).to_be_hidden()
    page.get_by_role("button", name="Voorlezen", exact=True).click()
    wait_for(page, "s && !s.paused && s.sentences > 1")
    assert page.evaluate("window.kiosk.readAloud.audio.volume") == 1
    page.get_by_role("button", name="Stop").click()
    page.get_by_role("link", name="Terug naar Onderwerpen").click()
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    assert page.evaluate("document.documentElement.className") == "text-150 theme-contrast"
    page.reload()  # a full load keeps them too (they are in the session)
    assert page.evaluate("document.documentElement.className") == "text-150 theme-contrast"


def test_a_setting_is_not_said_over_a_text_being_read(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    page.get_by_role("button", name="Voorlezen", exact=True).click()
    wait_for(page, "s && !s.paused && s.sentences > 1")
    tap_settings(page, ["Harder"])
    page.wait_for_timeout(300)
    assert page.evaluate("window.kiosk.readAloud.state().sentences") > 1  # still the topic


def test_settings_answer_in_the_page_language(page: Page, live_server: str):
    page.goto(live_server + "/ar/kinderpardon")
    page.locator("[data-nav=settings]").click()
    sheet = page.locator("#settings-sheet")
    sheet.locator("#settings-bar button").first.click()
    expect(sheet.locator("#settings-bar button").first).to_contain_text("الخط: كبير")
    expect(sheet.locator("#settings-bar")).to_have_attribute(
        "data-speech", re.compile(r"/ar/messages/setting_text_150/speech.json")
    )


def test_help_page_explains_and_can_be_heard(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    page.get_by_role("link", name="Hulp").click()
    expect(page.locator("h1")).to_contain_text("Zo werkt deze informatiezuil.")
    expect(page.get_by_text("Raak een geel woord aan.")).to_be_visible()
    page.get_by_role("button", name="Voorlezen", exact=True).click()
    wait_for(page, "s && !s.paused && s.sentences === 15")


def test_keyboard_only_walk_from_start_to_a_topic_and_back(page: Page, live_server: str):
    page.goto(live_server + "/")

    def tab_to(label: str) -> None:
        for _ in range(40):
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement.textContent.trim()")
            if focused.startswith(label):
                style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert style == "solid", f"no visible focus on {label}"
                return
        raise AssertionError(f"{label} cannot be reached with Tab")

    tab_to("Beginnen")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    tab_to("Kinderpardon")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Kinderpardon en generaal pardon")
    tab_to("Terug")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    tab_to("Start")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Welkom.")


def test_glossary_dialog_takes_and_returns_focus(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    word = page.get_by_role("button", name="Kamerlid")
    word.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Uitleg: Kamerlid")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Sluiten")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(word).to_be_focused()


def test_long_press_menu_and_selection_are_off(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    prevented = page.evaluate(
        "() => !document.querySelector('main p').dispatchEvent("
        "new MouseEvent('contextmenu', {bubbles: true, cancelable: true}))"
    )
    assert prevented
    assert page.evaluate("getComputedStyle(document.body).userSelect") == "none"


@pytest.fixture
def idle_server(make_app: AppMaker) -> Iterator[tuple[str, Flask]]:
    """A kiosk that goes idle after 2 s and warns for 2 s (the real ones: 90 s and 30 s)."""
    app = make_app(BUNDLED_CONTENT, IDLE_SECONDS=2, IDLE_WARNING_SECONDS=2)
    with served(app) as url:
        yield url, app


def test_idle_warning_then_reset_leaves_nothing(browser: Browser, idle_server):
    base, _ = idle_server
    context = browser.new_context(viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    page.goto(base + "/nl/kinderpardon")
    history_at_start = page.evaluate("history.length")
    page.evaluate("localStorage.setItem('left', 'behind'); sessionStorage.setItem('a', 'b')")
    tap_settings(page, ["Contrast", "Letters: normaal", "Zachter"])
    dialog = page.locator("#idle-dialog")
    expect(dialog).to_be_visible(timeout=6000)
    expect(dialog).to_contain_text("Bent u er nog?")
    wait_for(page, "s && s.sentences === 3")  # the question is spoken too
    dialog.get_by_role("button", name="Ja, ik ben er nog").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("h1")).to_contain_text("Kinderpardon")
    # Nobody answers the second time: the kiosk starts again.
    expect(dialog).to_be_visible(timeout=6000)
    page.wait_for_url(base + "/", timeout=8000)
    expect(page.locator("h1")).to_have_text("Welkom.")
    assert page.evaluate("document.documentElement.className") == "text-100 theme-default"
    assert page.evaluate("document.body.dataset.volume") == "0.6"
    assert page.evaluate("localStorage.length") == 0
    # htmx notes the current address (now "/") in sessionStorage; nothing else is there.
    stored = page.evaluate("Object.fromEntries(Object.entries(sessionStorage))")
    assert stored in ({}, {"htmx-current-path-for-history": "/"}), stored
    assert page.evaluate("history.length") == history_at_start
    assert page.evaluate("window.kiosk.readAloud.state()") is None
    context.close()
