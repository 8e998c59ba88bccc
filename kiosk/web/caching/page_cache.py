"""Rendered visitor pages, kept by everything that shapes them.

A page depends on its template, language, path, whether htmx asked for a fragment, the
visitor's settings, the content version and (for topics) the printer's state. Only the CSRF
token differs between visitors: pages are rendered with a placeholder token, and each visitor's
own token is put in when the page is sent.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Hashable

from kiosk.support.bounded_lru import MemoryBoundedLru

#: stands in for the CSRF token while a page is rendered for the cache
TOKEN_PLACEHOLDER = "csrf-token-placeholder-6f1d2c"


class PageCache:
    """Rendered HTML by page key, kept within `max_bytes` of memory (a page is 35-75 KB as a
    Python string; the keys vary with every setting)."""

    def __init__(self, max_bytes: int = 12 * 2**20):
        self.pages: MemoryBoundedLru[str] = MemoryBoundedLru(max_bytes, sys.getsizeof)
        self.hits = 0
        self.misses = 0

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> str:
        """The cached page for `key`, or `render()` stored under it."""
        page = self.pages.get(key)
        if page is not None:
            self.hits += 1
            return page
        page = render()  # outside any lock: two threads may render the same page once each
        self.misses += 1
        self.pages.put(key, page)
        return page

    @property
    def bytes(self) -> int:
        return self.pages.bytes

    def __len__(self) -> int:
        return len(self.pages)
