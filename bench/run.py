"""Run the benchmarks, print a table and write bench/results.json.

Usage: python -m bench.run [GROUP ...]   (or ./kiosk.sh bench)
Groups: speech, leaflets, printing, serving (prerender and serving), growth, screen, audio,
reading; none
given runs them all. Only a whole run writes bench/results.json (a partial one would mix days).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench import audio, export, leaflets, prerender, printing, reading, screen, serving, speech

RESULTS = Path(__file__).resolve().parent / "results.json"

#: metric: (goal, "max" or "min", what it measures)
GOALS = {
    "synth_vs_espeak": (1.3, "max", "kiosk synthesis ÷ espeak-ng -w, same topic"),
    "synth_topic_ms": (None, "", "kiosk synthesis of a whole topic (median)"),
    "espeak_cli_topic_ms": (None, "", "espeak-ng -w, same text (baseline)"),
    "first_audio_warm_ms": (150, "max", "tap on Listen → playing, cached"),
    "first_audio_cold_ms": (800, "max", "tap on Listen → playing, not cached"),
    "first_audio_cold_full_ms": (None, "", "tap on Read all → playing, not cached"),
    "leaflet_cold_ms": (None, "", "WeasyPrint, fresh process, longest leaflet"),
    "chromium_pdf_cold_ms": (None, "", "chromium --print-to-pdf, same HTML (baseline)"),
    "leaflet_vs_chromium": (1.0, "max", "cold WeasyPrint ÷ cold Chromium"),
    "leaflet_warm_ms": (None, "", "WeasyPrint in the kiosk's running helper"),
    "chromium_pdf_warm_ms": (None, "", "page.pdf() in a running Chromium (baseline)"),
    "leaflet_warm_vs_chromium": (None, "", "warm WeasyPrint ÷ warm Chromium"),
    "leaflet_cached_ms": (10, "max", "GET leaflet.pdf, cached, over HTTP"),
    "print_to_queued_ms": (300, "max", "print POST → job accepted by a private cupsd"),
    "prerender_all_s": (None, "", "all audio and leaflets, every language, empty caches"),
    "prerender_topics": (None, "", "topics in all languages"),
    "prerender_one_s": (None, "", "the same after editing one topic"),
    "prerender_one_vs_share": (1.5, "max", "prerender_one_s ÷ (prerender_all_s ÷ topics)"),
    "page_rps": (None, "", "topic page, wrk -c10, python run.py (granian), same browser"),
    "page_p99_ms": (15, "max", "topic page p99 latency at 10 connections"),
    "page_first_visit_rps": (None, "", "the same without a cookie: every request a new visitor"),
    "page_first_visit_p99_ms": (None, "", "p99 of those"),
    "static_rps": (None, "", "the same bytes from nginx, one worker (the machine's limit)"),
    "page_vs_static": (0.10, "min", "page_rps ÷ static_rps"),
    "page_bytes": (None, "", "size of the topic page"),
    "export_all_s": (None, "", "run.py export of all content, speech rendered (--base-url)"),
    "export_files": (None, "", "files in the public copy"),
    "export_copy_s": (None, "", "copying the finished copy (baseline: the files alone)"),
    "export_all_vs_copy": (None, "", "export_all_s ÷ export_copy_s"),
    "export_one_changed_s": (None, "", "the export again after editing one topic"),
    "export_one_changed_files": (None, "", "files it wrote"),
    "export_one_vs_all": (0.25, "max", "export_one_changed_s ÷ export_all_s"),
    "rss_mb": (150, "max", "server (app process) memory after prerender and the runs above"),
    "rss_granian_main_mb": (None, "", "granian's supervising process"),
    "rss_speech_worker_mb": (None, "", "the speech helper process"),
    "startup_1000_s": (2, "max", "create_app with 1,000 topics (load, validate, render)"),
    "index_1000_first_ms": (None, "", "topic index (40 theme cards), first render"),
    "index_1000_p99_ms": (20, "max", "topic index with 1,000 topics, new visitors, p99"),
    "theme_1000_first_ms": (None, "", "a theme page (25 topics), first render"),
    "theme_1000_p99_ms": (None, "", "a theme page, new visitors, p99"),
    "topic_1000_first_ms": (None, "", "a topic page among 1,000, first render"),
    "topic_1000_p99_ms": (None, "", "a topic page among 1,000, new visitors, p99"),
    "tap_to_paint_p50_ms": (None, "", "tap on card/Back/Home/Beginnen → new screen painted"),
    "tap_to_paint_p95_ms": (50, "max", "the same, p95 (Chromium, 1080×1920, real clicks)"),
    "paint_baseline_ms": (None, "", "tap that only toggles a class → painted (baseline)"),
    "paint_baseline_p95_ms": (None, "", "the same, p95"),
    "tap_to_paint_vs_baseline": (None, "", "tap_to_paint_p50_ms ÷ paint_baseline_ms"),
    "tap_to_paint_card_p50_ms": (None, "", "a topic card → topic"),
    "tap_to_paint_back_p50_ms": (None, "", "Back on a topic → index"),
    "tap_to_paint_home_p50_ms": (None, "", "Home on a topic → start"),
    "tap_to_paint_start_p50_ms": (None, "", "Beginnen on the start screen → index"),
    "tap_request_ms": (None, "", "of which: tap → response in (htmx:beforeSwap), median"),
    "tap_swap_ms": (None, "", "… → new screen swapped into #page (htmx:afterSwap)"),
    "tap_settle_ms": (None, "", "… → htmx:afterSettle (htmx waits 20 ms by default)"),
    "tap_frames_ms": (None, "", "… → second animation frame"),
    "cls_load_start": (0, "max", "layout shift loading the start screen (each idle reset)"),
    "cls_load_index": (0, "max", "layout shift loading /nl/ (worst of 3 fresh loads)"),
    "cls_load_topic": (0, "max", "layout shift loading a topic page"),
    "cls_open_player": (0, "max", "layout shift from tapping Listen, all shifts counted"),
    "cls_open_player_counted": (None, "", "the same without shifts right after input (the API's)"),
    "cls_open_dialog": (0, "max", "layout shift from tapping a hard word, all counted"),
    "key_to_sound_p50_ms": (None, "", "audio mode: Up/Down → the item's speech playing"),
    "key_to_sound_p95_ms": (150, "max", "the same, p95 (cards, text, buttons; Chromium)"),
    "touch_to_sound_p50_ms": (None, "", "audio mode: a finger on a card → its speech playing"),
    "touch_to_sound_p95_ms": (150, "max", "the same, p95"),
    "sound_baseline_ms": (None, "", "a key that only plays a file played before (baseline)"),
    "sound_baseline_p95_ms": (None, "", "the same, p95"),
    "key_to_sound_vs_baseline": (None, "", "key_to_sound_p50_ms ÷ sound_baseline_ms"),
    "audio_presses": (None, "", "key presses measured"),
    "audio_touches": (None, "", "touches measured"),
    "word_sync_error_p50_ms": (None, "", "word marked vs the voice's clock (0 = inside its time)"),
    "word_sync_error_p95_ms": (60, "max", "the same, p95 (nl, ar, slow speed; Chromium)"),
    "sentence_sync_error_p95_ms": (None, "", "the sentence highlight, same samples (baseline)"),
    "word_sync_in_step_share": (0.95, "min", "samples with the word within 60 ms"),
    "word_sync_samples": (None, "", "samples taken"),
    "word_tap_to_sound_p50_ms": (None, "", "Woord voor woord: tap on a word → its speech playing"),
    "word_tap_to_sound_p95_ms": (150, "max", "the same, p95, first tap of each word (rendered)"),
    "word_tap_again_p50_ms": (None, "", "the same word tapped again (baseline)"),
    "word_tap_vs_again": (None, "", "word_tap_to_sound_p50_ms ÷ word_tap_again_p50_ms"),
    "word_taps": (None, "", "words tapped"),
}


def table(metrics: dict[str, float]) -> str:
    """The metrics as an aligned text table with their goals."""
    lines = [f"{'metric':28} {'value':>10} {'goal':>8}  ok   what", "-" * 90]
    for name, value in metrics.items():
        goal, direction, what = GOALS.get(name, (None, "", ""))
        if goal is None:
            verdict, goal_text = "  ", ""
        else:
            good = value <= goal if direction == "max" else value >= goal
            verdict, goal_text = (
                ("✔ " if good else "✘ "),
                f"{'≤' if direction == 'max' else '≥'}{goal:g}",
            )
        lines.append(f"{name:28} {value:10.2f} {goal_text:>8}  {verdict}  {what}")
    return "\n".join(lines)


def speech_figures() -> dict[str, float]:
    return {**speech.synthesis_vs_espeak(), **speech.first_audio()}


def leaflet_figures() -> dict[str, float]:
    return {**leaflets.render_times(), **leaflets.cached_leaflet()}


def serving_figures() -> dict[str, float]:
    """Prerender first: the serving and export benchmarks use what it rendered."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        return {
            **prerender.prerender_times(work),
            **serving.page_against_static(work, seconds=5),
            **export.export_times(work),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


#: group name: its benchmarks, in the order a whole run takes them
GROUPS: dict[str, Callable[[], dict[str, float]]] = {
    "speech": speech_figures,
    "leaflets": leaflet_figures,
    "printing": printing.print_to_queued,
    "serving": serving_figures,
    "growth": lambda: serving.content_growth(1000),
    "screen": screen.screen_figures,
    "audio": audio.audio_figures,
    "reading": reading.reading_figures,
}


def main(groups: list[str] | None = None) -> int:
    """Run the named groups of benchmarks once (all of them if none are named)."""
    unknown = set(groups or ()) - set(GROUPS)
    if unknown:
        print(f"unknown group(s) {sorted(unknown)}; choose from {list(GROUPS)}", file=sys.stderr)
        return 2
    metrics: dict[str, float] = {}
    for name, run in GROUPS.items():
        if not groups or name in groups:
            metrics.update(run())
    print(table(metrics))
    if groups:
        return 0
    report = {"metrics": metrics, "machine": machine(), "date": date.today().isoformat()}
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten to {RESULTS}")
    return 0


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    with open("/proc/cpuinfo") as cpuinfo:
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), "")
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
