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
  // Each caption shown, with how long real speech played while it was shown; `__since` is
  // where the captions after the last key or touch begin.
  window.__captions = [];
  window.__said = [];
  window.__since = 0;
  const audio = window.kiosk.readAloud.audio;
  audio.addEventListener("timeupdate", () => {
    const src = audio.currentSrc;
    const last = window.__heard[window.__heard.length - 1];
    if (!last || last.src !== src || last.done) {
      window.__heard.push({ src, from: audio.currentTime, to: audio.currentTime, done: false });
    } else {
      last.to = Math.max(last.to, audio.currentTime);
    }
    const said = window.__said[window.__said.length - 1];
    if (!said) return;
    if (said.src === src && said.time !== null && audio.currentTime >= said.time) {
      said.heard += audio.currentTime - said.time;
    } else {
      said.src = src;
    }
    said.time = audio.currentTime;
  });
  audio.addEventListener("emptied", () => {
    const last = window.__heard[window.__heard.length - 1];
    if (last) last.done = true;
  });
  const caption = document.querySelector("[data-audio-caption]");
  const shown = () => ({ text: caption.textContent, src: "", time: null, heard: 0 });
  window.__said.push(shown()); // what a full page load said before the probe came
  new MutationObserver(() => {
    window.__captions.push(caption.textContent);
    window.__said.push(shown());
  }).observe(caption, { childList: true, characterData: true, subtree: true });
  const since = () => { window.__since = window.__said.length; };
  window.addEventListener("keydown", since, true);
  window.addEventListener("pointerdown", since, true);
}"""

SPEECH_FILE = re.compile(r"/speech/[0-9a-f]{32}\.(ogg|wav)$")

STATE = """() => ({
  on: window.kiosk.audioMode.on(),
  caption: document.querySelector("[data-audio-caption]").textContent,
  current: (() => {
    const item = window.kiosk.audioMode.current();
    if (!item) return null;
    return { say: item.dataset.say || null, text: item.textContent.trim(), tag: item.tagName };
  })(),
  heard: window.__heard.slice(-1)[0] || null,
  said: window.__said.slice(window.__since),
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
        sound and SPEECH_FILE.search(sound["src"]) and sound["to"] - sound["from"] >= seconds
    )


def hear(page: Page, caption: str | re.Pattern[str], seconds: float = 0.3) -> dict:
    """Wait until, since the last key or touch, the caption said `caption` (text it contains,
    or a pattern) while real speech played for `seconds` (a short sentence may be over before
    the next look at the page: the probe keeps every caption)."""

    def says(found: dict) -> bool:
        return any(
            (
                caption.search(said["text"])
                if isinstance(caption, re.Pattern)
                else caption in said["text"]
            )
            and said["heard"] >= seconds
            and SPEECH_FILE.search(said["src"])
            for said in found["said"]
        )

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
