"""A small picture of a leaflet's first page, for the print confirmation."""

from __future__ import annotations

import subprocess
from pathlib import Path

from kiosk.support.worker_process import at_render_priority


def first_page_png(pdf: Path, target: Path, width_px: int = 360) -> bool:
    """Render page 1 of `pdf` to `target` with poppler's pdftoppm; False if that fails."""
    prefix = target.with_suffix("")
    command = ["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile", "-scale-to", str(width_px),
               str(pdf), str(prefix)]  # fmt: skip
    try:
        subprocess.run(at_render_priority(command), check=True, capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return prefix.with_suffix(".png") == target and target.exists()
