"""From reader records to tidy DataFrames: blocks -> paragraphs, footnotes, artefacts.

Pure functions: they take the plain records of ``model`` and return DataFrames.
"""

from __future__ import annotations

import pandas as pd

from .model import Artefact, Block, Footnote, Parsed
from .phrases import head_verb, split_opening

PARAGRAPH_COLUMNS = ["part", "section", "number", "sub", "phrase", "verb", "text", "footnotes",
                     "heading", "line"]
HEADING_COLUMNS = ["part", "section", "before", "text", "line"]


def blocks_to_paragraphs(blocks: list[Block], language: str) -> pd.DataFrame:
    """One row per paragraph and sub-paragraph, in document order.

    The preamble gets its ordinal (1..N, restarting in each part); every main paragraph gets
    its opening phrase (from the markup or detected) and head verb; sub-paragraphs carry the
    number of the paragraph they belong to.
    """
    rows = []
    ordinal: dict[tuple[str, str], int] = {}
    heading = ""
    current_number: int | None = None
    last_part = None
    for b in blocks:
        if b.part != last_part:
            heading, last_part = "", b.part
        if b.kind == "heading":
            heading = b.text
            continue
        if b.section == "preamble":
            if not b.sub:
                ordinal[(b.part, b.section)] = ordinal.get((b.part, b.section), 0) + 1
            number = ordinal.get((b.part, b.section), 0)
        elif b.sub and b.number is None:
            number = current_number
        else:
            number = b.number
        if not b.sub:
            current_number = number
        phrase = b.phrase
        if not phrase and not b.sub and b.section != "annex":
            phrase = split_opening(b.text, language, b.section)
        rows.append({
            "part": b.part,
            "section": b.section,
            "number": number,
            "sub": b.sub,
            "phrase": phrase,
            "verb": head_verb(phrase, language) if phrase else "",
            "text": b.text,
            "footnotes": list(b.footnotes),
            "heading": heading,
            "line": b.line,
        })
    df = pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)
    df["number"] = df["number"].astype("Int64")
    df["line"] = df["line"].astype("Int64")
    for col in ("part", "section", "sub", "phrase", "verb", "text", "heading"):
        df[col] = df[col].astype("str")
    return df


def blocks_to_headings(blocks: list[Block]) -> pd.DataFrame:
    """Headings inside the resolution; ``before`` is the index of the paragraph row they head."""
    rows, n = [], 0
    for b in blocks:
        if b.kind == "heading":
            rows.append({"part": b.part, "section": b.section, "before": n, "text": b.text,
                         "line": b.line})
        else:
            n += 1
    df = pd.DataFrame(rows, columns=HEADING_COLUMNS)
    df["line"] = df["line"].astype("Int64")
    df["before"] = df["before"].astype("int64")
    return df


def footnotes_table(footnotes: list[Footnote], paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Footnotes with the paragraph rows (index into ``paragraphs``) that cite each."""
    cited: dict[int, list[int]] = {}
    for idx, marks in zip(paragraphs.index, paragraphs["footnotes"], strict=True):
        for m in marks:
            cited.setdefault(m, []).append(int(idx))
    df = pd.DataFrame({
        "number": [f.number for f in footnotes],
        "text": [f.text for f in footnotes],
        "cited_in": [cited.get(f.number, []) for f in footnotes],
        "line": [f.line for f in footnotes],
    }, columns=["number", "text", "cited_in", "line"])
    df["number"] = df["number"].astype("int64")
    df["text"] = df["text"].astype("str")
    df["line"] = df["line"].astype("Int64")
    df["citations"] = df["cited_in"].map(len).astype("int64")
    return df


def artefacts_table(artefacts: list[Artefact]) -> pd.DataFrame:
    df = pd.DataFrame([vars(a) for a in artefacts],
                      columns=["kind", "text", "line", "start", "end"])
    for col in ("line", "start", "end"):
        df[col] = df[col].astype("Int64")
    for col in ("kind", "text"):
        df[col] = df[col].astype("str")
    return df


def spans_table(parsed: Parsed) -> pd.DataFrame:
    """Every raw character range of a text input and where it went: the 'nothing lost' ledger.

    ``kind`` is meta, paragraph, heading, footnote or artefact; ``ref`` is the meta key, the
    block index, the footnote number or the artefact index.
    """
    rows = [(s, e, "meta", key) for s, e, key in parsed.meta_spans]
    for i, b in enumerate(parsed.blocks):
        rows += [(s, e, b.kind, str(i)) for s, e in b.spans]
    for f in parsed.footnotes:
        rows += [(s, e, "footnote", str(f.number)) for s, e in f.spans]
    for i, a in enumerate(parsed.artefacts):
        if a.start is not None:
            rows.append((a.start, a.end, "artefact", str(i)))
    df = pd.DataFrame(rows, columns=["start", "end", "kind", "ref"])
    return df.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
