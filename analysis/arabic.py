"""Arabic text normalization: one small pure function per operation.

Matching (phrases, lexicons, references) runs on normalized text; what the user sees keeps
the original. Each operation maps one character to one character, deletes it (diacritics,
tatweel, invisible marks) or, for a presentation-form ligature, expands it. The operations
therefore compose into one per-character table: ``normalize_ar`` applies it in one pass and
``normalize_with_map`` also returns, for every normalized character, the index of the
original character it came from, so that a span found in normalized text points back into
the original (``original_span``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Combining marks: Quranic honorifics U+0610..U+061A; harakat U+064B..U+065F (fathatan,
# dammatan, kasratan, fatha, damma, kasra, shadda U+0651, sukun, maddah and hamza above and
# below, subscript alef ...); superscript alef U+0670; Quranic annotation marks U+06D6..U+06ED
# without the signs that are not marks (U+06DD end of ayah, U+06DE rub el hizb, U+06E5 and
# U+06E6 small waw and ya, U+06E9 place of sajdah).
_DIACRITICS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]")
# Harakat as spacing presentation forms U+FE70..U+FE7F (NFKC would leave a space or a
# tatweel behind), except U+FE73 which is unassigned.
_SPACING_DIACRITICS = re.compile("[\ufe70-\ufe72\ufe74-\ufe7f]")
# Tatweel (kashida) U+0640.
_TATWEEL = re.compile("\u0640")
# Invisible marks that PDF extraction and word processors leave inside words: zero width
# space/non-joiner/joiner U+200B..U+200D, LRM/RLM U+200E/U+200F, Arabic letter mark U+061C,
# bidi embeddings and isolates U+202A..U+202E, U+2066..U+2069, BOM U+FEFF.
_FORMAT_MARKS = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
# Arabic presentation forms A (U+FB50..U+FDFF) and B (U+FE70..U+FEFE).
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# Alef with madda U+0622, hamza above U+0623, hamza below U+0625, wavy hamza U+0672/U+0673,
# high hamza alef U+0675, wasla U+0671 -> bare alef U+0627.
_ALEF_FORMS = str.maketrans(dict.fromkeys("\u0622\u0623\u0625\u0671\u0672\u0673\u0675",
                                          "\u0627"))
# Alef maqsura U+0649 -> ya U+064A.
_ALEF_MAQSURA = str.maketrans({"\u0649": "\u064a"})
# Ta marbuta U+0629 -> ha U+0647.
_TA_MARBUTA = str.maketrans({"\u0629": "\u0647"})
# Waw with hamza U+0624 -> waw U+0648; ya with hamza U+0626 -> ya U+064A.
_HAMZA_CARRIERS = str.maketrans({"\u0624": "\u0648", "\u0626": "\u064a"})
# Persian letters that Arabic texts from some sources carry instead of the Arabic ones:
# Farsi yeh U+06CC -> ya U+064A, keheh U+06A9 -> kaf U+0643.
_PERSIAN_LETTERS = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})
# Eastern Arabic digits U+0660..U+0669 and Persian digits U+06F0..U+06F9 -> ASCII digits.
_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}})

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]")


def dediac_ar(text: str) -> str:
    """Remove harakat, shadda, tanwin, superscript alef, Quranic marks: تقرّر -> تقرر."""
    return _DIACRITICS.sub("", _SPACING_DIACRITICS.sub("", text))


def remove_tatweel_ar(text: str) -> str:
    """Remove tatweel (kashida) used to stretch words: الأمــم -> الأمم."""
    return _TATWEEL.sub("", text)


def remove_format_marks(text: str) -> str:
    """Remove invisible joiners, direction marks and the BOM."""
    return _FORMAT_MARKS.sub("", text)


def normalize_alef_ar(text: str) -> str:
    """Alef with hamza above/below, madda or wasla -> bare alef: إذ -> اذ."""
    return text.translate(_ALEF_FORMS)


def normalize_alef_maqsura_ar(text: str) -> str:
    """Alef maqsura -> ya: على -> علي."""
    return text.translate(_ALEF_MAQSURA)


def normalize_teh_marbuta_ar(text: str) -> str:
    """Ta marbuta -> ha: الجمعية -> الجمعيه."""
    return text.translate(_TA_MARBUTA)


def normalize_hamza_carriers_ar(text: str) -> str:
    """Waw and ya carrying hamza -> bare waw and ya: مؤتمر -> موتمر. Lone hamza stays."""
    return text.translate(_HAMZA_CARRIERS)


def normalize_persian_letters(text: str) -> str:
    """Farsi yeh and keheh -> Arabic ya and kaf."""
    return text.translate(_PERSIAN_LETTERS)


def normalize_digits(text: str) -> str:
    """Eastern Arabic and Persian digits -> ASCII digits: ١٩٢ -> 192."""
    return text.translate(_DIGITS)


def normalize_presentation_forms(text: str) -> str:
    """Arabic presentation forms -> base letters, via NFKC of those characters only.

    Only the presentation-form characters are decomposed, so that the rest of the text
    (superscripts, ligatures such as "ﬁ", no-break spaces) is left as it was.
    """
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()),
                             _SPACING_DIACRITICS.sub("", text))


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic letter or mark."""
    return bool(_ARABIC.search(text))


