"""References: real sentences from the seed (A/RES/68/192, Arabic, lines cited), A/RES/76/186
(data/raw, Arabic and English XML) and session 75 resolutions, with values a reader can check
against the documents; then the seed end to end."""

import pandas as pd
import pytest

from analysis import load_resolution, paths, references
from analysis.arabic import normalize_ar
from analysis.references import (
    canonical_symbol,
    classify_symbol,
    compare_key,
    compare_links,
    find_references,
    link_symbol,
    references_table,
    session_date,
    timeline_table,
)

RAW = paths.RAW
XML_AR = RAW / "A_RES_76_186-2119241A.xml"
XML_EN = RAW / "A_RES_76_186-2119241E.xml"


def _refs(text, language):
    return [(r.kind, r.symbol, r.letters, r.date) for r in find_references(text, language)]


GA, ECOSOC, HRC, SC = ("GA resolution", "ECOSOC resolution", "Human Rights Council resolution",
                       "Security Council resolution")
OTHER, DOC, TREATY = "other decision", "UN document", "treaty"


@pytest.mark.parametrize("language, text, expected", [
    # Seed footnote 1 (line 29): a bare القرار in a GA resolution is the Assembly's.
    ("ar", "القرار ٢/٥٥.", [(GA, "A/RES/55/2", "", None)]),
    # Seed line 45: Eastern digits are number first; the date follows المؤرخ.
    ("ar", "التي اعتمدها الجمعية العامة في قرارها ٢٩٣/٦٤ المؤرخ ٣٠ تموز/يوليه ٢٠١٠، وإذ تشدد",
     [(GA, "A/RES/64/293", "", "2010-07-30")]),
    # Seed line 67: a list inherits the body of its head, each number its own date.
    ("ar", "وإذ تشير إلى قراراتها ١٨٠/٦١ المؤرخ ٢٠ كانون الأول/ديسمبر ٢٠٠٦، و ١٧٨/٦٤ المؤرخ "
           "١٨ كانون الأول/ديسمبر ٢٠٠٩ و ١٩٠/٦٧ المؤرخ ٢٠ كانون الأول/ديسمبر ٢٠١٢ المتعلقة",
     [(GA, "A/RES/61/180", "", "2006-12-20"), (GA, "A/RES/64/178", "", "2009-12-18"),
      (GA, "A/RES/67/190", "", "2012-12-20")]),
    # Seed line 69: ECOSOC, year second in Eastern digits.
    ("ar", "إلى قرار المجلس الاقتصادي والاجتماعي ٤١/٢٠١٣ المؤرخ ٢٥ تموز/يوليه ٢٠١٣ المتعلق",
     [(ECOSOC, "E/RES/2013/41", "", "2013-07-25")]),
    # Seed line 71: the Human Rights Council named after the keyword.
    ("ar", "إلى قرار مجلس حقوق الإنسان ٥/٢٣ المؤرخ ١٣ حزيران/يونيه ٢٠١٣ المعنون",
     [(HRC, "A/HRC/RES/23/5", "", "2013-06-13")]),
    # Seed footnote 8 (line 77): a list in a footnote.
    ("ar", "القرارات ٦٧/٥٥ و ١٣٧/٥٨ و ١٦٦/٥٩ و ١٤٤/٦١ و ١٥٦/٦٣ و ١٩٤/٦٣.",
     [(GA, s, "", None) for s in ("A/RES/55/67", "A/RES/58/137", "A/RES/59/166",
                                  "A/RES/61/144", "A/RES/63/156", "A/RES/63/194")]),
    # Seed line 123: two GA resolutions, then ECOSOC 1980/67 in the same paragraph.
    ("ar", "قراراتها ١٩٩/٥٣ المؤرخ ١٥ كانون الأول/ديسمبر ١٩٩٨ و ١٨٥/٦١ المؤرخ ٢٠ كانون "
           "الأول/ديسمبر ٢٠٠٦ بشأن إعلان السنوات الدولية، وإلى قرار المجلس الاقتصادي والاجتماعي "
           "٦٧/١٩٨٠ المؤرخ ٢٥ تموز/يوليه ١٩٨٠",
     [(GA, "A/RES/53/199", "", "1998-12-15"), (GA, "A/RES/61/185", "", "2006-12-20"),
      (ECOSOC, "E/RES/1980/67", "", "1980-07-25")]),
    # A/RES/76/186 (Arabic): a Commission resolution, not the Human Rights Council's.
    ("ar", "وإذ تشير أيضا إلى قرار لجنة منع الجريمة والعدالة الجنائية 27/2، المؤرخ 18 أيار/مايو "
           "2018، والمعنون",
     [(OTHER, "CCPCJ resolution 27/2", "", "2018-05-18")]),
    # A/RES/76/186 (Arabic): Western digits, session first; dual قرارَي.
    ("ar", "إلى قرارَي المجلس الاقتصادي والاجتماعي 2017/18 المؤرخ 6 تموز/ يوليه 2017 و 2021/25 "
           "المؤرخ 22 تموز/يوليه 2021 المتعلقين",
     [(ECOSOC, "E/RES/2017/18", "", "2017-07-06"), (ECOSOC, "E/RES/2021/25", "", "2021-07-22")]),
    # Session 75 (Arabic): a plural link dates both numbers before it.
    ("ar", "قراري المجلس الاقتصادي والاجتماعي 2019/19 و 2019/20 المؤرخين 23 تموز/يوليه 2019،",
     [(ECOSOC, "E/RES/2019/19", "", "2019-07-23"), (ECOSOC, "E/RES/2019/20", "", "2019-07-23")]),
    # Session 75 (Arabic): part letters in abjad order, old sessions, special sessions.
    ("ar", "قراراتها 53/77 ألف ألف المؤرخ 4 كانون الأول/ ديسمبر 1998، و 54/54 شين المؤرخ "
           "1 كانون الأول/ديسمبر 1999",
     [(GA, "A/RES/53/77", "AA", "1998-12-04"), (GA, "A/RES/54/54", "U", "1999-12-01")]),
    ("ar", "قرار الجمعية العامة 1514 (د-15)، والقرار دإ-30/1، المرفق، وقراري الجمعية العامة "
           "دإط-10/15 المؤرخ 20 تموز/يوليه 2004 ودإط-10/17",
     [(GA, "A/RES/1514(XV)", "", None), (GA, "A/RES/S-30/1", "", None),
      (GA, "A/RES/ES-10/15", "", "2004-07-20"), (GA, "A/RES/ES-10/17", "", None)]),
    # Masculine possessive: the Council named before it, never the Assembly.
    ("ar", "التي أنشأها مجلس حقوق الإنسان، في قراره 39/2، لجمع الأدلة",
     [(HRC, "A/HRC/RES/39/2", "", None)]),
    # A decision with its body after it (session 75).
    ("ar", "المقرر 14/4 المؤرخ 30 تشرين الثاني/نوفمبر 2018 الصادر عن مؤتمر الأطراف في اتفاقية "
           "التنوع البيولوجي",
     [(OTHER, "CBD/COP decision 14/4", "", "2018-11-30")]),
    # A/RES/76/186 (English), preamble.
    ("en", "Recalling its resolutions 61/180 of 20 December 2006, 64/178 of 18 December 2009 "
           "and 74/176 of 18 December 2019 on improving the coordination",
     [(GA, "A/RES/61/180", "", "2006-12-20"), (GA, "A/RES/64/178", "", "2009-12-18"),
      (GA, "A/RES/74/176", "", "2019-12-18")]),
    ("en", "Recalling further Economic and Social Council resolutions 2017/18 of 6 July 2017 and "
           "2021/25 of 22 July 2021",
     [(ECOSOC, "E/RES/2017/18", "", "2017-07-06"), (ECOSOC, "E/RES/2021/25", "", "2021-07-22")]),
    ("en", "Recalling also Commission on Crime Prevention and Criminal Justice resolution 27/2 "
           "of 18 May 2018, entitled",
     [(OTHER, "CCPCJ resolution 27/2", "", "2018-05-18")]),
    # Parts, sections, decisions, the Security Council, old sessions.
    ("en", "resolutions 40/257 A to C and section VIII of its resolution 53/214",
     [(GA, "A/RES/40/257", "A-C", None), (GA, "A/RES/53/214", "", None)]),
    ("en", "its decision 74/540 and Security Council resolution 2388 (2017)",
     [(OTHER, "A/DEC/74/540", "", None), (SC, "S/RES/2388 (2017)", "", None)]),
    ("en", "its resolution 1514 (XV) of 14 December 1960 and resolution 217 A (III)",
     [(GA, "A/RES/1514(XV)", "", "1960-12-14"), (GA, "A/RES/217(III)", "A", None)]),
    # A/RES/75/201: the shape of each number picks the body in a joint head.
    ("en", "Reaffirming General Assembly and Security Council resolutions 70/262 and 2282 (2016) "
           "of 27 April 2016",
     [(GA, "A/RES/70/262", "", None), (SC, "S/RES/2282 (2016)", "", "2016-04-27")]),
    # A/RES/75/101: numbers separated by subject phrases still belong to the list.
    ("en", "Recalls its resolutions 62/214 of 21 December 2007 on the Strategy, 70/286 of "
           "17 June 2016 on cross-cutting issues and 74/277 of 18 June 2020 on peacekeeping",
     [(GA, "A/RES/62/214", "", "2007-12-21"), (GA, "A/RES/70/286", "", "2016-06-17"),
      (GA, "A/RES/74/277", "", "2020-06-18")]),
    # A/RES/75/133: locators between the numbers.
    ("en", "Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 56/64 B, sect. X.",
     [(GA, "A/RES/52/214", "", None), (GA, "A/RES/55/222", "", None),
      (GA, "A/RES/56/64", "B", None)]),
    # A/RES/75/181: dates the Assembly's sessions cannot bear: another body's numbers.
    ("en", "the Human Rights Council, and resolutions 24/14 of 27 September 2013 and 43/15 of "
           "22 June 2020",
     [(HRC, "A/HRC/RES/24/14", "", "2013-09-27"), (HRC, "A/HRC/RES/43/15", "", "2020-06-22")]),
    # A/RES/75/201 (Arabic): two bodies joined after the keyword, each number its own.
    ("ar", "قرارَي الجمعية العامة ومجلس الأمن 70/262 و 2282 (2016) المؤرخين 27 نيسان/أبريل 2016",
     [(GA, "A/RES/70/262", "", "2016-04-27"), (SC, "S/RES/2282 (2016)", "", "2016-04-27")]),
    # A/RES/75/168 (Arabic): a title with a colon between two numbers of one list.
    ("ar", "تنفيذ قراري لجنة وضع المرأة 49/7 المؤرخ 11 آذار/مارس 2005، المعنون ”حالة نساء الشعوب "
           "الأصلية: بعد استعراض السنوات العشر“ و 56/4 المؤرخ 9 آذار/مارس 2012، المعنون",
     [(OTHER, "CSW resolution 49/7", "", "2005-03-11"),
      (OTHER, "CSW resolution 56/4", "", "2012-03-09")]),
    # A/RES/76/186 (Spanish, French): the body after the keyword or after the date.
    ("es", "Recordando además las resoluciones del Consejo Económico y Social 2017/18, de 6 de "
           "julio de 2017", [(ECOSOC, "E/RES/2017/18", "", "2017-07-06")]),
    ("fr", "Rappelant la résolution 44/4 adoptée le 16 juillet 2020 par le Conseil des droits de "
           "l’homme, intitulée", [(HRC, "A/HRC/RES/44/4", "", "2020-07-16")]),
    # "its" after an unrelated body is still the Assembly's (A/RES/75/168).
    ("en", "resolutions of the Economic and Social Council relating to indigenous peoples, "
           "reaffirming its resolutions 65/198 of 21 December 2010",
     [(GA, "A/RES/65/198", "", "2010-12-21")]),
])
def test_find_references(language, text, expected):
    assert _refs(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    # Seed footnotes 9, 11, 14, 15 (lines 79-131): documents, and nothing else in them.
    ("ar", "انظر: الوثائق الرسمية للجمعية العامة، الدورة الثامنة والستون، الملحق رقم ٥٣ (A/68/53)، "
           "الفصل الخامس، الفرع ألف.", [(DOC, "A/68/53", "", None)]),
    ("ar", "E/2002/68/Add.1", [(DOC, "E/2002/68/Add.1", "", None)]),
    ("ar", "انظر CTOC/COP/2012/15، الفرع أولاً - ألف.", [(DOC, "CTOC/COP/2012/15", "", None)]),
    ("ar", "انظر CTOC/COP/WG.4/2013/5.", [(DOC, "CTOC/COP/WG.4/2013/5", "", None)]),
    ("ar", "A/HRC/23/48.", [(DOC, "A/HRC/23/48", "", None)]),
    # Symbols shaped like resolution symbols are those resolutions.
    ("en", "S/RES/2388 (2017), A/RES/64/293 and A/ES‑10/794.",
     [(SC, "S/RES/2388 (2017)", "", None), (GA, "A/RES/64/293", "", None),
      (DOC, "A/ES-10/794", "", None)]),
    # Seed footnotes 4 and 5 (lines 57-59), A/RES/76/186 (English).
    ("ar", "الأمم المتحدة، مجموعة المعاهدات، المجلد ٢٢٢٥، الرقم ٣٩٥٧٤.",
     [(TREATY, "UNTS 2225/39574", "", None)]),
    ("ar", "المرجع نفسه، المجلد ٢٢٣٧، الرقم ٣٩٥٧٤.", [(TREATY, "UNTS 2237/39574", "", None)]),
    ("en", "United Nations, Treaty Series, vol. 2225, No. 39574.",
     [(TREATY, "UNTS 2225/39574", "", None)]),
    ("en", "Ibid., vol. 2237, No. 39574.", [(TREATY, "UNTS 2237/39574", "", None)]),
])
def test_documents_and_treaties(language, text, expected):
    assert _refs(text, language) == expected


