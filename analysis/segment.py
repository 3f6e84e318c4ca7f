"""PDF-extracted text -> Parsed records (issue 2).

Text extracted from the UN's PDFs keeps the page: footnote bodies where a page ended (often
between the two halves of a paragraph), running heads, page numbers, job numbers, bar codes
and the "please recycle" line; English text is hard-wrapped. The parser is a pipeline of pure
functions:

``text_to_lines`` -> ``lines_to_settings`` (how the text is laid out) -> ``lines_to_furniture``
(page furniture, by line) -> ``lines_to_header`` (cover-page metadata, see ``meta``) ->
``lines_to_roles`` (what each body line is) -> ``roles_to_blocks`` (paragraphs rejoined across
page breaks, footnotes) -> ``blocks_to_parsed`` (sections checked, single unnumbered operative
paragraph, truncation).

Rules, all general (none names a document):

- A line is a new block when it starts with a paragraph number ("١ -", "1."), a sub-item
  label ("(أ)", "(a)", "(i)", nested "(i)" after "(a)" and Arabic "’1‘" give "a.i", "أ.1"),
  is a heading, or (after a line ending in terminal punctuation) opens with a known opening
  phrase (``phrases.match_phrase``) or a leading space. Otherwise it continues the block
  before it (a hard-wrapped line; a hyphen ending a line joins the word, "medium- and" kept).
  In hard-wrapped text whose blocks are set apart by blank lines (or leading spaces), a line
  under one that had no room left for its first word is a wrapped line, whatever it starts
  with ("،" then "وإذ", an inline "(ج)"). Footnote markers alone on a line (wrapped away
  from their word) continue the block.
- Across a blank line, page furniture or a footnote block, a block continues the previous one
  when the previous lacks terminal punctuation ("،" "؛" "." ":" ";" ","), when it is in the
  operative part or numbered annex and starts with neither number nor label (except after a
  sub-item or a colon: text continuing a numbered paragraph, "as well as ...", takes its
  number), or (preamble, after a comma or colon) when it does not open like a preambular
  paragraph: a lower-case word; otherwise neither a known opening phrase nor the first word
  of one (in Arabic with a second word seen after it: "لا تزال", not "لا سيما"), an English
  participle before a lower-case word ("Rejecting the", "Firmly believing"), nor Arabic
  "إذ"/"وإذ"/"وقد" or و + verbal noun + منها ("واعترافا منها", "ورغبة منها"). But after a
  comma, one blank line with no furniture, footnote, form feed or second blank line since
  the block's last line starts a paragraph when the line opens with bold or, in English,
  with the form of a verb or participle (``phrases.section_by_form``: "Appoints", a verb no
  lexicon of session 75 has), unless the text is double-spaced (hard-wrapped lines that
  filled the width have a blank line under them, four in five or more). (Not any capital or
  Arabic word: the seed's page breaks are such a blank line too, and text goes on after
  them.) In an annex (lists of items without stops) a lone blank line with no page break
  ends an unnumbered block, punctuated or not, when page breaks leave a mark (running heads,
  page numbers, form feeds): a page break then puts furniture, footnotes or more blank lines
  between the halves of a paragraph. (Not before the annex, nor in text whose page breaks
  leave no mark: the seed has a lone blank line inside preambular paragraph 19, lines
  97-99.)
- A heading is a line without terminal punctuation and number, after a finished block and
  before a new one (number, label, opening phrase, another heading); in hard-wrapped text it
  may wrap over up to five lines. A part label alone ("I", "B", "أولا", "باء") or with a
  title ("II. Credentials ...") names a part when the numbering restarts after a later label
  or the part has its own preamble; otherwise it is a plain heading. "Annex", "Annex II",
  "المرفق الأول" start the annex (its part: "", "II", "الأول"); the label is no block.
  Several enacting formulas make a collection (75/101 A-B): its parts are its resolutions.
  "Rule 60", "Article 1", "المادة ٦٠" alone on a line are headings; the line under one that
  lacks terminal punctuation is its title when text follows on the same page (a page break
  in between would make it the first half of a paragraph). After a paragraph ending with a
  colon ("as follows:") a line is a heading only when a new block (number, label, opening
  phrase, table) follows it; else it is what the colon announces ("Thursday, 2 June: ...").
  In a numbered operative part or annex, text after an unnumbered paragraph (under a
  heading, "Article 6") that ends a sentence starts a new paragraph, as elsewhere.
  A heading of one to three words ("Redeployment", "النقل") names the kind of the items
  under it: in an annex, a line that opens with its words and goes on ("Redeployment of 2
  posts ...", "نقل وظيفتين ...": the Arabic article dropped) is an item, not a heading, and
  the line (or wrapped lines) right above an item is the item's heading (its unit), even
  after a page break.
  Under a plain heading (not a part label, annex label or article), a long line (over 80
  characters, 60% of the width) above another unpunctuated line is text, not a third
  heading in a row (in the corpus a heading between two headings is a part's title or
  under 50 characters). A heading wrapped narrower than the text (each line had room for
  the next line's first word: headings are indented) is a heading wherever an unpunctuated
  block may end. The line right above a table is its title.
- Footnote bodies are lines "(n) ..." whose number a marker ``^(n)`` cites (or the next
  footnote number when the text has no markers), and, after a separator line of underscores,
  lines "n ..." (pdftotext's way) whose marker came before them, unless the footnote line
  before did not end a sentence and the line does not open a capital ("Supplement No." then
  "17 (A/75/17)"); three blank lines end the footnote area. A footnote's wrapped lines
  follow it without a blank line; "(3)" right after a sub-item "(2)" is a list item, not a
  footnote. In text without any blank line the body goes on after the notes at the next
  sub-item or paragraph number, at a known opening phrase, or, under a note that ended its
  sentence, where the body's sentence was cut.
- Markers ``^(n)``/``^n`` (Eastern or Western digits) and superscript digits are removed from
  paragraph text and recorded in ``Block.footnotes`` (a marker set apart by a space before
  punctuation takes the space with it); when a text has footnote bodies but no such
  markers, digits glued to the end of a word ("Summit,1") are taken as markers, in footnote
  order only. ``**bold**`` is removed; bold opening words become ``Block.phrase``.
- Page furniture: lines made only of page numbers "n/N" (N the page count most such lines
  agree on), running heads (the symbol), job numbers ("13-44785 (A)", with a date code
  "070121"), bar codes ("*1344785*"); recycle lines, separator lines; on the cover page the
  masthead and "Distr.: General". Cover items side by side on one line must be 3+ spaces
  apart (pdftotext -layout) or two known items joined by one space.
- Unnumbered paragraphs right before the first numbered one that end with "." ":" ";" and
  open with an operative phrase ("Resolves that:") are operative; where the lexicon knows no
  phrase of theirs, the first word's form decides (``phrases.section_by_form``: an English
  third-person verb, "Ordains"; Arabic ت- without إذ/وإذ/وقد, "تعين"). So does a part's
  single unnumbered operative paragraph.
- A document is truncated when it has no operative paragraph, or when it has no closing lines
  ("70th plenary meeting" and the date) and its last paragraph does not end with a full stop.
- Tables (``lines_to_tables``): pdftotext -layout prints a row per line, cells three or more
  spaces apart. A table line has three cells, or two of which one is a number or both are
  short; a run of lines without blank line or page furniture that has two table lines is a
  table, and so is a run with one right before or after a table (a page break cut it). The
  whole run is one unnumbered block in its place and section, rows joined " || " and cells
  " | " as the XML reader writes tables; right-to-left rows are printed last cell first and
  read back in reading order. Lines of one cell in the run (group titles, notes under the
  table) are rows. Headings before an enacting formula are the title of a part: preamble.
  In hard-wrapped text, a note under the rows that fills the width without a stop goes on
  in the lines after the page break.
- In an annex, a known opening phrase right before a colon ("Abbreviations: ...",
  "المختصرات: ...") is the paragraph's opening phrase (set in italics in the PDF).
  Not supported: a cell wrapped over several lines inside its column (its words come out in
  line order); a table whose page-break piece has no two-cell line; footnotes in other forms
  ("1/" or bare numbers outside a footnote area), two columns.
- What the text cannot show (left as is): headings and paragraphs that both lack
  punctuation in alternation, where neither the items' kind nor the layout tells them
  apart (75/293 annex I B without blank lines, or with page breaks without furniture);
  a page break right after "،" where the next page opens "وإذ ..." inside one preambular
  paragraph (75/168, 75/205, 75/217).
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import NamedTuple

from . import meta as M
from .arabic import normalize_ar, normalize_presentation_forms
from .errors import ResolutionParseError
from .model import META_KEYS, Artefact, Block, Footnote, Parsed
from .phrases import (
    MINHA,
    match_phrase,
    normalize_word,
    section_by_form,
    waw_verbal_noun,
    words,
)

# --- characters and small patterns -----------------------------------------------------------

_DIGITS = "0-9\u0660-\u0669"  # Western and Eastern Arabic digits
#: Punctuation that may end a paragraph: Arabic comma U+060C, Arabic semicolon U+061B, . : ; ,
TERMINAL = "\u060c\u061b.:;,"
_CLOSERS = "\"'\u201d\u2019\u00bb"  # closing quotes that may follow the final punctuation
_FULL_STOP_END = re.compile(r"[.!?][" + _CLOSERS + r")\]]*$")

_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"  # superscript digits
# (The lookahead lets the regex engine skip to the next "^" or superscript: twice as fast.)
_MARKER = re.compile(rf"(?=[\^{_SUPERSCRIPTS}])(?:\^\(([{_DIGITS}]{{1,3}})\)"
                     rf"|\^([{_DIGITS}]{{1,3}})|([{_SUPERSCRIPTS}]{{1,3}}))")
_SUPERSCRIPT = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
                             "0123456789")
# The characters a marker starts with (both): a quick test before ``_MARKER`` scans a block.
_MARKER_START = re.compile(rf"[\^{_SUPERSCRIPTS}]")
_SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_MARKER_FIRST = frozenset("^" + _SUPERSCRIPT_DIGITS)
# A line of footnote markers alone (a marker after a space, wrapped onto the next line).
_MARKERS_ONLY = re.compile(rf"(?:{_MARKER.pattern}[ ]?)+[,.;:\u060c\u061b]?")
_LEADING_BOLD = re.compile(r"^\*\*(?P<phrase>[^*]{1,200})\*\*")
_TRAILING_MARKERS = re.compile(rf"(?:\^\(?[{_DIGITS}]{{1,3}}\)?|[{_SUPERSCRIPTS}]{{1,3}})$")
# A footnote number glued after a word and its comma or stop ("Convention,5"), not a time
# or a decimal ("11:00", "2.5").
_TRAILING_GLUED = re.compile(r"(?<=[^\d\s][,.;\u060c\u061b])\d{1,3}$")
_SPACES = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

_MARKS = "[\u200e\u200f\u202a-\u202e\u2066-\u2069]*"  # direction marks around numbers
# "١ - تحث", "1. Urges", "12.\tDecides", "1 -" alone, "\u200f19 -\u200f".
_NUMBER = re.compile(rf"^{_MARKS}(?P<n>[{_DIGITS}]{{1,3}}){_MARKS}\s*"
                     rf"(?:\.|[-\u2010\u2011\u2013\u2212]){_MARKS}(?=\s|$)\s*")
# The characters ``_NUMBER`` may start with: a direction mark or a digit.
_NUMBER_FIRST = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667"
                          "\u0668\u0669")
# "(أ)", "(هـ)", "(a)", "(iv)", "(aa)", "(أ أ)", "(1)"; Arabic nested "’1‘". Arabic letters
# may come as presentation forms (U+FE70..U+FEFC), e.g. "(ﻫ)".
_AR_LETTER = "[\u0621-\u064a\ufe70-\ufefc]\u0640?"
_LABEL = re.compile(
    rf"^{_MARKS}\(\s*(?P<label>[a-z]{{1,2}}|[ivxlc]{{1,6}}|{_AR_LETTER}(?: ?{_AR_LETTER})?"
    rf"|[{_DIGITS}]{{1,2}})\s*\)(?=\s|$)\s*"
    rf"|^[\u2018\u2019'](?P<nested>[{_DIGITS}]{{1,2}})[\u2018\u2019'](?=\s|$)\s*")
_FOOTNOTE_PAREN = re.compile(rf"^\((?P<n>[{_DIGITS}]{{1,3}})\)(?=\s|$)\s*")
_FOOTNOTE_BARE = re.compile(rf"^(?P<n>[{_DIGITS}]{{1,3}})(?=\s|$)\s*")
_SEPARATOR = re.compile(r"^[_\u2014\u2015\u2500\u2501]{3,}$")
_SEPARATOR_FIRST = frozenset("_\u2014\u2015\u2500\u2501")
#: The recycle line is short: longer lines are not read for it.
_MAX_RECYCLE_LINE = 40
#: First characters, besides digits, of the furniture of long lines (separators, tokens).
_FURNITURE_FIRST = _SEPARATOR_FIRST | {"*", "A"}
# Items of a cover-page line set apart by three or more spaces (pdftotext -layout).
_SEGMENT = re.compile(r"\S+(?:\s{1,2}\S+)*")
_PART_LATIN = re.compile(r"^(?P<label>[IVXLC]{1,6}|[A-Z])(?:\.|\s*[-\u2013]\s*|\s*$)\s*")
_ANNEX = {
    "en": re.compile(r"^(?:annex|appendix|attachment|enclosure)"
                     r"(?:\s+(?:[IVXLC]{1,6}|[A-Z]|\d{1,2}))?$", re.IGNORECASE),
    # المرفق, مرفق, المرفق الأول, التذييل (normalized: hamza forms and ta marbuta folded)
    "ar": re.compile(normalize_ar(r"^(?:ال)?(?:مرفق|تذييل)(?:ات)?(?: \S+){0,2}$")),
}
# The heading of an article of rules or of an agreement: "Rule 60", "Article 1", "المادة ٦٠"
# (normalized: the ta marbuta folded).
_ARTICLE = re.compile(normalize_ar(rf"^(?:rule|article|regulation|المادة|القاعدة)"
                                   rf" [{_DIGITS}]{{1,3}}(?: ?[a-z]| (?:bis|ter))?$"),
                      re.IGNORECASE)
_PARTICIPLE = re.compile(r"^[A-Z][a-z]{2,}(?:ing|ed)$")
_LOWER_START = re.compile(r"^[\"'\u201c\u2018(]*[a-z\u00e0-\u00ff]")
_UPPER_START = re.compile(r"^[\"'\u201c\u2018(]*[A-Z\u00c0-\u00de]")
_WORD = re.compile(r"[^\s\"'\u201c\u2018(*]+")

# Page furniture tokens (a line is furniture when it is made only of these).
_FURNITURE_TOKEN = re.compile(
    rf"(?P<page_number>[{_DIGITS}]{{1,3}}/[{_DIGITS}]{{1,3}})(?=\s|$)"
    rf"|(?P<job_number>[{_DIGITS}]{{2}}-[{_DIGITS}]{{5}}(?:\s?\([A-Z]\))?)(?=\s|$)"
    r"|(?P<date_code>[0-3]\d[01]\d\d\d)(?=\s|$)"  # "070121" printed after a job number
    r"|(?P<barcode>\*[0-9A-Z]{5,12}\*)(?=\s|$)"
    r"|(?P<running_head>A/RES/(?:S-|ES-)?\d{1,3}/\d{1,4}(?:\s?[A-Z](?:-[A-Z])?)?)(?=\s|$)")
_MAX_FURNITURE_LINE = 120

# A table row as pdftotext -layout prints it: cells three or more spaces apart.
_CELL_GAP = re.compile(r"\s{3,}")
# What a number cell is made of: digits (Western, Eastern), spaces grouping thousands, "(1)"
# for a negative, "-" or the dash U+2013 for nil, Arabic decimal/thousands marks U+066B, U+066C.
_NUMERIC_CELL = frozenset("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667"
                          "\u0668\u0669 ,.()%-\u2013\u2014\u066b\u066c")
_SHORT_CELL = 6  # words: "Category   Number of posts" is a header, not two sentences
_RIGHT_TO_LEFT = frozenset({"ar"})

#: Words after a "suspended" hyphen ("medium- and long-term"), where the space is real.
_SUSPENDED_HYPHEN = frozenset({"and", "or", "to", "and/or", "et", "ou", "y", "o"})
_AR_PARTICLES = ("إذ", "وإذ", "وقد", "وإذا", "إن")
_AR_LETTERS = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"  # abjad order of Arabic sub-item labels
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
           "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx")


# --- records ------------------------------------------------------------------------------

class Line(NamedTuple):
    """One input line: 1-based number, offsets of its non-space content, the content."""

    no: int
    start: int
    end: int
    text: str
    indent: bool = False  # the line starts with a space (a paragraph break in some extractions)
    page: bool = False  # a form feed (page break) precedes the content


# (a Line's fields read of each line at C speed)
_INDENT, _TEXT, _SPAN = itemgetter(4), itemgetter(3), itemgetter(1, 2)
_LAST = itemgetter(-1)  # (of a non-empty string: its last character)


@dataclass(frozen=True)
class Settings:
    """How a text is laid out, measured once from the text itself."""

    language: str
    name: str = "<text>"
    wrap: int = 0  # width of hard-wrapped lines; 0 when each line is a whole paragraph
    indent_marks: bool = False  # a leading space marks a new paragraph
    max_heading: int = 150  # longest line taken for a heading
    has_markers: bool = True  # the text writes footnote markers as ^(n) or superscripts
    cited: frozenset[int] = frozenset()  # footnote numbers cited by markers
    first_cited: dict[int, int] = field(default_factory=dict)  # number -> first marker offset
    #: numbered paragraphs follow a blank line (or a leading space): in hard-wrapped text a
    #: plain line break is then a wrap, unless the line before stopped short of the width
    blank_breaks: bool = False
    rows: frozenset[int] = frozenset()  # indices of the lines that are table rows
    #: hard-wrapped text with a blank line after (nearly) every line: blank lines then do not
    #: set blocks apart
    double_spaced: bool = False
    #: no line has two spaces together, a tab or another unprintable character, nor a
    #: superscript digit: lines joined by one space need no squeezing, and only "^" may
    #: start a footnote marker
    plain: bool = False


class Role(NamedTuple):
    """What one body line is (a named tuple, as ``Line``: one is made per line but blank ones
    and the wrapped lines a continuation carries in ``more``).

    ``kind``: artefact, meta, footnote, footnote_more, paragraph, sub, heading,
    label (an annex heading: its part name, not a block), continuation. A heading with
    ``label`` "part" names a part ("I", "B", "أولا") if the numbering restarts after it.
    ``body`` is the offset in the line text where the block's own text starts (after its
    number or label).
    """

    line: Line
    kind: str
    section: str = ""
    part: str = ""
    number: int | None = None
    label: str = ""
    body: int = 0
    artefacts: tuple[Artefact, ...] = ()
    meta: tuple[str, object] | None = None
    more: tuple[Line, ...] = ()  # a continuation's lines wrapped under it (one role a run)


@dataclass
class Header:
    meta: dict = field(default_factory=dict)
    spans: list = field(default_factory=list)
    artefacts: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def _record(cls: type, **fields):
    """``cls(**fields)`` for the frozen records of ``model`` (Block, Footnote, Artefact), every
    field given: their ``__init__`` sets each field through ``object.__setattr__`` (a Block
    took 1.4 us, this 0.55; a text makes some 80 records)."""
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    return obj


# --- stage 1: lines and layout ----------------------------------------------------------------

def text_to_lines(text: str) -> list[Line]:
    """Split on "\n" keeping offsets; each line's span covers its non-space content."""
    lines, pos, page = [], 0, False
    make = tuple.__new__  # (a Line without the named tuple's keyword handling: one per line)
    feeds = "\f" in text  # (most texts have no form feed: no line is searched for one)
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped == raw and raw:  # (no space around the content, most lines: no offset)
            lines.append(make(Line, (no, pos, pos + len(raw), raw, False,
                                     page or (feeds and "\f" in raw))))
            page = False
        elif stripped:
            start = pos if stripped[0] == raw[0] else pos + len(raw) - len(raw.lstrip())
            lines.append(make(Line, (no, start, start + len(stripped), stripped,
                                     raw[0] in " \t\u00a0", page or (feeds and "\f" in raw))))
            page = False
        else:
            lines.append(make(Line, (no, pos, pos, "", False, False)))
            page = page or (feeds and "\f" in raw)
        pos += len(raw) + 1
    return lines


