"""Read aloud in a real browser: audio plays, the highlight follows, every control works."""

from __future__ import annotations

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.test_smoke import AXE_OPTIONS


def state(page: Page) -> dict:
    return page.evaluate("window.kiosk.readAloud.state()")


def wait_for(page: Page, condition: str, timeout: float = 10_000) -> None:
    """Poll the player's state until `condition` (JavaScript, on `s`) holds. Polled from
    Python: the page's Content-Security-Policy forbids evaluating strings inside it."""
    check = f"() => {{ const s = window.kiosk.readAloud.state(); return Boolean({condition}); }}"
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(check):
        assert time.monotonic() < deadline, f"timed out waiting for {condition}: {state(page)}"
        page.wait_for_timeout(50)


@pytest.fixture
def reading(page: Page, live_server: str) -> Page:
    page.goto(live_server + "/nl/kinderpardon")
    page.get_by_role("button", name="Alles voorlezen").click()
    wait_for(page, "s && !s.paused && s.time > 0.2")
    return page


def current_highlight(page: Page) -> set[str]:
    return set(page.eval_on_selector_all(".s.is-current", "els => els.map(e => e.dataset.s)"))


def test_listen_plays_and_the_highlight_follows_the_voice(reading: Page):
    page = reading
    assert state(page)["sentences"] == 26
    assert current_highlight(page) == {str(state(page)["current"])}
    expect(page.locator("#player-bar")).to_be_visible()
    wait_for(page, "s.current >= 1", timeout=15_000)  # the title takes about 2.6 s
    assert current_highlight(page) == {str(state(page)["current"])}
    first = page.locator('.s[data-s="1"]').first
    assert first.evaluate("e => e.classList.contains('is-current')") == (
        state(page)["current"] == 1
    )


def test_pause_and_continue(reading: Page):
    page = reading
    page.get_by_role("button", name="Pauze").click()
    expect(page.get_by_role("button", name="Verder")).to_be_visible()
    paused_at = state(page)["time"]
    page.wait_for_timeout(500)
    assert state(page)["paused"] and state(page)["time"] == paused_at
    page.get_by_role("button", name="Verder").click()
    wait_for(page, f"!s.paused && s.time > {paused_at + 0.2}")


def test_next_previous_and_repeat_sentence(reading: Page):
    page = reading
    for expected in (1, 2, 3):
        page.get_by_role("button", name="Volgende zin").click()
        wait_for(page, f"s.current === {expected}")
        assert current_highlight(page) == {str(expected)}
        assert state(page)["time"] >= state(page)["start"]
    page.get_by_role("button", name="Vorige zin").click()
    wait_for(page, "s.current === 2")
    page.wait_for_timeout(600)
    page.get_by_role("button", name="Zin opnieuw").click()
    wait_for(page, "s.current === 2 && s.time - s.start < 0.4")


def test_speed_changes_and_keeps_playing(reading: Page):
    page = reading
    page.get_by_role("button", name="Sneller", exact=True).click()
    wait_for(page, "s.rate === 1.25 && !s.paused")
    expect(page.get_by_role("button", name="Sneller", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.get_by_role("button", name="Normaal", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    assert page.evaluate("window.kiosk.readAloud.audio.preservesPitch") is True
    page.get_by_role("button", name="Langzamer").click()
    wait_for(page, "s.rate === 0.75")


def test_tapping_a_sentence_reads_from_there(reading: Page):
    page = reading
    page.locator('.s[data-s="20"]').first.click()
    wait_for(page, "s.current === 20")
    assert current_highlight(page) == {"20"}
    in_view = (
        "e => e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().bottom <= innerHeight"
    )
    assert page.locator('.s[data-s="20"]').first.evaluate(in_view)


def test_stop_and_navigation_end_the_speech(reading: Page):
    page = reading
    page.get_by_role("button", name="Stop").click()
    expect(page.locator("#player-bar")).to_be_hidden()
    assert state(page) is None and current_highlight(page) == set()
    page.get_by_role("button", name="Voorlezen", exact=True).click()
    wait_for(page, "s && !s.paused")
    page.get_by_role("link", name="Terug naar Onderwerpen").click()
    expect(page.locator("h1")).to_have_text("Onderwerpen")
    assert state(page) is None
    assert page.evaluate("window.kiosk.readAloud.audio.paused") is True
    expect(page.locator("#player-bar")).to_be_hidden()


def test_glossary_word_is_read_in_its_explanation(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    page.get_by_role("button", name="Kamerlid").click()
    popover = page.locator("#uitleg-kamerlid")
    popover.get_by_role("button", name="Voorlezen").click()
    wait_for(page, "s && !s.paused && s.sentences === 3")
    expect(page.locator("#player-bar")).to_be_hidden()  # the explanation has its own button
    popover.get_by_role("button", name="Sluiten").click()
    wait_for(page, "s === null")


def test_playing_page_has_no_accessibility_violations(reading: Page):
    page = reading
    page.get_by_role("button", name="Pauze").click()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.response["violations"] == [], results.generate_report()
