"""Acceptance of the text parser on the seed, A/RES/68/192 in Arabic (data/raw).

Every number here can be checked against data/raw/A_RES_68_192_ar.txt; the comments give the
lines of that file.
"""

from __future__ import annotations

import pytest
from helpers import assert_nothing_lost

import analysis
from analysis import paths


@pytest.fixture(scope="module")
def res():
    return analysis.load_resolution(paths.SEED)


@pytest.fixture(scope="module")
def paragraphs(res):
    return res.paragraphs


def _main(paragraphs, section):
    return paragraphs[(paragraphs["section"] == section) & (paragraphs["sub"] == "")]


def _preamble(paragraphs, n):
    rows = _main(paragraphs, "preamble")
    return rows[rows["number"] == n].iloc[0]


def _operative(paragraphs, n):
    rows = _main(paragraphs, "operative")
    return rows[rows["number"] == n].iloc[0]


def test_thirty_preambular_paragraphs(paragraphs):
    # lines 21-123: "إذ تكرر إدانتها" to "وإذ تشير أيضاً إلى قراراتها ١٩٩/٥٣"
    rows = _main(paragraphs, "preamble")
    assert len(rows) == 30
    assert list(rows["number"]) == list(range(1, 31))
    assert rows.iloc[0]["text"].startswith("إذ تكرر إدانتها الشديدة")
    assert rows.iloc[-1]["text"].startswith("وإذ تشير أيضاً إلى قراراتها ١٩٩/٥٣")


def test_eighteen_operative_paragraphs_numbered_1_to_18(paragraphs):
    # lines 133-171: "١ - تحث" to "١٨ - **تطلب**"
    rows = _main(paragraphs, "operative")
    assert list(rows["number"]) == list(range(1, 19))
    assert rows.iloc[-1]["text"].endswith("في دورتها التاسعة والستين.")


def test_six_sub_paragraphs_all_in_the_seventh_preambular_paragraph(paragraphs):
    # lines 47-66: "وإذ تؤكد مجددًا ... بما يلي:" then (أ) .. (و), the last two after a
    # footnote block (lines 57-63) and on single line breaks (lines 65-66)
    subs = paragraphs[paragraphs["sub"] != ""]
    assert list(subs["sub"]) == ["أ", "ب", "ج", "د", "هـ", "و"]
    assert set(subs["section"]) == {"preamble"}
    assert set(subs["number"]) == {7}
    assert _preamble(paragraphs, 7)["text"].endswith("من أجل القيام بما يلي:")
    assert subs.iloc[4]["text"].startswith("التوعية داخل منظومة الأمم المتحدة")


def test_paragraph_after_sub_items_on_a_single_line_break(paragraphs):
    # line 67 starts with a space, right after (و) on line 66
    assert _preamble(paragraphs, 8)["text"].startswith("وإذ تشير إلى قراراتها ١٨٠/٦١")
    assert _preamble(paragraphs, 8)["footnotes"] == [8]


def test_fifteen_footnotes_the_first_five_cited_twice(res):
    notes = res.footnotes
    assert list(notes["number"]) == list(range(1, 16))
    assert list(notes["citations"]) == [2] * 5 + [1] * 10
    # line 29 and line 111 (a footnote without a final full stop)
    assert notes.iloc[0]["text"] == "القرار ٢/٥٥."
    assert notes.iloc[10]["text"] == "E/2002/68/Add.1"


def test_footnotes_cited_by_the_paragraphs_that_carry_their_markers(paragraphs):
    # line 27 cites 1-3, line 43 cites 4-7, line 133 cites 4 and 5, line 165 cites 1-3
    assert _preamble(paragraphs, 4)["footnotes"] == [1, 2, 3]
    assert _preamble(paragraphs, 5)["footnotes"] == [4, 5, 6, 7]
    assert _operative(paragraphs, 1)["footnotes"] == [4, 5]
    assert _operative(paragraphs, 15)["footnotes"] == [1, 2, 3]
    assert not any("^(" in t for t in paragraphs["text"])


