"""A language's pronunciation list: how the voice should say words it reads wrongly.

`content/<lang>/pronunciation.yaml` holds whole words (`azc: aa zee cee`) and, for numbers and
amounts, patterns (`match:` a regular expression, `say:` its replacement). It changes only
what is spoken; the screen shows the text as written.
"""

from __future__ import annotations

import hashlib
import re
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
        for pattern, say in self._compiled:
            text = pattern.sub(say, text)
        if self._word_pattern is not None:
            text = self._word_pattern.sub(lambda match: self._say[match.group(0).casefold()], text)
        return text

    @property
    def digest(self) -> str:
        """Changes whenever the list changes (part of the speech cache key)."""
        return hashlib.sha256(repr((self.words, self.patterns)).encode()).hexdigest()[:16]


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
