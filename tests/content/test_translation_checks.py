"""The translation checks of `run.py check`: Arabic words with attached prefixes are marked,
and a term said two ways, a change of register or a glossary form longer than its word is
reported. The bundled content passes all of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.content import load_library
from kiosk.content.consistency import register_breaks, swallowing_forms, translation_notes
from kiosk.content.markdown import GlossaryMatcher
from kiosk.content.models import GlossaryEntry, LanguageContent
from kiosk.settings import PROJECT_ROOT
from kiosk.ui.languages import LANGUAGES
from tests.samples import BUNDLED_CONTENT, VALID_TOPIC, ContentWriter

HELP = GlossaryEntry("المساعدة", "شيء يفعله شخص لشخص آخر.")
STATE = GlossaryEntry("الدولة", "السلطات في البلد.")


def marked(text: str, *entries: GlossaryEntry, lang: str = "ar") -> list[str]:
    return [
        piece[0] for piece in GlossaryMatcher(entries, lang).split(text) if isinstance(piece, tuple)
    ]


def test_arabic_words_are_found_with_their_attached_prefixes():
    text = "والمساعدة مهمة. بالمساعدة نعيش. تدفع للدولة. فالدولة تساعد. مساعدة صغيرة."
    assert marked(text, HELP, STATE) == ["والمساعدة", "بالمساعدة", "للدولة", "فالدولة"]
    assert marked("المساعدات كثيرة.", HELP) == [], "a longer word is another word"
    assert marked("والمساعدة", HELP, lang="nl") == [], "only Arabic attaches them"


def test_a_glossary_form_longer_than_its_word_is_reported():
    seeker = GlossaryEntry(
        "طالب اللجوء", "شخص يطلب الحماية.", ("طالبي اللجوء", "لمحامي طالبي اللجوء")
    )
    content = LanguageContent(LANGUAGES["ar"], glossary={seeker.term: seeker})
    [note] = swallowing_forms("ar", content)
    assert "“لمحامي طالبي اللجوء”" in note and "(“طالبي اللجوء”)" in note


def test_the_informal_you_is_reported_where_the_kiosk_is_formal(
    write: ContentWriter, content_dir: Path
):
    write("uk/een.md", VALID_TOPIC.replace("Een zin met een asielzoeker erin.",
                                           "Ти живеш тут. Ви живете тут."))  # fmt: skip
    content = load_library(content_dir).languages["uk"]
    [note] = register_breaks("uk", content)
    assert note.startswith("uk/een.md: “Ти живеш тут.” says ти") and note.endswith("says Ви")
    assert register_breaks("en", content) == [], "English has one you"


def test_a_term_said_otherwise_in_one_topic_is_reported_by_run_py_check(
    write: ContentWriter, content_dir: Path
):
    write("nl/een.md", VALID_TOPIC)  # its text says "asielzoeker"
    write("ar/een.md", VALID_TOPIC.replace("een asielzoeker", "een طالب لجوء"))
    write("ar/twee.md", VALID_TOPIC.replace("order: 1", "order: 2"))
    write("nl/twee.md", VALID_TOPIC.replace("order: 1", "order: 2"))
    write("ar/terms.yaml", "asielzoeker: [طالب لجوء]\n")
    notes = translation_notes(load_library(content_dir))
    assert notes == ["ar/twee.md: the Dutch says “asielzoeker”; this text uses none of "
                     "طالب لجوء (terms.yaml)"]  # fmt: skip
    shown = subprocess.run([sys.executable, "run.py", "check", "--content", str(content_dir)],
                           cwd=PROJECT_ROOT, capture_output=True, text=True)  # fmt: skip
    assert "⚠ ar/twee.md: the Dutch says “asielzoeker”" in shown.stdout


def test_a_broken_terms_file_is_named(write: ContentWriter, content_dir: Path):
    write("nl/een.md", VALID_TOPIC)
    write("nl/terms.yaml", "overheid: الدولة\n")
    [problem] = load_library(content_dir).problems
    assert problem.file.endswith("nl/terms.yaml") and "Dutch term: [" in problem.message


def test_the_bundled_translations_pass_and_every_listed_term_is_checked():
    library = load_library(BUNDLED_CONTENT)
    assert translation_notes(library) == []
    dutch = library.languages["nl"]
    text = "\n".join(s for t in dutch.topics for s in t.spoken_full).casefold()
    for code in ("en", "ar", "uk"):
        terms = library.languages[code].terms
        assert terms, f"{code} lists its terms"
        for term in terms:
            entry = dutch.glossary.get(term)
            forms = {term, *(entry.forms if entry else ())}
            assert any(form.casefold() in text for form in forms), f"{code}: {term} is not used"
