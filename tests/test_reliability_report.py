"""docs/RELIABILITY.md names only tests that exist, and states the fuzz counts the fuzz
tests really use."""

from __future__ import annotations

import ast
import re

from kiosk.settings import PROJECT_ROOT
from tests.fuzz import test_fuzz_content, test_fuzz_paths, test_fuzz_speech_and_leaflets

REPORT = PROJECT_ROOT / "docs" / "RELIABILITY.md"
NAMED_TEST = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def test_every_test_the_report_names_exists():
    named = NAMED_TEST.findall(REPORT.read_text())
    assert len(named) >= 40
    for path, name in named:
        tree = ast.parse((PROJECT_ROOT / path).read_text())
        functions = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        assert name in functions, f"{path}::{name} is named in the report but does not exist"


def test_fuzz_counts_in_the_report_are_the_real_ones():
    rows = {
        name: line
        for line in REPORT.read_text().splitlines()
        for _, name in NAMED_TEST.findall(line)
    }
    expected = {
        "test_any_path_is_a_page_or_a_calm_not_found": test_fuzz_paths.EXAMPLES,
        "test_random_front_matter_and_markdown": test_fuzz_content.EXAMPLES,
        "test_one_broken_field_in_a_good_file": test_fuzz_content.EXAMPLES,
        "test_any_text_at_all": test_fuzz_content.EXAMPLES,
        "test_any_text_is_spoken_or_refused_cleanly": test_fuzz_speech_and_leaflets.SPEECH_EXAMPLES,
        "test_hostile_content_gives_a_leaflet_in_time_or_is_refused": (
            test_fuzz_speech_and_leaflets.LEAFLET_EXAMPLES
        ),
    }
    for name, count in expected.items():
        cells = [cell.strip() for cell in rows[name].split("|")]
        assert cells[2].split(" ")[0] == str(count), (name, cells[2])
