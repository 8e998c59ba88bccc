"""The kiosk in a real browser: accessible, large, navigable by touch, keyboard and without JS."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from devtools.chromium import KIOSK_SCREEN

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    # AAA contrast (7:1) on top of the AA rules.
    "rules": {"color-contrast-enhanced": {"enabled": True}},
    "resultTypes": ["violations"],
}
PAGES = ["/", "/nl/", "/nl/kinderpardon", "/nl/rechtshulp-en-opvang", "/nl/bestaat-niet"]

axe = Axe()


def computed_px(page: Page, selector: str, prop: str) -> float:
    return page.eval_on_selector(selector, f"e => parseFloat(getComputedStyle(e).{prop})")


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(page: Page, live_server: str, path: str, console_errors: list[str]):
    response = page.goto(live_server + path)
    if response.status == 404:
        assert console_errors == [
            "Failed to load resource: the server responded with a status of 404 (NOT FOUND)"
        ]
        console_errors.clear()
    page.evaluate("document.fonts.ready")
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.response["violations"] == [], results.generate_report()
    ran = {rule["id"] for rule in results.response["passes"]}
    assert {"color-contrast-enhanced", "html-has-lang", "target-size"} <= ran


def test_axe_finds_a_planted_violation(page: Page, live_server: str):
    """The audit really runs: low-contrast text planted on the page is reported."""
    page.goto(live_server + "/nl/")
    page.evaluate(
        "() => { const p = document.createElement('p'); p.textContent = 'grijs';"
        " p.style.color = '#8a8a8a'; document.querySelector('main').prepend(p); }"
    )
    results = axe.run(page, options=AXE_OPTIONS)
    assert "color-contrast-enhanced" in {v["id"] for v in results.response["violations"]}


@pytest.mark.parametrize("path", ["/nl/", "/nl/kinderpardon"])
def test_text_and_targets_are_large_enough(page: Page, live_server: str, path: str):
    page.goto(live_server + path)
    assert computed_px(page, "main p", "fontSize") >= 32
    assert computed_px(page, "h1", "fontSize") >= 48
    sizes = page.eval_on_selector_all(
        "a.nav-button, a.card, a.big-link",
        "els => els.filter(e => e.checkVisibility())"
        ".map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })",
    )
    assert sizes, "no touch targets found"
    for width, height in sizes:
        assert width >= 72 and height >= 72
    nav = page.eval_on_selector_all(
        "a.nav-button, a.big-link",
        "els => els.filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect().height)",
    )
    assert min(nav) >= 96  # main actions: at least 96 px high
    assert page.evaluate("document.documentElement.scrollWidth") <= KIOSK_SCREEN["width"]


CHARACTERS_PER_LINE = """els => {
  let longest = 0;
  for (const el of els) {
    const lines = new Map();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) lines.set(Math.round(rect.bottom), (lines.get(Math.round(rect.bottom)) || 0) + 1);
      }
    }
    for (const count of lines.values()) longest = Math.max(longest, count);
  }
  return longest;
}"""


@pytest.mark.parametrize("width", [1080, 1920])
def test_lines_are_at_most_60_characters(page: Page, live_server: str, width: int):
    page.set_viewport_size({"width": width, "height": 1080})
    page.goto(live_server + "/nl/rechtshulp-en-opvang")
    page.evaluate("document.fonts.ready")
    longest = page.eval_on_selector_all(".topic p, .topic li, .topic dd", CHARACTERS_PER_LINE)
    assert 40 <= longest <= 60


def test_tapping_through_uses_htmx_and_moves_focus(page: Page, live_server: str):
    page.goto(live_server + "/")
    page.evaluate("window.__samePage = true")
    history_at_start = page.evaluate("history.length")
    page.get_by_role("link", name="Beginnen").click()
    expect(page).to_have_url(live_server + "/nl/")
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    page.get_by_role("link", name="Kinderpardon").click()
    expect(page).to_have_url(live_server + "/nl/kinderpardon")
    expect(page.locator("h1")).to_have_text("Kinderpardon en generaal pardon")
    expect(page).to_have_title("Kinderpardon en generaal pardon · Informatiezuil")
    expect(page.locator("h1")).to_be_focused()
    assert page.evaluate("window.__samePage") is True  # swapped by htmx, not reloaded
    expect(page.get_by_role("button", name="Voorlezen", exact=True)).to_be_visible()
    page.get_by_role("link", name="Terug naar Onderwerpen").click()
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    expect(page).to_have_url(live_server + "/nl/")
    # Each step replaces the address instead of adding to the history: nothing to go back to.
    assert page.evaluate("history.length") == history_at_start


def test_hard_word_explanation_opens_and_closes(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    explanation = page.locator("#uitleg-kamerlid")
    expect(explanation).to_be_hidden()
    page.get_by_role("button", name="Kamerlid").click()
    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("Lid van de Tweede Kamer")
    explanation.get_by_role("button", name="Sluiten").click()
    expect(explanation).to_be_hidden()
    page.get_by_role("button", name="Kamerlid").focus()
    page.keyboard.press("Enter")
    expect(explanation).to_be_visible()
    page.keyboard.press("Escape")
    expect(explanation).to_be_hidden()


def test_keyboard_alone_reaches_a_topic(page: Page, live_server: str):
    page.goto(live_server + "/nl/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip().startswith("Kinderpardon"):
            break
    else:
        raise AssertionError("the Kinderpardon card cannot be reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Kinderpardon en generaal pardon")


def test_works_without_javascript(browser: Browser, live_server: str):
    context = browser.new_context(viewport=KIOSK_SCREEN, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.get_by_role("link", name="Beginnen").click()
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    page.get_by_role("link", name="Integratie en werk").click()
    expect(page.locator("h1")).to_have_text("Integratie en werk")
    page.get_by_role("button", name="nieuwkomer").click()  # popover needs no script
    expect(page.locator("#uitleg-nieuwkomer")).to_be_visible()
    context.close()
