"""Dates: real sentences from the seed (A/RES/68/192, Arabic) and A/RES/76/186 (the bundled
XML in data/raw), with the values a reader can check in the documents."""

import pandas as pd
import pytest

from analysis import paths
from analysis.dates import DateMatch, dates_table, find_dates, normalized_text, parse_date

SEED = paths.SEED


def _found(text, language):
    return [(d.text, d.iso, d.end_iso, d.precision, d.kind) for d in find_dates(text, language)]


@pytest.mark.parametrize("language, text, expected", [
    # Seed line 13 (header): both month systems, Eastern digits.
    ("ar", "قرار اتخذته الجمعية العامة في ١٨ كانون الأول/ديسمبر ٢٠١٣",
     [("١٨ كانون الأول/ديسمبر ٢٠١٣", "2013-12-18", None, "day", "date")]),
    # Seed line 71.
    ("ar", "قرار مجلس حقوق الإنسان ٥/٢٣ المؤرخ ١٣ حزيران/يونيه ٢٠١٣ المعنون",
     [("١٣ حزيران/يونيه ٢٠١٣", "2013-06-13", None, "day", "date")]),
    # Seed line 117: a range, the footnote marker right after it.
    ("ar", "التي عقدت في فيينا في الفترة من ١٥ إلى ١٩ تشرين الأول/أكتوبر ٢٠١٢^(١٤) وبناتج",
     [("١٥ إلى ١٩ تشرين الأول/أكتوبر ٢٠١٢", "2012-10-15", "2012-10-19", "day", "range")]),
    # Seed line 73: two days joined by و.
    ("ar", "المعقود يومي ٣ و ٤ تشرين الأول/أكتوبر ٢٠١٣ وبالتزام الدول الأعضاء",
     [("٣ و ٤ تشرين الأول/أكتوبر ٢٠١٣", "2013-10-03", "2013-10-04", "day", "pair")]),
    # Seed line 141: a day observed every year (no year) and a year after عام.
    ("ar", "تحديد يوم ٣٠ تموز/يوليه يوماً عالمياً ... كل سنة اعتباراً من عام ٢٠١٤",
     [("٣٠ تموز/يوليه", "--07-30", None, "month-day", "date"),
      ("٢٠١٤", "2014", None, "year", "date")]),
    # Seed line 27: years with the clitic ل and with في.
    ("ar", "ومؤتمر القمة العالمي لعام ٢٠٠٥^(٢) والاجتماع ... الذي عقد في عام ٢٠١٠^(٣)",
     [("٢٠٠٥", "2005", None, "year", "date"), ("٢٠١٠", "2010", None, "year", "date")]),
    # A/RES/76/186 (Arabic XML): Western digits, a space after the slash; the single system.
    ("ar", "2017/18 المؤرخ 6 تموز/ يوليه 2017 و 2021/25 المؤرخ 22 تموز/يوليه 2021",
     [("6 تموز/ يوليه 2017", "2017-07-06", None, "day", "date"),
      ("22 تموز/يوليه 2021", "2021-07-22", None, "day", "date")]),
    ("ar", "اعتمد في 16 ديسمبر 2021", [("16 ديسمبر 2021", "2021-12-16", None, "day", "date")]),
    # A/RES/76/186 (Arabic): "for the years 2019 and 2020", dual with a vowel mark.
    ("ar", "الرئيسان المشاركان لفريق التنسيق لعامَي 2019 و 2020",
     [("2019 و 2020", "2019", "2020", "year", "pair")]),
    # A/RES/76/186, English, operative paragraph 3.
    ("en", "during its sixty-seventh session, from 13 to 15 May 2013, during its seventy-second "
           "session, on 27 and 28 September 2017, and during its seventy-sixth session",
     [("13 to 15 May 2013", "2013-05-13", "2013-05-15", "day", "range"),
      ("27 and 28 September 2017", "2017-09-27", "2017-09-28", "day", "pair")]),
    # A/RES/76/186, English, operative paragraph 4 and the preamble.
    ("en", "but no later than December 2025;",
     [("December 2025", "2025-12", None, "month", "date")]),
    ("en", "Recalling its resolution 64/293 of 30 July 2010, and the 2030 Agenda",
     [("30 July 2010", "2010-07-30", None, "day", "date"), ("2030", "2030", None, "year", "date")]),
    ("en", "by 2025 end child labour", [("2025", "2025", None, "year", "date")]),
    ("en", "from 28 November to 2 December 2016",
     [("28 November to 2 December 2016", "2016-11-28", "2016-12-02", "day", "range")]),
    ("en", "from 30 December 2019 to 3 January 2020",
     [("30 December 2019 to 3 January 2020", "2019-12-30", "2020-01-03", "day", "range")]),
    ("en", "held in Bangkok on 21 and 22 May 2014",
     [("21 and 22 May 2014", "2014-05-21", "2014-05-22", "day", "pair")]),
    ("fr", "à sa soixante-septième session, du 13 au 15 mai 2013",
     [("13 au 15 mai 2013", "2013-05-13", "2013-05-15", "day", "range")]),
    ("es", "resolución 64/293, de 30 de julio de 2010",
     [("30 de julio de 2010", "2010-07-30", None, "day", "date")]),
])
def test_find_dates(language, text, expected):
    assert _found(text, language) == expected


