"""What the readers produce: plain records that both the text and the XML path fill in.

The readers (``segment`` for PDF-extracted text, ``akn`` for AKN4UN XML) turn a document into a
``Parsed`` record: metadata, an ordered list of ``Block`` (paragraphs and headings), footnotes,
artefacts and the character spans each came from. ``tables`` turns that into DataFrames.
Keeping this layer free of pandas makes the readers pure functions that are easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The sections of a resolution, in document order.
SECTIONS = ("preamble", "operative", "annex")

#: Metadata keys every Resolution carries (None when the document does not give them).
META_KEYS = (
    "symbol",
    "body",
    "session",
    "number",
    "language",
    "title",
    "agenda_item",
    "adopted",
    "distributed",
    "meeting",
    "committee",
    "committee_report",
    "source",
    "format",
)

Span = tuple[int, int]


@dataclass(frozen=True)
class Block:
    """One paragraph, sub-paragraph or heading, in document order.

    ``number`` is the number as written for operative and annex paragraphs (None for the
    preamble, whose ordinal ``tables`` assigns, and for an unnumbered single operative
    paragraph). ``sub`` is the sub-paragraph label without brackets ("أ", "a", "i"; nested
    labels joined with "."), empty on main paragraphs. ``phrase`` is the opening phrase when
    the source marks it up (XML bold/italic, ``**bold**`` in text), else empty: ``tables``
    detects it. ``spans`` are the raw character ranges of the input text this block was
    rebuilt from (text input only), so that nothing of the input goes unaccounted for.
    """

    kind: str  # "paragraph" or "heading"
    section: str  # one of SECTIONS
    text: str
    number: int | None = None
    sub: str = ""
    part: str = ""
    phrase: str = ""
    footnotes: tuple[int, ...] = ()
    line: int | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Footnote:
    """A footnote body; ``number`` is the marker as an integer (Eastern digits converted)."""

    number: int
    text: str
    line: int | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Artefact:
    """Input that is neither metadata, paragraph nor footnote: page furniture and the like.

    ``kind`` is one of: "recycle", "running_head", "page_number", "job_number", "barcode",
    "separator", "distribution", "masthead", "formula" (the XML's enacting formula; the text
    reader keeps it in ``Parsed.meta_spans``), "other".
    """

    kind: str
    text: str
    line: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Parsed:
    """Everything a reader found in one document."""

    meta: dict
    blocks: list[Block]
    footnotes: list[Footnote] = field(default_factory=list)
    artefacts: list[Artefact] = field(default_factory=list)
    #: (start, end, meta key) for the input text that went into the metadata.
    meta_spans: list[tuple[int, int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The decoded input text the spans point into (None for XML input).
    text: str | None = None
