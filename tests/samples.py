"""Material the tests share: the bundled content, the source page it was written from, and a
topic file that is valid in every way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
