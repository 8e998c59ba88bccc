"""A quick run of the benchmark code at tiny sizes, so `./kiosk.sh bench` keeps working.
The benchmarks themselves are not part of the test suite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.export import export_times
from bench.prerender import prerender_times
from bench.run import GOALS, table
from bench.serving import content_growth, page_against_static, parse_wrk
from tests.samples import BUNDLED_CONTENT

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/nl/kinderpardon
  2 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   580.16us  217.57us   5.64ms   98.57%
  Latency Distribution
     50%  555.00us
     99%    1.87ms
  85000 requests in 5.10s, 2.8GB read
Requests/sec:  16666.12
"""


def test_wrk_report_is_read_and_error_answers_fail_the_run():
    assert parse_wrk(WRK_OUTPUT) == {"rps": 16666.12, "p99_ms": 1.87}
    with pytest.raises(RuntimeError, match="error responses"):
        parse_wrk(WRK_OUTPUT + "  Non-2xx or 3xx responses: 12\n")


def test_table_marks_goals_met_and_missed():
    text = table({"page_p99_ms": 3.0, "page_vs_static": 0.05, "page_bytes": 1000})
    assert "✔" in text.splitlines()[2] and "✘" in text.splitlines()[3]
    assert all(len(goal) == 3 for goal in GOALS.values())


def test_content_growth_at_tiny_size():
    metrics = content_growth(topics=30, requests=5)
    assert set(metrics) >= {"startup_30_s", "index_30_p99_ms", "theme_30_p99_ms"}
    assert all(value > 0 for value in metrics.values())


def test_prerender_and_serving_at_tiny_size(tmp_path: Path):
    content = tmp_path / "source"
    (content / "nl").mkdir(parents=True)
    for name in ("glossary.yaml", "pronunciation.yaml", "kinderpardon.md", "kindbruiden.md"):
        shutil.copy(BUNDLED_CONTENT / "nl" / name, content / "nl")
    work = tmp_path / "work"
    prerender = prerender_times(work, content)
    assert prerender["prerender_topics"] == 2
    assert 0 < prerender["prerender_one_s"] < prerender["prerender_all_s"]
    serving = page_against_static(work, seconds=0.5, use_wrk=False)
    assert serving["page_rps"] > 0 and serving["page_bytes"] > 10_000
    assert 0 < serving["rss_mb"] < 1000
    export = export_times(work)
    assert export["export_files"] > 20 and 0 < export["export_one_changed_files"] < 15
    assert export["export_one_changed_s"] > 0 and export["export_copy_s"] > 0
