"""Rendered leaflets on disk: `<key>.pdf`, its first page as `<key>.png`, and `<key>.json`.

Files are written under temporary names and renamed; the JSON is written last and records the
PDF's size, so a half-written or damaged leaflet is never served but rendered again.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from kiosk.support.file_cache import folder_bytes, prune, touch
from kiosk.support.files import (
    atomic_write,
    move_into_place,
    remove_stale_temporaries,
    temporary_path,
)


@dataclass(frozen=True)
class Leaflet:
    """A rendered leaflet."""

    key: str
    pdf: Path
    pages: int
    thumbnail: Path | None


class LeafletCache:
    """A folder of rendered leaflets."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(folder)

    def lookup(self, key: str) -> Leaflet | None:
        """The complete leaflet for `key`, or None."""
        try:
            record = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            pdf = self.folder / f"{key}.pdf"
            if pdf.stat().st_size != record["size"]:
                return None
            thumbnail = self.folder / f"{key}.png"
            leaflet = Leaflet(key, pdf, record["pages"], thumbnail if thumbnail.exists() else None)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        touch(self.folder / f"{key}.json")
        return leaflet

    def prune(self, max_bytes: int, reachable: Collection[str] | None = None) -> int:
        """Keep the folder within `max_bytes` (see kiosk.support.file_cache); bytes freed."""
        return prune(self.folder, max_bytes, reachable)

    def bytes(self) -> int:
        """What the cache takes on disk."""
        return folder_bytes(self.folder)

    def temporary_path(self, suffix: str) -> Path:
        """A fresh name in the cache folder (same file system, so renaming is atomic)."""
        return temporary_path(self.folder, suffix)

    def store(self, key: str, pdf: Path, pages: int, thumbnail: Path | None) -> Leaflet:
        """Move a rendered PDF (and its thumbnail) into place and record it."""
        target = self.folder / f"{key}.pdf"
        move_into_place(pdf, target)
        picture = None
        if thumbnail is not None:
            picture = self.folder / f"{key}.png"
            move_into_place(thumbnail, picture)
        record = json.dumps({"pages": pages, "size": target.stat().st_size})
        atomic_write(self.folder / f"{key}.json", record)
        return Leaflet(key, target, pages, picture)
