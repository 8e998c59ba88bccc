"""The public copy of the bundled content, served by a real nginx under a sub-path: every link
works, none leads back to the kiosk, and nothing of the kiosk's own machinery is in it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from devtools.nginx import nginx_available, serve_folder
from devtools.server import kiosk_environment
from kiosk.settings import PROJECT_ROOT
from kiosk.web.public_site import PUBLIC_CONTENT_POLICY
from tests.conftest import PUBLIC_BASE, AppMaker, ExportedSite
from tests.samples import VALID_TOPIC, ContentWriter

pytestmark = pytest.mark.skipif(not nginx_available(), reason="nginx-light is not installed")

LINK_ATTRIBUTES = ("href", "src", "data-speech", "data-speech-full")


class Links(HTMLParser):
    """The addresses a page links to, and its <link rel> ones apart."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.rel: list[tuple[str, str, str]] = []  # (rel, hreflang, href)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("rel") in ("canonical", "alternate"):
            self.rel.append((values["rel"], values.get("hreflang", ""), values["href"]))
            return
        for name in LINK_ATTRIBUTES:
            if values.get(name) and not values[name].startswith(("#", "data:")):
                self.links.append(values[name])


def crawl(start: str) -> dict[str, bytes]:
    """Every address reachable from `start` on its own host: (address → body); fails on any
    answer but 200 or any link to another host."""
    host = urlsplit(start).netloc
    seen: dict[str, bytes] = {}
    queue = [start]
    while queue:
        url = queue.pop().split("#", 1)[0]
        if url in seen:
            continue
        assert urlsplit(url).netloc == host, f"a link to another host: {url}"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200, url
            seen[url] = body = response.read()
        if url.endswith("/"):
            parser = Links()
            parser.feed(body.decode())
            queue += [urljoin(url, link) for link in parser.links]
        elif url.endswith(".json"):
            queue.append(urljoin(url, json.loads(body)["audio"]))
    return seen


@pytest.fixture(scope="module")
def served(exported_site: ExportedSite, tmp_path_factory: pytest.TempPathFactory):
    state = tmp_path_factory.mktemp("nginx")
    with serve_folder(exported_site.folder, "/informatie/", state, PUBLIC_CONTENT_POLICY) as base:
        yield base


@pytest.fixture(scope="module")
def crawled(served: str) -> dict[str, bytes]:
    return crawl(served)


def pages(crawled: dict[str, bytes]) -> dict[str, str]:
    return {url: body.decode() for url, body in crawled.items() if url.endswith("/")}


def test_every_link_from_the_start_page_answers(crawled: dict[str, bytes], served: str):
    found = pages(crawled)
    languages = ("nl", "en", "ar", "uk")
    assert {f"{served}{lang}/" for lang in languages} <= set(found)
    assert f"{served}nl/kinderpardon/" in found and f"{served}ar/kinderpardon/" in found
    assert len([url for url in found if url.count("/") == 6]) >= 40, "every topic"
    kinds = {urlsplit(url).path.rsplit(".", 1)[-1] for url in crawled if not url.endswith("/")}
    assert {"css", "js", "woff2", "svg", "json", "ogg", "pdf"} <= kinds
    assert crawled[f"{served}nl/kinderpardon/leaflet.pdf"].startswith(b"%PDF")


def test_nothing_of_the_kiosk_goes_out(crawled: dict[str, bytes]):
    for url, html in pages(crawled).items():
        for kiosk_only in ("csrf", "<form", "/staff", "data-say", "hx-", "data-audio",
                           "data-reset-url", "data-word-mode", "Printen"):  # fmt: skip
            assert kiosk_only not in html, f"{url}: {kiosk_only}"
        assert not re.search(r'(href|src|data-speech[a-z-]*)="/', html), f"{url}: a root link"
        assert "<style" not in html and "style=" not in html, url
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], f"{url}: inline script"


