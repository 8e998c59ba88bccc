"""Every bundled leaflet, rendered for real and inspected: accessible, large, short, safe."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from kiosk.content import load_library
from kiosk.leaflets import LeafletBusy, LeafletLimits, LeafletService, LeafletUnavailable
from tests.leaflets.conftest import leaflet_service
from tests.leaflets.pdf_checks import (
    font_is_embedded,
    fonts_of,
    pictures_over_text,
    share_of_large_text,
    structure_elements,
)
from tests.samples import BUNDLED_CONTENT, VALID_TOPIC

LIBRARY = load_library(BUNDLED_CONTENT)
DUTCH = LIBRARY.languages["nl"]


@pytest.mark.parametrize("topic", DUTCH.topics, ids=lambda topic: topic.slug)
def test_every_leaflet_is_an_accessible_easy_read_pdf(leaflets: LeafletService, topic):
    leaflet = leaflets.get(topic, DUTCH)
    with pikepdf.open(leaflet.pdf) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "nl"
        assert root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as metadata:
            assert metadata.get("pdfuaid:part") == "1"
            assert metadata.get("dc:title") == topic.title
        assert len(pdf.pages) == leaflet.pages <= 2
        assert "/EmbeddedFiles" not in root.get("/Names", {})
        assert fonts_of(pdf) and all(font_is_embedded(font) for font in fonts_of(pdf))
        figures = [e for e in structure_elements(pdf) if e.S == "/Figure"]
        assert figures and all(str(figure.get("/Alt", "")).strip() for figure in figures)
        # easy-read: a picture beside every key point and every section, each with its words
        pictures = sorted(str(f.Alt) for f in figures if str(f.Alt).startswith("Plaatje: "))
        sections = [part.heading for part in topic.text_parts if part.number is not None]
        with_key_points = sorted(f"Plaatje: {idea}" for idea in (*topic.key_points, *sections))
        # a topic too long for two sides leaves out its key points (they repeat the text)
        assert pictures in (with_key_points, sorted(f"Plaatje: {idea}" for idea in sections))
    assert share_of_large_text(leaflet.pdf) >= 0.9
    assert (
        leaflet.thumbnail is not None and leaflet.thumbnail.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    )


@pytest.mark.parametrize(
    "topic",
    DUTCH.topics + LIBRARY.languages["ar"].topics,
    ids=lambda topic: f"{topic.lang}-{topic.slug}",
)
def test_no_picture_covers_text(leaflets: LeafletService, topic):
    """Left to right and right to left, every picture stands beside the text, not on it."""
    leaflet = leaflets.get(topic, LIBRARY.languages[topic.lang])
    assert pictures_over_text(leaflet.pdf) == []


def test_leaflet_text_has_every_part(leaflets: LeafletService):
    topic = DUTCH.topic("kinderpardon")
    with pdfplumber.open(leaflets.get(topic, DUTCH).pdf) as pdf:
        text = " ".join(page.extract_text() for page in pdf.pages)
    text = re.sub(r"\s+", " ", text)
    for expected in [topic.title, "Dit is het standpunt van de PvdA.", "Bron: PvdA",
                     "In het kort", "Moeilijke woorden", "Kamerlid: Lid van de Tweede Kamer",
                     "Vragen? Stel ze aan een medewerker", "Pagina 1 van 2"]:  # fmt: skip
        assert expected in text, expected


def test_qr_code_to_the_source_when_it_has_an_address(tmp_path: Path):
    content = tmp_path / "content"
    (content / "nl").mkdir(parents=True)
    url = "https://example.org/standpunt"
    text = VALID_TOPIC.replace("  date: maart 2024", f"  date: maart 2024\n  url: {url}")
    (content / "nl" / "t.md").write_text(text)
    library = load_library(content)
    service = leaflet_service(tmp_path / "cache")
    try:
        html = service.document.html(library.topic("nl", "t"), library.languages["nl"])
        assert '<svg width="' in html and f"<title>QR-code naar de bron: {url}</title>" in html
        leaflet = service.get(library.topic("nl", "t"), library.languages["nl"])
        with pikepdf.open(leaflet.pdf) as pdf:
            alts = [str(e.get("/Alt", "")) for e in structure_elements(pdf) if e.S == "/Figure"]
        assert f"QR-code naar de bron: {url}" in alts
        assert pictures_over_text(leaflet.pdf) == []
        with pdfplumber.open(leaflet.pdf) as pdf:  # a topic that names no kind is information
            assert "Deze informatie komt van de testorganisatie." in pdf.pages[0].extract_text()
    finally:
        service.close()


def test_cache_hit_and_one_rendering_for_concurrent_requests(tmp_path: Path):
    service = leaflet_service(tmp_path / "cache", limits=LeafletLimits(max_waiting=6))
    try:
        topic = DUTCH.topic("kindbruiden")
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(lambda _: service.get(topic, DUTCH), range(6)))
        assert service.renders == 1
        assert all(result == results[0] for result in results)
        assert service.get(topic, DUTCH) == results[0]
        assert service.renders == 1
    finally:
        service.close()


def test_more_waiting_requests_than_allowed_are_told_to_try_again(tmp_path: Path):
    service = leaflet_service(tmp_path / "cache", limits=LeafletLimits(max_waiting=1))
    try:
        topic = DUTCH.topic("kindbruiden")
        outcomes = []

        def ask(_: int) -> None:
            try:
                service.get(topic, DUTCH)
                outcomes.append("leaflet")
            except LeafletBusy:
                outcomes.append("busy")

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(ask, range(4)))
        assert "busy" in outcomes and "leaflet" in outcomes
        assert service.renders == 1  # the rendering went on once, for all of them
        assert service.get(topic, DUTCH).pages >= 1  # the next try finds it
    finally:
        service.close()


def test_damaged_leaflet_is_rendered_again(tmp_path: Path):
    service = leaflet_service(tmp_path / "cache")
    try:
        topic = DUTCH.topic("kindbruiden")
        first = service.get(topic, DUTCH)
        first.pdf.write_bytes(first.pdf.read_bytes()[:500])  # a crash or a full disk
        again = service.get(topic, DUTCH)
        assert service.renders == 2
        with pikepdf.open(again.pdf) as pdf:
            assert len(pdf.pages) == again.pages
        assert not list((tmp_path / "cache").glob(".tmp-*"))
    finally:
        service.close()


def test_rendering_that_takes_too_long_is_stopped_and_reported(tmp_path: Path):
    service = leaflet_service(tmp_path / "cache", timeout=0.05)
    try:
        with pytest.raises(LeafletUnavailable, match="did not answer within"):
            service.get(DUTCH.topic("kinderpardon"), DUTCH)
        assert service.status()["status"] == "degraded"
        assert service.worker.pid is None  # the stuck renderer was stopped
        service.worker.job_timeout = 60
        assert service.get(DUTCH.topic("kinderpardon"), DUTCH).pages == 2
        assert service.status()["status"] == "ok"
    finally:
        service.close()
