"""References in resolution text: resolutions, decisions, UN documents and treaties cited.

``find_references`` reads one paragraph or footnote; ``references_table`` reads a whole
resolution (a reference in a footnote counts for every paragraph that cites the footnote);
``timeline_table`` dates the resolutions cited; ``compare_links`` sets the result beside the
undocs.org links of an AKN4UN file. ``python -m analysis.references links FOLDER`` prints
that comparison for every XML file of a folder.

How a number becomes a reference:

- A resolution or decision number (``64/293``, ``٢٩٣/٦٤``, ``2013/41``, ``2388 (2017)``,
  ``1514 (XV)``/``1514 (د-15)``, ``S-30/1``/``دإ-30/1``) counts only after a keyword
  (قرار/مقرر with their clitics and endings, "resolution(s)", "decision(s)") or in a list
  that follows one: "قراراتها ١٨٠/٦١ المؤرخ ... و ١٧٨/٦٤ ... و ١٩٠/٦٧". So page numbers
  ("2/9"), dates, SDG targets ("الغاية 5-2") and the numbers inside a document symbol are
  never resolutions.
- Digit order: Eastern Arabic digits are written number first (``٢٩٣/٦٤`` is 64/293),
  Western digits session first (``64/293``), as the corpus README documents. A four-digit
  year on either side makes a year-numbered resolution (ECOSOC ``٤١/٢٠١٣`` is 2013/41).
- A list goes on across commas, "and"/"و", dates with their link word, part letters
  ("40/257 A to C", "53/77 ألف ألف"), locators ("sect. III", "الفقرة 3", "annex") and, between
  dated numbers, subject phrases ("62/214 of 21 December 2007 on the Strategy, 70/286 of ...").
- The body is, in this order: a body named next to the keyword ("قرار مجلس حقوق الإنسان",
  "Human Rights Council resolution") or after the list ("decision 14/4 ... of the Conference
  of the Parties ..."); for a possessive ("قرارها", "its resolution", "قراره") the body named
  right before it ("the Human Rights Council, in its resolution"; in Arabic the masculine
  قراره takes the nearest masculine body), else the General Assembly, whose resolutions
  these are; for a generic noun ("المجلس", "the Council") the nearest body of that class
  named earlier in the text; else the shape of the number decides (year/number: ECOSOC;
  number (year): Security Council; session/number: General Assembly). The shape overrides a
  body whose numbering cannot produce it, and a list whose dates no session of the Assembly
  can bear ("resolutions 24/14 of 27 September 2013 ...") is the other body's named in the
  text, or of an unknown body (``body`` and ``symbol`` empty) rather than a wrong one. So
  is a number of a session the Assembly never numbered so (session/number from its 31st
  session, ``numbered_from``; "resolution 4/6 ..., adopted by the United Nations
  Environment Assembly" is not A/RES/4/6), unless the text names the Assembly.
- Document symbols (``A/68/457``, ``E/2002/68/Add.1``, ``CTOC/COP/WG.4/2013/5``) are Latin
  letters and slashes with at least one digit; a symbol shaped like a resolution symbol
  (``A/RES/64/293``) is that resolution.
- Treaties: "United Nations, Treaty Series, vol. 2225, No. 39574", "الأمم المتحدة، مجموعة
  المعاهدات، المجلد ٢٢٢٥، الرقم ٣٩٥٧٤" and "Ibid."/"المرجع نفسه" with a volume and number
  (the series of the previous citation). Symbol "UNTS 2225/39574".
- The date is the one written right after the number ("المؤرخ ٣٠ تموز/يوليه ٢٠١٠",
  "of 30 July 2010"); an Arabic dual or plural link ("المؤرخين") dates the whole list.

The vocabulary (keywords, bodies, their symbols) is data: ``data/reference_words.csv``,
``data/reference_bodies.csv``, ``data/treaty_series.csv``, ``data/section_letters.csv``.
A body without document symbols of its own (the Commission on Crime Prevention and Criminal
Justice) gets a label such as "CCPCJ resolution 27/2" in ``symbol``.
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .arabic import normalize_ar, original_span
from .dates import date_words, dates_in, text_dates
from .frames import as_list, typed_frame
from .meta import MAX_SESSION, session_first

RESOLUTION_KINDS = ("GA resolution", "ECOSOC resolution", "Human Rights Council resolution",
                    "Security Council resolution")
KINDS = (*RESOLUTION_KINDS, "other decision", "UN document", "treaty")

REFERENCE_COLUMNS = ["paragraph", "part", "section", "number", "sub", "kind", "body", "symbol",
                     "label", "letters", "date", "via_footnote", "footnote", "start", "end",
                     "text"]
TIMELINE_COLUMNS = ["symbol", "kind", "body", "date", "date_source", "approximate", "cited_in",
                    "label", "title"]

#: How far back (in characters) a possessive looks for the body it stands for.
_POSSESSIVE_WINDOW = 80


@dataclass(frozen=True)
class Reference:
    """One reference found in a text; ``start``/``end`` index the original text."""

    start: int
    end: int
    kind: str
    body: str | None
    symbol: str | None
    label: str
    letters: str = ""
    date: str | None = None
    text: str = ""


# --- data -------------------------------------------------------------------------------

def _read_csv(name: str) -> list[dict[str, str]]:
    with resources.files("analysis").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _norm(text: str, language: str) -> str:
    """Matching form of a word list entry: Arabic normalized, other languages casefolded."""
    return normalize_ar(text) if language == "ar" else text.casefold()


@functools.cache
def bodies() -> dict[str, dict[str, str]]:
    """Body key ("GA", "ECOSOC", ...) -> its row of ``data/reference_bodies.csv``."""
    return {r["body"]: r for r in _read_csv("reference_bodies.csv")}


@functools.cache
def _words(language: str) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for r in _read_csv("reference_words.csv"):
        if r["language"] == language:
            out.setdefault(r["role"], []).append({**r, "key": _norm(r["phrase"], language)})
    return out


@functools.cache
def _letters() -> dict[str, str]:
    """Normalized Arabic letter name ("الف") -> Latin letter ("A")."""
    return {normalize_ar(r["name"]): r["letter"] for r in _read_csv("section_letters.csv")}


def _alternation(words) -> str:
    """Regex alternation of literal phrases, longest first; spaces match any space run."""
    return "|".join(r"\s++".join(map(re.escape, w.split()))
                    for w in sorted(set(words), key=len, reverse=True))


def _key(text: str, language: str) -> str:
    return " ".join(_norm(text, language).split())


# --- matching text ----------------------------------------------------------------------

# Hyphen and dash variants -> "-", one character for one, so offsets stay.
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_ANY_DASH = re.compile("[\u2010-\u2014\u2212]")  # a regex search is quicker than translate
# Words start at a letter that follows no word character; checking this first lets the
# engine pass over digits, spaces and the inside of words quickly.
_LETTER_START = r"(?<!\w)(?=[^\W\d_])"
# Patterns that read on from the end of a number, date or name start where no space is
# before them, which also keeps a search over a long run of spaces linear.
_AFTER_WORD = r"(?<!\s)"
_DATE_MASK = "\u00a7"  # §: stands in for a date in the matching text
_SYMBOL_MASK = "#"  # stands in for a document symbol or a treaty citation


def _mask(text: str, start: int, end: int, char: str) -> str:
    """``text`` with ``[start, end)`` written over by ``char`` (``start <= end``)."""
    return text[:start] + char * (end - start) + text[end:]


def _to_matching(index, s: int, e: int) -> tuple[int, int]:
    return bisect.bisect_left(index, s), bisect.bisect_left(index, e)


# --- document symbols and treaties ------------------------------------------------------

# A UN document symbol: a Latin capital, then /segments (A/68/457, E/2002/68/Add.1,
# CTOC/COP/WG.4/2013/5, ICCD/COP(14)/..., A/71/6(Sect.2), A/75/6 (Sect. 3)/Add.1); at
# least one digit somewhere. "No.4204/Add.29" is a number (an IMO circular letter).
_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/.\-])(?!No\.)[A-Z][A-Za-z]{0,11}(?:\.\d+)?(?:\(\d+\))?"
    r"(?:/[A-Za-z0-9][A-Za-z0-9.\-]{0,15}"
    r"(?:\([A-Za-z0-9.\-]{1,15}\)| ?\((?i:sect|part|vol|supp)[A-Za-z0-9. \-]{0,12}\))?"
    r"){1,8}"
    r"(?:(?<=\d) ?\((?:19|20)\d\d\))?")
_HAS_DIGIT = re.compile(r"\d")
# "X/2" is decision 2 of a tenth session, not a document symbol.
_ROMAN_NUMBER = re.compile(r"[IVXL]{1,6}/\d{1,3}")
_RES_OR_DEC = re.compile(r"/(?:RES|Res|DEC|Dec)[/.]")


# A section, part or volume of a document, written "(Sect.3)" or " (Sect. 3)", "(Vol.I)",
# "(part II)".
_QUALIFIER_WORD = re.compile(r" ?\((sect|vol|parts?)(\.?) ?(?=\w)", re.IGNORECASE)


def canonical_symbol(symbol: str) -> str:
    """A document symbol as this module writes it: dashes unified, no trailing stop, a
    Security Council year after a space ("S/RES/2388 (2017)"), a section, part or volume as
    the symbol has it ("A/75/6 (Sect. 3)/Add.1", which Arabic texts also write "(Sect.3)")."""
    s = symbol.translate(_DASHES).strip().rstrip(".,;:")
    if s.count("(") < s.count(")"):
        s = s.rstrip(")")
    s = _QUALIFIER_WORD.sub(lambda m: f" ({m[1].capitalize()}{m[2]} ", s)
    return re.sub(r"^(S/RES/\d+) ?\(", r"\1 (", s)


@functools.cache
def _symbol_patterns() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, kind, body name) for the resolution and decision symbols of each body."""
    fill = {"session": r"(?:ES-|S-)?\d+", "number": r"\d+", "year": r"\d{4}",
            "roman": r"[IVXLC]+"}
    out = []
    for b in bodies().values():
        for column, kind in (("resolution_symbol", b["resolution_kind"]),
                             ("old_symbol", b["resolution_kind"]),
                             ("decision_symbol", "other decision")):
            template = b[column]
            if not template or " resolution " in template or " decision " in template:
                continue
            rx = re.escape(template).replace(r"\ \(", r" ?\(")
            for name, sub in fill.items():
                rx = rx.replace(re.escape("{" + name + "}"), sub)
            out.append((re.compile(rx + r"(?:[A-Z](?:-[A-Z])?)?", re.IGNORECASE), kind,
                        b["name"]))
    return out