def _normalize_ar_slow(text: str) -> str:
    """The matching normalization, operation by operation (used to build the table)."""
    text = normalize_presentation_forms(text)
    text = remove_format_marks(remove_tatweel_ar(dediac_ar(text)))
    text = normalize_alef_ar(text)
    text = normalize_alef_maqsura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    text = normalize_hamza_carriers_ar(text)
    text = normalize_persian_letters(text)
    return normalize_digits(text)


@functools.cache
def _table() -> dict[int, str]:
    """Code point -> normalized string for every character the normalization changes."""
    candidates = [*range(0x0600, 0x0700), *range(0x200B, 0x2070), *range(0xFB50, 0xFE00),
                  *range(0xFE70, 0xFF00)]
    table = {}
    for cp in candidates:
        ch = chr(cp)
        norm = _normalize_ar_slow(ch)
        if norm != ch:
            table[cp] = norm
    return table


def normalize_ar(text: str) -> str:
    """The full matching normalization: forms, diacritics, tatweel, letters, digits.

    Text in other scripts passes unchanged (apart from digits and invisible marks).
    Only the characters the table changes (a tenth of Arabic text) are looked up: one
    split around them and a C-level map, three times quicker than ``str.translate``,
    which looks up every character.
    """
    if text.isascii():  # (the table changes no ASCII character)
        return text
    parts = _changed_split().split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = map(_char_table().__getitem__, parts[1::2])
    return "".join(parts)


@functools.cache
def _char_table() -> dict[str, str]:
    """``_table`` keyed by character."""
    return {chr(cp): norm for cp, norm in _table().items()}


@functools.cache
def _changed_split() -> re.Pattern:
    """``_changed`` as a group, so that ``split`` keeps the changed characters."""
    return re.compile(f"({_changed().pattern})")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """``normalize_ar`` plus, for each character of the result, its index in ``text``.

    Presentation forms that NFKC expands to several letters map each letter back to the one
    original character, so spans stay inside the original text.
    """
    table = _table()
    pieces: list[str] = []
    index: list[int] = []
    last = 0
    # Only the characters the table changes (a tenth of Arabic text) are visited one by one.
    for m in _changed().finditer(text):
        i = m.start()
        piece = table[ord(text[i])]
        pieces += (text[last:i], piece)
        index += range(last, i)
        index += [i] * len(piece)
        last = i + 1
    pieces.append(text[last:])
    index += range(last, len(text))
    return "".join(pieces), index


@functools.cache
def _changed() -> re.Pattern:
    """Any one character that ``_table`` changes."""
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_table())) + "]")


def original_span(index: list[int], start: int, end: int, text_length: int | None = None
                  ) -> tuple[int, int]:
    """A span ``[start, end)`` of normalized text as a span of the original text.

    ``index`` is the map from ``normalize_with_map``. The span covers whole original
    characters, with the diacritics and tatweel that were deleted inside it and right after
    it (علماً matched as علما spans the tanwin too); give ``text_length`` (the length of the
    original text) so that a span ending the text also takes the deletions at its end.
    An empty span maps to an empty span.
    """
    if start >= end:
        pos = index[start] if start < len(index) else (index[-1] + 1 if index else 0)
        return pos, pos
    following = index[end] if end < len(index) else text_length
    return index[start], max(index[end - 1] + 1, following or 0)
