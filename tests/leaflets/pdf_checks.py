"""What a leaflet PDF must be: tagged PDF/UA-1, language and title, fonts embedded, large text."""

from __future__ import annotations

import math
from pathlib import Path

import pdfplumber
import pikepdf


def structure_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every element of the structure tree."""
    found: list[pikepdf.Dictionary] = []
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append(kid)
                stack.append(kid)
    return found


def fonts_of(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    fonts = []
    for page in pdf.pages:
        resources = page.obj.get("/Resources", {})
        for font in resources.get("/Font", {}).values():
            fonts.append(font)
    return fonts


def font_is_embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def share_of_large_text(path: Path, points: float = 16) -> float:
    """The share of characters set at `points` or more (page numbers included)."""
    sizes = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            sizes += [char["size"] for char in page.chars if char["text"].strip()]
    return sum(size >= points - 0.05 for size in sizes) / len(sizes)


Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points


def figure_boxes(page: pdfplumber.page.Page) -> list[Box]:
    """The box of each picture on a page: the drawings and images WeasyPrint tags as one
    marked-content Figure, grown by half their line width (a stroke is drawn on its path)."""
    boxes: dict[int, Box] = {}
    for shape in page.curves + page.lines + page.rects + page.images:
        if shape.get("tag") != "Figure":
            continue
        grow = (shape.get("linewidth") or 0) / 2 if shape.get("stroke") else 0
        x0, top, x1, bottom = boxes.get(shape["mcid"], (math.inf, math.inf, -math.inf, -math.inf))
        boxes[shape["mcid"]] = (
            min(x0, shape["x0"] - grow),
            min(top, shape["top"] - grow),
            max(x1, shape["x1"] + grow),
            max(bottom, shape["bottom"] + grow),
        )
    return list(boxes.values())


def pictures_over_text(path: Path) -> list[str]:
    """Each place where a picture's box intersects a line of text, as 'page N: line'."""
    found = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            lines = page.extract_text_lines(return_chars=False)
            for box in figure_boxes(page):
                found += [
                    f"page {number}: picture {tuple(round(v) for v in box)} over {line['text']!r}"
                    for line in lines
                    if _intersect(box, (line["x0"], line["top"], line["x1"], line["bottom"]))
                ]
    return found


def _intersect(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
