"""The managed Chromium policy in deploy/ lets the kiosk's pages load and blocks the rest."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from playwright.sync_api import Error as PlaywrightError

from devtools.chromium import CHROMIUM, CHROMIUM_ARGS, served
from kiosk.settings import PROJECT_ROOT
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT

POLICY_FOLDER = Path("/etc/chromium/policies/managed")
POLICY = PROJECT_ROOT / "deploy" / "chromium-policy.json"

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="installing a managed Chromium policy needs root"
)


@pytest.fixture
def installed_policy(live_server: str) -> Iterator[dict]:
    """deploy/chromium-policy.json, allowing the test server's address instead of :8000.
    Playwright drives Chromium through its developer-tools protocol, so this copy leaves that
    on (the kiosk's own copy turns it off; see test_the_policy_locks_the_browser_down)."""
    policy = json.loads(POLICY.read_text())
    policy["URLAllowlist"] = [live_server]
    policy["DeveloperToolsAvailability"] = 1
    created = not POLICY_FOLDER.exists()
    POLICY_FOLDER.mkdir(parents=True, exist_ok=True)
    target = POLICY_FOLDER / "kiosk-test.json"
    target.write_text(json.dumps(policy))
    yield policy
    target.unlink()
    if created:
        POLICY_FOLDER.rmdir()


def test_only_the_kiosk_loads(
    make_app: AppMaker, installed_policy: dict, live_server: str, browser: Browser
):
    assert installed_policy["URLBlocklist"] == ["*"]
    outside = make_app(BUNDLED_CONTENT)  # another site on this machine, on another port
    with served(outside) as other:
        # Policies are read when Chromium starts: a new one, from the running Playwright.
        fresh = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = fresh.new_context()
        page = context.new_page()
        page.goto(live_server + "/nl/kinderpardon")
        expect(page.locator("h1")).to_contain_text("Kinderpardon")
        for blocked in ["file:///etc/passwd", other + "/nl/", "http://localhost:1/"]:
            with pytest.raises(PlaywrightError, match="ERR_BLOCKED_BY_ADMINISTRATOR"):
                page.goto(blocked)
        fresh.close()


def test_the_policy_locks_the_browser_down():
    policy = json.loads(POLICY.read_text())
    assert policy["DownloadRestrictions"] == 3  # no downloads
    assert policy["AllowFileSelectionDialogs"] is False
    assert policy["DeveloperToolsAvailability"] == 2  # never
    assert policy["PrintingEnabled"] is False  # printing goes through the server to CUPS
    assert policy["URLAllowlist"] == ["http://127.0.0.1:8000"]
