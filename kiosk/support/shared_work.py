"""One rendering shared by every request that asks for the same thing at the same time: the
first caller renders, the others wait for its result (or its error)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Generic, TypeVar

T = TypeVar("T")


def wait_bounded(
    future: Future[T], waiting: threading.BoundedSemaphore, timeout: float,
    busy: Callable[[str], Exception], what: str,
) -> T:  # fmt: skip
    """The result of `future`, waited for in one of `waiting`'s places (each holds a server
    thread): with no place free, or after `timeout`, `busy(reason)` is raised at once and the
    work goes on, so that a next try finds it done."""
    if not waiting.acquire(blocking=False):
        raise busy(f"too many requests are waiting for {what} already")
    try:
        return future.result(timeout)
    except FutureTimeout as error:
        raise busy(f"{what} took longer than {timeout:g} s") from error
    finally:
        waiting.release()


class SharedWork(Generic[T]):
    """Futures by key for work under way."""

    def __init__(self) -> None:
        self._pending: dict[Hashable, Future[T]] = {}
        self._lock = threading.Lock()

    def claim(self, key: Hashable) -> tuple[Future[T], bool]:
        """The future for `key`, and whether the caller is its owner (must do the work)."""
        with self._lock:
            future = self._pending.get(key)
            if future is not None:
                return future, False
            future = self._pending[key] = Future()
            return future, True

    def get(self, key: Hashable) -> Future[T] | None:
        """The future of work under way for `key`, if any."""
        with self._lock:
            return self._pending.get(key)

    def finish(self, key: Hashable, work: Callable[[], T]) -> T:
        """Run `work` as the owner of `key`: its result or error reaches every waiter."""
        future = self.get(key)
        assert future is not None, "claim the key first"
        try:
            future.set_result(work())
        except BaseException as error:  # noqa: BLE001 - the waiting requests get it too
            future.set_exception(error)
        finally:
            with self._lock:
                self._pending.pop(key, None)
        return future.result()

    def abandon(self, key: Hashable, error: BaseException) -> None:
        """Give up work that was claimed but never started: its waiters get `error`."""
        with self._lock:
            future = self._pending.pop(key, None)
        if future is not None and not future.done():
            future.set_exception(error)

    def run(self, key: Hashable, work: Callable[[], T]) -> T:
        """The result of `work` for `key`, rendered once however many callers ask at once."""
        future, owner = self.claim(key)
        return self.finish(key, work) if owner else future.result()

    def __len__(self) -> int:
        with self._lock:
            return len(self._pending)
