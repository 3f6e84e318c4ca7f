"""A parsed resolution -> the plain text that extracting its PDF would give.

The evaluation (``evaluate``) needs PDF-extracted text whose structure is known: the UN's XML
gives the structure, and this module prints it the way the UN's PDFs read once extracted (see
data/raw/A_RES_68_192_ar.txt and its README): the cover header, the enacting formula,
paragraphs, numbered operative paragraphs and lettered sub-paragraphs, page breaks that fall
inside paragraphs with the page's footnote bodies and furniture between the two halves,
tables as ``pdftotext -layout`` prints them (a row per line, cells in columns), and, in
Arabic, Eastern digits with symbols number-first. It writes nothing a real extraction would
not contain, so a parser cannot read the answer off the text. Pure and deterministic: the
small variations (where paragraphs break, spacing) come from ``seed``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
import re
from dataclasses import dataclass
from importlib import resources

from .model import Block, Parsed

# ASCII digits <-> Eastern Arabic digits U+0660..U+0669.
_EASTERN = str.maketrans({str(i): chr(0x0660 + i) for i in range(10)})
_WESTERN = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)})
# Runs of Latin letters, of Arabic letters (U+0621..U+064A), and numbers joined by slashes
# (64/293, 2013/41): the script last seen decides how a number is printed.
_SCRIPT_OR_NUMBER = re.compile(
    r"(?P<latin>[A-Za-z]+)|(?P<arabic>[\u0621-\u064a]+)|(?P<number>\d+(?:/\d+)*)")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A/RES/75/101 A-B: the number, then the letter of one resolution of a series ("B") or the
# range of a collection ("A-B").
_SYMBOL_NUMBER = re.compile(
    r"^[A-Z]/RES/(?P<number>[^\s]+?)(?:\s*(?P<letter>[A-Z])|\s+[A-Z]-[A-Z])?$")
_DIGITS = re.compile(r"\d+")
_WS = re.compile(r"\s+")
# A clause end where a footnote marker can go: comma or semicolon (Arabic U+060C, U+061B too).
_CLAUSE = re.compile("[,;\u060c\u061b](?= )")
_CLAUSE_END = ",;:\u060c\u061b"
# Before "and" / a word starting with the conjunction و (U+0648), and the end of any word.
_BEFORE_AND = re.compile("(?<=\\w) (?:and |\u0648\\w)")
_WORD_END = re.compile(r"(?<=\w) ")
# The XML reader writes a table as one block: cells joined by " | ", rows by " || ".
_TABLE_CELL = " | "
_TABLE_ROW = " || "
_TABLE_GAP = "   "  # the least space pdftotext -layout leaves between two columns
_RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})

_FORMULA = {"ar": "إن الجمعية العامة،", "en": "The General Assembly,"}
#: The word that labels an annex, per language.
ANNEX = {"ar": "المرفق", "en": "Annex"}
_FOOTNOTE_RULE = "__________________"
#: The letter after a job number on page 1: "21-19241 (A)".
_LANGUAGE_LETTER = {"ar": "A", "en": "E", "fr": "F", "es": "S", "ru": "R", "zh": "C"}


@dataclass(frozen=True)
class RenderSettings:
    """How the printed page looks; ``settings_for`` gives the UN's look per language."""

    language: str
    #: Hard-wrap column; 0 writes each paragraph (or each page's part of it) on one line, as
    #: the Arabic seed has it.
    width: int = 0
    #: Characters per printed line, to measure how much of a paragraph fits on a page.
    page_width: int = 95
    lines_per_page: int = 42
    running_heads: bool = True
    page_numbers: bool = True
    job_number: bool = True
    barcode: bool = True
    recycle: bool = True
    #: Headings are set this many characters narrower than the text (UN heading styles are
    #: indented on both sides), so a long heading wraps into shorter lines.
    heading_indent: int = 0
    #: Footnote marker; digits follow ``eastern_digits``.
    marker: str = "^({})"
    #: A blank line between paragraphs (some extractions run them together line by line).
    blank_lines: bool = True
    #: Label of a footnote body: "(3) Resolution 70/1." or, as pdftotext gives it, "3 ...".
    note_label: str = "({})"
    eastern_digits: bool = False
    #: Share of paragraph breaks written as one line break and a leading space, not a blank
    #: line (seed lines 65-67).
    tight_breaks: float = 0.0
    #: Chance that a document prints its operative verbs in ``**bold**`` from some paragraph
    #: on (seed paragraphs 13-18).
    bold_verbs: float = 0.0
    #: Share of footnote markers with a space before them (seed line 27: "٢٠١٠ ^(٣)").
    marker_space: float = 0.0
    #: Pages after the first end with no furniture and no gap: their footnotes, then one
    #: blank line before the next page (seed lines 97-99, 143-145, 157-159).
    bare_page_breaks: bool = False


