"""/metrics for Prometheus, only to METRICS_ADDRESSES, and the request latency it reports.

Each app has its own registry (tests make many apps; the global one would mix them). The
latency histogram is labelled by the view's endpoint name, never the path, so a scanner
trying a thousand addresses adds no series. Responses answered by the response cache before
Flask (kiosk/web/caching/response_cache.py) are not timed: they take no work of the app.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from flask import Blueprint, Flask, Response, current_app, g, request
from prometheus_client import CollectorRegistry, Histogram, disable_created_metrics
from prometheus_client.exposition import choose_encoder

from kiosk.services import Services
from kiosk.support.addresses import address_allowed
from kiosk.web.extensions import current_services
from kiosk.web.metrics_collector import KioskCollector

bp = Blueprint("metrics", __name__)
EXTENSION = "kiosk.metrics"
#: Seconds: pages take milliseconds, a leaflet or speech rendered while waiting seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


@dataclass(frozen=True)
class Metrics:
    """One app's registry and its latency histogram."""

    registry: CollectorRegistry
    latency: Histogram


def init_app(app: Flask, services: Services) -> None:
    """A registry for this app, read from its services; time every request Flask handles."""
    disable_created_metrics()  # no *_created series beside each histogram: noise on a kiosk
    registry = CollectorRegistry()
    registry.register(KioskCollector(services))
    latency = Histogram(
        "kiosk_request_duration_seconds",
        "Time the app took to answer, by view (endpoint name; 'unmatched' for unknown paths).",
        ["endpoint"],
        registry=registry,
        buckets=LATENCY_BUCKETS,
    )
    app.extensions[EXTENSION] = Metrics(registry, latency)
    app.before_request(_start_timer)
    app.after_request(_observe)


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response: Response) -> Response:
    """Count the request's time under its endpoint (not its path: bounded cardinality)."""
    started = g.pop("metrics_started", None)
    if started is not None:
        endpoint = request.url_rule.endpoint if request.url_rule else "unmatched"
        metrics: Metrics = current_app.extensions[EXTENSION]
        metrics.latency.labels(endpoint).observe(time.perf_counter() - started)
    return response


@bp.get("/metrics")
def metrics() -> Response:
    """The Prometheus text format (or OpenMetrics, when Prometheus asks for it), to allowed
    addresses only (it names content versions, printer problems and usage); never cached."""
    if not address_allowed(request.remote_addr, current_services().settings.metrics_addresses):
        response = Response("Metrics are only served to METRICS_ADDRESSES.\n", 403)
        response.mimetype = "text/plain"
    else:
        encode, content_type = choose_encoder(request.headers.get("Accept", ""))
        response = Response(encode(current_app.extensions[EXTENSION].registry))
        response.headers["Content-Type"] = content_type
    response.headers["Cache-Control"] = "no-store"
    return response
