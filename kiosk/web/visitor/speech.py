"""Speech URLs: timings as JSON (speech.json) and the audio files they name."""

from __future__ import annotations

import re

from flask import Blueprint, abort, current_app, jsonify, request, send_from_directory, url_for
from flask.typing import ResponseReturnValue

from kiosk.speech import SpeechBusy, SpeechUnavailable
from kiosk.speech.cache import KEY_PATTERN
from kiosk.speech.spoken_content import speech_request, topic_words, word_requests
from kiosk.ui.audio_mode import MAX_UTTERANCE_CHARACTERS
from kiosk.ui.messages import SPOKEN_MESSAGES, message
from kiosk.web.extensions import SPOKEN_TEXTS, count_use, current_services
from kiosk.web.visitor.pages import language_or_404, topic_or_404

bp = Blueprint("speech", __name__)

_WORD_SLUG = re.compile(r"^[\w-]{1,80}$")


def _speech_json(lang: str, sentences: tuple[str, ...]) -> ResponseReturnValue:
    content = language_or_404(lang)
    if not content.language.voice:
        return _unavailable(lang, f"no voice for language {lang}")
    try:
        result = current_services().speech.get(
            speech_request(content, sentences),
            timeout=current_services().settings.speech_wait_seconds,
        )
    except SpeechBusy as error:
        return _unavailable(lang, str(error), retry_seconds=2)
    except SpeechUnavailable as error:
        return _unavailable(lang, str(error))
    response = jsonify(
        {
            "audio": url_for("speech.audio", name=result.audio_file),
            "duration": result.duration,
            "sentences": [
                {"id": index, **sentence.record()}
                for index, sentence in enumerate(result.sentences)
            ],
        }
    )
    response.headers["Cache-Control"] = "no-cache"
    return response


def _unavailable(lang: str, reason: str, retry_seconds: int | None = None) -> ResponseReturnValue:
    """503 with the plain message in the page's language; `retry_seconds` when the voice is
    only busy (the player tries again by itself), else the staff have something to fix."""
    current_app.logger.warning("speech unavailable: %s", reason)
    text = " ".join(message(lang, "speech_unavailable") or ())
    body = {"error": "speech_busy" if retry_seconds else "speech_unavailable", "message": text}
    if retry_seconds:
        body["retry"] = True
    response = jsonify(body)
    response.headers["Retry-After"] = str(retry_seconds or 30)
    return response, 503


@bp.get("/<lang>/<slug>/speech.json")
def topic_speech(lang: str, slug: str) -> ResponseReturnValue:
    """The spoken summary (default) or, with ?part=full, the whole topic."""
    topic = topic_or_404(lang, slug)
    part = request.args.get("part", "summary")
    if part not in ("summary", "full"):
        abort(404)
    count_use("listen", lang, slug)
    return _speech_json(lang, topic.spoken_full if part == "full" else topic.spoken_summary)


@bp.get("/<lang>/<slug>/words.json")
def topic_words_json(lang: str, slug: str) -> ResponseReturnValue:
    """The words of each sentence of the topic ("Woord voor woord"), and where each is said;
    asking for them renders those not rendered yet, in the background, so a tap sounds at once."""
    topic = topic_or_404(lang, slug)
    content = language_or_404(lang)
    if content.language.voice:
        current_services().speech.prerender(word_requests(content, topic), keep_only_these=False)
    response = jsonify(
        {
            "sentences": topic_words(topic),
            "speech": url_for("speech.topic_word_speech", lang=lang, slug=slug),
        }
    )
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/<lang>/<slug>/word/speech.json")
def topic_word_speech(lang: str, slug: str) -> ResponseReturnValue:
    """One word of the topic on its own (?text=): only a word the topic holds."""
    topic = topic_or_404(lang, slug)
    text = request.args.get("text", "")
    if not any(text in sentence for sentence in topic_words(topic)):
        abort(404)
    return _speech_json(lang, (text,))


@bp.get("/<lang>/words/<word>/speech.json")
def word_speech(lang: str, word: str) -> ResponseReturnValue:
    """A glossary word and its explanation."""
    entry = language_or_404(lang).glossary_entry(word) if _WORD_SLUG.match(word) else None
    if entry is None:
        abort(404)
    return _speech_json(lang, entry.spoken)


@bp.get("/<lang>/messages/<name>/speech.json")
def message_speech(lang: str, name: str) -> ResponseReturnValue:
    """A message the kiosk shows, such as 'this page does not exist'."""
    language_or_404(lang)
    if name not in SPOKEN_MESSAGES:  # only what the kiosk shows: nothing made up in a URL
        abort(404)
    return _speech_json(lang, message(lang, name) or ())


@bp.get("/say/speech.json")
def say() -> ResponseReturnValue:
    """What an item says in audio mode: only a text a page of this kiosk holds, with the
    signature the page gave it (?lang=, text=, key=)."""
    lang = request.args.get("lang", "")
    text = request.args.get("text", "")
    key = request.args.get("key", "")
    language_or_404(lang)
    signer = current_app.extensions[SPOKEN_TEXTS].signer
    if not text or len(text) > MAX_UTTERANCE_CHARACTERS or not signer.verify(lang, text, key):
        abort(404)
    return _speech_json(lang, (text,))


@bp.get("/speech/<name>")
def audio(name: str) -> ResponseReturnValue:
    """An audio file from the speech cache (its name holds its content's hash)."""
    key, _, suffix = name.partition(".")
    if not KEY_PATTERN.match(key) or suffix not in ("ogg", "wav"):
        abort(404)
    response = send_from_directory(
        current_services().speech.cache.folder, name, mimetype=f"audio/{suffix}", max_age=31536000
    )
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
