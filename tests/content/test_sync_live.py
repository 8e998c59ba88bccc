"""A running kiosk (`python run.py`) on content from a real bare repository, updated by
`python run.py sync` as the systemd timer runs it: the new version is served without a restart,
a refused one is explained on /staff and /healthz, and no request fails across a switch."""

from __future__ import annotations

import http.cookiejar
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.security import generate_password_hash

from devtools.server import kiosk_environment, start_server, stop_server
from kiosk.settings import PROJECT_ROOT
from tests.content_repository import BROKEN_TOPIC, ContentRepository, topic

PASSWORD = "buurthuis-2026"


@dataclass
class SyncedKiosk:
    repository: ContentRepository
    base: str
    environment: dict[str, str]

    def sync(self) -> subprocess.CompletedProcess[str]:
        """`run.py sync`, as the timer starts it: a process of its own beside the server."""
        return subprocess.run(
            [sys.executable, "run.py", "sync"],
            cwd=PROJECT_ROOT, env=self.environment, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=10) as response:
            return response.read().decode()


@pytest.fixture
def kiosk(tmp_path: Path, shared_caches: Path) -> Iterator[SyncedKiosk]:
    """A kiosk whose content is the organisation's repository, synced once before it starts."""
    repository = ContentRepository(tmp_path / "organisation")
    settings = {
        "CONTENT_REPOSITORY": str(repository.origin),
        "CONTENT_SYNC_DIR": str(tmp_path / "sync"),
        "CONTENT_WATCH_SECONDS": "0.3",
        "STAFF_PASSWORD_HASH": generate_password_hash(PASSWORD),
        "STAFF_FAILURE_DELAY_SECONDS": "0",
    }
    (tmp_path / "state").mkdir()
    environment = kiosk_environment(tmp_path / "state", shared_caches, **settings)
    synced = SyncedKiosk(repository, "", environment)
    first = synced.sync()
    assert first.returncode == 0, first.stdout + first.stderr
    server, synced.base = start_server(tmp_path / "state", shared_caches, **settings)
    try:
        yield synced
    finally:
        stop_server(server)


def eventually(check: Callable[[], object], seconds: float = 30) -> object:
    """The first true answer of `check`, asked until `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while not (answer := check()):
        assert time.monotonic() < deadline, "did not happen in time"
        time.sleep(0.2)
    return answer


def speech_of(kiosk: SyncedKiosk, path: str) -> dict | None:
    """The topic's speech once it is rendered (the server answers 503 while it renders)."""
    try:
        return json.loads(kiosk.get(path))
    except urllib.error.HTTPError as error:
        if error.code == 503:
            return None
        raise


