"""Reading-support benchmark, in headless Chromium at the kiosk's 1080×1920, where the visitor
reads along: how closely the word marked on the screen follows the voice, and how soon a
tapped word sounds in "Woord voor woord".

While a topic is read aloud (Dutch and Arabic, normal and slow speed), every few frames the
page notes the audio's own clock and the word it marks; the error of a sample is how far
that clock lies outside the marked word's time in the speech JSON (0 inside it). Baseline,
in the same samples: the same error for the sentence highlight, which has followed the voice
since the start, so the ratio shows what the word mark adds on a noisy machine.
"Woord voor woord": once the topic's words are rendered (turning the toggle on asks for
that), each visible word is tapped once, from pointerdown to the audio's `playing`; baseline,
in the same page: the same word tapped again (its speech JSON and audio already loaded).
Run only these: python -m bench.run reading
"""

from __future__ import annotations

import json
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from bench.screen import kiosk_app, percentile
from devtools.chromium import KIOSK_SCREEN, launch, served
from kiosk.services import services_of
from kiosk.speech.spoken_content import speech_request, word_requests

SLUG = "kinderpardon"
LISTEN = {"nl": "Alles voorlezen", "ar": "استمع إلى الكل"}

#: Every few frames, while the audio plays: the audio's clock, the word and sentence marked.
SAMPLE_MARKS = """async ({ count, every }) => {
  const audio = window.kiosk.readAloud.audio;
  const samples = [];
  let frame = 0;
  while (samples.length < count && !audio.paused) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    frame += 1;
    if (frame % every) continue;
    const state = window.kiosk.readAloud.state();
    samples.push({ time: audio.currentTime, word: window.kiosk.wordMarks.marked(),
                   sentence: state ? state.current : -1 });
  }
  return samples;
}"""


#: pointerdown → the audio's `playing`, per tap (installed before the page's scripts).
MEASURE_TAPS = """(() => {
  const taps = { at: null, times: [] };
  window.__taps = taps;
  window.addEventListener("pointerdown", (event) => { taps.at = event.timeStamp; }, true);
  document.addEventListener("DOMContentLoaded", () => {
    window.kiosk.readAloud.audio.addEventListener("playing", (event) => {
      if (taps.at !== null) taps.times.push(event.timeStamp - taps.at);
      taps.at = null;
    });
  });
})();"""

#: The centre of the first place each word of the topic's text is shown, if on the screen.
VISIBLE_WORDS = """(sentences) => {
  const region = document.querySelector("article[data-speech]");
  const seen = new Set();
  const points = [];
  sentences.forEach((words, index) => {
    const ranges = window.kiosk.wordMarks.ranges(region, index, words.map((word) => [word]));
    ranges.forEach((range, n) => {
      if (!range || seen.has(words[n])) return;
      const box = range.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const parent = range.startContainer.parentElement;
      if (box.width < 8 || parent.closest("button, a")) return;  // a hard word opens
      if (!parent.contains(document.elementFromPoint(x, y))) return;  // off or under a bar
      seen.add(words[n]);
      points.push({ word: words[n], x, y });
    });
  });
  return points;
}"""


def word_error(time: float, marked: str | None, words: list[list]) -> float:
    """Seconds between `time` and the marked word's time (0 inside it). No word marked while
    one is heard: the time since it began; a word marked that the speech does not have: 1 s."""
    if marked is None:
        heard = [time - start for _, start, end in words if start <= time < end]
        return heard[0] if heard else 0.0
    distances = [max(start - time, time - end, 0.0) for text, start, end in words if text == marked]
    return min(distances, default=1.0)


def sentence_error(time: float, index: int, sentences: list[dict]) -> float:
    """The same for the sentence highlight."""
    if not 0 <= index < len(sentences):
        return 1.0
    sentence = sentences[index]
    return max(sentence["start"] - time, time - sentence["end"], 0.0)


def speech_of(base: str, lang: str, slug: str = SLUG) -> dict:
    with urllib.request.urlopen(f"{base}/{lang}/{slug}/speech.json?part=full") as response:
        return json.load(response)


