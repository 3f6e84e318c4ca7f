"""Arabic text normalization: one small pure function per operation.

Matching (phrases, lexicons, references) runs on normalized text; what the user sees keeps
the original. Every function here maps one character to at most one character, except
``dediac_ar`` and ``remove_tatweel_ar`` which delete, so use ``normalize_with_map`` when a
span found in normalized text must point back into the original.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat U+064B..U+0652 (fathatan .. sukun, including shadda U+0651), superscript alef
# U+0670, and Quranic marks U+06D6..U+06ED.
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u06d6-\u06ed]")
# Tatweel (kashida) U+0640.
_TATWEEL = re.compile("\u0640")
# Alef with madda U+0622, hamza above U+0623, hamza below U+0625, wasla U+0671 -> bare alef U+0627.
_ALEF_FORMS = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627",
                             "\u0671": "\u0627"})
# Alef maqsura U+0649 -> ya U+064A.
_ALEF_MAQSURA = str.maketrans({"\u0649": "\u064a"})
# Ta marbuta U+0629 -> ha U+0647.
_TA_MARBUTA = str.maketrans({"\u0629": "\u0647"})
# Waw with hamza U+0624 -> waw U+0648; ya with hamza U+0626 -> ya U+064A.
_HAMZA_CARRIERS = str.maketrans({"\u0624": "\u0648", "\u0626": "\u064a"})
# Eastern Arabic digits U+0660..U+0669 and Persian digits U+06F0..U+06F9 -> ASCII digits.
_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}})

_ARABIC = re.compile("[\u0600-\u06ff]")


def dediac_ar(text: str) -> str:
    """Remove harakat, shadda, tanwin and superscript alef: تقرّر -> تقرر, علماً -> علما."""
    return _DIACRITICS.sub("", text)


def remove_tatweel_ar(text: str) -> str:
    """Remove tatweel (kashida) used to stretch words: الأمــم -> الأمم."""
    return _TATWEEL.sub("", text)


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
    """Waw and ya carrying hamza -> bare waw and ya: مؤتمر -> موتمر."""
    return text.translate(_HAMZA_CARRIERS)


def normalize_digits(text: str) -> str:
    """Eastern Arabic and Persian digits -> ASCII digits: ١٩٢ -> 192."""
    return text.translate(_DIGITS)


def normalize_presentation_forms(text: str) -> str:
    """Arabic presentation forms (U+FB50..U+FEFF) -> base letters, via NFKC."""
    if any("\ufb50" <= ch <= "\ufeff" for ch in text):
        return unicodedata.normalize("NFKC", text)
    return text


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def normalize_ar(text: str) -> str:
    """The full matching normalization: forms, diacritics, tatweel, letters, digits."""
    text = normalize_presentation_forms(text)
    text = remove_tatweel_ar(dediac_ar(text))
    text = normalize_alef_ar(text)
    text = normalize_alef_maqsura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    text = normalize_hamza_carriers_ar(text)
    return normalize_digits(text)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """``normalize_ar`` plus, for each character of the result, its index in ``text``.

    Presentation forms that NFKC expands to several letters map each letter back to the one
    original character, so spans stay inside the original text.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for norm in normalize_ar(ch):
            out.append(norm)
            index.append(i)
    return "".join(out), index
