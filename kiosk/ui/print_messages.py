"""The visitor's words about printing: the printer's problems, a job's progress and refusals,
and the one way they are combined into a message name ("print_failed+printer_media-jam+
ask_staff"), so that what the pages show, what is spoken and what is prerendered agree."""

from __future__ import annotations

from kiosk.printing.status import blocking, reason_key
from kiosk.ui.translation import N_

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

#: Messages the kiosk shows about printing; each can be read aloud (kiosk.ui.messages).
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


#: How a message about a printer problem starts: it cannot print, a job failed, a job waits.
PROBLEM_OPENINGS = ("print_cannot", "print_failed", "print_waiting")
#: A refusal that is not about the printer → its message.
REFUSALS = {"cooldown": "print_wait_cooldown", "daily_limit": "print_daily_limit"}
MAX_PAGES_SAID = 2


def printer_problem(reasons: list[str] | tuple[str, ...]) -> str:
    """The message name for the first reason a visitor can understand (`printer_media-empty`),
    `printer_other` when there is none."""
    for reason in reasons:
        if reason_key(reason) in REASON_MESSAGES:
            return "printer_" + reason_key(reason)
    return "printer_other"


def printer_problem_text(reasons: list[str] | tuple[str, ...]) -> str:
    """The plain sentence for the same (Dutch; translated where it is shown)."""
    return REASON_MESSAGES[printer_problem(reasons).removeprefix("printer_")]


def problem_message(opening: str, problem: str) -> str:
    """A message about a printer problem: its opening, the problem, and "ask the staff"."""
    assert opening in PROBLEM_OPENINGS, opening
    return f"{opening}+{problem}+ask_staff"


def refusal_message(kind: str, reasons: tuple[str, ...]) -> str:
    """Why the kiosk will not print now: a pause, the daily limit, or the printer."""
    return REFUSALS.get(kind) or problem_message("print_cannot", printer_problem(reasons))


def confirmation_message(pages: int) -> str:
    """ "Do you want to print this leaflet? It has N pages." """
    return f"print_confirm+print_pages_{min(pages, MAX_PAGES_SAID)}"


def job_message(state: str, reasons: tuple[str, ...], printer_reasons: tuple[str, ...]) -> str:
    """The message for a job's state, with the printer's problem when there is one."""
    if state == "done":
        return "print_done"
    if state == "printing":
        return "print_printing"
    known = [r for r in blocking(reasons) if reason_key(r) in REASON_MESSAGES]
    problem = known or list(printer_reasons)
    if state == "failed":
        return problem_message("print_failed", printer_problem(problem))
    if problem:
        return problem_message("print_waiting", printer_problem(problem))
    return "print_waiting"


def print_messages() -> dict[str, tuple[str, ...]]:
    """Every single print message by name, the printer problems among them."""
    problems = {f"printer_{reason}": (text,) for reason, text in REASON_MESSAGES.items()}
    return {**PRINT_MESSAGES, **problems}


def combined_print_messages() -> list[str]:
    """Every combination the print pages can show, so all can be rendered before anyone asks."""
    names = [confirmation_message(pages) for pages in range(1, MAX_PAGES_SAID + 1)]
    problems = sorted({f"printer_{reason}" for reason in REASON_MESSAGES})
    names += [problem_message(opening, p) for opening in PROBLEM_OPENINGS for p in problems]
    return names