def classify_symbol(symbol: str) -> tuple[str, str | None]:
    """(kind, body name) of a document symbol: a resolution or decision, else a UN document."""
    for rx, kind, body in _symbol_patterns():
        if rx.fullmatch(symbol):
            return kind, body
    if _RES_OR_DEC.search(symbol):
        return "other decision", None
    return "UN document", None


@functools.cache
def _treaty_regex() -> re.Pattern:
    """Treaty Series citations in any of the languages (Arabic texts cite in English too,
    with the conjunction written on it: "وUnited Nations, Treaty Series")."""
    roles: dict[str, list[str]] = {}
    for r in _read_csv("treaty_series.csv"):
        roles.setdefault(r["role"], []).append(_norm(r["phrase"], r["language"]))
    roles = {k: [normalize_ar(p) for p in v] for k, v in roles.items()}
    comma = r"\s*+(?:[,،]\s*+)?"
    series = "|".join(
        f"(?P<{role}>{_alternation(roles[role])})" for role in ("unts", "lnts", "ibid"))
    return re.compile(
        rf"(?:{_LETTER_START}|(?<=(?<!\w)\u0648))(?:{series}){comma}(?:{_alternation(roles['volume'])}){comma}(?P<vol>\d+){comma}"
        rf"(?:(?:{_alternation(roles['numbers'])})\s*+(?P<no1>\d+)\s*+(?:[,،]|and|et|y|و)\s*+"
        rf"(?P<no2>\d+)|(?:{_alternation(roles['number'])})\s*+(?P<no>\d+))",
        re.IGNORECASE)


def _treaties(norm: str, previous: str) -> list[tuple[int, int, str]]:
    """(start, end, symbol) of each Treaty Series citation; Ibid. takes ``previous``."""
    out = []
    for m in _treaty_regex().finditer(norm):
        series = "UNTS" if m.group("unts") else "LNTS" if m.group("lnts") else previous
        previous = series
        for no in (m.group("no"), m.group("no1"), m.group("no2")):
            if no:
                out.append((m.start(), m.end(), f"{series} {m.group('vol')}/{no}"))
    return out


# --- resolutions and decisions ----------------------------------------------------------

_ROMAN = (("C", 100), ("XC", 90), ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5),
          ("IV", 4), ("I", 1))


def to_roman(n: int) -> str:
    out = ""
    for letter, value in _ROMAN:
        while n >= value:
            out, n = out + letter, n - value
    return out


@functools.cache
def _keyword_regex(language: str) -> re.Pattern:
    w = _words(language)
    resolution = [r["key"] for r in w.get("resolution", [])]
    decision = [r["key"] for r in w.get("decision", [])]
    if language == "ar":
        # و/ف, then ب/ل/ك or the article (لل after ل), the stem, plural/dual, pronoun.
        return re.compile(
            _LETTER_START + r"[وف]?(?:بال|كال|لل|ال|ب|ل|ك)?(?P<kw>"
            + _alternation(resolution + decision)
            + r")(?:ات|ين|ان|ا|ي)?(?P<pro>هما|هم|ها|ه)?(?![^\W\d_])")
    possessive = [r["key"] for r in w.get("possessive", [])]
    return re.compile(
        _LETTER_START + r"(?:(?P<pro>" + _alternation(possessive) + r")\s++)?(?P<kw>"
        + _alternation(resolution + decision) + r")(?![^\W\d_])", re.IGNORECASE)


@functools.cache
def _keyword_stems(language: str) -> tuple[str, ...] | None:
    """The keywords as plain text, where a text holding none of them cannot match
    ``_keyword_regex``: keywords of one word without cased letters (Arabic); else None."""
    w = _words(language)
    keys = [r["key"] for r in w.get("resolution", []) + w.get("decision", [])]
    if not keys or any(len(k.split()) != 1 or k.lower() != k.upper() for k in keys):
        return None
    return tuple(k.strip() for k in keys)


#: The roles of reference_words.csv that name a body: its name, a generic noun ("the
#: Council"), a convention's name (standing for its conference).
_NAME_ROLES = ("body", "generic", "convention")


