"""Reach: which part of the screen a visitor can touch, from how the screen is mounted.

EN 301 549 clause 8.3 (after ISO 21542 and the ADA's 308) asks operable parts of a terminal
between 380 and 1220 mm above the floor, and recommends 800 to 1100 mm. A floor-standing
portrait panel is taller than that: its top is out of reach for a visitor in a wheelchair,
a child or a short older person. So the layout places everything one touches below a line
worked out here from the mounting (settings PANEL_HEIGHT_MM and PANEL_LOWER_EDGE_MM), as a
share of the screen's height: the same numbers hold at any resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Highest centre of any control, and of the always-there controls and main actions (mm).
REACH_MAX_MM = 1220
COMFORT_MAX_MM = 1100


@dataclass(frozen=True)
class Mounting:
    """A screen's visible height and the height of its lower edge above the floor, in mm."""

    panel_height_mm: float
    lower_edge_mm: float

    def __post_init__(self) -> None:
        if self.panel_height_mm <= 0 or self.lower_edge_mm < 0:
            raise ValueError(
                "PANEL_HEIGHT_MM must be above 0 and PANEL_LOWER_EDGE_MM at least 0 "
                f"(got {self.panel_height_mm} and {self.lower_edge_mm})"
            )

    def top_below(self, highest_mm: float) -> float:
        """The share of the screen's height, from its top, that lies above `highest_mm`:
        0 when the whole screen is below it, 1 when none of it is."""
        above = self.lower_edge_mm + self.panel_height_mm - highest_mm
        return min(max(above / self.panel_height_mm, 0.0), 1.0)

    @property
    def reach_top(self) -> float:
        """Where the reach zone starts (every control's centre below it), as a share."""
        return self.top_below(REACH_MAX_MM)

    @property
    def comfort_top(self) -> float:
        """Where the comfort zone starts (controls always there, main actions, dialogs)."""
        return self.top_below(COMFORT_MAX_MM)

    def stylesheet(self) -> str:
        """The zones as CSS custom properties, the one place the layout reads them from."""
        return (
            "/* Made by the kiosk from its mounting (kiosk/ui/reach.py); not a file. */\n"
            ":root {\n"
            f"  --reach-top: {self.reach_top * 100:.4f}vh;\n"
            f"  --comfort-top: {self.comfort_top * 100:.4f}vh;\n"
            "}\n"
        )