@pytest.mark.parametrize("language, text", [
    ("ar", "قرار مجلس الأمن 2388 (2017)"),  # a Security Council symbol, not a year
    ("ar", "قرار المجلس الاقتصادي والاجتماعي ٤١/٢٠١٣"),  # an ECOSOC number
    ("ar", "الأمم المتحدة، مجموعة المعاهدات، المجلد ٢٢٢٥، الرقم ٣٩٥٧٤"),  # seed footnote 4
    ("ar", "الغاية 5-2 من أهداف التنمية المستدامة"),  # A/RES/76/186 footnote
    ("en", "Supplement No. 53 (A/75/53), chap. V, page 2/9, 13-44785"),
    ("en", "31 June 2014"),  # no such day
    ("en", "which may 2013 have"),  # "may" is not the month
])
def test_not_dates(language, text):
    assert find_dates(text, language) == []


def test_spans_point_into_the_original_text():
    # Diacritics and tatweel are dropped for matching, not from the span.
    text = "وقــد اعتُمِد في ١٨ كانون الأوّل/ديسمبر ٢٠١٣، وتقرّر"
    (d,) = find_dates(text, "ar")
    assert text[d.start:d.end] == d.text == "١٨ كانون الأوّل/ديسمبر ٢٠١٣"
    assert d == DateMatch(d.start, d.end, "2013-12-18", None, d.text, "day", "date")


def test_normalized_text_index_matches_the_characters():
    text = "تقرّر الأمــم ١٨ \u200fكانون"
    norm, index = normalized_text(text, "ar")
    assert norm == "تقرر الامم 18 كانون"
    assert [text[index[j]] for j in range(len(norm))][:5] == ["ت", "ق", "ر", "ر", " "]
    assert len(index) == len(norm)


@pytest.mark.parametrize("text, language, iso", [
    ("١٨ كانون الأول/ديسمبر ٢٠١٣", "ar", "2013-12-18"),  # seed line 175
    ("14 February 2014", "ar", "2014-02-14"),  # seed line 4: English in an Arabic document
    ("14 February 2014", None, "2014-02-14"),
    ("16 December 2021", "en", "2021-12-16"),
    ("no date here", "en", None),
])
def test_parse_date(text, language, iso):
    assert parse_date(text, language) == iso


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError):
        find_dates("18 December 2013", "de")


def test_dates_table_on_small_frames():
    paragraphs = pd.DataFrame({
        "part": [""], "section": ["preamble"], "number": pd.array([6], dtype="Int64"),
        "sub": [""], "footnotes": [[1]],
        "text": ["وإذ تسلم بأهمية خطة العمل التي اعتمدتها في قرارها ٢٩٣/٦٤ المؤرخ "
                 "٣٠ تموز/يوليه ٢٠١٠،"]})  # seed line 45
    footnotes = pd.DataFrame({"number": [1], "text": ["اعتمد في 16 ديسمبر 2021."],
                              "cited_in": [[0]]})
    df = dates_table(paragraphs, footnotes, "ar")
    assert list(df["iso"]) == ["2010-07-30", "2021-12-16"]
    assert df.loc[0, "paragraph"] == 0 and pd.isna(df.loc[0, "footnote"])
    assert df.loc[1, "footnote"] == 1 and df.loc[1, "section"] == "footnote"
    row = df.iloc[0]
    assert paragraphs.loc[0, "text"][row["start"]:row["end"]] == row["text"]


@pytest.fixture(scope="module")
def seed():
    import analysis

    return analysis.load_resolution(SEED)


def test_seed_dates(seed):
    df = seed.dates
    # 8 full dates in the preamble (lines 45, 67 (three), 69, 71, 121, 123 (three)) ...
    single = df[(df["precision"] == "day") & (df["kind"] == "date")]
    assert sorted(single["iso"]) == sorted([
        "2010-07-30", "2006-12-20", "2009-12-18", "2012-12-20", "2013-07-25", "2013-06-13",
        "2004-12-20", "1998-12-15", "2006-12-20", "1980-07-25"])
    # ... the ranges of lines 117 and 137 and the pair of line 73 ...
    spans = df[df["kind"] != "date"].set_index("iso")["end_iso"].to_dict()
    assert spans == {"2012-10-15": "2012-10-19", "2013-11-06": "2013-11-08",
                     "2013-05-13": "2013-05-15", "2013-10-03": "2013-10-04"}
    # ... the World Day of operative paragraph 5 (line 141), without a year ...
    day = df[df["precision"] == "month-day"]
    assert list(day["iso"]) == ["--07-30"] and list(day["number"]) == [5]
    # ... and the years after عام (lines 27, 141, 163, 165, 167).
    years = df[df["precision"] == "year"]
    assert sorted(years["iso"]) == ["2005", "2005", "2010", "2010", "2012", "2014", "2014",
                                    "2015", "2017"]
    for _, row in df.iterrows():
        assert seed.paragraphs.loc[row["paragraph"], "text"][row["start"]:row["end"]] == row["text"]
