"""The visitor's display settings as the web layer keeps them: in the session cookie, until the
kiosk resets for the next visitor."""

from __future__ import annotations

from flask import session

from kiosk.ui.preferences import Preferences

SESSION_KEY = "preferences"


def current_preferences() -> Preferences:
    """This visitor's settings (defaults when there are none)."""
    return Preferences.from_mapping(session.get(SESSION_KEY))


def store_preferences(preferences: Preferences) -> None:
    """Keep the settings for this visitor's next pages."""
    session[SESSION_KEY] = preferences.as_dict()
