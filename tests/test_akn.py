"""The AKN4UN XML reader: metadata, structure, footnotes and safety.

Fixtures: data/raw/A_RES_76_186-2119241{A,E}.xml and the session-75 files in tests/fixtures
(see its README). Line numbers in comments are lines of those files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis
from analysis import ResolutionParseError
from analysis.akn import parse_xml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW = ROOT / "data" / "raw"


def parse(path: Path):
    return parse_xml(path.read_bytes(), name=path.name)


@pytest.fixture(scope="module")
def res_en():
    return parse(RAW / "A_RES_76_186-2119241E.xml")


@pytest.fixture(scope="module")
def res_ar():
    return parse(RAW / "A_RES_76_186-2119241A.xml")


def main_paragraphs(parsed, section):
    return [b for b in parsed.blocks if b.kind == "paragraph" and b.section == section
            and not b.sub]


def structure(parsed):
    """What must not depend on the language of the file."""
    return [(b.kind, b.section, b.part != "", b.number, b.sub.count(".") if b.sub else -1,
             b.footnotes) for b in parsed.blocks]


# ---------------------------------------------------------------------------- 76/186


def test_metadata_76_186_english(res_en):
    assert res_en.meta == {
        "symbol": "A/RES/76/186",  # coverPage docNumber, line 139
        "body": "GA",
        "session": 76,  # coverPage session value, line 152
        "number": "186",
        "language": "en",  # FRBRlanguage eng, line 18
        "title": "Improving the coordination of efforts against trafficking in persons",
        "agenda_item": 108,  # "Agenda item 108", line 155
        "adopted": "2021-12-16",  # FRBRdate name=adoption, line 9
        "distributed": "2022-01-11",  # coverPage docDate, line 148
        "meeting": 53,  # conclusions: "53rd plenary meeting"
        "committee": "Third Committee",  # docProponent refersTo="#thirdCommittee", line 164
        "committee_report": "A/76/463",  # "A/76/463, para. 26", line 164
        "source": "A_RES_76_186-2119241E.xml",
        "format": "xml",
    }


def test_counts_76_186_english(res_en):
    preamble = main_paragraphs(res_en, "preamble")
    operative = main_paragraphs(res_en, "operative")
    subs = [b for b in res_en.blocks if b.sub]
    assert len(preamble) == 43  # containers container_2 .. container_44
    assert [b.number for b in operative] == list(range(1, 29))  # paragraphs 1. .. 28.
    assert [b.sub for b in subs] == ["a", "b", "c", "d", "e", "f"]  # lines 210-233
    assert {b.section for b in subs} == {"preamble"}
    assert not any(b.kind == "heading" for b in res_en.blocks)
    assert len(res_en.footnotes) == 22
    assert res_en.warnings == []


def test_paragraph_text_and_phrase_76_186_english(res_en):
    preamble = main_paragraphs(res_en, "preamble")
    operative = main_paragraphs(res_en, "operative")
    first = preamble[0]  # line 180
    assert first.phrase == "Reiterating its strong condemnation"
    assert first.text.startswith("Reiterating its strong condemnation of trafficking in persons,")
    assert first.line == 180
    # Preambular paragraph 10 introduces the list (a)-(f) (listIntroduction, line 209).
    assert preamble[9].text == "Reaffirming that the Global Plan of Action was developed:"
    assert operative[0].text.startswith("Urges Member States that have not yet done so")
    assert operative[0].line == 337
    assert operative[7].phrase == "Expresses solidarity with and compassion for"  # para 8
    for b in res_en.blocks:
        assert "\t" not in b.text and "  " not in b.text and b.text == b.text.strip()
        assert b.text.startswith(b.phrase)


def test_footnotes_76_186_english(res_en):
    notes = {f.number: f for f in res_en.footnotes}
    assert sorted(notes) == list(range(1, 23))
    assert notes[1].text == "Resolution 70/1."  # line 196
    assert notes[2].text == "Target 5.2."
    assert notes[5].text == "United Nations, Treaty Series, vol. 2225, No. 39574."
    preamble = main_paragraphs(res_en, "preamble")
    # Preambular paragraph 6 ("Recalling the adoption ... 2030 Agenda") cites notes 1 to 4,
    # and its text keeps no trace of them.
    assert preamble[5].footnotes == (1, 2, 3, 4)
    assert "Development, and recalling also the targets" in preamble[5].text
    assert "Target 5.2" not in preamble[5].text
    assert main_paragraphs(res_en, "operative")[1].footnotes == (22,)


def test_arabic_and_english_have_the_same_structure(res_en, res_ar):
    assert structure(res_ar) == structure(res_en)
    assert [b.sub for b in res_ar.blocks if b.sub] == ["أ", "ب", "ج", "د", "ه", "و"]


def test_metadata_and_text_76_186_arabic(res_ar):
    meta = res_ar.meta
    assert (meta["language"], meta["symbol"], meta["meeting"], meta["agenda_item"]) == (
        "ar", "A/RES/76/186", 53, 108)  # "الجلسة العامة 53", "البند 108 من جدول الأعمال"
    assert (meta["committee"], meta["committee_report"]) == ("Third Committee", "A/76/463")
    assert meta["title"] == "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص"
    operative = main_paragraphs(res_ar, "operative")
    assert operative[0].number == 1 and operative[0].phrase == "تحث"  # "1 -" in num, line 338
    assert operative[0].text.startswith("تحث الدول الأعضاء")
    # The note body starts with the marker's empty brackets "()" and the <sup>(</sup>, <sup>)</sup>
    # around the marker are dropped from the paragraph (line 196).
    assert res_ar.footnotes[0].text == "القرار 70/1."
    assert "()" not in main_paragraphs(res_ar, "preamble")[5].text


def test_load_resolution_builds_the_tables():
    res = analysis.load_resolution(str(RAW / "A_RES_76_186-2119241E.xml"))
    p = res.paragraphs
    assert len(p) == 43 + 6 + 28
    assert (p["section"] == "operative").sum() == 28
    # The sub-paragraphs belong to preambular paragraph 10.
    assert list(p.loc[p["sub"] != "", "number"]) == [10] * 6
    assert len(res.footnotes) == 22
    first = res.footnotes[res.footnotes["number"] == 1].iloc[0]
    assert first["cited_in"] == [5]  # row 5: preambular paragraph 6


# ---------------------------------------------------------------------------- variants


def test_numbers_typed_in_the_text_75_100():
    # Arabic: "<p>\t1 -\t<span ...>تحيط علما</span>" (line 262), no <num>.
    ar = parse(FIXTURES / "75_100_A.xml")
    en = parse(FIXTURES / "75_100_E.xml")  # English: <num>1.</num>
    operative = main_paragraphs(ar, "operative")
    assert [b.number for b in operative] == [1, 2, 3, 4, 5, 6, 7]
    assert operative[0].text.startswith("تحيط علما بتقرير الأمين العام")
    assert operative[0].phrase == "تحيط علما"
    assert operative[0].footnotes == (2,)
    assert len(main_paragraphs(ar, "preamble")) == 21
    assert structure(ar) == structure(en)
    assert ar.warnings == en.warnings == []


def test_parts_with_their_own_preamble_75_253_b():
    parsed = parse(FIXTURES / "75_253B_E.xml")
    parts = list(dict.fromkeys(b.part for b in parsed.blocks))
    assert parts == ["I", "II", "III", "IV", "V"]  # <section><num>I</num> ... (line 150)
    first = [b for b in parsed.blocks if b.part == "I"]
    assert first[0].kind == "heading"
    assert first[0].text.startswith("Revised estimates resulting from resolutions")
    # crossHeading refersTo="#preamble" (line 152) is a preambular paragraph of part I.
    assert (first[1].section, first[1].phrase) == ("preamble", "Having considered")
    assert [b.number for b in main_paragraphs(parsed, "operative") if b.part == "I"] == [
        1, 2, 3, 4]
    # Part II: paragraph 4 has sub-paragraphs (a)-(g) typed in the text (lines 210-245) and
    # goes on after them, unnumbered ("as well as the integrity ...", line 247).
    second = [b for b in parsed.blocks if b.part == "II" and b.section == "operative"]
    assert [(b.number, b.sub) for b in second] == [
        (1, ""), (2, ""), (3, ""), (4, ""), (None, "a"), (None, "b"), (None, "c"),
        (None, "d"), (None, "e"), (None, "f"), (None, "g"), (4, "")]
    assert second[4].text.startswith("The possibility of raising the normal retirement age")
    assert second[-1].text.startswith("as well as the integrity of the Statute")
    assert len(main_paragraphs(parsed, "preamble")) == 9
    assert parsed.warnings == []  # numbering restarts in each part
    # Footnote 1 is on the title (preface), cited by no paragraph.
    assert parsed.footnotes[0].number == 1
    assert not any(1 in b.footnotes for b in parsed.blocks)


def test_list_and_points_75_283_arabic():
    parsed = parse(FIXTURES / "75_283_A.xml")
    operative = [b for b in parsed.blocks if b.section == "operative"]
    # Paragraph 2: <list><intro>"تقرر أيضا ما يلي:"</intro><point><num>(أ)</num>... (line 196)
    second = operative[1]
    assert (second.number, second.phrase, second.text) == (2, "تقرر أيضا", "تقرر أيضا ما يلي:")
    assert [b.sub for b in operative[2:5]] == ["أ", "ب", "ج"]
    assert operative[2].text.startswith("أن تتضمن الجلسة العامة الافتتاحية")
    # Paragraph 4 has four points, the last citing footnote 4.
    fourth = [b for b in operative if b.number == 4 or b.line in range(228, 260)]
    assert [b.sub for b in fourth] == ["", "أ", "ب", "ج", "د"]
    assert fourth[-1].footnotes == (4,)
    assert [b.number for b in main_paragraphs(parsed, "operative")] == list(range(1, 15))


def test_annex_with_a_table_75_249():
    parsed = parse(FIXTURES / "75_249_E.xml")
    operative = [b for b in parsed.blocks if b.section == "operative"]
    assert [b.number for b in operative if not b.sub] == list(range(1, 16))
    # Paragraph 12 lists (a)-(c) as paragraphs of their own, labels typed (lines 211-221).
    assert [(b.sub, b.text[:20]) for b in operative if b.sub] == [
        ("a", "97,519,900 dollars, "), ("b", "Less 6,818,000 dolla"),
        ("c", "Less 3,266,664 dolla")]
    annex = [b for b in parsed.blocks if b.section == "annex"]
    assert [b.kind for b in annex] == ["heading", "paragraph"]
    assert annex[0].text.startswith("Financing of the International Residual Mechanism")
    table = annex[1]  # <container name="table">, line 288: rows " || ", cells " | "
    rows = table.text.split(" || ")
    assert rows[0] == "Gross | Net of staff assessment"
    assert "Estimated initial appropriation for 2021 | 97 519 900 | 88 431 800" in rows
    # The notes under the table (class FootnoteText) are its last rows.
    assert rows[-3:] == ["a See A/75/383.", "b See A/75/639.",
                         "c Reflects amounts after recosting."]


# ---------------------------------------------------------------------------- small documents

AKN = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
FRBR = ('<meta><identification><FRBRWork><FRBRdate date="2021-06-01" name="adoption"/>'
        '</FRBRWork><FRBRExpression><FRBRlanguage language="{lang}"/></FRBRExpression>'
        '</identification></meta>')


def statement(body: str, lang: str = "eng", preamble: str = "", front: str = "") -> bytes:
    """A resolution with ``front`` (cover page, preface), preamble and body as given."""
    return (f'<akomaNtoso {AKN}><statement name="resolution">{FRBR.format(lang=lang)}{front}'
            f'<preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>'
            f'{preamble}</preamble><mainBody>{body}</mainBody></statement></akomaNtoso>'
            ).encode()


def para(text: str, num: str = "") -> str:
    num = f"<num>{num}</num>" if num else ""
    return f"<paragraph>{num}<content><p>{text}</p></content></paragraph>"


def test_a_collection_reads_each_component_as_a_part():
    def component(letter, n):
        paras = "".join(para(f"<span class='italic'>Decides</span> item {i};", f"{i}.")
                        for i in range(1, n + 1))
        return (f'<component eId="comp_{letter}"><statement name="resolution"><preface><p>'
                f'<docNumber>{letter}</docNumber><docTitle>Title {letter}</docTitle></p>'
                f'</preface><preamble/><mainBody>{paras}</mainBody><conclusions><p>'
                f'<inline name="adoptionMeeting" title="48th">48th plenary meeting</inline>'
                f'</p></conclusions></statement></component>')
    xml = (f'<akomaNtoso {AKN}><documentCollection name="publication">{FRBR.format(lang="eng")}'
           '<coverPage><p><docNumber>A/RES/75/254 A-B</docNumber></p></coverPage>'
           '<preface><p><docNumber>75/254.</docNumber><docTitle>Programme budget</docTitle>'
           '</p></preface><collectionBody/></documentCollection>'
           f'<components>{component("A", 2)}{component("B", 3)}</components></akomaNtoso>')
    parsed = parse_xml(xml.encode())
    assert [(b.part, b.kind, b.number) for b in parsed.blocks] == [
        ("A", "heading", None), ("A", "paragraph", 1), ("A", "paragraph", 2),
        ("B", "heading", None), ("B", "paragraph", 1), ("B", "paragraph", 2),
        ("B", "paragraph", 3)]
    assert parsed.blocks[0].text == "Title A"
    assert (parsed.meta["symbol"], parsed.meta["number"], parsed.meta["session"]) == (
        "A/RES/75/254 A-B", "254 A-B", 75)
    assert (parsed.meta["title"], parsed.meta["meeting"]) == ("Programme budget", 48)
    assert parsed.warnings == []


def test_a_block_list_in_the_preamble_belongs_to_the_paragraph_before():
    # As in A/RES/75/55: <preamble><container>... of:</container><blockList><item>...
    preamble = ('<container name="Convinced"><p>\t<span class="italic">Convinced </span>of '
                'the importance, in the interest of:</p></container><blockList>'
                '<item><num>(a)</num><p>\t\tPeace,</p></item>'
                '<item><num>(b)</num><p>\t\tSecurity,</p></item></blockList>')
    parsed = parse_xml(statement(para("Decides;", "1."), preamble=preamble))
    assert [(b.section, b.sub, b.phrase, b.text) for b in parsed.blocks] == [
        ("preamble", "", "Convinced", "Convinced of the importance, in the interest of:"),
        ("preamble", "a", "", "Peace,"), ("preamble", "b", "", "Security,"),
        ("operative", "", "", "Decides;")]
    assert parsed.artefacts[0].text == "The General Assembly,"  # the formula


def test_gaps_and_repeats_in_numbering_are_warned_not_dropped():
    xml = statement(para("Decides a;", "1.") + para("Decides b;", "2.") +
                    para("Decides c;", "2.") + para("Decides d;", "5."))
    parsed = parse_xml(xml, name="gaps.xml")
    assert [b.number for b in parsed.blocks] == [1, 2, 2, 5]
    assert len(parsed.warnings) == 2
    assert "paragraph 2 repeated" in parsed.warnings[0]
    assert "paragraph 5 follows 2" in parsed.warnings[1]


def test_labels_typed_in_the_text_nest():
    body = (para("Decides that:", "1.") + para("\t(h)\tEighth;") + para("\t(i)\tNinth;")
            + para("\t(j)\tTenth, namely:") + para("\t(i)\tfirst;") + para("\t(ii)\tsecond;")
            + para("\t•\tbullet one;") + para("\t•\tbullet two;") + para("\t2 -\tAlso decides;"))
    parsed = parse_xml(statement(body))
    assert [(b.number, b.sub) for b in parsed.blocks] == [
        (1, ""), (None, "h"), (None, "i"), (None, "j"), (None, "j.i"), (None, "j.ii"),
        (None, "j.ii.1"), (None, "j.ii.2"), (2, "")]
    assert parsed.blocks[4].text == "first;"
    assert parsed.blocks[-1].text == "Also decides;"


def test_headings_annexes_and_closing_lines_in_the_body():
    body = (para("Decides;", "1.")
            + '<paragraph class="H1"><heading>Annex I</heading></paragraph>'
            + '<paragraph class="H23"><content><p><span class="bold">Agenda</span></p>'
              '</content></paragraph>'
            + para("Opening.", "1.")
            + '<paragraph class="SingleTxt"><content><p><span class="italic">48th (resumed) '
              'plenary meeting</span></p></content></paragraph>'
            + para("*  *  *"))
    parsed = parse_xml(statement(body))
    assert [(b.kind, b.section, b.part, b.text) for b in parsed.blocks] == [
        ("paragraph", "operative", "", "Decides;"), ("heading", "annex", "I", "Agenda"),
        ("paragraph", "annex", "I", "Opening.")]
    assert parsed.meta["meeting"] == 48  # the adoption line typed as the last paragraph
    # the formula, "*  *  *", the rule under the last paragraph
    assert [a.kind for a in parsed.artefacts] == ["formula", "other", "separator"]


def test_a_subheading_typed_as_body_text_is_a_heading():
    # A/RES/75/284, annex: "Reaffirming international resolve" has the body style SingleTxt
    # but is set in italics alone on its line, like the H4 subheadings around it
    italic = '<paragraph class="SingleTxt"><content><p><span class="italic">{}</span></p>' \
             '</content></paragraph>'
    body = (para("To this end we:")
            + italic.format("Reaffirming international resolve")
            + para("Reaffirm the 2030 Agenda;", "2.")
            + italic.format("Note the report;")  # closing punctuation: a paragraph
            + italic.format("Friday, 3 June: from 10 a.m. to 1 p.m."))  # digits: a paragraph
    parsed = parse_xml(statement(body))
    assert [(b.kind, b.text[:12]) for b in parsed.blocks] == [
        ("paragraph", "To this end "), ("heading", "Reaffirming "),
        ("paragraph", "Reaffirm the"), ("paragraph", "Note the rep"),
        ("paragraph", "Friday, 3 Ju")]


def test_footnote_cited_twice_is_one_footnote():
    note = ('<sup>(</sup><authorialNote marker="{n}"><p>\t()\tResolution 70/{n}.</p>'
            '</authorialNote><sup>)</sup>')
    body = (para(f"Recalls Paris{note.format(n=1)}and Rome;", "1.")
            + para(f"Notes resolution{note.format(n=1)};", "2.")
            + para("Recalls the report<sup>(1)</sup>, again;", "3."))
    parsed = parse_xml(statement(body))
    assert [(f.number, f.text) for f in parsed.footnotes] == [(1, "Resolution 70/1.")]
    assert [b.footnotes for b in parsed.blocks] == [(1,), (1,), (1,)]
    # A marker taken out from between two words leaves a space; the wrappers leave nothing.
    assert [b.text for b in parsed.blocks] == [
        "Recalls Paris and Rome;", "Notes resolution;", "Recalls the report, again;"]


def test_missing_metadata_is_none_not_guessed():
    parsed = parse_xml(statement(para("Decides;", "1.")))
    meta = parsed.meta
    assert meta["adopted"] == "2021-06-01" and meta["language"] == "en"
    for key in ("symbol", "title", "agenda_item", "meeting", "committee", "committee_report",
                "distributed", "session", "number"):
        assert meta[key] is None, key


def test_preface_gives_number_and_title_without_a_cover():
    preface = ('<preface><p><docNumber>76/186.</docNumber><docTitle>\t- Improving the '
               'coordination</docTitle></p></preface>')
    meta = parse_xml(statement(para("Decides;", "1."), front=preface)).meta
    assert (meta["session"], meta["number"]) == (76, "186")
    assert meta["title"] == "Improving the coordination"
    assert meta["symbol"] is None


def test_no_main_committee_gives_no_committee():
    cover = ('<coverPage><p><docProponent refersTo="#noMainCommittee">[without reference to a '
             'Main Committee (<inline name="originating document">A/75/L.81</inline>)]'
             '</docProponent></p></coverPage>')
    meta = parse_xml(statement(para("Decides;", "1."), front=cover)).meta
    assert (meta["committee"], meta["committee_report"]) == (None, None)


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("target", ["secret", "/etc/passwd"])
def test_external_entities_are_refused(tmp_path, target):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:TOP-SECRET-CONTENT")
    url = "file://" + (str(secret) if target == "secret" else target)
    xml = (f'<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "{url}">]>'
           f'<akomaNtoso {AKN}><statement><preamble/><mainBody><paragraph><content><p>&x;'
           '</p></content></paragraph></mainBody></statement></akomaNtoso>').encode()
    with pytest.raises(ResolutionParseError) as err:
        parse_xml(xml, name="xxe.xml")
    assert "root:" not in str(err.value)  # neither file's content
    assert err.value.source == "xxe.xml"


def test_entity_expansion_bomb_is_refused():
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">'
        for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE akomaNtoso [{entities}]><akomaNtoso {AKN}>'
           '<statement><preamble/><mainBody><paragraph><content><p>&lol9;</p></content>'
           '</paragraph></mainBody></statement></akomaNtoso>').encode()
    with pytest.raises(ResolutionParseError) as err:
        parse_xml(xml, name="bomb.xml")
    assert err.value.source == "bomb.xml"


def test_malformed_xml_names_file_line_and_expectation():
    xml = f'<akomaNtoso {AKN}>\n<statement>\n<preamble>\n</statement>\n</akomaNtoso>'.encode()
    with pytest.raises(ResolutionParseError) as err:
        parse_xml(xml, name="broken.xml")
    assert err.value.source == "broken.xml"
    assert err.value.line == 4  # </statement> closes what <preamble> opened
    assert "well-formed AKN4UN XML" in str(err.value)


@pytest.mark.parametrize("xml, reason", [
    (b"<html><body><p>Hello</p></body></html>", "root element is <html>"),
    (f"<akomaNtoso {AKN}><statement><meta/></statement></akomaNtoso>".encode(),
     "no <preamble> or <mainBody>"),
    (f"<akomaNtoso {AKN}><judgment/></akomaNtoso>".encode(), "no <statement>"),
])
def test_xml_that_is_not_akn4un_is_refused(xml, reason):
    with pytest.raises(ResolutionParseError, match=reason) as err:
        parse_xml(xml, name="other.xml")
    assert "AKN4UN" in str(err.value)


def test_load_resolution_reports_bad_xml_as_parse_error():
    with pytest.raises(ResolutionParseError, match="well-formed"):
        analysis.load_resolution(b"<?xml version='1.0'?><akomaNtoso><statement>", name="x.xml")


@pytest.mark.parametrize("name", ["75_100_E.xml", "75_100_A.xml"])
def test_the_committee_is_named_as_the_text_reader_names_it(name):
    # 75/100 comes from the Fourth Committee: the XML says refersTo="#fourthCommittee", the
    # printed cover page "Special Political and Decolonization Committee (Fourth
    # Committee)"; both readers give the full name (committees.csv), so a session groups
    # by committee whatever the source
    from analysis.render import render_text

    xml = analysis.load_resolution(FIXTURES / name)
    text = analysis.load_resolution(render_text(xml.parsed))
    assert xml.meta["committee"] == text.meta["committee"] == (
        "Special Political and Decolonization Committee (Fourth Committee)")


def test_same_series_is_the_same_title_in_the_same_language():
    # 68/192 (the seed, text) and 76/186 (XML) share their Arabic title "تحسين تنسيق الجهود
    # المبذولة لمكافحة الاتجار بالأشخاص"; 75/249 (financing of the Residual Mechanism) is
    # another series. Across languages the bundled Arabic 76/186 stands in for the English:
    # 76/186 in English and 68/192 in Arabic are one series too.
    seed = analysis.load_resolution(analysis.paths.SEED)
    ar = analysis.load_resolution(RAW / "A_RES_76_186-2119241A.xml")
    en = analysis.load_resolution(RAW / "A_RES_76_186-2119241E.xml")
    other = analysis.load_resolution(FIXTURES / "75_249_E.xml")
    assert analysis.same_series(seed, ar) and analysis.same_series(ar, seed)
    assert analysis.same_series(en, seed) and analysis.same_series(seed, en)
    assert analysis.same_series(ar, en)  # one resolution in two languages
    assert not analysis.same_series(en, other) and not analysis.same_series(seed, other)


def test_series_partner_of_any_copy_of_76_186_is_68_192(tmp_path):
    # The series page compares a resolution with 76/186 in its language, and 76/186 with the
    # seed 68/192: also a copy of 76/186 outside data/raw (a user's own folder)
    copy = tmp_path / "mine.xml"
    copy.write_bytes((RAW / "A_RES_76_186-2119241A.xml").read_bytes())
    res = analysis.load_resolution(copy)
    assert analysis.series_partner(res).meta["symbol"] == "A/RES/68/192"
    seed = analysis.load_resolution(analysis.paths.SEED)
    partner = analysis.series_partner(seed)
    assert (partner.meta["symbol"], partner.language) == ("A/RES/76/186", "ar")
    english = analysis.series_partner(analysis.load_resolution(FIXTURES / "75_249_E.xml"))
    assert (english.meta["symbol"], english.language) == ("A/RES/76/186", "en")


def test_series_partner_given_is_read_and_may_not_be_the_resolution_itself(tmp_path):
    res = analysis.load_resolution(RAW / "A_RES_76_186-2119241A.xml")
    given = analysis.series_partner(res, analysis.paths.SEED)
    assert given.meta["symbol"] == "A/RES/68/192"
    copy = tmp_path / "same.xml"
    copy.write_bytes((RAW / "A_RES_76_186-2119241A.xml").read_bytes())
    with pytest.raises(ValueError, match=r"A/RES/76/186 \(ar\) itself"):
        analysis.series_partner(res, copy)
    with pytest.raises(ResolutionParseError, match="no such file"):
        analysis.series_partner(res, tmp_path / "missing.xml")
