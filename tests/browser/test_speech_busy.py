"""A busy voice in a real browser: the server answers "try again" at once, and the player asks
again by itself until the audio is there (the rendering went on meanwhile)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser

from devtools.chromium import KIOSK_SCREEN, served
from tests.browser.test_read_aloud import wait_for
from tests.conftest import AppMaker


@pytest.fixture
def busy_server(make_app: AppMaker, tmp_path: Path) -> Iterator[tuple[str, Flask]]:
    """No request may wait for a rendering: every first ask for new speech is "busy"."""
    app = make_app(SPEECH_MAX_WAITING=0, SPEECH_CACHE_DIR=str(tmp_path / "speech"))
    with served(app) as base:
        yield base, app


def test_the_player_tries_again_while_the_voice_is_busy(
    browser: Browser, busy_server: tuple[str, Flask]
):
    base, _app = busy_server
    context = browser.new_context(viewport=KIOSK_SCREEN)
    page = context.new_page()
    answers: list[int] = []
    page.on(
        "response",
        lambda response: answers.append(response.status) if "speech.json" in response.url else None,
    )
    page.goto(base + "/nl/help")
    page.get_by_role("button", name="Voorlezen").first.click()
    wait_for(page, "s && !s.paused && s.time > 0.2", timeout=20_000)
    assert answers[0] == 503 and answers[-1] == 200, answers
    context.close()
