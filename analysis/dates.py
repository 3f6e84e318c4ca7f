"""Dates in resolution text: "١٨ كانون الأول/ديسمبر ٢٠١٣", "from 13 to 15 May 2013", "in 2010".

Pure functions. ``find_dates`` returns every date of a text with its span in that text;
``parse_date`` reads one date string; ``dates_table`` lists the dates of a resolution's
paragraphs and footnotes.

Matching runs on normalized text (Arabic: ``arabic.normalize_ar``, so hamza forms,
diacritics and Eastern digits do not matter) and spans are mapped back to the original.
Month names come from ``data/months.csv`` (Arabic in both systems, كانون الأول/ديسمبر, with
or without a space after the slash, or either name alone); the small words of ranges, pairs
and years ("من ... إلى", "from ... to", "يومي ٣ و ٤", "عام") from ``data/date_words.csv``.

What is recorded, and how precise (``precision``):

- ``day``: a full date, ``iso`` "2013-12-18";
- ``month``: a month of a year ("December 2013"), ``iso`` "2013-12";
- ``year``: a year with a cue word before it ("عام ٢٠١٠", "in 2010", "the 2030 Agenda"),
  ``iso`` "2010". A bare number is never taken for a year: "2388 (2017)", "2013/41",
  "vol. 2225" are symbols or citations, not dates;
- ``month-day``: a day of a month with no year ("يوم ٣٠ تموز/يوليه", a day observed every
  year): ``iso`` is the ISO 8601 / XML Schema gMonthDay form "--07-30", which no date parser
  mistakes for a full date.

``kind`` is ``date``, ``range`` ("من ١٥ إلى ١٩ تشرين الأول/أكتوبر ٢٠١٢", "between 1 and
3 May"; ``iso`` the first day, ``end_iso`` the last) or ``pair`` (days joined by "and":
"يومي ٣ و ٤ تشرين الأول/أكتوبر ٢٠١٣"; ``iso`` the first day, ``end_iso`` the last).
Spans start at the first day (or month, or year) and leave out the cue words.
"""

from __future__ import annotations

import bisect
import csv
import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import pandas as pd

from .arabic import normalize_ar, original_span
from .frames import as_list, typed_frame

LANGUAGES = ("ar", "en", "fr", "es")