def staff_page(kiosk: SyncedKiosk) -> str:
    """/staff, logged in with the password (the form's CSRF token included)."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form = browser.open(kiosk.base + "/staff/login", timeout=10).read().decode()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form)[1]
    data = urllib.parse.urlencode({"password": PASSWORD, "csrf_token": csrf}).encode()
    with browser.open(kiosk.base + "/staff/login", data=data, timeout=10) as response:
        assert response.url.endswith("/staff/"), "logged in"
        return response.read().decode()


def test_a_good_commit_is_served_with_its_speech(kiosk: SyncedKiosk):
    assert "Nieuw onderwerp" not in kiosk.get("/nl/")
    kiosk.repository.write("nl/nieuw.md", topic("Nieuw onderwerp", order=2))
    commit = kiosk.repository.commit("A new topic")
    result = kiosk.sync()
    assert result.returncode == 0 and result.stdout.startswith("updated"), result.stdout
    eventually(lambda: "Nieuw onderwerp" in kiosk.get("/nl/"))
    speech = eventually(lambda: speech_of(kiosk, "/nl/nieuw/speech.json"))
    assert "Nieuw onderwerp" in " ".join(s["text"] for s in speech["sentences"])
    with urllib.request.urlopen(kiosk.base + speech["audio"], timeout=10) as audio:
        sound = audio.read()
    assert sound[:4] in (b"OggS", b"RIFF") and len(sound) > 4000, "real audio"
    health = json.loads(kiosk.get("/healthz"))
    assert health["content"]["status"] == "ok"
    assert health["content"]["sync"]["version"]["commit"] == commit
    assert health["content"]["sync"]["version_age_days"] == 0
    assert commit[:10] in staff_page(kiosk)


def test_a_broken_commit_is_refused_and_explained_while_the_last_good_one_stays(
    kiosk: SyncedKiosk,
):
    good = kiosk.repository.head()
    kiosk.repository.write("nl/kapot.md", BROKEN_TOPIC)
    broken = kiosk.repository.commit("A broken topic")
    result = kiosk.sync()
    assert result.returncode == 1 and "nl/kapot.md:5: " in result.stdout, result.stdout
    health = json.loads(kiosk.get("/healthz"))
    content = health["content"]
    assert content["status"] == "degraded" and health["status"] == "degraded"
    assert content["sync"]["result"] == "refused"
    assert "nl/kapot.md:5: " in content["sync"]["reason"]
    assert content["sync"]["refused_commit"] == broken
    assert content["sync"]["version"]["commit"] == good
    assert content["languages"]["nl"]["topics"] == ["een-test"]
    page = staff_page(kiosk)
    assert "Een nieuwe versie is geweigerd" in page and "nl/kapot.md:5: " in page
    assert good[:10] in page
    assert "Een test" in kiosk.get("/nl/") and "Kapot" not in kiosk.get("/nl/")


def test_no_request_fails_while_the_version_switches(kiosk: SyncedKiosk):
    """At least 20 requests a second over start page, index, the topic that changes and the
    speech of one that does not, before, during and after the switch; every one answered 200.
    (The speech of a changed text is not in the mix: four visitors asking for the same new
    text at once meet the speech queue's own limit, which tests/speech/test_limits.py covers.)"""
    kiosk.repository.write("nl/blijft.md", topic("Blijft staan", order=3))
    kiosk.repository.commit("A topic that stays")
    assert kiosk.sync().returncode == 0
    eventually(lambda: "Blijft staan" in kiosk.get("/nl/"))
    eventually(lambda: speech_of(kiosk, "/nl/blijft/speech.json"))
    kiosk.repository.write("nl/een-test.md", topic("Een test, verbeterd"))
    kiosk.repository.write("nl/erbij.md", topic("Er bij gekomen", order=2))
    kiosk.repository.commit("Improve a topic, add one")
    paths = ["/", "/nl/", "/nl/een-test", "/nl/blijft/speech.json"]
    answers: list[int | str] = []
    stop = threading.Event()

    def visitor(offset: int) -> None:
        turn = offset
        while not stop.is_set():
            try:
                with urllib.request.urlopen(kiosk.base + paths[turn % len(paths)], timeout=10) as r:
                    r.read()
                    answers.append(r.status)
            except (urllib.error.URLError, OSError) as error:
                answers.append(f"{paths[turn % len(paths)]}: {error}")
            turn += 1

    visitors = [threading.Thread(target=visitor, args=(n,)) for n in range(4)]
    started = time.monotonic()
    for thread in visitors:
        thread.start()
    try:
        time.sleep(2)
        before = len(answers)
        result = kiosk.sync()
        eventually(lambda: "Er bij gekomen" in kiosk.get("/nl/"))
        switched = len(answers)
        time.sleep(2)
    finally:
        stop.set()
        for thread in visitors:
            thread.join()
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    failures = [answer for answer in answers if answer != 200]
    assert failures == [], failures[:5]
    assert len(answers) / elapsed >= 20, f"{len(answers)} requests in {elapsed:.1f} s"
    assert before > 0 and switched > before and len(answers) > switched, "load on both sides"
    assert "Een test, verbeterd" in kiosk.get("/nl/een-test")
