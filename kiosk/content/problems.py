"""A problem found in a content file, precise enough for an editor to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentProblem:
    """What is wrong, in which file, and on which line when known."""

    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly form, as shown in /healthz."""
        return {"file": self.file, "line": self.line, "message": self.message}
