"""Fuzzing the speech text path (any Unicode text is spoken or refused cleanly, never hangs)
and the leaflet path (hostile content renders within the timeout or is refused)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import soundfile
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.content.library_loader import load_library
from kiosk.leaflets import LeafletDocument, LeafletService, LeafletSettings, LeafletUnavailable
from kiosk.settings import PROJECT_ROOT
from kiosk.speech import SpeechService
from kiosk.speech.service import SpeechRequest, SpeechUnavailable
from kiosk.ui.icons import IconSet
from tests.samples import VALID_TOPIC

SPEECH_EXAMPLES = 40
LEAFLET_EXAMPLES = 12
JOB_TIMEOUT = 20.0


@cache
def speech() -> SpeechService:
    return SpeechService(Path(tempfile.mkdtemp(prefix="fuzz-speech-")), job_timeout=JOB_TIMEOUT)


@cache
def leaflets() -> LeafletService:
    static = PROJECT_ROOT / "static"
    document = LeafletDocument(
        PROJECT_ROOT / "templates",
        IconSet(static / "vendor" / "icons"),
        LeafletSettings("Fuzz", ""),
    )
    cache_dir = Path(tempfile.mkdtemp(prefix="fuzz-leaflets-"))
    return LeafletService(cache_dir, document, PROJECT_ROOT, [static], timeout=JOB_TIMEOUT)


@pytest.fixture(scope="module", autouse=True)
def close_helpers() -> Iterator[None]:
    yield
    speech().close()
    leaflets().close()


sentences = st.lists(st.text(max_size=200), min_size=1, max_size=4).map(tuple)


@settings(max_examples=SPEECH_EXAMPLES)
@given(texts=sentences, voice=st.sampled_from(["nl", "en", "ar", "uk"]))
@example(texts=("\x00\x01\ufeff",), voice="nl")
@example(texts=("A" * 3000,), voice="nl")
@example(texts=("🙂" * 50, "‮rtl override", "\u200b" * 20), voice="ar")
def test_any_text_is_spoken_or_refused_cleanly(texts: tuple[str, ...], voice: str):
    started = time.monotonic()
    try:
        result = speech().get(SpeechRequest(texts, voice), timeout=JOB_TIMEOUT * 2)
    except SpeechUnavailable as error:
        assert str(error)  # refused, with a reason for the staff
    else:
        assert len(result.sentences) == len(texts)
        audio = speech().cache.folder / result.audio_file
        assert soundfile.info(str(audio)).duration >= 0
        ends = [sentence.end for sentence in result.sentences]
        assert ends == sorted(ends)
    assert time.monotonic() - started < JOB_TIMEOUT * 2 + 5


hostile = st.sampled_from([
    "<script>alert(1)</script>", '<img src="file:///etc/passwd">', "<style>@import url(http://x)</style>",
    '<link rel="attachment" href="file:///etc/shadow">', "[x](file:///etc/passwd)",
    "![x](http://example.org/a.png)", "&#x3C;script&#x3E;", "<svg><use href='http://x'/></svg>",
    "W" * 500, "- " * 300, "> " * 60 + "diep", "|" * 200,
])  # fmt: skip
body = st.lists(hostile | st.text(max_size=300), min_size=1, max_size=8).map("\n\n".join)


@settings(max_examples=LEAFLET_EXAMPLES)
@given(text=body, title=st.text(min_size=1, max_size=80).filter(str.strip))
def test_hostile_content_gives_a_leaflet_in_time_or_is_refused(text: str, title: str):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "nl").mkdir()
        topic_text = VALID_TOPIC.replace("title: Een test", f"title: {title!r}") + "\n" + text
        (Path(folder) / "nl" / "fuzz.md").write_text(topic_text, encoding="utf-8")
        library = load_library(Path(folder))
    content = library.languages.get("nl")
    if content is None or not content.topics:
        assert library.problems  # refused, and the editor is told why
        return
    started = time.monotonic()
    try:
        leaflet = leaflets().get(content.topics[0], content)
    except LeafletUnavailable as error:
        assert str(error)
    else:
        assert leaflet.pdf.read_bytes().startswith(b"%PDF") and leaflet.pages >= 1
    assert time.monotonic() - started < 2 * (JOB_TIMEOUT + 5)