DATE_COLUMNS = ["paragraph", "footnote", "part", "section", "number", "sub", "start", "end",
                "text", "iso", "end_iso", "precision", "kind"]


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text; ``start``/``end`` index the original text."""

    start: int
    end: int
    iso: str | None
    end_iso: str | None
    text: str
    precision: str = "day"
    kind: str = "date"


def _read_csv(name: str) -> list[dict[str, str]]:
    with resources.files("analysis").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@functools.cache
def month_names(language: str) -> dict[str, int]:
    """Normalized month name -> month number, for one language."""
    return {_norm(r["name"], language): int(r["month"])
            for r in _read_csv("months.csv") if r["language"] == language}


@functools.cache
def date_words(language: str) -> dict[str, tuple[str, ...]]:
    """Role ("from", "to", "and", "year_cue", "date_link", ...) -> normalized words."""
    out: dict[str, list[str]] = {}
    for r in _read_csv("date_words.csv"):
        if r["language"] == language:
            out.setdefault(r["role"], []).append(_norm(r["word"], language))
    return {role: tuple(ws) for role, ws in out.items()}


def _norm(text: str, language: str) -> str:
    return normalize_ar(text) if language == "ar" else text.casefold()


def _alternation(words) -> str:
    """Regex alternation of literal words, longest first; inner spaces match any space run."""
    return "|".join(r"\s++".join(map(re.escape, w.split()))
                    for w in sorted(set(words), key=len, reverse=True))


# Separators inside "كانون الأول/ديسمبر": a slash with optional spaces and bidi marks.
# Space runs are matched possessively (\s++, \s*+) throughout, so that a long run of
# spaces is never split in many ways when a match fails after it.
_SLASH = r"[\s\u200e\u200f]*+/[\s\u200e\u200f]*+"
_DASH = "[-\u2010\u2011\u2012\u2013\u2014]"
_DIGIT = re.compile(r"\d")
_YEAR = r"(?<!\d)(?:1[89]\d\d|2[01]\d\d)(?!\d)"
_CUE_YEAR = r"(?<!\d)(?:19|20)\d\d(?![\d/])"
_DAY_SUFFIX = {"en": r"(?:st|nd|rd|th)?", "fr": r"(?:er)?", "es": r"(?:º|°)?", "ar": ""}
# Day-month and month-year joints: Spanish "18 de diciembre de 2013", English "May 18, 2013".
_JOINT_DM = {"es": r"\s++(?:de\s++)?"}
_JOINT_MY = {"es": r"\s++(?:de\s++)?", "en": r"(?:,\s*+|\s++)"}
# Arabic clitics a year cue word may carry: و، ب، ل، ال، لل، بال (وفي عام, لعام, بالعام),
# and the dual/plural endings of عامي/عامين.
_AR_CUE = r"(?:و?(?:بال|لل|ال|ب|ل)?)(?:{cue})(?:ين|ي)?"
# Dates start at the start of a word (in Arabic also right after a conjunction و: "و١٨"),
# which lets the engine skip every other position quickly.
_WORD_START = (r"(?<![^\W\d_])(?=\w)", r"(?:(?<![^\W\d_])|(?<=و))(?=\w)")


@functools.cache
def _month_regex(language: str) -> str:
    names = [r["name"] for r in _read_csv("months.csv") if r["language"] == language]
    if language != "ar":
        return "(?:" + _alternation(names) + ")"
    by_month: dict[int, list[str]] = {}
    for name, month in month_names(language).items():
        by_month.setdefault(month, []).append(name)
    pairs = []
    for forms in by_month.values():
        pairs += [f"{a}/{b}" for a in forms for b in forms if a != b]
    alternatives = sorted(set(pairs) | set(month_names(language)), key=len, reverse=True)
    return _by_first_letter([
        _SLASH.join(r"\s++".join(map(re.escape, part.split())) for part in alt.split("/"))
        for alt in alternatives])


def _by_first_letter(patterns: list[str]) -> str:
    """The alternation of ``patterns`` with those opening with the same uncased letter
    grouped under it (in their order), so that the engine tries a group's patterns only
    where its letter stands: the same matches, since patterns opening with different
    letters never match at the same place. Patterns not all opening with an uncased letter
    are joined as they are."""
    groups: dict[str, list[str]] = {}
    for p in patterns:
        if not p or not p[0].isalpha() or p[0].lower() != p[0].upper():
            return "(?:" + "|".join(patterns) + ")"
        groups.setdefault(p[0], []).append(p[1:])
    return "(?:" + "|".join(f"{letter}(?:{'|'.join(rests)})"
                            for letter, rests in groups.items()) + ")"


@functools.cache
def _date_regex(language: str) -> re.Pattern:
    """One pattern, alternatives tried in order: range, pair, US order, day, month, year."""
    w = date_words(language)
    month = _month_regex(language)
    if language == "en":  # "may", "march" are verbs: month names must be capitalized
        month = "(?-i:" + month + ")"
    day = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])" + _DAY_SUFFIX[language] + r"(?![\d/])"
    dm = _JOINT_DM.get(language, r"\s++")
    my = _JOINT_MY.get(language, r"\s++")
    if language == "ar":
        and_ = r"\s*+(?:[,،]\s*+)?و\s*+"
        cue = _AR_CUE.format(cue=_alternation(w.get("year_cue", ())))
    else:
        and_ = r"(?:\s*+,\s*+|\s++)(?:" + _alternation(w.get("and", ())) + r")\s++"
        cue = _alternation(w.get("year_cue", ()))
    to = (rf"\s*+{_DASH}\s*+|\s++(?:" + _alternation(w.get("to", ())) + r")\s++")
    start = _alternation(w.get("from", ()))
    between = _alternation(w.get("between", ()))
    more = rf"(?:\s*+[,،]\s*+{day}){{0,8}}+"  # "3, 4 and 5 May": a few days at most
    parts = [
        # from 13 to 15 May 2013; from 28 November to 2 December 2016; 30 Dec 2019 to 3 Jan 2020
        rf"(?:(?<!\w)(?P<rfrom>{start})\s++)?(?P<rd1>{day})"
        rf"(?:{dm}(?P<rm1>{month})(?:{my}(?P<ry1>{_YEAR}))?)?"
        rf"(?P<rto>{to})"
        rf"(?P<rd2>{day}){dm}(?P<rm2>{month})(?:{my}(?P<ry2>{_YEAR}))?",
        # يومي ٣ و ٤ تشرين الأول/أكتوبر ٢٠١٣; on 27 and 28 September 2017; 30 Nov and 1 Dec
        rf"(?:(?<!\w)(?P<pfrom>{between})\s++)?(?P<pd1>{day})(?:{dm}(?P<pm1>{month}))?{more}"
        rf"{and_}(?P<pd2>{day}){dm}(?P<pm2>{month})(?:{my}(?P<py2>{_YEAR}))?",
        rf"(?P<d>{day}){dm}(?P<m>{month})(?:{my}(?P<y>{_YEAR}))?",
        rf"(?P<mo>{month}){my}(?P<my>{_YEAR})",
        rf"(?<!\w)(?:{cue})\s++(?P<yy>{_CUE_YEAR})"
        rf"(?:(?P<yto>{to})(?P<yy2>{_CUE_YEAR})|{and_}(?P<yy3>{_CUE_YEAR}))?",
    ]
    if language == "en":  # December 18, 2013
        parts.insert(2, rf"(?P<mu>{month})\s++(?P<du>{day}),\s*+(?P<yu>{_YEAR})")
    return re.compile(_WORD_START[language == "ar"] + "(?:" + "|".join(parts) + ")",
                      re.IGNORECASE)


class OffsetIndex(Sequence):
    """The index list of ``arabic.normalize_with_map`` (normalized position -> original
    position), kept as breakpoints at the few characters that normalization deletes or
    expands, so that a long text costs one regex scan instead of a list entry per character.
    """

    def __init__(self, text: str):
        self._starts: list[int] = [0]  # normalized position where a segment starts
        self._base: list[int] = [0]  # original position = base + (j - start) ...
        self._fixed: list[bool] = [False]  # ... or base itself (an expanded character)
        shift, self._length = 0, 0
        for m in _length_changing().finditer(text):
            i, size = m.start(), len(normalize_ar(m.group()))
            j = i + shift
            if size:
                self._mark(j, i, True)
            self._mark(j + size, i + 1, False)
            shift += size - 1
        self._length = len(text) + shift

    def _mark(self, start: int, base: int, fixed: bool) -> None:
        if self._starts[-1] == start:
            self._starts.pop(), self._base.pop(), self._fixed.pop()
        self._starts.append(start)
        self._base.append(base)
        self._fixed.append(fixed)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, j):
        if isinstance(j, slice):
            return [self[k] for k in range(*j.indices(len(self)))]
        if j < 0:
            j += self._length
        if not 0 <= j < self._length:
            raise IndexError(j)
        k = bisect.bisect_right(self._starts, j) - 1
        return self._base[k] if self._fixed[k] else self._base[k] + j - self._starts[k]


@functools.cache
def _length_changing() -> re.Pattern:
    """Characters that Arabic normalization deletes or expands (not one for one)."""
    ranges = [*range(0x0600, 0x0700), *range(0x200B, 0x2070), *range(0xFB50, 0xFE00),
              *range(0xFE70, 0xFF00)]
    chars = [chr(cp) for cp in ranges if len(normalize_ar(chr(cp))) != 1]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


@functools.lru_cache(maxsize=1024)  # the actors, dates and references read the same texts
def normalized_text(text: str, language: str) -> tuple[str, Sequence[int]]:
    """The matching form of ``text`` and, for each of its characters, the index in ``text``
    (what ``arabic.normalize_with_map`` returns, computed in one pass)."""
    if language != "ar":
        return text, range(len(text))
    norm = normalize_ar(text)
    if len(norm) == len(text) and not _length_changing().search(text):
        return norm, range(len(text))
    return norm, OffsetIndex(text)


def find_dates(text: str, language: str) -> list[DateMatch]:
    """Every date in ``text`` (see the module docstring for what counts), in text order."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    # Every date has a day or a year in digits (normalization makes digits of digits only).
    if not text or not _DIGIT.search(text):
        return []
    return list(text_dates(text, language)[2])


