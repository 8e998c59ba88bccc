"""Screen benchmarks: what a visitor waits for and sees move, in headless Chromium at the
kiosk's 1080×1920.

- Tap to paint: a real click on a topic card, Back, Home or the start screen's "Beginnen",
  from the click event's time to the second animation frame after htmx settles the new screen
  into #page. Next to it, in the same run and on the same pages, a click that only toggles a
  class (the browser's own floor: event, style, two frames), so a noisy machine shows up in
  the baseline rather than as a slower kiosk.
- Layout shift (Layout Instability API): on a full load of the index and a topic page (fresh
  contexts, so fonts come over the wire every time), and on opening the player or a hard word.

The measuring script is an init script: it runs under the kiosk's CSP (which forbids eval, so
no `wait_for_function`), and the page it measures is the real one.

Run only these: python -m bench.run screen. Print every shift with its nodes:
python -m bench.screen
"""

from __future__ import annotations

import json
import math
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright

from devtools.chromium import KIOSK_SCREEN, launch, served
from kiosk import create_app
from kiosk.services import services_of
from kiosk.settings import PROJECT_ROOT

INDEX, TOPIC = "/nl/", "/nl/kinderpardon"
#: Today's layout has no data-nav attributes yet: fall back to its top-bar links.
BACK = ['a[data-nav="back"]:visible', f'a.nav-button[href$="{INDEX}"]:visible']
HOME = ['a[data-nav="home"]:visible', 'a.nav-button[href="/"]:visible']
LISTEN = '.action-row [data-listen="summary"]'
QUIET_SECONDS = 1.0

# Records taps and layout shifts in the page; Python arms a tap, clicks, then awaits it.
MEASURE = """(() => {
  const bench = { taps: [], shifts: [], armed: null, waiters: [] };
  window.__bench = bench;
  const describe = (node) => {
    if (!node) return null;
    if (node.nodeType !== 1) return `${node.nodeName} in ${describe(node.parentElement)}`;
    const id = node.id ? `#${node.id}` : "";
    const classes = [...node.classList].map((name) => `.${name}`).join("");
    return `${node.tagName.toLowerCase()}${id}${classes}`;
  };
  const box = (r) => r && [r.x, r.y, r.width, r.height].map(Math.round);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.shifts.push({
        value: entry.value, hadRecentInput: entry.hadRecentInput, at: Math.round(entry.startTime),
        sources: (entry.sources || []).map((s) => ({
          node: describe(s.node), before: box(s.previousRect), after: box(s.currentRect),
        })),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
  const afterTwoFrames = (then) => requestAnimationFrame(() => requestAnimationFrame(then));
  const finish = (tap) => {
    const ms = performance.now() - tap.at;
    bench.taps.push({ kind: tap.kind, ms, phases: { ...tap.phases, frames: ms } });
    bench.armed = null;
    bench.waiters.splice(0).forEach((wake) => wake());
  };
  bench.arm = (kind) => { bench.armed = { kind, at: null, phases: {} }; };
  bench.taken = (count) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tap ${count} never painted`)), 15000);
    const check = () => {
      if (bench.taps.length < count) return bench.waiters.push(check);
      clearTimeout(timer);
      resolve(bench.taps.length);
    };
    check();
  });
  bench.until = (selector, timeout) => new Promise((resolve, reject) => {
    const started = performance.now();
    const look = () => {
      const found = document.querySelector(selector);
      if (found && found.checkVisibility()) return resolve(true);
      if (performance.now() - started > timeout) return reject(new Error(`no ${selector}`));
      requestAnimationFrame(look);
    };
    look();
  });
  window.addEventListener("click", (event) => {
    const tap = bench.armed;
    if (!tap || tap.at !== null) return;
    tap.at = event.timeStamp;  // when the browser took the tap, before any handler ran
    if (tap.kind === "baseline") {
      document.body.classList.toggle("bench-tapped");
      afterTwoFrames(() => finish(tap));
    }
  }, true);
  // Where the time goes: htmx's events on the way, as ms since the tap.
  const phases = [["beforeSwap", "request"], ["afterSwap", "swap"], ["afterSettle", "settle"]];
  for (const [name, phase] of phases) {
    document.addEventListener(`htmx:${name}`, (event) => {
      const tap = bench.armed;
      const target = event.detail && event.detail.target;
      if (tap && tap.at !== null && target && target.id === "page") {
        tap.phases[phase] = performance.now() - tap.at;
      }
    });
  }
  document.addEventListener("htmx:afterSettle", (event) => {
    const tap = bench.armed;
    const target = event.detail && event.detail.target;
    if (tap && tap.at !== null && tap.kind !== "baseline" && target && target.id === "page") {
      afterTwoFrames(() => finish(tap));
    }
  });
})();"""