def lines_to_settings(lines: list[Line], language: str, name: str, text: str) -> Settings:
    """Measure the layout: hard-wrap width, whether indents mark paragraphs, marker style."""
    texts = list(map(_TEXT, lines))
    sizes = list(map(len, texts))
    rows = frozenset()
    # (is_table_line's first test inlined, first on the whole text: most have no table; three
    # spaces are looked for where two are, which ``plain`` asks about too)
    doubled = "  " in text
    printable = all(map(str.isprintable, texts))
    if (doubled and "   " in text) or not printable:
        rows = frozenset([i for i, t in enumerate(texts)
                          if ("   " in t or not t.isprintable()) and is_table_line(t)])
    # table rows are as long as they need
    lengths = sorted([n for i, n in enumerate(sizes) if n > 20 and i not in rows] if rows
                     else filter((20).__lt__, sizes))
    wrap = 0
    if len(lengths) >= 5:
        p90 = lengths[int(0.9 * (len(lengths) - 1))]
        near = len(lengths) - bisect.bisect_left(lengths, 0.75 * p90)
        if p90 <= 130 and near >= 0.3 * len(lengths):
            wrap = p90
    n_content = len(texts) - texts.count("")
    indented = sum(map(_INDENT, lines))  # (blank lines have none)
    indent_marks = 0 < indented < 0.5 * max(n_content, 1)
    # lines that filled the width, and those of them with text right under them
    limit = 0.8 * wrap
    full = ([i for i, n in enumerate(sizes[:-1]) if n >= limit] if wrap else [])
    runs_on = sum(1 for i in full if texts[i + 1])
    first_cited: dict[int, int] = {}
    superscripts = False
    for m in _markers(text):
        first_cited.setdefault(_marker_number(m), m.start())
        superscripts = superscripts or m.group(3) is not None
    cited = frozenset(first_cited)
    return Settings(language=language, name=name, wrap=wrap,
                    indent_marks=indent_marks,
                    has_markers=bool(cited), cited=cited, first_cited=first_cited, rows=rows,
                    double_spaced=len(full) >= 3 and runs_on < 0.2 * len(full),
                    blank_breaks=bool(wrap) and _blank_breaks(lines, language, indent_marks),
                    plain=printable and not doubled and not superscripts)


def _blank_breaks(lines: list[Line], language: str, indent_marks: bool) -> bool:
    """Paragraphs are set apart by a blank line (or a leading space where ``indent_marks``:
    elsewhere indents are the extraction's noise): nine in ten numbered
    lines, and four in five lines that open with a known phrase after a clause end, follow
    one. (pdftotext often runs preambular paragraphs together: then a line break after a
    comma may start a paragraph.)"""
    texts = list(map(_TEXT, lines))
    # (_number_at's test, its number not read)
    at = frozenset([i for i in range(1, len(lines))
                    if texts[i][:1] in _NUMBER_FIRST and _NUMBER.match(texts[i])])
    numbered = [not texts[i - 1] or (indent_marks and lines[i].indent) for i in at]
    if not (len(numbered) >= 3 and sum(numbered) >= 0.9 * len(numbered)):
        return False  # (the numbered lines decide alone: no phrase to look up)
    apart, joined = [], []  # lines after a clause end that may open with a phrase
    for i in range(1, len(lines)):
        text, before = texts[i], texts[i - 1]
        if (text and (not before or (not before[-1].isalpha()  # (ends a word: no)
                                     and _is_terminal(_strip_end(before))))
                and i not in at):
            (apart if not before or (indent_marks and lines[i].indent) else joined).append(text)
    n_joined = sum(1 for text in joined if _phrase(text, language))
    n_apart = 0
    for text in apart:  # (the share only grows with each one: stop once it is enough)
        if n_apart >= 0.8 * (n_apart + n_joined):
            return True
        n_apart += bool(_phrase(text, language))
    return n_apart >= 0.8 * (n_apart + n_joined)


def _markers(text: str) -> Iterator[re.Match]:
    """``_MARKER.finditer(text)``, three times faster on a whole text: matched only where a
    marker's first character is (the engine steps slowly through the lookahead). Without
    superscript digits that is a "^", found by ``str.find`` (searching the ten digits and
    then the "^" at C speed takes two thirds of the time of ``_MARKER_START``)."""
    if any(map(text.__contains__, _SUPERSCRIPT_DIGITS)):
        end = 0
        for c in _MARKER_START.finditer(text):
            if c.start() >= end:
                m = _MARKER.match(text, c.start())
                if m:
                    end = m.end()
                    yield m
        return
    find, match = text.find, _MARKER.match
    at = find("^")
    while at >= 0:
        m = match(text, at)
        at = find("^", m.end() if m else at + 1)
        if m:
            yield m


def _markers_only(text: str) -> bool:
    """A line of footnote markers alone (asked of most lines: their first character rules
    it out)."""
    return text[:1] in _MARKER_FIRST and _MARKERS_ONLY.fullmatch(text) is not None


def _marker_number(m: re.Match) -> int:
    digits = m.group(1) or m.group(2) or m.group(3).translate(_SUPERSCRIPT)
    return int(normalize_ar(digits))


# --- stage 2: page furniture ---------------------------------------------------------------------