@functools.lru_cache(maxsize=1024)  # the dates and the references tables read the same texts
def text_dates(text: str, language: str) -> tuple[str, Sequence[int], tuple[DateMatch, ...]]:
    """``normalized_text`` of ``text`` and the dates in it, computed once per text."""
    norm, index = normalized_text(text, language)
    return norm, index, tuple(dates_in(text, norm, index, language))


def dates_in(text: str, norm: str, index: Sequence[int], language: str) -> list[DateMatch]:
    """``find_dates`` on a text already normalized by ``normalized_text``.

    The full pattern runs only near an anchor (a month name, or a cue word and a year),
    which every date contains, so that long texts with few dates are scanned quickly.
    """
    months = month_names(language)
    between = set(date_words(language).get("between", ()))
    rx = _date_regex(language)
    out = []
    for start, end in _windows(norm, language):
        for m in rx.finditer(norm, start, end):
            found = _interpret(m, language, months, between)
            if found is None:
                continue
            (s, e), iso, end_iso, precision, kind = found
            s, e = original_span(index, s, e, len(text))
            out.append(DateMatch(s, e, iso, end_iso, text[s:e], precision, kind))
    return out


#: How far from its anchor (month name or year) a date may reach.
_REACH = 150


@functools.cache
def _anchor_regex(language: str) -> re.Pattern:
    """A month name, or a cue word and a year: every date holds one of the two."""
    w = date_words(language)
    if language == "ar":
        cue = _AR_CUE.format(cue=_alternation(w.get("year_cue", ())))
    else:
        cue = _alternation(w.get("year_cue", ()))
    month = _month_regex(language)
    if language == "en":
        month = "(?-i:" + month + ")"
    return re.compile(rf"{_WORD_START[language == 'ar']}(?:{month}|(?:{cue})\s++{_CUE_YEAR})",
                      re.IGNORECASE)


