"""Writes the public copy into a folder incrementally: a file whose content is unchanged is
not touched (so a web server's caches and an rsync to the website stay quiet), a file no
longer produced is removed, and each file appears whole (written aside, then renamed).

What was written is kept in a manifest (`.kiosk-export.json`: each file and its SHA-256), so
the writer removes only files it made itself, never anything else in the folder.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kiosk.support.files import atomic_write

MANIFEST = ".kiosk-export.json"


class ExportFolderError(RuntimeError):
    """The folder cannot take the export (it holds other files, or a name is unsafe)."""


@dataclass
class WriteReport:
    """What one export did to the folder."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


class ExportWriter:
    """Collects the files of one export run; `finish()` removes what the run did not make."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.report = WriteReport()
        self._previous = self._read_manifest()
        self._hashes: dict[str, str] = {}

    def _read_manifest(self) -> dict[str, str]:
        manifest = self.folder / MANIFEST
        if manifest.is_file():
            try:
                return dict(json.loads(manifest.read_text(encoding="utf-8")))
            except (ValueError, TypeError) as error:
                raise ExportFolderError(f"{manifest} is damaged ({error}); remove it") from error
        if self.folder.exists() and any(self.folder.iterdir()):
            raise ExportFolderError(
                f"{self.folder} is not empty and holds no earlier export: choose an empty folder"
            )
        return {}

    def write(self, relative: str, data: bytes) -> None:
        """`data` as the file `relative` (a path inside the folder, with / between parts)."""
        name = PurePosixPath(relative)
        if name.is_absolute() or ".." in name.parts or not name.parts:
            raise ExportFolderError(f"unsafe file name in the export: {relative!r}")
        digest = hashlib.sha256(data).hexdigest()
        self._hashes[relative] = digest
        target = self.folder / relative
        if self._previous.get(relative) == digest and target.is_file():
            self.report.unchanged.append(relative)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
        self.report.written.append(relative)

    def has(self, relative: str) -> bool:
        """Whether this run has produced `relative` already."""
        return relative in self._hashes

    def finish(self) -> WriteReport:
        """Remove the files of the earlier export this run did not make; save the manifest."""
        for relative in sorted(set(self._previous) - set(self._hashes)):
            target = self.folder / relative
            target.unlink(missing_ok=True)
            self.report.removed.append(relative)
            self._remove_empty_folders(target.parent)
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._hashes != self._previous:
            manifest = json.dumps(self._hashes, indent=0, sort_keys=True) + "\n"
            atomic_write(self.folder / MANIFEST, manifest)
        return self.report

    def _remove_empty_folders(self, folder: Path) -> None:
        while folder != self.folder and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
