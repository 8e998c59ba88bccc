"""Temporary files of the caches: written under `.tmp-*` names, then renamed into place."""

from __future__ import annotations

import time
from pathlib import Path

#: A temporary file this old belongs to a rendering that was interrupted (a crash, a full disk);
#: younger ones may be another process's rendering in progress.
STALE_SECONDS = 600


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files of renderings that were interrupted."""
    limit = time.time() - STALE_SECONDS
    for leftover in folder.glob(".tmp-*"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
        except FileNotFoundError:
            pass