def lines_to_furniture(lines: list[Line], language: str) -> dict[int, tuple[Artefact, ...]]:
    """Artefacts by line index: page numbers, running heads, job numbers, bar codes, recycle
    lines and separator lines. A page number "n/N" counts only when N is the page count most
    lines agree on (so that "68/192" in running text is not taken for a page number)."""
    found: dict[int, list[tuple[str, int, int, str]]] = {}
    kind_of, token_at, none = M.furniture_kind, _FURNITURE_TOKEN.match, _opens_no_furniture()
    # (the length and first character rule out most lines: only the others are looked at)
    for i in [i for i, t in enumerate(map(_TEXT, lines)) if t and (
            (len(t) <= _MAX_RECYCLE_LINE and t[0] not in none)
            or (len(t) <= _MAX_FURNITURE_LINE and (
                t[0] in _FURNITURE_FIRST or t[0].isdecimal())))]:
        ln = lines[i]
        text = ln.text
        first = text[0]
        if first in _SEPARATOR_FIRST and _SEPARATOR.match(text):
            found[i] = [("separator", ln.start, ln.end, text)]
        elif len(text) <= _MAX_RECYCLE_LINE and kind_of(text, ("recycle",)):
            found[i] = [("recycle", ln.start, ln.end, text)]
        elif (first.isdecimal() or first in ("*", "A")) and (m := token_at(text)):
            if m.end() == len(text) and m.lastgroup != "date_code":
                # (most furniture lines: one token, the whole line, as _furniture_tokens
                # finds it)
                found[i] = [(m.lastgroup, ln.start, ln.end, text)]
                continue
            tokens = _furniture_tokens(text)  # (its first token matched: the call may pay)
            if tokens:
                found[i] = [(k, ln.start + s, ln.start + e, text[s:e]) for k, s, e in tokens]
    # (int reads Eastern Arabic digits as normalize_ar writes them: checked for all 1-3
    # digit strings)
    totals = [int(t.split("/")[1]) for toks in found.values()
              for k, _, _, t in toks if k == "page_number"]
    total = max(set(totals), key=totals.count) if totals else None
    out = {}
    for i, toks in found.items():
        if all(_page_ok(t, total) for k, _, _, t in toks if k == "page_number"):
            no = lines[i].no
            out[i] = tuple([_record(Artefact, kind=k, text=t, line=no, start=s, end=e)
                            for k, s, e, t in toks])
    return out


@functools.cache
def _opens_no_furniture() -> frozenset[str]:
    """ASCII letters that open no page furniture: no token ("A", digits), nor the recycle
    line's words once normalized (``M.furniture_kind`` rules them out so). A short line
    opening with one is not looked at (most short lines: a paragraph's last line)."""
    return frozenset(c for c in map(chr, range(128)) if c.isalpha() and c not in _FURNITURE_FIRST
                     and not M._may_open(c, ("recycle",)))


def _furniture_tokens(text: str) -> list[tuple[str, int, int]] | None:
    """Split a line into furniture tokens, or None if anything else is on it."""
    first = text.lstrip()[:1]
    if not (first.isdecimal() or first in ("*", "A")):
        return None  # no token starts so (nor an empty line)
    pos, tokens = 0, []
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _FURNITURE_TOKEN.match(text, pos)
        if not m:
            return None
        tokens.append((m.lastgroup, m.start(), m.end()))
        pos = m.end()
    kinds = {k for k, _, _ in tokens}
    if "date_code" in kinds:
        if "job_number" not in kinds:
            return None
        tokens = [("job_number" if k == "date_code" else k, s, e) for k, s, e in tokens]
    return tokens or None


def _page_ok(token: str, total: int | None) -> bool:
    n, of = map(int, token.split("/"))  # (int reads Eastern Arabic digits: see above)
    return of == total and 1 <= n <= of


# --- stage 3: the cover page --------------------------------------------------------------------

def find_formula(lines: list[Line], furniture: dict, settings: Settings) -> int:
    """Index of the enacting formula line, or raise ResolutionParseError."""
    for i, ln in enumerate(lines):
        if ln.text and i not in furniture and M.is_formula(ln.text, settings.language):
            return i
    first = next((ln for i, ln in enumerate(lines) if ln.text and i not in furniture
                  and not _header_kind(ln.text, settings.language)), None)
    last = next((ln for ln in reversed(lines) if ln.text), None)
    if last is None:
        raise ResolutionParseError("the text is empty", source=settings.name, line=1,
                                   expected="the text of a resolution")
    reversed_at = next((ln for ln in lines if ln.text and M.is_formula(ln.text[::-1],
                                                                       settings.language)), None)
    if reversed_at is not None and reversed_at.text[::-1] != reversed_at.text:
        raise ResolutionParseError(
            "the enacting formula is written backwards: Arabic in visual order (the extractor "
            "reversed each line)", source=settings.name, line=reversed_at.no,
            expected="text in logical order (pdftotext writes it so)")
    where = first or last
    raise ResolutionParseError(
        "no enacting formula found", source=settings.name, line=where.no,
        expected='the enacting formula ("The General Assembly," / "إن الجمعية العامة،") '
                 "before the preambular paragraphs")


def collection_start(lines: list[Line], formula: int, furniture: dict, settings: Settings
                     ) -> int:
    """Where the body starts: the enacting formula, or, in a collection of resolutions
    (75/101 A-B: several formulas), the label of its first part ("A", "ألف") when that
    stands between the title and the formula."""
    # (the label is looked for first: most texts have none, and then no later formula is)
    for i in range(formula - 1, -1, -1):
        ln = lines[i]
        if not ln.text or i in furniture:
            continue
        if M.parse_symbol_title(ln.text):
            break
        label = _part_label(ln.text, settings.language)
        if label and label == ln.text.rstrip("."):
            later = any(M.is_formula(text, settings.language)
                        for text in map(_TEXT, lines[formula + 1:])
                        if text and len(text) <= M.MAX_FORMULA_LINE)
            return i if later else formula
    return formula


# Cover-page items whose text may wrap onto the next line.
_WRAPPING = frozenset({"title", "committee", "adopted", "agenda_title"})


@functools.lru_cache(maxsize=1024)  # cover pages repeat their lines across resolutions
def _header_kind(text: str, language: str) -> str | None:
    """Which cover-page item a line (or a segment of a layout line) is."""
    kind = M.furniture_kind(text)
    if kind == "body":
        return "body"
    if kind:
        return kind  # masthead, distribution, recycle
    if M.parse_symbol(text):
        return "symbol"
    if M.parse_session(text, language) is not None:
        return "session"
    if M.parse_agenda_item(text, language) is not None:
        return "agenda_item"
    if M.is_adoption_line(text, language):
        return "adopted"
    if M.is_committee_line(text, language):
        return "committee"
    if M.parse_date(text):
        return "date"
    if M.parse_symbol_title(text):
        return "title"
    return None


def lines_to_header(lines: list[Line], furniture: dict, settings: Settings) -> Header:
    """Cover-page metadata from the lines above the enacting formula.

    Layout extractions put several items on one line separated by wide gaps ("United
    Nations      A/RES/76/186"), so each line is split at runs of 3+ spaces. A line that is no
    known item continues the item above it when that item wraps (title, committee, adoption
    line), or is the agenda item's name right under "Agenda item n"; anything else is kept as
    an artefact "other" with a warning.
    """
    head = Header()
    items: list[list] = []  # [key, [(start, end, text)], line_no]
    prev_key, prev_blank = None, True
    for i, ln in enumerate(lines):
        if not ln.text:
            prev_blank = True
            continue
        if i in furniture:
            for a in furniture[i]:
                if a.kind == "running_head" and "symbol" not in [it[0] for it in items]:
                    items.append(["symbol", [(a.start, a.end, a.text)], ln.no])
                else:
                    head.artefacts.append(a)
            continue
        for s, e, seg, key in _segments(ln, settings.language):
            if key == "date":
                key = _date_key(items)
            if key in ("masthead", "distribution", "recycle"):
                head.artefacts.append(_record(Artefact, kind=key, text=seg, line=ln.no, start=s,
                                                    end=e))
                prev_key = key
                continue
            if key is None and prev_key == "title" and _latin_letter(_MARKER.sub("", seg)):
                key = "letter"  # "B" (or "باء") under the title of 75/253 B
            if key is None and prev_key is not None and not prev_blank and (
                    prev_key in _WRAPPING and _wraps(items[-1], prev_key, settings.language)):
                items[-1][1].append((s, e, seg))
                continue
            if key is None and prev_key == "agenda_item" and not prev_blank:
                key = "agenda_title"
            if key is None:
                head.artefacts.append(_record(Artefact, kind="other", text=seg, line=ln.no,
                                                    start=s, end=e))
                head.warnings.append(f"line {ln.no}: cover-page text not understood: {seg[:60]!r}")
                prev_key = None
                continue
            items.append([key, [(s, e, seg)], ln.no])
            prev_key = key
        prev_blank = False
    for key, parts, _no in items:
        _header_item(head, key, parts, settings.language)
    return head


def _latin_letter(text: str) -> str | None:
    """"B" -> "B", "باء" -> "B" (the letter of a resolution of a series)."""
    text = text.strip().rstrip(".")
    if len(text) == 1 and "A" <= text <= "Z":
        return text
    kind, value = M.part_labels().get(M.normalize(text), ("", 0))
    return chr(ord("A") + value - 1) if kind == "letter" else None


def _segments(ln: Line, language: str) -> list[tuple[int, int, str, str | None]]:
    """The items of a cover-page line with their kinds (``_header_kind``): parts apart by 3+
    spaces, and an unknown part split in two known ones when one space joins them ("United
    Nations A/RES/75/247")."""
    out = []
    for m in _SEGMENT.finditer(ln.text):
        start, seg = ln.start + m.start(), m.group()
        kind = _header_kind(seg, language)
        cut = _known_halves(seg, language) if kind is None else None
        if cut:
            left, right = seg[:cut[0]], seg[cut[1]:]
            out += [(start, start + cut[0], left, _header_kind(left, language)),
                    (start + cut[1], start + len(seg), right, _header_kind(right, language))]
        else:
            out.append((start, start + len(seg), seg, kind))
    return out


def _known_halves(seg: str, language: str) -> tuple[int, int] | None:
    """Where to cut a segment into two known cover-page items, or None."""
    if len(seg) > 120:
        return None
    for m in re.finditer(" ", seg):
        left, right = seg[: m.start()], seg[m.end():]
        if _header_kind(left, language) and _header_kind(right, language):
            return m.start(), m.end()
    return None


def _date_key(items: list) -> str:
    """A date alone on a cover-page line: the distribution date (under "Distr.: General",
    or the first date), else the adoption date of a wrapped adoption line."""
    keys = [it[0] for it in items]
    if "adopted" in keys and keys[-1] == "adopted":
        return "adopted_date"
    return "distributed" if "distributed" not in keys else "date_other"


def _wraps(item: list, key: str, language: str) -> bool:
    """Whether a cover-page item is unfinished and so continues on the next line."""
    text = " ".join(t for _, _, t in item[1])
    if key == "committee":
        return text.count("[") > text.count("]")
    if key == "adopted":
        return M.parse_adopted(text, language) is None
    return True


def _header_item(head: Header, key: str, parts: list, language: str) -> None:
    text = _join_pieces([t for _, _, t in parts])
    meta = head.meta
    spans = [(s, e, key) for s, e, _ in parts]
    if key == "title":
        info = M.parse_symbol_title(text, meta.get("session"))
        s0, e0, first = parts[0]
        cut = info["title_start"]
        spans[0:1] = [(s0, s0 + len(first[:cut].rstrip()), "symbol")] + (
            [(s0 + cut, e0, "title")] if s0 + cut < e0 else [])  # the title may start below
        meta.setdefault("symbol", info["symbol"])
        meta.setdefault("session", info["session"])
        meta.setdefault("number", info["number"])
        if not meta["symbol"].startswith(info["symbol"]):
            head.warnings.append(f"symbol {meta['symbol']} on the cover page but {info['symbol']} "
                                 "before the title")
        meta["title"] = _SPACES.sub(" ", info["title"]).strip()
    elif key == "symbol":
        info = M.parse_symbol(text)
        meta["symbol"], meta["number"] = info["symbol"], info["number"]
        meta.setdefault("session", info["session"])
    elif key == "letter":
        letter = _latin_letter(_MARKER.sub("", text))
        if letter and meta.get("number") and not meta["number"].endswith(letter):
            meta["number"] = f"{meta['number']} {letter}"
            meta["symbol"] = f"{meta['symbol']} {letter}"
        spans = [(s, e, "symbol") for s, e, _ in spans]
    elif key == "session":
        meta["session"] = M.parse_session(text, language)
    elif key == "agenda_item":
        meta["agenda_item"] = M.parse_agenda_item(text, language)
    elif key == "agenda_title":
        meta["agenda_title"] = text
    elif key in ("adopted", "adopted_date"):
        prev = next((sp for sp in reversed(head.spans) if sp[2] == "adopted"), None)
        if key == "adopted_date" and prev:
            meta["adopted"] = M.parse_date(text)
        else:
            meta["adopted"] = M.parse_adopted(text, language)
        spans = [(s, e, "adopted") for s, e, _ in spans]
    elif key == "committee":
        found = M.parse_committee(text, language)
        meta["committee"], meta["committee_report"] = found if found else (None, None)
    elif key == "distributed":
        meta["distributed"] = M.parse_date(text)
    elif key == "date_other":
        head.warnings.append(f"cover-page date {text!r} not understood")
        spans = [(s, e, "date") for s, e, _ in spans]
    elif key == "body":
        meta["body"] = "GA"  # the cover page names the General Assembly
    head.spans += spans


# --- stage 4: body roles ------------------------------------------------------------------------

@functools.lru_cache(maxsize=8192)  # asked several times of the same line (open block, heading)
def _strip_end(text: str) -> str:
    """The text without trailing footnote markers, bold marks, closing quotes and invisible
    direction marks (U+200B..U+200F, U+202A..U+202E, U+2066..U+2069, U+FEFF)."""
    tail = text[-50:]
    last = tail[-1:]
    if (last and not last.isspace() and not last.isdecimal() and last not in _TAIL_CHARS
            and not _INVISIBLE.search(tail)):
        return tail  # nothing at the end to strip (most lines end with a letter or a stop)
    return _strip_tail(tail)


