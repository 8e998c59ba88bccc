"""The information kiosk: plain-language topic pages that can be heard and printed.

Importing this package loads nothing heavy; `create_app` is fetched from `kiosk.app` when it
is first used, so `import kiosk.content` stays free of Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from kiosk.app import create_app

        return create_app
    raise AttributeError(f"module 'kiosk' has no attribute {name!r}")
