"""Leaflet benchmarks: WeasyPrint against Chromium's print-to-PDF of the same HTML, cold and
warm, and serving a cached leaflet."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from devtools.chromium import CHROMIUM, CHROMIUM_ARGS, launch, served
from kiosk import create_app
from kiosk.services import services_of
from kiosk.settings import PROJECT_ROOT

ROUNDS = 5
COLD_WEASYPRINT = """
import sys
from weasyprint import HTML
HTML(filename=sys.argv[1], base_url=sys.argv[2]).write_pdf(sys.argv[3], pdf_variant="pdf/ua-1")
"""


def _leaflet_html(app, work: Path) -> Path:
    content = services_of(app).library.current.languages["nl"]
    topic = max(content.topics, key=lambda t: len(t.spoken_full))
    page = PROJECT_ROOT / f".bench-leaflet-{topic.slug}.html"  # beside static/, for its links
    page.write_text(services_of(app).leaflets.document.html(topic, content), encoding="utf-8")
    return page


def render_times() -> dict[str, float]:
    """Cold: a fresh process each; warm: the kiosk's helper process vs a running Chromium."""
    work = Path(tempfile.mkdtemp(prefix="bench-leaflet-"))
    app = create_app({"LEAFLET_CACHE_DIR": str(work / "cache")})
    page_file = _leaflet_html(app, work)
    base = PROJECT_ROOT.as_uri() + "/"
    cold_weasy, cold_chromium, warm_weasy, warm_chromium = [], [], [], []
    try:
        for _ in range(ROUNDS):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", COLD_WEASYPRINT, str(page_file), base,
                            str(work / "w.pdf")], check=True)  # fmt: skip
            cold_weasy.append(time.perf_counter() - started)
            started = time.perf_counter()
            subprocess.run([CHROMIUM, "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer",
                            f"--print-to-pdf={work / 'c.pdf'}", page_file.as_uri()],
                           check=True, capture_output=True)  # fmt: skip
            cold_chromium.append(time.perf_counter() - started)
        html = page_file.read_text(encoding="utf-8")
        worker = services_of(app).leaflets.worker
        worker.call(html, base, str(work / "warm.pdf"))  # start the helper
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            for _ in range(ROUNDS):
                started = time.perf_counter()
                worker.call(html, base, str(work / "warm.pdf"))
                warm_weasy.append(time.perf_counter() - started)
                started = time.perf_counter()
                page.goto(page_file.as_uri())
                page.pdf(path=str(work / "warm-c.pdf"), format="A4")
                warm_chromium.append(time.perf_counter() - started)
            browser.close()
    finally:
        page_file.unlink(missing_ok=True)
        services_of(app).close()
    median = statistics.median
    return {
        "leaflet_cold_ms": median(cold_weasy) * 1000,
        "chromium_pdf_cold_ms": median(cold_chromium) * 1000,
        "leaflet_vs_chromium": median(cold_weasy) / median(cold_chromium),
        "leaflet_warm_ms": median(warm_weasy) * 1000,
        "chromium_pdf_warm_ms": median(warm_chromium) * 1000,
        "leaflet_warm_vs_chromium": median(warm_weasy) / median(warm_chromium),
    }


def cached_leaflet() -> dict[str, float]:
    """GET /<lang>/<slug>/leaflet.pdf when it is cached, over HTTP."""
    work = Path(tempfile.mkdtemp(prefix="bench-leaflet-"))
    app = create_app({"LEAFLET_CACHE_DIR": str(work / "cache")})
    times = []
    with served(app) as base:
        url = base + "/nl/kinderpardon/leaflet.pdf"
        urllib.request.urlopen(url).read()  # render once
        for _ in range(50):
            started = time.perf_counter()
            urllib.request.urlopen(url).read()
            times.append(time.perf_counter() - started)
    services_of(app).close()
    return {"leaflet_cached_ms": statistics.median(times) * 1000}
