"""The screen layout at the three reference sizes, in both themes, at 100 % and 200 % text, in
Dutch and Arabic, on every visitor screen: every control within reach of a seated visitor
(zones read from the configured mounting), the always-there controls and main actions in the
comfort zone, big targets, no sideways scrolling, zero axe violations; on a laptop the bar
leaves the text its room; on a wide screen text and actions sit side by side."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from devtools.chromium import served
from devtools.screens import SHAPES, tap_settings, visitor_screens
from kiosk.ui.reach import Mounting
from tests.browser.test_smoke import AXE_OPTIONS
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT

#: name: (width, height, mounting). The landscape screens are panels mounted at the same
#: height as the portrait one (a 32-inch landscape panel is 398 mm high).
SCREENS = {
    "portrait": (*SHAPES["portrait"], Mounting(708, 800)),
    "landscape": (*SHAPES["landscape"], Mounting(398, 800)),
    "laptop": (*SHAPES["laptop"], Mounting(398, 800)),
}
SETTINGS = {  # (theme, text) -> taps in the settings sheet from the default
    ("default", 100): [],
    ("contrast", 100): ["Contrast"],
    ("default", 200): ["Letters: normaal", "Letters: groot"],
    ("contrast", 200): ["Contrast", "Letters: normaal", "Letters: groot"],
}

#: Every control on screen, with its box and whether it is one of the always-there controls or
#: main actions (bottom bar, action row, player, a sheet's buttons). Words inside running text
#: (hard words, links in a sentence) are exempt, as in EN 301 549 and WCAG 2.5.5.
CONTROLS = """() => {
  const main = '.bottom-bar, [data-action-row], #player-bar, .sheet__buttons';
  const big = '.big-link, .control, .nav-button, .card, .language-button';
  return [...document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), [tabindex]:not([tabindex="-1"])')]
    .filter(e => e.checkVisibility({visibilityProperty: true}))
    .filter(e => !e.classList.contains('skip-link'))
    .filter(e => !e.matches('.term') && !(e.closest('p, dd, li') && !e.matches(big)))
    .map(e => {
      const r = e.getBoundingClientRect();
      return {name: (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 30),
              x: r.x, y: r.y, width: r.width, height: r.height, main: Boolean(e.closest(main))};
    })
    .filter(c => c.y + c.height > 0 && c.y < innerHeight);
}"""


axe = Axe()


@dataclass(frozen=True)
class Zones:
    """The reach and comfort lines of a screen in CSS px from its top."""

    reach: float
    comfort: float

    @classmethod
    def of(cls, mounting: Mounting, height: int) -> Zones:
        return cls(mounting.reach_top * height, mounting.comfort_top * height)


def out_of_zone(page: Page, zones: Zones) -> list[str]:
    """Controls whose centre is above their zone, or that are too small."""
    wrong = []
    for control in page.evaluate(CONTROLS):
        centre = control["y"] + control["height"] / 2
        line = zones.comfort if control["main"] else zones.reach
        if centre < line - 0.5:
            wrong.append(f"{control['name']!r} centre at {centre:.0f} px, above {line:.0f}")
        if control["width"] < 72 or control["height"] < 72:
            wrong.append(f"{control['name']!r} is {control['width']:.0f}×{control['height']:.0f}")
    return wrong


@pytest.fixture(scope="module")
def layout_servers(make_session_app: AppMaker) -> Iterator[dict[str, str]]:
    """A kiosk per mounting (portrait, and landscape for the wide screens)."""
    with (
        served(make_session_app(BUNDLED_CONTENT, PRINT_COOLDOWN_SECONDS=0)) as portrait,
        served(
            make_session_app(BUNDLED_CONTENT, PRINT_COOLDOWN_SECONDS=0, PANEL_HEIGHT_MM=398)
        ) as landscape,
    ):
        urls = {"portrait": portrait, "landscape": landscape, "laptop": landscape}
        yield urls


#: Every setting on the reference screen; on the others the two ends (each screen ~20 s).
COMBINATIONS = [("portrait", *setting) for setting in SETTINGS] + [
    (screen, *setting)
    for screen in ("landscape", "laptop")
    for setting in [("default", 100), ("contrast", 200)]
]


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize(("screen", "theme", "text"), COMBINATIONS)
def test_every_screen_within_reach(
    browser: Browser, layout_servers: dict[str, str], screen: str, lang: str, theme: str, text: int
):
    width, height, mounting = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    base = layout_servers[screen]
    page.goto(base + "/nl/")
    tap_settings(page, SETTINGS[(theme, text)])
    zones = Zones.of(mounting, height)
    problems = []
    for name, reach in visitor_screens(lang).items():
        reach(page, base)
        page.evaluate("document.fonts.ready")
        where = f"{name} ({lang}, {width}×{height}, {theme}, {text} %)"
        assert page.evaluate("document.documentElement.className") == f"text-{text} theme-{theme}"
        results = axe.run(page, options=AXE_OPTIONS)
        assert results.response["violations"] == [], f"{where}: {results.generate_report()}"
        problems += [f"{where}: {wrong}" for wrong in out_of_zone(page, zones)]
        if page.evaluate("document.documentElement.scrollWidth") > width:
            problems.append(f"{where}: scrolls sideways")
        bar = page.locator(".bottom-bar").bounding_box()
        if bar["height"] > 0.2 * height:
            problems.append(f"{where}: the bottom bar takes {bar['height'] / height:.0%}")
    context.close()
    assert problems == []


def visible_box(page: Page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_laptop_shows_title_and_first_sentence(
    browser: Browser, layout_servers: dict[str, str], lang: str
):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(layout_servers["laptop"] + f"/{lang}/kinderpardon")
    page.evaluate("document.fonts.ready")
    bar_top = visible_box(page, ".bottom-bar")["y"]
    assert 768 - bar_top <= 0.2 * 768
    for selector in ("h1", ".lead .s"):
        box = visible_box(page, selector)
        assert 0 <= box["y"] and box["y"] + box["height"] <= bar_top, selector
    context.close()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_wide_screen_puts_text_and_actions_side_by_side(
    browser: Browser, layout_servers: dict[str, str], lang: str
):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(layout_servers["landscape"] + f"/{lang}/kinderpardon")
    page.evaluate("document.fonts.ready")
    text = visible_box(page, ".topic__text")
    actions = visible_box(page, ".action-row--topic")
    points = visible_box(page, ".key-points")
    if lang == "ar":  # right to left: the text on the right, the actions on the left
        assert actions["x"] + actions["width"] <= text["x"]
    else:
        assert actions["x"] >= text["x"] + text["width"]
    assert abs(points["x"] - actions["x"]) < 80  # key points above the actions, same column
    # Both columns use the screen: neither is less than a third of it.
    assert text["width"] >= 1920 / 3 and actions["width"] >= 1920 / 3 - 100
    context.close()


@pytest.fixture
def mounted(make_app: AppMaker) -> Iterator[Callable[[float], str]]:
    """A kiosk whose screen hangs at another height (lower edge in mm)."""
    with ExitStack() as servers:
        yield lambda lower_edge: servers.enter_context(
            served(make_app(BUNDLED_CONTENT, PANEL_LOWER_EDGE_MM=lower_edge))
        )


def test_the_layout_follows_the_mounting(browser: Browser, mounted):
    """Mounted lower, more of the screen is within reach: the cards start higher; mounted
    higher, they start lower. Nothing in the code changes, only PANEL_LOWER_EDGE_MM."""
    context = browser.new_context(viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    tops = {}
    for lower_edge in (700, 900):
        base = mounted(lower_edge)
        zones = Zones.of(Mounting(708, lower_edge), 1920)
        for path in ("/", "/nl/", "/nl/kinderpardon"):
            page.goto(base + path)
            page.evaluate("document.fonts.ready")
            assert out_of_zone(page, zones) == [], (lower_edge, path)
        page.goto(base + "/nl/")
        tops[lower_edge] = visible_box(page, ".cards li")["y"]
        assert tops[lower_edge] >= zones.reach - 0.5
    assert tops[700] < 782 < tops[900]
    context.close()


def test_cards_page_through_with_buttons(page: Page, live_server: str):
    """More cards than fit: Next shows the rest, Previous the first again; no swipe needed."""
    page.goto(live_server + "/nl/")
    cards = page.locator(".cards li:not([hidden])")
    first = cards.first.inner_text()
    shown = cards.count()
    assert 0 < shown < 10
    expect(page.locator("[data-cards-count]")).to_have_text(f"1 tot {shown} van 10")
    expect(page.locator("[data-cards-previous]")).to_be_hidden()
    page.locator("[data-cards-next]").click()
    expect(page.locator("[data-cards-count]")).to_contain_text(f"{shown + 1} tot ")
    assert cards.first.inner_text() != first
    page.locator("[data-cards-previous]").click()
    assert cards.first.inner_text() == first