def read_along(page: Page, base: str, lang: str, slow: bool, count: int, every: int = 3) -> list:
    """Start reading the topic aloud and take `count` samples."""
    page.goto(f"{base}/{lang}/{SLUG}")
    page.locator(".action-row").get_by_role("button", name=LISTEN[lang]).click()
    while not page.evaluate("(window.kiosk.readAloud.state() || {}).time > 0.1"):
        page.wait_for_timeout(20)  # polled from here: the page's CSP forbids eval
    if slow:
        page.locator("#player-bar [data-speed='0.75']").click()
    return page.evaluate(SAMPLE_MARKS, {"count": count, "every": every})


def errors_in(browser: Browser, base: str, samples: int) -> tuple[list[float], list[float]]:
    """Word and sentence errors (seconds) over every language and speed measured."""
    words_off: list[float] = []
    sentences_off: list[float] = []
    page = browser.new_page(viewport=KIOSK_SCREEN)
    for lang, slow in (("nl", False), ("ar", False), ("nl", True)):
        speech = speech_of(base, lang)
        words = [word for sentence in speech["sentences"] for word in sentence["words"]]
        for sample in read_along(page, base, lang, slow, samples):
            words_off.append(word_error(sample["time"], sample["word"], words))
            sentences_off.append(
                sentence_error(sample["time"], sample["sentence"], speech["sentences"])
            )
    page.close()
    return words_off, sentences_off


def tap_times(browser: Browser, base: str, taps: int) -> tuple[list[float], list[float]]:
    """First taps on distinct words, and the same words tapped again (the baseline), in ms."""
    context = browser.new_context(viewport=KIOSK_SCREEN)
    context.add_init_script(MEASURE_TAPS)
    page = context.new_page()
    page.goto(f"{base}/nl/{SLUG}")
    with urllib.request.urlopen(f"{base}/nl/{SLUG}/words.json") as response:
        sentences = json.load(response)["sentences"]
    page.locator("[data-word-mode]").click()
    first, again = [], []
    for point in page.evaluate(VISIBLE_WORDS, sentences)[:taps]:
        for times in (first, again):
            count = len(page.evaluate("window.__taps.times"))
            page.mouse.click(point["x"], point["y"])
            deadline = time.monotonic() + 10
            while len(page.evaluate("window.__taps.times")) == count:
                assert time.monotonic() < deadline, f"tapping {point['word']!r} made no sound"
                page.wait_for_timeout(5)
            times.append(page.evaluate("window.__taps.times")[-1])
            page.wait_for_timeout(150)
    context.close()
    return first, again


def reading_figures(
    samples: int = 300, taps: int = 60, browser: Browser | None = None
) -> dict[str, float]:
    """The word mark's error against the voice, p50 and p95, with the sentence baseline; a
    tapped word's time to sound, with the tapped-again baseline."""
    work = Path(tempfile.mkdtemp(prefix="bench-reading-"))
    app = kiosk_app(work)
    services = services_of(app)
    try:
        for lang in LISTEN:
            content = services.library.current.language(lang)
            topic = content.topic(SLUG)
            services.speech.get(speech_request(content, topic.spoken_full), timeout=120)
            if lang == "nl":  # "Woord voor woord": the topic's words, as the toggle asks
                for future in services.speech.prerender(word_requests(content, topic), False):
                    future.result(600)
        with served(app, threads=4) as base:
            if browser is not None:
                words, sentences = errors_in(browser, base, samples)
                first, again = tap_times(browser, base, taps)
            else:
                with sync_playwright() as playwright:
                    own = launch(playwright)
                    try:
                        words, sentences = errors_in(own, base, samples)
                        first, again = tap_times(own, base, taps)
                    finally:
                        own.close()
    finally:
        services.close()
    in_step = sum(error <= 0.060 for error in words) / len(words)
    return {
        "word_sync_error_p50_ms": percentile(words, 0.5) * 1000,
        "word_sync_error_p95_ms": percentile(words, 0.95) * 1000,
        "sentence_sync_error_p95_ms": percentile(sentences, 0.95) * 1000,
        "word_sync_in_step_share": in_step,
        "word_sync_samples": len(words),
        "word_tap_to_sound_p50_ms": percentile(first, 0.5),
        "word_tap_to_sound_p95_ms": percentile(first, 0.95),
        "word_tap_again_p50_ms": percentile(again, 0.5),
        "word_tap_vs_again": percentile(first, 0.5) / percentile(again, 0.5),
        "word_taps": len(first),
    }


if __name__ == "__main__":
    for name, value in reading_figures().items():
        print(f"{name:28} {value:10.2f}")