#: Last characters, besides spaces and digits, that ``_strip_tail`` may remove or read a
#: marker from: "*", ")" of "^(n)", superscript digits, closing quotes.
_TAIL_CHARS = frozenset("*)\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
                        + _CLOSERS)


@functools.lru_cache(maxsize=4096)  # asked several times of the same line's end
def _strip_tail(text: str) -> str:
    """``_strip_end`` of the last 50 characters, all it looks at."""
    text = _INVISIBLE.sub("", text).rstrip().rstrip("*")
    text = _TRAILING_MARKERS.sub("", text).rstrip()
    text = _TRAILING_GLUED.sub("", text)
    return text.rstrip(_CLOSERS + " ")


def ends_terminal(text: str) -> bool:
    """Whether a block ends with terminal punctuation ("،" "؛" "." ":" ";" ",")."""
    return _is_terminal(_strip_end(text))


def _is_terminal(end: str) -> bool:
    return bool(end) and end[-1] in TERMINAL + "?!"


def _ends_strong(text: str) -> bool:
    """Ends a sentence or clause list (". " ":" ";" "؛"), not after an abbreviation."""
    end = _strip_end(text)
    if not end or end[-1] not in ".:;\u061b":
        return False
    last = end.rsplit(" ", 1)[-1].casefold()
    return last not in _abbreviations()


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbreviation"].casefold() for r in M._rows("abbreviations.csv"))


def _ends_weak(text: str) -> bool:
    """Ends with a comma: preambular paragraphs do, and so do many mid-sentence page breaks."""
    end = _strip_end(text)
    return bool(end) and end[-1] in ",\u060c"


@functools.cache
def _phrase_counts(language: str) -> dict[tuple[str, ...], int]:
    """How often the lexicon saw each opening phrase (normalized words -> occurrences)."""
    counts: dict[tuple[str, ...], int] = {}
    for row in M._rows("opening_phrases.csv"):
        if row["language"] == language:
            key = tuple(normalize_word(m.group(), language) for m in words(row["phrase"]))
            counts[key] = counts.get(key, 0) + int(row["occurrences"] or 0)
    return counts


@functools.cache
def _opening_words(language: str) -> frozenset[str]:
    """Normalized first words of the known opening phrases, plus the Arabic particles that
    open preambular paragraphs."""
    found = {w for w in _first_word_counts(language) if len(w) > 1}
    if language == "ar":
        found |= _particle_keys()
    return frozenset(found)


@functools.cache
def _second_words(language: str) -> dict[str, frozenset[str] | None]:
    """For each first word of a known phrase, the words seen after it (None when the word is
    a phrase alone: "Recalling")."""
    after: dict[str, set[str] | None] = {}
    for key in _phrase_counts(language):
        if len(key) == 1:
            after[key[0]] = None
        elif after.get(key[0], set()) is not None:
            after.setdefault(key[0], set()).add(key[1])
    return {w: None if s is None else frozenset(s) for w, s in after.items()}


def _known_start(first: str, second: str, language: str) -> bool:
    """The first word opens known phrases and, in Arabic (no capitals to tell a sentence
    going on), the second can follow it: "لا تزال" but not "لا سيما" ("especially", after a
    page break). English takes any second word ("Deeply alarmed" unseen)."""
    if first not in _opening_words(language):
        return False
    if language != "ar" or first in _particle_keys():
        return True
    seconds = _second_words(language).get(first)
    return seconds is None or not second or normalize_word(second, language) in seconds


@functools.cache
def _particle_keys() -> frozenset[str]:
    """The Arabic particles that open preambular paragraphs, normalized."""
    return frozenset(normalize_ar(w) for w in _AR_PARTICLES)


#: Lexicon phrases seen once are often headings or list items mined by mistake ("Gross").
_MIN_SEEN = 2
#: Phrases opening this many paragraphs in the lexicon are common enough to end the one before.
_COMMON = 20


def _phrase(text: str, language: str, section: str | None = None, seen: int = 1
            ) -> str | None:
    """``phrases.match_phrase`` without the lexicon's one-letter entries ("a", "و", "-"),
    list labels and conjunctions mined by mistake; with ``seen``, only phrases the lexicon
    met that often (headings mined as phrases, "Gross", are met once)."""
    found = _match_phrase(_unbold(text[:400]), language, section)
    if not found or len(found) < 3:
        return None
    if seen > 1 and _seen(found, language) < seen:
        return None
    return found


@functools.lru_cache(maxsize=4096)  # phrases repeat: "Recalling", "Decides"
def _seen(phrase: str, language: str) -> int:
    """How often the lexicon saw phrases opening with the first word of ``phrase``."""
    return _first_word_counts(language).get(normalize_word(words(phrase)[0].group(), language), 0)


@functools.lru_cache(maxsize=4096)  # a line is asked with and without its section
def _match_phrase(text: str, language: str, section: str | None) -> str | None:
    return match_phrase(text, language, section)


@functools.cache
def _first_word_counts(language: str) -> dict[str, int]:
    """Normalized first word of the opening phrases -> occurrences of all phrases it opens."""
    totals: dict[str, int] = {}
    for key, n in _phrase_counts(language).items():
        if key:
            totals[key[0]] = totals.get(key[0], 0) + n
    return totals


def _first_word(text: str) -> str:
    m = _WORD.search(text[:200].replace("**", " "))
    return m.group().strip(".,;:،؛") if m else ""


def _unbold(text: str) -> str:
    """``text`` without bold marks ("*" is looked for first: a one-character search is
    several times faster than one for "**")."""
    return text.replace("**", "") if "*" in text else text


def opens_paragraph(text: str, language: str, lexicon_only: bool = False) -> bool:
    """Whether a line opens like a preambular or operative paragraph: a known opening phrase,
    else (unless ``lexicon_only``) the first word of one (and, in English, a capital)."""
    clean = _unbold(text[:400])
    if language != "ar" and not _UPPER_START.match(clean):
        return False
    if _phrase(clean, language):
        return True
    if lexicon_only:
        return False
    # (the first three words of ``clean[:200]``, the only ones read)
    found = [m for _, m in zip(range(3), _WORD.finditer(clean, 0, 200), strict=False)]
    if not found:
        return False
    word = found[0].group().strip(".,;:،؛")
    second = found[1].group() if len(found) > 1 else ""
    if language == "ar":
        norm = normalize_ar(word)
        if norm == "\u0648" and second:  # a detached "و" ("و إذ تشير"): read it with the next
            norm += normalize_ar(second)
            second = found[2].group() if len(found) > 2 else ""
        # و + a verbal noun + منها: "واعترافا منها", "ورغبة منها"
        masdar = waw_verbal_noun(norm, feminine=True) and normalize_ar(second) == MINHA
        return _known_start(norm, second, language) or masdar
    if not word[:1].isupper():
        return False
    # a participle or adjective heading the clause ("Rejecting the", "Seized of"), perhaps
    # after an adverb ("Firmly believing"), not a proper name ("United Nations")
    participle = bool(_PARTICIPLE.match(word)) and second[:1].islower()
    adverb = (word.endswith("ly") and second[:1].islower()
              and bool(_PARTICIPLE.match(second.capitalize())))
    return _known_start(word.casefold(), second, language) or participle or adverb


def _number_at(text: str) -> tuple[int, int] | None:
    if text[:1] not in _NUMBER_FIRST:
        return None  # (most lines: no number starts so)
    m = _NUMBER.match(text)
    return (int(normalize_ar(m.group("n"))), m.end()) if m else None


def _label_at(text: str) -> tuple[str, bool, int] | None:
    """(label, is_nested_digit_form, end) for a sub-item label at the start of a line."""
    m = _LABEL.match(text)
    if not m:
        return None
    if m.group("nested"):
        return normalize_ar(m.group("nested")), True, m.end()
    label = normalize_presentation_forms(_SPACES.sub(" ", m.group("label")))
    return label, False, m.end()


def _digit_label_next(text: str) -> int | None:
    """The number after a sub-item label written "(n)" (a numbered list), else None."""
    m = _FOOTNOTE_PAREN.match(text)
    return int(m.group("n")) + 1 if m else None


def _part_label(text: str, language: str) -> str | None:
    """The part label of a heading: "I", "II", "A", "B" (optionally ". Title"), "أولا", "باء"."""
    m = _PART_LATIN.match(text)
    if m:
        rest = text[m.end():]
        if not rest or rest[:1].isupper() or not rest[:1].isascii():
            return m.group("label")
    first = text[:1]
    initial = first if first in _ASCII_KEPT else normalize_ar(text[:30]).lstrip()[:1]
    if initial not in _part_label_initials():
        return None  # no Arabic part label starts so (an English line, most Arabic lines)
    words = M.normalize(text[:30]).split(" ")
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) >= n and head in M.part_labels() and (
                len(words) == n or words[n] in ("-", "\u2013", ".")):
            return text.split()[0] if n == 1 else " ".join(text.split()[:2])
    return None


#: ASCII characters that ``normalize_ar`` keeps as they are (all but spaces): a line's first
#: letter when it is one of them.
_ASCII_KEPT = frozenset(c for c in map(chr, range(33, 127)) if normalize_ar(c) == c)


@functools.cache
def _part_label_initials() -> frozenset[str]:
    """First characters of the normalized Arabic part labels ("أولا", "باء")."""
    return frozenset(label[:1] for label in M.part_labels())


def is_annex_heading(text: str, language: str) -> bool:
    """"Annex", "Annex II", "Appendix", "المرفق", "المرفق الأول" alone on a line."""
    if len(text) > 60:
        return False
    norm = M.normalize(text).rstrip(".:")
    if len(norm) > 40:
        return False
    pats = [_ANNEX[language]] if language in _ANNEX else list(_ANNEX.values())
    return any(p.match(norm) for p in pats)


def table_cells(text: str, language: str) -> list[str]:
    """The cells of a table line in reading order (right-to-left rows come last cell first)."""
    cells = _CELL_GAP.split(text.strip())
    return cells[::-1] if language in _RIGHT_TO_LEFT else cells


def _is_number(cell: str) -> bool:
    return any(ch.isdigit() for ch in cell) and all(ch in _NUMERIC_CELL for ch in cell)


def is_table_line(text: str) -> bool:
    """A line of a table: three or more cells, or two of which one is a number or both are
    short ("Total   10 024", "Category   Number of posts"). Running text has no such gaps (a
    justified line spreads its spaces over all its words)."""
    if "   " not in text and (text.isprintable() or not _CELL_GAP.search(text)):
        return False  # (in printable text the only space is " ")
    return _is_table_row(text)


@functools.lru_cache(maxsize=4096)  # asked of a line when measuring the layout and for tables
def _is_table_row(text: str) -> bool:
    cells = _CELL_GAP.split(text.strip())
    if len(cells) >= 3:
        return True
    return len(cells) == 2 and (any(map(_is_number, cells))
                                or all(len(c.split()) <= _SHORT_CELL for c in cells))


def lines_to_tables(lines: list[Line], first: int, furniture: dict, rows: frozenset[int],
                    wrap: int = 0) -> dict[int, bool]:
    """Lines of tables by index: True for the first line of a table, False for the others.

    A table is a run of lines with no blank line or page furniture in it that has two table
    lines (``is_table_line``), or one when the run comes right before or after a table (page
    furniture, footnote bodies or blank lines between: a page break cut the table) or is
    that line alone (a row of signatures). All lines of the run belong to it: a group title
    or a note under the rows is a row of one cell. But a numbered paragraph's first line (no
    row itself) and the closing meeting line start a run of their own, which the next row
    ends (with the indented lines right above it, the table's header): text without blank
    lines runs paragraphs, tables and the closing lines together. ``rows``: the lines that
    are table rows. In hard-wrapped text (``wrap``), a note that fills the width without
    ending a sentence goes on in the run after the page break.
    """
    if not rows:
        return {}  # (most resolutions: no table)
    runs: list[list[int]] = [[]]
    prose = False  # the current run is a paragraph's text: a row starts a new one
    for i in range(first, len(lines)):
        text = lines[i].text
        if not text or i in furniture:
            if runs[-1]:
                runs.append([])
            prose = False
            continue
        if i in rows:
            if prose:  # (indented lines right above the row are the table's header)
                k = len(runs[-1])
                while k > 1 and lines[runs[-1][k - 1]].indent:
                    k -= 1
                runs[-1], head = runs[-1][:k], runs[-1][k:]
                runs.append(head)
                prose = False
        elif (text[:1] in _NUMBER_FIRST and _number_at(text)) or (
                M.parse_meeting(text, "") is not None):
            if runs[-1]:
                runs.append([])
            prose = True
        runs[-1].append(i)
    runs = [r for r in runs if r and not _FOOTNOTE_PAREN.match(lines[r[0]].text)]
    counts = [sum(1 for i in run if i in rows) for run in runs]
    table = [n >= 2 or (n == 1 and len(run) == 1) for n, run in zip(counts, runs, strict=True)]
    grown = True
    while grown:  # a table cut by several page breaks grows a run at a time
        grown = False
        for k, n in enumerate(counts):
            if n and not table[k] and ((k and table[k - 1])
                                       or (k + 1 < len(runs) and table[k + 1])):
                table[k] = grown = True
    for k in range(1, len(runs)):
        last = lines[runs[k - 1][-1]].text
        if (wrap and table[k - 1] and not table[k] and "   " not in last
                and not ends_terminal(last) and _filled(last, lines[runs[k][0]].text, wrap)
                and any(j in furniture for j in range(runs[k - 1][-1], runs[k][0]))):
            table[k] = True  # the rest of a note cut by a page break
    out: dict[int, bool] = {}
    for k, run in enumerate(runs):
        if table[k]:
            out.update((i, j == 0 and not (k and table[k - 1])) for j, i in enumerate(run))
    return out