@functools.cache
def _body_regex(language: str) -> re.Pattern:
    """Body names and generic nouns; Arabic names may carry و، ب، ل، ال/لل clitics."""
    w = _words(language)
    phrases = [r["key"] for role in _NAME_ROLES for r in w.get(role, [])]
    if language != "ar":
        return re.compile(_LETTER_START + r"(?:the\s++)?(?P<name>" + _alternation(phrases)
                          + r")(?!\w)", re.IGNORECASE)
    alts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        if p.startswith("ال"):
            alts.append(r"[وف]?(?:بال|كال|لل|ال)" + _alternation([p[2:]]))
        else:
            alts.append(r"[وف]?[بلك]?" + _alternation([p]))
    return re.compile(_LETTER_START + r"(?P<name>" + "|".join(alts) + r")(?!\w)")


@functools.cache
def _body_lookup(language: str) -> dict[str, dict[str, str]]:
    """Normalized name (Arabic: also without its article) -> word row (body or generic)."""
    w = _words(language)
    out = {}
    for r in (r for role in _NAME_ROLES for r in w.get(role, [])):
        key = " ".join(r["key"].split())
        out[key] = r
        if language == "ar" and key.startswith("ال"):
            out[key[2:]] = r
    return out


def _lookup_body(name: str, language: str) -> dict[str, str] | None:
    key = _key(name, language)
    table = _body_lookup(language)
    if language == "ar":
        for prefix in ("", "و", "ف"):
            rest = key[len(prefix):] if key.startswith(prefix) else None
            if rest is None:
                continue
            for clitic in ("بال", "كال", "لل", "ال", "ب", "ل", "ك", ""):
                if rest.startswith(clitic) and rest[len(clitic):] in table:
                    return table[rest[len(clitic):]]
        return None
    return table.get(key.removeprefix("the ").strip())


@functools.cache
def _letter_regex() -> str:
    name = _alternation(_letters())
    letter = rf"(?:[A-Z]{{1,2}}|(?:{name})(?:\s++(?:{name}))?)"
    return rf"{letter}(?:\s*+(?:to|and|-|الي|و)\s*+{letter})?"


@functools.cache
def _item_regex() -> re.Pattern:
    """One resolution number, in any of its written shapes, then its part letters."""
    letters = _letter_regex()
    return re.compile(
        r"(?<![\d/])(?:"
        r"(?P<sp>ES|S|د\s*+ا\s*+ط|د\s*+ا)\s*+-\s*+(?P<sa>\d{1,4})\s*+/\s*+(?P<sb>\d{1,4})"
        r"|(?P<scn>\d{1,4})\s*+\(\s*+(?P<scy>(?:19|20)\d\d)\s*+\)"
        r"|(?P<on>\d{1,4})\s*+(?:(?P<ol>" + letters + r")\s*+)?"
        r"\(\s*+(?P<orom>(?:E?S-)?[IVXLC]+|(?:داط|دا|د)\s*+-\s*+\d{1,3})\s*+\)"
        r"|(?P<a>\d{1,4})\s*+/\s*+(?P<b>\d{1,4})"
        r"|(?P<ra>[IVXL]{1,6})/(?P<rb>\d{1,3})"
        r")(?![\d/])(?:\s++(?P<part>" + letters + r")(?!\w))?")


@functools.cache
def _separator(language: str) -> str:
    """What joins two numbers of a list: a comma or semicolon, "and", "as well as"."""
    ands = [_norm(x, language) for x in date_words(language).get("and", ())]
    ands += [r["key"] for r in _words(language).get("list_and", [])]
    return (rf"(?:[,،;؛]|(?<!\w)(?:{_alternation(ands) or '(?!)'})(?!\w)"
            rf"|و(?=\s*(?:\d|د\s*ا)))")


@functools.cache
def _separator_regex(language: str) -> re.Pattern:
    return re.compile(_separator(language), re.IGNORECASE)


@functools.cache
def _gap_regex(language: str) -> re.Pattern:
    """What may stand between two numbers of one list: separators, dates with their link
    word ("المؤرخ", "of"), locators ("sect. III", "para. 9", "الفقرة 3", "annex")."""
    words = date_words(language)
    links = [_norm(x, language)
             for x in words.get("date_link", ()) + words.get("date_link_plural", ())]
    return re.compile(
        rf"(?:\s|{_separator(language)}|{_DATE_MASK}+"
        rf"|(?<!\w)(?:{_alternation(links) or '(?!)'})(?=\s*{_DATE_MASK})"
        rf"|{_locator(language)})*+",
        re.IGNORECASE)


@functools.cache
def _locator(language: str) -> str:
    """A place inside a resolution: "sect. III", "paras. 61–76", "الجزء الحادي عشر",
    "الفقرتان 7 و 8", "annex": the word and up to three short words or numbers."""
    locators = [r["key"] for r in _words(language).get("locator", [])]
    word = r"(?![^\s]*(?:قرار|مقرر|[Rr]esolution|[Dd]ecision))[^\s,،;؛/.]+(?=[\s,،;؛.)]|$)"
    return (rf"(?<!\w)(?:{_alternation(locators) or '(?!)'})"
            rf"(?:\s*+{word}){{0,3}}(?:\s*+(?:و|and)\s*+\d+(?![\d/]))?")


@functools.cache
def _locator_regex(language: str) -> re.Pattern:
    """A locator right after a number, before its date: "59/276، الجزء الحادي عشر، المؤرخ"."""
    return re.compile(rf"{_AFTER_WORD}\s*+(?:[,،]\s*+)?{_locator(language)}", re.IGNORECASE)


@functools.cache
def _far_item_regex(language: str) -> re.Pattern:
    """The next item of a list that a subject phrase interrupts: after a separator, dated
    ("..., 70/286 of 17 June 2016 on ..., 73/302 of 20 June 2019 on ...")."""
    item = _item_regex().pattern
    link = _date_link_regex(language).pattern
    return re.compile(rf"{_separator(language)}\s*+(?=(?:{item}){link}|{_SC_ITEM})",
                      re.IGNORECASE)


# A Security Council number names its body by its shape: "2419 (2018)".
_SC_ITEM = r"(?<![\d/])\d{1,4}\s*+\(\s*+(?:19|20)\d\d\s*+\)"
#: How far a subject phrase may separate two dated items of one list.
_FAR = 400
# Where a clause ends: a list does not continue across it.
_CLAUSE_END = re.compile(r"[.;؛:]")


def _far_next(masked: str, pos: int, language: str) -> int | None:
    """Where the next dated item of the list starts, past a subject phrase, or None."""
    m = _far_item_regex(language).search(masked, pos, min(len(masked), pos + _FAR))
    if not m:
        return None
    skipped = re.sub(_TITLE, " ", masked[pos:m.start()])  # a title may hold a colon
    if _CLAUSE_END.search(skipped) or _keyword_regex(language).search(skipped):
        return None
    return m.end()


@functools.cache
def _date_link_regex(language: str) -> re.Pattern:
    """The word joining a number to its date ("المؤرخ", "of", "also of", "المؤرخ أيضا")."""
    words = date_words(language)
    single, plural, adverb = (
        _alternation([_norm(x, language) for x in words.get(role, ())]) or "(?!)"
        for role in ("date_link", "date_link_plural", "link_adverb"))
    return re.compile(
        rf"{_AFTER_WORD}\s*+(?:[,،]\s*+)?(?:(?:{adverb})\s++)?(?:(?P<plural>{plural})|{single})"
        rf"(?:\s++(?:{adverb}))?\s*+(?={_DATE_MASK})", re.IGNORECASE)


