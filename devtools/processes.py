"""Processes seen through /proc: children, whether one still runs, its memory. Shared by the
server tests and the benchmarks."""

from __future__ import annotations

import re
from pathlib import Path


def _parent(status: Path) -> int | None:
    try:
        return int(status.read_text().split("PPid:")[1].split()[0])
    except (OSError, IndexError, ValueError):  # the process ended while we looked
        return None


def children(pid: int, recursive: bool = False) -> list[int]:
    """The processes started by `pid` (and theirs too with `recursive`)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        if _parent(status) == pid:
            child = int(status.parent.name)
            found += [child, *(children(child, True) if recursive else [])]
    return found


def running(pid: int) -> bool:
    """Whether a process exists and has not ended (a zombie has ended)."""
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status)[1]) / 1024
