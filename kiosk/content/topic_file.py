"""Read one topic file (front matter + Markdown) into a Topic, or say what is wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from frontmatter import YAMLHandler
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from pydantic import ValidationError

from kiosk.content.markdown import GlossaryMatcher, PageMarker, sanitise
from kiosk.content.models import Pictures, Source, Topic
from kiosk.content.problems import ContentProblem
from kiosk.content.schema import SLUG_PATTERN, TopicMeta, describe_errors
from kiosk.content.sentences import KIOSK_MARKUP, SentenceCollector
from kiosk.content.yaml_positions import YamlDocument, YamlError
from kiosk.ui.languages import LANGUAGES

_FRONT_MATTER = YAMLHandler()
#: Names that are pages of the kiosk itself (/<lang>/help), so no topic may have them.
RESERVED_SLUGS = {"help"}
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


class TopicFileError(Exception):
    """Collects the problems of one file; the topic is then not shown."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def load_topic(
    path: Path, lang: str, shown_as: str, md: MarkdownIt, matcher: GlossaryMatcher
) -> Topic:
    """Parse, validate and render `path`; raises TopicFileError naming every problem found."""
    file = _TopicFile(shown_as)
    front, body, document = file.split(file.read(path))
    problems = file.name_problems(path.stem)
    meta = file.validate(document, problems)
    attribution = LANGUAGES[lang].attribution(meta.source.kind, meta.whose)
    parsed = _ParsedTexts.of(meta, body, attribution.sentence, md, PageMarker(matcher))
    problems += parsed.problems(file, document, body_line=front.count("\n") + 1)
    if problems:
        raise TopicFileError(problems)
    return parsed.topic(lang, meta, path.stem, shown_as, body, attribution.card_line)