# A quoted title: “...”, ”...“ (Arabic), "...", «...».
_TITLE = r"[\"“”«][^\"“”«»]{0,500}[\"“”»]"


@functools.cache
def _body_after_regex(language: str) -> re.Pattern | None:
    """What joins a list to the body named after it: "of the", "الصادر عن", possibly after
    the title of the last resolution and a date ("..., entitled “...”, adopted by the",
    "intitulée « ... », adoptées le 16 octobre 2020 par la")."""
    w = _words(language)
    after = [r["key"] for r in w.get("body_after", [])]
    titles = [r["key"] for r in w.get("title_link", [])]
    if not after:
        return None
    title = rf"(?:\s*+(?:[,،]\s*+)?(?:(?:{_alternation(titles) or '(?!)'})\s*+)?{_TITLE})?"
    dated = rf"(?:{_date_link_regex(language).pattern}{_DATE_MASK}++)?"
    return re.compile(_AFTER_WORD + title + dated + r"\s*+(?:[,،]\s*+)?(?:"
                      + _alternation(after) + r")\s*+", re.IGNORECASE)


@functools.cache
def _connector_regex(language: str) -> re.Pattern:
    """The word between a keyword and the body named after it: "del", "of the"."""
    after = [r["key"] for r in _words(language).get("body_after", [])]
    return re.compile(_AFTER_WORD + r"\s*+(?:" + (_alternation(after) or "(?!)") + r")\s*+",
                      re.IGNORECASE)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    body: str | None  # body key, None for a generic noun
    cls: str  # class of body: assembly, council, commission, conference
    gender: str
    # The name of a convention, which stands for its conference of the parties only where
    # a generic noun or a number needs a body ("the Convention against Transnational
    # Organized Crime, the Conference of the Parties to the Convention ... resolution 10/1").
    convention: bool = False


def _mentions(masked: str, language: str) -> _Mentions:
    out = []
    for m in _body_regex(language).finditer(masked):
        row = _lookup_body(m.group("name"), language)
        if row is None:
            continue
        if row["role"] in ("body", "convention"):
            out.append(_Mention(m.start("name"), m.end(), row["body"],
                                bodies()[row["body"]]["class"], row["gender"],
                                row["role"] == "convention"))
        else:
            out.append(_Mention(m.start("name"), m.end(), None, row["body"], row["gender"]))
    return _Mentions(out)


class _Mentions(list):
    """Body mentions in text order, findable by where they start or end."""

    def __init__(self, mentions):
        super().__init__(mentions)
        names = [x for x in self if not x.convention]
        self.by_start = {x.start: x for x in names}
        self.by_end = {x.end: x for x in names}
        self.ends = [x.end for x in self]

    def before(self, pos: int) -> list[_Mention]:
        """Mentions ending at or before ``pos``, nearest last."""
        return self[: bisect.bisect_right(self.ends, pos)]


def _resolve_generic(mention: _Mention, mentions: _Mentions) -> str | None:
    """A generic noun ("المجلس", "the Council") stands for the last body of its class named
    before it; "the Assembly" with none named is the General Assembly."""
    if mention.body:
        return mention.body
    for x in reversed(mentions.before(mention.start)):
        if x.body and x.cls == mention.cls:
            return x.body
    return "GA" if mention.cls == "assembly" else None


@functools.cache
def _possessive_gap(language: str) -> re.Pattern:
    """What may join a body to the possessive standing for it: a comma, "in", and a place
    in the resolution ("the Environment Assembly, in paragraph 2 of its resolution 4/6",
    "جمعية الأمم المتحدة للبيئة، في الفقرة 2 من قرارها")."""
    w = _words(language)
    words = _alternation(r["key"] for r in w.get("possessive_gap", [])) or "(?!)"
    of = _alternation(r["key"] for r in w.get("locator_of", [])) or "(?!)"
    return re.compile(_AFTER_WORD + r"\s*+(?:[,،]\s*+)?(?:(?:" + words + r")\s*+)?"
                      rf"(?:{_locator(language)}\s*+(?:{of})\s*+)?",
                      re.IGNORECASE)


def _resolve_possessive(masked: str, pos: int, gender: str, language: str,
                        mentions: _Mentions) -> str | None:
    """The body a possessive at ``pos`` stands for. Arabic masculine (قراره): the nearest
    masculine body named shortly before (never the Assembly). Otherwise ("قرارها", "its"):
    a body named right before, joined only by a comma or "in" ("the Human Rights Council,
    in its resolution"); else None, which the caller reads as the General Assembly."""
    for x in reversed(mentions.before(pos)):
        if pos - x.end > _POSSESSIVE_WINDOW:
            break
        if x.convention:
            continue
        body = _resolve_generic(x, mentions)
        if gender == "m":
            if body and x.gender == "m":
                return body
        elif body and _possessive_gap(language).fullmatch(masked, x.end, pos):
            return body
    return None


def _shape(m: re.Match, text: str, index) -> dict:
    """Numbering of one item: its shape and parts, digit order resolved."""
    g = m.group
    if g("sp"):
        prefix = "ES-" if g("sp").replace(" ", "") in ("ES", "داط") else "S-"
        return {"shape": "session", "session": prefix + g("sa"), "number": g("sb")}
    if g("scn"):
        return {"shape": "number-year", "number": g("scn"), "year": g("scy")}
    if g("on"):
        rom = g("orom")
        if not rom.isascii():  # د-15 (session 15), دإ-6 (special), دإط-5 (emergency special)
            prefix = {"داط": "ES-", "دا": "S-"}.get(re.match(r"\D+?(?=\s*-)", rom).group(), "")
            rom = prefix + to_roman(int(re.search(r"\d+", rom).group()))
        return {"shape": "old", "number": g("on"), "roman": rom}
    if g("ra"):  # decision X/2 of a conference numbering its sessions in Roman numerals
        return {"shape": "session", "session": g("ra"), "number": g("rb")}
    a, b = g("a"), g("b")
    years = [x for x in (a, b) if len(x) == 4 and 1946 <= int(x) <= 2100]
    if len(years) == 1:
        year = years[0]
        return {"shape": "year", "year": year, "number": b if year == a else a}
    eastern = "\u0660" <= text[index[m.start("a")]] <= "\u0669" or \
        "\u06f0" <= text[index[m.start("a")]] <= "\u06f9"
    if eastern:
        return {"shape": "session", "session": str(int(b)), "number": str(int(a))}
    # Western digits read session first, unless the first cannot be a session ("180/61":
    # Eastern digits converted in their order); when both can, a date may still tell
    first = session_first(int(a), int(b))
    session, number = (a, b) if first else (b, a)
    return {"shape": "session", "session": str(int(session)), "number": str(int(number)),
            "either": first and int(b) <= MAX_SESSION}


def _dated_order(shape: dict, date: str | None, number_first: bool = False) -> dict:
    """A Western "a/b" that both orders allow, read number first when only that order fits
    its date ("2/55 of 4 December 2000" is 55/2), or when the document writes its numbers so
    (``number_first``, see ``western_number_first``) and no date says otherwise."""
    if not shape.pop("either", False):
        return shape
    swapped = {**shape, "session": shape["number"], "number": shape["session"]}
    fits, fits_swapped = _plausible_ga(shape, date), _plausible_ga(swapped, date)
    if (fits is False and fits_swapped) or (number_first and not fits):
        return swapped
    return shape


