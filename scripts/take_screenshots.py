"""Take the README's screenshots: the kiosk in headless Chromium.

Usage: python scripts/take_screenshots.py [--out docs/screenshots]
Serves the kiosk with the bundled content on a free local port, then photographs the main
screens at 1080 x 1920 (the portrait kiosk screen), and every visitor screen at the three
screen shapes, in both themes, in Dutch and Arabic, as one sheet per shape, theme and
language (docs/screenshots/screens/), and audio mode at each shape.
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
from devtools.screens import SHAPES, tap_settings, visitor_screens  # noqa: E402
from kiosk import create_app  # noqa: E402
from kiosk.services import services_of  # noqa: E402

SHOTS = [
    ("start", "/", False),
    ("topics", "/nl/", True),
    ("help", "/nl/help", False),
    ("topic-kinderpardon", "/nl/kinderpardon", True),
    ("topic-opvang", "/nl/rechtshulp-en-opvang", False),
    ("ar-topic", "/ar/kinderpardon", False),
    ("uk-topic", "/uk/kinderpardon", False),
]


#: The screens on each sheet (the variants "index, next cards" and "theme" look like the index).
SHEET_SCREENS = (
    "start", "index", "topic", "reading", "glossary", "hard words",
    "help", "print confirmation", "print status", "idle warning", "language", "settings",
)  # fmt: skip
SHEET_COLUMNS = 6


def screen_sheets(browser, bases: dict[str, str], target_dir: Path) -> None:
    """Every visitor screen, per shape, theme and language, on one sheet at a third of its
    size with the screen's name under each picture."""
    from PIL import Image, ImageDraw

    target_dir.mkdir(parents=True, exist_ok=True)
    for shape, (width, height) in SHAPES.items():
        for theme, taps in (("default", []), ("contrast", ["Contrast"])):
            for lang in ("nl", "ar"):
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(bases[shape] + "/nl/")
                tap_settings(page, taps)
                steps = visitor_screens(lang)
                shots = []
                for name in SHEET_SCREENS:
                    steps[name](page, bases[shape])
                    page.evaluate("document.fonts.ready")
                    page.wait_for_timeout(300)
                    shots.append((name, page.screenshot()))
                page.close()
                sheet = _sheet(Image, ImageDraw, shots, width // 3, height // 3)
                target = target_dir / f"{shape}-{theme}-{lang}.png"
                sheet.save(target, optimize=True)
                print(target)


def _sheet(image_module, draw_module, shots, width: int, height: int):
    """The pictures in rows of SHEET_COLUMNS, each named below it."""
    from io import BytesIO

    label = 28
    rows = -(-len(shots) // SHEET_COLUMNS)
    sheet = image_module.new(
        "RGB", (SHEET_COLUMNS * (width + 8), rows * (height + label + 8)), "white"
    )
    draw = draw_module.Draw(sheet)
    for index, (name, png) in enumerate(shots):
        x = (index % SHEET_COLUMNS) * (width + 8)
        y = (index // SHEET_COLUMNS) * (height + label + 8)
        picture = image_module.open(BytesIO(png)).convert("RGB").resize((width, height))
        sheet.paste(picture, (x, y))
        draw.text((x + 4, y + height + 4), name, fill="black", font_size=20)
    return sheet.quantize(colors=256)


def contrast_shots(browser, base: str, target_dir: Path) -> None:
    """The high-contrast theme, and 200 % text, as a visitor would set them."""
    page = browser.new_page(viewport=KIOSK_SCREEN)
    page.goto(base + "/nl/")
    tap_settings(page, ["Contrast"])
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
    tap_settings(page, ["Letters: normaal", "Letters: groot"])
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
    page.screenshot(path=str(target_dir / "print-confirm.png"))
    print(target_dir / "print-confirm.png")


def reading_shot(page: Page, base: str, target: Path) -> None:
    """A topic being read aloud: the current sentence highlighted, the control bar shown."""
    page.goto(base + "/nl/kinderpardon")
    page.locator(".action-row").get_by_role("button", name="Alles voorlezen").click()
    page.wait_for_timeout(1500)
    for _ in range(8):
        page.get_by_role("button", name="Volgende zin").click()
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Pauze").click()
    page.wait_for_timeout(800)  # let the smooth scroll end
    page.screenshot(path=str(target))
    print(target)


def audio_mode_shots(browser, bases: dict[str, str], target_dir: Path) -> None:
    """Audio mode at each screen shape: the caption at the top, the highlight on what it says
    (a key point of a Dutch topic; a card of the Arabic index)."""
    for shape, (width, height) in SHAPES.items():
        for lang, path, downs in (("nl", "/nl/kinderpardon", 9), ("ar", "/ar/", 3)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(bases[shape] + path)
            page.keyboard.press("ArrowDown")  # starts audio mode
            page.wait_for_timeout(1500)
            for _ in range(downs):
                page.keyboard.press("ArrowDown")
                page.wait_for_timeout(400)
            page.wait_for_timeout(800)
            target = target_dir / f"audio-mode-{shape}-{lang}.png"
            page.screenshot(path=str(target))
            print(target)
            page.close()


def word_mark_shots(browser, bases: dict[str, str], target_dir: Path) -> None:
    """Reading aloud at each screen shape, paused: the sentence highlighted and, inside it, the
    word being spoken (Dutch, Arabic; the Dutch also in high contrast)."""
    listen = {"nl": "Alles voorlezen", "ar": "استمع إلى الكل"}
    for shape, (width, height) in SHAPES.items():
        for lang, theme in (("nl", ""), ("ar", ""), ("nl", "contrast")):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(bases[shape] + f"/{lang}/kinderpardon")
            if theme:
                page.evaluate("document.documentElement.classList.add('theme-contrast')")
            page.locator(".action-row").get_by_role("button", name=listen[lang]).click()
            while not page.evaluate("(window.kiosk.readAloud.state() || {}).time > 4.2"):
                page.wait_for_timeout(50)  # polled from here: the page's CSP forbids eval
            page.evaluate("window.kiosk.readAloud.pauseOrContinue()")
            page.wait_for_timeout(800)
            target = target_dir / f"word-mark-{shape}-{lang}{'-' + theme if theme else ''}.png"
            page.screenshot(path=str(target))
            print(target)
            page.close()


def leaflet_pages(app, target_dir: Path, slug: str = "kinderpardon", lang: str = "nl") -> None:
    """The leaflet's pages as pictures (pdftoppm), as they come out of the printer."""
    content = services_of(app).library.current.languages[lang]
    leaflet = services_of(app).leaflets.get(content.topic(slug), content)
    name = f"leaflet-{slug}" if lang == "nl" else f"leaflet-{lang}-{slug}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(leaflet.pdf), str(target_dir / name)],
                   check=True)  # fmt: skip
    for page in sorted(target_dir.glob(f"{name}-*.png")):
        print(page)


def portrait_shots(browser, base: str, target_dir: Path) -> None:
    """One PNG per entry in SHOTS, a topic being read, and the print question."""
    page = browser.new_page(viewport=KIOSK_SCREEN)
    for name, path, full_page in SHOTS:
        page.goto(base + path)
        page.evaluate("document.fonts.ready")
        target = target_dir / f"{name}.png"
        page.screenshot(path=str(target), full_page=full_page)
        print(target)
    reading_shot(page, base, target_dir / "topic-reading.png")
    print_shots(page, base, target_dir)
    page.close()


def main() -> int:
    """Every screenshot of the README, and the leaflets' pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    # Prints go into a folder of their own (the print screens print), without the paper
    # guard's pause between two prints.
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    printing = {"PRINTER": "folder", "PRINT_FOLDER": str(work / "printed"),
                "DATABASE": str(work / "kiosk.sqlite3"), "PRINT_COOLDOWN_SECONDS": 0}  # fmt: skip
    app = create_app(printing)
    landscape = create_app({**printing, "PANEL_HEIGHT_MM": 398})  # a landscape panel
    with served(app) as base, served(landscape) as wide, sync_playwright() as playwright:
        browser = launch(playwright)
        portrait_shots(browser, base, args.out)
        contrast_shots(browser, base, args.out)
        staff_shot(browser, args.out)
        shapes = {"portrait": base, "landscape": wide, "laptop": wide}
        screen_sheets(browser, shapes, args.out / "screens")
        audio_mode_shots(browser, shapes, args.out)
        word_mark_shots(browser, shapes, args.out)
        browser.close()
    leaflet_pages(app, args.out)
    leaflet_pages(app, args.out, lang="ar")
    services_of(app).close()
    services_of(landscape).close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
