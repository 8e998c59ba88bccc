"""Keeping a folder of cache entries within bounds. An entry is the files `<key>.*` of one key,
complete once its `<key>.json` exists (the speech and leaflet caches both work so).

`prune()` removes, in this order: files of no entry (left by a crash, older than a minute),
entries no longer reachable from the content (when the caller says which are), and then the
least recently used entries until the folder fits `max_bytes`. Use is the record's mtime,
which `touch()` sets on every hit.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.support.files import TEMPORARY_PREFIX

log = logging.getLogger(__name__)

RECORD = ".json"
#: A file without a record younger than this may be an entry being written right now.
ORPHAN_SECONDS = 60


@dataclass
class _Entry:
    key: str
    files: list[Path] = field(default_factory=list)
    size: int = 0
    used: float | None = None  # the record's mtime; None: no record


def touch(record: Path) -> None:
    """Mark an entry as just used (its record's mtime)."""
    try:
        os.utime(record)
    except OSError:
        pass  # a read-only cache still serves


def folder_bytes(folder: Path) -> int:
    """What the entries of a cache folder take on disk."""
    return sum(entry.size for entry in _entries(folder).values())


def prune(folder: Path, max_bytes: int, reachable: Collection[str] | None = None) -> int:
    """Remove orphans, unreachable entries, then the least recently used; the bytes freed."""
    entries = _entries(folder)
    now = time.time()
    doomed = [
        entry
        for entry in entries.values()
        if (entry.used is None and _age(entry, now) > ORPHAN_SECONDS)
        or (entry.used is not None and reachable is not None and entry.key not in reachable)
    ]
    kept = sorted(
        (entry for entry in entries.values() if entry.used is not None and entry not in doomed),
        key=lambda entry: entry.used or 0,
    )
    total = sum(entry.size for entry in kept)
    while kept and total > max_bytes:
        oldest = kept.pop(0)
        total -= oldest.size
        doomed.append(oldest)
    freed = sum(_remove(entry) for entry in doomed)
    if doomed:
        log.info("cache %s: removed %d entries (%d bytes)", folder.name, len(doomed), freed)
    return freed


def _entries(folder: Path) -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    for path in folder.iterdir():
        if path.name.startswith(TEMPORARY_PREFIX) or not path.is_file():
            continue
        key = path.name.split(".", 1)[0]
        entry = entries.setdefault(key, _Entry(key))
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        entry.files.append(path)
        entry.size += stat.st_size
        if path.name == key + RECORD:
            entry.used = stat.st_mtime
    return entries


def _age(entry: _Entry, now: float) -> float:
    try:
        return now - max(path.stat().st_mtime for path in entry.files)
    except (FileNotFoundError, ValueError):
        return 0.0


def _remove(entry: _Entry) -> int:
    """Delete an entry, its record first (so it is never half there)."""
    freed = 0
    for path in sorted(entry.files, key=lambda path: path.suffix != RECORD):
        try:
            size = path.stat().st_size
            path.unlink()
            freed += size
        except FileNotFoundError:
            pass
    return freed