# "a/b" in Western digits, not part of a longer number or symbol (A/68/457, 2013/41/Rev.1).
_WESTERN_PAIR = re.compile(r"(?<![\w/.\-])(\d{1,3})/(\d{1,3})(?![\w/])")


def western_number_first(texts: list[str]) -> bool:
    """Whether a document writes Western-digit numbers number first (Eastern digits turned
    into Western ones in their order): more of its pairs that only one order allows put the
    number first ("180/61") than the session ("61/180")."""
    votes = 0
    for text in texts:
        if text and "/" in text:
            for a, b in _WESTERN_PAIR.findall(text):
                if (int(a) > MAX_SESSION) != (int(b) > MAX_SESSION):
                    votes += 1 if int(a) > MAX_SESSION else -1
    return votes > 0


def _letters_of(text: str | None) -> str:
    """Part letters as the UN links write them: "B", "A-C", "AA" (ألف ألف)."""
    if not text:
        return ""
    letters = _letters()
    names = _alternation(letters)
    joint = rf"\s*(?:\bto\b|\band\b|-|(?<!\w)الي(?!\w)|(?<!\w)و(?=\s*(?:{names})(?!\w)))\s*"
    groups = []
    for group in re.split(joint, normalize_ar(text)):
        words = group.split()
        if len(words) == 1 and re.fullmatch("[A-Z]{1,2}", words[0]):
            groups.append(words[0])
        elif words and all(w in letters for w in words):
            groups.append("".join(letters[w] for w in words))
    return "-".join(groups)


def _label(shape: dict) -> str:
    if shape["shape"] == "year":
        return f"{shape['year']}/{shape['number']}"
    if shape["shape"] == "number-year":
        return f"{shape['number']} ({shape['year']})"
    if shape["shape"] == "old":
        return f"{shape['number']} ({shape['roman']})"
    return f"{shape['session']}/{shape['number']}"


def _fit_body(body: str | None, shape: dict, unresolved: bool) -> str | None:
    """The body, corrected by the numbering shape, which no wording can override."""
    numbering = bodies()[body]["numbering"] if body else None
    if shape["shape"] == "number-year":
        return "SC"
    if shape["shape"] == "year":
        return body if numbering == "year" else "ECOSOC"
    if shape["shape"] == "old":  # 1514 (XV); another body's 574 (XXVII) has no symbol
        return body or "GA"
    if body is None:  # the Assembly, unless _not_the_assembly finds it never numbered so
        return None if unresolved else "GA"
    if _ROMAN_SESSION.fullmatch(shape["session"]):  # X/2: never the Assembly's numbering
        return body if body != "GA" else None
    # "General Assembly and Security Council resolutions 70/262 and 2282 (2016)"
    return body if numbering == "session" else "GA"


_ROMAN_SESSION = re.compile(r"[IVXL]+")


def _plausible_ga(shape: dict, date: str | None) -> bool | None:
    """Whether a General Assembly resolution of this session could bear this date: session
    n opens in September of 1945 + n and its resumed parts end within two years. None when
    the number or the date cannot tell (no date, a special session "S-27/1")."""
    if shape["shape"] != "session" or not date or not date[:4].isdigit() \
            or not shape["session"].isdigit():
        return None
    opened = 1945 + int(shape["session"])
    return opened <= int(date[:4]) <= opened + 2


def _numbered_by_assembly(shape: dict) -> bool:
    """Whether the Assembly numbered a resolution of this session so: session/number only
    from its ``numbered_from`` session (31, 1976); before, 1514 (XV). "4/6" is never its."""
    first = bodies()["GA"]["numbered_from"]
    session = shape.get("session", "")
    if shape["shape"] == "session" and _ROMAN_SESSION.fullmatch(session):
        return False  # "decision X/2": a conference numbering its meetings so
    return not (shape["shape"] == "session" and session.isdigit() and first
                and int(session) < int(first))


def _not_the_assembly(fitted: list[str | None], shapes: list[dict],
                      dates: list[str | None], other) -> list[str | None]:
    """The bodies of a list whose head names none: when no number read as the Assembly's
    can be its (a session it never numbered so, or a date outside the session), the list
    is another body's (``other()``, None when unknown); when one can be, only the numbers
    the Assembly never wrote leave it (one implausible date among plausible ones is a
    misprint: 72/256 of 2107)."""
    numbered = [_numbered_by_assembly(s) for s in shapes]
    verdicts = [v for f, s, d, n in zip(fitted, shapes, dates, numbered, strict=True)
                if f == "GA" and (v := _plausible_ga(s, d) if n else False) is not None]
    if verdicts and not any(verdicts):
        body = other()
        return [body if f == "GA" else f for f in fitted]
    if all(n for f, n in zip(fitted, numbered, strict=True) if f == "GA"):
        return fitted
    body = other()
    return [body if f == "GA" and not n else f for f, n in zip(fitted, numbered, strict=True)]


def _other_body(mentions: _Mentions, pos: int) -> str | None:
    """For a number the General Assembly cannot have adopted: the nearest other
    session-numbered body named in the same text, or None."""
    def distance(x: _Mention) -> int:
        return pos - x.end if x.end <= pos else x.start - pos

    for x in sorted(mentions, key=distance):
        body = _resolve_generic(x, mentions)
        if body and body != "GA" and bodies()[body]["numbering"] == "session":
            return body
    return None


def _symbol(body: str | None, decision: bool, shape: dict) -> str | None:
    if body is None:
        return None
    row = bodies()[body]
    if shape["shape"] == "old":
        template = row["old_symbol"]
    else:
        template = row["decision_symbol"] if decision else row["resolution_symbol"]
    if not template:
        return None
    session = shape.get("session", "")
    if row["roman_until"] and session.isdigit() and int(session) <= int(row["roman_until"]):
        shape = {**shape, "session": to_roman(int(session))}  # Arabic 10/2 is English X/2
    try:
        return template.format(**shape)
    except KeyError:
        return None


def _head_body(m: re.Match, masked: str, language: str, mentions: _Mentions
               ) -> tuple[str | None, bool, int]:
    """(body key, unresolved, end of the head) for a keyword match."""
    after = mentions.by_start.get(m.end() + _spaces(masked, m.end()))
    if after is None and (joint := _connector_regex(language).match(masked, m.end())):
        after = mentions.by_start.get(joint.end())  # "las resoluciones del Consejo ... 2017/18"
    before = mentions.by_end.get(m.start() - _spaces_back(masked, m.start()))
    pro = m.group("pro")
    if after and not pro:
        end = _joined_mentions_end(masked, after, language, mentions)
        if _item_regex().match(masked, end + _spaces(masked, end)):
            return _resolve_generic(after, mentions), False, end
    if before and not pro:
        return _resolve_generic(before, mentions), False, m.end()
    if pro:
        gender = ("m" if pro == "ه" else "f") if language == "ar" else ""
        start = m.start() if language == "ar" else m.start("pro")
        body = _resolve_possessive(masked, start, gender, language, mentions)
        if body is None and gender != "m":
            body = "GA"
        return body, body is None, m.end()
    return None, False, m.end()


def _joined_mentions_end(masked: str, first: _Mention, language: str, mentions: _Mentions
                         ) -> int:
    """Where a run of bodies joined by "and" ends: "قرارَي الجمعية العامة ومجلس الأمن 70/262 و
    2282 (2016)" (the shape of each number then picks its body)."""
    end, sep = first.end, _separator_regex(language)
    while True:
        pos = end + _spaces(masked, end)
        gap = sep.match(masked, pos)
        start = gap.end() + _spaces(masked, gap.end()) if gap else pos
        nxt = mentions.by_start.get(start)
        # Joined by a separator, or by the conjunction written on the name ("ومجلس الأمن").
        if nxt is None or (gap is None and not masked.startswith("و", start)):
            return end
        end = nxt.end