def test_every_page_has_its_language_description_canonical_and_alternates(
    crawled: dict[str, bytes], served: str
):
    for url, html in pages(crawled).items():
        lang = re.search(r'<html lang="([a-z]+)"', html)[1]
        assert re.search(r'<meta name="description" content="[^"]{20,}"', html), url
        assert PUBLIC_CONTENT_POLICY.replace("'", "&#39;") in html, url
        parser = Links()
        parser.feed(html)
        public = PUBLIC_BASE + url.removeprefix(served)
        assert ("canonical", "", public) in parser.rel, url
        alternates = {hreflang: href for rel, hreflang, href in parser.rel if rel == "alternate"}
        if url == served or "/theme/" in url:
            assert alternates == {}, f"{url}: no other language has this page"
            continue
        assert alternates[lang] == public, url
        assert set(alternates) == {"nl", "en", "ar", "uk"}, url
        assert all(href.startswith(PUBLIC_BASE) for href in alternates.values()), url
    kinderpardon = pages(crawled)[f"{served}nl/kinderpardon/"]
    assert 'content="De PvdA zegt dat er dankzij haar in 2013 een kinderpardon kwam."' in (
        kinderpardon
    ), "the topic's summary is its description"


def test_the_sitemap_lists_every_page(exported_site: ExportedSite, crawled: dict[str, bytes]):
    sitemap = (exported_site.folder / "sitemap.xml").read_text()
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert f"{PUBLIC_BASE}nl/kinderpardon/" in listed and PUBLIC_BASE in listed
    assert len(listed) == len(pages(crawled))


def small_export(make_app: AppMaker, content: Path, folder: Path):
    from kiosk.export.writer import ExportWriter
    from kiosk.web.export import SiteExport

    app = make_app(content, PUBLIC_SITE=True, PUBLIC_URL=PUBLIC_BASE)
    return SiteExport(app, ExportWriter(folder)).run()


def test_a_second_export_rewrites_nothing_and_one_change_only_its_files(
    make_app: AppMaker, content_dir: Path, write: ContentWriter, tmp_path: Path
):
    write("nl/een.md", VALID_TOPIC)
    write("nl/twee.md", VALID_TOPIC.replace("Een test", "Twee").replace("order: 1", "order: 2"))
    site = tmp_path / "site"
    first = small_export(make_app, content_dir, site)
    assert "nl/een/index.html" in first.written and "nl/twee/leaflet.pdf" in first.written
    again = small_export(make_app, content_dir, site)
    assert again.written == [] and again.removed == []
    write("nl/twee.md", VALID_TOPIC.replace("Een test", "Twee").replace("order: 1", "order: 2")
          .replace("Een zin met", "Nog een zin met"))  # fmt: skip
    changed = small_export(make_app, content_dir, site)
    assert changed.written, "the changed topic is written"
    outside = [f for f in changed.written if not f.startswith(("nl/twee/", "speech/"))]
    assert outside == [], "only the changed topic's files"
    assert [f for f in changed.removed if not f.startswith("speech/")] == []
    (content_dir / "nl/twee.md").unlink()
    removed = small_export(make_app, content_dir, site)
    assert "nl/twee/index.html" in removed.removed and not (site / "nl/twee").exists()
    assert (site / "nl/een/index.html").is_file()


def test_run_py_export_reports_what_it_did(
    write: ContentWriter, content_dir: Path, tmp_path: Path, shared_caches: Path
):
    write("nl/een.md", VALID_TOPIC)
    environment = kiosk_environment(tmp_path, shared_caches, CONTENT_DIR=str(content_dir))

    def export(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "run.py", "export", *args]
        return subprocess.run(command, cwd=PROJECT_ROOT, env=environment, capture_output=True,
                              text=True, timeout=300)  # fmt: skip

    done = export(str(tmp_path / "site"), "--base-url", "https://example.org/info")
    assert done.returncode == 0, done.stderr
    assert "files written, 0 unchanged, 0 removed." in done.stdout
    assert (tmp_path / "site/sitemap.xml").is_file()
    assert "Export" in done.stderr, "a progress bar"
    again = export(str(tmp_path / "site"), "--base-url", "https://example.org/info")
    assert again.returncode == 0 and " 0 files written" in again.stdout, again.stdout
    assert export(str(tmp_path / "site"), "--base-url", "example.org").returncode == 2
    (tmp_path / "other").mkdir()
    (tmp_path / "other/keep.txt").write_text("mine")
    refused = export(str(tmp_path / "other"))
    assert refused.returncode == 1 and "not empty" in refused.stderr