@dataclass
class _State:
    """The running state of ``lines_to_roles`` (local to one call)."""

    section: str = "preamble"
    part: str = ""
    last_number: int | None = None
    fresh_part: bool = False  # a part heading was just seen: numbering may restart
    open_kind: str = "formula"  # kind of the block the next line may continue
    open_text: str = ""  # last line of that block (for terminal punctuation)
    open_colon: bool = False  # it ends with a colon (after ``_strip_end``)
    open_terminal: bool = False  # it ends with terminal punctuation (``ends_terminal``)
    open_weak: bool = False  # it ends with a comma (``_ends_weak``)
    open_line: int = -1  # index of that block's last line
    #: that block ended at a lone blank line: its last line, one blank line, no page gap
    open_ended: bool = False
    category: tuple[str, ...] = ()  # words of the last short heading (``_category_key``)
    open_numbered: bool = False  # that block has (or continues) a paragraph number
    heading_more: int = 0  # lines still to come of a heading wrapped over several
    parent: int | None = None  # number of the current main paragraph (its sub-items')
    flush: bool = False  # the current paragraph continues a numbered one (no number printed)
    letter: str | None = None  # current sub-item letter of the current paragraph
    roman: str | None = None
    digit_next: int | None = None  # after a sub-item "(2)": 3, the next of its list
    after_label: bool = False  # the line before was an annex label ("Annex", "المرفق")
    zone: bool = False  # inside a footnote area (after a separator line)
    #: since the last body line: page furniture, a footnote, a form feed or two blank lines
    #: in a row (a page break may have cut the block)
    page_gap: bool = False
    footnote_open: bool = False  # the previous line was part of a footnote
    note_text: str = ""  # that line
    bodied: set = field(default_factory=set)
    next_footnote: int = 1
    closed: bool = False  # the closing lines were seen
    collection_start: bool = False  # the body starts with the label of a collection's part
    annex_numbered: bool = False
    warnings: list = field(default_factory=list)


def lines_to_roles(lines: list[Line], first: int, furniture: dict, settings: Settings
                   ) -> tuple[list[Role], list[str]]:
    """Classify each body line (from index ``first``, after the formula)."""
    st = _State()
    st.collection_start = first < len(lines) and not M.is_formula(lines[first].text,
                                                                  settings.language)
    roles: list[Role] = []
    tables = lines_to_tables(lines, first, furniture, settings.rows, settings.wrap)
    prev_content = False  # the previous line was body text (a soft, single-newline break)
    indent_marks = settings.indent_marks
    make = tuple.__new__  # (a Role without the named tuple's keyword handling)
    marked = pages_marked(lines, furniture)
    lang, n = settings.language, len(lines)
    # no blank line anywhere in the body: no blank line closes the notes at a page's foot
    run_together = all(map(_TEXT, lines[first:]))
    i = first - 1
    while (i := i + 1) < n:  # (a while loop: a run of wrapped lines is taken at once)
        ln = lines[i]
        if not ln.text:  # (no role: a blank line is part of no block)
            prev_content = False
            st.footnote_open = False
            if i >= 1 and not lines[i - 1].text:
                st.page_gap = True
                if i >= 2 and not lines[i - 2].text:
                    st.zone = False  # three blank lines: a page gap without furniture
            continue
        if i in tables and not st.closed:
            roles.append(_table_line(st, ln, tables[i] or st.open_kind != "table"))
            prev_content = False
            continue
        if ln.page:
            st.zone, st.page_gap = False, True
        if i in furniture:
            arts = furniture[i]
            roles.append(Role(ln, "artefact", label=arts[0].kind, artefacts=arts))
            st.zone = arts[0].kind == "separator"
            st.footnote_open, st.page_gap = False, True
            prev_content = False
            continue
        # (_footnote_at's first test made here: most lines cannot start a footnote)
        fn = (_footnote_at(ln.text, st, settings, ln.start)
              if ln.text[0] == "(" or st.zone else None)
        if fn is not None:
            number, body = fn
            st.bodied.add(number)
            st.next_footnote = number + 1
            st.footnote_open, st.note_text, st.page_gap = True, ln.text, True
            roles.append(Role(ln, "footnote", number=number, body=body))
            prev_content = False
            continue
        if st.footnote_open and not (run_together and _body_resumes(ln.text, st,
                                                                     settings.language)):
            st.note_text = ln.text
            roles.append(Role(ln, "footnote_more"))
            continue
        st.footnote_open = False
        st.zone = False
        if (prev_content and not st.open_terminal and st.open_kind not in _STRUCTURAL
                and not st.closed and not st.collection_start
                and not (indent_marks and ln.indent)
                and (len(text := ln.text) > M.MAX_MEETING_LINE
                     or _meeting(text, lang) is None)):
            # a wrapped line of an unfinished sentence, as ``_body_line`` finds it before
            # any other test (most lines of wrapped text): no call for it; and the lines
            # under it while each ends with a word and the next is plain text, as the tests
            # above find them (in a run, the state they read does not change)
            run = i
            while True:
                if text[0] in _MARKER_FIRST:
                    _continue_open(st, text)  # (markers: the loop decides)
                    break
                if not text[-1].isalpha():
                    _set_open_text(st, text)  # (punctuation: the loop decides)
                    break
                st.open_text = text
                st.open_colon = st.open_terminal = st.open_weak = False
                if (i + 1 == n or not (t := (nxt := lines[i + 1]).text) or t[0] == "("
                        or nxt.page or i + 1 in furniture or i + 1 in tables
                        or (indent_marks and nxt.indent)
                        or (len(t) <= M.MAX_MEETING_LINE and _meeting(t, lang) is not None)):
                    break
                i, text = i + 1, t
            roles.append(make(Role, (ln, *_CONTINUATION, tuple(lines[run + 1:i + 1]))))
            st.page_gap = False
            st.open_line = i
            continue
        # (text after a numbered paragraph continues it: its second line, "as well as ...")
        st.open_ended = (marked and not prev_content and st.section == "annex"
                         and not st.open_numbered and not st.page_gap
                         and st.open_line == i - 2 and not lines[i - 1].text)
        role = _body_line(lines, i, st, settings, prev_content)
        roles.append(role)
        st.page_gap = False
        kind = role.kind
        prev_content = kind in ("paragraph", "sub", "heading", "continuation")
        if prev_content or kind == "label":
            st.open_line = i
        if kind in ("paragraph", "sub", "heading", "label"):
            st.open_kind = "heading" if kind == "label" else kind
            st.after_label = kind == "label"
            _set_open_text(st, ln.text)
            st.open_numbered = role.number is not None
            st.digit_next = _digit_label_next(ln.text) if kind == "sub" else None
        elif kind == "continuation":
            _continue_open(st, ln.text)
    return roles, st.warnings


_PAGE = itemgetter(5)  # (a Line's ``page``)

#: The fields of a continuation line's Role after its line.
_CONTINUATION = ("continuation", *list(Role._field_defaults.values())[:-1])


def pages_marked(lines: list[Line], furniture: dict) -> bool:
    """Whether page breaks leave a mark: running heads, page numbers or form feeds. Where
    they do not (the seed: one blank line, lines 97-99), a lone blank line may be one."""
    return any(map(_PAGE, lines)) or any(  # (the lines' ``page`` read at C speed)
        a.kind in ("running_head", "page_number") for arts in furniture.values() for a in arts)


def _meeting(text: str, language: str) -> int | None:
    """``M.parse_meeting``, not asked of a line that opens with a Latin letter: no closing
    line naming the meeting does ("70th plenary meeting", "الجلسة العامة ٧٠")."""
    return None if text[:1] in _LATIN_LETTERS else M.parse_meeting(text, language)


_LATIN_LETTERS = frozenset(string.ascii_letters)


def _continue_open(st: _State, text: str) -> None:
    """A continuation line becomes the open block's last line; markers alone on a line are
    read with the line before them (its end decides)."""
    _set_open_text(st, f"{st.open_text} {text}" if _markers_only(text) else text)


def _set_open_text(st: _State, text: str) -> None:
    """The last line of the open block, and how it ends (asked of it several times)."""
    st.open_text = text
    last = text[-1:]
    # (most lines end with a letter or a stop: nothing to strip)
    if not (last.isalpha() or last in _STOPS):
        last = _strip_end(text)[-1:]
    st.open_colon, st.open_terminal, st.open_weak = last == ":", last in _STOPS, last in _COMMAS


#: Terminal punctuation, which none of ``_strip_end``'s steps strips from a line's end.
_STOPS = frozenset(TERMINAL + "?!")
_COMMAS = frozenset(",\u060c")  # ("," "،": ``_ends_weak``)


def _table_line(st: _State, ln: Line, first: bool) -> Role:
    """A line of a table: the first starts an unnumbered block, the others continue it."""
    st.open_kind, st.after_label, st.heading_more = "table", False, 0
    _set_open_text(st, "")
    st.footnote_open = st.zone = False
    if not first:
        return Role(ln, "continuation")
    _reset_subs(st)
    return Role(ln, "paragraph", section=st.section, part=st.part, label="table")


def _footnote_at(text: str, st: _State, settings: Settings, start: int
                 ) -> tuple[int, int] | None:
    """A footnote body starting on this line: (number, offset of its text), or None."""
    if text[:1] != "(" and not st.zone:
        return None  # (most lines: neither form can start so)
    m = _FOOTNOTE_PAREN.match(text)
    if not m and st.zone:
        m = _FOOTNOTE_BARE.match(text)
    if not m:
        return None
    n = int(m.group("n"))  # (int reads Eastern Arabic digits as normalize_ar would write them)
    if n in st.bodied:
        return None
    if not st.zone and st.open_kind == "sub" and st.digit_next == n:
        return None  # "(3)" after the sub-item "(2)": a list, not a footnote
    if m.re is _FOOTNOTE_BARE:  # "17 ..." may be a wrapped line of the footnote before
        cited = n in settings.cited or not settings.has_markers
        # cited above: a note is printed at the foot of its marker's page ("8 June 1977"
        # under note 1 is text when marker 8 comes later)
        cited = cited and settings.first_cited.get(n, 0) <= start
        # under a note that did not end a sentence, only the next note opening with a
        # capital ("Supplement No." then "17 (A/75/17)" is one note; "annex" then
        # "3 Resolution 71/256" two)
        ok = cited and n >= st.next_footnote and not (
            st.footnote_open and not _ends_strong(st.note_text) and not (
                n == st.next_footnote and text[m.end():m.end() + 1].isupper()))
    elif settings.has_markers:
        ok = n in settings.cited
    else:
        ok = n == st.next_footnote
    return (n, m.end()) if ok else None