@pytest.mark.parametrize("language, text", [
    ("ar", "الغاية 5-2 من أهداف التنمية المستدامة."),  # A/RES/76/186 footnote 2: an SDG target
    ("ar", "الصفحة 2/9"),  # a page number
    ("ar", "وإذ تحيط علماً بتقرير المقررة الخاصة لمجلس حقوق الإنسان 2/9"),  # a rapporteur
    ("ar", "اتخاذ القرار في عام ٢٠١٠"),  # decision-making, no number
    ("en", "Target 5.2, HIV/AIDS, 13-44785, page 2/9"),
])
def test_not_references(language, text):
    assert find_references(text, language) == []


def test_numbers_inside_a_document_symbol_are_not_resolutions():
    # Seed footnote 12: A/HRC/23/48 is one document, not resolution 23/48.
    assert _refs("القرار A/HRC/23/48", "ar") == [(DOC, "A/HRC/23/48", "", None)]


def test_spans_point_into_the_original_text():
    text = "وإذ تشير إلى قرارَي المجلس الاقتصادي والاجتماعي 2017/18 المؤرخ 6 تموز/ يوليه 2017"
    (ref,) = find_references(text, "ar")
    assert text[ref.start:ref.end] == ref.text == "2017/18"


def test_ibid_follows_the_series_of_the_previous_footnote():
    assert _refs("Ibid., vol. 179, No. 2412.", "en")[0][1] == "UNTS 179/2412"
    lnts = find_references("Ibid., vol. 179, No. 2412.", "en", previous_series="LNTS")
    assert lnts[0].symbol == "LNTS 179/2412"


