"""The kiosk at every reference size, in both themes and at 200 % text: accessible, large,
no sideways scrolling; the controls; the glossary dialog; the idle warning and reset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from devtools.chromium import served
from tests.browser.test_read_aloud import wait_for
from tests.browser.test_smoke import AXE_OPTIONS
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT

SCREENS = {"portrait": (1080, 1920), "landscape": (1920, 1080), "laptop": (1366, 768)}
PAGES = [
    "/",
    "/nl/",
    "/nl/kinderpardon",
    "/nl/help",
    "/nl/kinderpardon/print",
    "/ar/",
    "/ar/kinderpardon",
    "/uk/",
    "/uk/kinderpardon",
    "/en/kinderpardon",
]
SETTINGS = {  # (theme, text) -> taps from the default
    ("default", 100): [],
    ("contrast", 100): ["Contrast"],
    ("default", 200): ["Letters: normaal", "Letters: groot"],
    ("contrast", 200): ["Contrast", "Letters: normaal", "Letters: groot"],
}
# Inline targets inside running text (hard words, links) are exempt from the size rule, as in
# WCAG 2.5.5 and 2.5.8: they are as tall as the text around them.
TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), [tabindex]:not([tabindex="-1"])')]
  .filter(e => e.offsetParent !== null && !e.closest('p, li, dd, h1, h2')
               && !e.classList.contains('skip-link'))
  .map(e => {
    const r = e.getBoundingClientRect();
    return [e.textContent.trim().slice(0, 30), r.width, r.height];
  })"""


def tap_settings(page: Page, taps: list[str]) -> None:
    for name in taps:
        page.get_by_role("button", name=name, exact=True).click()
        page.wait_for_timeout(150)


@pytest.fixture
def screen_page(browser: Browser, request) -> Iterator[Page]:
    width, height = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("screen_page", list(SCREENS), indirect=True)
@pytest.mark.parametrize(("theme", "text"), list(SETTINGS))
def test_every_page_in_every_setting(screen_page: Page, live_server: str, theme: str, text: int):
    page = screen_page
    page.goto(live_server + "/nl/")
    tap_settings(page, SETTINGS[(theme, text)])
    assert page.evaluate("document.documentElement.className") == f"text-{text} theme-{theme}"
    width = page.viewport_size["width"]
    for path in PAGES:
        page.goto(live_server + path)
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.documentElement.className") == f"text-{text} theme-{theme}"
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.response["violations"] == [], f"{path}: {results.generate_report()}"
        small = [t for t in page.evaluate(TARGETS) if t[1] < 72 or t[2] < 72]
        assert small == [], f"{path}: targets under 72 px: {small}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        body = page.eval_on_selector("main p", "e => parseFloat(getComputedStyle(e).fontSize)")
        assert body >= 32 * text / 100 - 0.5, path


def test_controls_change_the_page_and_survive_navigation(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    before = page.eval_on_selector("main p", "e => parseFloat(getComputedStyle(e).fontSize)")
    tap_settings(page, ["Letters: normaal"])
    expect(page.get_by_role("button", name="Letters: groot", exact=True)).to_be_visible()
    after = page.eval_on_selector("main p", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert after == pytest.approx(before * 1.5)
    tap_settings(page, ["Contrast"])
    expect(page.get_by_role("button", name="Contrast")).to_have_attribute("aria-pressed", "true")
    assert (
        page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        == "rgb(0, 0, 0)"
    )
    tap_settings(page, ["Harder", "Harder"])
    expect(page.get_by_text("Geluid: 100%")).to_be_visible()
    page.get_by_role("button", name="Voorlezen", exact=True).click()
    wait_for(page, "s && !s.paused")
    assert page.evaluate("window.kiosk.readAloud.audio.volume") == 1
    page.get_by_role("button", name="Stop").click()
    page.get_by_role("link", name="Onderwerpen").first.click()
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    assert page.evaluate("document.documentElement.className") == "text-150 theme-contrast"
    page.reload()  # a full load keeps them too (they are in the session)
    assert page.evaluate("document.documentElement.className") == "text-150 theme-contrast"


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
    tab_to("Kindbruiden")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Bescherming van kindbruiden")
    tab_to("Onderwerpen")
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
