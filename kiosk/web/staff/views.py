"""/staff: is the kiosk working, and how is it used. Behind a password; every form has CSRF."""

from __future__ import annotations

import time
from datetime import datetime
from functools import wraps

from babel.dates import format_datetime
from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue

from kiosk.content.readability import Thresholds, measure_library
from kiosk.leaflets import LeafletUnavailable
from kiosk.printing import PrintError
from kiosk.ui.languages import LANGUAGES
from kiosk.usage import EVENT_NAMES, daily_chart
from kiosk.web.extensions import current_services
from kiosk.web.staff.session import is_staff, log_in, log_out

bp = Blueprint("staff", __name__, url_prefix="/staff")


REFUSALS = {
    "wrong": "Dat wachtwoord klopt niet.",
    "wait": "Dat wachtwoord klopt niet. Probeer het over {seconds} seconden opnieuw.",
    "locked": "Te vaak een verkeerd wachtwoord. Probeer het over {seconds} seconden opnieuw.",
    "busy": "Even wachten. Probeer het over een paar seconden opnieuw.",
    "no-password": "Er is nog geen wachtwoord. Zet er een met: python run.py set-password",
}


#: What the last content sync did, for staff (its precise reason follows in English).
SYNC_RESULTS = {
    "updated": "Bijgewerkt naar de nieuwste versie.",
    "unchanged": "Gekeken: er was niets nieuws.",
    "refused": "Een nieuwe versie is geweigerd. De kiosk laat de vorige versie zien.",
    "failed": (
        "De centrale opslag was niet te bereiken. De kiosk laat de laatste goede versie zien."
    ),
    "never": "Nog nooit bijgewerkt: run.py sync heeft nog niet gedraaid.",
}


def staff_only(view):
    """Send visitors without a live login to the login form; each use extends the login."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not is_staff(touch=True):
            return redirect(url_for("staff.login"), 303)
        return view(*args, **kwargs)

    return wrapper


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """The password form."""
    problem = None
    if request.method == "POST":
        attempt = log_in(request.form.get("password", ""))
        if attempt.outcome == "ok":
            return redirect(url_for("staff.dashboard"), 303)
        problem = REFUSALS[attempt.outcome].format(seconds=attempt.wait_seconds)
        current_app.logger.warning(
            "staff login refused for %s: %s", request.remote_addr, attempt.outcome
        )
    status = 401 if problem else 200
    return render_template("staff/login.html", problem=problem, language=LANGUAGES["nl"]), status


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """End the staff login (every copy of its cookie)."""
    log_out()
    return redirect(url_for("pages.start"), 303)


@bp.get("/")
@staff_only
def dashboard() -> ResponseReturnValue:
    """Health, printer, content and readability, usage."""
    library = current_services().library.current
    report = measure_library(library, Thresholds.from_settings(current_services().settings))
    usage = current_services().usage
    days = usage.per_day(30)
    return render_template(
        "staff/dashboard.html",
        language=LANGUAGES["nl"],
        library=library,
        report=report,
        printer=current_services().printing.printer_status(fresh=True),
        printing=current_services().printing.status(),
        speech=current_services().speech.status(),
        leaflets=current_services().leaflets.status(),
        days=days,
        chart=daily_chart(days),
        topics=usage.per_topic(30),
        event_names=EVENT_NAMES,
        usage_error=usage.last_error,
        sync=_sync_view(),
        sync_results=SYNC_RESULTS,
    )


def _sync_view() -> dict | None:
    """The content sync for the page: None when the content is not from a repository."""
    sync = current_services().content_sync
    if sync is None:
        return None
    report = sync.report(time.time())
    for name in ("last_attempt_at", "last_success_at"):
        report[name] = _in_dutch(report.get(name))
    if report.get("version"):
        report["version"]["date"] = _in_dutch(report["version"]["date"])
    return report


def _in_dutch(iso: str | None) -> str | None:
    """ "2 november 2026 om 09:30", as staff say it."""
    if iso is None:
        return None
    try:
        return format_datetime(datetime.fromisoformat(iso), "d MMMM y 'om' HH:mm", locale="nl")
    except ValueError:
        return iso


@bp.post("/reload")
@staff_only
def reload_content() -> ResponseReturnValue:
    """Read the content files again now."""
    result = current_services().library.reload()
    kept = (
        f" De oude versie blijft staan van: {', '.join(result.kept_old)}."
        if result.kept_old
        else ""
    )
    flash(f"De inhoud is opnieuw ingelezen.{kept}")
    return redirect(url_for("staff.dashboard"), 303)


@bp.post("/printer/resume")
@staff_only
def resume_printer() -> ResponseReturnValue:
    """Start a stopped printer queue again."""
    try:
        current_services().printing.resume()
        flash("De printer staat weer aan.")
    except PrintError as error:
        flash(f"Dat lukte niet: {error.staff_reason}")
    return redirect(url_for("staff.dashboard"), 303)


@bp.post("/printer/test")
@staff_only
def test_print() -> ResponseReturnValue:
    """Print one test page (not counted for visitors)."""
    try:
        page = current_services().leaflets.test_page(current_services().settings.site_name)
        job = current_services().printing.test_print(page)
        flash(f"De testafdruk is verstuurd (opdracht {job.printer_job}).")
    except (PrintError, LeafletUnavailable) as error:
        flash(f"De testafdruk lukte niet: {error}")
    return redirect(url_for("staff.dashboard"), 303)


@bp.get("/usage.csv")
@staff_only
def usage_csv() -> ResponseReturnValue:
    """The last 30 days of usage counts as CSV."""
    return Response(
        current_services().usage.csv(30),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=gebruik.csv"},
    )
