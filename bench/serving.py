"""Serving benchmarks: a topic page through the kiosk against the same bytes from nginx (the
limit of this machine), memory, and how start-up and the topic index scale with content."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from kiosk import create_app
from kiosk.config import PROJECT_ROOT
from tests.browser.chromium import served
from tests.printing.cupsd import free_port

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


def wrk(url: str, seconds: int = 5, connections: int = 10) -> dict[str, float]:
    """Requests per second and p99 latency (ms) from wrk with `connections` connections."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return {"rps": rps, "p99_ms": p99}


def page_against_static(seconds: int = 5) -> dict[str, float]:
    """A topic page from the kiosk (waitress) and the same bytes as a static file from nginx."""
    work = Path(tempfile.mkdtemp(prefix="bench-serving-"))
    app = create_app({"DATABASE": str(work / "kiosk.sqlite3")})
    port = free_port()
    (work / "www").mkdir()
    nginx = None
    try:
        with served(app) as base:
            url = base + "/nl/kinderpardon"
            body = urllib.request.urlopen(url).read()
            (work / "www" / "page.html").write_bytes(body)
            (work / "nginx.conf").write_text(NGINX_CONF.format(root=work, port=port))
            nginx = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf"), "-p", str(work)])
            time.sleep(0.5)
            static = wrk(f"http://127.0.0.1:{port}/page.html", seconds)
            page = wrk(url, seconds)
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
        app.extensions["kiosk.leaflets"].close()
        app.extensions["kiosk.speech"].close()
        shutil.rmtree(work, ignore_errors=True)
    return {
        "page_rps": page["rps"],
        "page_p99_ms": page["p99_ms"],
        "static_rps": static["rps"],
        "page_vs_static": page["rps"] / static["rps"],
        "page_bytes": len(body),
    }


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process in MB (this one by default)."""
    status = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status)[1]) / 1024


def generated_content(folder: Path, topics: int) -> Path:
    """A content folder with `topics` copies of a bundled topic (distinct slugs and orders)."""
    source = (PROJECT_ROOT / "content" / "nl" / "kindbruiden.md").read_text()
    (folder / "nl").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "content" / "nl" / "glossary.yaml", folder / "nl")
    for index in range(topics):
        text = source.replace("order: 8", f"order: {index}").replace(
            "card_title: Kindbruiden", f"card_title: Kindbruiden {index}"
        )
        (folder / "nl" / f"onderwerp-{index}.md").write_text(text)
    return folder


def content_growth(topics: int = 1000, requests: int = 200) -> dict[str, float]:
    """Start-up with `topics` topics (load and validate, no synthesis) and the index latency."""
    work = Path(tempfile.mkdtemp(prefix="bench-growth-"))
    content = generated_content(work / "content", topics)
    started = time.perf_counter()
    app = create_app({"CONTENT_DIR": str(content), "DATABASE": str(work / "k.sqlite3")})
    startup = time.perf_counter() - started
    client = app.test_client()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get("/nl/").close()
        times.append(time.perf_counter() - started)
    times.sort()
    shutil.rmtree(work, ignore_errors=True)
    return {
        f"startup_{topics}_s": startup,
        f"index_{topics}_p99_ms": times[int(len(times) * 0.99) - 1] * 1000,
    }
