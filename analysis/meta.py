"""Cover-page and closing metadata of a resolution: pure functions from a line of text to values.

A resolution's header (above the enacting formula) and its closing lines carry the symbol,
session, agenda item, adoption and distribution dates, committee and meeting. Each function
here reads one line (or a few joined lines) and returns a value or None; ``segment`` decides
which lines to ask about and records where each value came from. Matching runs on normalized
text (``arabic.normalize_ar``: hamza forms, diacritics, tatweel and Eastern digits do not
matter); the word lists (ordinals, committees, months, page furniture) are data files.
"""

from __future__ import annotations

import csv
import functools
import re
from datetime import date
from importlib import resources

from .arabic import normalize_ar

_SPACES = re.compile(r"\s+")
# Eastern Arabic digits U+0660..U+0669 (and Persian U+06F0..U+06F9).
_EASTERN_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


@functools.lru_cache(maxsize=4096)  # the text reader asks for the same line several times
def normalize(text: str) -> str:
    """The form every pattern here matches: normalize_ar, single spaces, stripped."""
    if text.isascii():  # (normalize_ar changes no ASCII character; split is \s as _SPACES)
        return " ".join(text.split())
    return _SPACES.sub(" ", normalize_ar(text)).strip()


def _rx(template: str) -> re.Pattern:
    """Compile a pattern written in natural Arabic/English against normalized text."""
    return re.compile(normalize_ar(template), re.IGNORECASE)


