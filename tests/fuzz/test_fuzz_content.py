"""Fuzzing the content loader: random front matter and Markdown never crash loading; every
problem names the file and a line inside it; a file either loads or says why not."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.content.library_loader import load_library
from tests.samples import VALID_TOPIC

FIELDS = ["title", "card_title", "icon", "order", "summary", "from", "position_of", "source",
          "key_points", "slug", "theme"]  # fmt: skip
EXAMPLES = 200

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=120),
    st.sampled_from(
        ["scale", "baby", "2024-03-01", "ja", "~", "&anchor", "*alias", "!!python/object:os.system"]
    ),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=8) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
    ),
    max_leaves=20,
)  # fmt: skip
front_matter = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=15), values, max_size=12)
markdown_pieces = st.sampled_from([
    "## Kop", "# Titel", "- punt", "1. punt", "> citaat", "`code`", "**vet**", "_schuin_",
    "[link](/nl/x)", "[link](https://example.org)", "![beeld](x.png)", "<b>html</b>", "---",
    "| a | b |\n|---|---|\n| 1 | 2 |", "\t\tcode", "```\nblok\n```", "\\", "&amp;", "<!-- x -->",
])  # fmt: skip
markdown = st.lists(markdown_pieces | st.text(max_size=80), max_size=12).map("\n\n".join)


def load_one(text: str) -> tuple[list, list]:
    """Topics and problems after loading a folder with this one topic file."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "nl").mkdir()
        (Path(folder) / "nl" / "fuzz.md").write_text(text, encoding="utf-8")
        library = load_library(Path(folder))
    topics = library.languages["nl"].topics if "nl" in library.languages else []
    return topics, library.problems


def check(text: str) -> None:
    topics, problems = load_one(text)
    lines = text.count("\n") + 2
    assert topics or problems, "a file that does not load must say why"
    for problem in problems:
        assert problem.file.endswith("nl/fuzz.md"), problem
        assert problem.line is None or 1 <= problem.line <= lines, (problem, lines)
        assert problem.message and "Traceback" not in problem.message


@settings(max_examples=EXAMPLES)
@given(meta=front_matter, body=markdown)
def test_random_front_matter_and_markdown(meta: dict, body: str):
    check("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body)


@settings(max_examples=EXAMPLES)
@given(field=st.sampled_from(FIELDS), value=values, body=markdown)
def test_one_broken_field_in_a_good_file(field: str, value: object, body: str):
    meta = yaml.safe_load(VALID_TOPIC.split("---")[1])
    meta[field] = value
    check("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n## Kop\n\nEen zin.\n" + body)


@settings(max_examples=EXAMPLES)
@example(text="")  # found by this test: "---" with no end crashed the whole content load
@given(text=st.text(max_size=600) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_any_text_at_all(text: str):
    check(text)
    check("---\n" + text)  # front matter that never ends, or is not YAML
