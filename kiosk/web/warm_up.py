"""Every visitor screen made once, as nobody's visit: before the server answers (so that the
first visitor after a start is not the one who waits while the templates compile and the
rendering helpers start), and for the texts the screens say in audio mode."""

from __future__ import annotations

import logging

from flask import Flask

from kiosk.content import Library
from kiosk.services import services_of
from kiosk.web.extensions import PRERENDER_ENVIRON

log = logging.getLogger(__name__)


def visitor_paths(library: Library, print_pages: bool = True) -> list[str]:
    """Every visitor screen that has texts of its own: per language its index, groups, topics,
    print pages (each waits for its leaflet) and help, and the start screen."""
    paths = ["/"]
    for lang, content in library.languages.items():
        paths += [f"/{lang}/", f"/{lang}/help"]
        paths += [f"/{lang}/theme/{theme.slug}" for theme in content.themes()]
        for topic in content.topics:
            paths.append(f"/{lang}/{topic.slug}")
            if print_pages:
                paths.append(f"/{lang}/{topic.slug}/print")
    return paths


def make_screens(app: Flask, paths: list[str]) -> None:
    """Each path made once through the whole app, its caches included; not counted as a visit."""
    client = app.test_client()
    for path in paths:
        response = client.get(path, environ_base={PRERENDER_ENVIRON: True})
        if response.status_code >= 500:
            log.warning("screen %s not made: %s", path, response.status)


def warm_up(app: Flask) -> None:
    """The screens a visitor reaches without waiting for a leaflet, in the page cache."""
    make_screens(app, visitor_paths(services_of(app).library.current, print_pages=False))
