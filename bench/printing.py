"""From the tap on "Ja, printen" (the POST) to the job accepted by a private cupsd."""

from __future__ import annotations

import http.cookiejar
import re
import statistics
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from devtools.chromium import served
from devtools.cupsd import PrivateCups
from kiosk import create_app
from kiosk.services import services_of

ROUNDS = 20


def print_to_queued() -> dict[str, float]:
    """Median time of the print POST until CUPS has accepted the job (it answers with it)."""
    cupsd = PrivateCups()
    cupsd.start()
    cupsd.add_queue()
    work = Path(tempfile.mkdtemp(prefix="bench-print-"))
    app = create_app({
        "PRINTER": "cups", "CUPS_SERVER": cupsd.server, "PRINT_QUEUE": cupsd.queue,
        "PRINT_COOLDOWN_SECONDS": 0, "PRINT_DAILY_LIMIT": 10_000,
        "DATABASE": str(work / "kiosk.sqlite3"), "LEAFLET_CACHE_DIR": str(work / "leaflets"),
    })  # fmt: skip
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
    )
    times = []
    try:
        with served(app) as base:
            page = opener.open(base + "/nl/kindbruiden/print").read().decode()
            token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
            body = urllib.parse.urlencode({"csrf_token": token}).encode()
            for _ in range(ROUNDS):
                started = time.perf_counter()
                response = opener.open(base + "/nl/kindbruiden/print", data=body)
                times.append(time.perf_counter() - started)
                assert response.status == 303, response.status
        cupsd.wait_for_printed(ROUNDS, timeout=60)
    finally:
        services_of(app).close()
        cupsd.remove()
    return {"print_to_queued_ms": statistics.median(times) * 1000}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_303(self, request, response, code, message, headers):
        return response
