"""Leaflets and printing: the PDF, the confirmation, the print request and its progress."""

from __future__ import annotations

import re

from flask import Blueprint, abort, current_app, redirect, send_file, session, url_for
from flask.typing import ResponseReturnValue

from kiosk.leaflets import Leaflet, LeafletBusy, LeafletUnavailable
from kiosk.printing import PrintRefused
from kiosk.ui.messages import message
from kiosk.ui.print_messages import confirmation_message, job_message, refusal_message
from kiosk.web.extensions import count_use, current_services, htmx
from kiosk.web.rendering import render_page
from kiosk.web.visitor.pages import language_or_404, topic_or_404

bp = Blueprint("printing", __name__)
#: The session's own print jobs (their tokens), the newest last.
JOBS = "print_jobs"
KEPT_JOBS = 5
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _leaflet(lang: str, slug: str) -> Leaflet:
    topic = topic_or_404(lang, slug)
    try:
        return current_services().leaflets.get(topic, language_or_404(lang))
    except LeafletBusy as error:  # the visitor is asked to try again; nothing is broken
        current_app.logger.warning("leaflet %s/%s: %s", lang, slug, error)
        abort(503)
    except LeafletUnavailable as error:
        current_app.logger.error("leaflet %s/%s: %s", lang, slug, error)
        abort(503)


@bp.get("/<lang>/<slug>/leaflet.pdf")
def leaflet_pdf(lang: str, slug: str) -> ResponseReturnValue:
    """The topic's leaflet as a tagged PDF."""
    response = send_file(
        _leaflet(lang, slug).pdf, mimetype="application/pdf", download_name=f"{slug}.pdf"
    )
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/<lang>/<slug>/leaflet.png")
def leaflet_thumbnail(lang: str, slug: str) -> ResponseReturnValue:
    """A small picture of the leaflet's first page."""
    leaflet = _leaflet(lang, slug)
    if leaflet.thumbnail is None:
        abort(404)
    response = send_file(leaflet.thumbnail, mimetype="image/png")
    response.headers["Cache-Control"] = "no-cache"
    return response


def _confirm(lang: str, slug: str, refused: PrintRefused | None = None) -> ResponseReturnValue:
    """Ask once before printing, or say why printing cannot be done now."""
    topic = topic_or_404(lang, slug)
    leaflet = _leaflet(lang, slug)
    refused = refused or _refusal()
    if refused is not None:
        current_app.logger.warning("print refused: %s", refused.staff_reason)
    name = (
        confirmation_message(leaflet.pages)
        if refused is None
        else refusal_message(refused.kind, refused.reasons)
    )
    return render_page(
        "visitor/print_confirm.html",
        lang=lang,
        topic=topic,
        leaflet=leaflet,
        message_name=name,
        sentences=message(lang, name) or (),
        can_print=refused is None,
    )


def _refusal() -> PrintRefused | None:
    """Why a print would be refused now, if it would."""
    try:
        current_services().printing.check()
    except PrintRefused as refused:
        return refused
    return None


@bp.get("/<lang>/<slug>/print")
def confirm(lang: str, slug: str) -> ResponseReturnValue:
    """Ask once before printing: a picture of the leaflet and its number of pages."""
    return _confirm(lang, slug)


@bp.post("/<lang>/<slug>/print")
def print_leaflet(lang: str, slug: str) -> ResponseReturnValue:
    """Send the leaflet to the printer and show how it goes."""
    topic = topic_or_404(lang, slug)
    leaflet = _leaflet(lang, slug)
    try:
        job = current_services().printing.print_leaflet(
            lang, slug, leaflet.pdf, leaflet.pages, topic.title
        )
    except PrintRefused as refused:
        return _confirm(lang, slug, refused)
    count_use("print", lang, slug)
    assert job.token is not None
    _remember(job.token)
    if not htmx:
        return redirect(url_for("printing.job", token=job.token), 303)
    return _job_page(job.token)


@bp.get("/print/<token>")
def job(token: str) -> ResponseReturnValue:
    """A print job's progress; htmx asks again every second until it is done or failed."""
    return _job_page(token)


def _remember(token: str) -> None:
    """Only this browser may follow the job (the idle reset forgets it with the session)."""
    session[JOBS] = [*session.get(JOBS, [])[-(KEPT_JOBS - 1) :], token]


def _job_page(token: str) -> ResponseReturnValue:
    if not _TOKEN.match(token) or token not in session.get(JOBS, []):
        abort(404)  # another visitor's job, or none: nothing about it is shown
    service = current_services().printing
    stored = service.store.find(token)
    found = service.follow(stored.id) if stored is not None else None
    if found is None:
        abort(404)
    language_or_404(found.lang)
    topic = topic_or_404(found.lang, found.slug)
    printer = service.printer_status()
    name = job_message(found.state, found.reasons, printer.reasons)
    return render_page(
        "visitor/print_status.html",
        lang=found.lang,
        topic=topic,
        job=found,
        message_name=name,
        sentences=message(found.lang, name) or (),
    )