@pytest.mark.parametrize("symbol, kind", [
    ("A/RES/64/293", GA), ("E/RES/2013/41", ECOSOC), ("A/HRC/RES/23/5", HRC),
    ("S/RES/2388 (2017)", SC), ("A/DEC/74/540", OTHER), ("UNEP/EA.4/Res.1", OTHER),
    ("A/68/457", DOC), ("E/2002/68/Add.1", DOC),
])
def test_classify_symbol(symbol, kind):
    assert classify_symbol(symbol)[0] == kind


def test_symbols_and_links_written_alike():
    assert canonical_symbol("S/RES/2282(2016)") == "S/RES/2282 (2016)"
    assert link_symbol("https://undocs.org/ar/A/RES/64/293") == "A/RES/64/293"
    assert compare_key(link_symbol("https://undocs.org/en/A/RES/57/283B")) == "a/res/57/283"
    assert compare_key("A/RES/217A(III)") == compare_key("A/RES/217(III)")
    assert compare_key("A/75/6 (Sect. 3)/Add.1") == compare_key("A/75/6(Sect.3)/Add.1")


# --- tables -------------------------------------------------------------------------------

def _frames():
    """Two paragraphs and two footnotes of the seed (lines 27-33, 43 and 57-59)."""
    paragraphs = pd.DataFrame({
        "part": ["", ""], "section": ["preamble", "operative"],
        "number": pd.array([4, 1], dtype="Int64"), "sub": ["", ""],
        "text": ["وإذ تعيد تأكيد الالتزام الذي تعهد به قادة العالم في مؤتمر قمة الألفية",
                 "تحث الدول الأعضاء التي لم تصدق على اتفاقية الأمم المتحدة لمكافحة الجريمة "
                 "المنظمة عبر الوطنية"],
        "footnotes": [[1, 4], [4, 5]]})
    footnotes = pd.DataFrame({
        "number": [1, 4, 5],
        "text": ["القرار ٢/٥٥.", "الأمم المتحدة، مجموعة المعاهدات، المجلد ٢٢٢٥، الرقم ٣٩٥٧٤.",
                 "المرجع نفسه، المجلد ٢٢٣٧، الرقم ٣٩٥٧٤."],
        "cited_in": [[0], [0, 1], [1]]})
    return paragraphs, footnotes