@functools.cache
def _rows(filename: str) -> tuple[dict, ...]:
    with resources.files("analysis").joinpath(f"data/{filename}").open(encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


# --- dates --------------------------------------------------------------------------------

@functools.cache
def _month_table() -> dict[str, int]:
    """Normalized month name (any language, either Arabic system) -> month number."""
    return {normalize(r["name"]).casefold(): int(r["month"]) for r in _rows("months.csv")}


@functools.cache
def _date_pattern() -> re.Pattern:
    names = sorted(_month_table(), key=len, reverse=True)
    name = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    # "18 كانون الأول/ديسمبر 2013", "18 December 2013", "1er janvier 2020".
    return re.compile(rf"(?<!\d)(\d{{1,2}})(?:er|º)?\s+({name}(?:\s*/\s*{name})?)\s+"
                      r"(\d{4})(?!\d)", re.IGNORECASE)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first day-month-year date in ``text``: (ISO date, start, end) or None.

    Offsets are into the normalized text; callers use them only to tell "the whole line is a
    date" from "a date inside a sentence". When a line gives both Arabic month names
    (كانون الأول/ديسمبر) they must agree.
    """
    if len(text) > MAX_LINE:
        return None
    norm = normalize(text)
    m = _date_pattern().search(norm)
    if not m:
        return None
    months = {_month_table().get(part.strip().casefold()) for part in m.group(2).split("/")}
    if len(months) != 1 or None in months:
        return None
    try:
        day = date(int(m.group(3)), months.pop(), int(m.group(1)))
    except ValueError:
        return None
    return day.isoformat(), m.start(), m.end()


def parse_date(text: str) -> str | None:
    """A line that is only a date ("١٨ كانون الأول/ديسمبر ٢٠١٣", "14 February 2014") -> ISO."""
    found = find_date(text)
    if found and found[1] == 0 and found[2] == len(normalize(text).rstrip(".")):
        return found[0]
    return None


# --- ordinals, sessions ---------------------------------------------------------------------

@functools.cache
def _ordinal_table() -> dict[str, int]:
    return {normalize(r["word"]).casefold(): int(r["value"]) for r in _rows("ordinals.csv")}


# Words that join the parts of a compound ordinal: "and", "بعد" (الحادية بعد المائة).
_ORDINAL_JOINERS = frozenset({"and", "one", normalize("بعد")})


def parse_ordinal(words: str) -> int | None:
    """Ordinal words -> number: "الثامنة والستون" -> 68, "Sixty-eighth" -> 68, else None."""
    table = _ordinal_table()
    total, seen = 0, False
    for word in re.split(r"[\s\-\u2010\u2011]+", normalize(words).casefold()):
        if not word or word in _ORDINAL_JOINERS:
            continue
        value = table.get(word)
        if value is None and word.startswith("و"):
            value = table.get(word[1:])
        if value is None:
            return None
        total, seen = total + value, True
    return total if seen else None


_SESSION = {
    "ar": _rx(r"^الدورة (?:الاستثنائية (?:الطارئة )?)?(?P<ord>[^\d]+?)$"),
    "en": _rx(r"^(?P<ord>[a-z\- ]+?) (?:(?:emergency )?special )?session$"),
}


def parse_session(line: str, language: str) -> int | None:
    """"الدورة الثامنة والستون" / "Sixty-eighth session" -> 68."""
    m = _match(_SESSION, line, language)
    return parse_ordinal(m.group("ord")) if m else None


# --- agenda item, adoption, committee, meeting --------------------------------------------

_AGENDA = {
    "ar": _rx(r"^البند(?:ان)? (?P<n>\d+)\b.*من جدول الأعمال$"),
    "en": _rx(r"^agenda items? (?P<n>\d+)\b"),
}
_ADOPTED = {
    "ar": _rx(r"^قرار(?:ان)? اتخذ(?:ته|تهما|ها) الجمعية العامة(?: في (?P<rest>.*))?$"),
    "en": _rx(r"^resolutions? adopted by the general assembly(?: on (?P<rest>.*))?$"),
}
_ON_REPORT = {
    "ar": _rx(r"^\[ ?بناء على تقرير (?P<rest>.*)$"),
    "en": _rx(r"^\[ ?on the reports? of the (?P<rest>.*)$"),
}
_WITHOUT_COMMITTEE = {
    "ar": _rx(r"^\[ ?(?:من )?دون (?:ال)?إحالة (?:إلى|الى) لجنة رئيسية"),  # with or without ال
    "en": _rx(r"^\[ ?without reference to a main committee"),
}
_MEETING = {
    "ar": _rx(r"^الجلسة العامة (?:\(المستأنفة\) )?(?P<n>\d+)(?: \(المستأنفة\))?$"),
    "en": _rx(r"^(?P<n>\d+)(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting$"),
}
_FORMULA = {
    "ar": _rx(r"^إن الجمعية العامة ?[،,]?$"),
    "en": _rx(r"^the general assembly ?,?$"),
}
#: The letters a formula opens with (normalized, lower case): "ا" of "إن", "t" of "the".
_FORMULA_FIRST = frozenset(p.pattern[1].casefold() for p in _FORMULA.values())
# A UN document symbol inside brackets: "A/68/457", "A/75/L.21/Add.1".
_DOC_SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+")
_PARENS = re.compile(r"\(([^()]*)\)")


#: Cover-page and closing lines are short; longer text is never one (and is not normalized).
MAX_LINE = 400


def _match(table: dict[str, re.Pattern], line: str, language: str) -> re.Match | None:
    """Match a line against the pattern of its language (or of any language if none)."""
    if len(line) > MAX_LINE:
        return None
    norm = normalize(line)
    patterns = [table[language]] if language in table else list(table.values())
    for pattern in patterns:
        m = pattern.match(norm)
        if m:
            return m
    return None


def parse_agenda_item(line: str, language: str) -> int | None:
    """"البند ١٠٨ من جدول الأعمال" / "Agenda item 108" -> 108 (the first item if several)."""
    m = _match(_AGENDA, line, language)
    return int(m.group("n")) if m else None


def is_adoption_line(line: str, language: str) -> bool:
    """"Resolution adopted by the General Assembly [on <date>]" (the date may wrap)."""
    return _match(_ADOPTED, line, language) is not None


def parse_adopted(line: str, language: str) -> str | None:
    """"قرار اتخذته الجمعية العامة في ١٨ كانون الأول/ديسمبر ٢٠١٣" -> "2013-12-18"."""
    m = _match(_ADOPTED, line, language)
    if not m or not m.group("rest"):
        return None
    return parse_date(m.group("rest"))


def is_committee_line(line: str, language: str) -> bool:
    return (_match(_ON_REPORT, line, language) or _match(_WITHOUT_COMMITTEE, line, language)
            ) is not None


@functools.cache
def _committee_table() -> dict[str, str]:
    return {normalize(r["name"]).casefold(): r["committee"] for r in _rows("committees.csv")}


def parse_committee(line: str, language: str) -> tuple[str | None, str | None] | None:
    """The committee and its report from the bracketed cover-page line.

    "[بناء على تقرير اللجنة الثالثة (A/68/457)]" -> ("Third Committee", "A/68/457");
    "[without reference to a Main Committee (A/75/L.1)]" -> (None, None): the document in
    brackets is then a draft resolution, not a committee report. None if not such a line.
    """
    if _match(_WITHOUT_COMMITTEE, line, language):
        return None, None
    m = _match(_ON_REPORT, line, language)
    if not m:
        return None
    rest = m.group("rest").rstrip("] ")
    groups = list(_PARENS.finditer(rest))
    report = None
    if groups:
        found = _DOC_SYMBOL.search(groups[-1].group(1))
        report = found.group() if found else None
        rest = rest[: groups[-1].start()].strip() if found else rest
    committee = _committee_table().get(rest.strip().casefold())
    return committee, report


#: The closing line naming the meeting is short; longer lines are not read for it.
MAX_MEETING_LINE = 60


def parse_meeting(line: str, language: str) -> int | None:
    """"الجلسة العامة ٧٠" / "70th plenary meeting" -> 70."""
    if len(line) > MAX_MEETING_LINE:
        return None
    m = _match(_MEETING, line, language)
    return int(m.group("n")) if m else None


#: The enacting formula is short: longer lines are not read for it.
MAX_FORMULA_LINE = 40


def is_formula(line: str, language: str) -> bool:
    """The enacting formula: "إن الجمعية العامة،" / "The General Assembly," (capital T: a
    wrapped line "the General Assembly," is not one)."""
    if len(line) > MAX_FORMULA_LINE:  # (asked of every line after the formula: length first)
        return False
    first = line.lstrip()[:1]
    if first.islower() or (first.isalnum() and normalize(first).casefold() not in _FORMULA_FIRST):
        return False  # (most short lines: no formula opens with their first letter)
    return _match(_FORMULA, line, language) is not None


# --- symbol and title ----------------------------------------------------------------------

@functools.cache
def part_labels() -> dict[str, tuple[str, int]]:
    """Normalized Arabic part label -> (kind, value).

    أولا -> ("ordinal", 1), باء -> ("letter", 2).
    """
    return {normalize(r["label"]): (r["kind"], int(r["value"])) for r in _rows("part_labels.csv")}


def _letter_name(word: str) -> str | None:
    """Arabic letter name -> Latin letter (باء -> B), for lettered resolutions."""
    kind, value = part_labels().get(normalize(word), ("", 0))
    return chr(ord("A") + value - 1) if kind == "letter" else None


# "١٩٢/٦٨ - title", "68/192. Title", "75/253 B. Title", "S-32/1. Title", "٢٥٣/٧٥ باء - ...":
# the number, then (read in code, to keep the patterns linear) a letter, a separator, a title.
_NUMBER_START = re.compile(r"^(?P<special>S-)?(?P<a>[0-9\u0660-\u0669]{1,4})/"
                           r"(?P<b>[0-9\u0660-\u0669]{1,4})(?![0-9\u0660-\u0669/])")
_LATIN_LETTER = re.compile(r"[A-Z](?:-[A-Z])?(?![A-Za-z])")
_SEPARATOR = re.compile(r"\.?[ \t]?[-\u2013\u2014]|\.")
_SYMBOL = re.compile(r"^A/RES/(?P<special>S-|ES-)?(?P<session>\d{1,3})/(?P<number>\d{1,4})"
                     r"(?:\s?(?P<letter>[A-Z](?:-[A-Z])?))?$")


#: Sessions have had two digits since 1955 and will until 2044: a larger side is a number.
MAX_SESSION = 99


def session_first(a: int, b: int, session: int | None = None) -> bool:
    """Whether Western digits "a/b" read session first, as they should (68/192). Not when
    only b is the document's ``session`` or a cannot be a session (192/68: Eastern digits
    converted in their number-first order)."""
    if session is not None and (a == session) != (b == session):
        return a == session
    return not (a > MAX_SESSION >= b)


def parse_symbol_title(line: str, session: int | None = None) -> dict | None:
    """The resolution number and title line.

    Eastern Arabic digits are written number-first (١٩٢/٦٨ is 68/192), Western digits
    session-first (68/192) unless ``session_first`` says otherwise (``session``: from the
    masthead). Returns symbol, session, number, title and ``title_start`` (offset of the
    title in ``line``), or None when the line is not such a line.
    """
    m = _NUMBER_START.match(line)
    if not m:
        return None
    pos = _skip_spaces(line, m.end())
    letter = ""
    found = _LATIN_LETTER.match(line, pos)
    if found:
        letter, pos = found.group(), _skip_spaces(line, found.end())
    else:
        word = line[pos:].split(" ", 1)[0]
        if _letter_name(word):
            letter, pos = _letter_name(word), _skip_spaces(line, pos + len(word))
    sep = _SEPARATOR.match(line, pos)
    if not sep:
        return None
    start = _skip_spaces(line, sep.end())
    a, b = (int(normalize(m.group(k))) for k in ("a", "b"))
    eastern = bool(_EASTERN_DIGIT.search(m.group("a")))
    session, number = (a, b) if not eastern and session_first(a, b, session) else (b, a)
    special = m.group("special") or ""
    number_text = f"{number} {letter}".strip()
    return {
        "symbol": f"A/RES/{special}{session}/{number_text}",
        "session": session,
        "number": number_text,
        "title": line[start:].strip(),
        "title_start": start,
    }


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def parse_symbol(text: str) -> dict | None:
    """A symbol on its own ("A/RES/68/192", a running head) -> symbol, session, number."""
    if len(text) > 60:
        return None
    m = _SYMBOL.match(normalize(text))
    if not m:
        return None
    number = f"{m.group('number')} {m.group('letter') or ''}".strip()
    return {"symbol": f"A/RES/{m.group('special') or ''}{m.group('session')}/{number}",
            "session": int(m.group("session")), "number": number}


# --- page furniture and cover-page names -----------------------------------------------------

@functools.cache
def _furniture(kind: str) -> dict[str, str]:
    """Normalized text -> language for one kind of fixed cover-page/page-foot text."""
    return {normalize(r["text"]).casefold().rstrip("."): r["language"]
            for r in _rows("page_furniture.csv") if r["kind"] == kind}


_NOT_LETTER = re.compile(r"[^\w\s.:]")


@functools.lru_cache(maxsize=1024)
def _may_open(char: str, kinds: tuple[str, ...]) -> bool:
    """Whether a fixed text of these kinds can start with this letter or digit (once
    normalized; a character that normalization removes, tatweel, could start any)."""
    initial = normalize(char).casefold()[:1]
    return not initial or any(key[:1] == initial for kind in kinds for key in _furniture(kind))


def furniture_kind(line: str, kinds=("recycle", "masthead", "distribution", "body")
                   ) -> str | None:
    """Which fixed text a line is ("recycle", "masthead", "distribution", "body"), or None.

    The recycle line may carry a stray symbol glyph after the words, so only letters count.
    """
    if len(line) > 60:
        return None
    first = line.lstrip()[:1]
    if first.isalnum() and not _may_open(first, kinds):
        return None  # (most lines: no fixed text starts with their first letter)
    norm = normalize(line).casefold().rstrip(".")
    letters = _NOT_LETTER.sub("", norm).strip()
    for kind in kinds:
        table = _furniture(kind)
        if norm in table or letters in table:
            return kind
    return None
