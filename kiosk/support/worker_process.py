"""A helper process that runs one kind of job at a time, owned by its parent.

Used for work that must not run in a request thread or that may hang: speech synthesis
(pyttsx3 and espeak-ng are not thread-safe) and PDF rendering (WeasyPrint cannot be stopped
from outside). The child is started with `spawn`, answers one job at a time, and is killed
and replaced when it hangs past the timeout or dies.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

#: Called once in the child; returns the function that does one job.
Setup = Callable[..., Callable[..., Any]]
#: Rendering (speech, PDFs, their encoders) runs at a lower priority than serving pages, so
#: that a visitor's tap is answered at once even while the machine's two cores render.
RENDER_NICENESS = 10


def at_render_priority(command: list[str]) -> list[str]:
    """A helper command line (ffmpeg, pdftoppm) run at the rendering priority."""
    return ["nice", "-n", str(RENDER_NICENESS), *command]


class WorkerError(RuntimeError):
    """The helper cannot do the work (it could not start, or the job failed)."""


class WorkerStartError(WorkerError):
    """The helper could not start (a missing library, for example)."""


class JobFailed(WorkerError):
    """The helper works, but this job raised an error."""


class WorkerFailed(WorkerError):
    """The helper died or hung during a job; it has been stopped and a new one will start."""


class WorkerProcess:
    """Parent-side handle: `call(*args)` runs one job in the child and returns its result."""

    def __init__(
        self, name: str, setup: Setup, setup_args: tuple = (), job_timeout: float = 30.0,
        start_timeout: float = 30.0,
    ) -> None:  # fmt: skip
        self.name = name
        self.setup = setup
        self.setup_args = setup_args
        self.job_timeout = job_timeout
        self.start_timeout = start_timeout
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self.jobs_done = 0

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._process.pid if self._process and self._process.is_alive() else None

    def call(self, *args: Any, timeout: float | None = None) -> Any:
        """Run one job; raises WorkerStartError, JobFailed or WorkerFailed."""
        with self._lock:
            if self.pid is None:
                self._start()
            assert self._connection is not None
            self._connection.send(args)
            reply = self._receive(timeout or self.job_timeout, "job")
            if reply[0] != "ok":
                raise JobFailed(reply[1])
            self.jobs_done += 1
            return reply[1]

    def stop(self) -> None:
        """Stop the child (a later job starts a new one)."""
        with self._lock:
            self._kill()

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_child_main, args=(child, self.setup, self.setup_args), name=self.name,
            daemon=True,
        )  # fmt: skip
        process.start()
        child.close()
        self._process, self._connection = process, parent
        reply = self._receive(self.start_timeout, "start")
        if reply[0] != "ready":
            self._kill()
            raise WorkerStartError(reply[1])

    def _receive(self, timeout: float, what: str) -> tuple:
        assert self._connection is not None
        try:
            if not self._connection.poll(timeout):
                self._kill()
                raise WorkerFailed(f"the {self.name} did not answer within {timeout:g} s ({what})")
            return self._connection.recv()
        except (EOFError, OSError) as error:
            code = self._process.exitcode if self._process else None
            self._kill()
            raise WorkerFailed(f"the {self.name} stopped during a {what} (exit {code})") from error

    def _kill(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None


def _exit_when_orphaned(parent: int, interval: float = 0.5) -> None:
    """End this process as soon as its parent is gone, even in the middle of a job (a server
    stopped or killed must not leave helpers behind)."""
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(0)


def _child_main(connection: Connection, setup: Setup, setup_args: tuple) -> None:
    """In the child: set up once, then answer jobs until the pipe closes."""
    sys.stdout = open(os.devnull, "w")  # libraries that print would write into the server's log
    os.nice(RENDER_NICENESS)
    threading.Thread(
        target=_exit_when_orphaned, args=(os.getppid(),), name="orphan-watch", daemon=True
    ).start()
    try:
        job = setup(*setup_args)
    except Exception as error:  # noqa: BLE001 - any failure to start is reported, then exit
        connection.send(("init-error", f"{error}"))
        return
    connection.send(("ready", None))
    while True:
        try:
            args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", job(*args))
        except Exception as error:  # noqa: BLE001 - report and keep serving
            reply = ("error", f"{type(error).__name__}: {error}")
        try:
            connection.send(reply)
        except OSError:  # the parent stopped waiting (it is ending): nobody to answer
            return