def test_a_footnote_reference_counts_for_every_citing_paragraph():
    paragraphs, footnotes = _frames()
    df = references_table(paragraphs, footnotes, "ar", meta={"committee_report": "A/68/457"})
    assert list(df["symbol"]) == ["A/68/457", "A/RES/55/2", "UNTS 2225/39574",
                                  "UNTS 2225/39574", "UNTS 2237/39574"]
    assert df.loc[0, "section"] == "meta" and pd.isna(df.loc[0, "paragraph"])
    treaty = df[df["symbol"] == "UNTS 2225/39574"]
    assert list(treaty["paragraph"]) == [0, 1] and list(treaty["footnote"]) == [4, 4]
    assert treaty["via_footnote"].all()
    assert list(treaty["section"]) == ["preamble", "operative"]


def test_timeline_sources_and_approximations():
    paragraphs = pd.DataFrame({
        "part": [""], "section": ["preamble"], "number": pd.array([8], dtype="Int64"),
        "sub": [""], "footnotes": [[]],
        "text": ["وإذ تشير إلى قراراتها ١٨٠/٦١ المؤرخ ٢٠ كانون الأول/ديسمبر ٢٠٠٦ و ٤/٦٨ و ٦٧/٥٥ "
                 "وإلى قراري المجلس الاقتصادي والاجتماعي ٤١/٢٠١٣ و ٦/٢٠١٦"]})
    refs = references_table(paragraphs, None, "ar")
    timeline = timeline_table(refs).set_index("symbol")
    got = timeline[["date", "date_source", "approximate"]].to_dict("index")
    # The text dates 61/180 (seed line 67).
    assert got["A/RES/61/180"] == {"date": "2006-12-20", "date_source": "text",
                                   "approximate": False}
    # The bundled table dates 68/4 (as A/RES/75/226 cites it) and 2013/41 (seed line 69).
    assert got["A/RES/68/4"] == {"date": "2013-10-03", "date_source": "reference",
                                 "approximate": False}
    assert got["E/RES/2013/41"]["date"] == "2013-07-25"
    # No source dates 55/67 or 2016/6: the session's opening month, or the symbol's year.
    assert got["A/RES/55/67"] == {"date": "2000-09", "date_source": "session",
                                  "approximate": True}
    assert got["E/RES/2016/6"] == {"date": "2016", "date_source": "session",
                                   "approximate": True}
    assert timeline.loc["A/RES/61/180", "cited_in"] == [0]
    assert list(timeline.index[:2]) == ["A/RES/55/67", "A/RES/61/180"]  # sorted by date


def test_every_bundled_date_has_a_source():
    from analysis.references import resolution_dates

    table = resolution_dates()
    assert len(table) >= 20
    for symbol, row in table.items():
        assert row["source"] and len(row["date"]) == 10, symbol
        assert classify_symbol(symbol)[0] in (GA, ECOSOC, HRC, SC)


@pytest.mark.parametrize("symbol, date", [
    ("A/RES/68/4", "2013-09"), ("A/RES/1514(XV)", "1960-09"), ("A/HRC/RES/23/5", "2013-06"),
    ("A/HRC/RES/44/4", "2020-06"), ("E/RES/2013/41", "2013"), ("S/RES/2388 (2017)", "2017"),
    ("A/RES/S-30/1", None), ("A/RES/1/1", None),
])
def test_session_dates(symbol, date):
    assert session_date(symbol) == date


