"""The evaluation: comparing two readings, checking the XML's, and the round trip
XML -> render -> parse_text on real resolutions."""

import re
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import paths
from analysis.akn import parse_xml
from analysis.evaluate import (
    LOOKS,
    check_structure,
    comparable_part,
    comparable_text,
    compare,
    evaluate_document,
    evaluate_folder,
    look_settings,
    lost_text,
    main,
    totals,
)
from analysis.model import Block, Footnote, Parsed
from analysis.render import render_text, settings_for
from analysis.resolution import Resolution
from analysis.segment import parse_text

FIXTURES = Path(__file__).parent / "fixtures"
ROUND_TRIP = [FIXTURES / "75_19_A.xml", FIXTURES / "75_19_E.xml",
              paths.RAW / "A_RES_76_186-2119241A.xml", paths.RAW / "A_RES_76_186-2119241E.xml"]


def small(language: str = "en") -> Parsed:
    """Two preambular paragraphs, three operative ones (the second with two sub-paragraphs),
    a heading, two footnotes."""
    b = [
        Block("paragraph", "preamble", "Recalling its resolution 64/293,", footnotes=(1,)),
        Block("paragraph", "preamble", "Noting the report of the Secretary-General,",
              footnotes=(2,)),
        Block("paragraph", "operative", "Urges Member States to act;", number=1),
        Block("heading", "operative", "Follow-up"),
        Block("paragraph", "operative", "Calls upon States:", number=2),
        Block("paragraph", "operative", "To ratify the Convention;", sub="a"),
        Block("paragraph", "operative", "To implement it;", sub="b"),
        Block("paragraph", "operative", "Decides to remain seized of the matter.", number=3),
    ]
    notes = [Footnote(1, "Resolution 64/293."), Footnote(2, "A/75/1.")]
    return Parsed(meta={"language": language, "symbol": "A/RES/75/1"}, blocks=b,
                  footnotes=notes)


def with_blocks(parsed: Parsed, blocks) -> Resolution:
    return Resolution(replace(parsed, blocks=list(blocks)))


def test_comparable_text():
    # markers and bold marks go; Eastern digits and number-first symbols meet the XML's
    assert comparable_text("قرارها ٢٩٣/٦٤ المؤرخ^(٣)،") == comparable_text("قرارها 64/293 المؤرخ،")
    assert comparable_text("**Urges**  Member\nStates ^(2) ,") == "Urges Member States,"
    # part labels as the Arabic prints them (ألف, أولا; المرفق الأول) and as the XML has them
    assert [comparable_part(p) for p in ("ألف", "A", "أولا", "I", "الثاني", "II.B")] == [
        "a", "a", "i", "i", "ii", "ii.b"]


def test_compare_same_is_empty():
    res = Resolution(small())
    assert compare(res, res) == []


def test_compare_finds_each_kind_of_difference():
    parsed = small()
    expected = Resolution(parsed)
    b = parsed.blocks
    lost = with_blocks(parsed, b[:2] + b[3:])  # operative 1 lost
    assert "count: operative paragraphs: expected 3, got 2" in compare(expected, lost)
    assert any(d.startswith("missing: operative 1") for d in compare(expected, lost))
    relabelled = with_blocks(parsed, [*b[:6], replace(b[6], sub="c"), *b[7:]])
    assert "numbering: operative 2(b) read as operative 2(c)" in compare(expected, relabelled)
    invites = replace(b[2], text="Invites Member States to act;")
    verb = with_blocks(parsed, [*b[:2], invites, *b[3:]])
    diffs = compare(expected, verb)
    assert "verb: operative 1: expected 'urges', got 'invites'" in diffs
    assert any(d.startswith("text: operative 1:") for d in diffs)
    moved = with_blocks(parsed, [replace(b[0], footnotes=()),
                                 replace(b[1], footnotes=(1, 2)), *b[2:]])
    assert ("cited: footnote 1: expected in ['preamble 1'], got ['preamble 2']"
            in compare(expected, moved))
    headless = with_blocks(parsed, b[:3] + b[4:])
    assert "heading: missing operative heading 'Follow-up'" in compare(expected, headless)
    fewer_notes = Resolution(replace(parsed, footnotes=parsed.footnotes[:1]))
    assert "footnote: expected numbers 1-2, got 1-1 (missing [2])" in compare(expected,
                                                                              fewer_notes)


