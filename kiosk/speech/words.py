"""Which word on screen the voice is saying, and when: espeak-ng's word events carried back
through the pronunciation rewrites to the words as shown.

A word is a run of letters (with the marks Arabic writes over them) joined by an apostrophe
or hyphen ("azc-plek", "kinder's"), or a number with its separators ("27.000", "2,5"). The
same rule splits a sentence for the screen (the player finds the words in this order) and
for "Woord voor woord" (only these words can be asked for).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LETTER = r"[^\W\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]"
WORD = re.compile(rf"\d+(?:[.,:]\d+)*|(?:{_LETTER})+(?:['’\-‐](?:{_LETTER})+)*")


@dataclass(frozen=True)
class Word:
    """One word as shown, and when it is heard, in seconds."""

    text: str
    start: float
    end: float


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word in `text`."""
    return [match.span() for match in WORD.finditer(text)]


def words_of(text: str) -> list[str]:
    """The words of `text`, in order."""
    return WORD.findall(text)


def timed_words(
    shown: str, origin: list[int], events: list[tuple[int, float]], end: float
) -> tuple[Word, ...]:
    """The words of `shown` with their times. `origin` maps each character of the spoken
    sentence to the character of `shown` it was made from; `events` are (position in the spoken
    sentence, seconds) in the order they were heard. A word said in several events ("2013",
    "PvdA" spelled out) is one word from its first event to the next word's; an event that
    goes back (espeak reports the sentence's end once more) is left out; a word the voice
    skipped shares the time of the word before it."""
    spans = word_spans(shown)
    timeline: list[tuple[int, float]] = []
    for position, seconds in events:
        if not 0 <= position < len(origin):
            continue  # the full stop the script added to a heading
        index = next((i for i, (_, stop) in enumerate(spans) if origin[position] < stop), None)
        if index is None or (timeline and index <= timeline[-1][0]):
            continue
        timeline.append((index, seconds))
    words: list[Word] = []
    for step, (index, start) in enumerate(timeline):
        stop = timeline[step + 1][1] if step + 1 < len(timeline) else end
        following = timeline[step + 1][0] if step + 1 < len(timeline) else index + 1
        share = (stop - start) / (following - index)
        for skipped in range(index, following):
            begin, finish = spans[skipped]
            at = start + share * (skipped - index)
            words.append(Word(shown[begin:finish], round(at, 3), round(at + share, 3)))
    return tuple(words)
