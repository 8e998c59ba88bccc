"""Material the tests share: the bundled content, the source page it was written from, and a
topic file that is valid in every way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.content.sync_state import SyncState, write_sync_state
from kiosk.settings import PROJECT_ROOT

BUNDLED_CONTENT = PROJECT_ROOT / "content"
SOURCE_TEXT = PROJECT_ROOT.parent / "shared" / "source" / "000_afca34488b1cbf08.txt"

#: write("nl/x.md", text): a file under the test's content folder (the `write` fixture).
ContentWriter = Callable[[str, str], Path]

VALID_TOPIC = """\
---
title: Een test
card_title: Test
icon: scale
order: 1
summary: Dit is een korte samenvatting.
position_of: de testorganisatie
source:
  organisation: Testorganisatie
  title: Testpagina
  date: maart 2024
key_points:
  - Het eerste punt.
  - Het tweede punt.
---
## Kop

Een zin met een asielzoeker erin.
"""

#: Whose text a sample topic is, per language, as it reads in the attribution.
SAMPLE_WHOSE = {
    "nl": "de testorganisatie",
    "en": "the test organisation",
    "ar": "منظمة الاختبار",
    "uk": "тестової організації",
}

#: (language, source kind or None) → the sentence on the topic page and the card line.
ATTRIBUTIONS = {
    ("nl", "position"): (
        "Dit is het standpunt van de testorganisatie.",
        "Standpunt van de testorganisatie",
    ),
    ("nl", "information"): (
        "Deze informatie komt van de testorganisatie.",
        "Informatie van de testorganisatie",
    ),
    ("nl", "advice"): (
        "Dit is een advies van de testorganisatie.",
        "Advies van de testorganisatie",
    ),
    ("en", "position"): (
        "This is the position of the test organisation.",
        "Position of the test organisation",
    ),
    ("en", "information"): (
        "This information comes from the test organisation.",
        "Information from the test organisation",
    ),
    ("en", "advice"): (
        "This is advice from the test organisation.",
        "Advice from the test organisation",
    ),
    ("ar", "position"): ("هذا هو موقف منظمة الاختبار.", "موقف منظمة الاختبار"),
    ("ar", "information"): ("هذه المعلومات من منظمة الاختبار.", "معلومات من منظمة الاختبار"),
    ("ar", "advice"): ("هذه نصيحة من منظمة الاختبار.", "نصيحة من منظمة الاختبار"),
    ("uk", "position"): ("Це позиція тестової організації.", "Позиція тестової організації"),
    ("uk", "information"): (
        "Ця інформація від тестової організації.",
        "Інформація від тестової організації",
    ),
    ("uk", "advice"): ("Це порада від тестової організації.", "Порада від тестової організації"),
}
for _lang in SAMPLE_WHOSE:  # a topic that names no kind is information
    ATTRIBUTIONS[_lang, None] = ATTRIBUTIONS[_lang, "information"]


def topic_of_kind(lang: str, kind: str | None) -> str:
    """VALID_TOPIC in `lang`'s attribution, with `source.kind: kind` (or none), using `from`."""
    text = VALID_TOPIC.replace("position_of: de testorganisatie", f"from: {SAMPLE_WHOSE[lang]}")
    return text.replace("source:\n", f"source:\n  kind: {kind}\n") if kind else text


def write_topics_of_every_kind(write: ContentWriter) -> None:
    """One topic per language and kind (and one without a kind), named after its kind."""
    for lang, kind in ATTRIBUTIONS:
        write(f"{lang}/{kind or 'none'}.md", topic_of_kind(lang, kind))


def with_pictures(topic_text: str, pictures: str) -> str:
    """A sample topic with a `pictures:` block (YAML lines) at the end of its front matter."""
    return topic_text.replace(
        "  - Het tweede punt.\n---", f"  - Het tweede punt.\npictures:\n{pictures}\n---"
    )


def synced_bundled_content(folder: Path, state: SyncState | None) -> dict[str, str]:
    """Settings for an app whose content comes from a repository: the bundled content as the
    version shown, the last sync having left `state` (None: no sync has run)."""
    (folder / "sync").mkdir()
    (folder / "sync/current").symlink_to(BUNDLED_CONTENT)
    if state is not None:
        write_sync_state(folder / "sync/state.json", state)
    return {
        "CONTENT_REPOSITORY": str(folder / "origin.git"),
        "CONTENT_SYNC_DIR": str(folder / "sync"),
    }