def settings_for(language: str) -> RenderSettings:
    """The look of the UN's PDFs in ``language`` as extraction leaves it."""
    if language == "ar":
        return RenderSettings(language="ar", width=0, page_width=95, lines_per_page=40,
                              eastern_digits=True, tight_breaks=0.03, bold_verbs=0.3,
                              marker_space=0.05)
    return RenderSettings(language=language, width=90, page_width=90, lines_per_page=48,
                          heading_indent=14)


# ---------------------------------------------------------------- numbers and words

def to_eastern_digits(text: str) -> str:
    """ASCII digits -> Eastern Arabic digits: 2013 -> ٢٠١٣."""
    return text.translate(_EASTERN)


def localize_numbers(text: str, language: str) -> str:
    """Numbers as the extracted PDF in ``language`` writes them.

    Arabic: a number after Arabic words is printed in Eastern digits, and numbers joined by
    slashes come out in reverse order (64/293 -> ٢٩٣/٦٤, 2013/41 -> ٤١/٢٠١٣), as the seed
    shows; a number after Latin letters keeps its digits and order (A/68/457,
    E/2002/68/Add.1, "vol. 2225"), as word processors shape digits by the preceding script.
    Other languages: unchanged.
    """
    if language != "ar":
        return text
    out, last, latin = [], 0, False
    for m in _SCRIPT_OR_NUMBER.finditer(text):
        if m.lastgroup != "number":
            latin = m.lastgroup == "latin"
        elif not latin:
            out += [text[last:m.start()], to_eastern_digits("/".join(reversed(
                m.group().split("/"))))]
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def _digits(n: int | str, settings: RenderSettings) -> str:
    return to_eastern_digits(str(n)) if settings.eastern_digits else str(n)


