"""Usage statistics: counts per day, language, topic and kind of use, and their chart (no Flask)."""

from kiosk.usage.chart import daily_chart
from kiosk.usage.store import EVENT_NAMES, EVENTS, UsageStore

__all__ = ["EVENTS", "EVENT_NAMES", "UsageStore", "daily_chart"]
