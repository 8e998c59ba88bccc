"""Leaflet service: easy-read PDF/UA leaflets from WeasyPrint, sandboxed and cached (no Flask)."""

from kiosk.leaflets.cache import Leaflet
from kiosk.leaflets.document import LeafletDocument, LeafletSettings
from kiosk.leaflets.service import LeafletBusy, LeafletLimits, LeafletService, LeafletUnavailable

__all__ = [
    "Leaflet",
    "LeafletBusy",
    "LeafletDocument",
    "LeafletLimits",
    "LeafletService",
    "LeafletSettings",
    "LeafletUnavailable",
]
