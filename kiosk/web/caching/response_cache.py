"""Whole responses of visitor pages, per browser: the same browser asking for the same page
again (back to the topic index, a topic seen before) is answered without running the app.

A WSGI middleware. A view marks its response as reusable with `mark_reusable()`; the
middleware keeps it under the request's path, htmx headers and Cookie header (so the visitor's
own settings and CSRF token are in it), together with the app's state at that moment (content
version, printer state). A stored response is used only while that state is unchanged, it has
no Set-Cookie, and it is younger than `max_age` (well inside the CSRF token's lifetime).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from kiosk.support.bounded_lru import MemoryBoundedLru

REUSABLE = "kiosk.response_cache.reusable"
USAGE_EVENT = "kiosk.response_cache.usage"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def mark_reusable(environ: dict[str, Any], usage_event: tuple[str, ...] | None = None) -> None:
    """Say that this request's response may be reused for the same browser; `usage_event` is
    counted again each time it is."""
    environ[REUSABLE] = True
    environ[USAGE_EVENT] = usage_event


@dataclass(frozen=True)
class StoredResponse:
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    state: Hashable
    created: float
    usage_event: tuple[str, ...] | None


class ResponseCache:
    """Answers repeated page requests of one browser from memory."""

    def __init__(
        self,
        wsgi_app: WSGIApp,
        state: Callable[[], Hashable],
        on_reuse: Callable[[tuple[str, ...]], None],
        max_bytes: int = 8 * 2**20,
        max_age: float = 600,
    ):
        self.wsgi_app = wsgi_app
        self.state = state
        self.on_reuse = on_reuse
        self.max_age = max_age
        self.hits = 0
        self.responses: MemoryBoundedLru[StoredResponse] = MemoryBoundedLru(
            max_bytes, lambda stored: len(stored.body)
        )

    @staticmethod
    def key(environ: dict[str, Any]) -> Hashable | None:
        """What a page response can depend on; None for requests that are never reused."""
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("QUERY_STRING"):
            return None
        return (
            environ.get("SCRIPT_NAME", ""),
            environ.get("HTTP_HOST"),  # an untrusted host must reach Flask, which refuses it
            environ.get("PATH_INFO", ""),
            environ.get("HTTP_HX_REQUEST"),
            environ.get("HTTP_HX_HISTORY_RESTORE_REQUEST"),
            environ.get("HTTP_COOKIE"),
        )

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        key = self.key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        state = self.state()
        stored = self._stored(key, state)
        if stored is not None:
            return self._replay(stored, start_response)
        return self._run_and_keep(key, state, environ, start_response)

    def _stored(self, key: Hashable, state: Hashable) -> StoredResponse | None:
        """The kept response for `key`, while the app's state is unchanged and it is fresh."""
        return self.responses.get(
            key,
            valid=lambda stored: (
                stored.state == state and time.monotonic() - stored.created <= self.max_age
            ),
        )

    def _replay(self, stored: StoredResponse, start_response: Callable[..., Any]) -> list[bytes]:
        self.hits += 1
        if stored.usage_event is not None:
            self.on_reuse(stored.usage_event)
        start_response(stored.status, list(stored.headers))
        return [stored.body]

    def _run_and_keep(
        self, key: Hashable, state: Hashable, environ: dict[str, Any],
        start_response: Callable[..., Any],
    ) -> Iterable[bytes]:  # fmt: skip
        """Run the app; keep a reusable 200 without Set-Cookie."""
        captured: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured[:] = [status, headers]
            return start_response(status, headers, exc_info)

        body_parts = self.wsgi_app(environ, capture)
        if not environ.get(REUSABLE):
            return body_parts
        body = _read_all(body_parts)
        status, headers = captured
        if status.startswith("200") and not any(
            name.lower() == "set-cookie" for name, _ in headers
        ):
            stored = StoredResponse(
                status, tuple(headers), body, state, time.monotonic(), environ.get(USAGE_EVENT)
            )
            self.responses.put(key, stored)
        return [body]

    @property
    def bytes(self) -> int:
        return self.responses.bytes

    def __len__(self) -> int:
        return len(self.responses)


def _read_all(body_parts: Iterable[bytes]) -> bytes:
    """A WSGI body as bytes, closed as WSGI asks."""
    try:
        return b"".join(body_parts)
    finally:
        close = getattr(body_parts, "close", None)
        if close is not None:
            close()
