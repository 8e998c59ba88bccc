"""What a leaflet PDF must be: tagged PDF/UA-1, language and title, fonts embedded, large text."""

from __future__ import annotations

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
