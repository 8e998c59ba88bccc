"""The speech cache: audio and timings per key, written so a crash never leaves half a file.

Each entry is `<key>.ogg` (or `<key>.wav` until the compressed copy exists) and `<key>.json`
with the timings. The JSON is written last and names the audio file and its size, so an entry
counts only when both are complete; a truncated or missing audio file makes it a miss.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from kiosk.speech.words import Word
from kiosk.support.file_cache import folder_bytes, prune, touch
from kiosk.support.files import (
    atomic_write,
    move_into_place,
    remove_stale_temporaries,
    temporary_path,
)

KEY_PATTERN = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Sentence:
    """One spoken sentence and when it is heard, in seconds, with its words."""

    text: str
    start: float
    end: float
    words: tuple[Word, ...] = ()

    def record(self) -> dict[str, object]:
        """As stored in the cache and sent to the player (a word as [text, start, end])."""
        words = [[word.text, word.start, word.end] for word in self.words]
        return {"text": self.text, "start": self.start, "end": self.end, "words": words}

    @classmethod
    def from_record(cls, data: dict) -> Sentence:
        words = tuple(Word(text, start, end) for text, start, end in data.get("words", ()))
        return cls(data["text"], data["start"], data["end"], words)


@dataclass(frozen=True)
class SpeechResult:
    """A finished rendering: the audio file's name in the cache and the sentence timings."""

    key: str
    audio_file: str
    duration: float
    sentences: tuple[Sentence, ...]


class SpeechCache:
    """A folder of rendered speech."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        """The path of a file in the cache (names are checked by the caller)."""
        return self.folder / name

    def lookup(self, key: str) -> SpeechResult | None:
        """The complete entry for `key`, or None (missing, half-written or damaged)."""
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            audio = self.folder / data["audio"]
            if audio.stat().st_size != data["size"] or audio.stat().st_size == 0:
                return None
            sentences = tuple(Sentence.from_record(s) for s in data["sentences"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        touch(self.folder / f"{key}.json")
        return SpeechResult(key, data["audio"], data["duration"], sentences)

    def store(self, key: str, audio_source: Path, suffix: str, duration: float,
              sentences: tuple[Sentence, ...]) -> SpeechResult:  # fmt: skip
        """Move `audio_source` into the cache as `<key><suffix>` and record its timings."""
        name = f"{key}{suffix}"
        move_into_place(audio_source, self.folder / name)
        record = {
            "audio": name,
            "size": (self.folder / name).stat().st_size,
            "duration": duration,
            "sentences": [s.record() for s in sentences],
        }
        atomic_write(self.folder / f"{key}.json", json.dumps(record, ensure_ascii=False))
        return SpeechResult(key, name, duration, sentences)

    def temporary_path(self, suffix: str) -> Path:
        """A fresh file name inside the cache folder (same file system, so rename is atomic)."""
        return temporary_path(self.folder, suffix)

    def prune(self, max_bytes: int, reachable: Collection[str] | None = None) -> int:
        """Keep the folder within `max_bytes` (see kiosk.support.file_cache); bytes freed."""
        return prune(self.folder, max_bytes, reachable)

    def bytes(self) -> int:
        """What the cache takes on disk."""
        return folder_bytes(self.folder)

    def remove_leftovers(self) -> None:
        """Delete temporary files of renderings that were interrupted (not ones in progress)."""
        remove_stale_temporaries(self.folder)
