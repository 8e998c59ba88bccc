"""The page caches: a visitor never sees another visitor's token or settings, a stale page
(content changed, printer changed) is never served, and reused pages are still counted."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask

from kiosk.services import services_of
from kiosk.web.caching.page_cache import TOKEN_PLACEHOLDER, PageCache
from kiosk.web.warm_up import warm_up
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, VALID_TOPIC, ContentWriter

TOKEN = re.compile(r'data-csrf-token="([^"]+)"')


def page_cache(app: Flask) -> PageCache:
    return services_of(app).pages


def test_two_visitors_share_the_rendering_but_not_the_token(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT)
    first, second = app.test_client(), app.test_client()
    page_one = first.get("/nl/kinderpardon").get_data(as_text=True)
    page_two = second.get("/nl/kinderpardon").get_data(as_text=True)
    assert page_cache(app).misses == 1 and page_cache(app).hits == 1
    token_one, token_two = TOKEN.search(page_one)[1], TOKEN.search(page_two)[1]
    assert token_one != token_two
    assert TOKEN_PLACEHOLDER not in page_one + page_two
    assert TOKEN.sub("", page_one) == TOKEN.sub("", page_two).replace(token_two, token_one)
    # each token works for its own visitor only
    form = {"action": "text", "next": "/nl/kinderpardon"}
    assert second.post("/preferences", data={**form, "csrf_token": token_one}).status_code == 400
    assert first.post("/preferences", data={**form, "csrf_token": token_one}).status_code == 303


def test_settings_change_the_page_for_that_visitor_only(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT)
    big, plain = app.test_client(), app.test_client()
    token = TOKEN.search(big.get("/nl/").get_data(as_text=True))[1]
    plain.get("/nl/")
    big.post("/preferences", data={"action": "text", "next": "/nl/", "csrf_token": token})
    assert 'class="text-150 theme-default"' in big.get("/nl/").get_data(as_text=True)
    assert 'class="text-100 theme-default"' in plain.get("/nl/").get_data(as_text=True)


def test_the_same_browser_gets_its_page_again_without_the_app_and_it_is_counted(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT)
    client = app.test_client()
    first = client.get("/nl/kinderpardon")
    assert "Set-Cookie" in first.headers  # a new visitor: this answer is not kept
    second = client.get("/nl/kinderpardon")
    third = client.get("/nl/kinderpardon")
    responses = services_of(app).responses
    assert responses.hits == 1 and len(responses) == 1
    assert second.get_data() == third.get_data()
    assert third.headers["Content-Security-Policy"] == second.headers["Content-Security-Policy"]
    [topic] = services_of(app).usage.per_topic()
    assert topic["view"] == 3


def test_htmx_fragments_and_full_pages_are_kept_apart(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT)
    client = app.test_client()
    client.get("/nl/")
    full = client.get("/nl/").get_data(as_text=True)
    fragment = client.get("/nl/", headers={"HX-Request": "true"}).get_data(as_text=True)
    again = client.get("/nl/", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert full.startswith("<!doctype html>") and "<html" not in fragment
    assert fragment == again


def test_a_changed_printer_is_shown_at_once(make_app: AppMaker, tmp_path: Path):
    printed = tmp_path / "printed"
    app = make_app(BUNDLED_CONTENT, PRINT_FOLDER=str(printed))
    client = app.test_client()
    client.get("/nl/kinderpardon")
    assert "Printen lukt nu niet" not in client.get("/nl/kinderpardon").get_data(as_text=True)
    printed.rmdir()
    printed.write_text("")  # the printer (a folder) can no longer take jobs
    services_of(app).printing.printer_status(fresh=True)
    assert "Printen lukt nu niet" in client.get("/nl/kinderpardon").get_data(as_text=True)
    printed.unlink()
    services_of(app).printing.printer_status(fresh=True)
    assert "Printen lukt nu niet" not in client.get("/nl/kinderpardon").get_data(as_text=True)


def test_changed_content_is_shown_at_once(
    make_app: AppMaker, content_dir: Path, write: ContentWriter
):
    path = write("nl/een-test.md", VALID_TOPIC)
    app = make_app(content_dir)
    client = app.test_client()
    client.get("/nl/een-test")
    assert "Een test" in client.get("/nl/een-test").get_data(as_text=True)
    path.write_text(VALID_TOPIC.replace("title: Een test", "title: Een nieuwe titel"))
    services_of(app).library.reload()
    assert "Een nieuwe titel" in client.get("/nl/een-test").get_data(as_text=True)


def test_old_answers_and_other_requests_are_not_reused(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT, RESPONSE_CACHE_SECONDS=0)
    client = app.test_client()
    for _ in range(3):
        client.get("/nl/kinderpardon")
        client.get("/nl/kinderpardon?x=1")
        client.get("/static/css/base.css").close()
        client.get("/healthz")
    assert services_of(app).responses.hits == 0


def test_the_page_cache_stays_within_its_memory():
    page = "x" * 10_000
    cache = PageCache(max_bytes=25_000)
    for key in "abcab":
        cache.get_or_render(key, lambda key=key: key + page)
    assert len(cache) == 2 and cache.bytes <= 25_000
    assert cache.get_or_render("a", lambda: "new") == "a" + page  # kept: used last
    assert cache.get_or_render("c", lambda: "c again") == "c again"  # dropped: used longest ago


def test_the_response_cache_stays_within_its_memory(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT, RESPONSE_CACHE_MB=0.05)  # room for one topic page
    client = app.test_client()
    for slug in ["kinderpardon", "kindbruiden", "kinderpardon", "kindbruiden"]:
        client.get(f"/nl/{slug}")
    responses = services_of(app).responses
    assert len(responses) == 1 and responses.bytes <= 0.05 * 2**20


def test_the_start_makes_the_screens_so_the_first_visitor_does_not_wait(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT)
    warm_up(app)
    made = page_cache(app).misses
    assert made >= 4 * 10, "every topic in every language is made"
    assert services_of(app).usage.rows() == [], "making the screens is nobody's visit"
    for path in ("/", "/nl/", "/ar/kinderpardon", "/uk/help"):
        assert app.test_client().get(path).status_code == 200
    assert page_cache(app).misses == made, "the first visitor's screens were ready"
