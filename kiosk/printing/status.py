"""What the printer and a print job are doing: plain words for visitors, precise for staff."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import N_

ASK_STAFF = N_("Vraag een medewerker.")

#: printer-state-reasons (without -error/-warning/-report) → what a visitor is told.
REASON_MESSAGES = {
    "media-empty": N_("De printer heeft geen papier."),
    "media-needed": N_("De printer heeft geen papier."),
    "media-jam": N_("Het papier zit vast in de printer."),
    "toner-empty": N_("De printer heeft geen inkt meer."),
    "marker-supply-empty": N_("De printer heeft geen inkt meer."),
    "door-open": N_("De printer staat open."),
    "cover-open": N_("De printer staat open."),
    "input-tray-missing": N_("De papierlade zit niet in de printer."),
    "offline": N_("De printer staat uit of is niet aangesloten."),
    "shutdown": N_("De printer staat uit."),
    "paused": N_("De printer is gestopt."),
    "stopped": N_("De printer is gestopt."),
    "not-accepting": N_("De printer neemt nu geen opdrachten aan."),
    "unreachable": N_("De printer is niet bereikbaar."),
    "no-printer": N_("Er is geen printer ingesteld."),
    "other": N_("De printer werkt nu niet."),
}

#: Messages the kiosk shows about printing; each can be read aloud (kiosk.messages).
PRINT_MESSAGES = {
    "print_waiting": (N_("Even wachten."), N_("Uw folder wordt zo geprint.")),
    "print_printing": (N_("Uw folder wordt nu geprint."),),
    "print_done": (N_("Klaar."), N_("Pak uw folder uit de printer.")),
    "print_failed": (N_("Printen is niet gelukt."),),
    "print_cannot": (N_("Printen lukt nu niet."),),
    "print_wait_cooldown": (
        N_("Er is net een folder geprint."),
        N_("Probeer het over een minuut opnieuw."),
    ),
    "print_daily_limit": (
        N_("Vandaag zijn er al veel folders geprint."),
        N_("Vraag een medewerker om een folder."),
    ),
    "ask_staff": (ASK_STAFF,),
    "print_confirm": (N_("Wilt u deze folder printen?"),),
    "print_pages_1": (N_("De folder heeft 1 pagina."),),
    "print_pages_2": (N_("De folder heeft 2 pagina's."),),
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