# --- end to end ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    import analysis

    return analysis.load_resolution(paths.SEED)


def test_seed_references(seed):
    refs = seed.references
    distinct = refs.groupby("kind")["symbol"].agg(lambda s: sorted(set(s)))
    assert distinct[GA] == sorted(f"A/RES/{s}" for s in (
        "55/2", "60/1", "65/1", "64/293", "61/180", "64/178", "67/190", "68/4", "55/67",
        "58/137", "59/166", "61/144", "63/156", "63/194", "59/156", "53/199", "61/185"))
    assert distinct[ECOSOC] == ["E/RES/1980/67", "E/RES/2013/41"]
    assert distinct[HRC] == ["A/HRC/RES/23/5"]
    assert distinct[DOC] == sorted(["A/68/457", "A/68/53", "E/2002/68/Add.1", "A/HRC/23/48",
                                    "A/68/127", "CTOC/COP/2012/15", "CTOC/COP/WG.4/2013/5"])
    assert distinct[TREATY] == sorted(["UNTS 2225/39574", "UNTS 2237/39574", "UNTS 2171/27531",
                                       "UNTS 266/3822"])
    # A/68/457 is the committee report of the header (line 15).
    meta = refs[refs["section"] == "meta"]
    assert list(meta["symbol"]) == ["A/68/457"]
    # Footnotes 1-3 are cited by preambular paragraph 4 and operative paragraph 15.
    mdg = refs[refs["symbol"] == "A/RES/55/2"]
    assert sorted(zip(mdg["section"], mdg["number"], strict=True)) == [("operative", 15),
                                                                       ("preamble", 4)]
    assert mdg["via_footnote"].all()
    # Dates written after the numbers (lines 45, 69, 71, 123).
    dated = refs.dropna(subset=["date"]).set_index("symbol")["date"].to_dict()
    assert dated["A/RES/64/293"] == "2010-07-30"
    assert dated["E/RES/2013/41"] == "2013-07-25"
    assert dated["A/HRC/RES/23/5"] == "2013-06-13"
    assert dated["E/RES/1980/67"] == "1980-07-25"
    for _, r in refs[~refs["via_footnote"] & (refs["section"] != "meta")].iterrows():
        assert seed.paragraphs.loc[r["paragraph"], "text"][r["start"]:r["end"]] == r["text"]


def test_seed_timeline(seed):
    timeline = seed.timeline()
    assert len(timeline) == 20  # 17 GA, 2 ECOSOC, 1 HRC
    assert set(timeline["date_source"]) <= {"text", "reference", "session"}
    by = timeline.set_index("symbol")
    assert by.loc["A/RES/64/293", "date"] == "2010-07-30"
    assert by.loc["A/RES/64/293", "date_source"] == "text"
    # Dated by the text itself (lines 45, 67, 69, 71, 121, 123), by the bundled table
    # (55/2, 60/1, 65/1, 68/4), else approximately by their session (footnote 8's six).
    assert timeline["date_source"].value_counts().to_dict() == {"text": 10, "session": 6,
                                                                "reference": 4}
    approximate = timeline[timeline["approximate"]]
    assert sorted(approximate["symbol"]) == sorted(f"A/RES/{s}" for s in (
        "55/67", "58/137", "59/166", "61/144", "63/156", "63/194"))
    assert approximate["date"].str.len().le(7).all()  # a month at most, never a day


def test_compare_links_on_76_186():
    import analysis

    res = analysis.load_resolution(XML_AR)
    table = compare_links(XML_AR, res.references)
    differ = table[table["status"] == "differ"]
    # The Arabic file links the Commission's resolution 27/2 to A/HRC/RES/27/2.
    assert list(zip(differ["link_symbol"], differ["text_symbol"], strict=True)) == [
        ("A/HRC/RES/27/2", "CCPCJ resolution 27/2")]
    assert (table["status"] == "agree").sum() >= 28
    english = compare_links(XML_EN, analysis.load_resolution(XML_EN).references)
    assert set(english["status"]) == {"agree", "text only"}


def test_the_seed_in_western_digits_cites_the_same_resolutions():
    # Eastern digits turned into Western ones keep their number-first order ("180/61"), as a
    # Windows-1256 file must write them: the document's own pairs tell the order
    seed = paths.SEED.read_text(encoding="utf-8")
    western = seed.translate({0x660 + i: str(i) for i in range(10)})
    ours, theirs = load_resolution(western), load_resolution(seed)
    assert ours.references["symbol"].tolist() == theirs.references["symbol"].tolist()
    assert "A/HRC/RES/23/5" in ours.references["symbol"].tolist()  # seed line 71: ٥/٢٣
    assert ours.timeline()["date"].tolist() == theirs.timeline()["date"].tolist()


def test_western_number_first_is_read_from_the_pairs_only_one_order_allows():
    assert references.western_number_first(["قراراتها 180/61 و 178/64", "القرار 2/55"])
    assert not references.western_number_first(["resolutions 61/180 and 64/178, 55/2"])
    assert not references.western_number_first(["A/68/457, 2013/41, page 2/9"])


