"""The content report as text: problems first, then each topic's readability."""

from __future__ import annotations

from kiosk.content.models import ContentLibrary
from kiosk.content.readability import LibraryReport


def format_report(library: ContentLibrary, report: LibraryReport) -> str:
    """What `run.py check` prints."""
    lines: list[str] = []
    if library.problems:
        lines.append("Problems:")
        lines += [f"  {problem}" for problem in library.problems]
        lines.append("")
    for code, language in library.languages.items():
        lines.append(
            f"{code}: {len(language.topics)} topics, {len(language.glossary)} glossary words"
        )
    for topic in report.topics:
        mark = "FAIL" if topic.failures else "ok  "
        lines.append("")
        lines.append(f"{mark} {topic.file}")
        lines.append(
            f"     Flesch-Douma {topic.flesch_douma if topic.flesch_douma is not None else '-'}; "
            f"{topic.sentences} sentences, "
            f"average {topic.average_words} words, longest {topic.longest_sentence}; "
            f"rare words {topic.rare_share:.1%}"
        )
        if topic.rare_words:
            lines.append(f"     rare words not in the glossary: {', '.join(topic.rare_words)}")
        if topic.long_words:
            lines.append(f"     long words: {', '.join(topic.long_words)}")
        for sentence in topic.passive_hints:
            lines.append(f"     passive? “{sentence}”")
        lines += [f"     ✘ {failure}" for failure in topic.failures]
    notes = [
        ("missing translations", report.missing_translations),
        ("pronunciation entries never used", report.unused_pronunciations),
        ("glossary words never used", report.unused_glossary),
    ]
    for title, items in notes:
        if items:
            lines.append("")
            lines.append(f"{title}: {', '.join(items)}")
    lines.append("")
    failing = sum(1 for topic in report.topics if topic.failures)
    if library.problems or failing:
        problems = len(library.problems)
        lines.append(f"{problems} problem(s); {failing} topic(s) miss the plain-language targets.")
    else:
        lines.append("No problems found. Every topic meets the plain-language targets.")
    return "\n".join(lines)
