"""The speech worker: one process that owns pyttsx3 and espeak-ng, and its handle.

espeak-ng is not thread-safe and pyttsx3 hangs or crashes when shared between threads or
forked after start, so all synthesis happens in a single-threaded child process started with
the `spawn` method. The parent sends one job at a time, waits with a timeout, and kills and
restarts the child when it hangs or dies.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kiosk.speech.timings import WordEvent

ESPEAK_LIBRARY = "libespeak-ng.so.1"
_EVENT_WORD = 1
_EVENT_LIST_TERMINATED = 0


class SpeechEngineError(RuntimeError):
    """The engine cannot speak: not installed, cannot start, or kept failing."""


class JobFailed(SpeechEngineError):
    """The engine works, but could not say this text (an unknown voice, for example)."""


class WorkerFailed(SpeechEngineError):
    """The worker died or hung during a job (it has been stopped; a retry starts a new one)."""


def engine_version(library: str = ESPEAK_LIBRARY) -> str:
    """espeak-ng's version, read from the library (raises SpeechEngineError if missing)."""
    try:
        espeak = ctypes.CDLL(library)
    except OSError as error:
        raise SpeechEngineError(f"espeak-ng is not installed ({library}: {error})") from error
    espeak.espeak_Info.restype = ctypes.c_char_p
    espeak.espeak_Info.argtypes = [ctypes.c_void_p]
    return "espeak-ng " + (espeak.espeak_Info(None) or b"?").decode()


class SpeechWorker:
    """Parent-side handle of the worker process; one job at a time."""

    def __init__(
        self, job_timeout: float = 30.0, start_timeout: float = 30.0, library: str = ESPEAK_LIBRARY
    ) -> None:
        self.job_timeout = job_timeout
        self.start_timeout = start_timeout
        self.library = library
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self.jobs_done = 0

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self._process.pid if self._process and self._process.is_alive() else None

    def synthesize(self, text: str, voice: str, rate: int, wav_path: Path) -> list[WordEvent]:
        """Speak `text` into a WAV file; returns the word events. Raises SpeechEngineError."""
        if not text.strip():
            raise SpeechEngineError("there is no text to speak")
        with self._lock:
            if self.pid is None:
                self._start()
            assert self._connection is not None
            self._connection.send(("synth", text, voice, rate, str(wav_path)))
            reply = self._receive(self.job_timeout, "job")
            if reply[0] != "ok":
                raise JobFailed(reply[1])
            self.jobs_done += 1
            return [WordEvent(position, ms) for position, ms in reply[1]]

    def stop(self) -> None:
        """Stop the worker process (a later job starts a new one)."""
        with self._lock:
            self._kill()

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=worker_main, args=(child, self.library), name="speech-worker", daemon=True
        )
        process.start()
        child.close()
        self._process, self._connection = process, parent
        reply = self._receive(self.start_timeout, "start")
        if reply[0] != "ready":
            self._kill()
            raise SpeechEngineError(reply[1])

    def _receive(self, timeout: float, what: str) -> tuple:
        assert self._connection is not None
        try:
            if not self._connection.poll(timeout):
                self._kill()
                raise WorkerFailed(
                    f"the speech worker did not answer within {timeout:g} s ({what})"
                )
            return self._connection.recv()
        except (EOFError, OSError) as error:
            code = self._process.exitcode if self._process else None
            self._kill()
            raise WorkerFailed(
                f"the speech worker stopped during a {what} (exit {code})"
            ) from error

    def _kill(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None


def worker_main(connection: Connection, library: str) -> None:
    """Run in the child: start pyttsx3 once, then answer jobs until the pipe closes."""
    sys.stdout = open(os.devnull, "w")  # pyttsx3 prints a line for every file it saves
    try:
        ctypes.CDLL(library)  # a clear error when espeak-ng is missing
        engine, events = _start_engine()
        version = engine_version(library)
    except Exception as error:  # noqa: BLE001 - any failure to start is reported, then exit
        connection.send(("init-error", f"the speech engine cannot start: {error}"))
        return
    connection.send(("ready", version))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", _synthesize(engine, events, *job[1:])))
        except Exception as error:  # noqa: BLE001 - report and keep serving
            connection.send(("error", f"{type(error).__name__}: {error}"))


def _start_engine():
    import pyttsx3
    from pyttsx3.drivers import _espeak

    engine = pyttsx3.init("espeak")
    engine.runAndWait()  # the first run returns early; afterwards files are complete
    driver = engine.proxy._driver
    events: list[tuple[int, int]] = []
    original = driver._onSynth

    def on_synth(wav, samples, event_list):
        """Record each word's character position and audio time, then let pyttsx3 work."""
        index = 0
        while event_list[index].type != _EVENT_LIST_TERMINATED:
            event = event_list[index]
            if event.type == _EVENT_WORD:
                events.append((event.text_position - 1, event.audio_position))
            index += 1
        return original(wav, samples, event_list)

    _espeak.SetSynthCallback(on_synth)
    return engine, events


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
