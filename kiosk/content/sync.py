"""Content from the organisation's git repository: fetched, checked, then switched at once.

`run.py sync` (a systemd timer, every 10 minutes) fetches the branch into a bare repository of
its own and accepts the new commit only when
- it is a fast-forward of the version served (a rewritten branch is refused, never followed),
- with an allowed-signers file configured, every new commit carries a good signature by a key
  listed there (git's own `verify-commit`, ssh signing),
- the whole new version passes the content check, in a worktree of its own.
Then the link `current` is pointed at the new worktree with one rename, so the kiosk (which
reads through that link, kiosk/content/store.py) sees the old version or the new one, never a
mix. Otherwise the version served stays and the reason is recorded (kiosk/content/sync_state.py).

Layout of the sync folder: `repository.git/`, `versions/<commit>/` (the served version and the
one before it; others are removed), `current` → `versions/<commit>`, `state.json`, `.lock`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.content.sync_state import ContentVersion, SyncState, read_sync_state, write_sync_state

log = logging.getLogger(__name__)

#: Where the fetched branch is kept until it is accepted.
INCOMING = "refs/kiosk/incoming"
#: The version served, as a ref, so git keeps its objects whatever the remote does.
SERVED = "refs/kiosk/served"
#: How long one git command may take (a fetch over a slow line included).
GIT_TIMEOUT = 300
#: Reasons are kept short enough for a staff page: this many problems, then "and N more".
MAX_REASONS = 8

#: check(folder) → the reasons the version in `folder` cannot be shown (empty: it can).
ContentCheck = Callable[[Path], list[str]]


class Refused(Exception):
    """The new version is not accepted; the message says why, for the staff."""


class FetchFailed(Exception):
    """The repository could not be reached or read; the version served stays."""


@dataclass(frozen=True)
class ContentSource:
    """Where the content comes from and what it must satisfy."""

    repository: str
    branch: str = "main"
    #: git's allowed-signers file; when set, every new commit must be signed by a key in it.
    allowed_signers: Path | None = None


class ContentSync:
    """Updates the content served from `folder/current` to the newest good commit."""

    def __init__(self, source: ContentSource, folder: Path, check: ContentCheck):
        self.source = source
        self.folder = folder
        self.check = check
        self.git_dir = folder / "repository.git"
        self.versions = folder / "versions"
        self.current = folder / "current"
        self.state_file = folder / "state.json"

    def run(self) -> SyncState:
        """One sync: fetch, verify, check, switch; the state recorded (and returned)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._locked():
            previous = read_sync_state(self.state_file)
            started = time.time()
            try:
                state = self._update(previous, started)
            except (Refused, FetchFailed, subprocess.SubprocessError, OSError) as error:
                state = self._not_updated(previous, started, error)
            write_sync_state(self.state_file, state)
        log.log(logging.INFO if state.ok else logging.WARNING,
                "content sync: %s %s", state.result, state.reason)  # fmt: skip
        return state

    def _update(self, previous: SyncState | None, started: float) -> SyncState:
        self._prepare()
        new = self._fetch()
        served = self._served_commit()
        if new == served:
            version = self._version(new)
            return SyncState(version, started, started, "unchanged", "no new commit")
        if served and not self._is_ancestor(served, new):
            raise Refused(
                f"commit {new[:10]} does not build on the version shown ({served[:10]}): "
                "the branch was rewritten (a force push); only fast-forwards are accepted"
            )
        self._verify_signatures(served, new)
        self._check_and_switch(new)
        self._forget_old_versions(keep={new, served})
        reason = f"now showing {new[:10]}" + (f" (was {served[:10]})" if served else "")
        return SyncState(self._version(new), started, started, "updated", reason)

    def _not_updated(
        self, previous: SyncState | None, started: float, error: Exception
    ) -> SyncState:
        served = self._served_commit()
        try:
            version = self._version(served) if served else None
        except (subprocess.SubprocessError, OSError):
            version = previous.version if previous else None
        state = SyncState(
            version=version,
            last_attempt=started,
            last_success=previous.last_success if previous else None,
            result="refused" if isinstance(error, Refused) else "failed",
            reason=str(error),
            refused_commit=self._incoming() if isinstance(error, Refused) else "",
        )
        if not isinstance(error, Refused | FetchFailed):
            log.error("content sync failed", exc_info=error)
            state = replace(state, reason=f"the sync itself failed: {error}")
        return state

    # -- git -----------------------------------------------------------------------------

    def _git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """git on the sync's own repository; never asks for a password, never hangs."""
        environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "true"}
        result = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args],
            capture_output=True, text=True, timeout=GIT_TIMEOUT, env=environment,
        )  # fmt: skip
        if check and result.returncode != 0:
            raise subprocess.CalledProcessError(
                result.returncode, args, result.stdout, result.stderr
            )
        return result

    def _prepare(self) -> None:
        if not (self.git_dir / "HEAD").exists():
            subprocess.run(["git", "init", "--quiet", "--bare", str(self.git_dir)], check=True,
                           capture_output=True, timeout=GIT_TIMEOUT)  # fmt: skip
        self.versions.mkdir(exist_ok=True)

    def _fetch(self) -> str:
        """The branch's newest commit, fetched into INCOMING (forced: judged after)."""
        refspec = f"+refs/heads/{self.source.branch}:{INCOMING}"
        try:
            self._git("fetch", "--quiet", "--no-tags", "--", self.source.repository, refspec)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            detail = (getattr(error, "stderr", "") or "").strip().splitlines()
            fatal = [line for line in detail if line.startswith("fatal:")]
            why = (fatal or detail or ["it took too long"])[0].removeprefix("fatal: ")
            raise FetchFailed(f"could not fetch {self.source.branch!r}: {why}") from error
        return self._incoming()

    def _incoming(self) -> str:
        return self._git("rev-parse", "--verify", "--quiet", INCOMING, check=False).stdout.strip()

    def _served_commit(self) -> str:
        """The commit the link `current` names ("" before the first version)."""
        if not self.current.is_symlink():
            return ""
        return Path(os.readlink(self.current)).name

    def _is_ancestor(self, old: str, new: str) -> bool:
        return self._git("merge-base", "--is-ancestor", old, new, check=False).returncode == 0

    def _verify_signatures(self, served: str, new: str) -> None:
        """Each commit the update brings must verify against the allowed signers (the first
        version: its newest commit, which vouches for the tree it shows)."""
        signers = self.source.allowed_signers
        if signers is None:
            return
        if not signers.is_file():
            raise Refused(f"the allowed-signers file {signers} does not exist")
        commits = self._git("rev-list", f"{served}..{new}").stdout.split() if served else [new]
        for commit in commits:
            result = self._git("-c", f"gpg.ssh.allowedSignersFile={signers}",
                               "verify-commit", commit, check=False)  # fmt: skip
            if result.returncode != 0:
                subject = self._git("log", "-1", "--format=%s", commit).stdout.strip()
                raise Refused(f"commit {commit[:10]} ({subject!r}) is not signed by an allowed key")

    def _version(self, commit: str) -> ContentVersion:
        fields = self._git("log", "-1", "--format=%H%x00%aI%x00%an%x00%s", commit).stdout
        full, date, author, subject = fields.rstrip("\n").split("\0", 3)
        return ContentVersion(full, date, author, subject)

    # -- versions on disk ----------------------------------------------------------------

    def _check_and_switch(self, commit: str) -> None:
        """Check out `commit` in a worktree of its own, check it, then point `current` at it."""
        worktree = self.versions / commit
        self._remove_worktree(worktree)  # left by an attempt that was stopped
        self._git("worktree", "add", "--quiet", "--detach", str(worktree), commit)
        reasons = self.check(worktree)
        if reasons:
            self._remove_worktree(worktree)
            more = len(reasons) - MAX_REASONS
            listed = "; ".join(reasons[:MAX_REASONS]) + (f"; and {more} more" if more > 0 else "")
            raise Refused(f"commit {commit[:10]} fails the content check: {listed}")
        self._switch(worktree)
        self._git("update-ref", SERVED, commit)

    def _switch(self, worktree: Path) -> None:
        """`current` → `worktree` with one rename (a reader sees the old link or the new)."""
        link = self.folder / f".current-{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(worktree.relative_to(self.folder))
        os.replace(link, self.current)
        descriptor = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def _forget_old_versions(self, keep: set[str]) -> None:
        """Keep the version served and the one before it; remove the others."""
        for worktree in self.versions.iterdir():
            if worktree.name not in keep:
                self._remove_worktree(worktree)
        self._git("worktree", "prune", check=False)

    def _remove_worktree(self, worktree: Path) -> None:
        if worktree.exists():
            self._git("worktree", "remove", "--force", str(worktree), check=False)
        if worktree.exists():  # not a worktree git knows (any more): plain files
            subprocess.run(["rm", "-rf", "--", str(worktree)], check=False)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """One sync at a time (the timer and a hand-started one)."""
        with open(self.folder / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
