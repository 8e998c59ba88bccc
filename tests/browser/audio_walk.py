"""Driving audio mode as a visitor without sight: keys, what the caption says, what was heard.

The probe notes every speech file the kiosk's one audio element plays and how far its time
advanced, so a test can tell that real speech was heard for a caption, not only shown.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

PROBE = """() => {
  if (window.__heard) return;
  window.__heard = [];
  window.__captions = [];
  const audio = window.kiosk.readAloud.audio;
  audio.addEventListener("timeupdate", () => {
    const src = audio.currentSrc;
    const last = window.__heard[window.__heard.length - 1];
    if (!last || last.src !== src || last.done) {
      window.__heard.push({ src, from: audio.currentTime, to: audio.currentTime, done: false });
    } else {
      last.to = Math.max(last.to, audio.currentTime);
    }
  });
  audio.addEventListener("emptied", () => {
    const last = window.__heard[window.__heard.length - 1];
    if (last) last.done = true;
  });
  const caption = document.querySelector("[data-audio-caption]");
  new MutationObserver(() => window.__captions.push(caption.textContent))
    .observe(caption, { childList: true, characterData: true, subtree: true });
}"""

STATE = """() => ({
  on: window.kiosk.audioMode.on(),
  caption: document.querySelector("[data-audio-caption]").textContent,
  current: (() => {
    const item = window.kiosk.audioMode.current();
    if (!item) return null;
    return { say: item.dataset.say || null, text: item.textContent.trim(), tag: item.tagName };
  })(),
  heard: window.__heard.slice(-1)[0] || null,
  path: location.pathname,
})"""


def probe(page: Page) -> None:
    """Install the probe (again after a full page load)."""
    deadline = time.monotonic() + 10
    while not page.evaluate("Boolean(window.kiosk && window.kiosk.audioMode)"):
        assert time.monotonic() < deadline, "audio-mode.js did not start"
        page.wait_for_timeout(20)
    page.evaluate(PROBE)


def state(page: Page) -> dict:
    """The audio-mode state; asked again when a navigation (the idle reset) came between."""
    for _ in range(50):
        try:
            probe(page)
            return page.evaluate(STATE)
        except PlaywrightError as error:
            if "navigation" not in str(error) and "context" not in str(error):
                raise
            page.wait_for_timeout(100)
    raise AssertionError("the page kept navigating")


def until(page: Page, check: Callable[[dict], bool], what: str, timeout: float = 15) -> dict:
    """Poll the audio-mode state until `check` holds (from Python: the page's CSP forbids
    evaluating strings inside it)."""
    deadline = time.monotonic() + timeout
    while True:
        found = state(page)
        if check(found):
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}: {found}"
        page.wait_for_timeout(50)


def heard(found: dict, seconds: float = 0.3) -> bool:
    """Real speech of the kiosk played: a speech file, and its time advanced."""
    sound = found["heard"]
    return bool(
        sound
        and re.search(r"/speech/[0-9a-f]{32}\.(ogg|wav)$", sound["src"])
        and sound["to"] - sound["from"] >= seconds
    )


def hear(page: Page, caption: str | re.Pattern[str], seconds: float = 0.3) -> dict:
    """Wait until the caption says `caption` (text it contains, or a pattern) and its speech
    has been heard for `seconds`."""

    def says(found: dict) -> bool:
        text = found["caption"]
        matched = caption.search(text) if isinstance(caption, re.Pattern) else caption in text
        return bool(matched) and heard(found, seconds)

    return until(page, says, f"to hear {caption!r}")


def press_until(page: Page, key: str, caption: str, tries: int = 40) -> dict:
    """Press `key` until the highlighted item says `caption`; each step is heard."""
    said = []
    for _ in range(tries):
        before = len(page.evaluate("window.__heard"))
        page.keyboard.press(key)
        found = until(
            page,
            lambda found, before=before: (
                len(page.evaluate("window.__heard")) > before
                or found["caption"].startswith(("Einde", "End", "نهاية", "Кінець"))
            ),
            f"speech after {key}",
        )
        said.append(found["caption"])
        if found["current"] and caption in found["caption"]:
            return hear(page, caption, seconds=0.2)
    raise AssertionError(f"no item says {caption!r} after {tries} presses of {key}: {said}")