def kiosk_app(work: Path):
    """The kiosk on the bundled content, its state and caches in `work` (nothing prerendered:
    create_app starts no background rendering, so nothing competes with the browser)."""
    return create_app({
        "SECRET_KEY": "bench",
        "CONTENT_DIR": str(PROJECT_ROOT / "content"),
        "SPEECH_CACHE_DIR": str(work / "speech"),
        "LEAFLET_CACHE_DIR": str(work / "leaflets"),
        "DATABASE": str(work / "kiosk.sqlite3"),
        "PRINTER": "folder",
        "PRINT_FOLDER": str(work / "printed"),
        "STAFF_PASSWORD_FILE": str(work / "staff_password"),
    })  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile (0.95 for p95), interpolated between measured values."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def first_of(page: Page, selectors: list[str]) -> Locator:
    """The first element matching the first selector that matches anything."""
    for selector in selectors:
        found = page.locator(selector)
        if found.count():
            return found.first
    raise LookupError(f"none of {selectors} on {page.url}")


def new_page(browser: Browser) -> Page:
    """A fresh context (own memory cache: fonts come over the wire) with the measuring script."""
    context = browser.new_context(viewport=KIOSK_SCREEN)
    context.add_init_script(MEASURE)
    return context.new_page()


def settle(page: Page, timeout: float = 5) -> None:
    """Until fonts are in and no layout shift came for QUIET_SECONDS."""
    page.evaluate("document.fonts.ready.then(() => true)")
    deadline = time.monotonic() + timeout
    seen = -1
    while time.monotonic() < deadline:
        count = page.evaluate("window.__bench.shifts.length")
        if count == seen:
            return
        seen = count
        page.wait_for_timeout(QUIET_SECONDS * 1000)


def tap(page: Page, kind: str, target: Locator) -> None:
    """Arm the page for a tap of `kind`, click `target` for real, wait for it to paint."""
    count = page.evaluate("window.__bench.taps.length")
    target.scroll_into_view_if_needed()  # scrolling is not part of the wait being measured
    page.evaluate("kind => window.__bench.arm(kind)", kind)
    target.click()
    page.evaluate("count => window.__bench.taken(count)", count + 1)


def navigate_once(page: Page, state: dict[str, int]) -> str:
    """One step of start → index → topic → Back → index → topic → Home → start…; its kind."""
    start = page.get_by_role("link", name="Beginnen", exact=True)
    cards = page.locator("#page li:not([hidden]) > a.card")  # the cards shown (paged)
    if start.count():
        kind, target = "start", start.first
    elif cards.count():
        kind, target = "card", cards.nth(state["cards"] % cards.count())
        state["cards"] += 1
    else:
        state["topics"] += 1
        kind = "back" if state["topics"] % 2 else "home"
        target = first_of(page, BACK if kind == "back" else HOME)
    tap(page, kind, target)
    return kind


def tap_to_paint(browser: Browser, base: str, navigations: int = 60, warmup: int = 5):
    """Tap-to-paint percentiles over `navigations` real clicks, each followed by a baseline
    click on the new screen's heading (a class toggle, nothing else)."""
    page = new_page(browser)
    page.goto(base + "/")
    settle(page)
    state = {"cards": 0, "topics": 0}
    for step in range(warmup + navigations):
        if step == warmup:
            page.evaluate("window.__bench.taps = []")
        navigate_once(page, state)
        tap(page, "baseline", page.locator("#page h1").first)
    taps = page.evaluate("window.__bench.taps")
    page.context.close()
    times: dict[str, list[float]] = {}
    for entry in taps:
        times.setdefault(entry["kind"], []).append(entry["ms"])
    baseline = times.pop("baseline")
    screens = [ms for values in times.values() for ms in values]
    metrics = {
        "tap_to_paint_p50_ms": statistics.median(screens),
        "tap_to_paint_p95_ms": percentile(screens, 0.95),
        "paint_baseline_ms": statistics.median(baseline),
        "paint_baseline_p95_ms": percentile(baseline, 0.95),
    }
    metrics["tap_to_paint_vs_baseline"] = metrics["tap_to_paint_p50_ms"] / statistics.median(
        baseline
    )
    # Each phase ends at its htmx event: response in, new screen swapped, settled, painted.
    ends = [e["phases"] for e in taps if e["kind"] != "baseline"]
    previous = "start"
    for phase in ("request", "swap", "settle", "frames"):
        metrics[f"tap_{phase}_ms"] = statistics.median(
            end[phase] - end.get(previous, 0) for end in ends
        )
        previous = phase
    for kind in ("card", "back", "home", "start"):
        if kind in times:
            metrics[f"tap_to_paint_{kind}_p50_ms"] = statistics.median(times[kind])
    return metrics


