"""A language's pronunciation list: how the voice should say words it reads wrongly.

`content/<lang>/pronunciation.yaml` holds whole words (`azc: aa zee cee`) and, for numbers and
amounts, patterns (`match:` a regular expression, `say:` its replacement). It changes only
what is spoken; the screen shows the text as written.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from kiosk.content.problems import ContentProblem
from kiosk.content.schema import Text, describe_errors
from kiosk.content.yaml_positions import YamlDocument, YamlError

PRONUNCIATION_FILE = "pronunciation.yaml"


class PatternItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    match: Text
    say: str


class PronunciationFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    words: dict[str, Text] = {}
    patterns: list[PatternItem] = []


class Pronunciation:
    """Rewrites text into what the voice should say."""

    def __init__(
        self, words: tuple[tuple[str, str], ...] = (), patterns: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.words = words
        self.patterns = patterns
        self._say = {word.casefold(): say for word, say in words}
        forms = sorted(self._say, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, forms))
        self._word_pattern = (
            re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE) if forms else None
        )
        self._compiled = [(re.compile(match), say) for match, say in patterns]

    def apply(self, text: str) -> str:
        """`text` as the voice should read it."""
        return self.apply_mapped(text)[0]

    def apply_mapped(self, text: str) -> tuple[str, list[int]]:
        """`text` as the voice should read it, with white space folded, and for each of its
        characters the position in `text` it was made from (so the word the voice says can be
        marked on screen: "aa zee cee" is the word "azc")."""
        origin = list(range(len(text)))
        for pattern, say in self._compiled:
            text, origin = _mapped_sub(
                pattern, lambda match, say=say: match.expand(say), text, origin
            )
        if self._word_pattern is not None:
            text, origin = _mapped_sub(
                self._word_pattern, lambda match: self._say[match.group(0).casefold()], text, origin
            )
        return _folded(text, origin)

    @property
    def digest(self) -> str:
        """Changes whenever the list changes (part of the speech cache key)."""
        return hashlib.sha256(repr((self.words, self.patterns)).encode()).hexdigest()[:16]


def _mapped_sub(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], text: str, origin: list[int]
) -> tuple[str, list[int]]:
    """`pattern.sub(replace, text)`, carrying each character's origin."""
    pieces: list[str] = []
    origins: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(text[last : match.start()])
        origins += origin[last : match.start()]
        new = replace(match)
        pieces.append(new)
        origins += _replacement_origin(match, new, origin)
        last = match.end()
    pieces.append(text[last:])
    origins += origin[last:]
    return "".join(pieces), origins


def _replacement_origin(match: re.Match[str], new: str, origin: list[int]) -> list[int]:
    """Where each character of a match's replacement came from: a group the replacement
    repeats comes from the group ("€ 1 miljard" read as "1 miljard euro" keeps "1" and
    "miljard" apart); the rest is spread over the match ("PvdA" read in full stays "PvdA")."""
    found: list[int | None] = [None] * len(new)
    cursor = 0
    for group in range(1, (match.re.groups or 0) + 1):
        value, start = match.group(group), match.start(group)
        at = new.find(value, cursor) if value else -1
        if at >= 0:
            found[at : at + len(value)] = origin[start : start + len(value)]
            cursor = at + len(value)
    matched = origin[match.start() : match.end()] or [_origin_at(origin, match.start())]
    spread = (matched[k * len(matched) // len(new)] for k in range(len(new)))
    return [
        here if here is not None else fallback for here, fallback in zip(found, spread, strict=True)
    ]


def _origin_at(origin: list[int], position: int) -> int:
    """Where an empty match at `position` came from."""
    if position < len(origin):
        return origin[position]
    return origin[-1] + 1 if origin else 0


def _folded(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Runs of white space as one space, none at either end (as the voice is given text)."""
    kept_text: list[str] = []
    kept_origin: list[int] = []
    for character, source in zip(text, origin, strict=True):
        if character.isspace():
            if not kept_text or kept_text[-1] == " ":
                continue
            character = " "
        kept_text.append(character)
        kept_origin.append(source)
    if kept_text and kept_text[-1] == " ":
        kept_text.pop()
        kept_origin.pop()
    return "".join(kept_text), kept_origin


def load_pronunciation(path: Path, shown_as: str) -> tuple[Pronunciation, list[ContentProblem]]:
    """Read a pronunciation file; a broken entry is reported and left out."""
    try:
        document = YamlDocument(path.read_text(encoding="utf-8"))
    except YamlError as error:
        return Pronunciation(), [ContentProblem(shown_as, error.message, error.line)]
    except (UnicodeDecodeError, OSError) as error:
        return Pronunciation(), [ContentProblem(shown_as, f"cannot read the file: {error}")]
    try:
        data = PronunciationFile.model_validate(document.data or {})
    except ValidationError as error:
        problems = [
            ContentProblem(shown_as, message, document.line_of(loc))
            for loc, message in describe_errors(error)
        ]
        return Pronunciation(), problems
    problems = []
    patterns = []
    for index, item in enumerate(data.patterns):
        try:
            re.compile(item.match).sub(item.say, "")
        except (re.error, IndexError) as error:
            line = document.line_of(["patterns", index])
            problems.append(ContentProblem(shown_as, f"pattern {item.match!r}: {error}", line))
            continue
        patterns.append((item.match, item.say))
    return Pronunciation(tuple(data.words.items()), tuple(patterns)), problems
