"""With KIOSK_PUBLIC_URL the topic on the screen and its leaflet carry a QR code that a phone
reads as that topic's public page, in the topic's language; without it there is none."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser

from devtools.chromium import KIOSK_SCREEN, served
from kiosk.services import services_of
from tests.conftest import PUBLIC_BASE, AppMaker
from tests.samples import BUNDLED_CONTENT

pytestmark = pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbar-tools not installed")


def decoded(picture: Path) -> list[str]:
    """What zbarimg reads in a picture: one line per QR code (none: an empty list)."""
    result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                             str(picture)], capture_output=True, text=True)  # fmt: skip
    assert result.returncode in (0, 4), result.stderr  # 4: no code found
    return result.stdout.split()


@pytest.fixture(scope="module")
def public_kiosk(make_session_app: AppMaker) -> Iterator[tuple[Flask, str]]:
    app = make_session_app(BUNDLED_CONTENT, PUBLIC_URL=PUBLIC_BASE)
    with served(app) as base:
        yield app, base


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_topic_on_the_screen_leads_to_its_public_page(
    browser: Browser, public_kiosk: tuple[Flask, str], lang: str, tmp_path: Path
):
    _app, base = public_kiosk
    page = browser.new_page(viewport=KIOSK_SCREEN)
    try:
        page.goto(f"{base}/{lang}/kinderpardon")
        take_home = page.locator(".take-home")
        take_home.scroll_into_view_if_needed()
        assert "example.org/informatie/" in take_home.inner_text()
        take_home.screenshot(path=tmp_path / "qr.png")
        picture = page.locator(".take-home__qr svg").bounding_box()
        assert picture["width"] >= 180, "large enough to read from a seat"
    finally:
        page.close()
    assert decoded(tmp_path / "qr.png") == [f"{PUBLIC_BASE}{lang}/kinderpardon/"]


def test_the_leaflet_prints_the_public_page(public_kiosk: tuple[Flask, str], tmp_path: Path):
    app, _base = public_kiosk
    services = services_of(app)
    topic = services.library.current.topic("uk", "kinderpardon")
    leaflet = services.leaflets.get(topic, services.library.current.languages["uk"])
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(leaflet.pdf), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    codes = [code for page in sorted(tmp_path.glob("page-*.png")) for code in decoded(page)]
    assert codes == [f"{PUBLIC_BASE}uk/kinderpardon/"]
    text = subprocess.run(["pdftotext", str(leaflet.pdf), "-"], capture_output=True, text=True)
    assert "example.org/informatie/uk/kinderpardon" in text.stdout


def test_without_a_public_address_there_is_no_qr_code(
    bundled_app: Flask, browser: Browser, tmp_path: Path
):
    html = bundled_app.test_client().get("/nl/kinderpardon").get_data(as_text=True)
    assert "take-home__qr" not in html and "Lees of luister thuis" not in html
    services = services_of(bundled_app)
    topic = services.library.current.topic("nl", "kinderpardon")
    leaflet = services.leaflets.get(topic, services.library.current.languages["nl"])
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(leaflet.pdf), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    assert [code for page in tmp_path.glob("page-*.png") for code in decoded(page)] == []
