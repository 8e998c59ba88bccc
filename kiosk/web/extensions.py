"""The Flask extensions the web layer shares, created unbound and bound in `registration`,
and the one way a view reaches the kiosk's services."""

from __future__ import annotations

from flask import current_app, request
from flask_htmx import HTMX
from flask_wtf.csrf import CSRFProtect

from kiosk.services import Services, services_of

htmx = HTMX()
csrf = CSRFProtect()
#: Set in the WSGI environ of the start-up rendering of the screens (kiosk/web/audio_mode.py):
#: nobody's visit. Not a header, so no request from outside can set it.
PRERENDER_ENVIRON = "kiosk.prerender"
#: Where the app keeps its audio-mode texts (kiosk/web/audio_mode.py's SpokenTexts).
SPOKEN_TEXTS = "kiosk.spoken_texts"


def current_services() -> Services:
    """The services of the app handling this request."""
    return services_of(current_app)


def count_use(event: str, lang: str = "-", slug: str = "-") -> None:
    """Count a visitor's use for the staff's statistics; a HEAD request (a link checker, a
    monitor) and the start-up rendering of the screens (kiosk/web/audio_mode.py) are nobody's
    visit."""
    if current_services().settings.public_site:
        return  # the export renders every page once: nobody visited
    if request.method != "HEAD" and not request.environ.get(PRERENDER_ENVIRON):
        current_services().usage.record(event, lang, slug)
