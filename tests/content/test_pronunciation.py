"""The pronunciation list changes what is spoken, and reports its own mistakes by line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kiosk.content import load_library
from kiosk.content.pronunciation import Pronunciation, load_pronunciation
from tests.samples import BUNDLED_CONTENT

DUTCH = load_library(BUNDLED_CONTENT).languages["nl"].pronunciation


def phonemes(text: str) -> str:
    """How espeak-ng itself reads `text` (its phoneme mnemonics)."""
    result = subprocess.run(
        ["espeak-ng", "-v", "nl", "-q", "-x", "--", text],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(result.stdout.split())


def test_words_and_amounts_are_rewritten_for_the_voice_only():
    assert DUTCH.apply("Het AZC kost € 1 miljard.") == "Het aa zee cee kost 1 miljard euro."
    assert DUTCH.apply("€2,50 t/m bijv. morgen") == "2,50 euro tot en met bijvoorbeeld morgen"
    assert DUTCH.apply("De azcs en de IND-regels") == "De azcs en de ie en dee-regels"


@pytest.mark.parametrize(
    ("written", "wrong"),
    [("azc", "'Ask"), ("€ 1 miljard", "*o:t,e:k@n"), ("t/m", "sl'ES")],
)
def test_the_list_fixes_what_espeak_reads_wrongly(written: str, wrong: str):
    assert wrong in phonemes(written)  # espeak-ng alone gets it wrong ...
    assert wrong not in phonemes(DUTCH.apply(written))  # ... with the list it does not


def test_no_list_changes_nothing():
    assert Pronunciation().apply("PvdA en azc") == "PvdA en azc"
    assert Pronunciation().digest != DUTCH.digest


def test_problems_name_line(tmp_path: Path):
    path = tmp_path / "pronunciation.yaml"
    path.write_text("words:\n  azc: aa zee cee\npatterns:\n  - match: '(kapot'\n    say: x\n")
    pronunciation, problems = load_pronunciation(path, "content/nl/pronunciation.yaml")
    [problem] = problems
    assert (problem.line, "pattern '(kapot'" in problem.message) == (4, True)
    assert pronunciation.apply("azc") == "aa zee cee"
    path.write_text("woorden:\n  azc: x\n")
    _, problems = load_pronunciation(path, "x")
    assert [(p.line, p.message) for p in problems] == [
        (1, "unknown field 'woorden' (check the spelling)")
    ]
