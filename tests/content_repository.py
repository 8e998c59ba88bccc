"""An organisation's content repository for the tests: a real bare repository (`origin`, what
the kiosks fetch from) and an editor's clone that writes topics, commits (signed or not) and
pushes, as an editor would."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

EDITOR = {
    "GIT_AUTHOR_NAME": "Eva Editor",
    "GIT_AUTHOR_EMAIL": "eva@example.org",
    "GIT_COMMITTER_NAME": "Eva Editor",
    "GIT_COMMITTER_EMAIL": "eva@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True,
        env={**os.environ, **EDITOR},
    )  # fmt: skip
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


TOPIC = """\
---
title: {title}
card_title: {title}
icon: scale
order: {order}
summary: Dit is een korte tekst.
position_of: de stad
source:
  organisation: De stad
  title: Een pagina
  date: maart 2024
key_points:
  - Het eerste punt.
  - Het tweede punt.
---
## Wat is het?

Dit is een tekst. Hij is kort. Je kunt hem goed lezen.
"""


def topic(title: str, order: int = 1) -> str:
    """A topic that passes the whole content check, readability included."""
    return TOPIC.format(title=title, order=order)


#: A topic the content check refuses: "order" must be a number, a problem on line 5 of the file.
BROKEN_TOPIC = topic("Kapot").replace("order: 1", "order: drie")


class ContentRepository:
    """`origin` (bare) and the editor's working copy of it, with one first commit on main."""

    def __init__(self, root: Path):
        self.origin = root / "origin.git"
        self.editor = root / "editor"
        self.keys = root / "keys"
        root.mkdir(parents=True, exist_ok=True)
        git(root, "init", "--quiet", "--bare", "--initial-branch=main", str(self.origin))
        git(root, "clone", "--quiet", str(self.origin), str(self.editor))
        git(self.editor, "checkout", "--quiet", "-b", "main")
        self.write("nl/een-test.md", topic("Een test"))
        self.commit("First topic")

    def write(self, relative: str, text: str) -> None:
        path = self.editor / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")

    def commit(self, message: str, signed_with: Path | None = None, push: bool = True) -> str:
        """Commit everything written (signed with the ssh key `signed_with`); push; the hash."""
        git(self.editor, "add", "--all")
        signing = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={signed_with}"]
        git(self.editor, *(signing if signed_with else []), "commit", "--quiet",
            *(["-S"] if signed_with else []), "-m", message)  # fmt: skip
        if push:
            git(self.editor, "push", "--quiet", "origin", "main")
        return self.head()

    def head(self) -> str:
        return git(self.editor, "rev-parse", "HEAD")

    def rewrite_history(self, message: str) -> str:
        """Replace the last commit with another and force-push it: not a fast-forward."""
        git(self.editor, "reset", "--quiet", "--hard", "HEAD~1")
        self.write("nl/herschreven.md", topic("Herschreven", order=5))
        self.commit(message, push=False)
        git(self.editor, "push", "--quiet", "--force", "origin", "main")
        return self.head()

    def signing_key(self, name: str) -> Path:
        """A new ssh key pair (the private key's path; the public key beside it, .pub)."""
        self.keys.mkdir(exist_ok=True)
        key = self.keys / name
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)],
                       check=True)  # fmt: skip
        return key

    def allowed_signers(self, *keys: Path) -> Path:
        """git's allowed-signers file listing these keys for the editor."""
        lines = [f'{EDITOR["GIT_AUTHOR_EMAIL"]} namespaces="git" '
                 + Path(f"{key}.pub").read_text().strip() for key in keys]  # fmt: skip
        path = self.keys / "allowed_signers"
        path.write_text("\n".join(lines) + "\n")
        return path
