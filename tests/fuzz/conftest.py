"""Hypothesis settings for the fuzz tests: real components are slow, so no per-example
deadline; each test sets how many examples it tries (the counts in docs/RELIABILITY.md)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "kiosk",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("kiosk")