def _spaces(s: str, pos: int) -> int:
    n = 0
    while pos + n < len(s) and s[pos + n].isspace():
        n += 1
    return n


def _spaces_back(s: str, pos: int) -> int:
    n = 0
    while pos - n - 1 >= 0 and s[pos - n - 1].isspace():
        n += 1
    return n


def _body_after(masked: str, pos: int, language: str, mentions: _Mentions
                ) -> tuple[str | None, bool]:
    """(body, unresolved) named after a list: a body of a class other than the assembly's
    that cannot be identified ("adopted by the Conference of the Parties") is unresolved,
    not the General Assembly."""
    rx = _body_after_regex(language)
    m = rx.match(masked, pos) if rx else None
    mention = mentions.by_start.get(m.end()) if m else None
    if mention is None:
        return None, False
    body = _resolve_generic(mention, mentions)
    return body, body is None and mention.cls != "assembly"


_MASK_RUN = re.compile(f"{_DATE_MASK}*")


def _list_items(masked: str, pos: int, language: str, dates: dict[int, str | None]
                ) -> tuple[list[tuple[re.Match, str | None]], int]:
    """The numbers listed from ``pos`` on, each with the date written after it, and where
    the list ends. An Arabic dual or plural date link ("69/193 و 69/196 المؤرخين ...") dates
    the numbers since the last dated one."""
    item_rx, gap_rx = _item_regex(), _gap_regex(language)
    sep_rx, link_rx = _separator_regex(language), _date_link_regex(language)
    items: list[tuple[re.Match, str | None]] = []
    group = 0  # the items since the last dated one, which a plural link dates together
    pos += _spaces(masked, pos)
    while item := item_rx.match(masked, pos):
        pos, date = item.end(), None
        located = _locator_regex(language).match(masked, pos)
        link = link_rx.match(masked, located.end() if located else pos)
        if link:
            date, pos = dates.get(link.end()), _MASK_RUN.match(masked, link.end()).end()
            if link.group("plural"):
                items[group:] = [(i, d or date) for i, d in items[group:]]
        items.append((item, date))
        if date:
            group = len(items)
        gap = gap_rx.match(masked, pos)
        if item_rx.match(masked, gap.end()) and sep_rx.search(gap.group()):
            pos = gap.end()
            continue
        far = _far_next(masked, pos, language) if date or item.group("scn") else None
        if far is None:
            break
        pos = far
    return items, pos


def _resolutions(text: str, masked: str, index, language: str,
                 dates: dict[int, str | None], number_first: bool = False) -> list[Reference]:
    stems = _keyword_stems(language)
    if stems is not None and not any(stem in masked for stem in stems):
        return []
    keywords = list(_keyword_regex(language).finditer(masked))
    if not keywords:
        return []
    mentions = _mentions(masked, language)
    decisions = {r["key"] for r in _words(language).get("decision", [])}
    out: list[Reference] = []
    for kw in keywords:
        pro = kw.group("pro")
        if language == "ar" and pro and text[index[kw.end() - 1]] == "\u0629":
            continue  # مقررة (a rapporteur), not مقرره (its decision)
        body, unresolved, pos = _head_body(kw, masked, language, mentions)
        explicit = body is not None and not pro
        items, pos = _list_items(masked, pos, language, dates)
        if not items:
            continue
        if body is None and not unresolved:
            body, unresolved = _body_after(masked, pos, language, mentions)
            explicit = body is not None
        shapes = [_dated_order(_shape(item, text, index), d, number_first) for item, d in items]
        fitted = [_fit_body(body, shape, unresolved) for shape in shapes]
        if not explicit:
            fitted = _not_the_assembly(fitted, shapes, [d for _, d in items],
                                       functools.partial(_other_body, mentions, kw.start()))
        decision = _norm(kw.group("kw"), language) in decisions
        for (item, date), shape, fit in zip(items, shapes, fitted, strict=True):
            kind = ("other decision" if decision or fit is None
                    else bodies()[fit]["resolution_kind"])
            s, e = original_span(index, item.start(), item.end(), len(text))
            out.append(Reference(s, e, kind, bodies()[fit]["name"] if fit else None,
                                 _symbol(fit, decision, shape), _label(shape),
                                 _letters_of(item.group("part") or item.group("ol")), date,
                                 text[s:e]))
    return out


def find_references(text: str, language: str, previous_series: str = "UNTS",
                    number_first: bool = False) -> list[Reference]:
    """Every reference in one paragraph or footnote text, in text order.

    ``previous_series`` is the Treaty Series ("UNTS" or "LNTS") that an "Ibid." refers to
    when the text itself names none before it; ``number_first``: the document writes
    Western-digit numbers number first (``western_number_first``).
    """
    # Every treaty citation, symbol and resolution number has a digit (normalization makes
    # digits of digits only): most paragraphs have none and are done here.
    if not text or not _HAS_DIGIT.search(text):
        return []
    norm, index, dates = text_dates(text, language)
    plain = norm.translate(_DASHES) if _ANY_DASH.search(norm) else norm
    if plain != norm:  # dates are read here with the dashes made plain (a minus too)
        dates = dates_in(text, plain, index, language)
    norm = plain
    masked = norm
    date_at: dict[int, str | None] = {}
    for d in dates:
        s, e = _to_matching(index, d.start, d.end)
        masked = _mask(masked, s, e, _DATE_MASK)
        date_at[s] = d.iso
    found: list[Reference] = []
    for s, e, symbol in _treaties(norm, previous_series):
        masked = _mask(masked, s, e, _SYMBOL_MASK)
        os_, oe = original_span(index, s, e, len(text))
        found.append(Reference(os_, oe, "treaty", "United Nations Treaty Series"
                               if symbol.startswith("UNTS") else "League of Nations Treaty "
                               "Series", symbol, symbol.split(" ", 1)[1], text=text[os_:oe]))
    for m in _SYMBOL.finditer(masked):
        raw = m.group()
        if not _HAS_DIGIT.search(raw) or _ROMAN_NUMBER.fullmatch(raw.rstrip(".,;:")):
            continue
        symbol = canonical_symbol(raw)
        e = m.start() + len(raw.rstrip(".,;:"))
        masked = _mask(masked, m.start(), e, _SYMBOL_MASK)
        kind, body = classify_symbol(symbol)
        os_, oe = original_span(index, m.start(), e, len(text))
        found.append(Reference(os_, oe, kind, body, symbol, symbol, text=text[os_:oe]))
    found += _resolutions(text, masked, index, language, date_at, number_first)
    unique = {(r.start, r.end): r for r in reversed(found)}  # first finding wins
    return sorted(unique.values(), key=lambda r: (r.start, r.end))


# --- tables -----------------------------------------------------------------------------

def _ref_row(ref: Reference, where: tuple, footnote: int | None) -> tuple:
    """A row of the references table, in the order of ``REFERENCE_COLUMNS``."""
    return (*where, ref.kind, ref.body, ref.symbol, ref.label, ref.letters, ref.date,
            footnote is not None, footnote, ref.start, ref.end, ref.text)


