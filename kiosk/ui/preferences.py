"""A visitor's display settings: text size, contrast theme and volume. Kept in the session
cookie only until the kiosk resets for the next visitor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

from kiosk.ui.translation import N_

TEXT_SIZES = (100, 150, 200)
TEXT_SIZE_NAMES = (N_("normaal"), N_("groot"), N_("heel groot"))
THEMES = ("default", "contrast")
VOLUMES = (0.2, 0.4, 0.6, 0.8, 1.0)
DEFAULT_VOLUME = 2
ACTIONS = ("text", "theme", "louder", "softer")


@dataclass(frozen=True)
class Preferences:
    """Indexes into TEXT_SIZES and VOLUMES, and a theme name."""

    text_size: int = 0
    theme: str = "default"
    volume: int = DEFAULT_VOLUME

    @classmethod
    def from_mapping(cls, data: Mapping[str, object] | None) -> Preferences:
        """Read stored settings; anything unknown falls back to the default."""
        data = data or {}
        text_size = data.get("text_size")
        theme = data.get("theme")
        volume = data.get("volume")
        return cls(
            text_size if isinstance(text_size, int) and 0 <= text_size < len(TEXT_SIZES) else 0,
            theme if theme in THEMES else "default",
            volume if isinstance(volume, int) and 0 <= volume < len(VOLUMES) else DEFAULT_VOLUME,
        )

    def apply(self, action: str) -> Preferences:
        """The settings after one tap: next text size, other theme, louder or softer."""
        if action == "text":
            return replace(self, text_size=(self.text_size + 1) % len(TEXT_SIZES))
        if action == "theme":
            return replace(self, theme="contrast" if self.theme == "default" else "default")
        if action == "louder":
            return replace(self, volume=min(self.volume + 1, len(VOLUMES) - 1))
        if action == "softer":
            return replace(self, volume=max(self.volume - 1, 0))
        raise ValueError(f"unknown action {action!r}")

    @property
    def is_default(self) -> bool:
        return self == Preferences()

    @property
    def html_classes(self) -> str:
        """Classes on <html> that the stylesheet reads."""
        return f"text-{TEXT_SIZES[self.text_size]} theme-{self.theme}"

    @property
    def text_size_name(self) -> str:
        return TEXT_SIZE_NAMES[self.text_size]

    @property
    def volume_level(self) -> float:
        return VOLUMES[self.volume]

    @property
    def volume_percent(self) -> int:
        return round(self.volume_level * 100)

    def state_message(self, action: str) -> str:
        """The name of the message that says what `action` has just set (kiosk/ui/messages.py)."""
        if action == "text":
            return f"setting_text_{TEXT_SIZES[self.text_size]}"
        if action == "theme":
            return f"setting_theme_{self.theme}"
        if action in ("louder", "softer"):
            return f"setting_volume_{self.volume_percent}"
        raise ValueError(f"unknown action {action!r}")

    def as_dict(self) -> dict[str, object]:
        """For the session cookie."""
        return asdict(self)
