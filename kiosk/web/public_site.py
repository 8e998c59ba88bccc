"""The public copy's side of the templates: what `run.py export` needs to render the kiosk's
own pages as a website (kiosk/web/export.py writes them), and the QR code that leads there.

One app renders either the kiosk or the public copy (PUBLIC_SITE, set by the export only), so
a visitor at the kiosk can never ask for the public variant, and the caches never mix them.
"""

from __future__ import annotations

import json
from functools import partial

from flask import Flask

from kiosk.export.addresses import public_topic_url, public_url, short_address
from kiosk.services import Services
from kiosk.ui.preferences import TEXT_SIZE_NAMES, TEXT_SIZES
from kiosk.ui.qr import qr_svg
from kiosk.ui.translation import translate
from kiosk.web.babel import current_language
from kiosk.web.security import CONTENT_SECURITY_POLICY

#: The kiosk's policy as a <meta> element: frame-ancestors works only as a header.
PUBLIC_CONTENT_POLICY = "; ".join(
    part for part in CONTENT_SECURITY_POLICY.split("; ") if not part.startswith("frame-ancestors")
)


def public_text_sizes() -> str:
    """The text sizes for public-site.js, as JSON: each size's class on <html> and the words
    on its button ("Letters: groot") in the page's language."""
    lang = current_language()
    label = translate(lang, "Letters: %(size)s")
    return json.dumps(
        [
            {"class": f"text-{size}", "label": label % {"size": translate(lang, name)}}
            for size, name in zip(TEXT_SIZES, TEXT_SIZE_NAMES, strict=True)
        ],
        ensure_ascii=False,
    )


def _public_address(base: str | None, path: str) -> str | None:
    return public_url(base, path) if base else None


def init_public_site(app: Flask, services: Services) -> None:
    """The template globals: whether this is the public copy, its addresses, the QR code."""
    settings = services.settings
    app.jinja_env.globals.update(
        public_site=settings.public_site,
        public_address=partial(_public_address, settings.public_url),
        public_topic_url=public_topic_url,
        public_content_policy=PUBLIC_CONTENT_POLICY,
        public_text_sizes=public_text_sizes,
        short_address=short_address,
        qr_svg=qr_svg,
    )
