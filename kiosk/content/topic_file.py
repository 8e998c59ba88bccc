"""Read one topic file (front matter + Markdown) into a Topic, or say what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

from frontmatter import YAMLHandler
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from pydantic import ValidationError

from kiosk.content.markdown import GlossaryMatcher, PageMarker, sanitise
from kiosk.content.models import Source, Topic
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

    def problem(message: str, line: int | None = None) -> ContentProblem:
        return ContentProblem(shown_as, message, line)

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        message = "the file is not UTF-8 text; save it as UTF-8"
        raise TopicFileError([problem(message, line)]) from error
    except OSError as error:
        raise TopicFileError([problem(f"cannot read the file: {error.strerror}")]) from error

    text = text.removeprefix("\ufeff")
    if not _FRONT_MATTER.detect(text):
        message = "the file must start with front matter: a line '---', the fields, a line '---'"
        raise TopicFileError([problem(message, 1)])
    try:
        front, body = _FRONT_MATTER.split(text)
    except ValueError as error:  # an opening '---' without a closing one
        message = "the front matter has no end: put a line '---' after the last field"
        raise TopicFileError([problem(message, 1)]) from error
    try:
        # `front` begins with the rest of the opening '---' line, so its line 0 is file line 1.
        document = YamlDocument(front, first_line=1)
    except YamlError as error:
        raise TopicFileError([problem(error.message, error.line)]) from error
    if not isinstance(document.data, dict):
        raise TopicFileError(
            [problem("the front matter must be a list of 'field: value' lines", 2)]
        )

    problems: list[ContentProblem] = []
    slug = path.stem
    if slug in RESERVED_SLUGS:
        problems.append(problem(f"'{slug}' is a page of the kiosk itself; choose another name"))
    if not re.match(SLUG_PATTERN, slug):
        problems.append(
            problem(
                "the file name may only hold lower-case letters, digits and single dashes, "
                "ending in .md (for example 'kinderpardon.md')"
            )
        )
    try:
        meta = TopicMeta.model_validate(document.data)
    except ValidationError as error:
        problems += [problem(msg, document.line_of(loc)) for loc, msg in describe_errors(error)]
        raise TopicFileError(problems) from error

    body_line = front.count("\n") + 1  # `body` begins on the closing '---' line
    marker = PageMarker(matcher)
    sentences = SentenceCollector()
    env = {"marker": marker, "sentences": sentences}
    # Each text is parsed once, in reading order (so sentence ids follow the page from top to
    # bottom), checked for what a kiosk page cannot show, and rendered if all is well.
    title_html = sentences.mark_plain(meta.title)
    summary = md.parseInline(meta.summary, env)
    problems += _markdown_problems(summary, shown_as, document.line_of(["summary"]))
    position = LANGUAGES[lang].position_phrase.format(whose=meta.position_of)
    attribution = md.parseInline(position, env)
    key_points = [md.parseInline(point, env) for point in meta.key_points]
    for index, tokens in enumerate(key_points):
        problems += _markdown_problems(tokens, shown_as, document.line_of(["key_points", index]))
    summary_length = len(sentences.sentences)
    body_tokens = md.parse(body, env)
    problems += _markdown_problems(body_tokens, shown_as, body_line)
    if not body.strip():
        problems.append(problem("there is no text below the front matter", body_line + 1))
    if problems:
        raise TopicFileError(problems)

    def html(tokens: list[Token]) -> Markup:
        return sanitise(md.renderer.render(tokens, md.options, env))

    summary_html = html(summary)
    attribution_html = html(attribution)
    key_points_html = tuple(html(tokens) for tokens in key_points)
    body_html = html(body_tokens)
    spoken = sentences.finish()
    source = meta.source
    return Topic(
        lang=lang,
        slug=meta.slug or slug,
        file=shown_as,
        title=meta.title,
        card_title=meta.card_title,
        icon=meta.icon,
        order=meta.order,
        summary=meta.summary,
        position_of=meta.position_of,
        source=Source(
            organisation=source.organisation,
            title=source.title,
            date=source.date,
            sections=tuple(source.sections),
            url=str(source.url) if source.url else None,
        ),
        key_points=tuple(meta.key_points),
        body=body,
        title_html=title_html,
        summary_html=summary_html,
        attribution_html=attribution_html,
        key_points_html=key_points_html,
        body_html=body_html,
        terms=tuple(marker.marked),
        spoken_summary=tuple(spoken[:summary_length]),
        spoken_full=tuple(spoken),
        theme=meta.theme,
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
