"""Two language versions of one resolution, paragraph by paragraph.

The UN publishes each resolution in six languages with the same structure: the same parts,
preambular and operative paragraphs and sub-paragraphs, in the same order. Their labels
differ ("الأول" / "I", "أ" / "a"), so rows are matched by position: the n-th part, its
section, the paragraph's number (its ordinal in the preamble) and the sub-paragraph's rank
under it. A row one version lacks is kept with the other side empty.
"""

from __future__ import annotations

import pandas as pd

from .resolution import Resolution

#: The columns of each version that ``align_paragraphs`` puts side by side.
ALIGNED = ("part", "number", "sub", "phrase", "verb_en", "text")
_KEYS = ["_part", "_section", "_number", "_repeat", "_sub"]
_SECTIONS = {"preamble": 0, "operative": 1, "annex": 2}


def paragraph_keys(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """``paragraphs`` with position keys that do not depend on the language: the part's rank
    (0 for the first), the section's (preamble, operative, annex), the paragraph's number
    (its ordinal in the preamble; 0 when it has none), which row of that number it is (a
    paragraph written as two rows, unnumbered annex paragraphs: 1, 2, ...) and the
    sub-paragraph's rank under it (0 for the paragraph itself). A paragraph one version
    lacks so shifts no other numbered one."""
    part_rank = {p: k for k, p in enumerate(dict.fromkeys(paragraphs["part"]))}
    numbers, repeats, subs = [], [], []
    seen: dict[tuple, int] = {}
    key, repeat, sub = 0, 0, 0
    for part, section, number, label in zip(paragraphs["part"], paragraphs["section"],
                                            paragraphs["number"], paragraphs["sub"],
                                            strict=True):
        if label:
            sub += 1
        else:
            key = 0 if pd.isna(number) else int(number)
            repeat = seen[(part, section, key)] = seen.get((part, section, key), 0) + 1
            sub = 0
        numbers.append(key)
        repeats.append(repeat)
        subs.append(sub)
    index = paragraphs.index
    return paragraphs.assign(
        _part=paragraphs["part"].map(part_rank).astype("int64"),
        _section=paragraphs["section"].map(lambda s: _SECTIONS.get(s, 3)).astype("int64"),
        _number=pd.Series(numbers, index=index, dtype="int64"),
        _repeat=pd.Series(repeats, index=index, dtype="int64"),
        _sub=pd.Series(subs, index=index, dtype="int64"))


def align_paragraphs(a: Resolution, b: Resolution) -> pd.DataFrame:
    """The paragraphs of two versions of one resolution side by side: section, then part,
    number, sub, phrase, verb_en and text of each, suffixed with its language ("text_ar",
    "text_en"; "_1" and "_2" for two versions in one language). Rows in document order; a
    row one version lacks has the other's columns empty.

    Raises ``ValueError`` for two different resolutions (their symbols differ).
    """
    if a.meta.get("symbol") != b.meta.get("symbol"):
        raise ValueError(f"not two versions of one resolution: {a.meta.get('symbol')} and "
                         f"{b.meta.get('symbol')}")
    left, right = (a.language, b.language) if a.language != b.language else ("1", "2")
    ka = paragraph_keys(a.paragraphs)[[*_KEYS, "section", *ALIGNED]]
    kb = paragraph_keys(b.paragraphs)[[*_KEYS, "section", *ALIGNED]]
    merged = ka.merge(kb, on=_KEYS, how="outer", suffixes=(f"_{left}", f"_{right}"))
    merged = merged.sort_values(_KEYS, kind="stable").reset_index(drop=True)
    section = merged[f"section_{left}"].fillna(merged[f"section_{right}"])
    return pd.concat([section.rename("section"),
                      merged[[f"{c}_{side}" for side in (left, right) for c in ALIGNED]]],
                     axis=1)
