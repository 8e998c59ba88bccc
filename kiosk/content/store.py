"""The content being shown, reloaded when its files change, without ever losing a working topic.

A changed, added or removed file is picked up by polling the folder (a few dozen small files:
no watcher library needed). The folder may be a symbolic link that `run.py sync` switches to a
new version at once: each load reads the one version the link names when it starts, so a
switch in the middle of a load is never seen as a mix of two versions. An edit that breaks a
file that worked keeps the last good version of that topic on screen and reports the problem;
a deleted file removes its topic.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.content.library_loader import load_library
from kiosk.content.models import Library
from kiosk.content.problems import ContentProblem

log = logging.getLogger(__name__)

Snapshot = dict[str, tuple]
#: The snapshot's entry for where a linked folder points.
TARGET = "->"


@dataclass(frozen=True)
class Reload:
    """What a reload changed."""

    changed: bool
    kept_old: tuple[str, ...] = ()


class LibraryStore:
    """Holds the library being shown (`current`); safe to read from any thread."""

    def __init__(
        self,
        folder: Path,
        on_change: Callable[[Library], None] | None = None,
        name: str | None = None,
    ):
        self.folder = folder
        #: how files are named (see load_library): None for `<folder>/…`, "" for `…`
        self.name = name
        self.on_change = on_change
        self._lock = threading.Lock()
        self._snapshot = self._scan()
        self._library = self._load()
        #: goes up by one on every reload, so caches of rendered pages know they are stale
        self.generation = 0
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def current(self) -> Library:
        """The library shown now."""
        return self._library

    def reload(self) -> Reload:
        """Load the files again; keep the last good version of topics whose file broke."""
        with self._lock:
            snapshot = self._scan()
            fresh = self._load(snapshot)
            kept = self._keep_working_topics(self._library, fresh)
            changed = snapshot != self._snapshot
            self._snapshot = snapshot
            self._library = fresh
            self.generation += 1
        if kept:
            log.warning("content: kept the last good version of %s", ", ".join(kept))
        if self.on_change is not None:
            self.on_change(fresh)
        return Reload(changed, tuple(kept))

    def reload_if_changed(self) -> Reload | None:
        """Reload when any file under the folder was added, removed or changed."""
        if self._scan() == self._snapshot:
            return None
        log.info("content files changed: reloading")
        return self.reload()

    def watch(self, interval: float) -> None:
        """Check the folder every `interval` seconds in a background thread."""
        if interval <= 0 or self._thread is not None:
            return

        def run() -> None:
            while not self._stop.wait(interval):
                try:
                    self.reload_if_changed()
                except Exception:  # noqa: BLE001 - a bad moment must not end the watching
                    log.exception("content reload failed")

        self._thread = threading.Thread(target=run, name="content-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching."""
        self._stop.set()

    def _load(self, snapshot: Snapshot | None = None) -> Library:
        """The library of the version the folder names now (as named in `snapshot`)."""
        snapshot = self._snapshot if snapshot is None else snapshot
        target = Path(snapshot[TARGET][0]) if TARGET in snapshot else self.folder
        return load_library(target, name=self.folder.name if self.name is None else self.name)

    def _scan(self) -> Snapshot:
        snapshot: Snapshot = {}
        if self.folder.is_symlink():
            # the version a switched link names: resolved once, then scanned and loaded
            snapshot[TARGET] = (str(self.folder.resolve()),)
        root = Path(snapshot[TARGET][0]) if TARGET in snapshot else self.folder
        if root.is_dir():
            for path in root.rglob("*"):
                if path.is_file() and not path.name.startswith("."):
                    stat = path.stat()
                    snapshot[str(path)] = (stat.st_mtime_ns, stat.st_size)
        return snapshot

    def _keep_working_topics(self, old: Library, fresh: Library) -> list[str]:
        """Put back old topics whose file now has a problem (but still exists)."""
        broken_files = {problem.file for problem in fresh.problems}
        kept = []
        for code, old_content in old.languages.items():
            new_content = fresh.languages.get(code)
            if new_content is None:
                continue
            present = {topic.slug for topic in new_content.topics}
            for topic in old_content.topics:
                path = (self.folder.parent if self.name is None else self.folder) / topic.file
                gone = not (path.exists() or path.is_symlink())  # a broken link is not gone
                if topic.slug in present or topic.file not in broken_files or gone:
                    continue
                new_content.topics.append(topic)
                kept.append(topic.file)
        if kept:
            for content in fresh.languages.values():
                content.topics.sort(key=lambda topic: (topic.order, topic.title))
            fresh.problems = [
                replace(p, message=p.message + " (the last good version is still shown)")
                if p.file in kept else p
                for p in fresh.problems
            ]  # fmt: skip
        return kept


__all__ = ["ContentProblem", "LibraryStore", "Reload"]
