"""The text parser (analysis.segment) on its pipeline stages, the text fixtures and bad input.

Fixtures (tests/fixtures/README.md): English excerpts of A/RES/76/186, 75/247 (parts I and
II) and 75/129 (an annex) laid out as pdftotext gives them, and a small Arabic text of 76/186
encoded as UTF-16 with CRLF and as Windows-1256. Line numbers in comments are lines of the
fixture named in the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import assert_nothing_lost, time_limit

import analysis
from analysis import ResolutionParseError, paths, segment
from analysis.phrases import match_phrase
from analysis.read import read_source

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_FIXTURES = {
    "en_76_186_excerpt.txt": "en",
    "en_75_247_parts.txt": "en",
    "en_75_129_annex.txt": "en",
    "ar_76_186_utf16.txt": "ar",
    "ar_76_186_cp1256.txt": "ar",
}


def load(name: str):
    return analysis.load_resolution(FIXTURES / name)


def parse(text: str, language: str = "en", name: str = "<test>"):
    return segment.parse_text(text, language, name)


# ------------------------------------------------------------------ the span ledger

_MARKERS = re.compile(r"\^\(?[0-9\u0660-\u0669]{1,3}\)?|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
_NUMBER = re.compile(r"^[\u200e\u200f]*[0-9\u0660-\u0669]{1,3}[\u200e\u200f]*\s*[.\-\u2013]")
_LABEL = re.compile(r"^\([^)]{1,4}\)|^[\u2018\u2019'][0-9\u0660-\u0669]{1,2}[\u2018\u2019']")


def _nonspace(text: str) -> str:
    return "".join(text.split())


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def assert_texts_match_spans(parsed) -> None:
    """Each block's and footnote's text is its raw spans' text less its label (number, sub
    label, a part or annex label line before it), footnote markers and bold marks: the same
    non-space characters, in the same order."""
    text = parsed.text
    starts = _line_starts(text)
    for b in parsed.blocks:
        own = [(s, e) for s, e in b.spans if s >= starts[b.line - 1]]
        raw = " ".join(text[s:e] for s, e in own)
        if b.kind == "paragraph" and b.sub:
            raw = _LABEL.sub("", raw.lstrip(), count=1)
        elif b.kind == "paragraph" and b.number is not None:
            raw = _NUMBER.sub("", raw.lstrip(), count=1)
        if "^(" not in raw:  # digits glued to a word ("2020,1") serve as markers
            for n in b.footnotes:
                raw = re.sub(rf"(?<=[^\s\d/]){n}(?!\d)", "", raw, count=1)
        raw = _MARKERS.sub("", raw).replace("**", "")
        assert _nonspace(b.text) == _nonspace(raw), (b.line, b.text[:60], raw[:60])
    for f in parsed.footnotes:
        raw = " ".join(text[s:e] for s, e in f.spans)
        raw = re.sub(r"^\(?[0-9\u0660-\u0669]{1,3}\)?", "", raw.lstrip(), count=1)
        assert _nonspace(f.text) == _nonspace(_MARKERS.sub("", raw)), (f.line, f.text[:60])


def check_ledger(res) -> None:
    assert_nothing_lost(res)
    assert_texts_match_spans(res.parsed)


def test_ledger_on_the_seed():
    check_ledger(analysis.load_resolution(paths.SEED))


@pytest.mark.parametrize("name", sorted(TEXT_FIXTURES))
def test_ledger_on_every_text_fixture(name):
    res = load(name)
    assert res.language == TEXT_FIXTURES[name]
    check_ledger(res)


def test_the_ledger_check_fails_when_a_character_is_dropped():
    # The checks can fail: a block whose text lost a word no longer matches its spans.
    res = analysis.load_resolution(paths.SEED)
    b = res.parsed.blocks[0]
    broken = type(res.parsed)(meta=res.parsed.meta, blocks=[
        segment.Block(**{**vars(b), "text": b.text.replace("الشديدة", "")})],
        text=res.parsed.text)
    with pytest.raises(AssertionError):
        assert_texts_match_spans(broken)


# ------------------------------------------------------------------ English fixtures

@pytest.fixture(scope="module")
def en_76_186():
    return load("en_76_186_excerpt.txt")


def test_en_76_186_structure(en_76_186):
    p = en_76_186.paragraphs
    main = p[p["sub"] == ""]
    assert (main["section"] == "preamble").sum() == 11
    assert list(main[main["section"] == "operative"]["number"]) == [1, 2, 3]
    assert list(p[p["sub"] != ""]["sub"]) == list("abcdef")  # lines 84-108
    assert set(p[p["sub"] != ""]["number"]) == {10}  # "Reaffirming that ... developed:"
    assert list(en_76_186.footnotes["number"]) == [*range(1, 10), 22]
    assert en_76_186.warnings == []


def test_en_76_186_paragraph_split_by_footnotes_and_page_furniture(en_76_186):
    # lines 45-48 end "on taking", footnotes 1-2, job number, bar code, recycle line and
    # running head (lines 50-56), then line 58 "immediate and effective measures"
    p = en_76_186.paragraphs
    sixth = p[(p["section"] == "preamble") & (p["sub"] == "")].iloc[5]
    assert "exploitation, on taking immediate and effective measures" in sixth["text"]
    assert sixth["footnotes"] == [1, 2, 3, 4]
    # operative 2: lines 124-125, footnotes 3-9 and 22, page number, running head, line 140
    second = p[(p["section"] == "operative") & (p["number"] == 2)].iloc[0]
    assert "the Conference of the Parties to the United Nations Convention" in second["text"]
    assert second["footnotes"] == [22]


def test_en_76_186_artefacts_and_meta(en_76_186):
    a = en_76_186.artefacts
    kinds = list(a["kind"])
    for kind in ("masthead", "distribution", "separator", "job_number", "barcode", "recycle",
                 "running_head", "page_number"):
        assert kind in kinds
    assert list(a[a["kind"] == "page_number"]["text"]) == ["2/3", "3/3"]  # lines 137, 154
    assert list(a[a["kind"] == "barcode"]["text"]) == ["*2119241*"]  # line 54
    m = en_76_186.meta
    assert (m["symbol"], m["session"], m["number"]) == ("A/RES/76/186", 76, "186")
    assert m["title"] == "Improving the coordination of efforts against trafficking in persons"
    assert (m["agenda_item"], m["adopted"], m["distributed"]) == (108, "2021-12-16", "2022-01-11")
    assert (m["meeting"], m["committee"], m["committee_report"]) == (53, "Third Committee",
                                                                      "A/76/463")


def test_en_75_247_parts_with_own_preambles():
    res = load("en_75_247_parts.txt")
    p = res.paragraphs
    assert list(dict.fromkeys(p["part"])) == ["I", "II"]  # lines 18 and 55
    for part, ops in (("I", [1, 2, 3, 4]), ("II", [1, 2, 3, 4, 5])):
        rows = p[p["part"] == part]
        assert list(rows[rows["section"] == "preamble"]["number"]) == [1, 2]
        assert list(rows[rows["section"] == "operative"]["number"]) == ops
    assert list(res.headings["text"]) == [
        "Activities of the Office of Internal Oversight Services",
        "Activities of the Independent Audit Advisory Committee"]
    assert res.warnings == []  # numbering restarts in part II: no warning


def test_en_75_247_glued_footnote_markers():
    # line 30 "...30 June 2020,1" and line 70 "...31 July 2020,2"; bodies "1 A/75/301 ..."
    # after a line of underscores (lines 45-46, 89-90)
    res = load("en_75_247_parts.txt")
    p = res.paragraphs
    cited = p[p["footnotes"].map(len) > 0]
    assert [(r.part, r.number, r.footnotes) for r in cited.itertuples()] == [
        ("I", 2, [1]), ("II", 2, [2])]
    assert list(res.footnotes["text"]) == ["A/75/301 (Part I) and A/75/301 (Part I)/Add.1.",
                                           "A/75/293."]
    assert cited.iloc[0]["text"].endswith("1 July 2019 to 30 June 2020,")
    # "48th (resumed) plenary meeting"
    assert (res.meta["meeting"], res.meta["adopted"]) == (48, "2020-12-31")


def test_en_75_129_annex():
    res = load("en_75_129_annex.txt")
    p = res.paragraphs
    assert (p["section"] == "preamble").sum() == 7  # lines 19-45, no blank lines between
    assert list(p[p["section"] == "operative"]["number"]) == [1, 2, 3, 4, 5]
    annex = p[p["section"] == "annex"]
    assert list(annex["number"]) == list(range(1, 15))
    assert set(annex["part"]) == {""}  # "Annex" (line 79) has no number
    headings = res.headings
    assert list(headings["section"]) == ["annex"] * 3
    assert headings["text"].iloc[0] == ("Terms of reference of the trust fund for the "
                                        "Judicial Fellowship Programme of the International "
                                        "Court of Justice")  # wrapped, lines 81-82
    assert list(annex["heading"].iloc[[0, 1]]) == ["I. Establishment", "II. Background"]
    fifth = annex[annex["number"] == 5].iloc[0]["text"]  # lines 114-115, footnote, 121
    assert "The Court was therefore greatly pleased" in fifth
    assert res.footnotes["cited_in"].iloc[0] == [int(annex.index[3])]
    assert res.meta["committee"] is None and res.meta["committee_report"] is None
    assert res.meta["title"] == ("Trust fund for the Judicial Fellowship Programme of the "
                                 "International Court of Justice")


# ------------------------------------------------------------------ Arabic, encodings

@pytest.mark.parametrize("name", ["ar_76_186_utf16.txt", "ar_76_186_cp1256.txt"])
def test_arabic_fixture_in_two_encodings(name):
    res = load(name)
    p = res.paragraphs
    main = p[p["sub"] == ""]
    assert (main["section"] == "preamble").sum() == 5
    assert list(main[main["section"] == "operative"]["number"]) == [1, 2, 3]
    assert list(p[p["sub"] != ""]["sub"]) == ["أ", "ب", "ج", "د", "ه", "و"]
    third = main.iloc[2]["text"]  # split around the recycle line (lines 25-31)
    assert third.startswith("وإذ تضع في اعتبارها") and third.endswith("يحول دونه،")
    assert list(res.footnotes["number"]) == [22]
    m = res.meta  # Western digits, session first: "76/186 - ..."
    assert (m["symbol"], m["session"], m["agenda_item"], m["meeting"]) == (
        "A/RES/76/186", 76, 108, 53)
    assert (m["adopted"], m["distributed"], m["committee_report"]) == (
        "2021-12-16", "2022-01-11", "A/76/463")
    assert "masthead" in list(res.artefacts["kind"])  # الأمــم المتحـدة with tatweel


def test_both_encodings_read_to_the_same_text():
    utf16 = read_source(FIXTURES / "ar_76_186_utf16.txt").text
    cp1256 = read_source(FIXTURES / "ar_76_186_cp1256.txt").text
    assert utf16 == cp1256
    assert "\r" not in utf16


# ------------------------------------------------------------------ pipeline stages

def test_text_to_lines_offsets_point_at_the_content():
    text = "a\n  bc \n\n\fd"
    lines = segment.text_to_lines(text)
    assert [ln.text for ln in lines] == ["a", "bc", "", "d"]
    assert [text[ln.start:ln.end] for ln in lines] == ["a", "bc", "", "d"]
    assert [ln.indent for ln in lines] == [False, True, False, False]
    assert lines[3].page  # a form feed before "d"


def test_furniture_page_numbers_must_agree_on_the_page_count():
    lines = segment.text_to_lines("2/9\nx\n3/9\n68/192\n13-44785 (A)  *1344785*\n______")
    found = segment.lines_to_furniture(lines, "en")
    assert [a.kind for a in found[0]] == ["page_number"]
    assert 3 not in found  # 68/192 is not page 68 of 192
    assert [a.kind for a in found[4]] == ["job_number", "barcode"]
    assert [a.text for a in found[4]] == ["13-44785 (A)", "*1344785*"]
    assert [a.kind for a in found[5]] == ["separator"]


@pytest.mark.parametrize("text, terminal", [
    ("والتنمية،", True), ("على نحو تام وفعال؛", True), ("Summit,^(1)", True),
    ("Development,1", True), ("(هيئة الأمم المتحدة للمرأة)", False), ("لمكافحة جميع أشكال", False),
    ("as follows:", True), ("in the", False), ("“Transforming our world”.", True),
    ("15 to 19 October 2012^(14)", False), ("from 11:00", False),
])
def test_ends_terminal(text, terminal):
    assert segment.ends_terminal(text) is terminal


def test_clean_text_removes_markers_and_bold():
    text, phrase, notes = segment.clean_text("**تطلب** إلى الألفية^(١) ومؤتمر ٢٠٠٥ ^(٢)، شيء")
    assert text == "تطلب إلى الألفية ومؤتمر ٢٠٠٥، شيء"  # the marker's space goes with it
    assert phrase == "تطلب"
    assert notes == (1, 2)


@pytest.mark.parametrize("text, number", [
    ("١ - تحث الدول", 1), ("12. Decides", 12), ("\u200f19 -\u200f تحيط علما", 19),
    ("1.5 million", None), ("2030 Agenda", None),
])
def test_paragraph_numbers(text, number):
    found = segment._number_at(text)
    assert (found[0] if found else None) == number


def test_annex_labels_give_the_part():
    assert segment.annex_part("Annex II", "en") == "II"
    assert segment.annex_part("المرفق الأول", "ar") == "الأول"
    assert segment.annex_part("Annex", "en") == ""
    assert segment.is_annex_heading("المرفق", "ar")
    assert not segment.is_annex_heading("Annex I to the report of the Committee was", "en")


# ------------------------------------------------------------------ layouts, small texts

COVER_EN = """United Nations    A/RES/68/192
General Assembly    Distr.: General
14 February 2014
Sixty-eighth session
Agenda item 108

