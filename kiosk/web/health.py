"""/healthz: a machine-readable view of whether the kiosk works."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from kiosk.web.extensions import current_services

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """Overall status and each part's (content, speech, leaflets, printer); 503 when nothing
    can be shown."""
    library = current_services().library.current
    if library.topic_count == 0:
        content_status = "error"
    elif library.problems:
        content_status = "degraded"
    else:
        content_status = "ok"
    services = {
        "speech": current_services().speech.status(),
        "leaflets": current_services().leaflets.status(),
        "printing": current_services().printing.status(),
    }
    overall = content_status
    if overall == "ok" and any(service["status"] != "ok" for service in services.values()):
        overall = "degraded"
    body = {
        "status": overall,
        **services,
        "content": {
            "status": content_status,
            "languages": {
                code: {"topics": [topic.slug for topic in language.topics]}
                for code, language in library.languages.items()
            },
            "topic_count": library.topic_count,
            "problems": [problem.as_dict() for problem in library.problems],
        },
    }
    response = jsonify(body)
    response.status_code = 503 if content_status == "error" else 200
    response.headers["Cache-Control"] = "no-store"
    return response
