"""The front matter a topic file must have, and plain messages when it does not."""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    AliasChoices,
    AnyHttpUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    ValidationError,
)

from kiosk.ui.icons import TOPIC_ICONS
from kiosk.ui.languages import DEFAULT_SOURCE_KIND, SOURCE_KINDS
from kiosk.ui.pictures import known_picture

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _date_as_text(value: object) -> object:
    """YAML reads 2016-05-01 as a date and 2026 as a number; the kiosk shows them as written."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _as_list(value: object) -> object:
    """One section may be written without list brackets."""
    return [value] if isinstance(value, str) else value


def _known_icon(name: str) -> str:
    if name not in TOPIC_ICONS:
        raise ValueError(f"unknown icon {name!r}; choose one of: {', '.join(sorted(TOPIC_ICONS))}")
    return name


def _known_kind(kind: str) -> str:
    if kind not in SOURCE_KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of: {', '.join(SOURCE_KINDS)}")
    return kind


def _one_sentence(text: str) -> str:
    if _SENTENCE_BREAK.search(text):
        raise ValueError("the summary must be one sentence")
    return text


#: An OpenMoji picture's name (kiosk/ui/pictures.py); None leaves that idea without one.
PictureName = Annotated[Text, AfterValidator(known_picture)]


class PicturesMeta(BaseModel):
    """A picture beside each idea, in order: the key points, and the sections of the text (each
    `##` heading with what follows). A translation without `pictures:` shares the Dutch ones."""

    model_config = ConfigDict(extra="forbid")

    key_points: list[PictureName | None] = []
    sections: list[PictureName | None] = []


class SourceMeta(BaseModel):
    """Where the text comes from: shown on every topic page and leaflet."""

    model_config = ConfigDict(extra="forbid")

    #: What the text is: the organisation's position, information or advice.
    kind: Annotated[Text, AfterValidator(_known_kind)] = DEFAULT_SOURCE_KIND
    organisation: Text
    title: Text
    date: Annotated[Text, BeforeValidator(_date_as_text)]
    sections: Annotated[list[Text], BeforeValidator(_as_list)] = []
    url: AnyHttpUrl | None = None


class TopicMeta(BaseModel):
    """The front matter of a topic file."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[Text, StringConstraints(max_length=90)]
    card_title: Annotated[Text, StringConstraints(max_length=40)]
    icon: Annotated[Text, AfterValidator(_known_icon)]
    order: StrictInt
    summary: Annotated[Text, AfterValidator(_one_sentence)]
    #: Whose text it is, as it reads in the attribution ("de PvdA"): `from`, or the older name
    #: `position_of`.
    whose: Text = Field(validation_alias=AliasChoices("from", "position_of"))
    source: SourceMeta
    key_points: Annotated[list[Text], Field(min_length=1, max_length=7)]
    slug: Annotated[Text, StringConstraints(pattern=SLUG_PATTERN)] | None = None
    #: The group the topic is shown in when a language has too many topics for one screen.
    theme: Annotated[Text, StringConstraints(max_length=40)] | None = None
    pictures: PicturesMeta | None = None


def describe_errors(error: ValidationError) -> list[tuple[tuple[str | int, ...], str]]:
    """Each validation error as (path in the front matter, plain message)."""
    described = []
    for item in error.errors(include_url=False):
        path = tuple(item["loc"])
        name = ".".join(str(part) for part in path) or "value"
        kind = item["type"]
        if kind == "missing":
            message = f"required field '{name}' is missing"
        elif kind == "extra_forbidden" and path == ("position_of",):
            message = "write 'from' or 'position_of', not both (they are the same field)"
        elif kind == "extra_forbidden":
            message = f"unknown field '{name}' (check the spelling)"
        elif kind == "string_pattern_mismatch" and path and path[-1] == "slug":
            message = f"'{name}' may only hold lower-case letters, digits and single dashes"
        else:
            text = item["msg"].removeprefix("Value error, ")
            message = f"'{name}': {text[0].lower() + text[1:]}"
        described.append((path, message))
    return described
