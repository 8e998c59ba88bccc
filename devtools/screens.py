"""Every visitor screen and how to reach it in a browser, for the layout tests and the
screenshots (one list, so both see the same screens)."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from kiosk.content.models import OTHER_THEME

#: How to bring a page at `base` to one screen.
Step = Callable[[Page, str], None]

#: The screen shapes the kiosk is designed for: name: (width, height).
SHAPES = {"portrait": (1080, 1920), "landscape": (1920, 1080), "laptop": (1366, 768)}


def tap_settings(page: Page, taps: list[str]) -> None:
    """Open the settings sheet, tap each named setting, close it again."""
    if not taps:
        return
    sheet = page.locator("#settings-sheet")
    page.locator("[data-nav=settings]").click()
    for name in taps:
        sheet.get_by_role("button", name=name, exact=True).click()
        page.wait_for_timeout(150)
    sheet.get_by_role("button", name="Sluiten").click()


def _go(path: str) -> Step:
    return lambda page, base: page.goto(base + path)


def _then(path: str, step: Callable[[Page], None]) -> Step:
    def run(page: Page, base: str) -> None:
        page.goto(base + path)
        page.evaluate("document.fonts.ready")
        step(page)
        page.wait_for_timeout(200)

    return run


def _reading(page: Page) -> None:
    page.locator(".action-row [data-listen=summary]").click()
    expect(page.locator("#player-bar")).to_be_visible(timeout=15000)


def _next_cards(page: Page) -> None:
    if page.locator("[data-cards-next]").is_visible():  # not when all cards fit
        page.locator("[data-cards-next]").click()


def _printed(page: Page) -> None:
    page.locator(".action-row form button[type=submit]").click()
    expect(page.locator("#print-status")).to_be_visible()


def visitor_screens(lang: str, slug: str = "kinderpardon") -> dict[str, Step]:
    """Every visitor screen in `lang`, with a topic that has hard words and a leaflet."""
    topic = f"/{lang}/{slug}"
    return {
        "start": _go("/"),
        "index": _go(f"/{lang}/"),
        "index, next cards": _then(f"/{lang}/", _next_cards),
        "theme": _go(f"/{lang}/theme/{OTHER_THEME}"),
        "topic": _go(topic),
        "reading": _then(topic, _reading),
        "glossary": _then(topic, lambda page: page.locator(".lead .term").first.click()),
        "hard words": _then(
            topic, lambda page: page.locator(".action-row [popovertarget=hard-words]").click()
        ),
        "help": _go(f"/{lang}/help"),
        "print confirmation": _go(f"{topic}/print"),
        "print status": _then(f"{topic}/print", _printed),
        "idle warning": _then(f"/{lang}/", lambda page: page.evaluate("window.kiosk.idle.warn()")),
        "language": _then(f"/{lang}/", lambda page: page.locator("[data-nav=language]").click()),
        "settings": _then(f"/{lang}/", lambda page: page.locator("[data-nav=settings]").click()),
    }
