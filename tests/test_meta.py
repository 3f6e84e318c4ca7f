"""Cover-page and closing metadata read from single lines (analysis.meta).

The Arabic lines are those of the seed (data/raw/A_RES_68_192_ar.txt, line numbers given)
and of A/RES/76/186 and session 75 cover pages (UNxml/GAresolutions); the English ones are
the same cover pages in English.
"""

from __future__ import annotations

import pytest

from analysis import load_resolution, meta, paths


@pytest.mark.parametrize("text, iso", [
    ("١٨ كانون الأول/ديسمبر ٢٠١٣", "2013-12-18"),  # seed line 175
    ("14 February 2014", "2014-02-14"),  # seed line 4
    ("16 كانون الأول/ديسمبر 2021", "2021-12-16"),
    ("٣٠ تموز/يوليه ٢٠١٠", "2010-07-30"),
    ("2 June 2021", "2021-06-02"),
    ("31 February 2021", None),  # no such day
    ("١٨ كانون الأول/يناير ٢٠١٣", None),  # the two Arabic names disagree
    ("on 18 December 2013", None),  # not a date alone on its line
])
def test_parse_date(text, iso):
    assert meta.parse_date(text) == iso


@pytest.mark.parametrize("words, n", [
    ("الثامنة والستون", 68), ("الخامسة والسبعون", 75), ("الحادية عشرة", 11),
    ("العاشرة", 10), ("Sixty-eighth", 68), ("Seventy-fifth", 75), ("twenty-first", 21),
    ("Thirtieth", 30), ("eleventh", 11), ("Sixty-great", None), ("", None),
])
def test_parse_ordinal(words, n):
    assert meta.parse_ordinal(words) == n


@pytest.mark.parametrize("line, language, n", [
    ("الدورة الثامنة والستون", "ar", 68),  # seed line 10
    ("الدورة الاستثنائية الثانية والثلاثون", "ar", 32),
    ("Sixty-eighth session", "en", 68),
    ("Thirty-second special session", "en", 32),
    ("Agenda item 108", "en", None),
])
def test_parse_session(line, language, n):
    assert meta.parse_session(line, language) == n


@pytest.mark.parametrize("line, language, n", [
    ("البند ١٠٨ من جدول الأعمال", "ar", 108),  # seed line 11
    ("البندان 14 و 122 من جدول الأعمال", "ar", 14),
    ("البند 103 (أ أ) من جدول الأعمال", "ar", 103),
    ("Agenda item 108", "en", 108),
    ("Agenda items 139 and 151", "en", 139),
    ("Agenda item 20 (a)", "en", 20),
])
def test_parse_agenda_item(line, language, n):
    assert meta.parse_agenda_item(line, language) == n


def test_adoption_lines():
    # seed line 13
    assert meta.parse_adopted("قرار اتخذته الجمعية العامة في ١٨ كانون الأول/ديسمبر ٢٠١٣",
                              "ar") == "2013-12-18"
    assert meta.parse_adopted("Resolution adopted by the General Assembly on 18 December 2013",
                              "en") == "2013-12-18"
    # wrapped before its date: an adoption line without a date
    assert meta.is_adoption_line("Resolution adopted by the General Assembly", "en")
    assert meta.parse_adopted("Resolution adopted by the General Assembly", "en") is None


@pytest.mark.parametrize("line, language, expected", [
    ("[بناء على تقرير اللجنة الثالثة (A/68/457)]", "ar", ("Third Committee", "A/68/457")),
    ("[on the report of the Third Committee (A/76/463, para. 26)]", "en",
     ("Third Committee", "A/76/463")),
    ("[بناء على تقرير لجنة المسائل السياسية الخاصة وإنهاء الاستعمار (اللجنة الرابعة) "
     "(A/75/411)]", "ar",
     ("Special Political and Decolonization Committee (Fourth Committee)", "A/75/411")),
    ("[on the report of the Special Political and Decolonization Committee (Fourth "
     "Committee) (A/75/411)]", "en",
     ("Special Political and Decolonization Committee (Fourth Committee)", "A/75/411")),
    ("[without reference to a Main Committee (A/75/L.1)]", "en", (None, None)),
    ("[دون الإحالة إلى لجنة رئيسية (A/75/L.21)]", "ar", (None, None)),
    ("[دون إحالة إلى لجنة رئيسية (A/68/L.5 و Add.1)]", "ar", (None, None)),  # without ال
    ("[on the report of the Committee on Information (A/75/21)]", "en", (None, "A/75/21")),
    ("Agenda item 108", "en", None),
])
def test_parse_committee(line, language, expected):
    assert meta.parse_committee(line, language) == expected


