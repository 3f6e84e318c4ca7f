"""AKN4UN XML -> Parsed records. (Being written: see issue 2.)"""

from __future__ import annotations

from .model import Parsed


def parse_xml(data: bytes, name: str = "<xml>", language: str | None = None) -> Parsed:
    raise NotImplementedError("XML reader not written yet")
