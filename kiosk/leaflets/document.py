"""The leaflet's HTML: a topic laid out for paper, from templates/leaflet/leaflet.html."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nh3
from markupsafe import Markup

from kiosk.content import LanguageContent, Topic
from kiosk.export.addresses import public_topic_url, short_address
from kiosk.ui.icons import IconSet
from kiosk.ui.pictures import CREDIT, picture_file
from kiosk.ui.qr import qr_svg
from kiosk.ui.translation import N_, translate

_TERM_BUTTON = re.compile(
    r'<button type="button" class="term" popovertarget="[^"]*">(.*?)</button>'
)
PRINT_TAGS = {"p", "ul", "ol", "li", "h2", "h3", "strong", "em", "a", "br", "blockquote", "code"}


@dataclass(frozen=True)
class LeafletSettings:
    """What every leaflet of this kiosk says besides the topic."""

    site_name: str
    contact: str
    #: The public copy's address (PUBLIC_URL): each leaflet then prints its topic's page there.
    public_url: str | None = None


def for_paper(html: str) -> Markup:
    """Screen HTML made for paper: hard words in bold instead of buttons, no sentence marks."""
    html = _TERM_BUTTON.sub(r"<strong class=\"term\">\1</strong>", str(html))
    return Markup(nh3.clean(html, tags=PRINT_TAGS, attributes={"strong": {"class"}, "a": {"href"}}))


N_("QR-code naar de bron:")
N_("Vragen? Stel ze aan een medewerker van het buurthuis.")  # the default LEAFLET_CONTACT


def paper_picture(name: str | None, alt: str) -> Markup:
    """An idea's picture in the picture column, with a short text alternative (a figure of the
    tagged PDF); nothing when there is none. The path is relative to the project's folder,
    the only place the leaflet may load from."""
    file = picture_file(name)
    if file is None:
        return Markup("")
    return Markup('<img class="picture" src="static/{}" alt="{}">').format(file, alt)


@dataclass(frozen=True)
class TakeHome:
    """A topic's public page on the leaflet: its QR code and its address spelled out."""

    qr: Markup
    address: str


class LeafletDocument:
    """Builds leaflet HTML; plain Jinja, so it runs without Flask."""

    def __init__(self, templates: Path, icons: IconSet, settings: LeafletSettings) -> None:
        # Imported here, when the services are built: importing the leaflet service alone
        # (the command line, the PDF helper process) stays free of the template engine.
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        self.environment = Environment(
            loader=FileSystemLoader(templates),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.environment.globals.update(
            icon=icons.svg,
            figure=icons.figure,
            for_paper=for_paper,
            picture=paper_picture,
            picture_credit=CREDIT,
        )
        self.settings = settings

    def html(self, topic: Topic, content: LanguageContent, compact: bool = False) -> str:
        """The complete HTML of one topic's leaflet; `compact` leaves out the key points
        (they repeat the text) for a topic that would not fit on two sides otherwise."""
        url = topic.source.url
        lang = content.language.code

        def _(text: str, **values: object) -> str:
            translated = translate(lang, text)
            return translated % values if values else translated

        return self.environment.get_template("leaflet/leaflet.html").render(
            topic=topic,
            language=content.language,
            settings=self.settings,
            qr=qr_svg(url, f"{_('QR-code naar de bron:')} {url}") if url else None,
            home=self._take_home(topic, _),
            _=_,
            compact=compact,
        )

    def _take_home(self, topic: Topic, _: Callable[..., str]) -> TakeHome | None:
        if not self.settings.public_url:
            return None
        url = public_topic_url(self.settings.public_url, topic.lang, topic.slug)
        return TakeHome(qr_svg(url, f"{_('QR-code: lees of luister thuis')}: {url}"),
                        short_address(url))  # fmt: skip
