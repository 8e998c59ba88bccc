"""Where each kiosk address lives in the public copy, and the relative links between them."""

from __future__ import annotations

import pytest

from kiosk.export.addresses import (
    normalised_base,
    public_topic_url,
    relative_link,
    short_address,
    site_file,
)


@pytest.mark.parametrize(
    ("path", "file"),
    [
        ("/", "index.html"),
        ("/nl/", "nl/index.html"),
        ("/nl/kinderpardon", "nl/kinderpardon/index.html"),
        ("/nl/theme/asiel", "nl/theme/asiel/index.html"),
        ("/nl/kinderpardon/speech.json", "nl/kinderpardon/speech.json"),
        ("/nl/kinderpardon/leaflet.pdf", "nl/kinderpardon/leaflet.pdf"),
        ("/static/vendor/fonts/a.woff2", "static/vendor/fonts/a.woff2"),
        ("/uk/words/%D0%B7%D0%B0/speech.json", "uk/words/за/speech.json"),
    ],
)
def test_pages_become_folders_and_files_keep_their_path(path: str, file: str):
    assert site_file(path) == file


@pytest.mark.parametrize(
    ("page", "target", "link"),
    [
        ("/", "/nl/", "nl/"),
        ("/nl/", "/", "../"),
        ("/nl/", "/nl/", "./"),
        ("/nl/kinderpardon", "/nl/", "../"),
        ("/nl/kinderpardon", "/en/kinderpardon", "../../en/kinderpardon/"),
        ("/nl/kinderpardon", "/nl/kinderpardon/speech.json", "speech.json"),
        ("/nl/kinderpardon", "/static/css/base.css", "../../static/css/base.css"),
        ("/nl/theme/asiel", "/nl/kinderpardon", "../../kinderpardon/"),
        ("/nl/kinderpardon", "/nl/kinderpardon#term-asiel", "./#term-asiel"),
        ("/nl/kinderpardon/speech.json", "/speech/ab12.ogg", "../../speech/ab12.ogg"),
    ],
)
def test_links_are_relative_so_the_copy_works_from_a_sub_path(page: str, target: str, link: str):
    assert relative_link(page, target) == link


def test_the_public_address_of_a_topic_and_how_it_is_spelled_out():
    url = public_topic_url("https://example.org/informatie", "nl", "kinderpardon")
    assert url == "https://example.org/informatie/nl/kinderpardon/"
    assert short_address(url) == "example.org/informatie/nl/kinderpardon"


@pytest.mark.parametrize(
    "wrong", ["example.org", "ftp://example.org/", "https://", "https://x/?a=1"]
)
def test_a_base_that_is_not_a_web_address_is_refused(wrong: str):
    with pytest.raises(ValueError, match="not a web address"):
        normalised_base(wrong)
