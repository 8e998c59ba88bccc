"""Serving benchmarks: a topic page from the kiosk as it runs (`python run.py`, granian)
against the same bytes from nginx (the limit of this machine), memory, and how start-up and
the topic index scale with content."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools.cupsd import free_port
from devtools.processes import children, rss_mb
from kiosk import create_app
from kiosk.services import services_of
from kiosk.settings import PROJECT_ROOT

NGINX_CONF = """daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  server {{
    listen 127.0.0.1:{port};
    root {root}/www;
    location / {{ default_type text/html; }}
  }}
}}
"""


def wrk(url: str, seconds: float, connections: int = 10, cookie: str | None = None) -> dict:
    """Requests per second and p99 latency (ms) from wrk with `connections` connections."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict[str, float]:
    """rps and p99_ms from wrk's --latency report; non-2xx answers make it fail."""
    if "Non-2xx" in output:
        raise RuntimeError(f"wrk saw error responses:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    return {"rps": rps, "p99_ms": float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]}


def python_load(url: str, seconds: float, connections: int = 10, cookie: str | None = None):
    """A bounded Python client (used where wrk is not installed): `connections` threads
    asking one after another; rps and p99_ms."""
    headers = {"Cookie": cookie} if cookie else {}
    times: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as r:
                    r.read()
            except OSError as error:
                errors.append(str(error))
                return
            times.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"load client errors: {errors[:3]}")
    return {"rps": len(times) / (time.perf_counter() - started), "p99_ms": p99(times) * 1000}


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def _get(url: str, cookie: str | None = None) -> tuple[bytes, str | None]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), response.headers.get("Set-Cookie")


@contextmanager
def kiosk_server(work: Path, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """`python run.py` as the kiosk runs it, on a free port, with the content and caches in
    `work` (as left by bench.prerender); yields its base URL and process id once every
    prerender is finished (so nothing else runs while it is measured). `env` adds or overrides
    environment variables of the server (KIOSK_PRINT_COOLDOWN_SECONDS, ...)."""
    port = free_port()
    environment = {
        **os.environ,
        "KIOSK_CONTENT_DIR": str(work / "content"),
        "KIOSK_DATABASE": str(work / "kiosk.sqlite3"),
        "KIOSK_PRINTER": "folder",
        "KIOSK_PRINT_FOLDER": str(work / "printed"),
        "KIOSK_SPEECH_CACHE_DIR": str(work / "speech"),
        "KIOSK_LEAFLET_CACHE_DIR": str(work / "leaflets"),
        **(env or {}),
    }
    server = subprocess.Popen(
        [sys.executable, "run.py", "--port", str(port)], cwd=PROJECT_ROOT, env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                health = json.loads(_get(base + "/healthz")[0])
            except OSError:
                time.sleep(0.3)
                continue
            progress = [health["speech"]["prerender"], health["leaflets"]["prerender"]]
            if all(p["done"] + p["failed"] >= p["total"] for p in progress):
                break
            time.sleep(0.5)
        yield base, server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def page_against_static(work: Path, seconds: float = 5, use_wrk: bool = True) -> dict[str, float]:
    """A topic page from the kiosk and the same bytes as a static file from nginx, both with
    10 connections; then the memory of the server's processes. Without wrk (`use_wrk` False)
    the page is measured with the Python client and nginx is left out."""
    load = wrk if use_wrk else python_load
    with kiosk_server(work) as (base, server_pid):
        url = base + "/nl/kinderpardon"
        _, set_cookie = _get(url)
        cookie = set_cookie.split(";")[0]  # the kiosk's browser keeps its session cookie
        body, _ = _get(url, cookie)
        page = load(url, seconds, cookie=cookie)
        first_visits = load(url, seconds)  # no cookie: every request is a new visitor
        static = static_file(body, seconds) if load is wrk else None
        for _ in range(1000):
            _get(base + "/nl/", cookie)
        [app_process] = children(server_pid)
        metrics = {
            "page_rps": page["rps"],
            "page_p99_ms": page["p99_ms"],
            "page_first_visit_rps": first_visits["rps"],
            "page_first_visit_p99_ms": first_visits["p99_ms"],
            "page_bytes": len(body),
            "rss_mb": rss_mb(app_process),
            "rss_granian_main_mb": rss_mb(server_pid),
        }
    if static is not None:
        metrics["static_rps"] = static["rps"]
        metrics["page_vs_static"] = page["rps"] / static["rps"]
    return metrics


def static_file(body: bytes, seconds: float) -> dict[str, float]:
    """The same bytes served by nginx (one worker, like the kiosk's one app process)."""
    work = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    work.chmod(0o755)  # nginx's worker runs as another user
    port = free_port()
    (work / "www").mkdir()
    (work / "www" / "page.html").write_bytes(body)
    (work / "nginx.conf").write_text(NGINX_CONF.format(root=work, port=port))
    nginx = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf"), "-p", str(work)])
    try:
        time.sleep(0.5)
        return wrk(f"http://127.0.0.1:{port}/page.html", seconds)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def generated_content(folder: Path, topics: int, themes: int = 40) -> Path:
    """A content folder with `topics` copies of a bundled topic (distinct slugs and orders),
    spread over `themes` themes."""
    source = (PROJECT_ROOT / "content" / "nl" / "kindbruiden.md").read_text()
    (folder / "nl").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "content" / "nl" / "glossary.yaml", folder / "nl")
    for index in range(topics):
        text = source.replace("order: 8", f"order: {index}\ntheme: Thema {index % themes}")
        text = text.replace("card_title: Kindbruiden", f"card_title: Kindbruiden {index}")
        (folder / "nl" / f"onderwerp-{index}.md").write_text(text)
    return folder


def content_growth(topics: int = 1000, requests: int = 200) -> dict[str, float]:
    """Start-up with `topics` topics (load and validate, no synthesis), and the topic index,
    a theme page and a topic page for new visitors (every request without a cookie)."""
    work = Path(tempfile.mkdtemp(prefix="bench-growth-"))
    content = generated_content(work / "content", topics)
    started = time.perf_counter()
    app = create_app({"CONTENT_DIR": str(content), "DATABASE": str(work / "k.sqlite3")})
    startup = time.perf_counter() - started
    client = app.test_client(use_cookies=False)
    metrics = {f"startup_{topics}_s": startup}
    try:
        for name, path in [("index", "/nl/"), ("theme", "/nl/theme/thema-1"),
                           ("topic", f"/nl/onderwerp-{topics - 1}")]:  # fmt: skip
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - started)
                assert response.status_code == 200, (path, response.status_code)
            metrics[f"{name}_{topics}_first_ms"] = times[0] * 1000
            metrics[f"{name}_{topics}_p99_ms"] = p99(times) * 1000
    finally:
        services_of(app).close()
        shutil.rmtree(work, ignore_errors=True)
    return metrics
