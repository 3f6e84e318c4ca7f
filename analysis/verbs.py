"""Operative verbs and opening phrases: lexicon lookups. (Being written: see issue 3.)"""

from __future__ import annotations

import pandas as pd


def annotate_verbs(paragraphs: pd.DataFrame, language: str) -> pd.DataFrame:
    """Add ``verb_en`` and ``verb_class`` (empty until the verb lexicon lands)."""
    out = paragraphs.copy()
    out["verb_en"] = pd.Series([""] * len(out), index=out.index, dtype="str")
    out["verb_class"] = pd.Series([""] * len(out), index=out.index, dtype="str")
    return out
