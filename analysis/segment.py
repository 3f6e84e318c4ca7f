"""PDF-extracted text -> Parsed records. (Being written: see issue 2.)"""

from __future__ import annotations

from .model import Parsed


def parse_text(text: str, language: str, name: str = "<text>") -> Parsed:
    raise NotImplementedError("text parser not written yet")
