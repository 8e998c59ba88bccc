"""`python run.py check` lists every content problem and fails when there is one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser, main
from kiosk.config import PROJECT_ROOT
from tests.conftest import ContentWriter


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
    assert main(["check", "--content", str(content_dir)]) == 1
    out = capsys.readouterr().out
    assert "content/nl/kapot.md:4: 'icon': unknown icon 'nee'" in out
    assert "content/nl/glossary.yaml:2: not valid YAML" in out
    assert "2 problems found." in out


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
