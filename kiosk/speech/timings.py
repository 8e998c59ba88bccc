"""Where each sentence starts and ends in the audio, and the word events inside it, from
espeak-ng's own word events."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_FINAL_PUNCTUATION = re.compile(r"[.!?:;…]['’”)]*$")


@dataclass(frozen=True)
class SpokenScript:
    """The text handed to the engine, and where each sentence begins in it."""

    text: str
    offsets: tuple[int, ...]


@dataclass(frozen=True)
class WordEvent:
    """espeak-ng's report of a word: 0-based character position and time in milliseconds."""

    position: int
    milliseconds: int


def build_script(spoken_sentences: list[str]) -> SpokenScript:
    """Join sentences into one text; a sentence without final punctuation (a heading) gets a
    full stop, so the voice pauses there as a reader would."""
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for sentence in spoken_sentences:
        sentence = " ".join(sentence.split())
        if sentence and not _FINAL_PUNCTUATION.search(sentence):
            sentence += "."
        offsets.append(position)
        parts.append(sentence)
        position += len(sentence) + 1
    return SpokenScript("\n".join(parts), tuple(offsets))


def sentence_times(
    script: SpokenScript, words: list[WordEvent], duration: float
) -> list[tuple[float, float]]:
    """(start, end) in seconds per sentence: a sentence starts at its first word and ends where
    the next one starts (so the pause after it is its own); the last one ends with the audio."""
    starts: list[float] = []
    ordered = sorted(words, key=lambda word: word.position)
    for index, offset in enumerate(script.offsets):
        limit = script.offsets[index + 1] if index + 1 < len(script.offsets) else len(script.text)
        first = next((w for w in ordered if offset <= w.position < limit), None)
        previous = starts[-1] if starts else 0.0
        start = 0.0 if index == 0 else (first.milliseconds / 1000 if first else previous)
        starts.append(min(max(start, previous), duration))
    ends = starts[1:] + [duration]
    return [(round(start, 3), round(end, 3)) for start, end in zip(starts, ends, strict=True)]


@dataclass(frozen=True)
class SentenceTiming:
    """A sentence's time in the audio, and its word events: (position in the sentence as
    spoken, seconds), in the order they were heard."""

    start: float
    end: float
    events: tuple[tuple[int, float], ...] = ()


def sentence_events(script: SpokenScript, words: list[WordEvent]) -> list[list[tuple[int, float]]]:
    """Per sentence of `script`, its word events, in the order they were heard."""
    found: list[list[tuple[int, float]]] = [[] for _ in script.offsets]
    for word in sorted(words, key=lambda word: word.milliseconds):
        index = bisect_right(script.offsets, word.position) - 1
        if index >= 0:
            found[index].append((word.position - script.offsets[index], word.milliseconds / 1000))
    return found
