"""/metrics over the real app: the Prometheus text parses, uses show in the right labelled
counters, prints and printer problems show, the sync state shows, only allowed addresses get
it, and request latency is observed per view (never per raw path)."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from prometheus_client.parser import text_string_to_metric_families

from kiosk.content.sync_state import ContentVersion, SyncState, write_sync_state
from kiosk.services import services_of
from kiosk.support.addresses import address_allowed
from kiosk.web.metrics_collector import code_commit
from tests.conftest import AppMaker
from tests.samples import BUNDLED_CONTENT, synced_bundled_content

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(client: FlaskClient) -> Samples:
    """Every sample of /metrics, by name and labels, parsed by prometheus_client."""
    response = client.get("/metrics")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/plain"
    assert response.headers["Cache-Control"] == "no-store"
    samples: Samples = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples


def value(samples: Samples, name: str, **labels: str) -> float | None:
    return samples.get((name, frozenset(labels.items())))


def names(samples: Samples) -> set[str]:
    return {name for name, _labels in samples}


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_the_text_parses_and_describes_the_kiosk(client: FlaskClient):
    samples = scrape(client)
    assert all(name.startswith("kiosk_") for name in names(samples))
    [(_, build)] = [key for key in samples if key[0] == "kiosk_build_info"]
    assert dict(build)["version"] == version("kiosk") and dict(build)["commit"] == code_commit()
    assert value(samples, "kiosk_content_topics", lang="nl") == 10
    assert value(samples, "kiosk_content_problems") == 0
    assert value(samples, "kiosk_printer_up", kind="folder") == 1
    assert value(samples, "kiosk_prints_total", outcome="done") == 0
    assert value(samples, "kiosk_print_daily_limit") == 100
    assert value(samples, "kiosk_service_ok", service="leaflets") == 1
    assert value(samples, "kiosk_prerender_queued_total", part="speech") == 0
    assert value(samples, "kiosk_metrics_part_ok", part="usage") == 1
    # No sync configured: no sync metrics at all, rather than made-up ones.
    assert not [name for name in names(samples) if "sync" in name or "version_info" in name]


def test_a_page_view_and_a_listen_count_under_their_language_and_topic(client: FlaskClient):
    before = scrape(client)
    assert value(before, "kiosk_page_views_total", lang="nl", topic="kinderpardon") is None
    assert client.get("/nl/kinderpardon").status_code == 200
    assert client.get("/en/kinderpardon").status_code == 200
    client.get("/nl/kinderpardon/speech.json").close()
    after = scrape(client)
    assert value(after, "kiosk_page_views_total", lang="nl", topic="kinderpardon") == 1
    assert value(after, "kiosk_page_views_total", lang="en", topic="kinderpardon") == 1
    assert value(after, "kiosk_listens_total", lang="nl", topic="kinderpardon") == 1
    assert value(after, "kiosk_listens_total", lang="en", topic="kinderpardon") is None
    assert value(after, "kiosk_speech_syntheses_total") is not None


def test_a_print_counts_as_done_and_against_the_daily_limit(make_app: AppMaker):
    app = make_app(BUNDLED_CONTENT, PRINT_COOLDOWN_SECONDS=0, PRINT_DAILY_LIMIT=7)
    client = app.test_client()
    token = csrf_token(client.get("/nl/kinderpardon/print").get_data(as_text=True))
    response = client.post("/nl/kinderpardon/print", data={"csrf_token": token})
    assert response.status_code == 303
    client.get(response.headers["Location"])  # the job page follows the job: done
    samples = scrape(client)
    assert value(samples, "kiosk_prints_total", outcome="done") == 1
    assert value(samples, "kiosk_prints_total", outcome="failed") == 0
    assert value(samples, "kiosk_print_jobs_unfinished") == 0
    assert value(samples, "kiosk_prints_today") == 1
    assert value(samples, "kiosk_print_daily_limit") == 7
    assert value(samples, "kiosk_topic_prints_total", lang="nl", topic="kinderpardon") == 1


def test_a_printer_that_cannot_print_shows_its_reason(make_app: AppMaker, tmp_path: Path):
    (tmp_path / "a-file").write_text("not a folder")
    app = make_app(BUNDLED_CONTENT, PRINT_FOLDER=str(tmp_path / "a-file" / "printed"))
    samples = scrape(app.test_client())
    assert value(samples, "kiosk_printer_up", kind="folder") == 0
    assert value(samples, "kiosk_printer_reason", reason="unreachable") == 1
    assert value(samples, "kiosk_service_ok", service="printing") == 0


def test_the_content_sync_state_is_reported(make_app: AppMaker, tmp_path: Path):
    app = make_app(BUNDLED_CONTENT, **synced_bundled_content(tmp_path, None))
    client = app.test_client()
    served = ContentVersion("a" * 40, "2026-11-30T10:00:00+01:00", "Redactie", "Nieuw thema")
    state_file = services_of(app).settings.content_sync_state
    write_sync_state(state_file, SyncState(served, 1_800_000_100.0, 1_800_000_000.0, "updated"))
    samples = scrape(client)
    labels = {"commit": "a" * 40, "date": "2026-11-30T10:00:00+01:00", "author": "Redactie"}
    assert value(samples, "kiosk_content_version_info", **labels) == 1
    assert value(samples, "kiosk_content_sync_ok") == 1
    assert value(samples, "kiosk_content_sync_last_attempt_timestamp_seconds") == 1_800_000_100
    assert value(samples, "kiosk_content_sync_last_success_timestamp_seconds") == 1_800_000_000
    write_sync_state(state_file, SyncState(served, 1_800_090_000.0, 1_800_000_000.0, "failed"))
    assert value(scrape(client), "kiosk_content_sync_ok") == 0


def test_only_allowed_addresses_get_the_metrics(make_app: AppMaker):
    client = make_app(BUNDLED_CONTENT).test_client()
    outside = client.get("/metrics", environ_base={"REMOTE_ADDR": "192.0.2.1"})
    assert outside.status_code == 403 and "kiosk_" not in outside.get_data(as_text=True)
    assert outside.headers["Cache-Control"] == "no-store"
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200
    fleet = make_app(BUNDLED_CONTENT, METRICS_ADDRESSES=["192.0.2.0/28"]).test_client()
    assert fleet.get("/metrics", environ_base={"REMOTE_ADDR": "192.0.2.1"}).status_code == 200
    assert fleet.get("/metrics").status_code == 403  # loopback is no longer on that list


def test_the_address_check_refuses_what_is_not_an_address():
    assert address_allowed("10.0.0.7", ["10.0.0.0/8"])
    assert not address_allowed("10.0.0.7", ["127.0.0.0/8", "::1/128"])
    assert not address_allowed(None, ["0.0.0.0/0"]) and not address_allowed("x", ["0.0.0.0/0"])


def test_request_latency_is_observed_per_view_not_per_path(client: FlaskClient):
    for path in ("/nl/kinderpardon", "/nl/no-such-topic", "/not/a/page/at/all"):
        client.get(path)
    samples = scrape(client)
    count = "kiosk_request_duration_seconds_count"
    assert value(samples, count, endpoint="pages.topic") == 2  # a topic and an unknown topic
    assert value(samples, count, endpoint="unmatched") == 1
    assert value(samples, "kiosk_request_duration_seconds_sum", endpoint="pages.topic") > 0
    endpoints = {dict(labels).get("endpoint") for name, labels in samples if name == count}
    assert not [endpoint for endpoint in endpoints if "/" in endpoint]


def test_apps_do_not_share_their_metrics(make_app: AppMaker):
    first, second = make_app(BUNDLED_CONTENT), make_app(BUNDLED_CONTENT)
    first.test_client().get("/nl/kinderpardon")
    samples = scrape(second.test_client())
    count = "kiosk_request_duration_seconds_count"
    assert value(samples, count, endpoint="pages.topic") is None
    assert value(samples, "kiosk_page_views_total", lang="nl", topic="kinderpardon") is None


def test_prometheus_gets_openmetrics_when_it_asks(app: Flask):
    accept = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"
    response = app.test_client().get("/metrics", headers={"Accept": accept})
    assert response.mimetype == "application/openmetrics-text"
    assert response.get_data(as_text=True).endswith("# EOF\n")