@functools.cache
def _ordinal_words(language: str) -> dict[tuple[int, str], str]:
    """(value, form) -> word from ordinals.csv; forms: "alone", "unit" (in compounds), "teen",
    "ten" (Arabic ordinal tens, English cardinal tens of compounds).

    The table lists the words (for reading them); the form follows from the word: in Arabic
    the feminine forms that agree with الدورة end in ta marbuta or alef maqsura (الأولى
    stands alone, الحادية goes in compounds), the teen word has no article; in English the
    ordinals end in st/nd/rd/th and the other tens are cardinals.
    """
    table: dict[tuple[int, str], str] = {}
    with resources.files("analysis").joinpath("data/ordinals.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["language"] != language:
                continue
            word, value = row["word"], int(row["value"])
            if language == "ar":
                article = word.startswith("\u0627\u0644")  # ال
                if value >= 20 and article:
                    table.setdefault((value, "ten"), word)
                elif value == 10 and not article and word.endswith("\u0629"):
                    table[(10, "teen")] = word
                elif word.endswith("\u0649") and article:  # alef maqsura: الأولى
                    table[(value, "alone")] = word
                elif word.endswith("\u0629") and article:  # ta marbuta: feminine
                    table.setdefault((value, "unit"), word)
            elif word.endswith(("st", "nd", "rd", "th")):
                table.setdefault((value, "alone"), word)
            else:
                table.setdefault((value, "ten"), word)
    return table


def session_ordinal(n: int, language: str) -> str:
    """The ordinal of a session in words: 75 -> "الخامسة والسبعون" / "seventy-fifth"."""
    words = _ordinal_words(language)
    if not 0 < n < 100 or not words:
        return str(n)
    tens, unit = divmod(n, 10)
    if language == "ar":
        if n < 11:
            return words.get((n, "alone")) or words[(n, "unit")]
        if tens == 1:
            return f"{words[(unit, 'unit')]} {words[(10, 'teen')]}"
        if unit == 0:
            return words[(n, "ten")]
        return f"{words[(unit, 'unit')]} و{words[(tens * 10, 'ten')]}"
    if n < 20 or unit == 0:
        return words[(n, "alone")]
    return f"{words[(tens * 10, 'ten')]}-{words[(unit, 'alone')]}"


def _english_ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@functools.cache
def _month_names(language: str) -> dict[int, str]:
    """Month number -> name as UN documents print it (Arabic: both names, Syriac first)."""
    names: dict[int, dict[str, str]] = {}
    with resources.files("analysis").joinpath("data/months.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["language"] == language:
                names.setdefault(int(row["month"]), {}).setdefault(row["system"], row["name"])
    if language == "ar":
        return {m: f"{n['syriac']}/{n['gregorian-transliterated']}" for m, n in names.items()}
    return {m: next(iter(n.values())) for m, n in names.items()}


def format_date(value, language: str) -> str:
    """A date as the document prints it: "16 December 2021", "١٦ كانون الأول/ديسمبر ٢٠٢١".

    ``value`` is a ``date``, an ISO string, or text already written out (returned with its
    numbers localized).
    """
    if isinstance(value, dt.date):
        y, m, d = value.year, value.month, value.day
    else:
        iso = _ISO_DATE.match(str(value))
        if not iso:
            return localize_numbers(str(value), language)
        y, m, d = (int(g) for g in iso.groups())
    months = _month_names(language)
    if m not in months:
        return localize_numbers(str(value), language)
    return localize_numbers(f"{d} {months[m]} {y}", language)


# ---------------------------------------------------------------- cover and closing

def _number_of(meta: dict) -> str:
    """The resolution's number as its title line prints it: "76/186" (no part letters)."""
    m = _SYMBOL_NUMBER.match((meta.get("symbol") or "").strip())
    if m:
        return m.group("number")
    if meta.get("session") and meta.get("number"):
        return f"{meta['session']}/{meta['number']}"
    return ""


def _session_number(meta: dict) -> int | None:
    found = _DIGITS.search(str(meta.get("session") or _number_of(meta)))
    return int(found.group()) if found else None


@functools.cache
def _committee_names(language: str) -> dict[str, str]:
    """Any English name of a Main Committee ("Fourth Committee") -> its full name on the cover
    of a ``language`` document (the first listed for its committee)."""
    with resources.files("analysis").joinpath("data/committees.csv").open(
            encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    full: dict[str, str] = {}
    for row in rows:
        if row["language"] == language:
            full.setdefault(row["committee"], row["name"])
    return {row["name"]: full.get(row["committee"], row["committee"])
            for row in rows if row["language"] == "en"}


def committee_name(committee: str, language: str) -> str:
    """A Main Committee as the cover of a ``language`` document names it."""
    return _committee_names(language).get(committee, committee)


def cover_lines(meta: dict, settings: RenderSettings, title_notes: tuple[int, ...] = ()
                ) -> list[str]:
    """The first page's header, as the seed (lines 1-17) shows the Arabic one.

    ``title_notes`` are footnotes on the title (cited by no paragraph): their markers end it.
    """
    lang = settings.language
    ar = lang == "ar"
    lines = ["", ""]
    if not ar:  # the Arabic seed's extraction lost the masthead and symbol (lines 1-3)
        lines += [furniture("masthead", lang), meta.get("symbol") or ""]
    lines += [furniture("distribution", lang)]
    if meta.get("distributed"):
        lines.append(format_date(meta["distributed"], "en"))
    lines += ["", furniture("body", lang), "", "", ""]
    session = _session_number(meta)
    if session:
        word = session_ordinal(session, lang)
        lines.append(f"الدورة {word}" if ar else f"{word[:1].upper()}{word[1:]} session")
    item = meta.get("agenda_item")
    if item:
        item = localize_numbers(str(item), lang)
        several = not _DIGITS.fullmatch(str(meta["agenda_item"]).strip())
        if ar:
            lines.append(f"{'البندان' if several else 'البند'} {item} من جدول الأعمال")
        else:
            lines.append(f"Agenda item{'s' if several else ''} {item}")
    lines.append("")
    if meta.get("adopted"):
        date = format_date(meta["adopted"], lang)
        lines += [f"قرار اتخذته الجمعية العامة في {date}" if ar
                  else f"Resolution adopted by the General Assembly on {date}", ""]
    report, committee = meta.get("committee_report"), meta.get("committee")
    if report or committee:
        report = localize_numbers(str(report), lang) if report else ""
        paren = f" ({report})" if report else ""
        if committee:
            committee = localize_numbers(committee_name(str(committee), lang), lang)
            lines.append(f"[بناء على تقرير {committee}{paren}]" if ar
                         else f"[on the report of the {committee}{paren}]")
        else:
            lines.append(f"[دون الإحالة إلى لجنة رئيسية{paren}]" if ar
                         else f"[without reference to a Main Committee{paren}]")
        lines.append("")
    number, title = _number_of(meta), localize_numbers(meta.get("title") or "", lang)
    if ar:
        lines.append(f"{localize_numbers(number, lang)} - {title}" if number else title)
    else:
        lines.append(f"{number}. {title}" if number else title)
    letter = _SYMBOL_NUMBER.match((meta.get("symbol") or "").strip())
    if letter and letter.group("letter"):  # 75/253 B prints "B" under the title
        lines.append(part_label(letter.group("letter"), settings))
    lines[-1] += "".join(_marker(n, settings) for n in title_notes)
    return lines


def closing_lines(meta: dict, settings: RenderSettings) -> list[str]:
    """Meeting and date under the last operative paragraph (seed lines 173-175)."""
    lang, lines = settings.language, []
    meeting = meta.get("meeting")
    if meeting is not None and str(meeting).strip():
        found = _DIGITS.fullmatch(str(meeting).strip())
        if found and lang == "ar":
            lines.append(f"الجلسة العامة {_digits(meeting, settings)}")
        elif found:
            n = int(meeting)
            lines.append(f"{n}{_english_ordinal_suffix(n)} plenary meeting")
        else:
            lines.append(localize_numbers(str(meeting), lang))
    if meta.get("adopted"):
        lines.append(format_date(meta["adopted"], lang))
    return lines


# ---------------------------------------------------------------- paragraphs

def sub_label(sub: str, settings: RenderSettings) -> str:
    """The printed label of a sub-paragraph: "(a)", "(أ)"; Arabic second level "’١‘"."""
    levels = sub.split(".")
    label = _digits(levels[-1], settings) if settings.language == "ar" else levels[-1]
    if settings.language == "ar" and len(levels) % 2 == 0:
        return f"\u2019{label}\u2018"  # right then left single quotation mark, as the UN prints it
    return f"({label})"


def number_label(number: int, settings: RenderSettings) -> str:
    """The printed number of a paragraph: "1." / "١ -"."""
    return f"{_digits(number, settings)} -" if settings.language == "ar" else f"{number}."


def part_label(part: str, settings: RenderSettings) -> str:
    """A part of a multi-part resolution as printed: "A" / "ألف"."""
    if settings.language == "ar" and len(part) == 1 and "A" <= part <= "Z":
        return _arabic_letter_names().get(ord(part) - ord("A") + 1, part)
    return part


@functools.cache
def _arabic_letter_names() -> dict[int, str]:
    """Position of a Latin letter -> its Arabic name as a part label (1 -> ألف, 2 -> باء)."""
    with resources.files("analysis").joinpath("data/part_labels.csv").open(
            encoding="utf-8") as f:
        return {int(r["value"]): r["label"] for r in csv.DictReader(f) if r["kind"] == "letter"}


@functools.cache
def _furniture_table() -> dict[tuple[str, str], str]:
    with resources.files("analysis").joinpath("data/page_furniture.csv").open(
            encoding="utf-8") as f:
        table: dict[tuple[str, str], str] = {}
        for r in csv.DictReader(f):
            table.setdefault((r["kind"], r["language"]), r["text"])
        return table


def furniture(kind: str, language: str) -> str:
    """A line of page furniture as the UN prints it in ``language`` ("recycle", "masthead",
    "body", "distribution"), English when the table has none for the language."""
    table = _furniture_table()
    return table.get((kind, language)) or table.get((kind, "*")) or table[(kind, "en")]


def _marker(n: int, settings: RenderSettings) -> str:
    return settings.marker.format(_digits(n, settings))


def place_markers(text: str, notes: tuple[int, ...], settings: RenderSettings,
                  rng: random.Random) -> str:
    """``text`` with the markers ``^(n)`` of the footnotes it cites, in order.

    The readers keep which footnotes a paragraph cites, not where: the last marker goes at
    the end, the others where ``rng`` picks among the places the UN puts them: clause ends
    (before the comma in Arabic, "٢٠٣٠^(١)،", after it in English, "Development,^(1)"), then
    before "and"/"و", then after any word past the opening words.
    """
    if not notes:
        return text
    arabic = settings.language == "ar"
    body = text.rstrip(_CLAUSE_END + " .")
    end = len(body) if arabic else len(text)
    opening = sum(len(w) + 1 for w in body.split(" ")[:3])
    need = len(notes) - 1
    chosen: list[int] = []
    for pattern, after in ((_CLAUSE, not arabic), (_BEFORE_AND, False), (_WORD_END, False)):
        if len(chosen) >= need:
            break
        cuts = sorted({m.end() if after else m.start() for m in pattern.finditer(body)}
                      - set(chosen))
        cuts = [c for c in cuts if c > opening]
        chosen += rng.sample(cuts, min(len(cuts), need - len(chosen)))
    chosen = sorted(chosen) + [end] * (len(notes) - len(chosen))
    out, last = [], 0
    for n, at in zip(notes, chosen, strict=True):
        space = " " if rng.random() < settings.marker_space else ""
        out += [text[last:at], space, _marker(n, settings)]
        last = at
    out.append(text[last:])
    return "".join(out)


def is_table(text: str) -> bool:
    """Whether a block's text is a table as the XML reader writes it."""
    return _TABLE_CELL in text or _TABLE_ROW in text


def table_rows(text: str, language: str) -> list[str]:
    """A table block (cells joined by " | ", rows by " || ") as ``pdftotext -layout`` prints
    it: a line per row, the cells of a row in columns at least three spaces apart, the
    first row (the header) first; a single-cell row (a group title, a note under the table)
    starts at the left margin. Right-to-left rows come in visual order, last cell first.
    A long cell is not wrapped inside its column: its row is one long line."""
    rows = [row.split(_TABLE_CELL) for row in text.split(_TABLE_ROW)]
    if language in _RIGHT_TO_LEFT:
        rows = [row[::-1] for row in rows]
    widths: dict[int, int] = {}
    for row in rows:
        if len(row) > 1:
            for k, cell in enumerate(row[:-1]):
                widths[k] = max(widths.get(k, 0), len(cell))
    last = sum(widths.values()) + len(_TABLE_GAP) * len(widths)  # where the last column is
    out = []
    for row in rows:
        line = "".join(cell.ljust(widths[k]) + _TABLE_GAP for k, cell in enumerate(row[:-1]))
        out.append(line.ljust(last) + row[-1] if line else row[0])  # last cell, last column
    return out


def block_text(block: Block, settings: RenderSettings, rng: random.Random, *,
               numbered: bool = True, bold: bool = False) -> str:
    """One block as printed: number or label, then its text with markers, numbers localized.

    ``numbered`` False leaves out the number of a paragraph that continues the one before.
    """
    text = place_markers(localize_numbers(_WS.sub(" ", block.text).strip(), settings.language),
                         block.footnotes, settings, rng)
    phrase = localize_numbers(block.phrase, settings.language)
    if bold and phrase and text.startswith(phrase):
        text = f"**{phrase}**{text[len(phrase):]}"
    if block.kind == "heading":
        return text
    if block.sub:
        return f"{sub_label(block.sub, settings)} {text}"
    if numbered and block.number is not None and block.section != "preamble":
        return f"{number_label(block.number, settings)} {text}"
    return text


# ---------------------------------------------------------------- layout

@dataclass(frozen=True)
class _Item:
    """One printed unit of the body: a paragraph, heading or fixed line."""

    text: str
    splittable: bool = True
    heading: bool = False
    tight: bool = False  # written after one line break and a leading space, not a blank line
    rows: tuple[str, ...] = ()  # a table: its printed lines, never joined or re-wrapped


def _fixed(lines: list[str]) -> list[_Item]:
    return [_Item(line, splittable=False) for line in lines]


def annex_label(part: str, settings: RenderSettings) -> str:
    """"Annex", "Annex II", "المرفق", "المرفق الثاني"."""
    word = ANNEX.get(settings.language, ANNEX["en"])
    return f"{word} {part}" if part else word


def is_formula(text: str, language: str) -> bool:
    """Whether ``text`` is the enacting formula ("The General Assembly,")."""
    return text.strip(" ,\u060c") == _FORMULA.get(language, _FORMULA["en"]).strip(" ,\u060c")


def body_items(parsed: Parsed, settings: RenderSettings, rng: random.Random) -> list[_Item]:
    """The document after its cover: part labels, formula, paragraphs, headings, closing
    lines, annex labels, in order.

    A collection of resolutions (75/101 A-B: the XML reader found an enacting formula per
    part) prints formula and closing lines in each part, after the part's label and title;
    one resolution in parts (75/253 B) prints the formula once, before its first part, and
    the closing lines once, before any annex.
    """
    lang, meta, blocks, items = settings.language, parsed.meta, parsed.blocks, []
    formula_line = _Item(_FORMULA.get(lang, _FORMULA["en"]), splittable=False)
    collection = sum(is_formula(a.text, lang) for a in parsed.artefacts) > 1
    bold_from = len(blocks)
    operative = [i for i, b in enumerate(blocks) if b.section == "operative" and not b.sub]
    if operative and rng.random() < settings.bold_verbs:
        bold_from = operative[rng.randrange(len(operative))]
    if not collection:
        items.append(formula_line)
    part, annex, formula, closed, number = None, False, not collection, True, None
    for i, b in enumerate(blocks):
        if b.section == "annex" and (not annex or b.part != part):
            if not closed:
                items += _fixed(closing_lines(meta, settings))
            items.append(_Item(annex_label(b.part, settings), splittable=False))
            part, annex, closed = b.part, True, True
        elif b.section != "annex" and b.part != part:
            if collection and not closed:
                items += _fixed(closing_lines(meta, settings))
                closed = True
            if b.part:
                items.append(_Item(part_label(b.part, settings), splittable=False))
            part, number = b.part, None
            formula = formula and not collection
        if b.section != "annex":
            closed = False
            if b.kind != "heading" and not formula:
                items.append(formula_line)
                formula = True
        numbered = b.sub or b.kind == "heading" or b.number != number
        if not b.sub and b.kind != "heading":
            number = b.number
        tight = bool(items) and b.kind != "heading" and rng.random() < settings.tight_breaks
        text = block_text(b, settings, rng, numbered=bool(numbered),
                          bold=i >= bold_from and b.section == "operative")
        if is_table(b.text):  # a table is set apart: blank lines around it
            items.append(_Item(text, rows=tuple(table_rows(text, lang))))
        else:
            items.append(_Item(text, splittable=b.kind != "heading",
                               heading=b.kind == "heading",
                               tight=tight and not items[-1].rows))
    if not closed:
        items += _fixed(closing_lines(meta, settings))
    return items


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap at spaces (never inside a word; a longer word gets its own line)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines or [""]


@functools.cache
def _marker_number(marker: str) -> re.Pattern:
    """Finds the number in markers printed as ``marker`` ("^({})" -> "^(12)")."""
    return re.compile(re.escape(marker).replace(r"\{\}", "([0-9\u0660-\u0669]+)"))


def _job_number(meta: dict, seed: int) -> str:
    """A job number of the UN's form "21-19241", from the metadata or made up from ``seed``."""
    if meta.get("job_number"):
        return str(meta["job_number"]).split(" (")[0]
    year = _ISO_DATE.match(str(meta.get("distributed") or meta.get("adopted") or ""))
    yy = year.group(1)[2:] if year else "21"
    rng = random.Random(f"job:{seed}:{meta.get('symbol')}")
    return f"{yy}-{rng.randrange(10000, 99999)}"


class _Pages:
    """Accumulates output lines and cuts pages; the page count is filled in at the end."""

    def __init__(self, parsed: Parsed, settings: RenderSettings, seed: int):
        self.s = settings
        self.notes = {f.number: f for f in parsed.footnotes}
        self.printed: set[int] = set()
        self.pending: list[int] = []
        self.lines: list[str | int] = []  # an int stands for the page number line of that page
        self.page, self.used = 1, 0
        self.symbol = parsed.meta.get("symbol") or ""
        self.job = _job_number(parsed.meta, seed)

    def measure(self, text: str) -> int:
        return len(wrap(text, self.s.width or self.s.page_width))

    def note_lines(self, n: int) -> list[str]:
        note = self.notes[n]
        body = localize_numbers(_WS.sub(" ", note.text).strip(), self.s.language)
        return [f"{self.s.note_label.format(_digits(n, self.s))} {body}"]

    def cite(self, text: str) -> None:
        """Footnotes first cited in ``text`` go to the foot of this page."""
        for g in _marker_number(self.s.marker).findall(text):
            n = int(g.translate(_WESTERN))
            if n in self.notes and n not in self.printed and n not in self.pending:
                self.pending.append(n)
                self.used += sum(self.measure(line) for line in self.note_lines(n)) + 1

    def foot(self, last: bool = False) -> None:
        """Footnote bodies of the page, then the page's furniture; then the next page's head."""
        s, out = self.s, self.lines
        if self.pending:
            out.append("")
            if s.language != "ar":
                out.append(_FOOTNOTE_RULE)
            for k, n in enumerate(self.pending):
                if k and s.language == "ar":
                    out.append("")
                for line in self.note_lines(n):
                    out += wrap(line, s.width) if s.width else [line]
            self.printed.update(self.pending)
            self.pending = []
        if s.bare_page_breaks and self.page > 1:
            if not last:
                out.append("")
                self.page += 1
                self.used = 0
            return
        out += ["", ""]
        letter = _LANGUAGE_LETTER.get(s.language, "E")
        if self.page == 1:
            if s.job_number:
                out.append(f"{self.job} ({letter})")
            if s.barcode:
                out.append("*" + self.job.replace("-", "") + "*")
            if s.recycle:
                out += ["", furniture("recycle", s.language)]
        else:
            footer = [self.page] if s.page_numbers else []
            if s.job_number:
                footer.append(self.job)
            out += footer if self.page % 2 == 0 else footer[::-1]
        if last:
            return
        out += ["", ""]
        self.page += 1
        self.used = 0
        if s.running_heads and self.symbol:
            out += [self.symbol, ""]
            self.used = 2

    def full(self) -> bool:
        return self.used >= self.s.lines_per_page

    def add(self, item: _Item) -> None:
        s = self.s
        measure = s.width or s.page_width
        if item.heading and s.width:
            measure -= s.heading_indent
        visual = ([line for row in item.rows for line in (
            wrap(row, measure) if s.width and _TABLE_GAP not in row else [row])]
                  if item.rows else wrap(item.text, measure))
        if self.lines and not item.tight:
            if self.full() or (not item.splittable and self.used + len(visual) + 1
                               > s.lines_per_page):
                self.foot()
            elif s.blank_lines:
                self.lines.append("")
                self.used += 1
        piece: list[str] = []
        tight = item.tight  # only the first piece follows the previous paragraph tightly
        for line in visual:
            if self.full() and piece:
                self.flush(piece, tight, bool(item.rows))
                self.foot()
                piece, tight = [], False
            piece.append(line)
            self.used += 1
            self.cite(line)
        self.flush(piece, tight, bool(item.rows))

    def flush(self, piece: list[str], tight: bool, rows: bool = False) -> None:
        """The lines of one page's part of a paragraph (joined into one line without wrap)."""
        if not piece:
            return
        lines = piece if self.s.width or rows else [" ".join(piece)]
        if tight:
            lines = [" " + lines[0], *lines[1:]]
        self.lines += lines

    def text(self) -> str:
        total = self.page
        return "\n".join(f"{x}/{total}" if isinstance(x, int) else x
                         for x in self.lines) + "\n"


def render_text(parsed: Parsed, *, seed: int = 0, settings: RenderSettings | None = None) -> str:
    """The text a PDF of ``parsed`` would give once extracted; same input and seed, same text."""
    if settings is None:
        settings = settings_for(parsed.meta.get("language") or "en")
    rng = random.Random(f"{seed}:{parsed.meta.get('symbol')}")
    pages = _Pages(parsed, settings, seed)
    cited = {n for b in parsed.blocks for n in b.footnotes}
    title_notes = tuple(f.number for f in parsed.footnotes if f.number not in cited)
    for line in cover_lines(parsed.meta, settings, title_notes):
        pages.lines.append(line)
        pages.used += 1
        pages.cite(line)
    for item in body_items(parsed, settings, rng):
        pages.add(item)
    pages.foot(last=True)
    return pages.text()

