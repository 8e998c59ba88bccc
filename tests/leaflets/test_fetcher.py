"""The leaflet renderer loads nothing outside the project's own folders."""

from __future__ import annotations

import http.server
import os
import threading
from pathlib import Path

import pikepdf
import pytest

from kiosk.leaflets.fetcher import RefusedURL, SafeFetcher
from kiosk.leaflets.pdf_worker import start_pdf_renderer
from kiosk.settings import PROJECT_ROOT

STATIC = PROJECT_ROOT / "static"


@pytest.fixture
def web_server():
    """A local HTTP server that records every request (none should arrive)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_fetcher_allows_project_files_and_data_urls():
    fetcher = SafeFetcher([STATIC])
    css = (STATIC / "css" / "leaflet.css").resolve().as_uri()
    assert fetcher.fetch(css).read().startswith(b"/*")
    assert fetcher.fetch("data:text/plain,hallo").read() == b"hallo"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        (STATIC / "css" / ".." / ".." / "pyproject.toml").as_uri(),
        "http://127.0.0.1:1/leaflet.css",
        "https://example.org/font.woff2",
        "ftp://example.org/x",
        "file://otherhost/etc/passwd",
    ],
)
def test_fetcher_refuses_everything_else(url: str):
    fetcher = SafeFetcher([STATIC])
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_refuses_a_symlink_out_of_its_folder(tmp_path: Path):
    root = tmp_path / "static"
    root.mkdir()
    (root / "innocent.css").symlink_to("/etc/passwd")
    with pytest.raises(RefusedURL):
        SafeFetcher([root]).fetch((root / "innocent.css").as_uri())


def test_hostile_html_renders_without_reaching_anything(tmp_path: Path, web_server):
    base, hits = web_server
    hostile = f"""<!doctype html><html lang="nl"><head><title>Test</title>
      <link rel="stylesheet" href="{base}/remote.css">
      <link rel="attachment" href="file:///etc/passwd">
      <style>@import url("file:///etc/passwd"); @import url("{base}/import.css");</style>
      </head><body><p>Tekst</p>
      <a rel="attachment" href="file:///etc/passwd">bijlage</a>
      <img src="{base}/picture.png" alt="x"><img src="file:///etc/shadow" alt="y">
      <iframe src="{base}/frame"></iframe></body></html>"""
    render = start_pdf_renderer([str(STATIC)])
    target = tmp_path / "hostile.pdf"
    pages, refused = render(hostile, PROJECT_ROOT.as_uri() + "/", str(target))
    assert pages == 1
    assert hits == []
    assert "file:///etc/passwd" in refused and f"{base}/remote.css" in refused
    with pikepdf.open(target) as pdf:
        assert "/EmbeddedFiles" not in pdf.Root.get("/Names", {})
        assert not any(_has_file_annotation(page) for page in pdf.pages)
    assert b"root:" not in target.read_bytes()


def _has_file_annotation(page) -> bool:
    return any(annot.get("/Subtype") == "/FileAttachment" for annot in page.obj.get("/Annots", []))


def test_worker_refuses_when_the_folder_is_readable_only_through_a_link(tmp_path: Path):
    outside = tmp_path / "outside.css"
    outside.write_text("body { color: red }")
    inside = tmp_path / "static"
    inside.mkdir()
    os.symlink(outside, inside / "style.css")
    fetcher = SafeFetcher([inside])
    assert not fetcher.allows((inside / "style.css").as_uri())
