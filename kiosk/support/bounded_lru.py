"""A least-recently-used map kept within a memory budget, safe to use from any thread."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class MemoryBoundedLru(Generic[V]):
    """Values by key; when their `size_of` sum passes `max_bytes`, the least recently used
    go first (the newest always stays)."""

    def __init__(self, max_bytes: int, size_of: Callable[[V], int]) -> None:
        self.max_bytes = max_bytes
        self.size_of = size_of
        self.bytes = 0
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, valid: Callable[[V], bool] = lambda _: True) -> V | None:
        """The value for `key`, marked as just used; None (and dropped) if not `valid`."""
        with self._lock:
            value = self._values.get(key)
            if value is None:
                return None
            if not valid(value):
                self._drop(key)
                return None
            self._values.move_to_end(key)
            return value

    def put(self, key: Hashable, value: V) -> None:
        """Keep `value` under `key`, making room by dropping the least recently used."""
        with self._lock:
            self._drop(key)
            self._values[key] = value
            self.bytes += self.size_of(value)
            while self.bytes > self.max_bytes and len(self._values) > 1:
                self._drop(next(iter(self._values)))

    def __len__(self) -> int:
        return len(self._values)

    def _drop(self, key: Hashable) -> None:
        value = self._values.pop(key, None)
        if value is not None:
            self.bytes -= self.size_of(value)
