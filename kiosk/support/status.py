"""One shape for what a service says about itself (for /healthz and the staff page), and for
the progress of background work."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Progress:
    """Background work: how much there is, how much is done, how much failed (thread-safe)."""

    total: int = 0
    done: int = 0
    failed: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, total: int = 0, done: int = 0, failed: int = 0) -> None:
        """Count more work, finished work or failures."""
        with self._lock:
            self.total += total
            self.done += done
            self.failed += failed

    def as_dict(self) -> dict[str, int]:
        return {"total": self.total, "done": self.done, "failed": self.failed}


def service_status(reason: str | None, **details: Any) -> dict[str, Any]:
    """{"status": "ok" | "degraded", "reason": why not ok, ...details} — the one shape every
    service reports in; a `Progress` among the details is given as its counts."""
    shown = {
        name: value.as_dict() if isinstance(value, Progress) else value
        for name, value in details.items()
    }
    return {"status": "ok" if reason is None else "degraded", "reason": reason, **shown}