def test_a_paragraph_typed_as_two_is_one():
    # 1. Urges ...; then a second row numbered 1: printed it is the same paragraph cut by a
    # page (seed lines 143-145), so the comparison joins it; after sub-paragraphs it stays apart
    parsed = small()
    b = parsed.blocks
    split = [*b[:2], replace(b[2], text="Urges Member States"), replace(b[2], text="to act;"),
             *b[3:]]
    assert compare(Resolution(parsed), with_blocks(parsed, split)) == []
    # unnumbered rows are never joined: "Resolves that:" then a table and "1." (75/256)
    tables = with_blocks(parsed, [*b[:2], Block("paragraph", "operative", "Resolves that:"),
                                  Block("paragraph", "operative", "Section | Amount"),
                                  replace(b[2], text="The Fund shall be established;")])
    assert compare(tables, tables) == []
    assert "count: operative paragraphs: expected 3, got 1" in compare(
        tables, with_blocks(parsed, b[:3]))
    after_subs = [*b[:7], Block("paragraph", "operative", "and decides;", number=2), b[7]]
    assert any(d.startswith("missing: operative 2: and decides;")
               for d in compare(with_blocks(parsed, after_subs), Resolution(parsed)))


def test_check_structure():
    parsed = small()
    assert check_structure(Resolution(parsed)) == []
    b = parsed.blocks
    gap = with_blocks(parsed, [*b[:7], replace(b[7], number=4)])
    assert check_structure(gap) == ["numbering: operative  numbers [1, 2, 4]"]
    skipped = with_blocks(parsed, [*b[:6], replace(b[6], sub="c"), *b[7:]])
    assert check_structure(skipped) == ["labels: operative 2: ['a', 'c']"]
    # a paragraph continuing number 2 after its sub-paragraphs is not a gap
    continued = with_blocks(parsed, [*b[:7], Block("paragraph", "operative", "and decides;",
                                                   number=2), b[7]])
    assert check_structure(continued) == []
    bodiless = Resolution(replace(parsed, footnotes=parsed.footnotes[:1]))
    assert check_structure(bodiless) == ["footnote: cited without a body [2]"]


def test_doubled_and_arabic_labels_continue_the_sequence():
    # A/RES/75/192 para. 6 runs (a) ... (z), (aa); the Arabic (أ) ... (ض), (أ أ)
    letters = "abcdefghijklmnopqrstuvwxyz"
    blocks = [Block("paragraph", "operative", "Calls upon States:", number=1)]
    blocks += [Block("paragraph", "operative", "x;", sub=s) for s in [*letters, "aa"]]
    assert check_structure(Resolution(Parsed(meta={"language": "en"}, blocks=blocks))) == []
    abjad = [*"أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض".split(), "أ أ"]
    blocks = [Block("paragraph", "operative", "تهيب بالدول:", number=1)]
    blocks += [Block("paragraph", "operative", "س؛", sub=s) for s in abjad]
    assert check_structure(Resolution(Parsed(meta={"language": "ar"}, blocks=blocks))) == []


def test_lost_text():
    data = (FIXTURES / "75_19_E.xml").read_bytes()
    parsed = parse_xml(data, name="75_19_E.xml")
    assert lost_text(data, parsed) == []
    # dropping the preamble (fixture line 120: "Having considered the report of the Credentials
    # Committee and the recommendation contained therein,", 13 words) is noticed
    dropped = replace(parsed, blocks=parsed.blocks[1:])
    issues = lost_text(data, dropped)
    assert len(issues) == 1 and issues[0].startswith("lost: 13 words of the body")


@pytest.mark.parametrize("path", ROUND_TRIP, ids=lambda p: p.name)
def test_round_trip(path):
    row = evaluate_document(path.read_bytes(), path.name, seed=0)
    assert row["issues"] == []
    assert row["differences"] == []
    assert row["ok"]


