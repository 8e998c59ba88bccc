"""What /metrics reports, read from the services each time Prometheus asks (no Flask here).

The kiosk keeps its own counts already (print jobs and usage in SQLite, the services' status):
a collector reads them at scrape time instead of keeping a second copy that could disagree.
Counts that survive a restart (prints, usage) stay counters, as they only grow. Labels are
few and bounded: languages, topics, printer reasons, parts of the kiosk; never a visitor.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from kiosk.printing.status import reason_key
from kiosk.services import Services
from kiosk.settings import PROJECT_ROOT

log = logging.getLogger(__name__)

#: The usage events (kiosk/usage/store.py) and the counter each becomes.
USAGE_COUNTERS = {
    "view": ("kiosk_page_views", "Pages viewed, by language and topic ('-': not a topic)."),
    "listen": ("kiosk_listens", "Texts read aloud (started), by language and topic."),
    "listen_done": ("kiosk_listens_finished", "Texts read aloud to the end."),
    "print": ("kiosk_topic_prints", "Leaflets printed, by language and topic."),
    "idle_reset": ("kiosk_idle_resets", "Times the kiosk started again for a new visitor."),
}
#: Finished print jobs, by outcome: these never change state again.
PRINT_OUTCOMES = ("done", "failed")


def package_version() -> str:
    """The installed kiosk's version (pyproject.toml), or "unknown" when not installed."""
    try:
        return version("kiosk")
    except PackageNotFoundError:
        return "unknown"


def code_commit(root: Path = PROJECT_ROOT) -> str:
    """The git commit of the checkout the code runs from, read from .git without running git;
    "" when it is not a git checkout."""
    git = root / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head.removeprefix("ref: ")
        if (git / ref).is_file():
            return (git / ref).read_text(encoding="utf-8").strip()[:12]
        for line in (git / "packed-refs").read_text(encoding="utf-8").splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:12]
    except OSError:
        pass
    return ""


def gauge(name: str, documentation: str, value: float, **labels: str) -> GaugeMetricFamily:
    """A gauge with one sample (labelled if `labels` are given)."""
    family = GaugeMetricFamily(name, documentation, labels=list(labels))
    family.add_metric(list(labels.values()), value)
    return family


def counter(name: str, documentation: str, value: float) -> CounterMetricFamily:
    """A counter with one unlabelled sample (its name gets `_total`)."""
    return CounterMetricFamily(name, documentation, value=value)


