"""Audio mode in the pages: the signed texts each item says, the screen's announcement, the
settings the script reads, and the rendering of those texts before anyone asks.

A template marks an item with `say(text)`: `data-say` holds the text (the caption shows it),
`data-say-key` its signature (the speech endpoint renders only signed texts). At start-up
every visitor screen of every language is made once and the texts it says are prerendered,
so they are ready before a key is pressed; any other is rendered when first asked for.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import partial

from flask import Flask, url_for
from markupsafe import Markup, escape

from kiosk.services import Services
from kiosk.speech import SpeechRequest
from kiosk.speech.spoken_content import speech_request
from kiosk.support.signing import TextSigner
from kiosk.ui.audio_mode import (
    HOLD_TO_START_SECONDS,
    ORDINARY_KEYS,
    SCRIPT_MESSAGES,
    TOUCH_CONFIRM_SECONDS,
    Spoken,
    key_map,
)
from kiosk.web.babel import current_language
from kiosk.web.warm_up import make_screens, visitor_paths


class SpokenTexts:
    """The texts the pages say: signed, and each rendered once, soon after it first appears."""

    def __init__(self, services: Services, secret: str) -> None:
        self.services = services
        self.signer = TextSigner(secret)
        self._seen: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def attributes(self, text: str, lang: str | None = None, name: str = "say") -> Markup:
        """` data-say="…" data-say-key="…" data-say-lang="…"`: the text, its signature and its
        language (a page swapped in by htmx does not change the <html lang> of the one before)."""
        lang = lang or current_language()
        self.note(lang, text)
        key = self.signer.sign(lang, text)
        found = f' data-{name}="{escape(text)}" data-{name}-key="{key}"'
        return Markup(found + f' data-{name}-lang="{escape(lang)}"')  # noqa: S704 - every value above is escaped or our own hex

    def note(self, lang: str, text: str) -> None:
        """Remember a text a page holds, for the prerendering. Not rendered at once: under a
        flood of requests that work slowed every page down (tests/test_flood.py); a text the
        start-up did not render is rendered when first asked for."""
        with self._lock:
            self._seen.add((lang, text))

    def request(self, lang: str, text: str) -> SpeechRequest | None:
        """The speech request for a text in a language with a voice."""
        content = self.services.library.current.language(lang)
        if content is None or not content.language.voice:
            return None
        return speech_request(content, (text,))

    def requests(self) -> list[SpeechRequest]:
        """Every text the pages have said since the start."""
        with self._lock:
            seen = sorted(self._seen)
        return [request for lang, text in seen if (request := self.request(lang, text))]


def interface_speech(app: Flask, texts: SpokenTexts) -> Callable[[], list[SpeechRequest]]:
    """What the prerendering adds to the content's speech: every text the visitor screens say
    (each screen made once, counted as nobody's visit)."""

    def render_screens() -> list[SpeechRequest]:
        make_screens(app, visitor_paths(texts.services.library.current))
        return texts.requests()

    return render_screens


def init_audio_mode(app: Flask, services: Services) -> SpokenTexts:
    """The template helpers: say(), spoken, announce() and audio_settings()."""
    texts = SpokenTexts(services, app.config["SECRET_KEY"])
    keys = key_map(app.config.get("AUDIO_KEYS"))
    app.jinja_env.globals.update(
        say=texts.attributes,
        announce=partial(announce, texts),
        spoken=_PageSpoken(),
        audio_settings=partial(audio_settings, keys),
    )
    if services.settings.public_site:  # the public copy has no audio mode: nothing to say
        app.jinja_env.globals.update(say=_nothing, announce=_nothing)
    return texts


def _nothing(*_args: object, **_kwargs: object) -> Markup:
    return Markup("")


def announce(texts: SpokenTexts, kind: str, title: str, holds: str | None = None) -> Markup:
    """The attributes of a screen (its <main>) or a sheet: what it says when it appears, the
    first time and again, and the message Help speaks first on it."""
    lang = current_language()
    spoken = Spoken(lang)
    first, again = spoken.screen(kind, title, holds)
    help_url = url_for("speech.message_speech", lang=lang, name=spoken.help_message(kind))
    return Markup("").join(
        (
            texts.attributes(first, name="announce"),
            texts.attributes(again, name="announce-again"),
            Markup(' data-audio-help="{}"').format(help_url),
        )
    )


def audio_settings(keys: dict[str, list[str]]) -> str:
    """What the audio-mode script needs, as JSON for the body's data-audio."""
    lang = current_language()
    return json.dumps(
        {
            "keys": keys,
            "ordinary": list(ORDINARY_KEYS),
            "holdMs": int(HOLD_TO_START_SECONDS * 1000),
            "confirmMs": int(TOUCH_CONFIRM_SECONDS * 1000),
            "sayUrl": url_for("speech.say"),
            "messages": {
                name: url_for("speech.message_speech", lang=lang, name=name)
                for name in SCRIPT_MESSAGES
            },
        },
        ensure_ascii=False,
    )


class _PageSpoken:
    """`spoken` in the templates: the words of audio mode in the page's language."""

    def __getattr__(self, name: str) -> object:
        return getattr(Spoken(current_language()), name)
