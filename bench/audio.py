"""Audio-mode benchmark: from a key press or a touch to the sound of what it says, in headless
Chromium at the kiosk's 1080×1920, where the visitor is.

- Key to sound: Down and Up through the topic cards of /nl/ and through a topic page (cards,
  text read from the topic's own speech, buttons), from the keydown event's time to the
  audio element's `playing` event.
- Touch to sound: a finger on a card, then another (Chromium's own touch input, via CDP),
  from the pointerdown event to `playing`.
- Baseline, in the same run and page: a key whose handler only plays a speech file the page
  has played before (the browser's own floor for starting a sound), so a noisy machine shows
  up in the baseline rather than as a slower kiosk.

The screens' texts are rendered first, as the kiosk does at start-up (every screen made once,
then its texts rendered): the figures are for a kiosk that has started, not for the first
visitor after a new text. Run only these: python -m bench.run audio
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from bench.screen import kiosk_app, percentile
from devtools.chromium import KIOSK_SCREEN, launch, served
from kiosk.services import services_of
from kiosk.speech.spoken_content import speech_request

INDEX, TOPIC = "/nl/", "/nl/kinderpardon"
#: Between two presses: the utterance has started; a visitor listens a moment before the next.
PAUSE_MS = 120

MEASURE = """(() => {
  const bench = { starts: [], armed: null, results: [], waiters: [] };
  window.__audioBench = bench;
  const input = (event) => {
    if (bench.armed && bench.armed.at === null) bench.armed.at = event.timeStamp;
  };
  window.addEventListener("keydown", input, true);
  window.addEventListener("pointerdown", input, true);
  const played = (event) => {
    const armed = bench.armed;
    if (!armed || armed.at === null) return;
    bench.results.push({ kind: armed.kind, ms: event.timeStamp - armed.at });
    bench.armed = null;
    bench.waiters.splice(0).forEach((wake) => wake());
  };
  bench.arm = (kind) => { bench.armed = { kind, at: null }; };
  bench.taken = (count) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`press ${count} made no sound`)), 15000);
    const check = () => {
      if (bench.results.length < count) return bench.waiters.push(check);
      clearTimeout(timer);
      resolve(count);
    };
    check();
  });
  document.addEventListener("DOMContentLoaded", () => {
    const audio = window.kiosk.readAloud.audio;
    audio.addEventListener("playing", played);
    // The baseline: "b" plays the last speech file again with an element of its own.
    const own = new Audio();
    own.addEventListener("playing", played);
    window.addEventListener("keydown", (event) => {
      if (event.key !== "b" || !bench.armed || bench.armed.kind !== "baseline") return;
      event.stopImmediatePropagation();
      own.src = audio.currentSrc || bench.lastSrc;
      own.currentTime = 0;
      own.play();
    }, true);
    audio.addEventListener("playing", () => { bench.lastSrc = audio.currentSrc; });
  });
})();"""


def prepare(app) -> None:
    """Render what the Dutch screens say (as start-up does for every language) and the
    topic's speech, and wait."""
    services = services_of(app)
    content = services.library.current.language("nl")
    said = services.interface_speech() if services.interface_speech else []
    requests = [request for request in said if request.voice == content.language.voice]
    topic = content.topic(TOPIC.rsplit("/", 1)[1])
    requests.append(speech_request(content, topic.spoken_full))
    for future in services.speech.prerender(requests):
        future.result(600)


def press(page: Page, kind: str, act) -> None:
    """Arm the page, act (press a key, touch), wait for the sound, pause a moment."""
    count = page.evaluate("window.__audioBench.results.length")
    page.evaluate("kind => window.__audioBench.arm(kind)", kind)
    act()
    page.evaluate("count => window.__audioBench.taken(count)", count + 1)
    page.wait_for_timeout(PAUSE_MS)


def walk_keys(page: Page, presses: int) -> None:
    """Down through the items and back up, each press followed by a baseline press."""
    for number in range(presses):
        direction = "ArrowDown" if (number // 12) % 2 == 0 else "ArrowUp"
        press(page, "key", lambda direction=direction: page.keyboard.press(direction))
        press(page, "baseline", lambda: page.keyboard.press("b"))


def touch_cards(page: Page, touches: int) -> None:
    """A finger on one shown card, then on another (never the same twice: that would act)."""
    session = page.context.new_cdp_session(page)
    cards = page.locator("#page li:not([hidden]) > a.card")
    boxes = [cards.nth(n).bounding_box() for n in range(min(cards.count(), 4))]
    for number in range(touches):
        box = boxes[number % len(boxes)]
        point = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2, "id": 1}

        def finger(point=point) -> None:
            session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
            session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

        press(page, "touch", finger)


def measure_in(browser: Browser, base: str, presses: int, touches: int) -> dict[str, list[float]]:
    context = browser.new_context(viewport=KIOSK_SCREEN, has_touch=True)
    context.add_init_script(MEASURE)
    page = context.new_page()
    page.goto(base + INDEX)
    press(page, "start", lambda: page.keyboard.press("ArrowDown"))  # audio mode on
    page.wait_for_timeout(4000)  # "Spraak staat aan." and the screen's announcement
    walk_keys(page, presses // 2)
    touch_cards(page, touches)
    results = page.evaluate("window.__audioBench.results")  # a new page starts a new list
    page.goto(base + TOPIC)
    page.wait_for_timeout(3000)
    walk_keys(page, presses - presses // 2)
    results += page.evaluate("window.__audioBench.results")
    context.close()
    times: dict[str, list[float]] = {}
    for entry in results:
        times.setdefault(entry["kind"], []).append(entry["ms"])
    return times


def audio_figures(
    presses: int = 120, touches: int = 100, browser: Browser | None = None
) -> dict[str, float]:
    """Key and touch to sound, p50 and p95, with the baseline, against the kiosk served in a
    thread (in `browser`, or in a Chromium of its own)."""
    work = Path(tempfile.mkdtemp(prefix="bench-audio-"))
    app = kiosk_app(work)
    try:
        prepare(app)
        with served(app, threads=4) as base:
            if browser is not None:
                times = measure_in(browser, base, presses, touches)
            else:
                with sync_playwright() as playwright:
                    own = launch(playwright)
                    try:
                        times = measure_in(own, base, presses, touches)
                    finally:
                        own.close()
    finally:
        services_of(app).close()
    keys, taps, baseline = times["key"], times["touch"], times["baseline"]
    return {
        "key_to_sound_p50_ms": statistics.median(keys),
        "key_to_sound_p95_ms": percentile(keys, 0.95),
        "touch_to_sound_p50_ms": statistics.median(taps),
        "touch_to_sound_p95_ms": percentile(taps, 0.95),
        "sound_baseline_ms": statistics.median(baseline),
        "sound_baseline_p95_ms": percentile(baseline, 0.95),
        "key_to_sound_vs_baseline": statistics.median(keys) / statistics.median(baseline),
        "audio_presses": len(keys),
        "audio_touches": len(taps),
    }


if __name__ == "__main__":
    for name, value in audio_figures().items():
        print(f"{name:28} {value:10.2f}")
