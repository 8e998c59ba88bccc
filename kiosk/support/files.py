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
    temporary = _written_aside(target, data, mode)
    try:
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def create_exclusively(target: Path, data: bytes | str, mode: int = 0o600) -> bool:
    """Create `target` with `data` unless it exists; False if another process was first. The
    file appears whole (written aside, then hard-linked into place, which fails if it exists)."""
    temporary = _written_aside(target, data, mode)
    try:
        os.link(temporary, target)
        return True
    except FileExistsError:
        return False
    finally:
        temporary.unlink(missing_ok=True)


def _written_aside(target: Path, data: bytes | str, mode: int) -> Path:
    """`data` in a temporary file beside `target`, with `mode`, flushed to the disk."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    temporary = temporary_path(target.parent, target.suffix)
    try:
        os.chmod(temporary, mode)
        with open(temporary, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def private_folder(folder: Path) -> Path:
    """Make `folder` (and its parents) if needed, readable by this user only: it holds the
    secret key, the password hash and the databases."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


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
