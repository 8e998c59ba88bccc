"""The speech service with real espeak-ng: audio, timings, cache, concurrency and faults."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import soundfile

from kiosk.content import load_library
from kiosk.speech import SpeechRequest, SpeechService, SpeechUnavailable
from kiosk.speech.spoken_content import speech_request
from tests.samples import BUNDLED_CONTENT
from tests.speech.conftest import new_text, settle

DUTCH = load_library(BUNDLED_CONTENT).languages["nl"]


def audio_duration(path: Path) -> float:
    return soundfile.info(str(path)).duration


def espeak_alone(tmp_path: Path, sentence: str) -> float:
    """How long espeak-ng's own command line takes to say one sentence at the same rate."""
    target = tmp_path / "alone.wav"
    subprocess.run(["espeak-ng", "-v", "nl", "-s", "150", "-w", str(target), "--", sentence],
                   check=True)  # fmt: skip
    with wave.open(str(target)) as audio:
        return audio.getnframes() / audio.getframerate()


@pytest.mark.parametrize("part", ["summary", "full"])
def test_every_topic_has_audio_and_increasing_timings(speech: SpeechService, part: str):
    for topic in DUTCH.topics:
        sentences = topic.spoken_summary if part == "summary" else topic.spoken_full
        result = speech.get(speech_request(DUTCH, sentences))
        audio = speech.cache.path(result.audio_file)
        assert [s.text for s in result.sentences] == list(sentences)
        starts = [s.start for s in result.sentences]
        assert starts[0] == 0 and all(a < b for a, b in zip(starts, starts[1:], strict=False))
        assert all(s.start < s.end for s in result.sentences)
        assert abs(result.sentences[-1].end - audio_duration(audio)) <= 0.3
        assert abs(result.duration - audio_duration(audio)) <= 0.3


def test_background_rendering_ends_as_ogg_opus(speech: SpeechService):
    request = new_text("Een zin om op te slaan.")
    [future] = speech.prerender([request])
    future.result(30)
    settle(speech)
    result = speech.cache.lookup(future.result().key)
    data = speech.cache.path(result.audio_file).read_bytes()
    assert result.audio_file.endswith(".ogg")
    assert data[:4] == b"OggS" and b"OpusHead" in data[:100]
    assert soundfile.info(str(speech.cache.path(result.audio_file))).subtype == "OPUS"


def test_a_waiting_visitor_gets_wav_at_once_then_it_is_compressed(speech: SpeechService):
    request = new_text("Een zin voor een bezoeker die wacht.")
    result = speech.get(request)
    assert result.audio_file.endswith(".wav")
    deadline = time.monotonic() + 30
    while not (speech.cache.lookup(result.key).audio_file.endswith(".ogg")):
        assert time.monotonic() < deadline, "never compressed"
        time.sleep(0.05)
    later = speech.cache.lookup(result.key)
    assert later.sentences == result.sentences
    assert speech.cache.path(result.audio_file).exists()  # kept a while for seeks in progress


def test_sentence_lengths_match_espeak_speaking_each_alone(speech: SpeechService, tmp_path: Path):
    sentences = ("Het kinderpardon kwam in 2013.", "Hierdoor konden bijna 900 kinderen blijven.",
                 "Hun families mochten ook blijven.")  # fmt: skip
    result = speech.get(SpeechRequest(sentences, "nl"))
    for sentence in result.sentences[:-1]:
        alone = espeak_alone(tmp_path, sentence.text)
        assert abs((sentence.end - sentence.start) - alone) <= 0.3, sentence


def test_pronunciation_changes_the_audio_not_the_text(speech: SpeechService):
    plain = speech.get(SpeechRequest(("Het azc.",), "nl"))
    fixed = speech.get(SpeechRequest(("Het azc.",), "nl", DUTCH.pronunciation))
    assert plain.key != fixed.key
    assert fixed.sentences[0].text == "Het azc."
    assert fixed.duration > plain.duration  # "aa zee cee" takes longer than "ask"


def test_second_request_is_a_cache_hit(speech: SpeechService):
    request = new_text("Nog een zin.")
    first = speech.get(request)
    before = speech.syntheses
    assert speech.get(request) == first
    assert speech.syntheses == before


def test_ten_concurrent_requests_make_one_synthesis(fresh_service: SpeechService):
    request = speech_request(DUTCH, DUTCH.topics[2].spoken_full)
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: fresh_service.get(request), range(10)))
    assert fresh_service.syntheses == 1
    assert all(result == results[0] for result in results)
    assert len(results[0].sentences) == len(DUTCH.topics[2].spoken_full)


