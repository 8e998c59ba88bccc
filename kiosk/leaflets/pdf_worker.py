"""In the PDF helper process: WeasyPrint turns leaflet HTML into a tagged PDF/UA-1 file."""

from __future__ import annotations

from pathlib import Path


def start_pdf_renderer(roots: list[str]):
    """Import WeasyPrint once; returns the job: (html, base_url, target) -> (pages, refused)."""
    from weasyprint import HTML

    from kiosk.leaflets.fetcher import SafeFetcher

    def render(html: str, base_url: str, target: str) -> tuple[int, list[str]]:
        fetcher = SafeFetcher([Path(root) for root in roots])
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
        document.write_pdf(target, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
        return len(document.pages), fetcher.refused

    return render
