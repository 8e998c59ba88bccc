"""Leaflets and printing: the PDF, the confirmation, the print request and its progress."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, send_file, url_for
from flask.typing import ResponseReturnValue

from kiosk import htmx, leaflets_of, printing_of, usage_of
from kiosk.leaflets import Leaflet, LeafletUnavailable
from kiosk.messages import message
from kiosk.printing import PrintRefused
from kiosk.printing.status import job_message_name
from kiosk.views.pages import language_or_404, topic_or_404
from kiosk.views.rendering import render_page

bp = Blueprint("printing", __name__)


def _leaflet(lang: str, slug: str) -> Leaflet:
    topic = topic_or_404(lang, slug)
    try:
        return leaflets_of(current_app).get(topic, language_or_404(lang))
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
    topic = topic_or_404(lang, slug)
    leaflet = _leaflet(lang, slug)
    if refused is None:
        try:
            printing_of(current_app).check()
        except PrintRefused as error:
            refused = error
    notice = None
    if refused is not None:
        current_app.logger.warning("print refused: %s", refused.staff_reason)
        name = refused.message_name
        notice = f"print_cannot+{name}" if name.startswith("printer_") else name
        if name.startswith("printer_"):
            notice += "+ask_staff"
    name = notice or f"print_confirm+print_pages_{min(leaflet.pages, 2)}"
    return render_page(
        "visitor/print_confirm.html",
        lang=lang,
        topic=topic,
        leaflet=leaflet,
        message_name=name,
        sentences=message(lang, name) or (),
        can_print=notice is None,
    )


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
        job = printing_of(current_app).print_leaflet(
            lang, slug, leaflet.pdf, leaflet.pages, topic.title
        )
    except PrintRefused as refused:
        return _confirm(lang, slug, refused)
    usage_of(current_app).record("print", lang, slug)
    if not htmx:
        return redirect(url_for("printing.job", job_id=job.id), 303)
    return _job_page(job.id)


@bp.get("/print/<int:job_id>")
def job(job_id: int) -> ResponseReturnValue:
    """A print job's progress; htmx asks again every second until it is done or failed."""
    return _job_page(job_id)


def _job_page(job_id: int) -> ResponseReturnValue:
    service = printing_of(current_app)
    found = service.follow(job_id)
    if found is None:
        abort(404)
    language_or_404(found.lang)
    topic = topic_or_404(found.lang, found.slug)
    printer = service.printer_status()
    name = job_message_name(found.state, found.reasons, printer.reasons)
    return render_page(
        "visitor/print_status.html",
        lang=found.lang,
        topic=topic,
        job=found,
        message_name=name,
        sentences=message(found.lang, name) or (),
    )