def meta_references(meta: dict | None) -> list[Reference]:
    """References in the metadata: the committee report the resolution was adopted on."""
    value = (meta or {}).get("committee_report")
    values = value if isinstance(value, list | tuple) else [value] if value else []
    out = []
    for v in values:
        for m in _SYMBOL.finditer(str(v)):
            symbol = canonical_symbol(m.group())
            kind, body = classify_symbol(symbol)
            out.append(Reference(m.start(), m.start() + len(symbol), kind, body, symbol, symbol,
                                 text=m.group()))
    return out


def footnote_references(footnotes: pd.DataFrame | None, language: str,
                        number_first: bool = False) -> dict[int, list[Reference]]:
    """Footnote number -> its references, "Ibid." following the series cited before it."""
    out: dict[int, list[Reference]] = {}
    if footnotes is None or footnotes.empty:
        return out
    series = "UNTS"
    # By number, as DataFrame.sort_values orders them (the same numpy sort), from lists.
    numbers, texts = as_list(footnotes["number"]), as_list(footnotes["text"])
    order = np.argsort(np.asarray(footnotes["number"]), kind="quicksort").tolist()
    for number, text in ((numbers[k], texts[k]) for k in order):
        refs = find_references(text, language, previous_series=series,
                               number_first=number_first)
        treaties = [r.symbol for r in refs if r.kind == "treaty"]
        if treaties:
            series = treaties[-1].split(" ")[0]
        out[int(number)] = refs
    return out


def references_table(paragraphs: pd.DataFrame, footnotes: pd.DataFrame | None,
                     language: str, meta: dict | None = None) -> pd.DataFrame:
    """One row per reference per citing paragraph, in document order.

    ``paragraph`` (the row index into ``paragraphs``), ``part``, ``section``, ``number``,
    ``sub`` say which paragraph cites it; a reference in a footnote has ``via_footnote``
    True and the footnote number, and appears once for every paragraph citing the footnote
    (once with ``paragraph`` NA if none does). With ``meta``, the committee report of the
    header comes first, with section "meta". ``start``/``end`` index the text the reference
    was found in (the paragraph's or the footnote's).
    """
    return typed_frame(reference_rows(paragraphs, footnotes, language, meta),
                       REFERENCE_DTYPES)


def reference_rows(paragraphs: pd.DataFrame, footnotes: pd.DataFrame | None, language: str,
                   meta: dict | None = None) -> list[tuple]:
    """The rows of ``references_table``, as tuples in the order of ``REFERENCE_COLUMNS``."""
    nowhere = (None, "", None, None, "")
    rows = [_ref_row(r, (None, "", "meta", None, ""), None) for r in meta_references(meta)]
    number_first = language == "ar" and western_number_first(
        as_list(paragraphs["text"]) + ([] if footnotes is None or footnotes.empty
                                       else as_list(footnotes["text"])))
    by_note = footnote_references(footnotes, language, number_first)
    cited: set[int] = set()
    blank = [""] * len(paragraphs)
    for idx, part, section, number, sub, text, notes in zip(
            paragraphs.index, as_list(paragraphs.get("part", blank)),
            *(as_list(paragraphs[c]) for c in ("section", "number")),
            as_list(paragraphs.get("sub", blank)),
            *(as_list(paragraphs[c]) for c in ("text", "footnotes")), strict=True):
        where = (int(idx), part, section, number, sub)
        rows += [_ref_row(r, where, None)
                 for r in find_references(text, language, number_first=number_first)]
        for note in notes:
            cited.add(int(note))
            rows += [_ref_row(r, where, int(note)) for r in by_note.get(int(note), [])]
    for note, refs in by_note.items():
        if note not in cited:
            rows += [_ref_row(r, nowhere, note) for r in refs]
    return rows


# Columns that may be unknown (body, symbol, letters, date) are nullable text, so that a
# missing value is <NA> like the integer columns beside it (the "str" dtype would show NaN).
REFERENCE_DTYPES = {c: "Int64" if c in ("paragraph", "number", "footnote", "start", "end")
                     else "bool" if c == "via_footnote"
                     else pd.StringDtype() if c in ("body", "symbol", "letters", "date")
                     else "str" for c in REFERENCE_COLUMNS}


@functools.cache
def resolution_dates() -> dict[str, dict[str, str]]:
    """Symbol -> row of ``data/resolution_dates.csv`` (adoption date, title, source)."""
    return {r["symbol"]: r for r in _read_csv("resolution_dates.csv")}


def session_date(symbol: str) -> str | None:
    """Approximate date of a resolution from its symbol alone: the month its session opened
    (General Assembly session n: September of 1945 + n, for n >= 2; Human Rights Council
    regular sessions: three a year from 2007, in March, June and September) or the year in
    an ECOSOC or Security Council symbol. None when the symbol says nothing usable."""
    m = re.fullmatch(r"A/RES/(\d+)/\d+[A-Z\-]*", symbol) or \
        re.fullmatch(r"A/RES/\d+\(([IVXLC]+)\)", symbol)
    if m:
        session = m.group(1)
        n = int(session) if session.isdigit() else _from_roman(session)
        return f"{1945 + n}-09" if n >= 2 else None
    m = re.fullmatch(r"A/HRC/RES/(\d+)/\d+", symbol)
    if m and int(m.group(1)) >= 4:
        n = int(m.group(1)) - 4
        return f"{2007 + n // 3}-{(3, 6, 9)[n % 3]:02d}"
    m = re.fullmatch(r"E/RES/(\d{4})/\d+", symbol) or re.fullmatch(r"S/RES/\d+ \((\d{4})\)",
                                                                   symbol)
    return m.group(1) if m else None


def _from_roman(s: str) -> int:
    values = dict(_ROMAN)
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


def _date_from_table(ref: pd.Series, dates: pd.DataFrame | None) -> str | None:
    """A full date that the dates table finds right after the reference (within a link word
    such as "المؤرخ " or " of "), in the same paragraph or footnote."""
    if dates is None or dates.empty or pd.isna(ref["end"]):
        return None
    if ref["via_footnote"]:
        here = dates[dates["footnote"] == ref["footnote"]]
    else:
        here = dates[(dates["paragraph"] == ref["paragraph"]) & dates["footnote"].isna()]
    gap = here["start"] - ref["end"]
    near = here[(gap >= 0) & (gap <= 10) & (here["precision"] == "day")]
    return str(near.iloc[0]["iso"]) if len(near) else None


