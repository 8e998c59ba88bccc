"""Take the README's screenshots: the kiosk in headless Chromium at the reference size.

Usage: python scripts/take_screenshots.py [--out docs/screenshots]
Starts the kiosk on a free local port with the bundled content, then photographs the
start screen, the topic index and topic pages at 1080 x 1920 (portrait kiosk screen).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = [
    ("start", "/", False),
    ("topics", "/nl/", True),
    ("topic-kinderpardon", "/nl/kinderpardon", True),
    ("topic-opvang", "/nl/opvang-en-bescherming", False),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1080)
    parser.add_argument("--height", type=int, default=1920)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "--port", str(port)], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            for name, path, full_page in SHOTS:
                page.goto(base + path)
                page.evaluate("document.fonts.ready")
                target = args.out / f"{name}.png"
                page.screenshot(path=str(target), full_page=full_page)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