def _body_line(lines: list[Line], i: int, st: _State, settings: Settings, soft: bool) -> Role:
    """Decide what a body line is; update the state."""
    ln, lang = lines[i], settings.language
    text = ln.text
    meeting = _meeting(text, lang)
    if meeting is not None:
        st.closed, st.open_kind = True, "closing"
        return Role(ln, "meta", label="meeting", meta=("meeting", meeting))
    if st.closed and st.open_kind == "closing" and (adopted := M.parse_date(text)):
        st.open_kind = "closing_date"
        return Role(ln, "meta", label="adopted", meta=("adopted", adopted))
    # (under a line break alone, "Annex II" follows a finished sentence: not "resolution
    # 70/1," wrapped before "annex.")
    if (not soft or (_open_strong(st) and not _LOWER_START.match(text))) and (
            is_annex_heading(text, lang)):
        st.section, st.part, st.last_number = "annex", annex_part(text, lang), None
        st.annex_numbered, st.closed, st.category = False, False, ()
        _reset_subs(st)
        return Role(ln, "label", section="annex", part=st.part)
    if (st.closed or st.open_kind in _STRUCTURAL) and M.is_formula(text, lang):
        # the formula, or that of the next resolution of a collection (75/101 A-B)
        st.closed, st.section, st.last_number, st.open_kind = False, "preamble", None, "formula"
        _reset_subs(st)
        return Role(ln, "meta", label="formula", meta=("formula", text))
    label = _part_label(text, lang) if st.closed or st.collection_start else None
    if label and label == text.rstrip("."):
        # the label of a resolution of a collection ("A", "B"), before its formula
        st.closed = st.collection_start = False
        st.section, st.last_number, st.open_kind = "preamble", None, "heading"
        _reset_subs(st)
        return Role(ln, "heading", section="preamble", part=label, label="collection")
    if st.open_kind in ("paragraph", "sub") and _markers_only(text):
        return Role(ln, "continuation")  # markers that wrapped away from their word
    if st.closed:
        st.warnings.append(f"line {ln.no}: text after the closing lines, outside any annex")
        return Role(ln, "artefact", label="other",
                    artefacts=(Artefact("other", text, ln.no, ln.start, ln.end),))
    after_break = (not soft or st.open_terminal or st.open_kind in _STRUCTURAL
                   or (settings.indent_marks and ln.indent))  # a leading space: a new block
    if not after_break:  # a wrapped line of an unfinished sentence: no rule below applies
        return Role(ln, "continuation")
    if (soft and settings.blank_breaks and st.open_kind in ("paragraph", "sub")
            and not (settings.indent_marks and ln.indent)
            and _filled(st.open_text, text, settings.wrap)):
        return Role(ln, "continuation")  # blocks are set apart: the width broke this line
    num = _number_at(text)
    if num and _plausible(num[0], st):
        return _numbered(st, ln, num)
    # (each test is made only where it can decide: most lines continue a sentence)
    finished = st.open_terminal or st.open_kind in _STRUCTURAL
    if st.open_kind != "formula" and (finished or not soft):
        lab = _label_at(text)
        if lab and (finished or _expected_label(st, lab[0])):
            return _sub(st, ln, lab)
    if soft and st.open_kind == "heading" and st.heading_more:
        st.heading_more -= 1
        return Role(ln, "continuation")
    heading = _is_heading(lines, i, st, settings)
    if heading:
        label = _part_label(text, lang)
        if label and st.section != "annex":
            st.part = label
            st.section = "preamble"
        st.fresh_part = True  # (after a heading, a part's or an article's, numbering may restart)
        _reset_subs(st)
        st.heading_more = heading - 1
        if heading == 1 and not label:
            st.category = _category_key(text, lang) or st.category
        elif label:
            st.category = ()
        return Role(ln, "heading", section=st.section, part=st.part,
                    label="part" if label and st.section != "annex" else "")
    if _continues_number(st, soft, ln.indent, settings):
        _reset_subs(st, st.last_number)
        st.flush = True
        return Role(ln, "paragraph", section=st.section, part=st.part, number=st.last_number)
    if _starts_paragraph(text, st, settings, soft, ln.indent):
        _reset_subs(st)
        return Role(ln, "paragraph", section=st.section, part=st.part)
    return Role(ln, "continuation")


def _continues_number(st: _State, soft: bool, indent: bool, settings: Settings) -> bool:
    """A paragraph without number after a sub-item ending in "." ":" ";", or after a
    numbered paragraph ending in ":", in the operative part or a numbered annex: it
    continues the numbered paragraph ("as well as ..." after sub-items, quoted text after
    "as follows:") and takes its number. Across a comma (or a full stop: paragraphs may
    have several sentences) the text is the same paragraph broken by a page."""
    numbered = st.section == "operative" or (st.section == "annex" and st.annex_numbered)
    if not numbered or st.open_kind not in ("paragraph", "sub") or st.last_number is None:
        return False
    if soft and not (settings.indent_marks and indent):
        return False
    if st.open_kind == "paragraph" and not st.flush:
        return st.open_colon  # a stop may end a sentence inside
    return _open_strong(st)


def _open_strong(st: _State) -> bool:
    """``_ends_strong`` of the open block, asked only when its flags let it be: no line
    without a stop, or ending with a comma, ends strong."""
    return st.open_terminal and not st.open_weak and _ends_strong(st.open_text)


def annex_part(text: str, language: str) -> str:
    """The part name of an annex heading: "" for "Annex"/"المرفق", "II" for "Annex II",
    "الأول" for "المرفق الأول"."""
    words = _SPACES.sub(" ", text).strip().rstrip(".:").split(" ")
    return " ".join(words[1:])


def _reset_subs(st: _State, parent: int | None = None) -> None:
    """A new main paragraph (numbered ``parent``) or heading: sub-items start afresh."""
    st.letter = st.roman = None
    st.parent, st.flush = parent, False


def _plausible(n: int, st: _State) -> bool:
    """Whether a number at the start of a line can be the next paragraph number."""
    last = st.last_number
    if last is None:
        return n <= 5
    return n == 1 or last <= n <= last + 5


def _numbered(st: _State, ln: Line, num: tuple[int, int]) -> Role:
    n, end = num
    last = st.last_number
    if st.section == "preamble":
        st.section = "operative"
    if st.section == "annex":
        st.annex_numbered = True
    if last is not None:
        if n == last:
            st.warnings.append(f"line {ln.no}: paragraph number {n} repeated")
        elif n == 1 and last != 0 and not st.fresh_part:
            st.warnings.append(f"line {ln.no}: numbering restarts at 1 after {last}")
        elif n > last + 1:
            st.warnings.append(f"line {ln.no}: paragraph numbers {last + 1}-{n - 1} missing"
                               if n > last + 2 else
                               f"line {ln.no}: paragraph number {last + 1} missing")
    elif n != 1:
        st.warnings.append(f"line {ln.no}: numbering starts at {n}")
    st.last_number, st.fresh_part = n, False
    _reset_subs(st, n)
    return Role(ln, "paragraph", section=st.section, part=st.part, number=n, body=end)


def _next_letter(label: str | None) -> str | None:
    if label is None:
        return None
    if label.isascii():
        return chr(ord(label[-1]) + 1) * len(label) if label[-1] < "z" else None
    plain = label.replace("\u0640", "")
    if len(plain) == 1 and plain in _AR_LETTERS and plain != _AR_LETTERS[-1]:
        return _AR_LETTERS[_AR_LETTERS.index(plain) + 1]
    return None


def _body_resumes(text: str, st: _State, language: str) -> bool:
    """Under a footnote, in text without blank lines (none ends the notes), the body goes on
    at the next page: at the sub-item or paragraph number that comes next ("(هـ)" after
    "(د)", "12." after "11.") or at a known opening phrase ("وإذ تشير", "Recalling"); or,
    when the notes cut a sentence of the body and the note before ended its own, at any
    line that is no note."""
    if (st.open_kind in ("paragraph", "sub") and not st.open_terminal
            and _ends_strong(st.note_text)):
        return True
    lab = _label_at(text) if text[:1] in "(\u2018\u2019'" else None
    if lab:
        return _expected_label(st, lab[0])
    num = _number_at(text)
    if num:
        return num[0] == (1 if st.last_number is None else st.last_number + 1)
    return opens_paragraph(text, language, lexicon_only=True)


def _expected_label(st: _State, label: str) -> bool:
    """Whether a label comes next in the current list ("(c)" after "(b)"): a sub-item even
    after a page break that cut the one before without punctuation."""
    if st.roman is not None and st.roman in _ROMANS[:-1]:
        if label == _ROMANS[_ROMANS.index(st.roman) + 1]:
            return True
    return label.replace("\u0640", "") == _next_letter(st.letter)  # ("هـ": ه and a tatweel)


def _sub(st: _State, ln: Line, lab: tuple[str, bool, int]) -> Role:
    label, nested_form, end = lab
    plain = label.replace("\u0640", "")
    roman_next = _ROMANS[_ROMANS.index(st.roman) + 1] if st.roman in _ROMANS[:-1] else "i"
    is_roman = label in _ROMANS and label != _next_letter(st.letter)
    if st.letter is not None and (nested_form or (is_roman and label == roman_next)
                                  or (plain.isdigit() and label != _next_letter(st.letter))):
        st.roman = label
        sub = f"{st.letter}.{label}"
    else:
        st.letter, st.roman = label, None
        sub = label
    number = st.parent if st.section != "preamble" else None
    return Role(ln, "sub", section=st.section, part=st.part, number=number, label=sub, body=end)


def _next_content(lines: list[Line], i: int, settings: Settings) -> Line | None:
    """The next line after ``i`` that is body text: skips blanks, furniture and footnote
    blocks (as ``lines_to_roles`` would, roughly)."""
    in_note = zone = False
    for j in range(i + 1, min(len(lines), i + 80)):
        text = lines[j].text
        if not text:
            in_note = False
            continue
        if _SEPARATOR.match(text):
            zone = True
            continue
        if _furniture_tokens(text) or (len(text) <= _MAX_RECYCLE_LINE
                                       and M.furniture_kind(text, ("recycle",))):
            zone = in_note = False
            continue
        m = _FOOTNOTE_PAREN.match(text) or (zone and _FOOTNOTE_BARE.match(text))
        if m and (not settings.has_markers or int(m.group("n")) in settings.cited):
            in_note = True
            continue
        if in_note:
            continue
        return lines[j]
    return None


def _is_heading(lines: list[Line], i: int, st: _State, settings: Settings) -> int:
    """How many lines from ``i`` make a heading (0: not a heading).

    A heading is short, has no terminal punctuation and no number, comes after a finished
    block and before a new block (or another heading); in hard-wrapped text a long heading
    wraps over up to three lines.
    """
    text, lang = lines[i].text, settings.language
    longest = settings.max_heading * (3 if st.open_kind in _STRUCTURAL else 1)
    last = text[-1]  # (a letter or a stop at the end tells without ``_strip_end``)
    if (last in _STOPS or (not last.isalpha() and ends_terminal(text)) or len(text) > longest
            or _LOWER_START.match(text)):
        return 0
    if _FOOTNOTE_PAREN.match(text) or _is_item(text, st, lang):
        return 0
    label = _part_label(text, lang)
    if label and label == text.rstrip("."):
        return 1  # a part label alone on its line ("B", "II", "دال")
    if is_article_heading(text, lang):
        return 1
    if (st.open_kind in ("paragraph", "sub") and st.open_colon
            and not _runs_on(lines, i, settings)):
        # after "as follows:" a heading (a table's title) comes before a new block, with a
        # blank line between; other lines are what the colon announces ("Thursday, 2 June:
        # from 3 to 6 p.m.")
        if settings.wrap and i + 1 < len(lines) and lines[i + 1].text:
            return 0
        nxt = _next_content(lines, i, settings)
        if nxt is None or not (_strong_start(nxt.text, lang) or is_table_line(nxt.text)):
            return 0
    if not (st.open_terminal or st.open_ended or st.open_kind in _STRUCTURAL or (
            label and len(text) <= 80 and not _runs_on(lines, i, settings))):
        # (a part with its title, "B. Office of ...", may follow a table); after a page
        # break, the line right above an item is the item's heading
        if not _above_item(lines, i, st, settings):
            return 0
    adjacent = _runs_on(lines, i, settings)
    if (adjacent and not _filled(text, lines[i + 1].text, settings.wrap)
            and _strong_start(lines[i + 1].text, lang)):
        return 1  # a short line right above a new block: paragraphs run together
    if label and len(text) <= 80:  # "II. Credentials ...", perhaps wrapped
        return max(1, _wrapped_heading(lines, i, st, settings) if adjacent else 1)
    short = len(text) <= (0.6 * settings.wrap if settings.wrap else 80)
    full = len(text) >= 0.8 * settings.wrap if settings.wrap else not short
    # A long line opening with a known phrase is the first part of a paragraph cut by a
    # page break. (Under a line that runs on, the wrapped lines' ends are read first: they
    # rule out most such lines, a paragraph's, faster than its phrase.)
    if adjacent:
        j = _wrapped_end(lines, i, settings)
        if j is None or (full and _phrase(text, lang, seen=_MIN_SEEN)):
            return 0
        return _heading_over(lines, i, j, st, settings)
    if full and _phrase(text, lang, seen=_MIN_SEEN):
        return 0
    nxt = _next_content(lines, i, settings)
    if nxt is None:
        return 0
    if st.open_kind == "heading" and is_article_heading(st.open_text, lang) and (
            nxt is next(ln for ln in lines[i + 1:] if ln.text)):
        return 1  # the title under "Rule 60", then text on the same page (no page break)
    t = nxt.text
    if _strong_start(t, lang) or _is_item(t, st, lang) or is_table_line(t):
        return 1
    if not ends_terminal(t) and len(t) <= settings.max_heading and not _LOWER_START.match(t):
        # (a long line under a plain heading, above such a line, is not a third heading)
        return int(short or (st.open_kind in _STRUCTURAL and not _plain_heading(st, lang)))
    if st.after_label and st.section == "annex" and not (
            full and settings.wrap) and not _LOWER_START.match(t):
        return 1  # a title under "Annex", then its text
    # in an annex, a line that did not fill the width, before a capitalized block
    return int(not full and st.section == "annex"
               and (lang == "ar" or bool(_UPPER_START.match(t))))


def _above_item(lines: list[Line], i: int, st: _State, settings: Settings) -> bool:
    """Line ``i`` (with the lines wrapped from it) is right above an item (``_is_item``)."""
    if not st.category:
        return False
    j = i
    while j - i < 4 and _runs_on(lines, j, settings):
        j += 1
    nxt = _next_content(lines, j, settings)
    return nxt is not None and _is_item(nxt.text, st, settings.language)


def _plain_heading(st: _State, language: str) -> bool:
    """The open block is a heading that is neither a label ("B", "Annex") nor an article
    ("Rule 60"), which a title follows."""
    text = st.open_text
    return st.open_kind == "heading" and not st.after_label and not (
        _part_label(text, language) == text.rstrip(".") or is_article_heading(text, language))


def _category_key(text: str, language: str) -> tuple[str, ...] | None:
    """The words of a heading that may name the kind of the items under it ("Redeployment",
    "إعادة ندب"): one to three words of letters, normalized, the Arabic article dropped
    ("النقل" names items "نقل وظيفتين ...")."""
    ws = text.split()
    if not 1 <= len(ws) <= 3 or not all(w.isalpha() for w in ws):
        return None
    return tuple(_category_word(w, language) for w in ws)


