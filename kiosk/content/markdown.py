"""Turn topic Markdown into safe HTML, with hard words marked for their explanation."""

from __future__ import annotations

import re
from collections.abc import Iterable

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup, escape

from kiosk.content.models import GlossaryEntry
from kiosk.content.sentences import KIOSK_MARKUP, SentenceCollector
from kiosk.content.word_forms import attached_forms

ALLOWED_TAGS = {"p", "ul", "ol", "li", "h2", "h3", "strong", "em", "a", "button", "br"}
ALLOWED_TAGS |= {"blockquote", "span", "code"}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "button": {"type", "class", "popovertarget"},
    "span": {"class", "data-s"},
}


class GlossaryMatcher:
    """Finds glossary words (and their listed forms) in running text."""

    def __init__(self, entries: Iterable[GlossaryEntry], lang: str = "") -> None:
        self._by_form: dict[str, GlossaryEntry] = {}
        entries = list(entries)
        for entry in entries:  # the forms as written first: they win over prefixed ones
            for form in (entry.term, *entry.forms):
                self._by_form.setdefault(form.casefold(), entry)
        for entry in entries:
            for form in (entry.term, *entry.forms):
                for attached in attached_forms(form, lang):
                    self._by_form.setdefault(attached.casefold(), entry)
        forms = sorted(self._by_form, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<!\w)(" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE)
            if forms
            else None
        )

    def split(self, text: str) -> list[str | tuple[str, GlossaryEntry]]:
        """`text` in pieces: plain strings and (matched word, entry) pairs."""
        if self._pattern is None:
            return [text]
        pieces: list[str | tuple[str, GlossaryEntry]] = []
        position = 0
        for match in self._pattern.finditer(text):
            pieces.append(text[position : match.start()])
            pieces.append((match.group(0), self._by_form[match.group(0).casefold()]))
            position = match.end()
        pieces.append(text[position:])
        return [piece for piece in pieces if piece]


class PageMarker:
    """Marks the first use of each glossary word on one page and remembers which it marked."""

    def __init__(self, matcher: GlossaryMatcher) -> None:
        self.matcher = matcher
        self.marked: list[GlossaryEntry] = []

    def mark(self, children: list[Token]) -> list[Token]:
        """Replace text tokens by text and term buttons (never inside links)."""
        result: list[Token] = []
        link_depth = 0
        for token in children:
            if token.type == "link_open":
                link_depth += 1
            elif token.type == "link_close":
                link_depth -= 1
            if token.type != "text" or link_depth:
                result.append(token)
                continue
            for piece in self.matcher.split(token.content):
                if isinstance(piece, tuple) and piece[1] not in self.marked:
                    self.marked.append(piece[1])
                    result.append(self._button(*piece))
                else:
                    text = Token("text", "", 0)
                    text.content = piece if isinstance(piece, str) else piece[0]
                    result.append(text)
        return result

    @staticmethod
    def _button(word: str, entry: GlossaryEntry) -> Token:
        token = Token("html_inline", "", 0)
        token.content = (
            f'<button type="button" class="term" popovertarget="{entry.anchor}">'
            f"{escape(word)}</button>"
        )
        token.meta.update(spoken=word, **{KIOSK_MARKUP: True})
        return token


def new_markdown() -> MarkdownIt:
    """CommonMark with raw HTML parsed (so it can be reported), one line per sentence kept
    as a line break (easy-read layout), plus glossary marking."""
    md = MarkdownIt("commonmark", {"html": True, "breaks": True})
    md.core.ruler.push("glossary_terms", _mark_terms)
    md.core.ruler.push("sentences", _mark_sentences)
    return md


def _mark_terms(state: StateCore) -> None:
    marker: PageMarker | None = state.env.get("marker")
    if marker is None:
        return
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = marker.mark(token.children)


def _mark_sentences(state: StateCore) -> None:
    collector: SentenceCollector | None = state.env.get("sentences")
    if collector is None:
        return
    for token in state.tokens:
        if token.type == "inline" and token.children is not None:
            token.children = collector.mark_inline(token.children)


def sanitise(html: str) -> Markup:
    """Keep only the tags and attributes topic text may use."""
    return Markup(nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel=None))
