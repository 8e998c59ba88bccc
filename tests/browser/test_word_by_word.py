"""'Woord voor woord' in Chromium: with the toggle on, a tap on a word says just that word
(checked from the speech JSON the player loaded, and the audio it played)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from bench.reading import speech_of
from kiosk.ui.audio_mode import Spoken
from tests.browser.audio_walk import hear, press_until, probe
from tests.browser.test_read_aloud import wait_for

#: The middle of the first occurrence of a word inside an element (the page's own Range).
WORD_CENTRE = """([selector, word]) => {
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.search(new RegExp(`(^|[^\\\\p{L}])${word}([^\\\\p{L}]|$)`, "u"));
      if (at < 0) continue;
      const start = node.data.indexOf(word, at);
      const range = new Range();
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
  }
  return null;
}"""


def tap_word(page: Page, selector: str, word: str) -> dict:
    """Tap a word; the speech JSON the player then loaded."""
    point = page.evaluate(WORD_CENTRE, [selector, word])
    assert point, f"{word!r} is not on the screen"
    with page.expect_response(lambda r: "/word/speech.json" in r.url) as answer:
        page.mouse.click(point["x"], point["y"])
    return answer.value.json()


def test_a_tapped_word_is_said_alone(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    toggle = page.get_by_role("button", name="Woord voor woord")
    with page.expect_response(lambda r: r.url.endswith("/nl/kinderpardon/words.json")):
        toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    for word in ("Hierdoor", "kinderen", "27.000"):
        speech = tap_word(page, ".topic__text, .key-points", word)
        assert [sentence["text"] for sentence in speech["sentences"]] == [word]
        wait_for(page, "s === null || s.time > 0", timeout=10_000)
        played = page.evaluate("window.kiosk.readAloud.audio.currentSrc")
        assert played.endswith(speech["audio"]), (played, speech["audio"])
    # A hard word is said, and its explanation opens as always.
    speech = tap_word(page, ".lead", "PvdA")
    assert speech["sentences"][0]["text"] == "PvdA"
    expect(page.locator(".term-popover:popover-open")).to_have_count(1)


def test_without_the_toggle_a_tap_says_no_word(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    point = page.evaluate(WORD_CENTRE, [".topic__text", "Hierdoor"])
    page.mouse.click(point["x"], point["y"])
    page.wait_for_timeout(500)
    assert not [url for url in asked if "/word/" in url or "words.json" in url]


def test_only_the_topics_own_words_are_said(page: Page, live_server: str):
    made_up = page.request.get(live_server + "/nl/kinderpardon/word/speech.json?text=Amsterdam")
    assert made_up.status == 404
    own = page.request.get(live_server + "/nl/kinderpardon/word/speech.json?text=kinderpardon")
    assert own.status in (200, 503)  # 503: the voice is busy, try again


def test_in_audio_mode_left_and_right_go_by_word_when_asked(page: Page, live_server: str):
    page.goto(live_server + "/nl/kinderpardon")
    page.get_by_role("button", name="Woord voor woord").click()
    probe(page)
    page.keyboard.press("ArrowDown")  # audio mode on
    hear(page, "Spraak staat aan.")
    press_until(page, "ArrowDown", Spoken("nl").button("Alles voorlezen"))
    page.keyboard.press("Enter")
    wait_for(page, "s && s.text && !s.paused && s.time > 1", timeout=20_000)
    starts = [w[1] for s in speech_of(live_server, "nl")["sentences"] for w in s["words"]]
    sentence_starts = [s["start"] for s in speech_of(live_server, "nl")["sentences"]]
    before = page.evaluate("window.kiosk.readAloud.audio.currentTime")
    page.keyboard.press("ArrowRight")
    after = page.evaluate("window.kiosk.readAloud.audio.currentTime")
    target = min(start for start in starts if start > before + 0.001)
    assert target <= after < target + 0.3, (before, after, target)
    assert after < min(s for s in sentence_starts if s > before) or target in sentence_starts
