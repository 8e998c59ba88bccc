"""Attacks refused: headers that lock pages down, CSRF on every form, hostile paths and
hostile content made harmless, and the staff page's session cookie."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kiosk.content.markdown import sanitise
from kiosk.services import services_of
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, VALID_TOPIC, ContentWriter

HOSTILE_SNIPPETS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[klik hier](javascript:alert(1))",
    '<iframe src="https://example.org"></iframe>',
    '<a href="data:text/html,<script>alert(1)</script>">klik</a>',
    "<svg onload=alert(1)>",
    '<object data="evil.swf"></object>',
    '<form action="https://example.org"><input name="x"></form>',
]

#: One URL of every kind the kiosk serves.
EVERY_KIND_OF_URL = [
    "/", "/nl/", "/nl/kinderpardon", "/nl/help", "/nl/kinderpardon/speech.json",
    "/nl/kinderpardon/print", "/nl/kinderpardon/leaflet.pdf", "/healthz", "/staff/",
    "/staff/login", "/nope", "/nl/nope", "/static/css/base.css", "/static/js/kiosk.js",
]  # fmt: skip


@pytest.mark.parametrize("path", EVERY_KIND_OF_URL)
@pytest.mark.parametrize("htmx", [False, True])
def test_every_response_is_locked_down(bundled_client: FlaskClient, path: str, htmx: bool):
    headers = {"HX-Request": "true"} if htmx else {}
    for _ in range(2):  # the second time a page may come from the response cache
        response = bundled_client.get(path, headers=headers)
        response.close()
        policy = dict(
            part.strip().split(" ", 1)
            for part in response.headers["Content-Security-Policy"].split(";")
        )
        assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'"
        assert policy["style-src"] == "'self'" and policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'none'"
        assert "unsafe" not in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"


def test_htmx_may_only_talk_to_the_kiosk_and_never_runs_scripts(bundled_client: FlaskClient):
    html = bundled_client.get("/nl/kinderpardon").get_data(as_text=True)
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", html)[1])
    assert config["selfRequestsOnly"] is True
    assert config["allowEval"] is False and config["allowScriptTags"] is False
    assert config["historyCacheSize"] == 0


def test_every_form_needs_its_csrf_token(bundled_app: Flask):
    posts = [rule for rule in bundled_app.url_map.iter_rules() if "POST" in (rule.methods or ())]
    assert len(posts) >= 9
    client = bundled_app.test_client()
    client.get("/nl/kinderpardon")  # a session exists, but no token is sent
    for rule in posts:
        url = rule.build({"lang": "nl", "slug": "kinderpardon"}, append_unknown=False)[1]
        response = client.post(url, data={"action": "text", "password": "x"})
        assert response.status_code == 400, url
        assert "CSRF" not in response.get_data(as_text=True)  # a calm page, no jargon


HOSTILE_PATHS = [
    "..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2fetc%2fpasswd", "etc%5cpasswd", "a%00b",
    "%00", "C:", "KINDERPARDON", "kinderpardon%2f..", "kinderpardon%2f..%2f..%2fkiosk",
    "kinderpardon.md", "~root", "%252e%252e", "%c0%ae%c0%ae", "nl%0d%0aSet-Cookie:x=y",
]  # fmt: skip
PATH_SHAPES = [
    "/{x}/", "/nl/{x}", "/{x}/kinderpardon", "/nl/{x}/speech.json", "/nl/{x}/leaflet.pdf",
    "/nl/{x}/print", "/nl/theme/{x}", "/nl/words/{x}/speech.json", "/nl/messages/{x}/speech.json",
    "/speech/{x}", "/static/{x}", "/print/{x}",
]  # fmt: skip


@pytest.mark.parametrize("shape", PATH_SHAPES)
def test_hostile_paths_find_nothing(bundled_client: FlaskClient, shape: str):
    for hostile in HOSTILE_PATHS:
        response = bundled_client.get(shape.format(x=hostile))
        body = response.get_data()
        assert response.status_code in (404, 308), (shape, hostile, response.status_code)
        assert b"root:" not in body and b"SECRET" not in body and b"---\ntitle" not in body
        assert "Set-Cookie: x" not in str(response.headers)


def test_hostile_content_is_refused_with_file_and_line_or_shown_as_text(
    make_app: AppMaker, content_dir: Path, write: ContentWriter
):
    for index, snippet in enumerate(HOSTILE_SNIPPETS):
        write(
            f"nl/kwaad-{index}.md", VALID_TOPIC.replace("Een zin met", f"{snippet}\n\nEen zin met")
        )
    app = make_app(content_dir)
    library = services_of(app).library.current
    client = app.test_client()
    for index in range(len(HOSTILE_SNIPPETS)):
        problems = [p for p in library.problems if p.file.endswith(f"kwaad-{index}.md")]
        page = client.get(f"/nl/kwaad-{index}")
        if problems:  # HTML: the file is refused, and the editor is told where
            assert [problem.line for problem in problems] == [18]
            assert page.status_code == 404
        else:  # a javascript: link is no link at all in CommonMark: it stays text
            html = page.get_data(as_text=True)
            assert page.status_code == 200 and 'href="javascript' not in html
            assert "[klik hier](javascript:alert(1))" in html
    assert len([p for p in library.problems if "HTML is not allowed" in p.message]) == 7


@pytest.mark.parametrize("snippet", HOSTILE_SNIPPETS)
def test_sanitising_leaves_nothing_that_runs(snippet: str):
    html = str(sanitise(f"<p>{snippet}</p>"))
    for forbidden in ("<script", "onerror", "onload", "href=\"javascript", "<iframe", "<object",
                      "<form", "data:text/html", "<svg"):  # fmt: skip
        assert forbidden not in html.lower(), html


def test_hostile_glossary_text_is_only_text(
    make_app: AppMaker, content_dir: Path, write: ContentWriter
):
    write("nl/een-test.md", VALID_TOPIC)
    write(
        "nl/glossary.yaml",
        'asielzoeker: "<script>alert(1)</script> <img src=x onerror=alert(1)>"\n',
    )
    html = make_app(content_dir).test_client().get("/nl/een-test").get_data(as_text=True)
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert "<img src=x" not in html


def test_session_cookie_cannot_be_read_by_scripts_or_sent_by_other_sites(
    make_app: AppMaker, bundled_client: FlaskClient
):
    cookie = bundled_client.get("/nl/kinderpardon").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    secure = make_app(BUNDLED_CONTENT, SESSION_COOKIE_SECURE=True).test_client()
    assert "Secure" in secure.get("/nl/kinderpardon").headers["Set-Cookie"]


def test_staff_page_needs_the_password(bundled_client: FlaskClient):
    for path in ["/staff/", "/staff/usage.csv"]:
        response = bundled_client.get(path)
        assert response.status_code in (302, 303) and "/staff/login" in response.location