UNEA = "United Nations Environment Assembly"
CBD = "Conference of the Parties to the Convention on Biological Diversity"


def _bodies(text, language):
    return [(r.kind, r.body, r.symbol, r.label, r.date) for r in find_references(text, language)]


@pytest.mark.parametrize("language, text, expected", [
    # A/RES/75/239, para. 282 (English, Arabic): 4/6 is a resolution of the Environment
    # Assembly, named after a subject phrase; the General Assembly never numbered a
    # resolution 4/6 (session/number only from its 31st session), so it is not A/RES/4/6.
    ("en", "calls upon States to implement resolution 4/6 on marine plastic litter and "
           "microplastics, adopted by the United Nations Environment Assembly of the United "
           "Nations Environment Programme at its fourth session",
     [(OTHER, UNEA, "UNEP/EA.4/Res.6", "4/6", None)]),
    ("ar", "وتهيب بالدول أن تنفذ القرار 4/6 بشأن النفايات البلاستيكية البحرية والجسيمات "
           "البلاستيكية البحرية الدقيقة، الذي اتخذته جمعية الأمم المتحدة للبيئة التابعة لبرنامج "
           "الأمم المتحدة للبيئة في دورتها الرابعة",
     [(OTHER, UNEA, "UNEP/EA.4/Res.6", "4/6", None)]),
    # A/RES/75/239, paras. 283 and 284: "its resolution" after a place in it stands for
    # the body named before.
    ("en", "Welcomes the request by the United Nations Environment Assembly, in paragraph 2 of "
           "its resolution 4/6, to the Executive Director",
     [(OTHER, UNEA, "UNEP/EA.4/Res.6", "4/6", None)]),
    ("ar", "تنوه بالقرار الذي اتخذته جمعية الأمم المتحدة للبيئة في الفقرة 7 من قرارها 4/6 بأن "
           "تمدد ولاية فريق الخبراء",
     [(OTHER, UNEA, "UNEP/EA.4/Res.6", "4/6", None)]),
    # A/RES/75/194, para. 49 (English): Conference resolutions named only after the text
    # quoted here; none can be the Assembly's, so no body and no A/RES symbol.
    ("en", "Recalling resolution 6/2 on facilitating international cooperation in asset "
           "recovery and the return of proceeds of crime, resolution 6/3 on fostering "
           "effective asset recovery and resolution 6/4 of 6 November 2015 on enhancing",
     [(OTHER, None, None, "6/2", None), (OTHER, None, None, "6/3", None),
      (OTHER, None, None, "6/4", "2015-11-06")]),
    # A/RES/75/194, para. 48 (English, Arabic): the list keeps its dates (2013, not 1950),
    # and "the Conference of the States Parties to the Convention" names no known body.
    ("en", "the mandate contained in resolutions 5/3 of 29 November 2013, 6/2 and 6/3 of "
           "6 November 2015 and 7/1 of 10 November 2017 of the Conference of the States "
           "Parties to the Convention to develop",
     [(OTHER, None, None, "5/3", "2013-11-29"), (OTHER, None, None, "6/2", None),
      (OTHER, None, None, "6/3", "2015-11-06"), (OTHER, None, None, "7/1", "2017-11-10")]),
    ("ar", "بالولاية الواردة في القرارات 5/3 المؤرخ 29 تشرين الثاني/نوفمبر 2013، و 6/2 و 6/3 "
           "المؤرخين 6 تشرين الثاني/نوفمبر 2015، و 7/1 المؤرخ 10 تشرين الثاني/نوفمبر 2017 التي "
           "اتخذها مؤتمر الدول الأطراف في الاتفاقية",
     [(OTHER, None, None, "5/3", "2013-11-29"), (OTHER, None, None, "6/2", "2015-11-06"),
      (OTHER, None, None, "6/3", "2015-11-06"), (OTHER, None, None, "7/1", "2017-11-10")]),
    # A/RES/75/194, para. 83 (Arabic), first item: undated, body named before "بما في ذلك".
    ("ar", "بما في ذلك القراران 7/8 المتعلق بالفساد في ميدان الرياضة",
     [(OTHER, None, None, "7/8", None)]),
    # A/RES/75/239, footnote 27 (Arabic): the Conference named before the keyword; the
    # symbol as the English footnote writes it ("decision XII/23").
    ("ar", "ومؤتمر الأطراف في اتفاقية التنوع البيولوجي، المقرر 12/23، الفقرات 19-22.",
     [(OTHER, CBD, "CBD/COP decision XII/23", "12/23", None)]),
    # A/RES/75/199, footnote 6 (English): a resolution in a report, of no body named.
    ("en", "(A/69/53/Add.1, A/69/53/Add.1/Corr.1 and A/69/53/Add.1/Corr.2), chap. IV, sect. A, "
           "resolution 27/12.",
     [(DOC, None, "A/69/53/Add.1", "A/69/53/Add.1", None),
      (DOC, None, "A/69/53/Add.1/Corr.1", "A/69/53/Add.1/Corr.1", None),
      (DOC, None, "A/69/53/Add.1/Corr.2", "A/69/53/Add.1/Corr.2", None),
      (OTHER, None, None, "27/12", None)]),
])
def test_resolutions_the_assembly_never_numbered_so_are_another_bodys(language, text, expected):
    assert _bodies(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    # Ordinary Assembly references keep their symbols; 31/1 is the first session/number.
    ("en", "Recalling its resolution 74/1 of 10 October 2019",
     [(GA, "General Assembly", "A/RES/74/1", "74/1", "2019-10-10")]),
    ("ar", "وإذ تشير إلى قرارها ١/٧٤", [(GA, "General Assembly", "A/RES/74/1", "74/1", None)]),
    ("en", "resolution 31/1", [(GA, "General Assembly", "A/RES/31/1", "31/1", None)]),
    # The older numbering of the Assembly: 1514 (XV).
    ("en", "its resolution 1514 (XV) of 14 December 1960",
     [(GA, "General Assembly", "A/RES/1514(XV)", "1514 (XV)", "1960-12-14")]),
])
def test_assembly_references_keep_their_symbols(language, text, expected):
    assert _bodies(text, language) == expected