def _windows(norm: str, language: str) -> list[tuple[int, int]]:
    """Merged spans of ``norm`` within ``_REACH`` of an anchor."""
    out: list[list[int]] = []
    for m in _anchor_regex(language).finditer(norm):
        s, e = max(0, m.start() - _REACH), min(len(norm), m.end() + _REACH)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def parse_date(text: str, language: str | None = None) -> str | None:
    """The ISO form of the first date in ``text`` ("2013-12-18", "2013-12", "2010",
    "--07-30"), or None. Without ``language``, or when nothing is found in it, the other
    languages are tried too (an Arabic document carries English dates in its header)."""
    order = [language] if language else []
    order += [lang for lang in LANGUAGES if lang != language]
    for lang in order:
        found = find_dates(text, lang)
        if found:
            return found[0].iso
    return None


def _month_of(name: str, months: dict[str, int]) -> int | None:
    """Month number of a matched name; for a pair "كانون الاول/ديسمبر" both halves must agree."""
    found = {months.get(" ".join(part.split())) for part in re.split(r"\s*/\s*", name.casefold())}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    """ISO text of a date, or None when no such day exists (31 June)."""
    try:
        datetime.date(year or 2000, month, day or 1)
    except ValueError:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _interpret(m: re.Match, language: str, months: dict[str, int], between: set[str]):
    """(span, iso, end_iso, precision, kind) of one regex match, or None if not a real date."""
    groups = m.groupdict()
    g = groups.get

    for p in ("r", "p"):
        if g(p + "d1"):
            return _span_of_days(m, p, language, months, between)
    if g("d") or g("du"):
        d, mo, y = (g("d"), g("m"), g("y")) if g("d") else (g("du"), g("mu"), g("yu"))
        month = _month_of(mo, months)
        iso = _iso(int(y) if y else None, month, _day(d)) if month else None
        if iso is None:
            return None
        return (m.start(), m.end()), iso, None, "day" if y else "month-day", "date"
    if g("mo"):
        month = _month_of(g("mo"), months)
        if month is None:
            return None
        return (m.start(), m.end()), _iso(int(g("my")), month, None), None, "month", "date"
    year, end_year = g("yy"), g("yy2") or g("yy3")
    if g("yy2") and int(g("yy2")) <= int(year):
        return (m.start("yy"), m.end("yy")), year, None, "year", "date"
    kind = "range" if g("yy2") else "pair" if g("yy3") else "date"
    return (m.start("yy"), m.end()), year, end_year, "year", kind