class KioskCollector(Collector):
    """Every kiosk_* metric but request latency; one part that cannot be read (a locked
    database, say) is logged and left out, and shows as kiosk_metrics_part_ok 0."""

    def __init__(self, services: Services, commit: str | None = None) -> None:
        self.services = services
        self.version = package_version()
        self.commit = code_commit() if commit is None else commit
        self.parts: dict[str, Callable[[], Iterable[Metric]]] = {
            "content": self._content,
            "sync": self._sync,
            "printing": self._printing,
            "prints": self._prints,
            "services": self._services,
            "usage": self._usage,
        }

    def collect(self) -> Iterator[Metric]:
        """Called by the registry on each scrape."""
        yield gauge(
            "kiosk_build_info",
            "The kiosk's version and the git commit of its code.",
            1,
            version=self.version,
            commit=self.commit,
        )
        part_ok = GaugeMetricFamily(
            "kiosk_metrics_part_ok", "Whether this part of /metrics could be read.", labels=["part"]
        )
        for name, read in self.parts.items():
            try:
                metrics = list(read())
            except (OSError, sqlite3.Error) as error:
                log.warning("/metrics: %s cannot be read: %s", name, error)
                metrics = []
                part_ok.add_metric([name], 0)
            else:
                part_ok.add_metric([name], 1)
            yield from metrics
        yield part_ok

    def _content(self) -> Iterator[Metric]:
        library = self.services.library.current
        topics = GaugeMetricFamily("kiosk_content_topics", "Topics served.", labels=["lang"])
        for code, language in library.languages.items():
            topics.add_metric([code], len(language.topics))
        yield topics
        yield gauge(
            "kiosk_content_problems",
            "Problems found in the content files (run.py check lists them).",
            len(library.problems),
        )

    def _sync(self) -> Iterator[Metric]:
        """Only when content comes from a repository and a sync has run."""
        sync = self.services.content_sync
        state = sync.read() if sync else None
        if state is None:
            return
        if state.version is not None:
            version = state.version
            yield gauge(
                "kiosk_content_version_info",
                "The content version served.",
                1,
                commit=version.commit,
                date=version.date,
                author=version.author,
            )
        if state.last_attempt is not None:
            yield gauge(
                "kiosk_content_sync_last_attempt_timestamp_seconds",
                "When the content sync last ran (Unix time).",
                state.last_attempt,
            )
        if state.last_success is not None:
            yield gauge(
                "kiosk_content_sync_last_success_timestamp_seconds",
                "When the content sync last succeeded (Unix time).",
                state.last_success,
            )
        yield gauge(
            "kiosk_content_sync_ok", "1 when the last content sync succeeded.", 1 if state.ok else 0
        )

    def _printing(self) -> Iterator[Metric]:
        printing = self.services.printing
        printer = printing.printer_status()
        yield gauge(
            "kiosk_printer_up",
            "1 when the printer can print now.",
            1 if printer.ready else 0,
            kind=printer.kind,
        )
        reasons = GaugeMetricFamily(
            "kiosk_printer_reason",
            "Why the printer cannot print (CUPS reason without -error: stopped, media-empty, "
            "not-accepting, unreachable, ...); 1 while it holds.",
            labels=["reason"],
        )
        for reason in sorted({reason_key(reason) for reason in printer.reasons}):
            reasons.add_metric([reason], 1)
        yield reasons
        yield gauge(
            "kiosk_prints_today",
            "Visitors' prints since midnight (the paper guard counts these).",
            printing.printed_today(),
        )
        yield gauge(
            "kiosk_print_daily_limit",
            "The most prints a day (PRINT_DAILY_LIMIT).",
            printing.guard.daily_limit,
        )

    def _prints(self) -> Iterator[Metric]:
        states = self.services.printing.store.count_by_state()
        prints = CounterMetricFamily(
            "kiosk_prints", "Visitors' print jobs that ended, by outcome.", labels=["outcome"]
        )
        for outcome in PRINT_OUTCOMES:
            prints.add_metric([outcome], states.get(outcome, 0))
        yield prints
        unfinished = sum(n for state, n in states.items() if state not in PRINT_OUTCOMES)
        yield gauge(
            "kiosk_print_jobs_unfinished",
            "Print jobs not known to have ended (waiting, printing, or never followed up).",
            unfinished,
        )

    def _services(self) -> Iterator[Metric]:
        statuses = {
            "speech": self.services.speech.status(),
            "leaflets": self.services.leaflets.status(),
            "printing": self.services.printing.status(),
        }
        ok = GaugeMetricFamily(
            "kiosk_service_ok", "1 when the part works (/healthz says ok).", labels=["service"]
        )
        for name, status in statuses.items():
            ok.add_metric([name], 1 if status["status"] == "ok" else 0)
        yield ok
        yield counter(
            "kiosk_speech_syntheses",
            "Texts turned into speech since start.",
            statuses["speech"]["syntheses"],
        )
        yield counter(
            "kiosk_leaflet_renders",
            "Leaflets rendered to PDF since start.",
            statuses["leaflets"]["renders"],
        )
        yield from _prerender(
            {part: statuses[part]["prerender"] for part in ("speech", "leaflets")}
        )

    def _usage(self) -> Iterator[Metric]:
        totals = self.services.usage.totals()
        if totals is None:
            raise OSError(f"usage database: {self.services.usage.last_error}")
        families = {
            event: CounterMetricFamily(name, documentation, labels=["lang", "topic"])
            for event, (name, documentation) in USAGE_COUNTERS.items()
        }
        for lang, slug, event, count in totals:
            if event in families:
                families[event].add_metric([lang, slug], count)
        yield from families.values()


def _prerender(progress: dict[str, Any]) -> Iterator[Metric]:
    """Background rendering since start, per part: done / queued is how far it got; a failed
    item is a text or leaflet that could not be made."""
    for name, stage, documentation in (
        ("queued", "total", "Items queued for prerendering since start."),
        ("done", "done", "Items prerendered (or found cached) since start."),
        ("failed", "failed", "Items that could not be prerendered since start (errors)."),
    ):
        family = CounterMetricFamily(f"kiosk_prerender_{name}", documentation, labels=["part"])
        for part, counts in progress.items():
            family.add_metric([part], counts[stage])
        yield family
