"""Error pages in the browser: a form refused with htmx replaces the whole page region with
the calm message, never a fragment squeezed into the settings bar."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_an_expired_settings_form_shows_the_calm_page(
    page: Page, live_server: str, console_errors: list[str]
):
    page.goto(live_server + "/nl/kinderpardon")
    page.evaluate("document.querySelector('#settings-bar input[name=csrf_token]').value = 'old'")
    page.locator("[data-nav=settings]").click()
    page.get_by_role("button", name="Letters: normaal").click()
    # The topic's heading is there until the answer arrives: wait for the message's.
    expect(page.locator("#page h1")).to_have_text("Dit lukte niet.")
    assert page.locator("#settings-bar").count() == 1  # one settings group
    assert page.locator("h1").count() == 1  # the topic is gone, not below the message
    console_errors.clear()  # the 400 answer is logged by the browser
