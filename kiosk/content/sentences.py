"""Split rendered text into sentences and mark each one, so speech can follow along.

Every sentence on a page gets an id in reading order. Its pieces of text are wrapped in
`<span class="s" data-s="ID">` (a sentence that crosses bold text or a hard word has several
spans with one id), and its plain text is collected for the speech engine. Screen and speech
are made in one pass, so they cannot drift apart.
"""

from __future__ import annotations

import re

from markdown_it.token import Token
from markupsafe import Markup, escape

#: set in the meta of HTML tokens the kiosk adds itself (content files may hold no HTML)
KIOSK_MARKUP = "kiosk_markup"

# A sentence ends at . ! or ? followed by a space and a capital (or an opening quote).
# Arabic has no capitals: there any . ! ? (or its own ؟) followed by a space ends it.
_BOUNDARY = re.compile(r"(?<=[.!?؟])\s+(?=[\"'‘“(\[]?[A-ZÀ-ÖØ-Þ\u0400-\u042F\u0600-\u06FF])")
_ENDS_SENTENCE = re.compile(r"[.!?؟:;…]['’”)]*\s*$")


def split_sentences(text: str) -> list[str]:
    """Plain text into sentences (line breaks end a sentence only after punctuation)."""
    sentences: list[str] = []
    for line_group in re.split(r"(?<=[.!?؟:;…])\s*\n", text.strip()):
        for sentence in _BOUNDARY.split(" ".join(line_group.split())):
            if sentence.strip():
                sentences.append(sentence.strip())
    return sentences


class SentenceCollector:
    """The sentences of one reading region (a page, a glossary entry) in reading order."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self._current: int | None = None

    def end_sentence(self) -> None:
        """The next text starts a new sentence (a block ended)."""
        self._current = None

    def add(self, text: str) -> int:
        """Add text to the current sentence (or start one); returns the sentence id."""
        if self._current is None:
            self.sentences.append("")
            self._current = len(self.sentences) - 1
        self.sentences[self._current] += text
        return self._current

    def current_text(self) -> str:
        """What the sentence being built holds so far ('' between sentences)."""
        return self.sentences[self._current] if self._current is not None else ""

    def finish(self) -> list[str]:
        """The sentences, with white space folded."""
        self.end_sentence()
        return [" ".join(sentence.split()) for sentence in self.sentences]

    def mark_plain(self, text: str) -> Markup:
        """HTML for plain text as its own block, each sentence in a span."""
        parts = []
        for sentence in split_sentences(text):
            self.end_sentence()
            parts.append(self._span(self.add(sentence), str(escape(sentence))))
        self.end_sentence()
        return Markup(" ".join(parts))

    def mark_inline(self, children: list[Token]) -> list[Token]:
        """Wrap the text of one block's inline tokens in sentence spans."""
        self.end_sentence()
        result: list[Token] = []
        for token in _merge_text(children):
            if token.type in ("text", "code_inline"):
                result += self._mark_text(token)
            elif token.type == "html_inline" and "spoken" in token.meta:
                sentence = self.add(token.meta["spoken"])
                result.append(_html(self._span(sentence, token.content)))
            elif token.type == "softbreak":
                if _ENDS_SENTENCE.search(self.current_text()):
                    self.end_sentence()
                elif self._current is not None:
                    self.add(" ")
                result.append(token)
            else:
                result.append(token)
        self.end_sentence()
        return result

    def _mark_text(self, token: Token) -> list[Token]:
        pieces = _BOUNDARY.split(token.content)
        marked: list[Token] = []
        for index, piece in enumerate(pieces):
            if index:
                self.end_sentence()
                marked.append(_html(" "))
            if not piece:
                continue
            if not piece.strip() and self._current is None:
                marked.append(_html(str(escape(piece))))
                continue
            sentence = self.add(piece)
            inner = (
                f"<code>{escape(piece)}</code>" if token.type == "code_inline" else escape(piece)
            )
            marked.append(_html(self._span(sentence, str(inner))))
        return marked

    @staticmethod
    def _span(sentence: int, html: str) -> str:
        return f'<span class="s" data-s="{sentence}">{html}</span>'


def _merge_text(children: list[Token]) -> list[Token]:
    """Join neighbouring text tokens, so a sentence is one span where it can be."""
    merged: list[Token] = []
    for token in children:
        if token.type == "text" and merged and merged[-1].type == "text":
            joined = Token("text", "", 0)
            joined.content = merged[-1].content + token.content
            merged[-1] = joined
        else:
            merged.append(token)
    return merged


def _html(content: str) -> Token:
    token = Token("html_inline", "", 0, meta={KIOSK_MARKUP: True})
    token.content = content
    return token
