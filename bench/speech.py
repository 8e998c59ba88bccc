"""Speech benchmarks: synthesis against espeak-ng's command line, and time to first audio.

Every figure is a ratio to, or a timing next to, a baseline measured in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from devtools.chromium import KIOSK_SCREEN, launch, served
from kiosk import create_app
from kiosk.services import services_of
from kiosk.speech import SpeechService
from kiosk.speech.spoken_content import speech_request
from kiosk.speech.synthesis import render_wav

ROUNDS = 5


def synthesis_vs_espeak(rate: int = 150) -> dict[str, float]:
    """The kiosk's synthesis path (worker, chunks, joining) against `espeak-ng -w`, same text."""
    app = create_app({"SPEECH_CACHE_DIR": tempfile.mkdtemp(prefix="bench-speech-")})
    content = services_of(app).library.current.languages["nl"]
    service = SpeechService(Path(tempfile.mkdtemp(prefix="bench-speech-")), rate=rate)
    work = Path(tempfile.mkdtemp(prefix="bench-wav-"))
    kiosk_times, espeak_times = [], []
    try:
        service.worker.synthesize("Opwarmen.", "nl", rate, work / "warm.wav")
        for _ in range(ROUNDS):
            for topic in content.topics:
                request = speech_request(content, topic.spoken_full)
                spoken = request.spoken()
                text_file = work / "topic.txt"
                text_file.write_text("\n".join(spoken), encoding="utf-8")
                started = time.perf_counter()
                command = ["espeak-ng", "-v", "nl", "-s", str(rate), "-w", str(work / "cli.wav")]
                subprocess.run([*command, "-f", str(text_file)], check=True)
                espeak_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                render_wav(
                    lambda text, target: service.worker.synthesize(text, "nl", rate, target),
                    spoken, work / "kiosk.wav", work / "scratch.wav",
                )  # fmt: skip
                kiosk_times.append(time.perf_counter() - started)
    finally:
        service.close()
    ratio = statistics.median(k / e for k, e in zip(kiosk_times, espeak_times, strict=True))
    return {
        "synth_topic_ms": statistics.median(kiosk_times) * 1000,
        "espeak_cli_topic_ms": statistics.median(espeak_times) * 1000,
        "synth_vs_espeak": ratio,
    }


FIRST_AUDIO = """async (part) => {
  const button = document.querySelector(`[data-listen="${part}"]`);
  const audio = window.kiosk.readAloud.audio;
  const playing = new Promise((done) => audio.addEventListener("playing", done, { once: true }));
  const started = performance.now();
  button.click();
  await playing;
  const elapsed = performance.now() - started;
  document.querySelector('[data-action="stop"]').click();
  return elapsed;
}"""


def wait_until_idle(app, timeout: float = 60) -> None:
    """Let the compressor finish before the cache is emptied under it."""
    deadline = time.monotonic() + timeout
    while not services_of(app).speech.idle() and time.monotonic() < deadline:
        time.sleep(0.02)


def first_audio() -> dict[str, float]:
    """From the tap on Listen to the audio element's `playing` event, in headless Chromium."""
    cache = Path(tempfile.mkdtemp(prefix="bench-first-audio-"))
    app = create_app({"SPEECH_CACHE_DIR": str(cache)})
    topic = max(
        services_of(app).library.current.languages["nl"].topics, key=lambda t: len(t.spoken_full)
    )
    path = f"/nl/{topic.slug}"
    results: dict[str, list[float]] = {"warm": [], "cold": [], "cold_full": []}
    with served(app) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=KIOSK_SCREEN)
        page.goto(base + path)
        page.evaluate(FIRST_AUDIO, "summary")  # starts the worker
        for _ in range(ROUNDS):
            # Cold: an empty cache. Warm: the summary just rendered, compressed to Ogg Opus.
            for kind, part in (("cold_full", "full"), ("cold", "summary"), ("warm", "summary")):
                wait_until_idle(app)
                if kind.startswith("cold"):
                    for entry in cache.iterdir():
                        entry.unlink()
                page.goto(base + path)
                results[kind].append(page.evaluate(FIRST_AUDIO, part))
        browser.close()
    services_of(app).close()
    return {
        "first_audio_warm_ms": statistics.median(results["warm"]),
        "first_audio_cold_ms": statistics.median(results["cold"]),
        "first_audio_cold_full_ms": statistics.median(results["cold_full"]),
    }