@dataclass(frozen=True)
class _TopicFile:
    """The steps of reading one file, each raising TopicFileError with its line."""

    shown_as: str

    def problem(self, message: str, line: int | None = None) -> ContentProblem:
        return ContentProblem(self.shown_as, message, line)

    def fail(self, message: str, line: int | None = None) -> TopicFileError:
        return TopicFileError([self.problem(message, line)])

    def read(self, path: Path) -> str:
        """The file's text, without a byte-order mark."""
        try:
            return path.read_text(encoding="utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            line = path.read_bytes()[: error.start].count(b"\n") + 1
            raise self.fail("the file is not UTF-8 text; save it as UTF-8", line) from error
        except OSError as error:
            raise self.fail(f"cannot read the file: {error.strerror}") from error

    def split(self, text: str) -> tuple[str, str, YamlDocument]:
        """Front matter (as text and as a YAML document with line numbers) and body."""
        if not _FRONT_MATTER.detect(text):
            raise self.fail(
                "the file must start with front matter: a line '---', the fields, a line '---'", 1
            )
        try:
            front, body = _FRONT_MATTER.split(text)
        except ValueError as error:  # an opening '---' without a closing one
            message = "the front matter has no end: put a line '---' after the last field"
            raise self.fail(message, 1) from error
        try:
            # `front` begins with the rest of the opening '---' line: its line 0 is file line 1.
            document = YamlDocument(front, first_line=1)
        except YamlError as error:
            raise self.fail(error.message, error.line) from error
        if not isinstance(document.data, dict):
            raise self.fail("the front matter must be a list of 'field: value' lines", 2)
        return front, body, document

    def name_problems(self, slug: str) -> list[ContentProblem]:
        """What is wrong with the file name (it becomes the topic's address)."""
        problems = []
        if slug in RESERVED_SLUGS:
            problems.append(
                self.problem(f"'{slug}' is a page of the kiosk itself; choose another name")
            )
        if not re.match(SLUG_PATTERN, slug):
            problems.append(
                self.problem(
                    "the file name may only hold lower-case letters, digits and single dashes, "
                    "ending in .md (for example 'kinderpardon.md')"
                )
            )
        return problems

    def validate(self, document: YamlDocument, problems: list[ContentProblem]) -> TopicMeta:
        """The front matter's fields, checked; every field error with its line."""
        try:
            return TopicMeta.model_validate(document.data)
        except ValidationError as error:
            problems += [
                self.problem(message, document.line_of(location))
                for location, message in describe_errors(error)
            ]
            raise TopicFileError(problems) from error


@dataclass
class _ParsedTexts:
    """The topic's texts, each parsed once in reading order (so sentence ids follow the page
    from top to bottom), to be checked for what a kiosk page cannot show and then rendered."""

    md: MarkdownIt
    env: dict
    marker: PageMarker
    sentences: SentenceCollector
    title_html: Markup
    summary: list[Token]
    attribution: list[Token]
    key_points: list[list[Token]]
    summary_length: int
    body: list[Token]
    body_is_empty: bool

    @classmethod
    def of(
        cls, meta: TopicMeta, body: str, attribution: str, md: MarkdownIt, marker: PageMarker
    ) -> _ParsedTexts:
        sentences = SentenceCollector()
        env = {"marker": marker, "sentences": sentences}
        title_html = sentences.mark_plain(meta.title)
        summary = md.parseInline(meta.summary, env)
        attribution_tokens = md.parseInline(attribution, env)
        key_points = [md.parseInline(point, env) for point in meta.key_points]
        summary_length = len(sentences.sentences)
        body_tokens = md.parse(body, env)
        return cls(md, env, marker, sentences, title_html, summary, attribution_tokens, key_points,
                   summary_length, body_tokens, not body.strip())  # fmt: skip

    def problems(
        self, file: _TopicFile, document: YamlDocument, body_line: int
    ) -> list[ContentProblem]:
        """Markdown a kiosk page cannot show, with its line; a missing text."""
        shown_as = file.shown_as
        found = _markdown_problems(self.summary, shown_as, document.line_of(["summary"]))
        for index, tokens in enumerate(self.key_points):
            found += _markdown_problems(tokens, shown_as, document.line_of(["key_points", index]))
        found += _markdown_problems(self.body, shown_as, body_line)
        if self.body_is_empty:
            found.append(file.problem("there is no text below the front matter", body_line + 1))
        return found

    def html(self, tokens: list[Token]) -> Markup:
        return sanitise(self.md.renderer.render(tokens, self.md.options, self.env))

    def topic(
        self, lang: str, meta: TopicMeta, slug: str, shown_as: str, body: str, card_line: str
    ) -> Topic:
        """The checked texts rendered into a Topic."""
        summary_html = self.html(self.summary)
        attribution_html = self.html(self.attribution)
        key_points_html = tuple(self.html(tokens) for tokens in self.key_points)
        body_html = self.html(self.body)
        spoken = self.sentences.finish()
        return Topic(
            lang=lang,
            slug=meta.slug or slug,
            file=shown_as,
            title=meta.title,
            card_title=meta.card_title,
            icon=meta.icon,
            order=meta.order,
            summary=meta.summary,
            whose=meta.whose,
            source=_source(meta),
            card_line=card_line,
            key_points=tuple(meta.key_points),
            body=body,
            title_html=self.title_html,
            summary_html=summary_html,
            attribution_html=attribution_html,
            key_points_html=key_points_html,
            body_html=body_html,
            terms=tuple(self.marker.marked),
            spoken_summary=tuple(spoken[: self.summary_length]),
            spoken_full=tuple(spoken),
            theme=meta.theme,
            pictures=_pictures(meta),
        )


def _pictures(meta: TopicMeta) -> Pictures | None:
    if meta.pictures is None:
        return None
    return Pictures(tuple(meta.pictures.key_points), tuple(meta.pictures.sections))


def _source(meta: TopicMeta) -> Source:
    source = meta.source
    return Source(
        organisation=source.organisation,
        title=source.title,
        date=source.date,
        sections=tuple(source.sections),
        url=str(source.url) if source.url else None,
        kind=source.kind,
    )


def _markdown_problems(
    tokens: list[Token], shown_as: str, first_line: int | None
) -> list[ContentProblem]:
    """What the Markdown of a text (its parsed tokens) uses that a kiosk page cannot show."""
    found: list[ContentProblem] = []
    for token, line in _walk(tokens, first_line):
        message = _unsupported(token)
        problem = ContentProblem(shown_as, message, line) if message else None
        if problem and problem not in found:
            found.append(problem)
    return found


def _walk(tokens: list[Token], first_line: int | None, parent_line: int | None = None):
    for token in tokens:
        line = parent_line
        if token.map is not None and first_line is not None:
            line = first_line + token.map[0]
        elif first_line is not None and parent_line is None:
            line = first_line
        yield token, line
        if token.children:
            yield from _walk(token.children, first_line, line)


def _unsupported(token: Token) -> str | None:
    if token.type in ("html_block", "html_inline") and not token.meta.get(KIOSK_MARKUP):
        return "HTML is not allowed in content; use Markdown only"
    if token.type == "heading_open" and token.tag == "h1":
        return "use '##' for headings: the title is the page's only top-level heading"
    if token.type == "image":
        return "pictures in the text are not supported; choose the topic's picture with 'icon'"
    if token.type == "link_open" and _SCHEME.match(str(token.attrGet("href") or "")):
        return (
            "links to websites cannot be opened on the kiosk; "
            "put the address in 'source.url' instead (it is shown as a QR code)"
        )
    return None
