"""Every component macro, rendered from the example in its opening comment, passes axe.

A component file in templates/components/ holds one or more macros; each macro is preceded by
a Jinja comment that lists its parameters and ends with `Example: {{ name(...) }}` (possibly
inside a bit of HTML, e.g. a <p> or <ul>). Files starting with "_" are helpers, not components.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask, g, render_template_string
from jinja2.exceptions import UndefinedError
from playwright.sync_api import Page

from kiosk.settings import PROJECT_ROOT
from tests.browser.test_smoke import AXE_OPTIONS

COMPONENTS = PROJECT_ROOT / "templates" / "components"
MACRO = re.compile(r"{%-?\s*macro\s+(\w+)\s*\(")
COMMENT = re.compile(r"{#-?(.*?)-?#}", re.S)

# A minimal page: the kiosk's stylesheets, a heading, and the example in <main>.
PAGE = """<!doctype html>
{%- from "components/_stylesheets.html" import FONT_STYLESHEETS, STYLESHEETS %}
{%- from "components/FILE" import MACRO with context %}
<html lang="nl" dir="ltr" class="{{ default_preferences.html_classes }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Component MACRO</title>
  {% for sheet in FONT_STYLESHEETS %}
  <link rel="stylesheet" href="{{ url_for('static', filename='vendor/css/' ~ sheet) }}">
  {%- endfor %}
  {% for sheet in STYLESHEETS %}
  <link rel="stylesheet" href="{{ url_for('static', filename='css/' ~ sheet) }}">
  {%- endfor %}
</head>
<body>
<main id="main">
  <h1 tabindex="-1">Component MACRO</h1>
  EXAMPLE
</main>
</body>
</html>
"""

# Show everything a component can show: what waits for the script (hidden) and its popovers.
SHOW_ALL = """() => {
  document.querySelectorAll("[hidden]").forEach((el) => { el.hidden = false; });
  document.querySelectorAll("[popover]").forEach((el) => el.showPopover());
}"""

axe = Axe()


@dataclass(frozen=True)
class Documented:
    """A macro and the comment before it."""

    file: str
    macro: str
    comment: str

    @property
    def example(self) -> str | None:
        """The example's markup (the text after `Example:`), if the comment has one."""
        found = re.search(r"Example:\s*(.+)", self.comment, re.S)
        return found.group(1).strip() if found and f"{self.macro}(" in found.group(1) else None


def documented_macros() -> list[Documented]:
    """Every macro of every component file, with the last comment before it (after the
    previous macro), or an empty comment."""
    found = []
    for path in sorted(COMPONENTS.glob("*.html")):
        if path.name.startswith("_"):
            continue
        text = path.read_text()
        start = 0
        for match in MACRO.finditer(text):
            comments = COMMENT.findall(text, start, match.start())
            found.append(Documented(path.name, match.group(1), comments[-1] if comments else ""))
            start = match.end()
    return found


MACROS = documented_macros()


def test_every_component_macro_is_documented_with_an_example():
    assert len({macro.file for macro in MACROS}) >= 10
    undocumented = [
        f"{macro.file}: {macro.macro}"
        for macro in MACROS
        if macro.example is None or "Parameters:" not in macro.comment
    ]
    assert undocumented == []


def test_the_documentation_check_finds_a_macro_without_example():
    comment = "{#- Thing: a thing.\n    Parameters:\n      label  its word -#}"
    assert Documented("x.html", "thing", comment).example is None
    assert Documented("x.html", "thing", "Example: {{ other() }}").example is None
    assert Documented("x.html", "thing", "Example: <p>{{ thing() }}</p>").example == (
        "<p>{{ thing() }}</p>"
    )


def render_example(app: Flask, macro: Documented) -> str:
    """The example on a minimal kiosk page, rendered as a Dutch visitor page would be."""
    source = PAGE.replace("FILE", macro.file).replace("MACRO", macro.macro)
    source = source.replace("EXAMPLE", macro.example or "")
    with app.test_request_context("/nl/"):
        g.lang = "nl"
        return render_template_string(source)


def show(page: Page, live_server: str, html: str) -> None:
    """Open `html` as if the kiosk served it, so its stylesheets load from the live server."""
    url = f"{live_server}/component-example"
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(url)
    page.evaluate("document.fonts.ready")


def test_an_unknown_variant_is_refused(kiosk_app: Flask):
    example = 'Example: {{ big_link("x", "x", variant="x") }}'
    broken = Documented("big_link.html", "big_link", example)
    with pytest.raises(UndefinedError, match="no variant 'x' of big-link"):
        render_example(kiosk_app, broken)


@pytest.mark.parametrize("macro", MACROS, ids=lambda macro: f"{macro.file}:{macro.macro}")
def test_component_example_has_no_axe_violations(
    page: Page, live_server: str, kiosk_app: Flask, macro: Documented
):
    show(page, live_server, render_example(kiosk_app, macro))
    page.evaluate(SHOW_ALL)
    assert page.locator("main > :not(h1)").count() > 0, "the example rendered nothing"
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.response["violations"] == [], results.generate_report()


def test_axe_sees_a_broken_example(page: Page, live_server: str, kiosk_app: Flask):
    """The audit really looks at the example: a big link without words is reported."""
    broken = Documented("big_link.html", "big_link", 'Example: {{ big_link("", "x", href="/") }}')
    show(page, live_server, render_example(kiosk_app, broken))
    results = axe.run(page, options=AXE_OPTIONS)
    assert "link-name" in {violation["id"] for violation in results.response["violations"]}