def test_a_session_the_assembly_never_numbered_is_not_on_the_timeline():
    # A/RES/75/239, para. 282: 4/6 was A/RES/4/6, dated 1949-09 on the timeline.
    paragraphs = pd.DataFrame({
        "part": [""], "section": ["operative"], "number": pd.array([282], dtype="Int64"),
        "sub": [""], "footnotes": [[]],
        "text": ["calls upon States to implement resolution 4/6 on marine plastic litter and "
                 "microplastics, adopted by the United Nations Environment Assembly of the "
                 "United Nations Environment Programme at its fourth session"]})
    refs = references_table(paragraphs, None, "en")
    assert list(zip(refs["body"], refs["symbol"], refs["label"], strict=True)) == [
        (UNEA, "UNEP/EA.4/Res.6", "4/6")]
    assert timeline_table(refs).empty


def test_a_place_in_a_resolution_may_stand_between_a_body_and_its_possessive():
    # A/RES/75/239, para. 283, English and Arabic.
    assert references._possessive_gap("en").fullmatch(
        "Assembly, in paragraph 2 of its", len("Assembly"), len("Assembly, in paragraph 2 of "))
    # The Arabic is matched in its normalized form (الفقرة as الفقره).
    text = normalize_ar("للبيئة، في الفقرة 2 من ")
    assert references._possessive_gap("ar").fullmatch(text, len(normalize_ar("للبيئة")))


CTOC = ("Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime")
CAC = "Conference of the States Parties to the United Nations Convention against Corruption"
# A/RES/75/194, para. 23, in both languages.
CAC_194 = [(OTHER, CAC, "CAC/COSP resolution 3/1", "3/1", "2009-11-13"),
           (OTHER, CAC, "CAC/COSP decision 5/1", "5/1", "2013-11-29")]


@pytest.mark.parametrize("language, text, expected", [
    # A/RES/76/186, para. 47 (English): the Conference is named by its Convention
    # ("the Conference of the Parties to the Convention") before the resolutions.
    ("en", "Recognizing that, in accordance with the United Nations Convention against "
           "Transnational Organized Crime, the Conference of the Parties to the Convention is "
           "established to improve the capacity of States parties to combat transnational "
           "organized crime ..., and in this regard taking note of resolution 10/1 of 16 October "
           "2020, entitled “Launch of the review process ...” and resolution 10/3, also of 16 "
           "October 2020, entitled “Effective implementation of the Protocol ...”, adopted by the "
           "Conference of the Parties at its tenth session",
     [(OTHER, CTOC, "CTOC/COP resolution 10/1", "10/1", "2020-10-16"),
      (OTHER, CTOC, "CTOC/COP resolution 10/3", "10/3", "2020-10-16")]),
    # A/RES/75/194, para. 23 (English): "the Conference of the States Parties to the
    # Convention", then "Conference decision 5/1".
    ("en", "the Mechanism for the Review of Implementation of the United Nations Convention "
           "against Corruption ..., and recalling in that regard resolution 3/1 of 13 November "
           "2009 of the Conference of the States Parties to the Convention, including the terms "
           "of reference of the Mechanism contained in the annex to that resolution, Conference "
           "decision 5/1 of 29 November 2013",
     CAC_194),
    # The same paragraph in Arabic: "مؤتمر الدول الأطراف في الاتفاقية".
    ("ar", "آلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الفساد ... وإذ تشير في هذا الصدد إلى "
           "القرار 3/1 المؤرخ 13 تشرين الثاني/نوفمبر 2009 الصادر عن مؤتمر الدول الأطراف في "
           "الاتفاقية، بما في ذلك اختصاصات الآلية الواردة في مرفق ذلك القرار، ومقرر المؤتمر 5/1 "
           "المؤرخ 29 تشرين الثاني/نوفمبر 2013",
     CAC_194),
])
def test_a_conference_is_named_by_its_convention(language, text, expected):
    assert _bodies(text, language) == expected


def test_76_186_cites_the_conferences_resolutions_in_both_languages():
    # Para. 47: Arabic "اللذين اتخذهما مؤتمر الأطراف" and English "adopted by the Conference of
    # the Parties" cite the same two resolutions of the same Conference.
    def conference(path):
        refs = load_resolution(path).references
        return sorted(refs.loc[refs["label"].isin(["10/1", "10/3"]), "symbol"].fillna(""))

    expected = ["CTOC/COP resolution 10/1", "CTOC/COP resolution 10/3"]
    assert conference(XML_AR) == expected
    assert conference(XML_EN) == expected