def _category_word(word: str, language: str) -> str:
    word = normalize_word(word, language)
    # (the article "ال": alef U+0627, lam U+0644)
    return word[2:] if language == "ar" and word.startswith("\u0627\u0644") and len(word) > 4 \
        else word


def _is_item(text: str, st: _State, language: str) -> bool:
    """An item under a heading naming its kind: it opens with the heading's words and goes
    on ("Redeployment" then "Redeployment of 2 posts (P-4) from ...", "النقل" then "نقل
    وظيفتين ...")."""
    key = st.category
    if not key or st.section != "annex":
        return False
    ws = text.split(maxsplit=len(key))
    return len(ws) > len(key) and all(
        _category_word(w, language) == k for w, k in zip(ws, key, strict=False))


def _runs_on(lines: list[Line], i: int, settings: Settings) -> bool:
    """Line ``i`` may wrap onto the next: hard-wrapped text, and the next line is neither
    blank nor indented where indents mark paragraphs (a leading space opens a new block)."""
    return (bool(settings.wrap) and i + 1 < len(lines) and bool(lines[i + 1].text)
            and not (settings.indent_marks and lines[i + 1].indent))


def is_article_heading(text: str, language: str) -> bool:
    """"Rule 60", "Article 1", "المادة ٦٠": the heading of an article (of rules of procedure,
    an agreement) on its own line."""
    return bool(_ARTICLE.match(normalize_ar(text) if language == "ar" else text))


def _wrapped_heading(lines: list[Line], i: int, st: _State, settings: Settings) -> int:
    """A heading wrapped over two to five lines: the first is long (it wrapped), none ends
    with punctuation, a blank line follows and then a new block (or, under an annex label,
    its text)."""
    j = _wrapped_end(lines, i, settings)
    return 0 if j is None else _heading_over(lines, i, j, st, settings)


def _wrapped_end(lines: list[Line], i: int, settings: Settings) -> int | None:
    """The last line of a heading wrapped from line ``i`` as the lines' lengths and ends show
    it (``_wrapped_heading`` before it reads what follows), or None."""
    if len(lines[i].text) < 0.55 * settings.wrap:
        return None
    j, wrap, n = i, settings.wrap, len(lines)
    # (``_runs_on`` and ``_number_at``'s first test written out: asked of each line under
    # most paragraphs' first line)
    marks = settings.indent_marks
    while wrap and j + 1 < n and (text := (ln := lines[j + 1]).text) and not (
            marks and ln.indent):
        if text[0] in _NUMBER_FIRST and _number_at(text):
            if j > i:
                break  # the heading's lines, then a numbered paragraph without a blank line
            return None
        j += 1
        # (a letter or a comma at the end is no strong end: most wrapped lines end so)
        if j - i > 4 or (not (text[-1].isalpha() or text[-1] in _COMMAS)
                         and _ends_strong(text)):
            return None
    last = lines[j].text
    if last[-1] in _STOPS:  # (a stop stays at the end of the line joined below)
        return None
    if j > i and _markers_only(last):
        last = f"{lines[j - 1].text} {last}"
    if ends_terminal(last):  # a comma may end a wrapped line, not the heading
        return None
    return j


def _heading_over(lines: list[Line], i: int, j: int, st: _State, settings: Settings) -> int:
    """``_wrapped_heading`` of lines ``i`` to ``j``, from what follows them."""
    nxt = _next_content(lines, j, settings)
    if nxt is None:
        return 0
    # a title wrapped short of the text width: under a heading ("Rule 60"), or with room
    # left on each line for the next line's first word (set narrower than the text)
    narrow = (st.open_kind == "heading" and all(
        len(ln.text) < 0.85 * settings.wrap for ln in lines[i:j])) or all(
            _had_room(lines[k].text, lines[k + 1].text, settings.wrap) for k in range(i, j))
    if _strong_start(nxt.text, settings.language) or _is_item(nxt.text, st, settings.language) or (
            (narrow or st.after_label) and st.section == "annex"
            and not _LOWER_START.match(nxt.text)) or _subheading_at(
                lines, j + nxt.no - lines[j].no, settings):
        return j - i + 1
    return 0


def _subheading_at(lines: list[Line], k: int, settings: Settings) -> bool:
    """Line ``k`` is a short heading of its own line right before a new block (the
    subheading under a wrapped part title: "Base/floor salary scale")."""
    ln = lines[k]
    if (_runs_on(lines, k, settings) or len(ln.text) > 0.6 * settings.wrap
            or ends_terminal(ln.text) or _LOWER_START.match(ln.text) or _number_at(ln.text)):
        return False
    nxt = _next_content(lines, k, settings)
    return nxt is not None and _strong_start(nxt.text, settings.language)


def _strong_start(text: str, language: str) -> bool:
    """A line that can only start a block: number, label, annex, part, closing, formula,
    opening phrase."""
    return bool(_number_at(text) or _label_at(text) or is_annex_heading(text, language)
                or _part_label(text, language) or _meeting(text, language) is not None
                or M.is_formula(text, language)
                or opens_paragraph(text, language, lexicon_only=True))


#: Blocks after which a line may start anything (nothing to continue).
_STRUCTURAL = ("formula", "heading", "closing", "closing_date", "table")


def _starts_paragraph(text: str, st: _State, settings: Settings, soft: bool,
                      indent: bool) -> bool:
    """Whether an unnumbered, unlabelled line starts a new paragraph (else it continues)."""
    lang = settings.language
    if st.open_kind in _STRUCTURAL:
        return True
    if not (st.open_terminal or st.open_ended):
        # a preambular paragraph whose end lost its comma: the next opens with a common
        # preambular phrase ("وإذ تحيط علما", "Recalling") that no sentence runs into
        # (a leading space that marks paragraphs is a break as a blank line is)
        return ((not soft or (settings.indent_marks and indent)) and st.section == "preamble"
                and not _LOWER_START.match(text)
                and bool(_phrase(text, lang, "preamble", seen=_COMMON)))
    if st.open_numbered and (st.section == "operative"
                             or (st.section == "annex" and st.annex_numbered)):
        return False  # text after a numbered paragraph continues it (a page break cut it)
    if soft:
        if (settings.indent_marks and indent) or not settings.wrap:
            return True  # a line per paragraph: a line break after a clause end is a break
        # (English: a capital after a clause end opens any section's phrase, "Decides")
        return bool(_phrase(text, lang, st.section if lang == "ar" else None)) and (
            lang == "ar" or bool(_UPPER_START.match(text)))
    if _LOWER_START.match(text):
        return False
    if (st.open_weak and not st.page_gap and not settings.double_spaced
            and (text.startswith("**") or (lang != "ar" and section_by_form(text, lang)))):
        # one blank line, no page furniture: on the same page if the line opens like a
        # paragraph (a bold phrase; an English verb or participle the lexicon lacks). The
        # seed's page breaks are one blank line too (lines 97-99): a proper noun ("Roman
        # Catholics"), or any Arabic word ("الذي", "ومن أجل"), may go on after a comma.
        return True
    if st.open_weak or st.open_colon:
        return opens_paragraph(text, lang)
    return True


def _had_room(line: str, after: str, wrap: int) -> bool:
    """Hard-wrapped ``line`` had room for the first word of the line ``after`` within the
    width: it was set narrower than the text (a heading, indented on both sides)."""
    return len(line) + 1 + len(after.split(" ", 1)[0]) <= wrap


def _filled(line: str, after: str, wrap: int) -> bool:
    """Hard-wrapped ``line`` had no room left for the first word of the line ``after`` (a
    tenth of the width spared for proportional type): the break was the width's."""
    if not wrap:
        return False
    word = after.split(" ", 1)[0]
    return len(line) + 1 + len(word) > 0.9 * wrap


# --- stage 5: blocks ----------------------------------------------------------------------------

@dataclass
class _Proto:
    role: Role
    lines: list[Line] = field(default_factory=list)
    labels: list[Line] = field(default_factory=list)  # part/annex label lines before it
    title: bool = False  # a heading just before an enacting formula: the title of a part


def roles_to_blocks(roles: list[Role], settings: Settings
                    ) -> tuple[list[Block], list[Footnote], list[Artefact], tuple]:
    """Rejoin lines into blocks (across page breaks and footnote blocks) and footnotes;
    settle parts and sections; return blocks, footnotes, artefacts and closing metadata."""
    protos: list[_Proto] = []
    notes: list[_Proto] = []
    artefacts: list[Artefact] = []
    spans: list[tuple[int, int, str]] = []
    meta: dict = {}
    pending: list[Line] = []
    for r in roles:
        kind = r.kind  # (the commonest kinds first)
        if kind == "continuation":
            protos[-1].lines.append(r.line)
            if r.more:
                protos[-1].lines += r.more
        elif kind in ("paragraph", "sub", "heading"):
            protos.append(_Proto(r, [r.line], pending))
            pending = []
        elif kind == "label":
            pending = [*pending, r.line]
        elif kind == "footnote":
            notes.append(_Proto(r, [r.line]))
        elif kind == "footnote_more":
            notes[-1].lines.append(r.line)
        elif kind == "artefact":
            artefacts += list(r.artefacts)
        elif kind == "meta":
            key, value = r.meta
            for p in reversed(protos if key == "formula" else []):
                if p.role.kind != "heading" or p.role.label == "collection":
                    break
                p.title = True
            spans.append((r.line.start, r.line.end, key))
            meta.setdefault(key, value)
    if pending and protos:
        protos[-1].labels += pending
    elif pending:
        artefacts += [Artefact("other", ln.text, ln.no, ln.start, ln.end) for ln in pending]
    settled = settle_parts(protos)
    blocks = [_proto_to_block(p, settings.language, settings.plain) for p in settled]
    blocks = settle_sections(blocks, settings.language,
                             frozenset(i for i, p in enumerate(settled) if p.title))
    footnotes = [_proto_to_footnote(n, settings.plain) for n in notes]
    if not settings.has_markers and footnotes:
        blocks = _glued_markers(blocks, [f.number for f in footnotes])
    return blocks, footnotes, artefacts, (meta, spans)


def settle_parts(protos: list[_Proto]) -> list[_Proto]:
    """Part headings ("I", "B", "أولا") name parts when the numbering restarts at 1 after a
    later one, or when a part opens with its own preambular paragraphs; then the label is
    the blocks' ``part``, not a heading. Otherwise they are plain headings and no block has
    a part. In a collection (75/101 A-B) the parts are its resolutions ("A", "B"; Arabic
    letter names read as Latin letters) and other part headings are plain headings."""
    collection = [i for i, p in enumerate(protos) if p.role.label == "collection"]
    marks = collection or [i for i, p in enumerate(protos) if p.role.label == "part"]
    if not marks:
        return protos
    if not collection and not _restarts(protos, marks):
        return [replace(p, role=p.role._replace(part="", label="" if p.role.label == "part"
                                                else p.role.label))
                if p.role.section != "annex" else p for p in protos]
    out: list[_Proto] = []
    carry: list[Line] = []
    part = ""
    for i, p in enumerate(protos):
        if i in marks:
            carry += [*p.labels, *p.lines]
            part = (_latin_letter(p.role.part) or p.role.part) if collection else p.role.part
            continue
        role = p.role
        if role.section != "annex":
            role = role._replace(part=part, label="" if role.label == "part" else role.label)
        out.append(replace(p, role=role, labels=[*carry, *p.labels]))
        carry = []
    if carry and out:
        out[-1] = replace(out[-1], labels=[*out[-1].labels, *carry])
    return out


def _restarts(protos: list[_Proto], marks: list[int]) -> bool:
    """Whether the numbering restarts after a later part heading, or a part heading is
    followed by preambular paragraphs (ending in commas) of its own."""
    ends = [*marks[1:], len(protos)]
    for k, (i, end) in enumerate(zip(marks, ends, strict=True)):
        body = [p for p in protos[i + 1:end] if p.role.kind != "heading"]
        first = body[0].role if body else None
        if first and first.kind == "paragraph" and first.number is None and (
                first.section == "preamble") and _ends_weak(body[0].lines[-1].text):
            return True
        numbers = [p.role.number for p in body
                   if p.role.kind == "paragraph" and p.role.number is not None]
        if k and numbers and numbers[0] == 1:
            return True
    return False


def settle_sections(blocks: list[Block], language: str, titles: frozenset[int] = frozenset()
                    ) -> list[Block]:
    """Sections the line-by-line pass cannot see.

    In each part: unnumbered paragraphs just before the first numbered one that end with
    "." ":" ";" and open with an operative phrase ("تقرر ما يلي:", "Decides:") are operative;
    a part without numbered paragraphs has its last paragraph (with its sub-items) as its
    single operative paragraph when that ends with a full stop or opens like one. Nothing
    after the first operative paragraph of a part is preamble. A heading belongs to the
    section of the block after it, except a part's title before its enacting formula
    (``titles``, indices of blocks): preamble.
    """
    out = list(blocks)
    groups: list[list[int]] = []
    for i, b in enumerate(out):
        if b.section == "annex":
            continue
        if groups and out[groups[-1][-1]].part == b.part and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        _settle_group(out, group, language)
    seen: set[str] = set()
    for i, b in enumerate(out):  # no preamble after the operative part began (in a part)
        if b.section == "operative":
            seen.add(b.part)
        elif b.section == "preamble" and b.part in seen:
            out[i] = replace(b, section="operative")
    for i in range(len(out) - 1, -1, -1):
        b = out[i]
        if b.kind == "heading" and b.section != "annex" and i not in titles:
            nxt = next((x for x in out[i + 1:] if x.kind != "heading"), None)
            if nxt is not None and nxt.section != "annex" and nxt.part == b.part:
                out[i] = replace(b, section=nxt.section)
    return out