@pytest.mark.parametrize("section, number, before, after", [
    # line 27 ends "جميع أشكال", footnotes 1-3 and the recycle line, line 41 goes on
    ("preamble", 4, "لمكافحة جميع أشكال", "الاتجار بالأشخاص والقضاء عليها"),
    # line 75 ends "(هيئة الأمم المتحدة للمرأة)", footnotes 8-10, line 83 goes on
    ("preamble", 12, "(هيئة الأمم المتحدة للمرأة)", "ومنظمة العمل الدولية"),
    # line 97 ends "والثقافة" with no footnote between, line 99 goes on
    ("preamble", 19, "والانتماء العرقي والثقافة", "والدين والأصل الوطني"),
    # line 143 ends "والعدالة", line 145 goes on
    ("operative", 6, "لجنة منع الجريمة والعدالة", "الجناية بالدعم الكافي"),
    # line 157 ends with a comma, line 159 starts with no number
    ("operative", 12, "بمكافحة الاتجار بالأشخاص،", "وذلك بهدف تيسير"),
])
def test_paragraphs_rejoined_across_page_breaks(paragraphs, section, number, before, after):
    row = (_preamble if section == "preamble" else _operative)(paragraphs, number)
    assert f"{before} {after}" in row["text"]
    rows = _main(paragraphs, section)
    assert sum(after in t for t in rows["text"]) == 1  # one row, not two


def test_recycle_line_is_an_artefact_and_in_no_paragraph(res):
    # line 37
    recycle = res.artefacts[res.artefacts["kind"] == "recycle"]
    assert list(recycle["text"]) == ["الرجاء إعادة الاستعمال"]
    assert list(recycle["line"]) == [37]
    assert not res.paragraphs["text"].str.contains("الرجاء إعادة الاستعمال").any()


def test_metadata(res):
    m = res.meta
    assert m["symbol"] == "A/RES/68/192"  # line 17: ١٩٢/٦٨
    assert m["body"] == "GA"
    assert m["session"] == 68  # line 10: الدورة الثامنة والستون
    assert m["number"] == "192"
    assert m["language"] == "ar"
    assert m["title"] == "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص"
    assert m["agenda_item"] == 108  # line 11
    assert m["adopted"] == "2013-12-18"  # lines 13 and 175
    assert m["distributed"] == "2014-02-14"  # line 4
    assert m["meeting"] == 70  # line 173
    assert m["committee"] == "Third Committee"  # line 15
    assert m["committee_report"] == "A/68/457"
    assert m["format"] == "text"


def test_phrases_and_verbs(paragraphs):
    # line 69: "وإذ تشير أيضاً إلى"; line 139: "تقرّر" with shadda; line 161: "**تطلب**"
    assert _preamble(paragraphs, 9)["phrase"] == "وإذ تشير أيضاً"
    assert _preamble(paragraphs, 9)["verb"] == "تشير"
    assert _operative(paragraphs, 4)["verb"] == "تقرر"
    assert _operative(paragraphs, 13)["phrase"] == "تطلب"
    assert "**" not in " ".join(paragraphs["text"])


def test_nothing_lost_and_no_warnings(res):
    assert_nothing_lost(res)
    assert res.warnings == []


def test_the_seed_without_its_blank_lines_gives_the_same_tables(res):
    # A user who strips blank lines: the notes at the foot of page 1 (lines 57-63, "(٤)" to
    # "(٧)") then sit right above sub-item "(هـ)" (line 65) with nothing between, and those
    # of page 2 (lines 77-81) above the end of a sentence cut by the page (line 83, "ومنظمة
    # العمل الدولية ..."): the body goes on at the next sub-item, at an opening phrase, or
    # under a note that ended its sentence when the body's did not
    text = res.text
    run_together = "\n".join(line for line in text.split("\n") if line.strip())
    again = analysis.load_resolution(run_together, language="ar")
    columns = ["section", "number", "sub", "phrase", "text"]
    assert again.paragraphs[columns].equals(res.paragraphs[columns])
    assert again.footnotes[["number", "text"]].equals(res.footnotes[["number", "text"]])
    assert_nothing_lost(again)
