"""Rendered visitor pages, kept by everything that shapes them.

A page depends on its template, language, path, whether htmx asked for a fragment, the
visitor's settings, the content version and (for topics) the printer's state. Only the CSRF
token differs between visitors: pages are rendered with a placeholder token, and each visitor's
own token is put in when the page is sent.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

#: stands in for the CSRF token while a page is rendered for the cache
TOKEN_PLACEHOLDER = "csrf-token-placeholder-6f1d2c"


class PageCache:
    """A least-recently-used map from page keys to rendered HTML, kept within `max_bytes` of
    memory (a page is 35-75 KB as a Python string; the keys vary with every setting)."""

    def __init__(self, max_bytes: int = 12 * 2**20):
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._pages: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> str:
        """The cached page for `key`, or `render()` stored under it."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
                self.hits += 1
                return page
        page = render()  # outside the lock: two threads may render the same page once each
        with self._lock:
            self.misses += 1
            old = self._pages.pop(key, None)
            if old is not None:
                self.bytes -= sys.getsizeof(old)
            self._pages[key] = page
            self.bytes += sys.getsizeof(page)
            while self.bytes > self.max_bytes and len(self._pages) > 1:
                self.bytes -= sys.getsizeof(self._pages.popitem(last=False)[1])
        return page

    def clear(self) -> None:
        """Forget every page."""
        with self._lock:
            self._pages.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._pages)
