"""Speak many sentences as one WAV, in chunks: pyttsx3's time grows with the square of the
text in one call, so a long text is said a few sentences at a time and the pieces joined."""

from __future__ import annotations

import wave
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

from kiosk.speech.timings import (
    SentenceTiming,
    WordEvent,
    build_script,
    sentence_events,
    sentence_times,
)

#: A chunk holds whole sentences up to about this many characters (measured in bench/).
CHUNK_CHARACTERS = 1000

Synthesize = Callable[[str, Path], list[WordEvent]]


def chunks(sentences: list[str], limit: int = CHUNK_CHARACTERS) -> Iterator[list[str]]:
    """Consecutive groups of whole sentences, each at most `limit` characters (or one sentence)."""
    group: list[str] = []
    size = 0
    for sentence in sentences:
        if group and size + len(sentence) > limit:
            yield group
            group, size = [], 0
        group.append(sentence)
        size += len(sentence) + 1
    if group:
        yield group


def render_wav(
    synthesize: Synthesize, spoken: list[str], target: Path, scratch: Path
) -> list[SentenceTiming]:
    """Speak `spoken` into `target`; returns each sentence's times and word events."""
    times: list[SentenceTiming] = []
    elapsed = 0.0
    with ExitStack() as stack:
        joined: wave.Wave_write | None = None
        for group in chunks(spoken):
            script = build_script(group)
            words = synthesize(script.text, scratch)
            with wave.open(str(scratch), "rb") as piece:
                if joined is None:  # opened only once there is audio to describe it
                    joined = stack.enter_context(wave.open(str(target), "wb"))
                    joined.setparams(piece.getparams())
                frames = piece.readframes(piece.getnframes())
                duration = piece.getnframes() / piece.getframerate()
            joined.writeframes(frames)
            times += [
                SentenceTiming(
                    round(start + elapsed, 3),
                    round(end + elapsed, 3),
                    tuple((position, round(at + elapsed, 3)) for position, at in events),
                )
                for (start, end), events in zip(
                    sentence_times(script, words, duration),
                    sentence_events(script, words),
                    strict=True,
                )
            ]
            elapsed += duration
    return times
