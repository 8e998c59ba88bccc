"""/healthz: whether the kiosk works, for machines. Everyone gets the status words; the details
(paths, process ids, content file names, reasons) only an allowed address or a staff login."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from kiosk.content import Library
from kiosk.content.sync_state import SyncStateFile
from kiosk.support.addresses import address_allowed
from kiosk.web.extensions import current_services
from kiosk.web.staff.session import is_staff

bp = Blueprint("health", __name__)
PARTS = ("speech", "leaflets", "printing")


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """Overall status and each part's (content, speech, leaflets, printer); 503 when nothing
    can be shown."""
    services = current_services()
    library = services.library.current
    parts = {
        "speech": services.speech.status(),
        "leaflets": services.leaflets.status(),
        "printing": services.printing.status(),
    }
    content = _content_status(library, services.content_sync)
    overall = content["status"]
    if overall == "ok" and any(part["status"] != "ok" for part in parts.values()):
        overall = "degraded"
    body: dict[str, Any] = {"status": overall, **parts, "content": content}
    if not _may_see_details():
        body = {name: value["status"] if isinstance(value, dict) else value
                for name, value in body.items()}  # fmt: skip
    response = jsonify(body)
    response.status_code = 503 if content["status"] == "error" else 200
    response.headers["Cache-Control"] = "no-store"
    return response


def _content_status(library: Library, sync: SyncStateFile | None) -> dict[str, Any]:
    """Error with nothing to show; degraded with broken files or a sync that did not succeed
    (the kiosk shows the last good version, but cannot get the new one)."""
    synced = sync.report(time.time()) if sync else None
    if library.topic_count == 0:
        status = "error"
    elif library.problems or (synced is not None and not synced["ok"]):
        status = "degraded"
    else:
        status = "ok"
    report: dict[str, Any] = {
        "status": status,
        "languages": {
            code: {"topics": [topic.slug for topic in language.topics]}
            for code, language in library.languages.items()
        },
        "topic_count": library.topic_count,
        "problems": [problem.as_dict() for problem in library.problems],
    }
    if synced is not None:
        report["sync"] = synced
    return report


def _may_see_details() -> bool:
    """An address on the allowed list (HEALTH_DETAIL_ADDRESSES), or a staff login."""
    allowed = current_services().settings.health_detail_addresses
    return address_allowed(request.remote_addr, allowed) or is_staff()
