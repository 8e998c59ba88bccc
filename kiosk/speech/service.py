"""The speech service: text in, audio with sentence timings out, cached and rendered in order.

One renderer thread feeds the single speech worker. Visitors' requests go before background
work; ten requests for the same text wait on one rendering. A rendering is stored as WAV at
once (so nobody waits for encoding) and compressed to Ogg Opus by a second thread right after;
the WAV stays a while for players that are still reading it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from kiosk.content.pronunciation import Pronunciation
from kiosk.speech.audio import EncoderError, encode_opus, encoder_available, wav_duration
from kiosk.speech.cache import Sentence, SpeechCache, SpeechResult
from kiosk.speech.synthesis import Synthesize, render_wav
from kiosk.speech.timings import WordEvent
from kiosk.speech.words import timed_words
from kiosk.speech.worker import (
    ESPEAK_LIBRARY,
    JobFailed,
    SpeechEngineError,
    SpeechWorker,
    WorkerFailed,
    engine_version,
)
from kiosk.support.shared_work import SharedWork, wait_bounded
from kiosk.support.status import Progress, service_status

log = logging.getLogger(__name__)

#: Bump when the audio or timing format changes, so old cache entries are not used.
FORMAT_VERSION = 2  # 2: the words of each sentence and their times
VISITOR, BACKGROUND = 0, 1
#: A WAV served to a visitor is kept this long after its Ogg exists (a seek may still need it).
WAV_GRACE_SECONDS = 600


class SpeechUnavailable(RuntimeError):
    """Reading aloud cannot be done now; the message is for staff (visitors get a plain one)."""


class SpeechBusy(SpeechUnavailable):
    """Too much is waiting for the voice already, or it took too long: try again shortly (the
    rendering goes on, so the next try usually finds it ready)."""


class SpeechRefused(SpeechUnavailable):
    """The request asks for more than one request may (never rendered)."""


@dataclass(frozen=True)
class SpeechLimits:
    """What one request may ask for, and how much may wait at once: a flood of requests gets a
    fast refusal instead of holding the server's threads and filling the disk."""

    max_sentences: int = 120
    max_characters: int = 8000
    #: requests waiting for a rendering at once (each holds a server thread)
    max_waiting: int = 3
    #: visitors' renderings queued at once (they go on after their request gave up)
    max_queued: int = 16
    #: the cache folder's size; least recently used entries go first
    cache_bytes: int = 500 * 2**20
    #: seconds between two checks of the cache's size while rendering
    prune_seconds: float = 5.0


@dataclass(frozen=True)
class SpeechRequest:
    """Sentences to speak in one voice, as shown on screen."""

    sentences: tuple[str, ...]
    voice: str
    pronunciation: Pronunciation = field(default_factory=Pronunciation, compare=False)

    def spoken(self) -> list[str]:
        """The sentences as the voice should read them."""
        return [self.pronunciation.apply(sentence) for sentence in self.sentences]

    def spoken_mapped(self) -> list[tuple[str, list[int]]]:
        """Each sentence as the voice should read it, and where each character came from."""
        return [self.pronunciation.apply_mapped(sentence) for sentence in self.sentences]


