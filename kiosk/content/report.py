"""The content report as text: problems first, then each topic's readability."""

from __future__ import annotations

from kiosk.content.models import Library
from kiosk.content.readability import LibraryReport, TopicReport


def format_report(library: Library, report: LibraryReport) -> str:
    """What `run.py check` prints."""
    lines: list[str] = []
    if library.problems:
        lines += ["Problems:", *(f"  {problem}" for problem in library.problems), ""]
    for code, language in library.languages.items():
        lines.append(
            f"{code}: {len(language.topics)} topics, {len(language.glossary)} glossary words"
        )
    for topic in report.topics:
        lines += _topic_lines(topic)
    lines += _note_lines(report)
    lines += ["", _summary_line(library, report)]
    return "\n".join(lines)


def _topic_lines(topic: TopicReport) -> list[str]:
    mark = "FAIL" if topic.failures else "ok  "
    flesch = topic.flesch_douma if topic.flesch_douma is not None else "-"
    lines = [
        "",
        f"{mark} {topic.file}",
        f"     Flesch-Douma {flesch}; {topic.sentences} sentences, "
        f"average {topic.average_words} words, longest {topic.longest_sentence}; "
        f"rare words {topic.rare_share:.1%}; pictures beside {topic.picture_share:.0%} of the "
        "ideas",
    ]
    if topic.rare_words:
        lines.append(f"     rare words not in the glossary: {', '.join(topic.rare_words)}")
    if topic.long_words:
        lines.append(f"     long words: {', '.join(topic.long_words)}")
    lines += [f"     passive? “{sentence}”" for sentence in topic.passive_hints]
    lines += [f"     ✘ {failure}" for failure in topic.failures]
    lines += [f"     ⚠ {warning}" for warning in topic.warnings]
    return lines


def _note_lines(report: LibraryReport) -> list[str]:
    notes = [
        ("missing translations", report.missing_translations),
        ("pronunciation entries never used", report.unused_pronunciations),
        ("glossary words never used", report.unused_glossary),
    ]
    lines = [
        line for title, items in notes if items for line in ("", f"{title}: {', '.join(items)}")
    ]
    if report.translation_notes:
        lines += ["", "translations (one word per term, one register, glossary forms):"]
        lines += [f"  ⚠ {note}" for note in report.translation_notes]
    return lines


def _summary_line(library: Library, report: LibraryReport) -> str:
    failing = sum(1 for topic in report.topics if topic.failures)
    if library.problems or failing:
        problems = len(library.problems)
        return f"{problems} problem(s); {failing} topic(s) miss the plain-language targets."
    return "No problems found. Every topic meets the plain-language targets."
