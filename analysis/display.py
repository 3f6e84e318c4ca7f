"""Arabic on screen: where the renderer shapes it, and where we must.

matplotlib 3.11 and later shape Arabic and lay it out right to left; text passed through
arabic_reshaper and python-bidi comes out backwards there. Older matplotlib and most terminals
do neither, so for them the text is shaped (joined letter forms) and reordered here.
"""

from __future__ import annotations

import functools
import re

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# Latin letters or digits at the start of a label, before any Arabic letter.
_LEADING_LTR = re.compile(r"^[\s(\[]*[A-Za-z0-9\u0660-\u0669]")
RLM = "\u200f"  # RIGHT-TO-LEFT MARK


@functools.cache
def matplotlib_shapes_arabic() -> bool:
    """True when the installed matplotlib lays out Arabic itself (3.11+)."""
    import matplotlib

    major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    return (major, minor) >= (3, 11)


def shape_rtl(text: str) -> str:
    """Join Arabic letter forms and reorder for a left-to-right renderer, line by line."""
    if not _ARABIC.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def rtl_label(text: str) -> str:
    """Prefix a right-to-left mark when Arabic text starts with Latin letters or digits."""
    if _ARABIC.search(text) and _LEADING_LTR.match(text):
        return RLM + text
    return text


def plot_text(text: str, *, shapes: bool | None = None) -> str:
    """Text for a matplotlib label: as is where matplotlib shapes Arabic, else shaped here."""
    shapes = matplotlib_shapes_arabic() if shapes is None else shapes
    lines = [rtl_label(line) for line in text.split("\n")]
    if shapes:
        return "\n".join(lines)
    # The mark has set the direction; a renderer that does not know it would draw a box.
    return "\n".join(shape_rtl(line).replace(RLM, "") for line in lines)


def terminal_text(text: str) -> str:
    """Text for a terminal that neither joins nor reorders Arabic, line by line."""
    return shape_rtl(text)
