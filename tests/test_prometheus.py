"""deploy/prometheus/ against Debian's Prometheus: promtool accepts the scrape config and the
alert rules (and refuses broken ones), the rules' unit tests pass (and catch a weakened rule),
and a real Prometheus scraping a real kiosk server sees it up and sees a print counted."""

from __future__ import annotations

import http.cookiejar
import json
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.cupsd import free_port
from devtools.server import start_server, stop_server
from kiosk.settings import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy" / "prometheus"
PROMETHEUS = shutil.which("prometheus")
PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    PROMTOOL is None, reason="promtool is not installed (Debian package prometheus)"
)
needs_prometheus = pytest.mark.skipif(
    PROMETHEUS is None, reason="prometheus is not installed (Debian package prometheus)"
)


def promtool(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL is not None
    return subprocess.run(
        [PROMTOOL, *map(str, arguments)], capture_output=True, text=True, timeout=120
    )


@needs_promtool
def test_promtool_accepts_the_scrape_config_and_the_alert_rules():
    rules = promtool("check", "rules", DEPLOY / "kiosk-alerts.yml")
    assert rules.returncode == 0, rules.stdout + rules.stderr
    assert "SUCCESS: 5 rules found" in rules.stdout
    config = promtool("check", "config", DEPLOY / "prometheus.yml")
    assert config.returncode == 0, config.stdout + config.stderr


@needs_promtool
def test_promtool_reports_a_broken_rule(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    rules = (DEPLOY / "kiosk-alerts.yml").read_text(encoding="utf-8")
    broken.write_text(rules.replace('up{job="kiosk"} == 0', 'up{job="kiosk" == 0', 1))
    result = promtool("check", "rules", broken)
    assert result.returncode != 0
    assert "parse error" in result.stdout + result.stderr


@needs_promtool
def test_the_alert_unit_tests_pass_and_catch_a_weakened_rule(tmp_path: Path):
    passed = promtool("test", "rules", DEPLOY / "kiosk-alerts.test.yml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    # The same tests against rules that forget the kiosk must be up: they must fail.
    shutil.copy(DEPLOY / "kiosk-alerts.test.yml", tmp_path)
    rules = (DEPLOY / "kiosk-alerts.yml").read_text(encoding="utf-8")
    weakened = re.sub(r"\n\s*and on \(job, instance\) up\{job=\"kiosk\"\} == 1", "", rules)
    assert weakened != rules
    (tmp_path / "kiosk-alerts.yml").write_text(weakened, encoding="utf-8")
    failed = promtool("test", "rules", tmp_path / "kiosk-alerts.test.yml")
    assert failed.returncode != 0 and "oost:8000" in failed.stdout + failed.stderr


@pytest.fixture
def kiosk(tmp_path: Path, shared_caches: Path) -> Iterator[str]:
    """A real kiosk server (granian, as on a kiosk PC); its base URL."""
    state = tmp_path / "kiosk"
    state.mkdir()
    server, base = start_server(state, shared_caches)
    yield base
    stop_server(server)


@pytest.fixture
def prometheus(kiosk: str, tmp_path: Path) -> Iterator[str]:
    """Debian's Prometheus scraping the kiosk every second, with the fleet's alert rules;
    its base URL. Always stopped at the end."""
    assert PROMETHEUS is not None
    folder = tmp_path / "prometheus"
    folder.mkdir()
    shutil.copy(DEPLOY / "kiosk-alerts.yml", folder)
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": ["kiosk-alerts.yml"],
        "scrape_configs": [
            {"job_name": "kiosk", "static_configs": [
                {"targets": [urllib.parse.urlsplit(kiosk).netloc],
                 "labels": {"location": "Testzaal"}}]}
        ],
    }  # fmt: skip
    (folder / "prometheus.yml").write_text(json.dumps(config))  # JSON is YAML
    port = free_port()
    log = (folder / "prometheus.log").open("w")
    process = subprocess.Popen(
        [PROMETHEUS, f"--config.file={folder / 'prometheus.yml'}",
         f"--storage.tsdb.path={folder / 'data'}", f"--web.listen-address=127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def query(prometheus: str, expression: str) -> list[dict]:
    """The result of an instant query through Prometheus's HTTP API ([] while it is not up)."""
    url = f"{prometheus}/api/v1/query?" + urllib.parse.urlencode({"query": expression})
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body = json.load(response)
    except OSError:
        return []
    assert body["status"] == "success", body
    return body["data"]["result"]


def wait_for_value(prometheus: str, expression: str, wanted: float, seconds: float = 60) -> None:
    """Until the query's one result has `wanted` as its value."""
    deadline = time.monotonic() + seconds
    result: list[dict] = []
    while time.monotonic() < deadline:
        result = query(prometheus, expression)
        if len(result) == 1 and float(result[0]["value"][1]) == wanted:
            return
        time.sleep(0.5)
    raise AssertionError(f"{expression}: {result}, not {wanted}, after {seconds} s")


def print_a_leaflet(kiosk: str, path: str) -> str:
    """Print as a visitor does without JavaScript: the confirmation (its CSRF token), the
    POST, and the job page it leads to; that page's HTML."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with browser.open(kiosk + path, timeout=60) as response:
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.read().decode())[1]
    form = urllib.parse.urlencode({"csrf_token": token}).encode()
    with browser.open(kiosk + path, data=form, timeout=60) as response:  # 303: the job page
        return response.read().decode()


@needs_prometheus
def test_prometheus_scrapes_the_kiosk_and_sees_a_print(kiosk: str, prometheus: str):
    wait_for_value(prometheus, 'up{job="kiosk"}', 1)
    wait_for_value(prometheus, 'kiosk_prints_total{job="kiosk", outcome="done"}', 0)
    job_page = print_a_leaflet(kiosk, "/nl/kinderpardon/print")
    assert "Pak uw folder uit de printer." in job_page
    wait_for_value(prometheus, 'kiosk_prints_total{job="kiosk", outcome="done"}', 1)
    wait_for_value(prometheus, 'kiosk_topic_prints_total{lang="nl", topic="kinderpardon"}', 1)
    wait_for_value(prometheus, 'kiosk_printer_up{job="kiosk", location="Testzaal"}', 1)
    # The fleet's rules load in a real Prometheus, and nothing is wrong with this kiosk.
    with urllib.request.urlopen(prometheus + "/api/v1/rules", timeout=5) as response:
        groups = json.load(response)["data"]["groups"]
    assert {rule["name"] for group in groups for rule in group["rules"]} == {
        "KioskDown", "KioskPrinterStopped", "KioskPrinterOutOfPaper",
        "KioskContentSyncFailing", "KioskContentNeverSynced",
    }  # fmt: skip
    assert query(prometheus, "ALERTS") == []
