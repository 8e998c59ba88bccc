"""Audio mode in Debian's Chromium: the whole kiosk with keys only, touch to hear, the idle
warning and reset, speech that fails, and nothing changed for a visitor who does not use it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from devtools.chromium import KIOSK_SCREEN, served
from kiosk.ui.audio_mode import Spoken
from kiosk.ui.messages import message
from kiosk.ui.translation import translate
from tests.browser.audio_walk import hear, press_until, probe, state, until
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "ar": "العربية"}


def words(lang: str, text: str) -> str:
    return translate(lang, text)


def first_sentence(lang: str, name: str) -> str:
    return (message(lang, name) or ("",))[0]


def test_the_examples_are_said_in_these_words():
    spoken = Spoken("nl")
    assert spoken.card(4, 10, "Kinderpardon", "Standpunt van de PvdA") == (
        "Onderwerp 4 van 10. Kinderpardon. Standpunt van de PvdA."
    )
    assert spoken.button("Printen") == "Knop. Printen."
    assert spoken.button("Letters: groot") == "Knop. Letters: groot."
    assert spoken.button("Contrast", pressed=True) == "Knop. Contrast. Staat aan."


@pytest.mark.parametrize("lang", ["en", "ar", "nl"])
def test_the_whole_kiosk_with_keys_only(page: Page, live_server: str, print_folder, lang: str):
    spoken = Spoken(lang)
    page.goto(live_server + "/")
    probe(page)
    assert not state(page)["on"]

    # Any arrow key starts audio mode; the start screen then announces itself.
    page.keyboard.press("ArrowDown")
    hear(page, "Spraak staat aan.")
    hear(page, "Welkom.")

    # Choose the language: its name is said in its own voice.
    press_until(page, "ArrowDown", LANGUAGE_NAMES[lang])
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/{lang}/")
    probe(page)
    assert state(page)["on"], "audio mode stays on on the new page"
    topics = words(lang, "Onderwerpen")
    hear(page, f"{topics}.")
    assert page.locator("[data-audio-caption]").is_visible()

    # A topic from the cards: role, name, whose position and place in the list.
    card = press_until(page, "ArrowDown", spoken.card(4, 10, "", "").split(".")[0])
    assert card["current"]["tag"] == "A"
    assert page.locator(".card.is-audio-focus .card__title").inner_text() in card["caption"]
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/{lang}/kinderpardon")
    hear(page, words(lang, "Druk op pijl omlaag om de tekst te horen."))

    # Listen: the summary is read with the read-along; Right goes a sentence on, Enter pauses.
    press_until(page, "ArrowDown", spoken.button(words(lang, "Voorlezen")))
    page.keyboard.press("Enter")
    reading = until(
        page,
        lambda s: page.evaluate("Boolean(kiosk.readAloud.state() && kiosk.readAloud.state().text)"),
        "the summary to be read",
    )
    title = page.locator("h1").inner_text().strip()
    hear(page, title)
    assert page.locator("h1 .s.is-current").count() == 1, "the title is highlighted while spoken"
    page.keyboard.press("ArrowRight")
    until(
        page,
        lambda s: (
            s["caption"] != title
            and page.evaluate("kiosk.readAloud.state() && kiosk.readAloud.state().current") == 1
        ),
        "the next sentence",
    )
    page.keyboard.press("Enter")
    until(page, lambda s: page.evaluate("kiosk.readAloud.audio.paused"), "the reading to pause")
    page.keyboard.press("Enter")
    until(page, lambda s: not page.evaluate("kiosk.readAloud.audio.paused"), "the reading to go on")
    assert reading["on"]

    # A hard word: its button in the text, then its explanation in a sheet, Back closes it.
    term = page.locator(".lead .term").first.inner_text().strip()
    press_until(page, "ArrowUp", spoken.term(term))
    page.keyboard.press("Enter")
    expect(page.locator(".term-popover:popover-open")).to_have_count(1)
    hear(page, term)
    page.keyboard.press("Escape")
    expect(page.locator(".term-popover:popover-open")).to_have_count(0)
    # the highlight comes back on the word once the sheet has closed (a moment under load)
    until(page, lambda s: (s["current"] or {}).get("text") == term, "the highlight on the word")

    # Print, confirm, and hear the print status to the end.
    press_until(page, "ArrowDown", spoken.button(words(lang, "Printen")))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/{lang}/kinderpardon/print")
    hear(page, words(lang, "Druk op pijl omlaag om te kiezen."))
    press_until(page, "ArrowDown", spoken.button(words(lang, "Ja, printen")))
    printed_before = len(list(print_folder.glob("*.pdf")))
    page.keyboard.press("Enter")
    hear(page, message(lang, "print_done")[1], seconds=0.5)  # "Pak uw folder uit de printer."
    assert len(list(print_folder.glob("*.pdf"))) == printed_before + 1

    # Back to the start: seen before, so the short announcement.
    press_until(page, "ArrowDown", spoken.button(words(lang, "Naar het begin")))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/")
    found = hear(page, "Welkom.")
    assert found["on"]


def test_help_in_layers_volume_and_repeat(page: Page, live_server: str):
    page.goto(live_server + "/nl/")
    probe(page)
    page.keyboard.press("F1")  # Help starts audio mode
    hear(page, "Spraak staat aan.")
    page.keyboard.press("F1")
    hear(page, first_sentence("nl", "audio_help_index"))
    page.keyboard.press("F1")
    hear(page, first_sentence("nl", "audio_help_keys"))
    page.keyboard.press("F1")
    hear(page, first_sentence("nl", "audio_help_leave"))

    # Louder says the new level at the new volume; softer never goes below the floor.
    page.keyboard.press("NumpadAdd")
    found = hear(page, "Geluid: 80 procent.")
    assert page.evaluate("document.body.dataset.volume") == "0.8"
    expect(page.locator("[data-audio-caption]")).to_be_visible()  # a setting keeps audio mode
    for _ in range(6):
        page.keyboard.press("NumpadSubtract")
        page.wait_for_timeout(300)
    hear(page, "Geluid: 20 procent.")
    assert page.evaluate("kiosk.readAloud.audio.volume") == pytest.approx(0.2)

    # The first card, then repeat says it again; at the top of the list a tone and the words.
    press_until(page, "ArrowDown", "Onderwerp 1 van 10.")
    page.keyboard.press("F2")
    hear(page, "Onderwerp 1 van 10.")
    page.keyboard.press("ArrowUp")
    found = hear(page, "Begin van de lijst.")
    assert "edge" in page.evaluate("kiosk.audioMode.tones")
    assert found["current"]["say"].startswith("Onderwerp 1 van 10."), "the highlight stays"

    # Every key stops the speech at once.
    page.keyboard.press("F1")
    until(page, lambda s: not page.evaluate("kiosk.readAloud.audio.paused"), "help to play")
    page.keyboard.press("x")
    assert page.evaluate("kiosk.readAloud.audio.paused")


def test_cards_out_of_view_are_reached_and_shown(page: Page, live_server: str):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(live_server + "/nl/")
    probe(page)
    page.keyboard.press("ArrowDown")
    hear(page, "Spraak staat aan.")
    found = press_until(page, "ArrowDown", "Onderwerp 10 van 10.")
    assert found["current"]["tag"] == "A"
    expect(page.locator(".card.is-audio-focus")).to_be_visible()
    expect(page.locator(".card.is-audio-focus")).to_be_in_viewport()


_touch_sessions: dict[int, object] = {}


def touch(page: Page, kind: str, x: float, y: float) -> None:
    """A finger on the screen, through Chromium's own input pipeline (touch, pointer and click
    events as from a touchscreen)."""
    session = _touch_sessions.setdefault(id(page), page.context.new_cdp_session(page))
    points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]
    session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def centre(page: Page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).bounding_box()
    assert box, selector
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


@pytest.fixture
def touch_page(browser: Browser, console_errors: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport=KIOSK_SCREEN, has_touch=True)
    page = context.new_page()
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    yield page
    context.close()
    assert console_errors == []


def test_touch_to_hear(touch_page: Page, live_server: str):
    page = touch_page
    page.goto(live_server + "/nl/")
    probe(page)
    # Holding a finger still for two seconds starts audio mode, and opens nothing.
    x, y = centre(page, ".cards li:nth-child(2) .card")
    touch(page, "touchStart", x, y)
    page.wait_for_timeout(2300)
    touch(page, "touchEnd", x, y)
    hear(page, "Spraak staat aan.")
    assert page.url == live_server + "/nl/"

    # Touching the third card speaks it and opens nothing.
    x, y = centre(page, ".cards li:nth-child(3) .card")
    touch(page, "touchStart", x, y)
    touch(page, "touchEnd", x, y)
    hear(page, "Onderwerp 3 van 10.")
    page.wait_for_timeout(400)
    assert page.url == live_server + "/nl/"
    expect(page.locator(".cards li:nth-child(3) .card")).to_have_class(re.compile("is-audio-focus"))

    # Sliding over three cards speaks each in turn.
    page.evaluate("window.__captions.length = 0")
    points = [centre(page, f".cards li:nth-child({n}) .card") for n in (1, 2, 3)]
    touch(page, "touchStart", *points[0])
    for point in points[1:]:
        page.wait_for_timeout(700)
        touch(page, "touchMove", *point)
    page.wait_for_timeout(700)
    touch(page, "touchEnd", *points[-1])
    captions = page.evaluate("window.__captions")
    said = [n for n in (1, 2, 3) if any(c.startswith(f"Onderwerp {n} van 10.") for c in captions)]
    assert said == [1, 2, 3], captions
    hear(page, "Onderwerp 3 van 10.")
    assert page.url == live_server + "/nl/"

    # A second tap on the same card within three seconds opens it.
    x, y = points[-1]
    touch(page, "touchStart", x, y)
    touch(page, "touchEnd", x, y)
    page.wait_for_url(re.compile(r"/nl/afspraken-met-afrika$"))
    hear(page, "Druk op pijl omlaag om de tekst te horen.")


@pytest.fixture
def idle_audio_server(make_app: AppMaker) -> Iterator[str]:
    app = make_app(BUNDLED_CONTENT, IDLE_SECONDS=4, IDLE_WARNING_SECONDS=4)
    with served(app) as url:
        yield url


def test_idle_warning_is_spoken_a_key_keeps_and_the_reset_ends_audio_mode(
    page: Page, idle_audio_server: str
):
    page.goto(idle_audio_server + "/nl/kinderpardon")
    probe(page)
    page.keyboard.press("ArrowDown")
    hear(page, "Spraak staat aan.")
    page.keyboard.press("NumpadAdd")
    hear(page, "Geluid: 80 procent.")
    dialog = page.locator("#idle-dialog")
    expect(dialog).to_be_visible(timeout=10_000)
    hear(page, "Bent u er nog?")
    page.keyboard.press("ArrowLeft")  # any key answers
    expect(dialog).to_be_hidden()
    assert page.url.endswith("/nl/kinderpardon") and state(page)["on"]
    # Nobody answers the next time: the kiosk starts again, without audio mode, at the default
    # volume.
    expect(dialog).to_be_visible(timeout=10_000)
    page.wait_for_url(idle_audio_server + "/", timeout=15_000)
    probe(page)
    found = state(page)
    assert not found["on"]
    assert not page.locator("[data-audio-caption]").is_visible()
    assert page.evaluate("document.body.dataset.volume") == page.evaluate(
        "document.body.dataset.defaultVolume"
    )


def test_audio_mode_alone_is_reason_enough_for_the_idle_reset(page: Page, idle_audio_server: str):
    page.goto(idle_audio_server + "/")
    probe(page)
    page.keyboard.press("ArrowDown")
    hear(page, "Spraak staat aan.")
    # On the start screen with every setting at its default, only audio mode is left to reset.
    # (Speech that plays counts as use: the hint and the announcement take some 15 s.)
    expect(page.locator("#idle-dialog")).to_be_visible(timeout=40_000)
    until(page, lambda s: not s["on"], "the reset to end audio mode", timeout=20)


@pytest.fixture
def speechless_server(make_app: AppMaker, tmp_path) -> Iterator[tuple[str, Flask]]:
    """A kiosk whose speech engine cannot be loaded (and nothing rendered yet)."""
    app = make_app(
        BUNDLED_CONTENT, SPEECH_LIBRARY="libespeak-ng-gone.so.1", SPEECH_CACHE_DIR=str(tmp_path)
    )
    with served(app) as url:
        yield url, app


def test_when_speech_fails_a_tone_and_the_caption_say_so(
    page: Page, speechless_server, console_errors: list[str]
):
    url, app = speechless_server
    page.goto(url + "/nl/")
    probe(page)
    page.keyboard.press("ArrowDown")
    unavailable = first_sentence("nl", "speech_unavailable")
    until(page, lambda s: unavailable in s["caption"], "the caption to say speech failed")
    page.keyboard.press("ArrowDown")
    found = until(
        page,
        lambda s: s["caption"].startswith("Onderwerp 1 van 10.") and unavailable in s["caption"],
        "the item and the failure in the caption",
    )
    assert page.evaluate("kiosk.audioMode.tones").count("error") >= 2
    assert found["current"]["say"].startswith("Onderwerp 1 van 10."), "the highlight still moves"
    health = page.request.get(url + "/healthz").json()
    assert "libespeak-ng-gone" in str(health["speech"]), health
    console_errors[:] = [e for e in console_errors if "503" not in e]  # the refused speech


def test_without_audio_mode_keys_and_taps_act_as_before(page: Page, live_server: str):
    page.goto(live_server + "/nl/")
    probe(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert not state(page)["on"], "Tab alone does not start audio mode"
    assert page.evaluate("document.activeElement.tagName") in ("A", "BUTTON")
    page.locator(".cards li:nth-child(2) .card").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/nl/de-deal-met-turkije$"))
    assert not state(page)["on"]
    assert page.evaluate("kiosk.readAloud.audio.paused"), "nothing speaks by itself"
    page.get_by_role("link", name="Terug naar Onderwerpen").click()  # a tap acts at once
    page.wait_for_url(live_server + "/nl/")
    assert not page.locator("[data-audio-caption]").is_visible()


def test_a_screen_in_another_language_brings_its_language_and_direction(
    page: Page, live_server: str
):
    page.goto(live_server + "/ar/kinderpardon")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    page.locator("[data-nav=home]").click()  # htmx swaps in the Dutch start screen
    page.wait_for_url(live_server + "/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    assert page.evaluate("document.documentElement.lang") == "nl"
    audio_words = page.evaluate("JSON.parse(document.body.dataset.audio).messages.audio_on_keys")
    assert audio_words.startswith("/nl/"), "audio mode speaks the new screen's language"