# and fixtures with headings, parts, an annex with a table, lists of points
LOOK_TRIP = ROUND_TRIP + [FIXTURES / n for n in ("75_100_A.xml", "75_100_E.xml", "75_249_E.xml",
                                                   "75_253B_E.xml", "75_283_A.xml")]


# What the text cannot show, or the parser does not yet read, in a look (see segment).
KNOWN_LOOK_FAILURES = {
    ("75_19_A.xml", "no_blank_lines"): "two one-line paragraphs and no blank line: too few "
    "lines to tell whole-paragraph lines from wrapped ones",
    ("75_100_A.xml", "wrapped"): "a page break after '،' with 'وإذ' next, inside one "
    "preambular paragraph",
    ("75_249_E.xml", "no_blank_lines"): "a heading right above a table, no blank line",
    ("75_253B_E.xml", "no_blank_lines"): "a part's title right above its preamble, no blank "
    "line",
}


@pytest.mark.parametrize("look", [k for k in LOOKS if k != "default"])
@pytest.mark.parametrize("path", LOOK_TRIP, ids=lambda p: p.name)
def test_round_trip_in_other_looks(path, look):
    # the parser must not depend on the renderer's defaults (see evaluate.LOOKS)
    parsed = parse_xml(path.read_bytes())
    language = parsed.meta["language"]
    if look_settings(language, look) == look_settings(language):
        pytest.skip(f"{look} is the default look in {language}")
    row = evaluate_document(path.read_bytes(), path.name, seed=1, look=look)
    known = KNOWN_LOOK_FAILURES.get((path.name, look))
    if known:  # still failing as documented; fixed, it fails here to be taken off the list
        assert row["differences"], f"fixed: take {path.name}, {look} off the list"
        pytest.xfail(known)
    assert row["differences"] == []


def test_looks_change_the_text():
    parsed = parse_xml((paths.RAW / "A_RES_76_186-2119241E.xml").read_bytes())
    texts = {look: render_text(parsed, seed=1, settings=look_settings("en", look))
             for look in LOOKS}
    assert len(set(texts.values())) == len(LOOKS)
    assert "^3" in texts["bare_notes"] and "\n3 Target 8.7." in texts["bare_notes"]
    page_number = re.compile(r"\n\d+/\d+\n")  # "2/9" lines
    assert page_number.search(texts["default"]) and not page_number.search(texts["plain"])
    assert look_settings("ar", "bare_notes") == settings_for("ar")  # English only


def test_round_trip_cuts_paragraphs_around_footnotes():
    """76/186 (Arabic) as rendered has at least one footnote block between the two halves of
    a paragraph, and the parser still finds every paragraph whole."""
    parsed = parse_xml((paths.RAW / "A_RES_76_186-2119241A.xml").read_bytes())
    text = render_text(parsed, seed=0, settings=settings_for("ar"))
    lines = text.splitlines()
    body = re.compile(r"^\([\u0660-\u0669]+\) ")
    cut = [i for i, line in enumerate(lines) if body.match(line)
           and not body.match(next(x for x in reversed(lines[:i]) if x and not body.match(x)))
           and not next(x for x in reversed(lines[:i]) if x and not body.match(x)).endswith(
               ("،", "؛", ".", ":"))]
    assert cut
    assert compare(Resolution(parsed), Resolution(parse_text(text, "ar"))) == []


