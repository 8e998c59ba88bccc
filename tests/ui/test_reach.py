"""The reach and comfort zones, worked out from how the screen is mounted."""

from __future__ import annotations

import pytest

from kiosk.ui.reach import COMFORT_MAX_MM, REACH_MAX_MM, Mounting


def test_the_reference_portrait_screen_has_the_documented_lines():
    """32-inch portrait panel (708 mm), lower edge 800 mm: y ≥ 782 and y ≥ 1107 of 1920."""
    mounting = Mounting(708, 800)
    assert mounting.reach_top * 1920 == pytest.approx(781.0, abs=0.5)
    assert mounting.comfort_top * 1920 == pytest.approx(1106.4, abs=0.5)


def test_a_landscape_panel_at_the_same_height_is_within_reach_entirely():
    mounting = Mounting(398, 800)  # top at 1198 mm
    assert mounting.reach_top == 0
    assert mounting.comfort_top * 1080 == pytest.approx(266, abs=1)


@pytest.mark.parametrize(
    ("lower_edge", "reach", "comfort"),
    [(0, 0, 0), (REACH_MAX_MM, 1, 1), (COMFORT_MAX_MM, 0.8305, 1), (900, 0.548, 0.718)],
)
def test_the_lines_move_with_the_mounting(lower_edge: float, reach: float, comfort: float):
    mounting = Mounting(708, lower_edge)
    assert mounting.reach_top == pytest.approx(reach, abs=0.001)
    assert mounting.comfort_top == pytest.approx(comfort, abs=0.001)


def test_the_stylesheet_holds_both_lines_as_shares_of_the_screen():
    css = Mounting(708, 800).stylesheet()
    assert "--reach-top: 40.6780vh;" in css and "--comfort-top: 57.6271vh;" in css


@pytest.mark.parametrize(("height", "lower_edge"), [(0, 800), (-10, 800), (708, -1)])
def test_an_impossible_mounting_is_refused_with_its_numbers(height: float, lower_edge: float):
    with pytest.raises(ValueError, match="PANEL_HEIGHT_MM"):
        Mounting(height, lower_edge)
