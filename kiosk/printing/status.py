"""What the printer and a print job are doing, as CUPS reasons and precise words for staff;
the visitor's words for the same are in kiosk.ui.print_messages."""

from __future__ import annotations

from dataclasses import dataclass


def reason_key(reason: str) -> str:
    """`media-empty-error` → `media-empty`."""
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


def blocking(reasons: tuple[str, ...]) -> list[str]:
    """The reasons that stop printing (warnings such as media-low do not)."""
    return [r for r in reasons if r not in ("none", "") and not r.endswith("-warning")]


@dataclass(frozen=True)
class PrinterStatus:
    """Whether the printer can print now; if not, why, for visitors and for staff."""

    ready: bool
    kind: str
    name: str
    staff_reason: str | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobStatus:
    """A print job: waiting, printing, done or failed, and why it failed."""

    state: str
    staff_reason: str | None = None
    reasons: tuple[str, ...] = ()


class PrintError(RuntimeError):
    """Printing could not start; `reasons` say why (for the visitor message)."""

    def __init__(self, staff_reason: str, reasons: tuple[str, ...] = ("other",)) -> None:
        super().__init__(staff_reason)
        self.staff_reason = staff_reason
        self.reasons = reasons
