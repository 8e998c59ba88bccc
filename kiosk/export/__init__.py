"""The public copy of the kiosk for the organisation's website: where each page lives in it,
and writing it incrementally. No Flask: the web layer renders the pages (kiosk/web/export.py)."""

from kiosk.export.addresses import (
    public_topic_url,
    public_url,
    relative_link,
    short_address,
    site_file,
)
from kiosk.export.writer import ExportWriter, WriteReport

__all__ = [
    "ExportWriter",
    "WriteReport",
    "public_topic_url",
    "public_url",
    "relative_link",
    "short_address",
    "site_file",
]