Resolution adopted by the General Assembly on 18 December 2013

[on the report of the Third Committee (A/68/457)]

68/192. Improving the coordination of efforts against trafficking in persons

The General Assembly,

"""

CLOSING_EN = "\n70th plenary meeting\n18 December 2013\n"


def test_english_cover_page_on_layout_lines():
    res = parse(COVER_EN + "Reiterating its strong condemnation of trafficking in persons,\n\n"
                "1. Urges Member States to implement their obligations." + CLOSING_EN)
    m = res.meta
    assert (m["symbol"], m["session"], m["agenda_item"], m["committee"]) == (
        "A/RES/68/192", 68, 108, "Third Committee")
    assert (m["adopted"], m["distributed"], m["meeting"]) == ("2013-12-18", "2014-02-14", 70)
    assert [a.kind for a in res.artefacts] == ["masthead", "distribution"]


def test_single_unnumbered_operative_paragraph():
    res = parse(COVER_EN + "Recalling its resolution 64/293 of 30 July 2010,\n\n"
                "Decides to convene a high-level meeting on trafficking in persons in 2025."
                + CLOSING_EN)
    assert [(b.section, b.number) for b in res.blocks] == [("preamble", None),
                                                           ("operative", None)]


def test_records_made_by_the_reader_equal_those_their_classes_make():
    # the reader builds Block, Footnote and Artefact without their dataclass __init__
    # (segment._record): each must carry every field and equal the class's own record
    from dataclasses import fields

    from analysis.render import render_text

    wrapped = analysis.load_resolution(FIXTURES / "75_295_E.xml").parsed  # (English at 90)
    for parsed in (parse(read_source(paths.SEED).text, "ar"),
                   parse(render_text(wrapped), "en")):
        records = [*parsed.blocks, *parsed.footnotes, *parsed.artefacts]
        assert {type(r).__name__ for r in records} == {"Block", "Footnote", "Artefact"}
        for r in records:
            assert r == type(r)(**{f.name: getattr(r, f.name) for f in fields(r)})


def test_blocks_cleaned_alike_in_plain_text_and_not():
    # Settings.plain (no two spaces, tab or superscript in any line) lets block text go
    # uncleaned; a superscript marker, a tab or two spaces anywhere make every block cleaned
    cover = COVER_EN.replace("    ", "\n")  # the cover page's items one a line
    body = ("Recalling its resolution 64/293 of 30 July 2010,^(1)\n\n"
            "Decides to convene a high-level\nmeeting in 2025.")
    plain = parse(cover + body + CLOSING_EN)
    assert segment.lines_to_settings(segment.text_to_lines(plain.text), "en", "x",
                                     plain.text).plain
    texts = ["Recalling its resolution 64/293 of 30 July 2010,",
             "Decides to convene a high-level meeting in 2025."]
    assert [b.text for b in plain.blocks] == texts
    for old, new in (("^(1)", "\u00b9"), ("293 of", "293\tof"), ("a high", "a  high")):
        other = cover + body.replace(old, new) + CLOSING_EN
        assert not segment.lines_to_settings(segment.text_to_lines(other), "en", "x",
                                             other).plain
        res = parse(other)
        assert [b.text for b in res.blocks] == texts
        assert res.blocks[0].footnotes == (1,)


def test_one_blank_line_on_a_page_after_a_comma_starts_a_paragraph():
    # after A/RES/75/286: the last preambular paragraph ends with a comma, the single
    # operative one opens with a verb the lexicon does not know
    assert match_phrase("Designates the United Nations", "en") is None
    body = ("Recalling its resolution 64/293 of 30 July 2010,\n\n"
            "Designates the United Nations Office on Drugs and Crime as coordinator.")
    res = parse(COVER_EN + body + CLOSING_EN)
    assert [(b.section, b.text[:10]) for b in res.blocks] == [("preamble", "Recalling "),
                                                              ("operative", "Designates")]


def test_a_page_break_after_a_comma_continues_the_paragraph():
    # the same two lines with a page foot between (job number, page number, running head):
    # a page break may cut a paragraph after any comma
    body = ("Recalling its resolution 64/293 of 30 July 2010,\n\n"
            "13-44785\n\nA/RES/68/192\n\n"
            "United Nations Office on Drugs and Crime as coordinator,\n\n"
            "1. Urges Member States to implement their obligations.")
    res = parse(COVER_EN + body + CLOSING_EN)
    assert [(b.section, b.number) for b in res.blocks] == [("preamble", None),
                                                           ("operative", 1)]
    assert res.blocks[0].text == ("Recalling its resolution 64/293 of 30 July 2010, United "
                                  "Nations Office on Drugs and Crime as coordinator,")


def test_double_spaced_text_keeps_a_wrapped_paragraph_whole():
    # an extraction with a blank line under every line: blank lines set nothing apart
    lines = ["Recalling its resolution 64/293 of 30 July 2010 on the Global Plan of",
             "Action to Combat Trafficking in Persons and all its other resolutions,",
             "United Nations conventions and protocols on trafficking in persons,",
             "1. Urges Member States that have not yet done so to consider ratifying",
             "the United Nations Convention against Transnational Organized Crime",
             "and the Protocol to Prevent, Suppress and Punish Trafficking in Persons."]
    res = parse(COVER_EN + "\n\n".join(lines) + CLOSING_EN)
    assert [(b.section, b.number) for b in res.blocks] == [("preamble", None),
                                                           ("operative", 1)]


def test_operative_chapeau_known_by_its_verb_form():
    # after A/RES/75/256: "Resolves that:" before numbered paragraphs opens the operative
    # part; here with a verb the lexicon does not know
    assert match_phrase("Ordains that:", "en") is None
    body = ("Ordains that:\n\n1. The Working Capital Fund shall be established;\n\n"
            "2. Member States shall make advances to the Fund.")
    res = parse(COVER_EN + body + CLOSING_EN)
    assert [(b.section, b.number) for b in res.blocks] == [
        ("operative", None), ("operative", 1), ("operative", 2)]


def test_subheading_and_nested_sub_items_in_the_operative_part():
    # after A/RES/75/325, paragraphs 4 and 9 (the heading is its line before paragraph 9)
    body = ("Bearing in mind the role and authority of the General Assembly,\n\n"
            "1. Decides to establish an ad hoc working group, open to all Member States:\n\n"
            "(a) To identify further ways to enhance the role of the Assembly, with the "
            "primary focus on:\n\n"
            "(i) During the seventy-sixth session: role and authority of the General "
            "Assembly;\n\n"
            "(ii) During the seventy-seventh session: strengthening the accountability;\n\n"
            "(b) To submit a report thereon to the Assembly at its seventy-seventh session;\n\n"
            "Role and authority of the General Assembly\n\n"
            "2. Reaffirms the role and authority of the General Assembly." + CLOSING_EN)
    res = parse(COVER_EN + body)
    got = [(b.kind, b.section, b.number, b.sub) for b in res.blocks]
    assert got == [("paragraph", "preamble", None, ""), ("paragraph", "operative", 1, ""),
                   ("paragraph", "operative", 1, "a"), ("paragraph", "operative", 1, "a.i"),
                   ("paragraph", "operative", 1, "a.ii"), ("paragraph", "operative", 1, "b"),
                   ("heading", "operative", None, ""), ("paragraph", "operative", 2, "")]


def test_hard_wrapped_paragraphs_without_blank_lines():
    body = ("Reiterating its strong condemnation of trafficking in persons, especially women\n"
            "and children,\n"
            "Bearing in mind that all States have an obligation to exercise due diligence,\n"
            "1. Urges Member States that have not yet done so to consider ratifying the\n"
            "Convention;\n"
            "2. Calls upon Governments to follow developments in the area of protection." +
            CLOSING_EN)
    res = parse(COVER_EN + body)
    assert [b.text[:11] for b in res.blocks] == ["Reiterating", "Bearing in ", "Urges Membe",
                                                 "Calls upon "]
    assert res.blocks[0].text.endswith("especially women and children,")


def test_gaps_and_repeats_in_numbering_are_warnings_not_losses():
    body = ("Recalling its resolutions,\n\n1. Urges States;\n\n2. Calls upon States;\n\n"
            "2. Invites States;\n\n5. Requests the Secretary-General to report." + CLOSING_EN)
    res = parse(COVER_EN + body)
    assert [b.number for b in res.blocks if b.section == "operative"] == [1, 2, 2, 5]
    assert any("2 repeated" in w for w in res.warnings)
    assert any("3-4 missing" in w for w in res.warnings)


def test_collection_of_two_resolutions():
    # after A/RES/75/101 A-B: each part has its label, title, formula and closing lines
    text = COVER_EN.replace("The General Assembly,\n\n", "") + (
        "A\n\nInformation in the service of humanity\n\nThe General Assembly,\n\n"
        "Taking note of the report of the Committee on Information,\n\n"
        "Urges all countries to cooperate and interact.\n\n41st plenary meeting\n"
        "10 December 2020\n\nB\n\nUnited Nations global communications policies\n\n"
        "The General Assembly,\n\nEmphasizing that the Committee on Information is its main "
        "subsidiary body,\n\n1. Takes note of the reports of the Secretary-General;\n\n"
        "2. Requests the Department to continue its work.\n\n41st plenary meeting\n"
        "10 December 2020\n")
    res = parse(text)
    got = [(b.part, b.kind, b.section, b.number) for b in res.blocks]
    assert got == [("A", "heading", "preamble", None), ("A", "paragraph", "preamble", None),
                   ("A", "paragraph", "operative", None), ("B", "heading", "preamble", None),
                   ("B", "paragraph", "preamble", None), ("B", "paragraph", "operative", 1),
                   ("B", "paragraph", "operative", 2)]


def test_footnote_bodies_wrapped_over_lines_in_a_footnote_area():
    body = ("Recalling the Convention,^(1) and the Protocol thereto,^(2)\n\n"
            "1. Urges States to ratify the Convention and\n\n__________________\n"
            "1 See Official Records of the General Assembly, Seventy-fifth Session, "
            "Supplement No.\n"
            "17 (A/75/17), chap. I.\n2 Ibid., vol. 2237, No. 39574.\n\n2/3\n\nA/RES/68/192\n\n"
            "the Protocol thereto." + CLOSING_EN)
    res = parse(COVER_EN + body)
    assert [f.number for f in res.footnotes] == [1, 2]
    assert res.footnotes[0].text.endswith("Supplement No. 17 (A/75/17), chap. I.")
    assert res.blocks[-1].text == "Urges States to ratify the Convention and the Protocol thereto."


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("text", ["", "   \n\n\t "])
def test_empty_text_is_an_error(text):
    with pytest.raises(ResolutionParseError) as err:
        parse(text, name="empty.txt")
    assert err.value.source == "empty.txt" and err.value.line == 1


def test_text_without_enacting_formula_names_the_first_line_that_is_not_cover_page():
    with pytest.raises(ResolutionParseError) as err:
        parse("Distr.: General\nSome notes about a meeting\nthat is not a resolution.\n",
              name="notes.txt")
    assert err.value.line == 2
    assert "enacting formula" in str(err.value) and "notes.txt" in str(err.value)


def test_arabic_in_visual_order_is_named_as_such():
    # each line of the seed reversed, as some extractors write right-to-left text
    seed = paths.SEED.read_text(encoding="utf-8")
    backwards = "\n".join(line[::-1] for line in seed.split("\n"))
    with pytest.raises(ResolutionParseError) as err:
        parse(backwards, language="ar", name="visual.txt")
    assert err.value.line == 19 and "visual order" in str(err.value)  # the formula's line


def test_garbage_is_an_error():
    with pytest.raises(ResolutionParseError):
        analysis.load_resolution(bytes(range(256)) * 40, name="garbage.bin")
    with pytest.raises(ResolutionParseError):
        parse("%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n", name="file.pdf")


def test_text_cut_inside_the_preamble_is_truncated():
    seed = paths.SEED.read_text(encoding="utf-8")
    cut = "\n".join(seed.split("\n")[:47])  # up to line 47: "... بما يلي:"
    with pytest.raises(ResolutionParseError) as err:
        parse(cut, "ar", "seed-cut.txt")
    assert "operative" in str(err.value)
    assert err.value.line == 47


def test_text_cut_inside_the_last_paragraph_is_truncated():
    seed = paths.SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")[:158]  # line 157 ends with a comma, no closing lines
    with pytest.raises(ResolutionParseError) as err:
        parse("\n".join(lines), "ar", "seed-cut.txt")
    assert err.value.line == 157 and "truncated" in str(err.value)


def test_last_paragraph_complete_without_closing_lines_is_accepted():
    seed = paths.SEED.read_text(encoding="utf-8")
    lines = seed.split("\n")[:172]  # up to paragraph 18, which ends with a full stop
    res = parse("\n".join(lines), "ar")
    assert res.blocks[-1].number == 18 and res.meta["meeting"] is None


def test_one_megabyte_single_line_returns_or_fails_cleanly():
    # a guard against hangs, not a measure of speed (bench/ times it)
    with time_limit(20), pytest.raises(ResolutionParseError):
        parse("إن " + "الجمعية العامة، " * 70_000, "ar")
    with time_limit(20), pytest.raises(ResolutionParseError):
        parse("The General Assembly,\n" + "Recalling " + "(a) 1. ^(1) ** ," * 70_000)
    with time_limit(20):  # one paragraph ending in "1." is a (single) operative paragraph
        res = parse("The General Assembly,\n" + "Decides " + "(a) 1. ^(1) ** " * 70_000)
    assert [b.section for b in res.blocks] == ["operative"]


# ------------------------------------------------------------------ tables

# After A/RES/75/254 B, paragraph 1 and its table, laid out as pdftotext -layout prints a
# table: indented, the header over two lines, numbers right-aligned, a blank line before the
# total. Written by hand, not by analysis.render.
TABLE_EN = """Resolves that, for 2021:

1. Estimates of income other than assessments on Member States totalling 302,522,600
United States dollars are approved as follows:

                                                                    Amount
      Income section                                       (United States dollars)

      1.  Income from staff assessment                              283 437 900
      2.  General income                                             19 265 100
      3.  Services to the public                                       (180 400)

          Total                                                     302 522 600

2. The income from staff assessment shall be credited to the Tax Equalization Fund;

3. Direct expenses shall be charged against the income derived from those activities.
"""


def test_table_lines_make_one_block_in_place():
    res = parse(COVER_EN + TABLE_EN + CLOSING_EN)
    got = [(b.section, b.number, b.text[:12]) for b in res.blocks]
    assert got == [("operative", None, "Resolves tha"), ("operative", 1, "Estimates of"),
                   ("operative", None, "Amount || In"), ("operative", 2, "The income f"),
                   ("operative", 3, "Direct expen")]
    table = res.blocks[2].text.split(" || ")
    # rows as printed: the header over two lines, then "1." ... "Total" (the "1." keeps its
    # cell: two spaces are no column gap)
    assert table[1] == "Income section | (United States dollars)"
    assert table[2] == "1. Income from staff assessment | 283 437 900"
    assert table[4] == "3. Services to the public | (180 400)"
    assert table[-1] == "Total | 302 522 600"
    assert_nothing_lost(analysis.Resolution(res))


def test_table_cut_by_a_page_break_stays_one_block():
    lines = TABLE_EN.split("\n")
    cut = next(k for k, line in enumerate(lines) if "General income" in line)
    page = ["", "", "21-42767", "2/5", "", "", "A/RES/68/192", ""]
    res = parse(COVER_EN + "\n".join(lines[:cut] + page + lines[cut:]) + CLOSING_EN)
    assert [b.number for b in res.blocks] == [None, 1, None, 2, 3]
    assert res.blocks[2].text.count(" || ") == 5


def test_a_table_in_text_without_blank_lines_keeps_to_its_rows():
    # the same text with no blank lines (some extractors run everything together): the
    # numbered paragraphs around the table and the closing lines are no rows
    res = parse(COVER_EN + re.sub(r"\n\n+", "\n", TABLE_EN) + CLOSING_EN)
    got = [(b.section, b.number, b.text[:12]) for b in res.blocks]
    assert got == [("operative", None, "Resolves tha"), ("operative", 1, "Estimates of"),
                   ("operative", None, "Amount || In"), ("operative", 2, "The income f"),
                   ("operative", 3, "Direct expen")]
    assert res.blocks[2].text.split(" || ")[-1] == "Total | 302 522 600"
    assert res.meta["meeting"] == 70


def test_right_to_left_table_cells_are_read_last_first():
    # A/RES/75/254 A, the first rows of the table under paragraph 1, as the page shows them:
    # the first column at the right
    seed = paths.SEED.read_text(encoding="utf-8").split("\n")
    table = ["",
             "المبلغ (بدولارات الولايات المتحدة)                                  الباب",
             "                              الجزء الأول - تقرير السياسات والتوجيه والتنسيق",
             "٧٨ ٨٠٩ ٤٠٠     تقرير السياسات والتوجيه والتنسيق عموماً                ١",
             "٣٤٠ ٩٧٩ ٢٠٠    شؤون الجمعية العامة والمجلس الاقتصادي والاجتماعي       ٢", ""]
    res = parse("\n".join(seed[:170] + table + seed[170:]), "ar")
    numbers = [b.number for b in res.blocks if b.section == "operative"]
    assert numbers[-3:] == [17, None, 18]  # the table between paragraphs 17 and 18
    rows = [b.text for b in res.blocks if b.number is None and b.section == "operative"][-1]
    assert rows.split(" || ")[0] == "الباب | المبلغ (بدولارات الولايات المتحدة)"
    assert rows.split(" || ")[2] == "١ | تقرير السياسات والتوجيه والتنسيق عموماً | ٧٨ ٨٠٩ ٤٠٠"


@pytest.mark.parametrize(("line", "table"), [
    ("Total                 3 208 080 100", True),  # a label and a number
    ("Category        Number of posts", True),  # two short header cells
    ("29A    Department of Operational Support    85 424 400", True),  # three cells
    ("the Assembly, with the primary focus on the role and authority of the Assembly", False),
    ("Recalling its resolution 74/264 of 27 December 2019 on the programme budget   and the "
     "relevant provisions of the Financial Regulations and Rules", False),  # one stray gap
])
def test_is_table_line(line, table):
    assert segment.is_table_line(line) is table


def test_a_lone_line_with_a_gap_is_not_a_table():
    body = ("Recalling its resolutions,\n\n1. Urges States to act on the report of the "
            "Committee    without delay;\n\n2. Requests the Secretary-General to report.")
    res = parse(COVER_EN + body + CLOSING_EN)
    assert [b.number for b in res.blocks] == [None, 1, 2]


# ------------------------------------------------------------------ annexes

def _annex_blocks(annex: str, body: str = "", language: str = "en") -> list:
    """The annex blocks of a short resolution whose annex has the text ``annex`` (after
    ``body``, a preamble and operative part; in Arabic: ``BODY_AR``, whole lines)."""
    if language == "ar":
        text = COVER_AR + (body or BODY_AR) + CLOSING_AR + "\nالمرفق\n\n"
    else:
        text = COVER_EN + (body or "Recalling its resolutions,\n\n1. Adopts the arrangements "
                           "annexed to the present resolution.") + CLOSING_EN + "\nAnnex\n\n"
    res = parse(text + annex, language)
    return [b for b in res.blocks if b.section == "annex"]


def test_a_lone_blank_line_in_an_annex_without_page_marks_may_be_a_page_break():
    # A/RES/75/212 (Arabic), annex part III, rule 34 as seed-like pages print it: no running
    # heads or page numbers, the page break one blank line inside the sentence
    annex = _annex_blocks(language="ar", annex=(
        "يفتتح الرئيس كل جلسة.\n\n"
        "يجوز لرئيس المؤتمر أن يعلن افتتاح الجلسة وأن يسمح بسير المداولات عند حضور ثلث الدول"
        "\n\nالمشاركة في المؤتمر على الأقل.\n"))
    assert [b.text[-15:] for b in annex] == ["يفتتح الرئيس كل جلسة."[-15:],
                                             "في المؤتمر على الأقل."[-15:]]


def test_lines_announced_by_a_colon_are_not_headings():
    # after A/RES/75/326, annex paragraphs 9-10: the schedule under "as follows:"
    annex = _annex_blocks(
        "1. The international meeting will include three leadership dialogues, to be held "
        "in\nparallel with the plenary meetings, as follows:\n\n"
        "Thursday, 2 June: from 3 to 6 p.m.\n\n"
        "Friday, 3 June: from 10 a.m. to 1 p.m. and from 3 to 6 p.m.\n\n"
        "2. Summaries of the leadership dialogues should be presented to the meeting.\n")
    assert [b.kind for b in annex] == ["paragraph"] * len(annex)
    # each schedule line continues paragraph 1 (takes its number)
    assert [b.number for b in annex] == [1, 1, 1, 2]
    assert annex[1].text.startswith("Thursday") and annex[2].text.startswith("Friday")


def test_an_unpunctuated_line_short_of_the_width_is_an_annex_heading():
    # A/RES/75/284, annex: a subheading longer than 60% of the line, then "To this end we:"
    annex = _annex_blocks(
        "1. Commit to urgent action over the next five years through a coordinated global\n"
        "response based on global solidarity.\n\n"
        "The end of AIDS is within reach, but urgent action is needed\n\n"
        "To this end we:\n\n"
        "2. Reaffirm the 2030 Agenda for Sustainable Development;\n")
    got = [(b.kind, b.number, b.text[:12]) for b in annex]
    assert got == [("paragraph", 1, "Commit to ur"), ("heading", None, "The end of A"),
                   ("paragraph", None, "To this end "), ("paragraph", 2, "Reaffirm the")]


def test_a_heading_right_above_an_indented_paragraph():
    # A/RES/75/224: the subheading before operative paragraph 1, the paragraph break written
    # as one line break and a leading space (seed lines 65-67)
    res = parse(COVER_EN + "Recalling its resolutions 73/239 and 74/141 on the New Urban "
                "Agenda,\n\nGovernance of the United Nations Human Settlements Programme "
                "(UN-Habitat)\n 1. Welcomes the work of the Open-ended Working Group;\n"
                " 2. Notes the dissolution of the Governing Council." + CLOSING_EN)
    got = [(b.kind, b.section, b.number, b.text[:10]) for b in res.blocks]
    assert got == [("paragraph", "preamble", None, "Recalling "),
                   ("heading", "operative", None, "Governance"),
                   ("paragraph", "operative", 1, "Welcomes t"),
                   ("paragraph", "operative", 2, "Notes the ")]


def test_a_footnote_marker_wrapped_onto_its_own_line():
    # a marker set after a space goes to the next line when the line is full (A/RES/75/12,
    # preambular paragraph 11, footnote 2)
    res = parse(COVER_EN + "Taking note of the report of the Secretary-General submitted "
                "pursuant to resolution 73/13,\n^(2)\n\n1. Recalls the Declaration;\n\n"
                "(2) A/75/159.\n" + CLOSING_EN)
    pre = [b for b in res.blocks if b.section == "preamble"]
    assert [(b.text[-9:], b.footnotes) for b in pre] == [("on 73/13,", (2,))]
    assert [f.text for f in res.footnotes] == ["A/75/159."]
    assert [b.number for b in res.blocks if b.section == "operative"] == [1]


COVER_AR = "\n".join(open(paths.SEED, encoding="utf-8").read().splitlines()[:19]) + "\n\n"
CLOSING_AR = "\nالجلسة العامة ٧٠\n١٨ كانون الأول/ديسمبر ٢٠١٣\n"


def test_a_page_break_before_la_siyyama_continues_the_paragraph():
    # A/RES/76/186 (Arabic), preambular paragraph 14, page break after "بالأشخاص،" with no
    # page furniture: "لا سيما" (especially) goes on the sentence; "لا" opens phrases
    # ("لا تزال") only with another word after it
    res = parse(COVER_AR + "وإذ تشير إلى قرار مجلس حقوق الإنسان ٤٤/٤ المعنون ”الاتجار "
                "بالأشخاص،\n\n\n\n\nلا سيما النساء والأطفال“،\n\n١ - تحث الدول؛\n"
                + CLOSING_AR, language="ar")
    pre = [b.text for b in res.blocks if b.section == "preamble"]
    assert len(pre) == 1 and pre[0].endswith("بالأشخاص، لا سيما النساء والأطفال“،")


@pytest.mark.parametrize(("text", "language", "first_end"), [
    # seed-like page breaks (one blank line, no furniture, seed lines 97-99) after a comma:
    # a proper noun (75/192, preamble 38) or an Arabic relative pronoun (75/202, preamble 23)
    # goes on with the sentence
    (COVER_EN + "Noting the situation of Greek Catholics,\n\nRoman Catholics and Jehovah's "
     "Witnesses,\n\n1. Urges States to act." + CLOSING_EN, "en", "Witnesses,"),
    (COVER_AR + "وإذ تشير إلى تقرير مؤتمر الأمم المتحدة للتجارة والتنمية،\n\nالذي يدرس نطاق "
     "توليد القيمة،\n\n١ - تحث الدول؛\n" + CLOSING_AR, "ar", "القيمة،"),
])
def test_a_bare_page_break_after_a_comma_continues_the_paragraph(text, language, first_end):
    res = parse(text, language)
    pre = [b.text for b in res.blocks if b.section == "preamble"]
    assert len(pre) == 1 and pre[0].endswith(first_end)


@pytest.mark.parametrize("opening", ["وحرصا منها", "وخشية منها"])  # not in the lexicon
def test_a_verbal_noun_with_minha_opens_a_preambular_paragraph(opening):
    # A/RES/75/33, preambular paragraph 7 ("ورغبة منها في الاعتماد على ذلك التوافق ..."),
    # after a page break that ends paragraph 6 with a comma: و + verbal noun (accusative or
    # feminine) + منها opens a paragraph even where the lexicon lacks the phrase
    res = parse(COVER_AR + "وإذ تؤكد أن إنشاء المنطقة يعزز كثيرا السلام والأمن الدوليين،"
                "\n\n\n\n" + opening + " في الاعتماد على ذلك التوافق في الآراء،\n\n"
                "١ - تحث الدول؛\n" + CLOSING_AR, language="ar")
    pre = [b.text for b in res.blocks if b.section == "preamble"]
    assert len(pre) == 2 and pre[1].startswith(opening)


def test_an_annex_label_under_a_finished_paragraph_without_a_blank_line():
    # text without blank lines: "Annex II" under a sentence that ended starts the second
    # annex; "annex." under "resolution 70/1," is the end of the sentence (a wrapped line)
    annex = _annex_blocks(
        "Rules of procedure\n1. The Conference shall meet once a year.\n"
        "2. The rules are those of resolution 70/1,\nannex.\nAnnex II\n"
        "Budget\n1. The budget shall be adopted by consensus.\n")
    assert [(b.part, b.number, b.text[-12:]) for b in annex if b.kind == "paragraph"] == [
        ("", 1, "once a year."), ("", 2, "70/1, annex."), ("II", 1, "y consensus.")]


def test_bare_footnotes_under_a_note_without_a_stop():
    # A/RES/75/308, footnotes 2-3 as pdftotext prints them: note 2 lacks its full stop in
    # the source, note 3 still starts a note; "Supplement No." then "17 (A/75/17)" does not
    res = parse(COVER_EN + "Recognizing the Addis Ababa Action Agenda,^2\n\nAcknowledging "
                "the New Urban Agenda,^3 and the report,^4\n\n1. Decides to act.\n\n"
                "__________________\n2 Resolution 69/313, annex\n3 Resolution 71/256, annex."
                "\n4 Official Records of the General Assembly, Supplement No.\n17 (A/75/17)."
                "\n" + CLOSING_EN)
    assert [(f.number, f.text) for f in res.footnotes] == [
        (2, "Resolution 69/313, annex"), (3, "Resolution 71/256, annex."),
        (4, "Official Records of the General Assembly, Supplement No. 17 (A/75/17).")]


def test_an_adverb_and_a_participle_open_a_preambular_paragraph():
    # after A/RES/75/39, preambular paragraph 12, a page break then "Firmly believing that";
    # here with an adverb the lexicon never saw open a paragraph
    res = parse(COVER_EN + "Stressing the need to provide adequate assistance to victims,\n\n"
                "\n2/3\n13-44785\n\nA/RES/68/192\n\nKeenly believing that it is in the "
                "interest of humanity,\n\n1. Calls upon all States to act." + CLOSING_EN)
    pre = [b.text[:14] for b in res.blocks if b.section == "preamble"]
    assert pre == ["Stressing the ", "Keenly believi"]


def test_a_heading_after_a_colon_when_a_block_follows():
    # A/RES/75/246, paragraph 43: the table's title "A. Pension Administration"
    annex = _annex_blocks(
        "1. Approves the changes to the staffing table as set out in the table below:\n\n"
        "A. Pension Administration\n\n"
        "Action        Title of post                      Category    Number\n"
        "New post      Chief of Business Transformation   P-5         1\n\n"
        "2. Recalls paragraph 40 of the report of the Advisory Committee.\n")
    got = [(b.kind, b.number, b.text[:9]) for b in annex]
    assert got == [("paragraph", 1, "Approves "), ("heading", None, "A. Pensio"),
                     ("paragraph", None, "Action | "), ("paragraph", 2, "Recalls p")]


def test_article_headings_and_their_titles():
    # A/RES/75/257 B, annex: "Article 1" after "as follows:", its title, its text; after
    # A/RES/75/212, rule 60: a title longer than a line under the article heading
    title = ("Intergovernmental organizations and other entities that have received a "
             "standing invitation from the General Assembly to participate as observers")
    text = ("Now therefore the parties have agreed as follows:\n\nArticle 1\n\n"
            "Transitional Arrangements\n\nUpon the completion of proceedings, all judicial "
            "offices shall be abolished.\n\nRule 60\n\n" + title + "\n\n"
            "Representatives designated by such organizations may participate as observers.\n"
            "\nDone at New York in two originals.\n\n"
            "For the Royal Government of Cambodia   For the United Nations\n")
    annex = _annex_blocks(text)
    got = [(b.kind, b.text[:12]) for b in annex]
    assert got == [("paragraph", "Now therefor"), ("heading", "Article 1"),
                     ("heading", "Transitional"), ("paragraph", "Upon the com"),
                     ("heading", "Rule 60"), ("heading", "Intergovernm"),
                     ("paragraph", "Representati"), ("paragraph", "Done at New "),
                     ("paragraph", "For the Roya")]  # the signatures: a table of one row
    assert segment.is_article_heading("المادة ٦٠", "ar")
    assert not segment.is_article_heading("Article 60 of the Charter", "en")


def test_a_line_under_an_article_cut_by_a_page_break_is_text():
    # the line under "Rule 60" ends without punctuation because a page ends there
    annex = _annex_blocks(
        "Rule 60\n\nRepresentatives designated by intergovernmental organizations may "
        "participate\n\n\n2/3\n13-44785\n\n\nA/RES/68/192\n\nas observers in the "
        "deliberations.\n")
    got = [(b.kind, b.text[:15]) for b in annex]
    assert got == [("heading", "Rule 60"), ("paragraph", "Representatives")]


def test_a_leading_space_starts_a_numbered_paragraph_after_a_line_without_stop():
    # seed lines 65-67: one line break and a leading space separate two paragraphs; here
    # after a schedule line without a stop (A/RES/75/212, annex paragraphs 2-3)
    annex = _annex_blocks(
        "1. The Conference will hold six plenary meetings, as follows:\n\n"
        "Friday, 24 March: from 10:00 to 13:00 and from 15:00 to 17:00\n"
        " 2. The plenary meetings will be devoted to statements.\n")
    got = [(b.number, b.text[:9]) for b in annex]
    assert got == [(1, "The Confe"), (1, "Friday, 2"), (2, "The plena")]


def test_a_leading_space_starts_a_preambular_paragraph_after_a_line_without_stop():
    # A/RES/75/63, preambular paragraphs 26-27 with the seed's other paragraph break (seed
    # lines 65-67: a line break and a leading space): the first lacks its closing comma in
    # the source; "وإذ تحيط علما" opens the next as it would after a blank line
    body = ("وإذ تشير إلى قرارها ٧٤/٥٠ المؤرخ ١٢ كانون الأول/ديسمبر ٢٠١٩\n"
            " وإذ تحيط علما بالإعلان الصادر عن الاجتماع،\n"
            " وإذ تدرك الخطر الذي ينطوي عليه استعمال أسلحة الدمار الشامل،\n"
            " وإذ تشير أيضا إلى قرارها ٧٤/٤٤،\n\n١ - تحث الدول؛\n")
    res = parse(COVER_AR + body + CLOSING_AR, language="ar")
    pre = [b.text[:9] for b in res.blocks if b.section == "preamble"]
    assert pre == ["وإذ تشير ", "وإذ تحيط ", "وإذ تدرك ", "وإذ تشير "]


# ------------------------------------------------------------------ headings and paragraphs
# that both lack punctuation (A/RES/75/293, annex I, part B: a kind of change, the unit, the
# change itself)

PAGE_AR = "\n\n\n21-41850\n5/9\n\n\nA/RES/75/293\n\n"


# A/RES/75/293 (Arabic), preambular paragraph 4 and paragraphs 1-3: lines of whole
# paragraphs
BODY_AR = (
    "وإذ تقر بأهمية أن تكون الأمم المتحدة قادرة على الاستجابة والإسراع في نشر عملية لحفظ "
    "السلام بمجرد أن يتخذ مجلس الأمن قراراً بهذا الشأن، في غضون ٣٠ يوماً في ما يتعلق "
    "بعمليات حفظ السلام الاعتيادية و ٩٠ يوماً في ما يتعلق بعمليات حفظ السلام المعقدة،\n\n"
    "١ - تحيط علما بتقرير الأمين العام عن ميزانية حساب دعم عمليات حفظ السلام للفترة من ١ "
    "تموز/يوليه ٢٠٢١ إلى ٣٠ حزيران/يونيه ٢٠٢٢ وتقرير اللجنة الاستشارية المستقلة للمراجعة عن "
    "الميزانية المقترحة لمكتب خدمات الرقابة الداخلية في إطار حساب دعم عمليات حفظ السلام "
    "للفترة من ١ تموز/ يوليه ٢٠٢١ إلى ٣٠ حزيران/يونيه ٢٠٢٢؛\n\n"
    "٢ - تؤكد من جديد دورها في إجراء تحليل دقيق للموارد البشرية والمالية والسياسات المتعلقة بها "
    "وفي الموافقة على تلك الموارد والسياسات بهدف كفالة تنفيذ جميع البرامج والأنشطة المقررة "
    "تنفيذا تاما يتسم بالفعالية والكفاءة وتنفيذ السياسات الموضوعة في هذا الصدد؛\n\n"
    "٣ - تؤكد من جديد أيضا أن اللجنة الخامسة هي اللجنة الرئيسية المختصة في الجمعية العامة "
    "المعهود إليها بالمسؤولية عن المسائل الإدارية ومسائل الميزانية؛\n")


def test_items_under_a_heading_that_names_their_kind():
    # A/RES/75/293 (Arabic), annex I B, one line per block: "النقل" (redeployment) names the
    # kind of the items under it, which open with its word ("نقل وظيفتين ..."); the line
    # above each item is its unit; "إنشاء ..." is a long line under a plain heading, above
    # a short unpunctuated one: text, not a third heading
    annex = _annex_blocks(language="ar", annex=
        "إعادة الهيكلة\n\n"
        "إدارة عمليات السلام/مكتب الشؤون العسكرية/مكتب المستشار العسكري\n\n"
        "إنشاء فريق تقييم الأداء العسكري في مكتب المستشار العسكري من خلال نقل ٦ وظائف (ف-٤) "
        "وإعادة ندب وظيفتين (كبير موظفي الشؤون العسكرية (ف-٥) وموظف نظم المعلومات، معارتين "
        "من الأفراد العسكريين العاملين (ف-٣)) داخل مكتب الشؤون العسكرية\n\n"
        "النقل\n\n"
        "إدارة الدعم العملياتي/مكتب عمليات الدعم/شعبة خدمات الموارد البشرية/وحدة إدارة سجلات "
        "الموظفين\n\n"
        "نقل وظيفتين (موظف معاون للموارد البشرية (ف-٢) ومساعد للموارد البشرية (خ ع (ر أ))) "
        "من الدائرة المعنية بتنمية القدرات والتدريب على العمليات" + PAGE_AR +
        "إدارة الاستراتيجيات والسياسات الإدارية ومسائل الامتثال/مكتب تخطيط البرامج والمالية "
        "والميزانية/شعبة الشؤون المالية\n\n"
        "نقل وظيفتين (موظف مشتريات (ف-٤) ومساعد لشؤون المالية والميزانية (خ ع (ر أ))) من "
        "شعبة الشؤون المالية للعمليات الميدانية\n\n"
        "المختصرات: خ ع (ر أ)، فئة الخدمات العامة (الرتب الأخرى).\n")
    got = [(b.kind, " ".join(b.text.split()[:2])) for b in annex]
    assert got == [("heading", "إعادة الهيكلة"), ("heading", "إدارة عمليات"),
                   ("paragraph", "إنشاء فريق"), ("heading", "النقل"),
                   ("heading", "إدارة الدعم"), ("paragraph", "نقل وظيفتين"),
                   # after the page break: the unit of the next item, not the first item's end
                   ("heading", "إدارة الاستراتيجيات"), ("paragraph", "نقل وظيفتين"),
                   ("paragraph", "المختصرات: خ")]
    # a term before a colon that the lexicon knows opens the paragraph (italic in the PDF)
    assert [b.phrase for b in annex][-1] == "المختصرات"


def test_an_item_cut_by_a_page_break_goes_on_after_it():
    # A/RES/75/293 (Arabic), annex I B: "... من شعبة" ends page 6 without punctuation and
    # "المراجعة الداخلية للحسابات/..." opens page 7: the same item; a lone blank line (no
    # page break) then ends it, and "التحويل" (transfer) is a heading
    annex = _annex_blocks(language="ar", annex=
        "إعادة ندب\n\n"
        "مكتب خدمات الرقابة الداخلية/شعبة التفتيش والتقييم/المكتب الإقليمي للتفتيش والتقييم "
        "في عنتيبي\n\n"
        "إعادة ندب وظيفة واحدة (مراجع حسابات مقيم (ف-٣) يُعاد ندبه بصفة موظف تقييم (ف-٣)) من "
        "شعبة" + PAGE_AR + "المراجعة الداخلية للحسابات/مكتب مراجعي الحسابات المقيمين للعملية "
        "المختلطة للاتحاد الأفريقي والأمم المتحدة في دارفور\n\n"
        "التحويل\n\n"
        "إدارة الدعم العملياتي/مكتب إدارة سلسلة الإمداد/شعبة المشتريات\n\n"
        "تحويل وظيفتين (موظف مشتريات (ف-٤)) إلى التمويل في إطار مركز الخدمات الإقليمي في "
        "عنتيبي، أوغندا\n")
    got = [(b.kind, " ".join(b.text.split()[:2])) for b in annex]
    assert got == [("heading", "إعادة ندب"), ("heading", "مكتب خدمات"),
                   ("paragraph", "إعادة ندب"), ("heading", "التحويل"),
                   ("heading", "إدارة الدعم"), ("paragraph", "تحويل وظيفتين")]
    assert annex[2].text.endswith("من شعبة المراجعة الداخلية للحسابات/مكتب مراجعي الحسابات "
                                  "المقيمين للعملية المختلطة للاتحاد الأفريقي والأمم المتحدة "
                                  "في دارفور")


def test_a_category_heading_and_its_items():
    assert segment._category_key("النقل", "ar") == ("نقل",)  # the article dropped
    assert segment._category_key("Redeployment", "en") == ("redeployment",)
    assert segment._category_key("Section 29", "en") is None  # a number: no kind of item
    assert segment._category_key("Department of Operational Support", "en") is None


# A/RES/75/293 (English), paragraphs 1-3, hard-wrapped at 90 as the PDF sets them
BODY_EN = (
    "Recalling its resolutions on the support account,\n\n"
    "1. Takes note of the report of the Secretary-General on the budget for the support account\n"
    "for peacekeeping operations for the period from 1 July 2021 to 30 June 2022 and the report\n"
    "of the Independent Audit Advisory Committee on the proposed budget of the Office of\n"
    "Internal Oversight Services under the support account for peacekeeping operations for the\n"
    "period from 1 July 2021 to 30 June 2022;\n\n"
    "2. Reaffirms its role in carrying out a thorough analysis and approval of human and\n"
    "financial resources and policies with a view to ensuring the full, effective and efficient\n"
    "implementation of all mandated programmes and activities and the implementation of\n"
    "policies in this regard;\n\n"
    "3. Also reaffirms that the Fifth Committee is the appropriate Main Committee of the\n"
    "General Assembly entrusted with responsibility for administrative and budgetary matters;\n")


def test_wrapped_headings_and_unpunctuated_paragraphs_set_apart_by_blank_lines():
    # A/RES/75/293 (English), annex I B as the PDF sets it: headings wrapped narrower than
    # the text (each line had room for the next line's first word), paragraphs at the full
    # width; a blank line after a paragraph's last line, with no page break, ends it
    annex_text = (
        "Restructuring, redeployment, reassignment and abolishment of posts under the\n"
        "support account for peacekeeping operations for the period from 1 July 2021\n"
        "to 30 June 2022\n\n"
        "Restructuring\n\n"
        "Department of Peace Operations/Office of Military Affairs/Office of the\n"
        "Military Adviser\n\n"
        "Establishment of the Military Performance Evaluation Team in the Office of the Military\n"
        "Adviser through the redeployment of 6 posts (P-4) and the reassignment of 2 posts "
        "(Senior\n"
        "Military Affairs Officer (P-5) and Information Systems Officer, seconded active-duty\n"
        "military personnel (P-3)) within the Office of Military Affairs\n\n"
        "Redeployment\n\n"
        "Department of Operational Support/Office of Support Operations/Human\n"
        "Resources Services Division/Personnel Records Management Unit\n\n"
        "Redeployment of 2 posts (Associate Human Resources Officer (P-2) and Human Resources\n"
        "Assistant (GS (OL))) from the Capacity Development and Operational Training Service\n\n"
        "Department of Management Strategy, Policy and Compliance/Office of Programme\n"
        "Planning, Finance and Budget/Finance Division\n\n"
        "Redeployment of 2 posts (Procurement Officer (P-4) and Finance and Budget Assistant (GS\n"
        "(OL))) from the Field Operations Finance Division\n"
        # the page's foot: page breaks leave marks in this text (``pages_marked``)
        "\n\n2/2\n\nA/RES/68/192\n")
    annex = _annex_blocks(annex_text, BODY_EN)
    got = [(b.kind, b.text[:12]) for b in annex]
    assert got == [("heading", "Restructurin"), ("heading", "Restructurin"),
                   ("heading", "Department o"), ("paragraph", "Establishmen"),
                   ("heading", "Redeployment"), ("heading", "Department o"),
                   ("paragraph", "Redeployment"), ("heading", "Department o"),
                   ("paragraph", "Redeployment")]
    assert annex[2].text.endswith("Office of the Military Adviser")


def test_a_table_note_cut_by_a_page_break_stays_in_the_table():
    # A/RES/75/293 (English), annex II: the note under the table fills the line and ends
    # without punctuation at the foot of page 8; page 9 goes on with "General Service."
    table = ("Department            Position                          Level    Number\n"
             "Executive Office      Administrative Assistant          GS (OL)  1\n"
             "Total                                                            60\n"
             "Abbreviations: FS, Field Service; GS (OL), General Service (Other level); NGS, "
             "national\n\n\n8/9\n21-41850\n\n\nA/RES/75/293\n\nGeneral Service.\n")
    annex = _annex_blocks("General temporary assistance positions\n\n" + table, BODY_EN)
    assert [b.kind for b in annex] == ["heading", "paragraph"]
    assert annex[1].text.endswith("NGS, national || General Service.")


def test_numbering_restarting_after_an_article_heading_is_no_warning():
    # A/RES/75/212, annex III: the rules of procedure number each rule's paragraphs from 1;
    # "numbering restarts" is said only where no heading comes between
    text = (COVER_EN + "Recalling its resolutions,\n\n1. Adopts the rules annexed to the "
            "present resolution." + CLOSING_EN + "\nAnnex\n\nRule 1\n\n1. The Conference "
            "shall elect a President.\n\n2. It shall elect ten Vice-Presidents.\n\nRule 2\n\n"
            "1. The President shall preside.\n\n2. The President shall rule on points of "
            "order.\n\n1. A paragraph numbered again without a heading.\n")
    res = parse(text, "en")
    annex = [b.number for b in res.blocks if b.section == "annex" and b.kind == "paragraph"]
    assert annex == [1, 2, 1, 2, 1]
    assert [w.split(": ", 1)[1] for w in res.warnings] == ["numbering restarts at 1 after 2"]


def test_a_marker_after_a_space_takes_the_space_before_punctuation():
    # A/RES/75/239 printed as text: "والنظامية ^(٥)، تماشيا" (the marker set apart by a
    # space); the XML reads "والنظامية، تماشيا"
    assert segment.clean_text("والنظامية ^(٥)، تماشيا") == ("والنظامية، تماشيا", "", (5,))
    assert segment.clean_text("the Convention ^(3), and") == ("the Convention, and", "", (3,))
    # before a word the space stays: it separates two words
    assert segment.clean_text("the Convention ^(3) and") == ("the Convention and", "", (3,))


def test_characters_lost_in_a_conversion_are_said():
    # The seed copied through an encoding without Eastern Arabic digits: "١٩٢/٦٨" becomes
    # "???/??" and "١ - تحث" "? - تحث"; the paragraphs cannot be numbered, and a warning
    # says why (the seed itself has none, test_segment_seed)
    text = re.sub("[\u0660-\u0669]", "?", paths.SEED.read_text(encoding="utf-8"))
    res = analysis.load_resolution(text, language="ar")
    assert [w for w in res.warnings if w.startswith("characters lost")] == [
        "characters lost before the text was read, in 145 places ('?' or U+FFFD where a "
        "letter or digit was): numbers and names may be missing; re-extract the text in UTF-8"]
    assert segment.lost_characters("ما الهدف؟ ثم ماذا?", "ar") == []  # a question or two
    assert segment.lost_characters("Why? How? What?", "en") == []
    assert len(segment.lost_characters("a\ufffdb c\ufffdd e\ufffd", "en")) == 1


@pytest.mark.parametrize("name", ["75_100_A.xml", "75_100_E.xml", "75_283_A.xml"])
def test_text_without_any_blank_line_keeps_its_footnotes_apart(name):
    # Fixtures printed with the seed's pages (no running heads: the notes at a page's foot
    # sit right above the next page's text) and every blank line then removed: the same
    # paragraphs and footnotes as with the blank lines (before: "no operative paragraph" or
    # "the text ends inside a paragraph", the notes running on to the end)
    from analysis.evaluate import look_settings
    from analysis.render import render_text

    xml = analysis.load_resolution(FIXTURES / name)
    text = render_text(xml.parsed, settings=look_settings(xml.language, "seed_pages"))
    apart = analysis.load_resolution(text, language=xml.language)
    together = analysis.load_resolution("\n".join(x for x in text.split("\n") if x.strip()),
                                        language=xml.language)
    columns = ["section", "number", "sub", "text"]
    assert together.paragraphs[columns].equals(apart.paragraphs[columns])
    assert together.footnotes[["number", "text"]].equals(apart.footnotes[["number", "text"]])


@pytest.mark.parametrize(("name", "width"), [("75_295_E.xml", 60), ("75_295_E.xml", 90),
                                             ("75_295_A.xml", 70), ("75_253B_E.xml", 90)])
def test_indents_that_mark_nothing_change_nothing(name, width):
    # Hard-wrapped text whose lines start with 0-3 spaces at random (most lines indented:
    # the indents do not mark paragraphs): the same blocks as without them. Before, a line
    # under a wrapped heading or paragraph that happened to be indented ended it (75/295:
    # 15 of its 18 blocks)
    import random
    from dataclasses import replace

    from analysis.render import render_text, settings_for

    xml = analysis.load_resolution(FIXTURES / name)
    text = render_text(xml.parsed, seed=0, settings=replace(settings_for(xml.language),
                                                            width=width, page_width=width))
    rnd = random.Random(0)
    noisy = "\n".join(" " * rnd.randint(0, 3) + x if x.strip() else x for x in text.split("\n"))
    clean, indented = parse(text, xml.language), parse(noisy, xml.language)
    assert len(clean.blocks) == len(xml.parsed.blocks)
    assert [(b.section, b.number, b.sub, b.text) for b in indented.blocks] == [
        (b.section, b.number, b.sub, b.text) for b in clean.blocks]
