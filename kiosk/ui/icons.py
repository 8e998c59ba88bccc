"""The icons the kiosk ships: a curated set from lucide-static, inlined as SVG."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

#: Icons a topic may name in its front matter (`icon: ...`).
TOPIC_ICONS: frozenset[str] = frozenset(
    {
        "baby",
        "bed",
        "book-open",
        "briefcase",
        "building-2",
        "bus",
        "calendar-days",
        "church",
        "compass",
        "earth",
        "file-text",
        "globe",
        "graduation-cap",
        "hand-coins",
        "hand-heart",
        "hand-helping",
        "handshake",
        "heart-handshake",
        "heart-pulse",
        "hospital",
        "house-heart",
        "id-card",
        "landmark",
        "library",
        "life-buoy",
        "lock",
        "map-pin",
        "newspaper",
        "phone",
        "piggy-bank",
        "plane",
        "scale",
        "school",
        "shield",
        "shield-check",
        "ship",
        "sunrise",
        "train-front",
        "trees",
        "users",
        "users-round",
        "wallet",
    }
)

#: Icons the interface itself uses.
INTERFACE_ICONS: frozenset[str] = frozenset(
    {
        "arrow-left", "chevron-right", "circle-help", "house", "info", "languages", "x",
        "volume-2", "pause", "play", "square", "skip-back", "skip-forward", "rotate-ccw",
        "turtle", "rabbit", "gauge", "printer", "circle-check", "triangle-alert", "hourglass",
        "type", "contrast", "volume-1", "a-large-small", "chevron-left", "book-a", "volume-x",
        "pointer", "download", "smartphone",
    }
)  # fmt: skip

ALL_ICONS: frozenset[str] = TOPIC_ICONS | INTERFACE_ICONS

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_OPEN_TAG = re.compile(r"<svg\b[^>]*>", re.S)
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')


class MissingIconsError(RuntimeError):
    """The vendored icon files are not there (the setup step has not run)."""


class IconSet:
    """Loads the icon SVGs once and hands them out as inline, decorative markup."""

    def __init__(self, folder: Path, names: frozenset[str] = ALL_ICONS) -> None:
        missing = sorted(name for name in names if not (folder / f"{name}.svg").is_file())
        if missing:
            raise MissingIconsError(
                f"icon files missing in {folder} ({', '.join(missing[:5])}...): "
                "run ./kiosk.sh setup to copy them from node_modules"
            )
        self._svgs = {name: self._normalise(folder / f"{name}.svg") for name in names}

    @staticmethod
    def _normalise(path: Path) -> tuple[str, str]:
        """(viewBox, inner markup) of an icon file, without its licence comment."""
        text = _COMMENT.sub("", path.read_text(encoding="utf-8")).strip()
        open_tag = _OPEN_TAG.search(text)
        if open_tag is None:
            raise MissingIconsError(f"{path} is not an SVG file")
        viewbox = _VIEWBOX.search(open_tag.group(0))
        inner = text[open_tag.end() :].replace("</svg>", "")
        return (viewbox.group(1) if viewbox else "0 0 24 24"), " ".join(inner.split())

    def _svg(self, name: str, attributes: str, title: str = "") -> Markup:
        viewbox, inner = self._svgs[name]
        return Markup(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{viewbox}" fill="none" '
            'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" '
            f'class="icon icon-{name}" {attributes}>{title}{inner}</svg>'
        )

    def __contains__(self, name: object) -> bool:
        return name in self._svgs

    def svg(self, name: str) -> Markup:
        """Inline SVG markup for `name`, hidden from assistive technology (a word goes with it)."""
        return self._svg(name, 'aria-hidden="true" focusable="false"')

    def figure(self, name: str, title: str) -> Markup:
        """Inline SVG with a text alternative (`<title>`, which PDF tagging uses as /Alt)."""
        return self._svg(name, 'role="img"', str(Markup("<title>{}</title>").format(title)))