@pytest.mark.parametrize("line, language, n", [
    ("الجلسة العامة ٧٠", "ar", 70),  # seed line 173
    ("الجلسة العامة 48 (المستأنفة)", "ar", 48),
    ("70th plenary meeting", "en", 70),
    ("48th (resumed) plenary meeting", "en", 48),
    ("1st plenary meeting", "en", 1),
    ("plenary meetings were held", "en", None),
])
def test_parse_meeting(line, language, n):
    assert meta.parse_meeting(line, language) == n


def test_enacting_formula():
    assert meta.is_formula("إن الجمعية العامة،", "ar")  # seed line 19
    assert meta.is_formula("The General Assembly,", "en")
    # a hard-wrapped line of running text is not the formula
    assert not meta.is_formula("the General Assembly,", "en")
    assert not meta.is_formula("الجمعية العامة", "ar")


@pytest.mark.parametrize("line, symbol, session, number, title", [
    # Eastern digits are number-first (seed line 17), Western digits session-first
    ("١٩٢/٦٨ - تحسين تنسيق الجهود", "A/RES/68/192", 68, "192", "تحسين تنسيق الجهود"),
    ("68/192. Improving the coordination", "A/RES/68/192", 68, "192",
     "Improving the coordination"),
    ("76/186 - تحسين تنسيق الجهود", "A/RES/76/186", 76, "186", "تحسين تنسيق الجهود"),
    ("75/253 B. Special subjects", "A/RES/75/253 B", 75, "253 B", "Special subjects"),
    ("٢٥٣/٧٥ باء - مسائل خاصة", "A/RES/75/253 B", 75, "253 B", "مسائل خاصة"),
    ("S-32/1. Our common commitment", "A/RES/S-32/1", 32, "1", "Our common commitment"),
])
def test_parse_symbol_title(line, symbol, session, number, title):
    found = meta.parse_symbol_title(line)
    assert (found["symbol"], found["session"], found["number"], found["title"]) == (
        symbol, session, number, title)
    assert line[found["title_start"]:] == title


@pytest.mark.parametrize("line, session, symbol", [
    # the seed's Eastern digits converted to Western ones keep their number-first order (a
    # Windows-1256 file cannot hold Eastern digits): 192 cannot be a session
    ("192/68 - تحسين تنسيق الجهود", None, "A/RES/68/192"),
    ("5/68 - عنوان", 68, "A/RES/68/5"),  # the masthead's session decides
    ("68/5 - عنوان", 68, "A/RES/68/5"),
    ("76/186 - عنوان", None, "A/RES/76/186"),  # both can be sessions: session first
])
def test_western_digits_in_number_first_order(line, session, symbol):
    assert meta.parse_symbol_title(line, session)["symbol"] == symbol


def test_the_seed_in_western_digits_keeps_its_symbol():
    seed = paths.SEED.read_text(encoding="utf-8")
    western = load_resolution(seed.translate({0x660 + i: str(i) for i in range(10)}))
    assert (western.meta["symbol"], western.meta["session"]) == ("A/RES/68/192", 68)


@pytest.mark.parametrize("line", ["2/9", "68/192", "13-44785 (A)", "1. Urges States"])
def test_lines_that_are_no_title(line):
    assert meta.parse_symbol_title(line) is None


def test_parse_symbol():
    assert meta.parse_symbol("A/RES/68/192") == {"symbol": "A/RES/68/192", "session": 68,
                                                 "number": "192"}
    assert meta.parse_symbol("A/RES/75/101 A-B")["number"] == "101 A-B"
    assert meta.parse_symbol("A/68/457") is None


@pytest.mark.parametrize("line, kind", [
    ("الرجاء إعادة الاستعمال", "recycle"),  # seed line 37
    ("Please recycle \u2672", "recycle"),
    ("الأمــم المتحـدة", "masthead"),  # tatweel, as on the cover of 76/186 in Arabic
    ("United Nations", "masthead"),
    ("Distr.: General", "distribution"),  # seed line 3
    ("الجمعية العامة", "body"),  # seed line 6
    ("General Assembly", "body"),
    ("The General Assembly,", None),
])
def test_furniture_kind(line, kind):
    assert meta.furniture_kind(line) == kind


def test_long_lines_are_never_cover_page_items():
    line = "الدورة " + "الثامنة والستون " * 10_000
    assert meta.parse_session(line, "ar") is None
    assert meta.parse_date("18 December 2013 " * 10_000) is None
