"""Load and soak: the kiosk as it runs (`python run.py`, granian) used by several kiosk browsers
at once for a fixed time, the way visitors use it: pages, htmx fragments, listening, printing,
settings and the reset for the next visitor. Counts every answer, the latency per kind of
request, what became of every print, and the app process's memory.

Usage: python -m bench.soak [--minutes 5] [--kiosks 10]   (exits 1 if a requirement fails)

Bounded: the server listens on 127.0.0.1 only, with its own state in a temporary folder; the
load runs for a fixed time, every request has a timeout and every thread is joined.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import random
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email.message import Message
from http.cookiejar import CookieJar
from pathlib import Path

from bench.serving import kiosk_server
from devtools.processes import children, rss_mb
from kiosk.settings import PROJECT_ROOT
from kiosk.ui.preferences import Preferences

#: Seconds any one request may take (the kiosk itself waits up to 30 s for a speech rendering).
REQUEST_TIMEOUT = 35.0
#: Seconds a print may take from its request to done or failed (the folder printer is instant).
PRINT_WAIT = 30.0
#: Seconds between two memory samples.
SAMPLE_EVERY = 2.0
#: Allowed growth of the app process's memory after the warm-up.
MAX_GROWTH = 0.10
#: Paper guard of the server under load: a short pause between prints, so that prints are
#: both made and refused in a short run, and a daily limit that is never reached.
SERVER_ENV = {"KIOSK_PRINT_COOLDOWN_SECONDS": "2", "KIOSK_PRINT_DAILY_LIMIT": "1000000"}

#: The answers each kind of request is expected to get; anything else is reported.
EXPECTED = {
    "start": {200},
    "index": {200},
    "topic": {200},
    "topic_htmx": {200},
    "speech_json": {200},
    "audio": {200},
    "listen_done": {204},
    "print_confirm": {200},
    "thumbnail": {200},
    "print_post": {200, 303},
    "print_status": {200},
    "message_speech": {200},
    "preferences": {200, 303},
    "reset": {204},
    "healthz": {200},
}

_BODY_TOKEN = re.compile(r'data-csrf-token="([^"]+)"')
_HTML_CLASSES = re.compile(r'<html [^>]*class="([^"]*)"')
_STATUS = re.compile(r'<section id="print-status"[^>]*?data-state="(\w+)"')
_STATUS_SPEECH = re.compile(r'<section id="print-status"[^>]*?data-speech="([^"]+)"')
_JOB = re.compile(r'data-speak-now="print-([A-Za-z0-9_-]+)-')
#: A refusal on the print page: its sentences (in a notice) and the speech of the message.
_NOTICE = re.compile(r'<p class="lead notice"[^>]*>(.*?)</p>', re.DOTALL)
_MESSAGE_SPEECH = re.compile(r'class="print-page__message" data-speech="([^"]+)"')
_SENTENCE = re.compile(r'<span class="s" data-s="\d+">([^<]+)</span>')
_MESSAGE_NAME = re.compile(r"/messages/([^/]+)/speech\.json")


@dataclass
class Answer:
    status: int
    headers: Message  # looked up without regard to case
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Tally:
    """Everything the kiosk threads saw; shared, so every change holds the lock."""

    statuses: Counter = field(default_factory=Counter)  # (kind, status) → requests
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    prints: Counter = field(default_factory=Counter)
    refusals: Counter = field(default_factory=Counter)  # message name → refusals
    failures: Counter = field(default_factory=Counter)  # failure message name → prints
    unexpected: list[str] = field(default_factory=list)  # "kind status path", first few
    problems: list[str] = field(default_factory=list)  # other things that went wrong
    lock: threading.Lock = field(default_factory=threading.Lock)

    def request(self, kind: str, status: int | str, seconds: float, path: str) -> None:
        with self.lock:
            self.statuses[kind, status] += 1
            self.latencies[kind].append(seconds)
            if status not in EXPECTED[kind] and len(self.unexpected) < 50:
                self.unexpected.append(f"{kind} {status} {path}")

    def count(self, what: str, name: str | None = None) -> None:
        with self.lock:
            self.prints[what] += 1
            if what == "refused_with_message" and name:
                self.refusals[name] += 1
            if what == "failed_with_reason" and name:
                self.failures[name] += 1

    def problem(self, text: str) -> None:
        with self.lock:
            if len(self.problems) < 50:
                self.problems.append(text)


class _Unchanged(urllib.request.HTTPErrorProcessor):
    """Every answer as it is: redirects are not followed and error statuses do not raise."""

    def http_response(self, request, response):
        return response

    https_response = http_response


class Kiosk:
    """One kiosk browser: its own cookies (its session) and a visitor using it."""

    def __init__(self, base: str, topics: dict[str, list[str]], tally: Tally, deadline: float,
                 seed: int) -> None:  # fmt: skip
        self.base = base
        self.topics = topics
        self.languages = sorted(topics)
        self.tally = tally
        self.deadline = deadline
        self.random = random.Random(seed)
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _Unchanged()
        )
        self.token: str | None = None  # the CSRF token of this session, from the last page
        self.path = "/"

    # -- requests ----------------------------------------------------------------------------

    def call(self, kind: str, path: str, data: dict[str, str] | None = None,
             headers: dict[str, str] | None = None) -> Answer | None:  # fmt: skip
        """One request, its body read fully; None (and counted as an error) if it failed."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                answer = Answer(response.status, response.headers, response.read())
        except OSError as error:  # refused, reset, timed out
            self.tally.request(kind, "error", time.perf_counter() - started, path)
            self.tally.problem(f"{kind} {path}: {type(error).__name__}: {error}")
            return None
        self.tally.request(kind, answer.status, time.perf_counter() - started, path)
        return answer

    def page(self, kind: str, path: str, htmx: bool = False) -> Answer | None:
        """A page as the browser shows it; a full page brings the session's CSRF token."""
        answer = self.call(kind, path, headers={"HX-Request": "true"} if htmx else None)
        if answer is not None and answer.status == 200:
            self.path = path
            found = _BODY_TOKEN.search(answer.text)
            if found:
                self.token = html.unescape(found[1])
        return answer

    def pause(self) -> None:
        time.sleep(self.random.uniform(0, 0.3))

    def time_left(self) -> bool:
        return time.monotonic() < self.deadline

    # -- what a visitor does -----------------------------------------------------------------

    def run(self) -> None:
        """Visitors one after another until the time is up."""
        try:
            while self.time_left():
                self.visit()
        except Exception as error:  # a bug in this script must not pass as a quiet thread
            self.tally.problem(f"kiosk thread stopped: {type(error).__name__}: {error}")
            raise

    def visit(self) -> None:
        """Start screen, a language's topics, a few topics (listening, printing, settings), and
        mostly the reset for the next visitor."""
        self.page("start", "/")
        self.pause()
        lang = "nl" if "nl" in self.topics and self.random.random() < 0.6 else None
        lang = lang or self.random.choice(self.languages)
        self.page("index", f"/{lang}/")
        for _ in range(self.random.randint(1, 4)):
            if not self.time_left():
                return
            self.pause()
            slug = self.random.choice(self.topics[lang])
            htmx = self.random.random() < 0.4
            self.page("topic_htmx" if htmx else "topic", f"/{lang}/{slug}", htmx)
            if self.random.random() < 0.5:
                self.pause()
                self.listen(lang, slug)
            if self.random.random() < 0.2:
                self.pause()
                self.settings()
            if self.random.random() < 0.15:
                self.pause()
                self.print(lang, slug)
        if self.time_left() and self.random.random() < 0.7:
            self.pause()
            self.reset()

    def listen(self, lang: str, slug: str) -> None:
        """Listen: the timings, then the audio they name; sometimes heard to the end."""
        full = self.random.random() < 0.25
        path = f"/{lang}/{slug}/speech.json" + ("?part=full" if full else "")
        if self.hear("speech_json", path) and self.token and self.random.random() < 0.3:
            self.call("listen_done", "/usage/listen-done", {"lang": lang, "slug": slug},
                      {"X-CSRFToken": self.token})  # fmt: skip

    def hear(self, kind: str, path: str) -> bool:
        """speech.json and its audio; True if both came."""
        answer = self.call(kind, path)
        if answer is None or answer.status != 200:
            return False
        try:
            audio = json.loads(answer.body)["audio"]
        except (ValueError, KeyError) as error:
            self.tally.problem(f"{path}: no audio in {answer.body[:200]!r} ({error})")
            return False
        answer = self.call("audio", audio)
        if answer is not None and answer.status == 200 and not answer.body:
            self.tally.problem(f"{audio}: empty audio")
        return answer is not None and answer.status == 200

    def settings(self) -> None:
        """One tap on a setting: with htmx only the settings bar comes back, without it the
        browser is sent back to the page."""
        if not self.token:
            return
        action = self.random.choice(["text", "theme", "louder", "softer"])
        data = {"csrf_token": self.token, "action": action, "next": self.path}
        htmx = self.random.random() < 0.5
        answer = self.call("preferences", "/preferences", data,
                           {"HX-Request": "true"} if htmx else None)  # fmt: skip
        if answer is None:
            return
        if answer.status == 303:
            location = answer.headers.get("Location", "")
            if urllib.parse.urlsplit(location).path != urllib.parse.urlsplit(self.path).path:
                self.tally.problem(f"preferences sent to {location!r}, not {self.path!r}")
            self.pause()
            kind = {"/": "start"}.get(self.path, "index" if self.path.endswith("/") else "topic")
            self.page(kind, self.path)
        elif answer.status == 200 and "kiosk:preferences" not in answer.headers.get(
            "HX-Trigger", ""
        ):
            self.tally.problem("preferences (htmx) without its HX-Trigger event")

    def reset(self) -> None:
        """The idle reset: forget the visitor; the next start screen has default settings."""
        if not self.token:
            return
        self.call("reset", "/reset", {},
                  {"X-CSRFToken": self.token, "Accept": "application/json"})  # fmt: skip
        self.token = None
        self.pause()
        answer = self.page("start", "/")
        if answer is not None and answer.status == 200:
            classes = _HTML_CLASSES.search(answer.text)
            if classes is None or classes[1] != Preferences().html_classes:
                self.tally.problem(f"after the reset the start page has {classes and classes[1]}")

    def print(self, lang: str, slug: str) -> None:
        """Ask, confirm, then follow the job until it is done or failed (or say why not)."""
        path = f"/{lang}/{slug}/print"
        answer = self.page("print_confirm", path)
        if answer is None or answer.status != 200:
            return
        text = answer.text
        if f'/{lang}/{slug}/leaflet.png"' in text:
            self.call("thumbnail", f"/{lang}/{slug}/leaflet.png")
        form = re.search(
            rf'<form method="post" action="{re.escape(path)}".*?'
            r'name="csrf_token" value="([^"]+)"',
            text,
            re.DOTALL,
        )
        if form is None:  # the paper guard answered before the visitor could confirm
            name = self.refusal(text)
            self.count("refused_at_confirmation" if name else "confirm_without_form", name)
            if not name:
                self.tally.problem(f"{path}: neither a print form nor a message")
            return
        self.pause()
        htmx = self.random.random() < 0.5
        self.count("submitted")
        answer = self.call("print_post", path, {"csrf_token": html.unescape(form[1])},
                           {"HX-Request": "true"} if htmx else None)  # fmt: skip
        if answer is None:
            self.count("unaccounted")
            return
        if answer.status == 303:
            found = re.fullmatch(r"/print/([A-Za-z0-9_-]+)", urllib.parse.urlsplit(
                answer.headers.get("Location", "")).path)  # fmt: skip
            if found is None:
                self.tally.problem(f"print redirect to {answer.headers.get('Location')!r}")
                self.count("unaccounted")
                return
            self.follow(found[1], None)
        elif answer.status == 200 and _STATUS.search(answer.text):  # htmx: the job page itself
            job = _JOB.search(answer.text)
            if job is None:
                self.tally.problem(f"{path}: a job page without a job")
                self.count("unaccounted")
                return
            self.follow(job[1], answer)
        elif answer.status == 200 and (name := self.refusal(answer.text)):
            self.count("refused_with_message", name)
        else:
            self.tally.problem(f"POST {path}: {answer.status} without a job or a message")
            self.count("unaccounted")

    def follow(self, job: str, answer: Answer | None) -> None:
        """Ask for the job's page (after the redirect, then every second as htmx does) until
        it is done or failed; `answer` is the job page the print request gave, if it did."""
        give_up = time.monotonic() + PRINT_WAIT
        asked = 0
        while answer is None or _STATUS.search(answer.text)[1] not in ("done", "failed"):
            if time.monotonic() > give_up:
                self.tally.problem(f"print job {job}: not finished after {PRINT_WAIT:g} s")
                self.count("unaccounted")
                return
            if answer is not None or asked:
                time.sleep(1)
            htmx = {"HX-Request": "true"} if answer is not None else None
            answer = self.call("print_status", f"/print/{job}", headers=htmx)
            asked += 1
            if answer is not None and (answer.status != 200 or not _STATUS.search(answer.text)):
                self.tally.problem(f"/print/{job}: {answer.status} without a status")
                self.count("unaccounted")
                return
        state = _STATUS.search(answer.text)[1]
        speech = _STATUS_SPEECH.search(answer.text)
        name = _message_name(speech[1]) if speech else ""
        if state == "done":
            self.count("done")
        elif name.startswith("print_failed+") and _sentences(answer.text):
            self.count("failed_with_reason", name)
        else:
            self.tally.problem(f"print job {job} failed without a reason ({name!r})")
            self.count("unaccounted")
        if speech:  # the status is read aloud as it appears
            self.hear("message_speech", html.unescape(speech[1]))

    def refusal(self, text: str) -> str | None:
        """The message name of a refusal shown on the print page, if it says something."""
        notice, speech = _NOTICE.search(text), _MESSAGE_SPEECH.search(text)
        if notice is None or speech is None or not _SENTENCE.search(notice[1]):
            return None
        return _message_name(speech[1]) or None

    def count(self, what: str, name: str | None = None) -> None:
        self.tally.count(what, name)