def test_folder_table_and_command(tmp_path, capsys):
    for name in ("75_19_A.xml", "75_19_E.xml"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    df = evaluate_folder(tmp_path)
    assert list(df["file"]) == ["75_19_A.xml", "75_19_E.xml"]
    assert list(df["language"]) == ["ar", "en"]
    assert totals(df).loc["all", "both_%"] == 100.0
    assert main([str(tmp_path), "--show-failures", "1"]) == 0
    out = capsys.readouterr().out
    assert "Totals" in out and "75_19_E.xml" in out


def test_a_session_folder_of_language_folders_and_a_broken_file(tmp_path):
    # the folder of a session holds one folder per language; a file the XML reader cannot
    # read has no text, so it is read exactly by nobody
    for name, language in (("75_19_A.xml", "ar"), ("75_19_E.xml", "en")):
        (tmp_path / language).mkdir()
        (tmp_path / language / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "en" / "broken.xml").write_bytes(b"<not-akn/>")
    df = evaluate_folder(tmp_path)
    assert list(df["file"]) == ["75_19_A.xml", "75_19_E.xml", "broken.xml"]
    table = totals(df)
    assert table.loc["all", "documents"] == 3 and table.loc["all", "text_exact"] == 2
    assert table.loc["", "text_exact"] == 0 and table.loc["ar", "text_exact_%"] == 100.0


def test_reader_failure_is_a_row_not_a_crash():
    row = evaluate_document(b"<not-akn/>", "broken.xml")
    assert not row["ok"] and row["issues"][0].startswith("error: XML reader:")


# Patterns the evaluation on 75/ar and 75/en found the text parser getting wrong, each as a
# minimal text, kept as regular tests once the parser learned them.
_HEAD = ("Resolution adopted by the General Assembly on 11 December 2020\n\n"
         "75/127. Strengthening of the coordination\n\nThe General Assembly,\n\n")


def test_two_markers_end_a_paragraph():
    text = (_HEAD + "Taking note of the reports of the Secretary-General,^(1)^(2)\n\n"
            "Reaffirming the principles of humanity,\n\n1. Decides to do it.\n\n"
            "__________________\n(1) A/75/75.\n(2) A/75/317.\n")
    preamble = [b for b in parse_text(text, "en").blocks if b.section == "preamble"]
    assert len(preamble) == 2


def test_wrapped_footnote_line_starting_with_a_number():
    text = (_HEAD + "Recalling its resolution 74/1,^(1)\n\n1. Decides to do it.\n\n"
            "__________________\n(1) See Official Records of the General Assembly, "
            "Seventy-fifth Session, Supplement No.\n2 (A/75/2), part one.\n\n\n20-12345\n2/3"
            "\n\n\nA/RES/75/127\n\n2. Requests the Secretary-General to report.^(2)\n\n"
            "__________________\n(2) A/75/317.\n")
    parsed = parse_text(text, "en")
    assert [f.text for f in parsed.footnotes] == [
        "See Official Records of the General Assembly, Seventy-fifth Session, Supplement "
        "No. 2 (A/75/2), part one.", "A/75/317."]


def test_paragraph_continued_after_its_sub_paragraphs():
    """Text after the sub-paragraphs continues the main paragraph (75/55 para. 3)."""
    text = (_HEAD + "Recalling its resolution 74/1,\n\n1. Condemns the attacks:\n\n"
            "(a) In the town;\n\n(b) In the city;\n\nand demands that they stop;\n\n"
            "2. Decides to remain seized of the matter.\n")
    rows = [(b.number, b.sub, b.text) for b in parse_text(text, "en").blocks
            if b.section == "operative"]
    assert rows[2:4] == [(1, "b", "In the city;"), (1, "", "and demands that they stop;")]


def test_unnumbered_operative_paragraph_first():
    """An unnumbered operative paragraph right after the formula (75/256 "Resolves that:")."""
    text = (_HEAD + "Resolves that:\n\n1. The Fund shall be established;\n\n"
            "2. Member States shall make advances.\n")
    assert [b.section for b in parse_text(text, "en").blocks] == ["operative"] * 3


def test_heading_before_the_first_operative_paragraph():
    """A heading between preamble and paragraph 1 belongs to the operative part (75/224)."""
    text = (_HEAD + "Recalling its resolution 74/1,\n\nGovernance of the Programme\n\n"
            "1. Welcomes the work;\n\n2. Decides to continue.\n")
    headings = [b for b in parse_text(text, "en").blocks if b.kind == "heading"]
    assert [h.section for h in headings] == ["operative"]


def test_annex_label_is_the_part_label_only():
    """"Annex I" gives part "I" and no heading block, as the XML reader does (75/212)."""
    text = (_HEAD + "Recalling its resolution 74/1,\n\n1. Adopts the agenda annexed to the "
            "present resolution.\n\n41st plenary meeting\n10 December 2020\n\nAnnex I\n\n"
            "Provisional agenda\n\n1. Opening of the Conference.\n")
    annex = [(b.kind, b.part, b.text) for b in parse_text(text, "en").blocks
             if b.section == "annex"]
    assert annex == [("heading", "I", "Provisional agenda"),
                     ("paragraph", "I", "Opening of the Conference.")]


def test_part_label_is_not_a_heading():
    """A part label ("I") is not repeated as a heading block (75/247)."""
    text = ("Resolution adopted by the General Assembly on 31 December 2020\n\n"
            "75/247. Report on the activities of the Office\n\nThe General Assembly,\n\nI\n\n"
            "Activities of the Office\n\nRecalling its resolutions 48/218 B,\n\n"
            "1. Reaffirms its primary role;\n\nII\n\nOther matters\n\n"
            "Recalling its resolution 74/1,\n\n1. Decides to continue.\n")
    headings = [(b.part, b.text) for b in parse_text(text, "en").blocks if b.kind == "heading"]
    assert headings == [("I", "Activities of the Office"), ("II", "Other matters")]


def test_collection_of_resolutions():
    text = ("Resolutions adopted by the General Assembly on 10 December 2020\n\n"
            "75/101. Questions relating to information\n\nA\n\n"
            "Information in the service of humanity\n\nThe General Assembly,\n\n"
            "Taking note of the report of the Committee on Information,\n\n"
            "Urges all countries to cooperate.\n\n41st plenary meeting\n10 December 2020\n\n"
            "B\n\nUnited Nations global communications policies\n\nThe General Assembly,\n\n"
            "Emphasizing that the Committee is its main subsidiary body,\n\n"
            "1. Requests the Secretary-General to continue;\n\n41st plenary meeting\n"
            "10 December 2020\n")
    rows = [(b.part, b.section) for b in parse_text(text, "en").blocks
            if b.kind == "paragraph"]
    assert rows == [("A", "preamble"), ("A", "operative"), ("B", "preamble"),
                    ("B", "operative")]


def test_lower_case_continuation_after_page_furniture():
    """A lower-case line after page furniture continues the cut paragraph (75/230 para. 33)."""
    text = (_HEAD + "Recalling its resolution 74/1,\n\n1. Emphasizes the commitments to achieve "
            "the national target of 0.7 per cent of\ngross national income and 0.15 to 0.20\n\n"
            "\n20-32362\n2/15\n\n\nA/RES/75/127\n\nper cent of gross national income for ODA to "
            "the least developed countries;\n\n2. Encourages all relevant stakeholders.\n")
    operative = [b.number for b in parse_text(text, "en").blocks if b.section == "operative"]
    assert operative == [1, 2]


def test_line_naming_the_assembly_is_text():
    """A wrapped last line "the General Assembly," is text, not furniture (75/113)."""
    text = (_HEAD + "Recalling the concerns expressed by the Territory on this subject before "
            "the Special\nPolitical and Decolonization Committee (Fourth Committee) at the "
            "seventy-second session of\nthe General Assembly,\n\n1. Decides to continue.\n")
    assert parse_text(text, "en").blocks[0].text.endswith("session of the General Assembly,")


@pytest.mark.parametrize("where", ["missing", "file", "empty"])
def test_a_folder_that_is_none_is_a_one_line_error(tmp_path, capsys, where):
    # a new user's typo must not print a table of zeros and exit 0
    from analysis import evaluate, verbs

    folder = {"missing": tmp_path / "nope", "file": FIXTURES / "75_19_E.xml",
              "empty": tmp_path}[where]
    assert evaluate.main([str(folder)]) == 2
    assert verbs.main(["coverage", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    reason = {"missing": "no such folder", "file": "not a folder",
              "empty": "no .xml file in this folder"}[where]
    assert len(err) == 2 and err[0].startswith("error: ") and reason in err[0]
