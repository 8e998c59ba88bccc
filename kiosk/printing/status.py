"""What the printer and a print job are doing: plain words for visitors, precise for staff."""

from __future__ import annotations

from dataclasses import dataclass

ASK_STAFF = "Vraag een medewerker."

#: printer-state-reasons (without -error/-warning/-report) → what a visitor is told.
REASON_MESSAGES = {
    "media-empty": "De printer heeft geen papier.",
    "media-needed": "De printer heeft geen papier.",
    "media-jam": "Het papier zit vast in de printer.",
    "toner-empty": "De printer heeft geen inkt meer.",
    "marker-supply-empty": "De printer heeft geen inkt meer.",
    "door-open": "De printer staat open.",
    "cover-open": "De printer staat open.",
    "input-tray-missing": "De papierlade zit niet in de printer.",
    "offline": "De printer staat uit of is niet aangesloten.",
    "shutdown": "De printer staat uit.",
    "paused": "De printer is gestopt.",
    "stopped": "De printer is gestopt.",
    "not-accepting": "De printer neemt nu geen opdrachten aan.",
    "unreachable": "De printer is niet bereikbaar.",
    "no-printer": "Er is geen printer ingesteld.",
    "other": "De printer werkt nu niet.",
}

#: Messages the kiosk shows about printing; each can be read aloud (kiosk.messages).
PRINT_MESSAGES = {
    "print_waiting": ("Even wachten.", "Uw folder wordt zo geprint."),
    "print_printing": ("Uw folder wordt nu geprint.",),
    "print_done": ("Klaar.", "Pak uw folder uit de printer."),
    "print_failed": ("Printen is niet gelukt.",),
    "print_cannot": ("Printen lukt nu niet.",),
    "print_wait_cooldown": (
        "Er is net een folder geprint.",
        "Probeer het over een minuut opnieuw.",
    ),
    "print_daily_limit": (
        "Vandaag zijn er al veel folders geprint.",
        "Vraag een medewerker om een folder.",
    ),
    "ask_staff": (ASK_STAFF,),
    "print_confirm": ("Wilt u deze folder printen?",),
    "print_pages_1": ("De folder heeft 1 pagina.",),
    "print_pages_2": ("De folder heeft 2 pagina's.",),
}


def job_message_name(state: str, reasons: tuple[str, ...], printer_problem: tuple[str, ...]) -> str:
    """The message for a job's state, with the printer's problem when there is one."""
    if state == "done":
        return "print_done"
    if state == "printing":
        return "print_printing"
    known = [r for r in blocking(reasons) if reason_key(r) in REASON_MESSAGES]
    problem = known or list(printer_problem)
    if state == "failed":
        return f"print_failed+{message_name_for(problem or ['other'])}+ask_staff"
    if problem:
        return f"print_waiting+{message_name_for(problem)}+ask_staff"
    return "print_waiting"


def reason_key(reason: str) -> str:
    """`media-empty-error` → `media-empty`."""
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


def blocking(reasons: tuple[str, ...]) -> list[str]:
    """The reasons that stop printing (warnings such as media-low do not)."""
    return [r for r in reasons if r not in ("none", "") and not r.endswith("-warning")]


def visitor_message_for(reasons: list[str]) -> str:
    """The plain sentence for the first reason a visitor can understand."""
    for reason in reasons:
        message = REASON_MESSAGES.get(reason_key(reason))
        if message:
            return message
    return REASON_MESSAGES["other"]


def message_name_for(reasons: list[str]) -> str:
    """The name of the spoken message for these reasons (`printer_media-empty`, ...)."""
    for reason in reasons:
        if reason_key(reason) in REASON_MESSAGES:
            return "printer_" + reason_key(reason)
    return "printer_other"


@dataclass(frozen=True)
class PrinterStatus:
    """Whether the printer can print now; if not, why, for visitors and for staff."""

    ready: bool
    kind: str
    name: str
    staff_reason: str | None = None
    reasons: tuple[str, ...] = ()

    @property
    def visitor_message(self) -> str | None:
        """A plain sentence for the visitor, or None when the printer is ready."""
        return None if self.ready else visitor_message_for(list(self.reasons) or ["other"])

    @property
    def message_name(self) -> str | None:
        """The spoken message that says the same."""
        return None if self.ready else message_name_for(list(self.reasons) or ["other"])


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
