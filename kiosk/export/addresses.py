"""Where a kiosk address lives in the public copy, and how pages link to each other there.

Pages become folders with an index.html (`/nl/kinderpardon` → `nl/kinderpardon/index.html`,
reached as `nl/kinderpardon/`), so the public address of a topic is short enough to spell out
beside its QR code, and any web server or CDN serves the copy without rewrite rules. Files
(speech, audio, leaflets, assets) keep their path. Every link is relative, so the copy works
from a sub-path (`https://example.org/informatie/`).
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

#: A path whose last part has one of these endings is a file, not a page.
FILE_SUFFIXES = (".json", ".ogg", ".wav", ".pdf", ".png", ".css", ".js", ".svg", ".woff2",
                 ".txt", ".xml")  # fmt: skip


def _is_file(path: str) -> bool:
    return path.rsplit("/", 1)[-1].endswith(FILE_SUFFIXES)


def site_path(path: str) -> str:
    """The kiosk path's address in the copy, relative to its root: "" for the start page,
    "nl/" for an index, "nl/kinderpardon/" for a topic, the same path for a file."""
    inner = path.lstrip("/")
    if not inner or _is_file(inner) or inner.endswith("/"):
        return inner
    return inner + "/"


def site_file(path: str) -> str:
    """The file in the copy that answers the kiosk path (relative to the copy's folder), named
    as a web server looks it up: `%D0%BF…` in the address is `п…` on disk."""
    address = unquote(site_path(path))
    return address + "index.html" if address == "" or address.endswith("/") else address


def relative_link(from_path: str, to_path: str) -> str:
    """A link from the page at kiosk path `from_path` to kiosk path `to_path`, relative, as the
    copy needs it (a fragment or query of `to_path` is kept)."""
    target, _, fragment = to_path.partition("#")
    target, _, query = target.partition("?")
    here = site_path(from_path)
    folder = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
    there = site_path(target)
    link = posixpath.relpath(there or ".", folder.rstrip("/") or ".")
    if there.endswith("/") or there == "":
        link = "./" if link == "." else link + "/"
    return link + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def normalised_base(base_url: str) -> str:
    """`base_url` checked (http or https, with a host) and ending in one slash."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"{base_url!r} is not a web address such as https://example.org/informatie/"
        )
    return base_url.rstrip("/") + "/"


def public_url(base_url: str, path: str) -> str:
    """The absolute public address of the kiosk path `path` under `base_url`."""
    return normalised_base(base_url) + site_path(path)


def public_topic_url(base_url: str, lang: str, slug: str) -> str:
    """Where a topic can be read and heard at home."""
    return public_url(base_url, f"/{lang}/{slug}")


def short_address(url: str) -> str:
    """The address as a visitor types it: no scheme, no final slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
