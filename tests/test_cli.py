"""`python run.py check` lists every content problem and fails when there is one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser, main
from kiosk.settings import PROJECT_ROOT
from tests.samples import ContentWriter


def test_check_passes_on_the_bundled_content():
    result = subprocess.run(
        [sys.executable, "run.py", "check"], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nl: 10 topics" in result.stdout
    assert "No problems found." in result.stdout


def test_check_lists_problems_and_fails(
    content_dir: Path, write: ContentWriter, topic_text: str, capsys: pytest.CaptureFixture[str]
):
    write("nl/goed.md", topic_text)
    write("nl/kapot.md", topic_text.replace("icon: scale", "icon: nee"))
    write("nl/glossary.yaml", "fout: [\n")
    write("en/goed.md", topic_text)
    assert main(["check", "--content", str(content_dir)]) == 1
    out = capsys.readouterr().out
    assert "content/nl/kapot.md:4: 'icon': unknown icon 'nee'" in out
    assert "content/nl/glossary.yaml:2: not valid YAML" in out
    assert "2 problem(s);" in out


def test_check_fails_when_there_is_nothing_to_show(tmp_path: Path):
    assert main(["check", "--content", str(tmp_path / "nergens")]) == 1


def test_host_and_port_from_arguments_and_environment(monkeypatch: pytest.MonkeyPatch):
    args = build_parser().parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    monkeypatch.setenv("KIOSK_HOST", "0.0.0.0")
    monkeypatch.setenv("KIOSK_PORT", "9001")
    args = build_parser().parse_args([])
    assert (args.host, args.port) == ("0.0.0.0", 9001)
    args = build_parser().parse_args(["--port", "9002"])
    assert args.port == 9002
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--port", "70000"])


LONG = " ".join(["woord"] * 22) + "."
GLOSSARY = "asielzoeker: Iemand die bescherming vraagt.\ntestorganisatie: Een organisatie.\n"


def short_position(topic_text: str) -> str:
    """The sample topic as a position: its attribution is then the short "Dit is het
    standpunt van …" (the neutral "Deze informatie komt van …" has longer words)."""
    return topic_text.replace("source:\n", "source:\n  kind: position\n")


def test_check_reports_readability_problems_and_translations(
    content_dir: Path, write: ContentWriter, topic_text: str, capsys: pytest.CaptureFixture[str]
):
    topic_text = short_position(topic_text)
    write("nl/glossary.yaml", GLOSSARY)
    write("en/glossary.yaml", GLOSSARY)
    write("nl/goed.md", topic_text)
    write("nl/lang.md", topic_text.replace("Een zin met een asielzoeker erin.", LONG))
    write("nl/zeldzaam.md", topic_text + "\nDe gemeente krijgt een detentiecentrumvoorziening.\n")
    write("en/goed.md", topic_text)  # en has only one of the three topics
    write("nl/kapot.md", topic_text.replace("order: 1", "order: x"))
    assert main(["check", "--content", str(content_dir)]) == 1
    out = capsys.readouterr().out
    assert "content/nl/kapot.md:5: 'order': input should be a valid integer" in out
    assert "FAIL content/nl/lang.md" in out and "a sentence of 22 words > 20" in out
    assert "FAIL content/nl/zeldzaam.md" in out
    assert "rare words not in the glossary: detentiecentrumvoorziening" in out
    assert "ok   content/nl/goed.md" in out
    assert "missing translations: en/lang, en/zeldzaam" in out
    assert main(["check", "--content", str(content_dir), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["missing_translations"] == ["en/lang", "en/zeldzaam"]
    by_slug = {(t["lang"], t["slug"]): t for t in data["topics"]}
    assert by_slug[("nl", "lang")]["longest_sentence"] == 22
    assert by_slug[("nl", "goed")]["failures"] == []
    assert "detentiecentrumvoorziening" in by_slug[("nl", "zeldzaam")]["rare_words"]
    assert data["problems"][0]["file"] == "content/nl/kapot.md"


def test_check_passes_when_only_notes_remain(
    content_dir: Path, write: ContentWriter, topic_text: str, capsys: pytest.CaptureFixture[str]
):
    write("nl/goed.md", short_position(topic_text))
    write("nl/glossary.yaml", GLOSSARY)
    write("nl/pronunciation.yaml", "words:\n  COA: cee oo aa\n")
    assert main(["check", "--content", str(content_dir)]) == 0
    assert "pronunciation entries never used: nl: COA" in capsys.readouterr().out


def test_bundled_content_meets_every_target_in_json():
    result = subprocess.run(
        [sys.executable, "run.py", "check", "--json"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["ok"] is True
    dutch = [topic for topic in data["topics"] if topic["lang"] == "nl"]
    assert dutch and all(topic["flesch_douma"] >= 70 for topic in dutch)
    assert all(topic["rare_share"] <= 0.05 for topic in data["topics"])
