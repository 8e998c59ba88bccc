"""Each page as a visitor's browser receives it: full pages, htmx fragments and errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kiosk.content import load_library
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, ContentWriter

BUNDLED = load_library(BUNDLED_CONTENT)
NL_TOPICS = BUNDLED.languages["nl"].topics


def test_start_screen_invites_and_links_to_the_topics(client: FlaskClient):
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="nl" dir="ltr" class="text-100 theme-default">' in html
    assert '<h1 tabindex="-1"><span class="s" data-s="0">Welkom.</span></h1>' in html
    assert 'href="/nl/"' in html and "Beginnen" in html


def test_index_lists_every_topic_in_order_with_icon(client: FlaskClient):
    html = client.get("/nl/").get_data(as_text=True)
    hrefs = re.findall(r'<a class="card" href="([^"]+)"', html)
    assert hrefs == [f"/nl/{topic.slug}" for topic in NL_TOPICS]
    assert len(hrefs) >= 5
    for topic in NL_TOPICS:
        assert f'class="icon icon-{topic.icon}"' in html
        assert topic.card_title in html
    assert html.count('<span class="card__whose">Standpunt van de PvdA</span>') == len(NL_TOPICS)


@pytest.mark.parametrize("topic", NL_TOPICS, ids=lambda topic: topic.slug)
def test_topic_page_shows_everything(client: FlaskClient, topic):
    response = client.get(f"/nl/{topic.slug}")
    html = re.sub(r"</?bdi[^>]*>", "", response.get_data(as_text=True))
    assert response.status_code == 200
    assert f"<title>{topic.title} · Informatiezuil</title>" in html
    assert f'<h1 tabindex="-1"><span class="s" data-s="0">{topic.title}</span></h1>' in html
    assert "Dit is het standpunt van de PvdA." in html
    assert "Bron: PvdA, ‘Warm hart, koel hoofd’" in html
    assert f"Datum: {topic.source.date}" in html
    assert html.count("<li") >= len(topic.key_points)
    assert 'href="/nl/"' in html and 'href="/"' in html
    for entry in topic.terms:
        assert f'popovertarget="{entry.anchor}"' in html
        assert f'id="{entry.anchor}"' in html
        assert f"<dt>{entry.term}</dt>" in html


def test_htmx_navigation_gets_only_the_page_region(client: FlaskClient):
    full = client.get("/nl/kinderpardon")
    fragment = client.get("/nl/kinderpardon", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in full.get_data(as_text=True)
    body = fragment.get_data(as_text=True)
    assert "<!doctype" not in body and "<head>" not in body
    assert body.lstrip().startswith(
        "<title>Kinderpardon en generaal pardon · Informatiezuil</title>"
    )
    assert "Kinderpardon en generaal pardon</span></h1>" in body
    assert "HX-Request" in full.headers["Vary"]
    assert "HX-Request" in fragment.headers["Vary"]


def test_history_restore_gets_the_full_page(client: FlaskClient):
    response = client.get(
        "/nl/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/nl/bestaat-niet",
        "/xx/",
        "/xx/kinderpardon",
        "/NL/",
        "/nl/Kinderpardon",
        "/nl/..%2Fetc",
        "/nl/kinderpardon/extra",
        "/nl/%00",
        "/nl/a%5Cb",
        "/nl/glossary",
    ],
)
def test_unknown_pages_get_a_friendly_404(client: FlaskClient, path: str):
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in html
    assert 'class="big-link big-link--primary" href="/"' in html
    assert "Naar het begin" in html


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/en/nope", "This page does not exist."), ("/uk/nope", None), ("/ar/x/y/z", None),
     ("/xx/nope", "Deze pagina bestaat niet."), ("/nope", "Deze pagina bestaat niet.")],
)  # fmt: skip
def test_404_speaks_the_language_of_the_address(client: FlaskClient, path: str, heading):
    response = client.get(path, follow_redirects=True)  # "/nope" → "/nope/" → 404
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    lang = path.split("/")[1] if path.split("/")[1] in ("en", "uk", "ar") else "nl"
    assert f'<html lang="{lang}"' in html
    if heading:
        assert heading in html
    else:
        assert "Deze pagina bestaat niet" not in html


def test_404_inside_htmx_navigation_is_a_fragment(client: FlaskClient):
    response = client.get("/nl/weg", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert "<html" not in response.get_data(as_text=True)


def test_server_error_gets_a_calm_page(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/t.md", topic_text)
    app = make_app(content_dir, TESTING=False)

    @app.get("/kapot")
    def broken():
        raise RuntimeError("test fault")

    response = app.test_client().get("/kapot")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Er ging iets mis" in html and "Vraag het aan een medewerker" in html
    assert "RuntimeError" not in html and "test fault" not in html


def test_security_headers_on_every_response(client: FlaskClient):
    for path in ["/", "/nl/", "/nl/kinderpardon", "/healthz", "/nope", "/static/css/base.css"]:
        response = client.get(path)
        response.close()
        headers = response.headers
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_pages_use_only_local_assets(client: FlaskClient):
    html = client.get("/nl/kinderpardon").get_data(as_text=True)
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "style=" not in html and "<style" not in html
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/js/early.js">',
        '<script src="/static/vendor/js/htmx.min.js" defer>',
        '<script src="/static/js/kiosk.js" defer>',
        '<script src="/static/js/word-marks.js" defer>',
        '<script src="/static/js/read-aloud.js" defer>',
        '<script src="/static/js/word-by-word.js" defer>',
        '<script src="/static/js/screen.js" defer>',
        '<script src="/static/js/audio-mode.js" defer>',
    ]
    for asset in [
        "/static/vendor/js/htmx.min.js",
        "/static/js/kiosk.js",
        "/static/vendor/css/atkinson-hyperlegible-next.css",
        "/static/vendor/fonts/atkinson-hyperlegible-next-latin-400-normal.woff2",
    ]:
        response = client.get(asset)
        response.close()
        assert response.status_code == 200, asset


def test_language_list_appears_when_there_are_several(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/t.md", topic_text)
    write("ar/t.md", topic_text)
    client = make_app(content_dir).test_client()
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'lang="ar" dir="rtl" hx-boost="false"[^>]*>العربية</a>', html)
    assert (
        client.get("/ar/")
        .get_data(as_text=True)
        .startswith('<!doctype html>\n<html lang="ar" dir="rtl" class="text-100 theme-default">')
    )


def test_no_content_at_all_says_so(make_app: AppMaker, tmp_path: Path):
    client = make_app(tmp_path / "leeg").test_client()
    assert "Er is nu geen informatie" in client.get("/").get_data(as_text=True)
    assert client.get("/nl/").status_code == 404


@pytest.mark.parametrize(
    ("sections", "shown"),
    [
        ("", "Bron: Testorganisatie, ‘Testpagina’.<br>"),
        ("  sections: Een\n", "Bron: Testorganisatie, ‘Testpagina’, deel ‘Een’.<br>"),
        (
            "  sections: [Een, Twee, Drie]\n",
            "Bron: Testorganisatie, ‘Testpagina’, delen ‘Een’, ‘Twee’ en ‘Drie’.<br>",
        ),
    ],
)
def test_source_line_names_the_parts_of_the_source(
    make_app: AppMaker,
    content_dir: Path,
    write: ContentWriter,
    topic_text: str,
    sections: str,
    shown: str,
):
    write("nl/t.md", topic_text.replace("  date: maart 2024\n", "  date: maart 2024\n" + sections))
    html = make_app(content_dir).test_client().get("/nl/t").get_data(as_text=True)
    assert shown in re.sub(r"</?bdi[^>]*>", "", html)
    assert "Deze informatie komt van de testorganisatie." in html
