"""The content check's verdict in one place: `run.py check` prints it, `run.py sync` refuses a
new version it fails."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content.library_loader import load_library
from kiosk.content.models import Library
from kiosk.content.readability import LibraryReport, Thresholds, measure_library


@dataclass(frozen=True)
class CheckResult:
    """A content folder loaded and measured."""

    library: Library
    report: LibraryReport

    @property
    def failed(self) -> bool:
        """A problem in a file, a readability target missed, or nothing to show."""
        return (
            bool(self.library.problems) or self.report.failures > 0 or not self.library.topic_count
        )

    def reasons(self) -> list[str]:
        """Why it failed, one line each: file, line and problem first."""
        reasons = [str(problem) for problem in self.library.problems]
        reasons += [
            f"{topic.file}: {failure}" for topic in self.report.topics for failure in topic.failures
        ]
        if not self.library.topic_count:
            reasons.append("no topic in any language")
        return reasons


def check_content(folder: Path, thresholds: Thresholds, name: str | None = None) -> CheckResult:
    """Load every file under `folder` and measure every topic (`name`: see load_library)."""
    library = load_library(folder, name=name)
    return CheckResult(library, measure_library(library, thresholds))
