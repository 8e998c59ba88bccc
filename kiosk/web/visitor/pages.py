"""The visitor's pages: start screen, topic index per language, and topic pages."""

from __future__ import annotations

import re

from flask import Blueprint, abort
from flask.typing import ResponseReturnValue

from kiosk.content import LanguageContent, Topic
from kiosk.content.models import theme_slug
from kiosk.content.schema import SLUG_PATTERN
from kiosk.ui.languages import DEFAULT_LANGUAGE
from kiosk.web.extensions import count_use, current_services
from kiosk.web.rendering import render_page

bp = Blueprint("pages", __name__)

_LANG = re.compile(r"^[a-z]{2,3}$")
_SLUG = re.compile(SLUG_PATTERN)


def language_or_404(lang: str) -> LanguageContent:
    """The content of a language that exists, or a 404."""
    content = current_services().library.current.language(lang) if _LANG.match(lang) else None
    if content is None:
        abort(404)
    return content


def topic_or_404(lang: str, slug: str) -> Topic:
    """A topic that exists, or a 404."""
    found = language_or_404(lang).topic(slug) if _SLUG.match(slug) else None
    if found is None:
        abort(404)
    return found


@bp.get("/")
def start() -> str:
    """The start screen: what this kiosk is, and one big way in."""
    languages = sorted(
        (content.language for content in current_services().library.current.languages.values()),
        key=lambda language: language.code != DEFAULT_LANGUAGE,  # the kiosk's own language first
    )
    return render_page("visitor/start.html", cache_variant="start", languages=languages)


@bp.get("/<lang>/")
def topic_index(lang: str) -> str:
    """One big card per topic, or per theme when there are too many topics for one screen."""
    content = language_or_404(lang)
    template = "visitor/topic_index.html"
    if content.grouped(current_services().settings.index_max_cards):
        return render_page(template, lang, cache_variant="index", themes=content.themes())
    return render_page(template, lang, cache_variant="index", topics=content.topics)


@bp.get("/<lang>/theme/<slug>")
def theme(lang: str, slug: str) -> str:
    """The topics of one theme."""
    found = language_or_404(lang).theme(slug) if _SLUG.match(slug) else None
    if found is None:
        abort(404)
    return render_page(
        "visitor/topic_index.html", lang, cache_variant="theme", topics=found.topics, theme=found
    )


@bp.get("/<lang>/<slug>")
def topic(lang: str, slug: str) -> ResponseReturnValue:
    """A topic: title, summary, whose position it is, key points, text and hard words."""
    content = language_or_404(lang)
    if _SLUG.match(slug) and content.topic(slug) is None:
        dutch = current_services().library.current.topic(DEFAULT_LANGUAGE, slug)
        if dutch is not None:  # not translated yet: say so, in this language, and offer Dutch
            return render_page("visitor/untranslated.html", lang=lang, original=dutch), 404
    found = topic_or_404(lang, slug)
    viewed = ("view", lang, slug)
    count_use(*viewed)
    printer = current_services().printing.printer_status()
    grouped = content.grouped(current_services().settings.index_max_cards)
    back = theme_slug(found.theme) if grouped and found.theme else None
    return render_page(
        "visitor/topic.html", lang, cache_variant=printer, usage_event=viewed, topic=found,
        printer=printer, back_theme=back,
    )  # fmt: skip
