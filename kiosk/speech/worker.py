"""The speech worker: one process that owns pyttsx3 and espeak-ng.

espeak-ng is not thread-safe and pyttsx3 hangs or crashes when shared between threads or
forked after start, so all synthesis happens in a single-threaded helper process
(kiosk.support.worker_process), killed and replaced when it hangs or dies.
"""

from __future__ import annotations

import ctypes
import time
from pathlib import Path

from kiosk.speech.timings import WordEvent
from kiosk.support.worker_process import (
    JobFailed,
    WorkerError,
    WorkerFailed,
    WorkerProcess,
    WorkerStartError,
)

__all__ = ["JobFailed", "SpeechEngineError", "SpeechWorker", "WorkerFailed", "engine_version"]

ESPEAK_LIBRARY = "libespeak-ng.so.1"
_EVENT_WORD = 1
_EVENT_LIST_TERMINATED = 0


SpeechEngineError = WorkerError


def engine_version(library: str = ESPEAK_LIBRARY) -> str:
    """espeak-ng's version, read from the library (raises WorkerStartError if missing)."""
    try:
        espeak = ctypes.CDLL(library)
    except OSError as error:
        raise WorkerStartError(f"espeak-ng is not installed ({library}: {error})") from error
    espeak.espeak_Info.restype = ctypes.c_char_p
    espeak.espeak_Info.argtypes = [ctypes.c_void_p]
    return "espeak-ng " + (espeak.espeak_Info(None) or b"?").decode()


class SpeechWorker:
    """The speech worker process; `synthesize` runs one job in it."""

    def __init__(
        self, job_timeout: float = 30.0, start_timeout: float = 30.0, library: str = ESPEAK_LIBRARY
    ) -> None:
        self._process = WorkerProcess(
            "speech worker", start_speech_engine, (library,), job_timeout, start_timeout
        )

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self._process.pid

    @property
    def library(self) -> str:
        """The engine library the next worker loads."""
        return self._process.setup_args[0]

    @library.setter
    def library(self, value: str) -> None:
        self._process.setup_args = (value,)

    def synthesize(self, text: str, voice: str, rate: int, wav_path: Path) -> list[WordEvent]:
        """Speak `text` into a WAV file; returns the word events."""
        if not text.strip():
            raise JobFailed("there is no text to speak")
        events = self._process.call(text, voice, rate, str(wav_path))
        return [WordEvent(position, ms) for position, ms in events]

    def stop(self) -> None:
        """Stop the worker process (a later job starts a new one)."""
        self._process.stop()


def start_speech_engine(library: str):
    """In the worker: load espeak-ng through pyttsx3 once; returns the job function."""
    try:
        ctypes.CDLL(library)  # a clear error when espeak-ng is missing
    except OSError as error:
        raise WorkerStartError(f"the speech engine cannot start: {error}") from error
    engine, events, failures = _start_engine()

    def job(text: str, voice: str, rate: int, path: str) -> list[tuple[int, int]]:
        failures.clear()
        times = _synthesize(engine, events, text, voice, rate, path)
        if failures:  # the audio could not be written (a full disk, say)
            Path(path).unlink(missing_ok=True)
            raise OSError(f"cannot write the audio: {failures[0]}")
        return times

    return job


def _start_engine():
    import pyttsx3
    from pyttsx3.drivers import _espeak

    engine = pyttsx3.init("espeak")
    engine.runAndWait()  # the first run returns early; afterwards files are complete
    driver = engine.proxy._driver
    events: list[tuple[int, int]] = []
    failures: list[str] = []
    original = driver._onSynth

    def on_synth(wav, samples, event_list):
        """Record each word's character position and audio time, then let pyttsx3 work."""
        index = 0
        while event_list[index].type != _EVENT_LIST_TERMINATED:
            event = event_list[index]
            if event.type == _EVENT_WORD:
                events.append((event.text_position - 1, event.audio_position))
            index += 1
        try:
            return original(wav, samples, event_list)
        except Exception as error:  # noqa: BLE001 - raised into C it would be lost, and hang
            # pyttsx3 failed to save the file and skipped ending the utterance: end it here.
            failures.append(str(error.__cause__ or error))
            driver._data_buffer = b""
            driver._speaking = False
            driver._proxy.notify("finished-utterance", completed=False)
            driver._proxy.setBusy(False)
            driver.endLoop()
            return 0

    _espeak.SetSynthCallback(on_synth)
    return engine, events, failures


def _synthesize(engine, events: list[tuple[int, int]], text: str, voice: str, rate: int, path: str):
    from pyttsx3.drivers import _espeak

    engine.setProperty("voice", voice)
    current = engine.getProperty("voice") or ""
    if current != voice and not current.endswith("/" + voice):
        raise ValueError(f"espeak-ng has no voice {voice!r}")
    engine.setProperty("rate", rate)
    _espeak.Synchronize()  # otherwise the rate change is sometimes lost
    events.clear()
    target = Path(path)
    target.unlink(missing_ok=True)
    engine.save_to_file(text, path)
    engine.runAndWait()
    deadline = time.monotonic() + 5
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    if not target.exists():
        raise RuntimeError("espeak-ng wrote no audio file")
    return list(events)