def _span_of_days(m: re.Match, p: str, language: str, months: dict[str, int],
                  between: set[str]):
    """A range ("r" groups) or pair ("p" groups) of days: both ends, the first taking the
    month and year of the last when it has none of its own."""
    g = m.groupdict()
    m2 = _month_of(g[p + "m2"], months)
    m1 = _month_of(g[p + "m1"], months) if g[p + "m1"] else m2
    y2 = int(g[p + "y2"]) if g[p + "y2"] else None
    y1 = int(g["ry1"]) if p == "r" and g["ry1"] else y2
    if y1 and not (p == "r" and g["ry1"]) and m1 and m2 and m1 > m2:  # 28 Dec to 3 Jan 2020
        y1 -= 1
    if not (m1 and m2):
        return None
    first, last = _iso(y1, m1, _day(g[p + "d1"])), _iso(y2, m2, _day(g[p + "d2"]))
    if first is None or last is None:
        return None
    start_word = _norm(" ".join((g[p + "from"] or "").split()), language)
    kind = "range" if p == "r" or start_word in between else "pair"
    return (m.start(p + "d1"), m.end()), first, last, "day" if y2 else "month-day", kind


def _text_rows(paragraphs: pd.DataFrame, footnotes: pd.DataFrame | None):
    """(paragraph, footnote, part, section, number, sub, text) for every paragraph and
    footnote."""
    # Columns zipped, not iterrows: a Series per row costs more than finding its dates.
    # Lists, not pandas arrays: iterating a list is quicker.
    blank = [""] * len(paragraphs)
    yield from ((int(idx), None, part, section, number, sub, text)
                for idx, part, section, number, sub, text in zip(
                    paragraphs.index, as_list(paragraphs.get("part", blank)),
                    as_list(paragraphs["section"]), as_list(paragraphs["number"]),
                    as_list(paragraphs.get("sub", blank)), as_list(paragraphs["text"]),
                    strict=True))
    if footnotes is not None:
        yield from ((None, int(number), "", "footnote", None, "", text)
                    for number, text in zip(as_list(footnotes["number"]),
                                            as_list(footnotes["text"]), strict=True))


def dates_table(paragraphs: pd.DataFrame, footnotes: pd.DataFrame | None,
                language: str) -> pd.DataFrame:
    """One row per date in the paragraphs and footnotes.

    ``paragraph`` is the paragraph's row index in ``paragraphs`` (NA for a footnote),
    ``footnote`` the footnote number (NA for a paragraph); ``section`` is the paragraph's
    section or "footnote"; ``start``/``end`` index that paragraph's or footnote's ``text``.
    """
    return typed_frame(date_rows(paragraphs, footnotes, language), DATE_DTYPES)


def date_rows(paragraphs: pd.DataFrame, footnotes: pd.DataFrame | None,
              language: str) -> list[tuple]:
    """The rows of ``dates_table``, as tuples in the order of ``DATE_COLUMNS``."""
    rows = []
    for *where, text in _text_rows(paragraphs, footnotes):
        for d in find_dates(text if isinstance(text, str) else "", language):
            rows.append((*where, d.start, d.end, d.text, d.iso, d.end_iso, d.precision,
                         d.kind))
    return rows


DATE_DTYPES = {c: "Int64" if c in ("paragraph", "footnote", "number", "start", "end")
                else "str" for c in DATE_COLUMNS}
