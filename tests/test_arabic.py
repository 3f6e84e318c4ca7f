"""Arabic normalization: input/expected pairs, one operation at a time, then the whole."""

import pytest

from analysis.arabic import (
    dediac_ar,
    has_arabic,
    normalize_alef_ar,
    normalize_alef_maqsura_ar,
    normalize_ar,
    normalize_digits,
    normalize_hamza_carriers_ar,
    normalize_persian_letters,
    normalize_presentation_forms,
    normalize_teh_marbuta_ar,
    normalize_with_map,
    original_span,
    remove_format_marks,
    remove_tatweel_ar,
)


@pytest.mark.parametrize(("func", "text", "expected"), [
    # Shadda (seed, operative 4: "تقرّر"), tanwin fath on alef (seed: "علماً").
    (dediac_ar, "تقرّر", "تقرر"),
    (dediac_ar, "علماً", "علما"),
    (dediac_ar, "أيضًا", "أيضا"),  # tanwin written before the alef
    (dediac_ar, "تسلّم", "تسلم"),
    (dediac_ar, "الْجَمْعِيَّةُ", "الجمعية"),  # fatha, damma, kasra, sukun
    (dediac_ar, "كتابٌ كتابٍ", "كتاب كتاب"),  # tanwin damm and kasr
    (dediac_ar, "هٰذا", "هذا"),  # superscript alef U+0670
    (dediac_ar, "ا\u0654", "ا"),  # combining hamza above U+0654
    (dediac_ar, "\ufe7c\u0645", "\u0645"),  # shadda as isolated presentation form
    (dediac_ar, "Decides", "Decides"),
    (remove_tatweel_ar, "الأمــم", "الأمم"),
    (remove_tatweel_ar, "تشــدد على أهميــة", "تشدد على أهمية"),  # 75/100, preamble
    (remove_format_marks, "تقرر\u200f", "تقرر"),  # right-to-left mark
    (remove_format_marks, "\ufeffإن", "إن"),  # byte order mark
    (remove_format_marks, "لا\u200cيزال", "لايزال"),  # zero width non-joiner
    (normalize_alef_ar, "إذ", "اذ"),  # hamza below
    (normalize_alef_ar, "أيضا", "ايضا"),  # hamza above
    (normalize_alef_ar, "آخذة", "اخذة"),  # madda
    (normalize_alef_ar, "ٱلله", "الله"),  # wasla
    (normalize_alef_maqsura_ar, "على", "علي"),
    (normalize_alef_maqsura_ar, "إلى", "إلي"),
    (normalize_teh_marbuta_ar, "الجمعية العامة", "الجمعيه العامه"),
    (normalize_hamza_carriers_ar, "مؤتمر", "موتمر"),
    (normalize_hamza_carriers_ar, "هيئة", "هيية"),
    (normalize_hamza_carriers_ar, "جزء", "جزء"),  # lone hamza stays
    (normalize_persian_letters, "کی", "كي"),  # keheh, Farsi yeh
    (normalize_digits, "١٩٢/٦٨", "192/68"),  # seed, title line
    (normalize_digits, "۱۲۳۴۵۶۷۸۹۰", "1234567890"),  # Persian digits
    (normalize_digits, "2013", "2013"),
    (normalize_presentation_forms, "\ufe8d\ufedf\ufe8e\ufee3\ufee2", "الامم"),
    (normalize_presentation_forms, "\ufefb", "\u0644\u0627"),  # lam-alef ligature
    (normalize_presentation_forms, "\ufdf2", "\u0627\u0644\u0644\u0647"),  # Allah ligature
    (normalize_presentation_forms, "\ufe70", ""),  # fathatan isolated: no space left
    (normalize_presentation_forms, "x² ﬁ", "x² ﬁ"),  # non-Arabic compatibility forms kept
])
def test_operation(func, text, expected):
    assert func(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وإذ تحيط علماً أيضاً", "واذ تحيط علما ايضا"),  # seed, preambular paragraph 20
    ("تقرّر", "تقرر"),
    ("تؤكد من جديد", "توكد من جديد"),
    ("الجمعيـة العامّة", "الجمعيه العامه"),
    ("إلى الأمين العام", "الي الامين العام"),
    ("القرار ٢٩٣/٦٤", "القرار 293/64"),
    ("\ufee3\ufea0\ufee0\ufeb2", "مجلس"),  # presentation forms
    ("Takes note", "Takes note"),
])
def test_normalize_ar(text, expected):
    assert normalize_ar(text) == expected


@pytest.mark.parametrize("text", [
    "تقرّر", "وإذ تحيط علماً أيضاً", "الأمــم", "ﷲ أكبر", "\ufe70\u0645", "١٩٢/٦٨",
    "Decides", "", "إ\u200fذ",
])
def test_map_matches_normalize_and_points_back(text):
    norm, index = normalize_with_map(text)
    assert norm == normalize_ar(text)
    assert len(index) == len(norm)
    assert index == sorted(index)
    for ch, i in zip(norm, index, strict=True):
        assert normalize_ar(text[i]) and ch in normalize_ar(text[i])


def test_span_points_into_original():
    # Seed, preambular paragraph 20: the match "علما" covers the tanwin of "علماً".
    text = "وإذ تحيط علماً بتقرير المقررة الخاصة"
    norm, index = normalize_with_map(text)
    start = norm.index("علما")
    assert text[slice(*original_span(index, start, start + 4, len(text)))] == "علماً"
    start = norm.index("تحيط علما")
    assert text[slice(*original_span(index, start, start + 9, len(text)))] == "تحيط علماً"
    # At the end of the text, the trailing tanwin needs the text length.
    _, index = normalize_with_map("علماً")
    assert original_span(index, 0, 4, 5) == (0, 5)
    assert original_span(index, 0, 4) == (0, 4)
    # Inside an expanded ligature the span is the whole ligature.
    _, index = normalize_with_map("\ufdf2")
    assert original_span(index, 1, 3, 1) == (0, 1)


def test_has_arabic():
    assert has_arabic("Decides تقرر")
    assert has_arabic("\ufefb")
    assert not has_arabic("Decides 192/68")


def test_normalization_is_idempotent():
    text = "وإذ تحيط علماً أيضاً بالقرار ١٩٢/٦٨ في مؤتمر الأمــم ﷲ"
    assert normalize_ar(normalize_ar(text)) == normalize_ar(text)


def test_long_line_is_linear():
    # 1 MB in one line: a per-character table, no regex backtracking (no timing asserted).
    text = "وإذ تحيط علماً " * 70_000
    norm, index = normalize_with_map(text)
    assert len(index) == len(norm) == len(normalize_ar(text))