def long_request(repeat: int) -> SpeechRequest:
    return new_text(*(DUTCH.topics[4].spoken_full * repeat))


def test_worker_killed_during_a_job_still_gives_a_correct_answer(fresh_service: SpeechService):
    fresh_service.get(new_text())  # the worker runs
    first_pid = fresh_service.worker.pid
    request = long_request(6)
    killer = threading.Timer(0.3, os.kill, (first_pid, signal.SIGKILL))
    killer.start()
    result = fresh_service.get(request)
    killer.join()
    assert fresh_service.worker.pid not in (None, first_pid)
    assert len(result.sentences) == len(request.sentences)
    assert (
        abs(result.sentences[-1].end - audio_duration(fresh_service.cache.path(result.audio_file)))
        <= 0.3
    )


def test_hanging_worker_is_replaced(tmp_path: Path):
    service = SpeechService(tmp_path / "cache", job_timeout=3)
    try:
        service.get(new_text())
        stuck = service.worker.pid
        os.kill(stuck, signal.SIGSTOP)
        started = time.monotonic()
        result = service.get(new_text("Na een hangende stem."))
        assert time.monotonic() - started >= 3
        assert result.sentences[-1].text == "Na een hangende stem."
        assert service.worker.pid != stuck
    finally:
        service.close()


def test_missing_engine_is_reported_and_retried_later(tmp_path: Path):
    service = SpeechService(
        tmp_path / "cache", library="libespeak-ng-missing.so.1", retry_seconds=0.2
    )
    try:
        with pytest.raises(SpeechUnavailable, match="espeak-ng is not installed"):
            service.get(new_text())
        status = service.status()
        assert status["status"] == "degraded"
        assert "libespeak-ng-missing.so.1" in status["reason"]
        # The staff install espeak-ng; after the retry time the service works again.
        service.library = service.worker.library = "libespeak-ng.so.1"
        time.sleep(0.3)
        assert service.get(new_text()).sentences
        assert service.status()["status"] == "ok"
    finally:
        service.close()


def test_unknown_voice_is_a_clear_failure(speech: SpeechService):
    with pytest.raises(SpeechUnavailable, match="no voice 'xx-geen'"):
        speech.get(SpeechRequest(("Een zin.",), "xx-geen"))


def test_interrupted_rendering_leaves_no_files(tmp_path: Path):
    folder = tmp_path / "cache"
    folder.mkdir()
    old = folder / ".tmp-abc.wav"
    old.write_bytes(b"half")
    os.utime(old, (time.time() - 3600, time.time() - 3600))  # left by a crash an hour ago
    (folder / ".tmp-now.wav").write_bytes(b"another process is writing this")
    service = SpeechService(folder)
    assert [path.name for path in folder.iterdir()] == [".tmp-now.wav"]
    service.close()


def test_damaged_cache_entry_is_rendered_again(speech: SpeechService):
    request = new_text("Een zin die kapot gaat.")
    [rendered] = speech.prerender([request])
    rendered.result(30)
    settle(speech)  # compressed: nothing replaces the entry while we damage it
    result = speech.cache.lookup(rendered.result().key)
    audio = speech.cache.path(result.audio_file)
    audio.write_bytes(audio.read_bytes()[:100])  # truncated by a crash or a full disk
    assert speech.cache.lookup(result.key) is None
    again = speech.get(request)
    assert [s.text for s in again.sentences] == [s.text for s in result.sentences]
    assert again.duration == pytest.approx(result.duration, abs=0.05)
    assert speech.cache.lookup(result.key) is not None


def test_silent_audio_is_tried_again_and_never_cached(tmp_path: Path):
    """espeak-ng once wrote a WAV without sound in a full test run; it cannot be made to do so
    on demand, so the worker's answer is replaced by an empty WAV here."""
    service = SpeechService(tmp_path / "cache")
    real = service.worker.synthesize
    silent_answers = [2]  # how many of the next answers are silent

    def sometimes_silent(text: str, voice: str, rate: int, target: Path):
        words = real(text, voice, rate, target)
        if silent_answers[0] > 0:
            silent_answers[0] -= 1
            with wave.open(str(target), "wb") as empty:
                empty.setparams((1, 2, 22050, 0, "NONE", "not compressed"))
        return words

    service.worker.synthesize = sometimes_silent
    request = SpeechRequest(("Een korte zin om te horen.",), "nl")
    try:
        with pytest.raises(SpeechUnavailable, match="no sound"):
            service.get(request)
        assert service.cache.lookup(service.key_for(request)) is None
        silent_answers[0] = 1
        result = service.get(request)
        assert result.duration > 0.5
        assert audio_duration(service.cache.folder / result.audio_file) > 0.5
    finally:
        service.close()