def _settle_group(out: list[Block], group: list[int], language: str) -> None:
    mains = [i for i in group if out[i].kind == "paragraph" and not out[i].sub]
    operative = [i for i in mains if out[i].section == "operative"]
    candidates = [i for i in mains if out[i].section == "preamble"
                  and (not operative or i < operative[0])]
    chosen: list[int] = []
    for i in reversed(candidates):
        text = _group_text(out, i)
        if operative and not (_ends_strong(out[i].text) and _operative_only(out[i].text,
                                                                          language)):
            break
        if not operative and not (_FULL_STOP_END.search(_strip_quotes_keep_stop(text))
                                  or _operative_only(out[i].text, language)):
            break
        chosen.append(i)
        if not operative:
            break
    for i in chosen:
        j = i
        while j < len(out) and (j == i or out[j].sub) and out[j].section == "preamble":
            out[j] = replace(out[j], section="operative")
            j += 1


def _group_text(out: list[Block], i: int) -> str:
    """The text of paragraph ``i`` and its sub-items (their last words end it)."""
    j = i + 1
    while j < len(out) and out[j].sub:
        j += 1
    return out[j - 1].text


def _operative_only(text: str, language: str) -> bool:
    """Opens with a phrase of the operative part only, or, if the lexicon knows no phrase
    of it, with a word whose form is an operative verb's ("Resolves", "تعين")."""
    operative, preamble = _phrase(text, language, "operative"), _phrase(text, language,
                                                                         "preamble")
    if operative or preamble:
        return bool(operative) and not preamble
    return section_by_form(text, language) == "operative"


def _join_pieces(pieces: list[str]) -> str:
    """Join wrapped lines with a space; none after a hyphen that splits a compound word
    ("non-" + "proliferation"), but keep it in "medium- and long-term"."""
    if all(pieces) and "-" not in map(_LAST, pieces[:-1]):
        return " ".join(pieces)  # (most blocks: no hyphen at a line end, read at C speed)
    out = ""
    for piece in pieces:
        if (out.endswith("-") and len(out) > 1 and out[-2].isalpha() and piece[:1].isalpha()
                and _first_word(piece).casefold() not in _SUSPENDED_HYPHEN):
            out += piece
        elif out:
            out += " " + piece
        else:
            out = piece
    return out


#: Punctuation a footnote marker may stand before ("، ^(٥)" is not written, "^(٥)،" is).
_AFTER_MARKER_PUNCT = frozenset(",.;:\u060c\u061b)")


def clean_text(raw: str) -> tuple[str, str, tuple[int, ...]]:
    """Block text from raw text: (text, bold opening phrase, footnote numbers).

    Removes ``^(n)`` markers and superscripts (recording their numbers) and ``**``; the words
    in bold at the very start are the opening phrase.
    """
    if "^" not in raw and (raw.isascii() or _MARKER_START.search(raw) is None):
        # (most blocks: no marker; the C tests spare most of them the regex)
        found, numbers = [], ()
    else:
        found = list(_markers(raw))
        numbers = tuple(_marker_number(m) for m in found)
    text = raw
    if found:  # the text between the markers (as ``_MARKER.sub``)
        ends = [0, *(m.end() for m in found)]
        starts = [*(m.start() for m in found), len(raw)]
        pieces = [raw[a:b] for a, b in zip(ends, starts, strict=True)]
        text = pieces[0]
        for piece in pieces[1:]:
            if piece[:1] in _AFTER_MARKER_PUNCT:  # "word ^(5)," : the space goes with the marker
                text = text.rstrip(" ")
            text += piece
    if "**" not in text:
        return _squeeze(text), "", numbers
    bold = _LEADING_BOLD.match(text.lstrip())
    phrase = " ".join(bold.group("phrase").split()) if bold else ""
    return " ".join(text.replace("**", "").split()), phrase, numbers


def _squeeze(text: str) -> str:
    """``" ".join(text.split())``: runs of white space made one space, none at the ends
    (text already so, most of it, is returned as it is: the tests are quicker)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # (printable: the only white space is " ")
    return " ".join(text.split())


def table_text(lines: list[Line], language: str) -> str:
    """A table's lines as the XML reader writes a table: cells joined by " | ", rows by
    " || " (a row of one cell wrapped over two lines makes two rows)."""
    return " || ".join(" | ".join(table_cells(ln.text, language)) for ln in lines)


def _proto_to_block(p: _Proto, language: str = "", plain: bool = False) -> Block:
    r, lines = p.role, p.lines
    kind = r.kind
    text, phrase, numbers = (clean_text(table_text(lines, language))
                             if r.label == "table" and kind == "paragraph"
                             else _proto_text(p, plain))
    if not phrase and kind == "paragraph" and r.section == "annex" and r.number is None:
        phrase = _term_phrase(text, language)
    return _record(Block, kind="heading" if kind == "heading" else "paragraph",
                   section=r.section, text=text, number=r.number,
                   sub=r.label if kind == "sub" else "", part=r.part,
                   phrase=phrase if kind != "heading" else "", footnotes=numbers,
                   line=lines[0].no,
                   spans=tuple(map(_SPAN, p.labels + lines if p.labels else lines)))


def _term_phrase(text: str, language: str) -> str:
    """A known opening phrase right before a colon ("Abbreviations: GS (OL), ..."): in an
    annex, the term a paragraph defines, set in italics as an opening phrase."""
    found = match_phrase(text, language) if ":" in text[:60] else None
    return found if found and text[len(found):len(found) + 1] == ":" else ""


def _proto_text(p: _Proto, plain: bool) -> tuple[str, str, tuple[int, ...]]:
    """``clean_text`` of the text of a block's or a footnote's lines, after its number or
    label, joined. In plain text (``Settings.plain``) lines without "^" or "*" are their text
    as it is (the tests are at C speed): stripped lines joined by one space leave no marker,
    bold mark or run of white space to clean (a role's line is never empty)."""
    lines = p.lines
    raw = lines[0].text[p.role.body:]
    if len(lines) > 1:  # (one line: as ``_join_pieces`` does one piece, or none)
        pieces = list(map(_TEXT, lines))
        pieces[0] = raw
        raw = _join_pieces(pieces if raw else pieces[1:])
    if plain and "^" not in raw and "*" not in raw and raw[:1] != " ":
        return raw, "", ()
    return clean_text(raw)


def _proto_to_footnote(p: _Proto, plain: bool = False) -> Footnote:
    text, _, _ = _proto_text(p, plain)
    return _record(Footnote, number=p.role.number, text=text, line=p.lines[0].no,
                   spans=tuple(map(_SPAN, p.lines)))


def _glued_markers(blocks: list[Block], numbers: list[int]) -> list[Block]:
    """Texts without ^(n) markers: take digits glued to a word ("Summit,1") as markers, in
    footnote order (each number once, after the previous one)."""
    out, k = [], 0
    for b in blocks:
        found: list[int] = []
        text = b.text
        pos = 0
        while k < len(numbers) and b.kind == "paragraph":
            pat = re.compile(rf"(?<=[^\W\d_]|[,.;:)\]\u201d\u2019\"\u060c\u061b]){numbers[k]}"
                             r"(?=[\s,.;:)\]\u060c\u061b]|$)")
            m = pat.search(text, pos)
            if not m:
                break
            text = text[: m.start()] + text[m.end():]
            pos = m.start()
            found.append(numbers[k])
            k += 1
        out.append(replace(b, text=_SPACES.sub(" ", text).strip(), footnotes=b.footnotes
                           + tuple(found)) if found else b)
    return out


# --- stage 6: the whole document ------------------------------------------------------------------

def blocks_to_parsed(blocks: list[Block], footnotes: list[Footnote], artefacts: list[Artefact],
                     header: Header, closing: tuple[dict, list], lines: list[Line],
                     formula: int, settings: Settings, warnings: list[str], text: str) -> Parsed:
    """Check the structure, settle the single unnumbered operative paragraph, assemble."""
    name = settings.name
    formula_line = lines[formula]
    if not any(b.kind == "paragraph" for b in blocks):
        raise ResolutionParseError(
            "no paragraphs after the enacting formula", source=name, line=formula_line.no,
            expected="preambular and operative paragraphs")
    close_meta, close_spans = closing
    last = next((b for b in reversed(blocks) if b.kind == "paragraph"
                 and b.section != "annex"), None)
    if not any(b.section == "operative" for b in blocks):
        raise ResolutionParseError(
            "no operative paragraph: the text ends inside the preamble", source=name,
            line=_last_line(last, lines), expected='numbered operative paragraphs ("1. ...", '
                                                   '"١ - ...") after the preamble')
    if "meeting" not in close_meta:
        final = next(b for b in reversed(blocks) if b.kind == "paragraph")
        if not _FULL_STOP_END.search(_strip_quotes_keep_stop(final.text)):
            raise ResolutionParseError(
                "the text ends inside a paragraph (no full stop, no closing lines): "
                "truncated?", source=name, line=_last_line(final, lines),
                expected="a last paragraph ending with '.' or the closing lines "
                         "(meeting and date)")
    # body: the enacting formula names the General Assembly; other missing values are None
    meta = {**{k: None for k in META_KEYS if k != "source"}, **header.meta, "body": "GA",
            "language": settings.language, "format": "text"}
    if "meeting" in close_meta:
        meta["meeting"] = close_meta["meeting"]
    adopted = close_meta.get("adopted")
    if adopted and meta["adopted"] and adopted != meta["adopted"]:
        warnings.append(f"adopted {meta['adopted']} on the cover page but {adopted} at the end")
    meta["adopted"] = meta["adopted"] or adopted
    heads = [a for a in artefacts if a.kind == "running_head"]
    if heads:
        found = M.parse_symbol(heads[0].text)
        if meta["symbol"] is None or (found["symbol"].startswith(meta["symbol"] + " ")):
            # the running head gives the symbol, or its letters ("A/RES/75/101 A-B")
            meta.update(symbol=found["symbol"], number=found["number"])
            meta["session"] = meta["session"] or found["session"]
        elif found["symbol"] != meta["symbol"]:
            warnings.append(f"running head {found['symbol']} differs from {meta['symbol']}")
    meta_spans = [*header.spans, *close_spans]
    return Parsed(meta=meta, blocks=blocks, footnotes=footnotes,
                  artefacts=list(header.artefacts) + artefacts, meta_spans=meta_spans,
                  warnings=header.warnings + warnings, text=text)


def _strip_quotes_keep_stop(text: str) -> str:
    return _TRAILING_MARKERS.sub("", _INVISIBLE.sub("", text[-50:]).rstrip()).rstrip()


def _last_line(block: Block | None, lines: list[Line]) -> int:
    if block is None or not block.spans:
        return next((ln.no for ln in reversed(lines) if ln.text), 1)
    end = block.spans[-1][1]
    return next(ln.no for ln in lines if ln.start <= end <= ln.end or ln.end >= end)


def parse_text(text: str, language: str, name: str = "<text>") -> Parsed:
    """Parse the text of a resolution extracted from a PDF (Arabic or English).

    ``text`` is decoded, with "\\n" line ends (see ``read``). Raises ResolutionParseError
    naming ``name``, the line and what was expected when the text is not a whole resolution.
    """
    if not text.strip():
        raise ResolutionParseError("the text is empty", source=name, line=1,
                                   expected="the text of a resolution")
    lines = text_to_lines(text)
    settings = lines_to_settings(lines, language, name, text)
    furniture = lines_to_furniture(lines, language)
    formula = find_formula(lines, furniture, settings)
    start = collection_start(lines, formula, furniture, settings)
    header = lines_to_header(lines[:start], furniture, settings)
    roles, warnings = lines_to_roles(lines, start, furniture, settings)
    blocks, footnotes, artefacts, closing = roles_to_blocks(roles, settings)
    return blocks_to_parsed(blocks, footnotes, artefacts, header, closing, lines, formula,
                            settings, lost_characters(text, language) + warnings, text)


#: Question marks a conversion leaves for characters its encoding lacks ("? - تحث" for
#: "١ - تحث" in a Windows-1256 copy of Eastern digits): Arabic writes its own "؟".
_LOST = re.compile(r"\ufffd|(?<=[\u0600-\u06ff\s/(])\?+(?=[\s/)\u0600-\u06ff.,\u060c-])")


def lost_characters(text: str, language: str) -> list[str]:
    """A warning when the text shows characters lost before it was read: the replacement
    character U+FFFD of a failed decoding, or, in Arabic, "?" where a letter or digit was."""
    found = _LOST.findall(text) if "\ufffd" in text or (language == "ar" and "?" in text) else []
    if len(found) < 3:
        return []
    return [f"characters lost before the text was read, in {len(found)} places ('?' or "
            "U+FFFD where a letter or digit was): numbers and names may be missing; "
            "re-extract the text in UTF-8"]