def _message_name(speech_url: str) -> str:
    found = _MESSAGE_NAME.search(html.unescape(speech_url))
    return urllib.parse.unquote(found[1]) if found else ""


def _sentences(text: str) -> list[str]:
    section = text[text.find('id="print-status"') :]
    return _SENTENCE.findall(section[: section.find("</section>")])


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (`share` 0.5 is the median)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)] if ordered else float("nan")


def _get_json(url: str) -> tuple[int, dict]:
    with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
        return response.status, json.loads(response.read())


class MemorySampler:
    """The app process's RSS (and its pid, to see a restart) every SAMPLE_EVERY seconds."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.samples: list[tuple[float, int | None, float]] = []  # (seconds, pid, MB)
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory", daemon=True)

    def sample(self) -> None:
        found = children(self.server_pid)
        pid = found[0] if len(found) == 1 else None
        try:
            value = rss_mb(pid) if pid else float("nan")
        except (OSError, TypeError):  # the process ended between the two looks
            pid, value = None, float("nan")
        self.samples.append((time.monotonic() - self.started, pid, value))

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def soak(work: Path, seconds: float, kiosks: int, content: Path | None = None) -> dict:
    """Run the kiosk from `work` (content copied in from `content`, default the bundled
    content; caches already in `work/speech` and `work/leaflets` are used) and load it with
    `kiosks` kiosk browsers for `seconds`; the figures and a list of failed requirements."""
    shutil.copytree(content or PROJECT_ROOT / "content", work / "content", dirs_exist_ok=True)
    for folder in ("speech", "leaflets"):
        (work / folder).mkdir(exist_ok=True)
    env = {**SERVER_ENV, "KIOSK_SECRET_KEY": secrets.token_hex(32)}  # not the instance's key
    tally = Tally()
    with kiosk_server(work, env) as (base, server_pid):
        status, health = _get_json(base + "/healthz")
        topics = {
            lang: language["topics"]
            for lang, language in health["content"]["languages"].items()
            if language["topics"]
        }
        [app_pid] = children(server_pid)
        warmup = max(10.0, 0.2 * seconds)
        with MemorySampler(server_pid) as memory:
            started = time.monotonic()
            deadline = started + seconds
            threads = [
                threading.Thread(
                    target=Kiosk(base, topics, tally, deadline, seed=index).run,
                    name=f"kiosk-{index}",
                )
                for index in range(kiosks)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:  # each ends by the deadline plus one print and one request
                thread.join(timeout=max(deadline - time.monotonic(), 0) + PRINT_WAIT + 120)
            elapsed = time.monotonic() - started
            stuck = [thread.name for thread in threads if thread.is_alive()]
        try:
            end_status, end_health = _get_json(base + "/healthz")
        except OSError as error:
            end_status, end_health = 0, {"status": f"no answer: {error}"}
        end_pids = children(server_pid)
    return _figures(
        tally, memory.samples, warmup, elapsed, kiosks, app_pid, end_pids, stuck,
        (end_status, end_health.get("status")), len(topics), status,
    )  # fmt: skip


def _figures(tally, samples, warmup, elapsed, kiosks, app_pid, end_pids, stuck, end_health,
             languages, start_status) -> dict:  # fmt: skip
    """The figures of one run and the requirements it failed."""
    statuses: Counter = Counter()
    for (_kind, status), count in tally.statuses.items():
        statuses[str(status)] += count
    total = sum(statuses.values())
    kinds = {}
    for kind in EXPECTED:
        times = tally.latencies.get(kind, [])
        if not times:
            continue
        kinds[kind] = {
            "requests": len(times),
            "p50_ms": percentile(times, 0.5) * 1000,
            "p99_ms": percentile(times, 0.99) * 1000,
            "max_ms": max(times) * 1000,
            "statuses": {
                str(status): count for (k, status), count in sorted(
                    tally.statuses.items(), key=lambda item: str(item[0][1])
                ) if k == kind
            },
        }  # fmt: skip
    before = [s for s in samples if s[0] <= warmup and s[1] is not None]
    after = [s for s in samples if s[0] > warmup and s[1] is not None]
    at_warmup = before[-1][2] if before else float("nan")
    max_after = max((s[2] for s in after), default=float("nan"))
    growth = (max_after - at_warmup) / at_warmup
    pids = {s[1] for s in samples}
    prints = {
        name: tally.prints[name]
        for name in ("submitted", "done", "failed_with_reason", "refused_with_message",
                     "unaccounted", "refused_at_confirmation", "confirm_without_form")
    }  # fmt: skip
    figures = {
        "seconds": elapsed,
        "kiosks": kiosks,
        "languages": languages,
        "requests": total,
        "rps": total / elapsed,
        "statuses": dict(sorted(statuses.items())),
        "kinds": kinds,
        "prints": prints,
        "refusals": dict(tally.refusals),
        "print_failures": dict(tally.failures),
        "listens": kinds.get("audio", {}).get("statuses", {}).get("200", 0),
        "memory": {
            "start_mb": samples[0][2],
            "warmup_s": warmup,
            "at_warmup_mb": at_warmup,
            "max_after_warmup_mb": max_after,
            "end_mb": samples[-1][2],
            "growth": growth,
            "samples": len(samples),
            "series": [(round(at, 1), round(mb, 1)) for at, _pid, mb in samples],
        },
        "app_pid_start": app_pid,
        "app_pid_end": end_pids[0] if len(end_pids) == 1 else None,
        "healthz_end": end_health,
        "unexpected": tally.unexpected,
        "problems": tally.problems,
    }
    errors = sum(count for code, count in statuses.items() if code == "error")
    server_errors = sum(count for code, count in statuses.items() if code.startswith("5"))
    unexpected = sum(
        count for (kind, status), count in tally.statuses.items() if status not in EXPECTED[kind]
    )
    accounted = (
        prints["done"] + prints["failed_with_reason"] + prints["refused_with_message"]
        + prints["unaccounted"]
    )  # fmt: skip
    checks = {
        "no 5xx answers": server_errors == 0,
        "no failed connections": errors == 0,
        "only expected statuses": unexpected == 0,
        "every print accounted for": prints["unaccounted"] == 0
        and accounted == prints["submitted"],
        "no other problems seen": not tally.problems,
        f"memory growth after warm-up < {MAX_GROWTH:.0%}": growth < MAX_GROWTH,
        "healthz answers at the end": end_health[0] == 200 and start_status == 200,
        "same app process (no restart)": pids == {app_pid} and end_pids == [app_pid],
        "every kiosk thread ended": not stuck,
    }
    figures["checks"] = checks
    figures["failed"] = [name for name, good in checks.items() if not good]
    if stuck:
        figures["problems"] = [*figures["problems"], f"threads still running: {stuck}"]
    return figures


def table(figures: dict) -> str:
    """The figures as aligned text tables."""
    lines = [
        f"{figures['kiosks']} kiosks, {figures['seconds']:.0f} s, {figures['languages']} "
        f"languages: {figures['requests']} requests, {figures['rps']:.1f} per second",
        "",
        f"{'request':16} {'count':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  statuses",
        "-" * 78,
    ]
    for kind, row in figures["kinds"].items():
        codes = " ".join(f"{code}×{count}" for code, count in row["statuses"].items())
        lines.append(
            f"{kind:16} {row['requests']:7d} {row['p50_ms']:8.1f} {row['p99_ms']:8.1f} "
            f"{row['max_ms']:8.1f}  {codes}"
        )
    codes = ", ".join(f"{code}: {count}" for code, count in figures["statuses"].items())
    lines += ["-" * 78, f"all statuses: {codes}", "", f"{'prints':28} {'count':>7}", "-" * 36]
    lines += [f"{name:28} {count:7d}" for name, count in figures["prints"].items()]
    for name, count in {**figures["refusals"], **figures["print_failures"]}.items():
        lines.append(f"  {name:26} {count:7d}")
    memory = figures["memory"]
    lines += [
        "",
        f"{'memory (app process)':28} {'value':>10}",
        "-" * 40,
        f"{'rss at start MB':28} {memory['start_mb']:10.1f}",
        f"{'rss after warm-up MB':28} {memory['at_warmup_mb']:10.1f}"
        f"  (first {memory['warmup_s']:.0f} s)",
        f"{'rss max after warm-up MB':28} {memory['max_after_warmup_mb']:10.1f}",
        f"{'rss at end MB':28} {memory['end_mb']:10.1f}",
        f"{'growth after warm-up %':28} {memory['growth'] * 100:10.1f}"
        f"  ({memory['samples']} samples)",
        f"{'rss every ~10 % of the run':28} {_trend(memory['series'])}",
        f"{'app pid start / end':28} {figures['app_pid_start']:>10} / {figures['app_pid_end']}",
        f"{'healthz at end':28} {figures['healthz_end'][0]:>10} {figures['healthz_end'][1]}",
        "",
        "requirements",
        "-" * 40,
    ]
    lines += [f"{'✔' if good else '✘'} {name}" for name, good in figures["checks"].items()]
    for title, items in (("unexpected answers", figures["unexpected"]),
                         ("problems", figures["problems"])):  # fmt: skip
        if items:
            lines += ["", f"{title} (first {len(items)}):", *(f"  {item}" for item in items)]
    return "\n".join(lines)


def _trend(series: list[tuple[float, float]], points: int = 11) -> str:
    """About `points` values of the RSS series, evenly spread from the first to the last."""
    if len(series) < 2:
        return " ".join(f"{mb:.0f}" for _at, mb in series)
    picks = sorted({round(i * (len(series) - 1) / (points - 1)) for i in range(points)})
    return " ".join(f"{series[i][1]:.0f}" for i in picks) + " MB"


def main(argv: list[str] | None = None) -> int:
    summary = __doc__.split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=summary)
    parser.add_argument("--minutes", type=float, default=5, help="how long (default: 5)")
    parser.add_argument("--kiosks", type=int, default=10, help="kiosk browsers (default: 10)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    try:
        figures = soak(work, args.minutes * 60, args.kiosks)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(figures))
    return 1 if figures["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
