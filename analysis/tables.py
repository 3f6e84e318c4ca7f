"""From reader records to tidy DataFrames: blocks -> paragraphs, footnotes, artefacts.

Pure functions: they take the plain records of ``model`` and return DataFrames.
"""

from __future__ import annotations

import functools

import pandas as pd

from .frames import as_list, columns_frame, rows_to_columns
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
    return columns_frame(paragraph_columns(blocks, language), PARAGRAPH_DTYPES)


def paragraph_columns(blocks: list[Block], language: str) -> dict[str, tuple]:
    """The columns of ``blocks_to_paragraphs`` (name -> values), before they are typed:
    for ``Resolution``, which adds columns and hands the lists to the extractors."""
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
        rows.append((b.part, b.section, number, b.sub, phrase,
                     _head_verb(phrase, language) if phrase else "", b.text, list(b.footnotes),
                     heading, b.line))
    return rows_to_columns(rows, PARAGRAPH_DTYPES)


# Opening phrases repeat within and across resolutions ("Recalling", "وإذ تشير"): each is
# read once.
_head_verb = functools.lru_cache(maxsize=1 << 14)(head_verb)


PARAGRAPH_DTYPES = {c: "Int64" if c in ("number", "line") else object if c == "footnotes"
                     else "str" for c in PARAGRAPH_COLUMNS}


def blocks_to_headings(blocks: list[Block]) -> pd.DataFrame:
    """Headings inside the resolution; ``before`` is the index of the paragraph row they head."""
    return columns_frame(*heading_columns(blocks))


def heading_columns(blocks: list[Block]) -> tuple[dict[str, tuple], dict]:
    """The columns of ``blocks_to_headings`` (name -> values) and their dtypes."""
    rows, n = [], 0
    for b in blocks:
        if b.kind == "heading":
            rows.append((b.part, b.section, n, b.text, b.line))
        else:
            n += 1
    # Without headings (most resolutions) the text columns stay the object columns of an
    # empty DataFrame.
    dtypes = _HEADING_DTYPES if rows else _NO_HEADING_DTYPES
    return rows_to_columns(rows, dtypes), dtypes


_HEADING_DTYPES = {"part": "str", "section": "str", "before": "int64", "text": "str",
                   "line": "Int64"}
_NO_HEADING_DTYPES = {k: object if v == "str" else v for k, v in _HEADING_DTYPES.items()}


def footnotes_table(footnotes: list[Footnote], paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Footnotes with the paragraph rows (index into ``paragraphs``, a DataFrame or
    ``frames.ColumnLists``) that cite each."""
    return columns_frame(*footnote_columns(footnotes, paragraphs))


def footnote_columns(footnotes: list[Footnote], paragraphs: pd.DataFrame
                     ) -> tuple[dict[str, tuple], dict]:
    """The columns of ``footnotes_table`` (name -> values) and their dtypes."""
    cited: dict[int, list[int]] = {}
    for idx, marks in zip(paragraphs.index, as_list(paragraphs["footnotes"]), strict=True):
        for m in marks:
            cited.setdefault(m, []).append(int(idx))
    rows = [(f.number, f.text, cited.get(f.number, []), f.line, len(cited.get(f.number, ())))
            for f in footnotes]
    # Without footnotes, cited_in stays the float64 column pandas makes of no lists.
    dtypes = {"number": "int64", "text": "str", "cited_in": object if rows else "float64",
              "line": "Int64", "citations": "int64"}
    return rows_to_columns(rows, dtypes), dtypes


def artefacts_table(artefacts: list[Artefact]) -> pd.DataFrame:
    return columns_frame(*artefact_columns(artefacts))


def artefact_columns(artefacts: list[Artefact]) -> tuple[dict[str, tuple], dict]:
    """The columns of ``artefacts_table`` (name -> values) and their dtypes."""
    return (rows_to_columns([(a.kind, a.text, a.line, a.start, a.end) for a in artefacts],
                            _ARTEFACT_DTYPES), _ARTEFACT_DTYPES)


_ARTEFACT_DTYPES = {"kind": "str", "text": "str", "line": "Int64", "start": "Int64",
                    "end": "Int64"}


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