def timeline_table(references: pd.DataFrame, dates: pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """One row per resolution cited (General Assembly, ECOSOC, Human Rights Council,
    Security Council), with its date and where the date comes from.

    ``date_source`` is "text" when the resolution's own text dates it, "reference" when
    ``data/resolution_dates.csv`` does (with its public source), "session" when only the
    symbol does (see ``session_date``): then ``approximate`` is True and ``date`` is a month
    or a year, never a guessed day. ``cited_in`` lists the paragraph rows citing it.
    ``dates`` (``dates_table``) supplies a date written right after a reference when the
    references table has none (a table built elsewhere).
    """
    refs = references[references["kind"].isin(RESOLUTION_KINDS) & references["symbol"].notna()]
    known = resolution_dates()
    rows = []
    for symbol, group in refs.groupby("symbol", sort=False):
        texts = [d for d in group["date"] if isinstance(d, str) and d[:4].isdigit()]
        texts += [d for d in (_date_from_table(r, dates) for _, r in group.iterrows()) if d]
        first = group.iloc[0]
        title = known.get(symbol, {}).get("title", "")
        if texts:
            date, source, approx = sorted(texts)[0], "text", False
        elif symbol in known:
            date, source, approx = known[symbol]["date"], "reference", False
        else:
            date, source, approx = session_date(symbol), "session", True
            if date is None:
                source = "unknown"
        cited = sorted({int(r) for r in group["paragraph"] if not pd.isna(r)})
        rows.append({"symbol": symbol, "kind": first["kind"], "body": first["body"],
                     "date": date, "date_source": source, "approximate": approx,
                     "cited_in": cited, "label": _short_label(first), "title": title})
    df = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    df = df.sort_values(["date", "symbol"], kind="stable", na_position="last")
    df = df.reset_index(drop=True)
    df["approximate"] = df["approximate"].astype("bool")
    for col in ("symbol", "kind", "body", "date", "date_source", "label", "title"):
        df[col] = df[col].astype("str")
    return df


_SHORT = {"GA resolution": "GA", "ECOSOC resolution": "ECOSOC",
          "Human Rights Council resolution": "HRC", "Security Council resolution": "SC"}


def _short_label(ref: pd.Series) -> str:
    return f"{_SHORT.get(ref['kind'], ref['kind'])} {ref['label']}"


# --- the undocs.org links of AKN4UN files -----------------------------------------------

_UNDOCS = re.compile(r"^https?://(?:www\.)?undocs\.org/(?:(?:ar|en|fr|es|ru|zh)/)*",
                     re.IGNORECASE)
# Qualifiers that undocs.org links and texts add to a symbol: (supp), (Vol.I), (Part I),
# (Sect.2). A Security Council year "(2017)" and a session "(XV)", "(S-VI)" are kept.
# The joint of a document issued under two symbols: "A/74/959-S/2020/724".
_JOINT = re.compile(r"-(?=[a-z]+/)")
_QUALIFIER = re.compile(r"\((?!\d{4}\)|(?:E?S-)?[IVXLC]+\))[^()]*\)", re.IGNORECASE)


def links_from_xml(source: str | Path | bytes) -> pd.DataFrame:
    """The undocs.org links of an AKN4UN file: href, symbol it names, link text (I/O)."""
    from lxml import etree

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False,
                                                         no_network=True))
    rows = []
    for a in root.iter("{*}a"):
        href = a.get("href") or ""
        if not _UNDOCS.match(href):
            continue
        rows.append({"href": href, "symbol": link_symbol(href),
                     "text": "".join(a.itertext()).strip()})
    return pd.DataFrame(rows, columns=["href", "symbol", "text"]).astype("str")


def link_symbol(href: str) -> str:
    """The symbol an undocs.org link names, written as ``canonical_symbol`` writes it
    ("https://undocs.org/en/A/RES/64/293" -> "A/RES/64/293"); stray language folders and
    slashes before it ("//en/", "sp/") are dropped."""
    s = _UNDOCS.sub("", href).strip()
    s = re.sub(r"^(?:/|(?:ar|en|fr|es|ru|zh|sp)/)+", "", s, flags=re.IGNORECASE)
    return canonical_symbol(s)


# Part letters of a resolution, which links write in many ways: "A/RES/75/101A-B",
# "A/RES/74/232b", "A/RES/74/261 C", "A/RES/217A(III)".
_PART_LETTERS = re.compile(
    r"^(a/res/(?:es-|s-)?\d+(?:/\d+)?)[a-z]{1,2}(?:-[a-z]{1,2})?(?=$|\()")


def compare_key(symbol: str) -> str:
    """What two writings of one symbol share: no qualifier, no space, no part letters, one
    case."""
    key = _QUALIFIER.sub("", canonical_symbol(symbol)).replace(" ", "").casefold()
    return _PART_LETTERS.sub(r"\1", key)


def compare_links(xml: str | Path | bytes, references: pd.DataFrame) -> pd.DataFrame:
    """Set the references found in the text beside the undocs.org links of the same file.

    One row per symbol on either side (compared with ``compare_key``): ``status`` "agree",
    "link only" (linked but not found in the text: a gap of this module, or a link on
    something that is not a reference), "text only" (found but not linked: the UN's markup
    links only some references, never the header's committee report) or "differ" (a link
    and a text reference with the same number but a different body).

    Which side to trust: the text. The links are added by a markup tool that goes by the
    shape of the number, while the words of the resolution say which body adopted it; the
    known wrong links are of that kind (A/RES/76/186, Arabic: "قرار لجنة منع الجريمة والعدالة
    الجنائية 27/2" linked to A/HRC/RES/27/2, a Commission resolution; session 75, Arabic:
    "قرارات الجمعية العامة 36/117 ألف" linked to A/HRC/RES/36/117; "الوثيقة C 2013/20", an FAO
    document, linked to E/RES/2013/20).
    """
    links = links_from_xml(xml)
    linked: dict[str, tuple[str, str]] = {}
    for _, link in links.iterrows():
        linked.setdefault(compare_key(link["symbol"]), (link["symbol"], link["text"]))
    found: dict[str, str] = {}
    for _, ref in references.iterrows():
        if isinstance(ref["symbol"], str) and ref["kind"] != "treaty":
            key = compare_key(ref["symbol"])
            # A document under two symbols (A/74/959-S/2020/724) may be linked by either.
            parts = [p for p in _JOINT.split(key) if p in linked and key not in linked]
            for k in parts or [key]:
                found.setdefault(k, ref["symbol"])
    rows = [(linked[k][0], found[k], "agree", linked[k][1], "") for k in linked if k in found]
    only_text = [k for k in found if k not in linked]
    paired: set[str] = set()
    for k in (k for k in linked if k not in found):
        number = _number(k)
        twin = next((t for t in only_text if number and t not in paired and _number(t) == number),
                    None)
        if twin:
            paired.add(twin)
            rows.append((linked[k][0], found[twin], "differ", linked[k][1],
                         "same number, different body"))
        else:
            rows.append((linked[k][0], None, "link only", linked[k][1], ""))
    rows += [(None, found[k], "text only", "", "") for k in only_text if k not in paired]
    return pd.DataFrame(rows, columns=["link_symbol", "text_symbol", "status", "link_text",
                                       "note"]).astype("str")


def _number(key: str) -> str | None:
    """The resolution number at the end of a symbol or label: "a/hrc/res/27/2" -> "27/2"."""
    m = re.search(r"(?<!\d)(\d+/\d+)$", key)
    return m.group(1) if m else None


def links_report(folder: str | Path) -> pd.DataFrame:
    """``compare_links`` for every XML file of a folder, disagreements only."""
    from . import ResolutionParseError, load_resolution

    columns = ["file", "link_symbol", "text_symbol", "status", "link_text", "note"]
    frames = []
    for path in sorted(Path(folder).glob("*.xml")):
        try:
            table = compare_links(path, load_resolution(path).references)
        except ResolutionParseError as exc:
            table = pd.DataFrame([(None, None, "unreadable", "", str(exc))], columns=columns[1:])
        table.insert(0, "file", path.name)
        frames.append(table[table["status"] != "agree"])
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "links":
        print("usage: python -m analysis.references links FOLDER", file=sys.stderr)
        return 2
    report = links_report(args[1])
    with pd.option_context("display.max_rows", None, "display.width", 200,
                           "display.max_colwidth", 40):
        print(report.to_string(index=False) if len(report) else "no disagreements")
    counts = report["status"].value_counts()
    print("\n" + ", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["KINDS", "Reference", "classify_symbol", "compare_links", "find_references",
           "references_table", "timeline_table"]
