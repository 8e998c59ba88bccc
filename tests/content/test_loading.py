"""Loading content: valid files become topics; every kind of broken file is named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import ContentProblem, load_library
from tests.samples import ContentWriter, with_pictures


def problems_of(content_dir: Path) -> list[ContentProblem]:
    return load_library(content_dir).problems


def test_valid_topic_loads_with_all_fields(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/een-test.md", topic_text)
    library = load_library(content_dir)
    assert library.problems == []
    topic = library.topic("nl", "een-test")
    assert topic is not None
    assert (topic.title, topic.card_title, topic.icon, topic.order) == (
        "Een test",
        "Test",
        "scale",
        1,
    )
    assert topic.source.organisation == "Testorganisatie"
    assert topic.source.date == "maart 2024"
    assert topic.source.url is None
    assert topic.key_points == ("Het eerste punt.", "Het tweede punt.")
    assert '<h2><span class="s" data-s="5">Kop</span></h2>' in topic.body_html
    assert topic.file == "content/nl/een-test.md"


def test_topics_are_sorted_by_order_then_title(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/b.md", topic_text.replace("order: 1", "order: 2"))
    write("nl/a.md", topic_text.replace("order: 1", "order: 3"))
    write(
        "nl/c.md",
        topic_text.replace("order: 1", "order: 2").replace("title: Een test", "title: Aap"),
    )
    assert [t.slug for t in load_library(content_dir).languages["nl"].topics] == ["c", "b", "a"]


def test_date_written_as_yaml_date_is_kept_as_text(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/t.md", topic_text.replace("date: maart 2024", "date: 2016-05-01"))
    assert load_library(content_dir).topic("nl", "t").source.date == "2016-05-01"


@pytest.mark.parametrize(("written", "shown"), [("2026", "2026"), ("'2026'", "2026")])
def test_a_year_written_as_a_number_loads_as_written(
    content_dir: Path, write: ContentWriter, topic_text: str, written: str, shown: str
):
    write("nl/t.md", topic_text.replace("date: maart 2024", f"date: {written}"))
    library = load_library(content_dir)
    assert library.problems == []
    assert library.topic("nl", "t").source.date == shown


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("icon: scale", "icon: toverstaf"), 4, "unknown icon 'toverstaf'"),
        (("order: 1\n", ""), 1, "required field 'order' is missing"),
        (("order: 1", "order: een"), 5, "'order': input should be a valid integer"),
        (("  date: maart 2024\n", ""), 8, "required field 'source.date' is missing"),
        (
            ("  title: Testpagina", "  title: Testpagina\n  colour: red"),
            11,
            "unknown field 'source.colour'",
        ),
        (
            ("summary: Dit is een korte samenvatting.", "summary: Zin een. Zin twee."),
            6,
            "the summary must be one sentence",
        ),
        (
            ("  - Het tweede punt.", "  - ''"),
            14,
            "'key_points.1': string should have at least 1 character",
        ),
        (
            ("  organisation: Testorganisatie", "  organisation: Test\n  url: geen adres"),
            10,
            "'source.url': input should be a valid URL",
        ),
        (("title: Een test", "title: [Een test"), 3, "not valid YAML"),
        (
            ("card_title: Test", "card_title: " + "x" * 41),
            3,
            "'card_title': string should have at most 40",
        ),
        (
            ("source:\n", "source:\n  kind: mening\n"),
            9,
            "'source.kind': unknown kind 'mening'; choose one of: position, information, advice",
        ),
        (
            ("position_of: de testorganisatie\n", ""),
            1,
            "required field 'from' is missing",
        ),
        (
            ("position_of: de testorganisatie\n", "from: de PvdA\nposition_of: de PvdA\n"),
            8,
            "write 'from' or 'position_of', not both",
        ),
    ],
)
def test_front_matter_errors_name_file_line_and_problem(
    content_dir: Path,
    write: ContentWriter,
    topic_text: str,
    change: tuple[str, str],
    line: int,
    message: str,
):
    assert change[0] in topic_text
    write("nl/kapot.md", topic_text.replace(*change, 1))
    [problem] = problems_of(content_dir)
    assert problem.file == "content/nl/kapot.md"
    assert problem.line == line, str(problem)
    assert message in problem.message, str(problem)
    assert str(problem).startswith(f"content/nl/kapot.md:{line}: ")


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("# Grote kop\n", 16, "use '##' for headings"),
        ("Tekst.\n\n<script>alert(1)</script>\n", 18, "HTML is not allowed"),
        ("Een <b>vette</b> zin.\n", 16, "HTML is not allowed"),
        ("Tekst.\n\n![foto](foto.jpg)\n", 18, "pictures in the text are not supported"),
        ("Zie [de site](https://example.org).\n", 16, "links to websites cannot be opened"),
        ("\n\n", 16, "there is no text below the front matter"),
    ],
)
def test_markdown_errors_name_the_line(
    content_dir: Path, write: ContentWriter, topic_text: str, body: str, line: int, message: str
):
    front = topic_text.split("## Kop")[0]
    write("nl/kapot.md", front + body)
    problems = problems_of(content_dir)
    assert [p.line for p in problems] == [line], problems
    assert message in problems[0].message


def test_script_link_is_never_a_link(content_dir: Path, write: ContentWriter, topic_text: str):
    write("nl/t.md", topic_text + "\n[klik](javascript:alert(1)) en [ook](JAVASCRIPT:alert(1))\n")
    topic = load_library(content_dir).topic("nl", "t")
    assert "<a" not in topic.body_html
    assert "[klik](javascript:alert(1))" in topic.body_html


def test_html_in_a_key_point_is_reported_on_its_line(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write(
        "nl/kapot.md",
        topic_text.replace("  - Het tweede punt.", "  - Het <img src=x onerror=alert(1)> punt."),
    )
    [problem] = problems_of(content_dir)
    assert (problem.line, "HTML is not allowed" in problem.message) == (14, True)


def test_internal_links_are_allowed(content_dir: Path, write: ContentWriter, topic_text: str):
    write("nl/t.md", topic_text + "\nLees ook [het andere onderwerp](/nl/ander).\n")
    library = load_library(content_dir)
    assert library.problems == []
    assert '<a href="/nl/ander">' in library.topic("nl", "t").body_html


def test_file_without_front_matter(content_dir: Path, write: ContentWriter):
    write("nl/los.md", "Alleen tekst.\n")
    [problem] = problems_of(content_dir)
    assert (problem.line, "must start with front matter" in problem.message) == (1, True)


def test_front_matter_that_is_not_a_mapping(content_dir: Path, write: ContentWriter):
    write("nl/lijst.md", "---\n- een\n- twee\n---\nTekst.\n")
    [problem] = problems_of(content_dir)
    assert "'field: value' lines" in problem.message


def test_file_that_is_not_utf8_names_the_line(content_dir: Path, topic_text: str):
    data = topic_text.replace("Het tweede punt.", "Het twe\xebde punt.").encode("latin-1")
    (content_dir / "nl" / "latin.md").write_bytes(data)
    [problem] = problems_of(content_dir)
    assert (problem.line, "not UTF-8" in problem.message) == (14, True)


def test_bad_file_name(content_dir: Path, write: ContentWriter, topic_text: str):
    write("nl/Mijn Onderwerp.md", topic_text)
    [problem] = problems_of(content_dir)
    assert problem.file == "content/nl/Mijn Onderwerp.md"
    assert "file name may only hold lower-case letters" in problem.message


def test_duplicate_slug_keeps_the_first_and_names_both(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/a.md", topic_text)
    write("nl/b.md", topic_text.replace("order: 1", "order: 1\nslug: a"))
    library = load_library(content_dir)
    [problem] = library.problems
    assert problem.file == "content/nl/b.md"
    assert problem.message == "slug 'a' is already used by content/nl/a.md"
    assert [t.file for t in library.languages["nl"].topics] == ["content/nl/a.md"]


def test_invalid_slug_in_front_matter(content_dir: Path, write: ContentWriter, topic_text: str):
    write("nl/a.md", topic_text.replace("order: 1", "order: 1\nslug: ../etc"))
    [problem] = problems_of(content_dir)
    assert (problem.line, "'slug' may only hold" in problem.message) == (6, True)


def test_unknown_language_folder_and_stray_files(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("xx/t.md", topic_text)
    write("nl/t.md", topic_text)
    write("nl/notes.txt", "notities")
    write("nl/.t.md.swp", "editor swap file")
    write("nl/t.md~", "editor backup")
    library = load_library(content_dir)
    messages = sorted(str(p) for p in library.problems)
    known = ", ".join(sorted(library_codes()))
    assert messages == [
        "content/nl/notes.txt: not a topic file: topics are Markdown files ending in .md",
        f"content/xx: 'xx' is not a known language code (known: {known})",
    ]
    assert library.topic("nl", "t") is not None


def library_codes() -> list[str]:
    from kiosk.ui.languages import LANGUAGES

    return list(LANGUAGES)


def test_missing_content_folder(tmp_path: Path):
    library = load_library(tmp_path / "nergens")
    assert [str(p) for p in library.problems] == ["nergens: the content folder does not exist"]
    assert library.topic_count == 0


def test_broken_file_does_not_stop_the_others(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/goed.md", topic_text)
    write("nl/kapot.md", topic_text.replace("icon: scale", "icon: nee"))
    library = load_library(content_dir)
    assert [t.slug for t in library.languages["nl"].topics] == ["goed"]
    assert [p.file for p in library.problems] == ["content/nl/kapot.md"]


def test_several_problems_in_one_file_are_all_listed(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    text = topic_text.replace("icon: scale", "icon: nee").replace("order: 1\n", "")
    write("nl/kapot.md", text)
    messages = [p.message for p in problems_of(content_dir)]
    assert len(messages) == 2
    assert any("unknown icon" in m for m in messages)
    assert any("'order' is missing" in m for m in messages)


def test_problems_are_logged(content_dir: Path, write: ContentWriter, topic_text: str, caplog):
    write("nl/kapot.md", topic_text.replace("icon: scale", "icon: nee"))
    load_library(content_dir)
    assert "content/nl/kapot.md:4: 'icon': unknown icon 'nee'" in caplog.text


class TestGlossaryFile:
    def test_short_and_long_forms(self, content_dir: Path, write: ContentWriter):
        write(
            "nl/glossary.yaml",
            """\
            asiel: Bescherming.
            asielzoeker:
              explanation: Iemand die bescherming vraagt.
              forms: [asielzoekers]
            """,
        )
        library = load_library(content_dir)
        assert library.problems == []
        entry = library.languages["nl"].glossary["asielzoeker"]
        assert (entry.explanation, entry.forms) == (
            "Iemand die bescherming vraagt.",
            ("asielzoekers",),
        )

    def test_broken_yaml_names_the_line(self, content_dir: Path, write: ContentWriter):
        write("nl/glossary.yaml", "asiel: Bescherming.\nfout: [open\n")
        [problem] = problems_of(content_dir)
        assert problem.file == "content/nl/glossary.yaml"
        assert problem.line == 3 and "not valid YAML" in problem.message

    def test_bad_entries_are_skipped_and_named(self, content_dir: Path, write: ContentWriter):
        write(
            "nl/glossary.yaml",
            """\
            asiel: Bescherming.
            leeg:
              forms: [legen]
            raar:
              explanation: Vreemd.
              kleur: rood
            Asiel: Nog een keer.
            """,
        )
        library = load_library(content_dir)
        assert sorted((p.line, p.message) for p in library.problems) == [
            (2, "word 'leeg': required field 'explanation' is missing"),
            (6, "word 'raar': unknown field 'kleur' (check the spelling)"),
            (7, "word 'Asiel' is in the glossary twice"),
        ]
        assert list(library.languages["nl"].glossary) == ["asiel"]

    def test_every_word_gets_its_own_address(self, content_dir: Path, write: ContentWriter):
        """Was: a word without letters got the id "uitleg-" and a dead speech URL, and two
        words with the same address were not noticed."""
        write(
            "nl/glossary.yaml",
            """            "...": Puntjes.
            a-b: Eerste.
            a b: Tweede.
            """,
        )
        library = load_library(content_dir)
        assert sorted((p.line, p.message) for p in library.problems) == [
            (1, "word '...' has no letter or digit, so the kiosk cannot point to it"),
            (3, "word 'a b' gets the same address as 'a-b' (a-b); rename one"),
        ]
        assert [entry.anchor for entry in library.languages["nl"].glossary.values()] == [
            "uitleg-a-b"
        ]

    def test_glossary_that_is_a_list(self, content_dir: Path, write: ContentWriter):
        write("nl/glossary.yaml", "- asiel\n")
        [problem] = problems_of(content_dir)
        assert "'word: explanation' lines" in problem.message


def test_an_unknown_picture_names_the_file_the_line_and_the_name(
    content_dir: Path, write: ContentWriter, topic_text: str
):
    write("nl/t.md", with_pictures(topic_text, "  key_points: [house, toverstaf]"))
    problems = load_library(content_dir).problems
    assert [(p.file, p.line) for p in problems] == [("content/nl/t.md", 16)], problems
    assert "unknown picture 'toverstaf'" in problems[0].message
    assert "pictures.key_points.1" in problems[0].message


def test_known_pictures_load(content_dir: Path, write: ContentWriter, topic_text: str):
    write(
        "nl/t.md", with_pictures(topic_text, "  key_points: [house, family]\n  sections: [child]")
    )
    assert load_library(content_dir).problems == []