def _symbols(text, language):
    return [r.symbol for r in find_references(text, language)]


@pytest.mark.parametrize("en, ar", [
    # A/RES/75/253, footnote 36: the Arabic writes the section without spaces.
    ("A/75/6 (Sect. 3)/Add.1 and A/75/6 (Sect. 3)/Add.6/Corr.1.",
     "A/75/6(Sect.3)/Add.1 و A/75/6(Sect.3)/Add.6/Corr.1."),
    # A/RES/75/239, para. 329: the English numbers the meeting in Roman numerals.
    ("Aichi Biodiversity Target 11, enshrined in decision X/2 of the tenth meeting of the "
     "Conference of the Parties to the Convention on Biological Diversity",
     "أهداف آيتشي للتنوع البيولوجي، المجسدة في المقرر 10/2 الصادر عن الاجتماع العاشر لمؤتمر "
     "الأطراف في اتفاقية التنوع البيولوجي"),
    # A/RES/75/226, first preambular paragraph: the Commission numbers as the Council does.
    ("Commission on Population and Development resolutions 2006/2 of 10 May 2006, 2008/1 of "
     "11 April 2008",
     "قرارات لجنة السكان والتنمية 2006/2 المؤرخ 10 أيار/مايو 2006 و 2008/1 المؤرخ 11 نيسان/أبريل "
     "2008"),
    # A/RES/75/239, footnote 58: "No.4204/Add.29" is an IMO circular letter's number.
    ("See International Maritime Organization circular letter No.4204/Add.29 dated 4 September "
     "2020.",
     "انظر المنظمة البحرية الدولية، الرسالة المعممة رقم 4204/Add.29 الصادرة في 4 أيلول/سبتمبر "
     "2020."),
    # A/RES/75/163, footnote 8: "(part II)" in both, with a small letter.
    ("See A/73/12 (part II).", "انظر A/73/12 (part II)."),
    # A/RES/75/167, footnote 7: the Arabic writes the conjunction on the English citation.
    ("Ibid., vols. 2171 and 2173, No. 27531, and resolution 66/138, annex; and United Nations, "
     "Treaty Series, vol. 2131, No. 20378.",
     "المرجع نفسه، المجلدان 2171 و 2173، الرقم 27531، والقرار 66/138، المرفق؛ وUnited Nations, "
     "Treaty Series, vol. 2131, No. 20378."),
    # A/RES/75/198, para. 133: the Statistical Commission's decision; the English read
    # "Commission" as the Commission on Narcotic Drugs named earlier.
    ("Recalls Statistical Commission decision 48/110 of 10 March 2017 on statistics on drugs",
     "تشير إلى مقرر اللجنة الإحصائية 48/110 المؤرخ 10 آذار/مارس 2017 بشأن إحصاءات المخدرات"),
], ids=["section", "roman-meeting", "population-commission", "circular-letter", "part",
        "treaty-after-wa", "statistical-commission"])
def test_english_and_arabic_cite_the_same_symbols(en, ar):
    assert _symbols(en, "en") == _symbols(ar, "ar")


@pytest.mark.parametrize("language, text, expected", [
    ("en", "A/75/6 (Sect. 3)/Add.1 and A/75/6 (Sect. 3)/Add.6/Corr.1.",
     ["A/75/6 (Sect. 3)/Add.1", "A/75/6 (Sect. 3)/Add.6/Corr.1"]),
    ("en", "Aichi Biodiversity Target 11, enshrined in decision X/2 of the tenth meeting of the "
           "Conference of the Parties to the Convention on Biological Diversity",
     ["CBD/COP decision X/2"]),
    # A/RES/75/239, para. 313: a conference's decision, its body named after it.
    ("en", "Recalls decision IX/16 C, adopted at the ninth meeting of the Conference of the "
           "Parties to the Convention on Biological Diversity", ["CBD/COP decision IX/16"]),
    # A/RES/75/229 (Arabic), paragraph row 9: 12/11 of the Conference, which English writes
    # XII/11; from its fourteenth meeting the Conference numbers so itself (14/4).
    ("ar", "والمقرر 12/11 المؤرخ 17 تشرين الأول/أكتوبر 2014 لمؤتمر الأطراف في اتفاقية التنوع "
           "البيولوجي بشأن التنوع البيولوجي وتنمية السياحة", ["CBD/COP decision XII/11"]),
    ("en", "decision 14/4 of 30 November 2018 of the Conference of the Parties to the Convention "
           "on Biological Diversity", ["CBD/COP decision 14/4"]),
    ("en", "Commission on Population and Development resolutions 2006/2 of 10 May 2006",
     ["CPD resolution 2006/2"]),
    # A/RES/75/198, para. 133.
    ("en", "Recalls Statistical Commission decision 48/110 of 10 March 2017 on statistics on "
           "drugs and drug use, encourages collaboration between the Statistical Commission and "
           "the Commission on Narcotic Drugs", ["Statistical Commission decision 48/110"]),
    # A/RES/75/239, footnote 125: "decision II/10." is no document symbol.
    ("en", "See A/51/312, annex II, decision II/10.", ["A/51/312", None]),
])
def test_symbols_written_one_way_in_both_languages(language, text, expected):
    assert _symbols(text, language) == expected