class SpeechService:
    """Renders and caches speech; safe to call from any request thread."""

    def __init__(
        self,
        cache_dir: Path,
        rate: int = 150,
        job_timeout: float = 30.0,
        retry_seconds: float = 30.0,
        library: str = ESPEAK_LIBRARY,
        limits: SpeechLimits = SpeechLimits(),
    ) -> None:
        self.cache = SpeechCache(cache_dir)
        self.limits = limits
        self._waiting = threading.BoundedSemaphore(limits.max_waiting)
        self._queued_for_visitors = 0
        self._pruned_at = 0.0
        self.cache.remove_leftovers()
        self.rate = rate
        self.library = library
        self.retry_seconds = retry_seconds
        self.worker = SpeechWorker(job_timeout=job_timeout, library=library)
        self.progress = Progress()
        self._queue: queue.PriorityQueue[tuple[int, int, str, Any]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._shared: SharedWork[SpeechResult] = SharedWork()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._compressor = _Compressor(self._compress)
        self._engine: str | None = None
        self._problem: str | None = None
        #: why the last rendering failed (a full disk, say), until one succeeds again
        self.last_error: str | None = None
        self._retry_at = 0.0
        self.syntheses = 0
        self._closed = False

    # -- asking for speech ------------------------------------------------------------------

    def key_for(self, request: SpeechRequest) -> str:
        """The cache key: text as spoken and as shown, voice, rate and engine version."""
        material = [
            FORMAT_VERSION,
            self._engine_version(),
            request.voice,
            self.rate,
            request.spoken(),
            request.sentences,  # the words shown, which the timings name
        ]
        return hashlib.sha256(json.dumps(material).encode()).hexdigest()[:32]

    def get(self, request: SpeechRequest, timeout: float = 8.0) -> SpeechResult:
        """The rendered speech, from the cache or rendered now (visitors go first); raises
        SpeechRefused for too long a text, SpeechBusy when too much waits or it takes longer
        than `timeout`."""
        self._check_size(request)
        key = self.key_for(request)
        cached = self.cache.lookup(key)
        if cached is not None:
            return cached
        self._check_available()
        future = self._submit(key, request, VISITOR)  # SpeechBusy when too much is queued
        return wait_bounded(future, self._waiting, timeout, SpeechBusy, "speech")

    def prerender(
        self, requests: Iterable[SpeechRequest], keep_only_these: bool = True
    ) -> list[Future[SpeechResult]]:
        """Render everything not yet cached, in the background; returns one future each.
        When all are done, the cache keeps only these (and within its size), unless
        `keep_only_these` is False (the caller calls `keep_only` with more)."""
        if self._closed:
            return []
        futures = []
        reachable: set[str] = set()
        for request in requests:
            try:
                self._check_size(request)
                key = self.key_for(request)
            except SpeechUnavailable as error:
                log.warning("not prerendered: %s", error)
                self.progress.add(failed=1)
                continue
            reachable.add(key)
            self.progress.add(total=1)
            done = self._done_already(key)
            if done is not None:
                futures.append(done)
                continue
            future = self._submit(key, request, BACKGROUND)
            future.add_done_callback(self._count)
            futures.append(future)
        if keep_only_these:
            self._prune_when_done(futures, reachable)
        return futures

    def _done_already(self, key: str) -> Future[SpeechResult] | None:
        """A finished future for a cached text (its WAV compressed now if the last run stopped
        before), or None."""
        cached = self.cache.lookup(key)
        if cached is None:
            return None
        self.progress.add(done=1)
        if cached.audio_file.endswith(".wav") and encoder_available():
            self._compress_later(key)
        done: Future[SpeechResult] = Future()
        done.set_result(cached)
        return done

    def keep_only(self, requests: Iterable[SpeechRequest]) -> None:
        """Remove what none of these can say (old texts, other engine versions) from the cache,
        and keep it within its size."""
        reachable = set()
        for request in requests:
            try:
                reachable.add(self.key_for(request))
            except SpeechUnavailable:
                return  # no engine: nothing can be told apart, so nothing is removed
        self.cache.prune(self.limits.cache_bytes, reachable)

    def status(self) -> dict[str, object]:
        """For /healthz and the staff: whether speech works, and why not."""
        if self._engine is None:
            try:
                self._engine_version()
            except SpeechUnavailable:
                pass
        return service_status(
            self._problem or self.last_error,
            engine=self._engine,
            worker_pid=self.worker.pid,
            syntheses=self.syntheses,
            compressed=encoder_available(),
            prerender=self.progress,
        )

    def idle(self) -> bool:
        """Nothing queued, rendering or compressing."""
        return len(self._shared) == 0 and not self._compressor.busy()

    def close(self) -> None:
        """Stop the renderer, the compressor and the worker; nothing new is queued after."""
        self._closed = True
        if self._thread is not None:
            self._queue.put((-1, -1, "", None))
            self._thread.join(timeout=10)
            self._thread = None
        self._compressor.close()
        self.worker.stop()

    # -- inside -----------------------------------------------------------------------------

    def _engine_version(self) -> str:
        if self._engine is None:
            try:
                self._engine = engine_version(self.library)
            except SpeechEngineError as error:
                self._fail(str(error))
                raise SpeechUnavailable(str(error)) from error
        return self._engine

    def _check_size(self, request: SpeechRequest) -> None:
        characters = sum(len(sentence) for sentence in request.sentences)
        limits = self.limits
        if len(request.sentences) > limits.max_sentences or characters > limits.max_characters:
            raise SpeechRefused(
                f"{len(request.sentences)} sentences, {characters} characters: more than one "
                f"request may ask for ({limits.max_sentences}, {limits.max_characters})"
            )

    def _prune_when_done(self, futures: list[Future[SpeechResult]], reachable: set[str]) -> None:
        """Once everything the content can say is rendered, remove what it no longer says
        (old texts, other engine versions) and keep the cache within its size."""
        pending = [future for future in futures if not future.done()]
        remaining = [len(pending)]
        lock = threading.Lock()

        def one_done(_future: Future[SpeechResult]) -> None:
            with lock:
                remaining[0] -= 1
                last = remaining[0] == 0
            if last:
                self.cache.prune(self.limits.cache_bytes, reachable)

        if not pending:
            self.cache.prune(self.limits.cache_bytes, reachable)
        for future in pending:
            future.add_done_callback(one_done)

    def _prune_now_and_then(self) -> None:
        """Keep the cache within its size while running (at most every prune_seconds)."""
        now = time.monotonic()
        if now - self._pruned_at >= self.limits.prune_seconds:
            self._pruned_at = now
            self.cache.prune(self.limits.cache_bytes)

    def _check_available(self) -> None:
        if self._problem is not None and time.monotonic() < self._retry_at:
            raise SpeechUnavailable(self._problem)

    def _fail(self, problem: str) -> None:
        if self._problem != problem:
            log.error("speech is not available: %s", problem)
        self._problem = problem
        self._retry_at = time.monotonic() + self.retry_seconds

    def _count(self, future: Future[SpeechResult]) -> None:
        if future.exception() is None:
            self.progress.add(done=1)
        else:
            self.progress.add(failed=1)

    def _submit(self, key: str, request: SpeechRequest, priority: int) -> Future[SpeechResult]:
        if self._closed:
            raise SpeechUnavailable("the speech service is stopping")
        future, new = self._shared.claim(key)
        if not new and priority >= BACKGROUND:
            return future
        if priority == VISITOR:
            with self._lock:
                if self._queued_for_visitors >= self.limits.max_queued:
                    if new:
                        self._shared.abandon(key, SpeechBusy("too much speech is queued"))
                    raise SpeechBusy(f"{self.limits.max_queued} renderings are queued already")
                self._queued_for_visitors += 1
        # A visitor's request for queued background work is queued again, at the front.
        self._queue.put((priority, next(self._order), key, request))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
                self._thread.start()
        return future

    def _run(self) -> None:
        while True:
            priority, _, key, request = self._queue.get()
            if priority < 0 or self._closed:
                return
            if priority == VISITOR:
                with self._lock:
                    self._queued_for_visitors -= 1
            future = self._shared.get(key)
            if future is None or future.done():
                continue
            try:
                self._shared.finish(key, partial(self._render_or_fail, key, request))
            except SpeechUnavailable:
                pass  # the waiting requests have it
            self._prune_now_and_then()

    def _render_or_fail(self, key: str, request: SpeechRequest) -> SpeechResult:
        """Render (or find) one text; a failure is remembered for the staff and raised as
        SpeechUnavailable for the requests waiting on it."""
        try:
            result = self.cache.lookup(key) or self._render(key, request)
        except Exception as error:  # noqa: BLE001 - every failure reaches the waiting request
            message = str(error) if isinstance(error, SpeechEngineError) else repr(error)
            if not isinstance(error, (JobFailed, OSError)):  # the engine itself is in trouble
                self._fail(message)
            self.last_error = message
            log.warning("speech rendering failed: %s", message)
            raise SpeechUnavailable(message) from error
        self._problem = self.last_error = None
        return result

    def _render(self, key: str, request: SpeechRequest) -> SpeechResult:
        wav = self.cache.temporary_path(".wav")
        scratch = self.cache.temporary_path(".wav")
        try:
            spoken = request.spoken_mapped()
            times = render_wav(
                self._synthesize(request.voice), [text for text, _ in spoken], wav, scratch
            )
            sentences = tuple(
                Sentence(
                    shown, time.start, time.end, timed_words(shown, origin, time.events, time.end)
                )
                for shown, (_, origin), time in zip(request.sentences, spoken, times, strict=True)
            )
            result = self.cache.store(key, wav, ".wav", wav_duration(wav), sentences)
            if encoder_available():
                self._compress_later(key)
            return result
        finally:
            wav.unlink(missing_ok=True)
            scratch.unlink(missing_ok=True)

    def _compress_later(self, key: str) -> None:
        """Queue the compression of a new WAV."""
        self._compressor.submit(key)

    def _synthesize(self, voice: str) -> Synthesize:
        """One chunk through the worker; a worker that dies or hangs is replaced once."""

        def synthesize(text: str, target: Path) -> list[WordEvent]:
            try:
                words = self.worker.synthesize(text, voice, self.rate, target)
            except WorkerFailed as error:
                log.warning("speech worker failed, restarting it: %s", error)
                words = self.worker.synthesize(text, voice, self.rate, target)
            if wav_duration(target) == 0 and any(char.isalnum() for char in text):
                # Seen once in a full test run: espeak-ng wrote a WAV without sound. Silence
                # must never be cached for a text, so try once more, then give up.
                log.warning("espeak-ng wrote no sound for %d characters; trying again", len(text))
                words = self.worker.synthesize(text, voice, self.rate, target)
                if wav_duration(target) == 0:
                    raise JobFailed("espeak-ng wrote no sound for this text")
            return words

        self.syntheses += 1
        return synthesize

    def _compress(self, key: str) -> None:
        """Replace a cached WAV by Ogg Opus (in the compressor thread)."""
        if self._closed:
            return  # the WAV is served as it is; the next prerender compresses it
        entry = self.cache.lookup(key)
        if entry is None or not entry.audio_file.endswith(".wav"):
            return
        ogg = self.cache.temporary_path(".ogg")
        try:
            encode_opus(self.cache.path(entry.audio_file), ogg)
            self.cache.store(key, ogg, ".ogg", entry.duration, entry.sentences)
        except (EncoderError, OSError) as error:
            log.warning("speech audio %s stays uncompressed: %s", key, error)
        finally:
            ogg.unlink(missing_ok=True)
        self._remove_served_wavs()

    def _remove_served_wavs(self) -> None:
        """Drop WAVs whose Ogg took over more than WAV_GRACE_SECONDS ago."""
        limit = time.time() - WAV_GRACE_SECONDS
        for wav in self.cache.folder.glob("*.wav"):
            if wav.name.startswith(".tmp-"):
                continue
            ogg = wav.with_suffix(".ogg")
            if ogg.exists() and ogg.stat().st_mtime < limit:
                wav.unlink(missing_ok=True)


class _Compressor:
    """One daemon thread that compresses new WAVs in order. A daemon, not an executor: the
    interpreter's exit does not wait for the compressions still queued (after a prerender of
    the screens' texts there can be hundreds), so the server stops in seconds; a WAV left is
    served as it is and compressed by the next prerender."""

    def __init__(self, work: Callable[[str], None]) -> None:
        self._work = work
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._pending = 0
        self._thread: threading.Thread | None = None

    def submit(self, key: str) -> None:
        with self._lock:
            self._pending += 1
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="speech-compress", daemon=True
                )
                self._thread.start()
        self._queue.put(key)

    def busy(self) -> bool:
        """Compressing, or something is queued."""
        with self._lock:
            return self._pending > 0

    def close(self, timeout: float = 10.0) -> None:
        """Drop what is queued, let the one being compressed finish (at most `timeout`)."""
        while True:
            try:
                if self._queue.get_nowait() is not None:
                    with self._lock:
                        self._pending -= 1
            except queue.Empty:
                break
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while (key := self._queue.get()) is not None:
            try:
                self._work(key)
            except Exception:  # noqa: BLE001 - a background thread: logged, the WAV stays
                log.exception("compressing speech audio %s failed", key)
            finally:
                with self._lock:
                    self._pending -= 1
