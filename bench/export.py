"""Export benchmarks: the public copy of all content (speech already rendered, as on a kiosk
that runs), then again after editing one topic (only its files are made and written), against
copying the finished copy (the cost of the files alone, measured in the same run)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from kiosk import create_app
from kiosk.export.writer import ExportWriter
from kiosk.services import services_of
from kiosk.web.export import SiteExport

BASE_URL = "https://example.org/informatie/"


def _export(work: Path, site: Path) -> tuple[float, int]:
    """Seconds for one export of work/content into `site`, and the files it wrote."""
    app = create_app({
        "CONTENT_DIR": str(work / "content"),
        "DATABASE": str(work / "export.sqlite3"),
        "SPEECH_CACHE_DIR": str(work / "speech"),
        "LEAFLET_CACHE_DIR": str(work / "leaflets"),
        "PUBLIC_SITE": True,
        "PUBLIC_URL": BASE_URL,
        "PRINTER": "folder",
        "PRINT_FOLDER": str(work / "printed"),
    })  # fmt: skip
    try:
        started = time.perf_counter()
        report = SiteExport(app, ExportWriter(site)).run()
        return time.perf_counter() - started, len(report.written)
    finally:
        services_of(app).close()


def export_times(work: Path, edit: str = "nl/kinderpardon.md") -> dict[str, float]:
    """export_all_s, export_one_changed_s and the copy baseline, on the content and caches
    the prerender benchmark left in `work`."""
    site = work / "site"
    everything, files = _export(work, site)
    started = time.perf_counter()
    shutil.copytree(site, work / "site-copy")
    copy = time.perf_counter() - started
    edited = work / "content" / edit
    edited.write_text(edited.read_text() + "\nDit is nog een nieuwe zin.\n")
    one, changed = _export(work, site)
    return {
        "export_all_s": everything,
        "export_files": files,
        "export_copy_s": copy,
        "export_all_vs_copy": everything / copy if copy else 0.0,
        "export_one_changed_s": one,
        "export_one_changed_files": changed,
        "export_one_vs_all": one / everything,
    }
