"""The pictures editors put beside each idea: OpenMoji (npm `openmoji`, CC BY-SA 4.0), named
as OpenMoji names them ("house", "family", "money-bag": its English annotation, lower case,
words joined by dashes).

`scripts/copy_vendor_assets.py` writes every name into static/vendor/pictures/names.json and
copies only the pictures the content uses, so the check knows an unknown name from one that
is known but not copied yet.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from kiosk.ui.translation import N_

PICTURES_DIR = Path(__file__).resolve().parents[2] / "static" / "vendor" / "pictures"
NAMES_FILE = "names.json"
#: How the pictures' licence asks to be credited (help page, leaflet footer, README).
CREDIT = N_("Plaatjes: OpenMoji (openmoji.org), licentie CC BY-SA 4.0")


class MissingPicturesError(RuntimeError):
    """static/vendor/pictures/ was not filled by the setup step."""


def picture_name(annotation: str) -> str:
    """OpenMoji's annotation as a picture name: "money bag" → "money-bag", "Türkiye" →
    "turkiye"."""
    plain = unicodedata.normalize("NFKD", annotation).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


@cache
def picture_files(folder: Path = PICTURES_DIR) -> dict[str, str]:
    """Every picture name and its file (installed or not)."""
    try:
        return json.loads((folder / NAMES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise MissingPicturesError(
            f"{folder / NAMES_FILE} is missing or damaged: run ./kiosk.sh setup ({error})"
        ) from error


def known_picture(name: str) -> str:
    """`name` if OpenMoji has it (a ValueError that says what to write otherwise)."""
    if name not in picture_files():
        close = [known for known in picture_files() if known.startswith(name.split("-")[0])][:5]
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise ValueError(f"unknown picture {name!r} (an OpenMoji name such as 'house'{hint})")
    return name


def picture_file(name: str | None, folder: Path = PICTURES_DIR) -> str | None:
    """The installed file of a picture, relative to static/ ("vendor/pictures/1F3E0.svg");
    None for no picture, or one not copied (the content check says so)."""
    if not name:
        return None
    try:
        file = picture_files(folder).get(name)
    except MissingPicturesError:
        return None
    return f"vendor/pictures/{file}" if file and (folder / file).is_file() else None
