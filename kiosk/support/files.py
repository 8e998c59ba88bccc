"""Files that are never half-written: written under a `.tmp-*` name in the target's folder,
flushed to disk, then renamed into place; and the clean-up of temporaries left by a crash."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

#: A temporary file this old belongs to a rendering that was interrupted (a crash, a full disk);
#: younger ones may be another process's rendering in progress.
STALE_SECONDS = 600
TEMPORARY_PREFIX = ".tmp-"


def temporary_path(folder: Path, suffix: str = "") -> Path:
    """A fresh, empty file in `folder` (the same file system, so a rename is atomic)."""
    descriptor, name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=suffix, dir=folder)
    os.close(descriptor)
    return Path(name)


def atomic_write(target: Path, data: bytes | str, mode: int = 0o644) -> None:
    """Replace `target` with `data` at once: readers see the old file or the whole new one,
    and a crash or a full disk leaves the old one in place."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    temporary = temporary_path(target.parent, target.suffix)
    try:
        os.chmod(temporary, mode)
        with open(temporary, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def move_into_place(source: Path, target: Path) -> None:
    """Rename a finished temporary file (already on disk) to its final name, after making sure
    its bytes reached the disk."""
    with open(source, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(source, target)


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files of renderings that were interrupted."""
    limit = time.time() - STALE_SECONDS
    for leftover in folder.glob(f"{TEMPORARY_PREFIX}*"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
        except FileNotFoundError:
            pass
