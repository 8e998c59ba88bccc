"""Take the README's screenshots: the kiosk in headless Chromium at the reference size.

Usage: python scripts/take_screenshots.py [--out docs/screenshots]
Serves the kiosk with the bundled content on a free local port, then photographs the start
screen, the topic index and topic pages at 1080 x 1920 (the portrait kiosk screen).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.chromium import KIOSK_SCREEN, launch, served  # noqa: E402
from kiosk import create_app  # noqa: E402
from kiosk.services import services_of  # noqa: E402

CONFIRM_CLIP = {"x": 0, "y": 0, "width": 1080, "height": 820}
SHOTS = [
    ("start", "/", False),
    ("topics", "/nl/", True),
    ("help", "/nl/help", False),
    ("topic-kinderpardon", "/nl/kinderpardon", True),
    ("topic-opvang", "/nl/rechtshulp-en-opvang", False),
    ("ar-topic", "/ar/kinderpardon", False),
    ("uk-topic", "/uk/kinderpardon", False),
]


def contrast_shots(browser, base: str, target_dir: Path) -> None:
    """The high-contrast theme, and 200 % text, as a visitor would set them."""
    page = browser.new_page(viewport=KIOSK_SCREEN)
    page.goto(base + "/nl/")
    page.get_by_role("button", name="Contrast").click()
    page.wait_for_timeout(300)
    for name, path in [
        ("contrast-start", "/"),
        ("contrast-topics", "/nl/"),
        ("contrast-topic", "/nl/kinderpardon"),
        ("contrast-help", "/nl/help"),
    ]:
        page.goto(base + path)
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(target_dir / f"{name}.png"))
        print(target_dir / f"{name}.png")
    page.goto(base + "/nl/kinderpardon")
    page.get_by_role("button", name="Letters: normaal").click()
    page.wait_for_timeout(200)
    page.get_by_role("button", name="Letters: groot").click()
    page.wait_for_timeout(300)
    page.screenshot(path=str(target_dir / "contrast-topic-200.png"))
    print(target_dir / "contrast-topic-200.png")
    page.get_by_role("button", name="Kamerlid").click()
    page.wait_for_timeout(300)
    page.close()


def staff_shot(browser, target_dir: Path) -> None:
    """The staff page, with a few days of made-up use so the chart shows something."""
    from datetime import date, timedelta

    from werkzeug.security import generate_password_hash

    work = Path(tempfile.mkdtemp(prefix="screenshots-staff-"))
    app = create_app({
        "STAFF_PASSWORD_HASH": generate_password_hash("screenshot"),
        "DATABASE": str(work / "kiosk.sqlite3"),
    })  # fmt: skip
    usage = services_of(app).usage
    for offset in range(30):
        day = date.today() - timedelta(days=offset)
        for _ in range((offset * 7) % 11 + 2):
            usage.record("view", "nl", "kinderpardon", day=day)
        for _ in range((offset * 3) % 5):
            usage.record("listen", "nl", "kinderpardon", day=day)
        if offset % 4 == 0:
            usage.record("print", "nl", "kindbruiden", day=day)
    with served(app) as base:
        page = browser.new_page(viewport=KIOSK_SCREEN)
        page.goto(base + "/staff/login")
        page.get_by_label("Wachtwoord").fill("screenshot")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_timeout(500)
        page.screenshot(path=str(target_dir / "staff.png"), full_page=True)
        print(target_dir / "staff.png")
        page.close()
    services_of(app).close()


def print_shots(page: Page, base: str, target_dir: Path) -> None:
    """The print confirmation."""
    page.goto(base + "/nl/kinderpardon/print")
    page.wait_for_timeout(300)
    page.screenshot(path=str(target_dir / "print-confirm.png"), clip=CONFIRM_CLIP)
    print(target_dir / "print-confirm.png")


def reading_shot(page: Page, base: str, target: Path) -> None:
    """A topic being read aloud: the current sentence highlighted, the control bar shown."""
    page.goto(base + "/nl/kinderpardon")
    page.get_by_role("button", name="Alles voorlezen").click()
    page.wait_for_timeout(1500)
    for _ in range(8):
        page.get_by_role("button", name="Volgende zin").click()
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Pauze").click()
    page.wait_for_timeout(800)  # let the smooth scroll end
    page.screenshot(path=str(target))
    print(target)


def leaflet_pages(app, target_dir: Path, slug: str = "kinderpardon", lang: str = "nl") -> None:
    """The leaflet's pages as pictures (pdftoppm), as they come out of the printer."""
    content = services_of(app).library.current.languages[lang]
    leaflet = services_of(app).leaflets.get(content.topic(slug), content)
    name = f"leaflet-{slug}" if lang == "nl" else f"leaflet-{lang}-{slug}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(leaflet.pdf), str(target_dir / name)],
                   check=True)  # fmt: skip
    for page in sorted(target_dir.glob(f"{name}-*.png")):
        print(page)


def main() -> int:
    """Write one PNG per entry in SHOTS."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_app()
    with served(app) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=KIOSK_SCREEN)
        for name, path, full_page in SHOTS:
            page.goto(base + path)
            page.evaluate("document.fonts.ready")
            target = args.out / f"{name}.png"
            page.screenshot(path=str(target), full_page=full_page)
            print(target)
        reading_shot(page, base, args.out / "topic-reading.png")
        print_shots(page, base, args.out)
        contrast_shots(browser, base, args.out)
        staff_shot(browser, args.out)
        browser.close()
    leaflet_pages(app, args.out)
    leaflet_pages(app, args.out, lang="ar")
    services_of(app).close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
