"""WeasyPrint may load only data: URLs and files inside the project's own folders.

Its default fetcher reads any file (it embedded /etc/passwd as an attachment) and any http
URL. This one resolves symlinks and `..` first and refuses everything outside the allowed
folders; what it refuses is recorded, and the rendering goes on without it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher


class RefusedURL(ValueError):
    """A URL outside what leaflets may load."""


class SafeFetcher(URLFetcher):
    """A fetcher for `data:` URLs and files below `roots` only; no network, no redirects."""

    def __init__(self, roots: list[Path], timeout: float = 5) -> None:
        super().__init__(timeout=timeout, allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        """Fetch `url` if it is allowed; raise RefusedURL (WeasyPrint then skips it) if not."""
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and self.allows(url):
            return super().fetch(url, headers)
        self.refused.append(url)
        raise RefusedURL(f"leaflets may not load {url}")

    def allows(self, url: str) -> bool:
        """Whether a file URL points, after resolving links and '..', inside a root."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return False
        try:
            path = Path(unquote(parts.path)).resolve(strict=True)
        except (OSError, RuntimeError):
            return False
        return path.is_file() and any(path.is_relative_to(root) for root in self.roots)