def shifts_on_load(browser: Browser, url: str) -> list[dict]:
    """The layout shifts of one full load of `url` in a fresh context, until quiet."""
    page = new_page(browser)
    page.goto(url)
    settle(page)
    shifts = page.evaluate("window.__bench.shifts")
    page.context.close()
    return shifts


def shifts_on_tap(browser: Browser, url: str, selector: str, shown: str) -> list[dict]:
    """The layout shifts from a real tap on `selector` until `shown` is visible and quiet
    (the load's own shifts are left out)."""
    page = new_page(browser)
    page.goto(url)
    settle(page)
    before = page.evaluate("window.__bench.shifts.length")
    page.locator(selector).first.click()
    page.evaluate("selector => window.__bench.until(selector, 60000)", shown)
    settle(page)
    shifts = page.evaluate("window.__bench.shifts")[before:]
    page.context.close()
    return shifts


def score(shifts: list[dict], with_input: bool = False) -> float:
    """Cumulative layout shift: the sum of the shifts' scores, without those right after an
    input (as the Layout Instability API counts) unless `with_input`."""
    return sum(s["value"] for s in shifts if with_input or not s["hadRecentInput"])


def layout_shifts(browser: Browser, base: str, loads: int = 3) -> dict[str, list[list[dict]]]:
    """Every measured shift, by scenario: `loads` fresh runs of each."""
    scenarios = {
        "load_start": lambda: shifts_on_load(browser, base + "/"),  # every idle reset loads it
        "load_index": lambda: shifts_on_load(browser, base + INDEX),
        "load_topic": lambda: shifts_on_load(browser, base + TOPIC),
        # The first run synthesises the summary (cold); later ones play it from the cache.
        "open_player": lambda: shifts_on_tap(
            browser, base + TOPIC, LISTEN, "#player-bar:not([hidden])"
        ),
        "open_dialog": lambda: shifts_on_tap(browser, base + TOPIC, "button.term", ":popover-open"),
    }
    return {name: [run() for _ in range(loads)] for name, run in scenarios.items()}


def shift_metrics(shifts: dict[str, list[list[dict]]]) -> dict[str, float]:
    """The worst run of each scenario; taps count the shifts input-excluded too, since the
    goal is that nothing moves at all (`cls_open_player_counted` is what the API counts)."""
    metrics = {
        "cls_load_start": max(score(run) for run in shifts["load_start"]),
        "cls_load_index": max(score(run) for run in shifts["load_index"]),
        "cls_load_topic": max(score(run) for run in shifts["load_topic"]),
        "cls_open_player": max(score(run, with_input=True) for run in shifts["open_player"]),
        "cls_open_player_counted": max(score(run) for run in shifts["open_player"]),
        "cls_open_dialog": max(score(run, with_input=True) for run in shifts["open_dialog"]),
    }
    return metrics


def screen_figures(
    navigations: int = 60, loads: int = 3, warmup: int = 5, browser: Browser | None = None
) -> dict[str, float]:
    """Tap to paint and layout shift, against the kiosk served in a thread (in `browser`, or
    in a Chromium of its own)."""
    metrics, _ = measure(navigations, loads, warmup, browser)
    return metrics


def measure(
    navigations: int, loads: int, warmup: int, browser: Browser | None = None
) -> tuple[dict[str, float], dict]:
    """The metrics and the shifts they came from."""
    work = Path(tempfile.mkdtemp(prefix="bench-screen-"))
    app = kiosk_app(work)
    try:
        with served(app, threads=4) as base:
            if browser is not None:
                metrics, shifts = _measured(browser, base, navigations, loads, warmup)
            else:
                with sync_playwright() as playwright:
                    own = launch(playwright)
                    try:
                        metrics, shifts = _measured(own, base, navigations, loads, warmup)
                    finally:
                        own.close()
    finally:
        services_of(app).close()
    metrics.update(shift_metrics(shifts))
    assert all(math.isfinite(value) for value in metrics.values()), metrics
    return metrics, shifts


def _measured(
    browser: Browser, base: str, navigations: int, loads: int, warmup: int
) -> tuple[dict[str, float], dict]:
    return tap_to_paint(browser, base, navigations, warmup), layout_shifts(browser, base, loads)


if __name__ == "__main__":
    figures, found = measure(navigations=60, loads=3, warmup=5)
    for name, value in figures.items():
        print(f"{name:28} {value:10.4f}")
    for scenario, runs in found.items():
        for number, run in enumerate(runs, 1):
            for shift in run:
                print(scenario, number, json.dumps(shift, ensure_ascii=False))
