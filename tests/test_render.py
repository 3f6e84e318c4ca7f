"""The renderer writes text of the kind PDF extraction gives (data/raw/A_RES_68_192_ar.txt)."""

import re
from dataclasses import replace

import pytest

from analysis import paths
from analysis.model import Block, Footnote, Parsed
from analysis.render import (
    RenderSettings,
    closing_lines,
    cover_lines,
    format_date,
    localize_numbers,
    render_text,
    session_ordinal,
    settings_for,
)

SEED_LINES = paths.SEED.read_text(encoding="utf-8").splitlines()

# The metadata of the seed, A/RES/68/192, as the XML reader gives it (ISO dates, ints).
META_68_192 = {
    "symbol": "A/RES/68/192", "session": 68, "number": "192", "language": "ar",
    "title": "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص", "agenda_item": 108,
    "adopted": "2013-12-18", "distributed": "2014-02-14", "meeting": 70,
    "committee": "Third Committee", "committee_report": "A/68/457",
}

_WORDS_AR = ("الدول الأعضاء الاتجار بالأشخاص منظومة الأمم المتحدة التعاون الدولي حماية الضحايا "
             "والمنظمات الإقليمية خطة العمل العالمية تنفيذ").split()
_WORDS_EN = ("Member States trafficking persons United Nations system international "
             "cooperation protection victims regional organizations Global Plan Action").split()


def _filler(n: int, k: int, language: str) -> str:
    """A paragraph of n words with clause ends, different for each k."""
    words = _WORDS_AR if language == "ar" else _WORDS_EN
    comma = "،" if language == "ar" else ","
    out = [words[(k * 7 + i) % len(words)] + (comma if i % 9 == 8 else "") for i in range(n)]
    return " ".join(out) + ("،" if language == "ar" else ",")


def long_document(language: str) -> Parsed:
    """Twenty preambular paragraphs (every third cites a footnote), twelve operative ones with
    sub-paragraphs in the fifth: long enough for several pages."""
    meta = dict(META_68_192, language=language)
    if language == "en":
        meta["title"] = "Improving the coordination of efforts against trafficking in persons"
    ar = language == "ar"
    blocks, notes = [], []
    for k in range(20):
        cites = (len(notes) + 1,) if k % 3 == 1 else ()
        if cites:
            body = f"القرار 64/29{k}." if ar else f"Resolution 64/29{k}."
            notes.append(Footnote(cites[0], body))
        opening = "وإذ تشير إلى" if ar else "Recalling"
        text = f"{opening} {_filler(60 + 5 * k, k, language)}"
        blocks.append(Block("paragraph", "preamble", text, footnotes=cites))
    for n in range(1, 13):
        verb = "تطلب" if ar else "Requests"
        blocks.append(Block("paragraph", "operative", f"{verb} {_filler(50 + 7 * n, n, language)}",
                            number=n, phrase=verb))
        if n == 5:
            for sub in ("أ", "ب", "ج") if ar else ("a", "b", "c"):
                blocks.append(Block("paragraph", "operative", _filler(30, n + len(sub), language),
                                    sub=sub))
    return Parsed(meta=meta, blocks=blocks, footnotes=notes)


def test_arabic_numbers_are_eastern_and_number_first():
    # seed README: ١٩٢/٦٨ is 68/192, ٤١/٢٠١٣ is ECOSOC resolution 2013/41; seed line 15 keeps
    # the Latin symbol (A/68/457) and line 111 E/2002/68/Add.1.
    assert localize_numbers("قرارها 64/293 المؤرخ 30 تموز/يوليه 2010", "ar") == (
        "قرارها ٢٩٣/٦٤ المؤرخ ٣٠ تموز/يوليه ٢٠١٠")
    assert localize_numbers("قرار المجلس 2013/41", "ar") == "قرار المجلس ٤١/٢٠١٣"
    assert localize_numbers("تقرير اللجنة (A/68/457)", "ar") == "تقرير اللجنة (A/68/457)"
    assert localize_numbers("الوثيقة E/2002/68/Add.1", "ar") == "الوثيقة E/2002/68/Add.1"
    assert localize_numbers("resolution 64/293", "en") == "resolution 64/293"


def test_words_of_the_cover():
    assert session_ordinal(68, "ar") == "الثامنة والستون"  # seed line 10
    assert session_ordinal(76, "en") == "seventy-sixth"
    assert session_ordinal(11, "ar") == "الحادية عشرة"
    assert format_date("2013-12-18", "ar") == "١٨ كانون الأول/ديسمبر ٢٠١٣"  # seed line 13
    assert format_date("2021-12-16", "en") == "16 December 2021"


def test_cover_and_closing_are_the_seeds():
    settings = settings_for("ar")
    cover = [line for line in cover_lines(META_68_192, settings) if line]
    # The seed's header (lines 3-17), non-blank lines, in order.
    assert cover == [line for line in SEED_LINES[:17] if line]
    # Seed lines 173 and 175.
    assert closing_lines(META_68_192, settings) == ["الجلسة العامة ٧٠",
                                                    "١٨ كانون الأول/ديسمبر ٢٠١٣"]


def test_english_cover():
    meta = dict(META_68_192, language="en", title="Improving the coordination")
    cover = [line for line in cover_lines(meta, settings_for("en")) if line]
    assert cover[:4] == ["United Nations", "A/RES/68/192", "Distr.: General", "14 February 2014"]
    assert "Sixty-eighth session" in cover and "Agenda item 108" in cover
    assert "[on the report of the Third Committee (A/68/457)]" in cover
    assert cover[-1] == "68/192. Improving the coordination"


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_word_is_printed_in_order(language):
    parsed = long_document(language)
    text = render_text(parsed, seed=3, settings=settings_for(language))
    words = _words(text)
    position = 0
    for block in parsed.blocks:
        for word in _words(block.text):
            position = words.index(word, position) + 1  # raises if missing or out of order


@pytest.mark.parametrize("language", ["ar", "en"])
def test_page_furniture(language):
    text = render_text(long_document(language), seed=0, settings=settings_for(language))
    lines = text.splitlines()
    pages = max(int(m.group(2)) for m in map(re.compile(r"^(\d+)/(\d+)$").match, lines) if m)
    assert pages >= 3
    assert [f"{p}/{pages}" in lines for p in range(2, pages + 1)] == [True] * (pages - 1)
    assert lines.count("A/RES/68/192") >= pages - 1  # running heads
    recycle = "الرجاء إعادة الاستعمال" if language == "ar" else "Please recycle"
    assert lines.count(recycle) == 1
    job = next(line for line in lines if re.fullmatch(r"\d\d-\d{5} \([AE]\)", line))
    assert f"*{job[:8].replace('-', '')}*" in lines  # bar code of the job number


def test_footnote_bodies_fall_between_the_halves_of_a_paragraph():
    parsed = long_document("ar")
    text = render_text(parsed, seed=0, settings=settings_for("ar"))
    lines = text.splitlines()
    body = re.compile(r"^\([\u0660-\u0669]+\) ")
    split = 0
    for i, line in enumerate(lines):
        if body.match(line) and i + 1 < len(lines) and not body.match(lines[i + 1]):
            before = next(x for x in reversed(lines[:i]) if x and not body.match(x))
            if not before.endswith(("،", ".", "؛", ":")):  # the page cut a paragraph
                split += 1
    assert split >= 1


def test_markers_in_the_documents_digits():
    parsed = long_document("ar")
    text = render_text(parsed, seed=0, settings=settings_for("ar"))
    markers = re.findall(r"\^\(([^)]*)\)", text)
    # footnotes 1..7, one citation each, Eastern digits, in order
    assert markers == ["١", "٢", "٣", "٤", "٥", "٦", "٧"]
    assert "(١) القرار ٢٩١/٦٤." in text.splitlines()  # body, resolution number-first
    en = render_text(long_document("en"), seed=0, settings=settings_for("en"))
    assert re.findall(r"\^\((\d+)\)", en) == [str(n) for n in range(1, 8)]
    assert "(1) Resolution 64/291." in en.splitlines()
    assert "__________________" in en.splitlines()


def test_numbers_and_labels():
    text = render_text(long_document("ar"), seed=0, settings=settings_for("ar"))
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.startswith("١ - تطلب") for line in lines)
    assert any(line.startswith("١٢ - ") for line in lines)
    assert [line[:3] for line in lines if line.startswith("(") and line[1] in "أبج"] == [
        "(أ)", "(ب)", "(ج)"]
    en = render_text(long_document("en"), seed=0, settings=settings_for("en")).splitlines()
    assert any(line.startswith("1. Requests") for line in en)
    assert sum(line.startswith(("(a) ", "(b) ", "(c) ")) for line in en) == 3
    assert max(len(line) for line in en) <= 90


def test_deterministic_given_a_seed():
    parsed = long_document("ar")
    settings = settings_for("ar")
    assert render_text(parsed, seed=5, settings=settings) == render_text(parsed, seed=5,
                                                                        settings=settings)
    assert render_text(parsed, seed=5, settings=settings) != render_text(parsed, seed=6,
                                                                        settings=settings)


def test_no_marker_real_pdfs_lack():
    plain = RenderSettings(language="ar", width=0, lines_per_page=30, eastern_digits=True)
    text = render_text(long_document("ar"), seed=0, settings=plain)
    assert "**" not in text and " | " not in text and "<" not in text
    # the sub-paragraph labels and numbers are the only brackets and dashes the body adds
    assert not re.search(r"\b(preamble|operative|annex|sub|part)\b", text)


def test_furniture_can_be_left_out():
    bare = replace(settings_for("en"), running_heads=False, page_numbers=False,
                   job_number=False, barcode=False, recycle=False)
    text = render_text(long_document("en"), seed=0, settings=bare)
    assert "Please recycle" not in text
    assert not re.search(r"^\d+/\d+$", text, re.MULTILINE)
    assert text.count("A/RES/68/192") == 1  # the cover only


def test_a_table_prints_a_line_per_row_in_columns():
    # A/RES/75/254 B, the table under paragraph 1, as the XML reader gives it
    table = ("Income section | Amount (United States dollars) || "
             "1. Income from staff assessment | 283 437 900 || 2. General income | 19 265 100 || "
             "Total | 302 522 600")
    doc = long_document("en")
    doc = replace(doc, blocks=[*doc.blocks[:21], Block("paragraph", "operative", table),
                               *doc.blocks[21:]])
    lines = render_text(doc, seed=0).split("\n")
    start = lines.index(next(x for x in lines if x.startswith("Income section")))
    rows = lines[start:start + 4]
    assert [re.split(r"\s{3,}", r) for r in rows] == [
        ["Income section", "Amount (United States dollars)"],
        ["1. Income from staff assessment", "283 437 900"],
        ["2. General income", "19 265 100"], ["Total", "302 522 600"]]
    columns = {r.index(c) for r, c in zip(rows, ["Amount", "283", "19 ", "302"], strict=True)}
    assert len(columns) == 1  # the last cells in one column
    assert lines[start - 1] == "" and lines[start + 4] == ""  # set apart by blank lines
    assert "|" not in "\n".join(lines)  # no invented markers
    ar = replace(long_document("ar"), blocks=[Block("paragraph", "operative", "الباب | المبلغ")])
    assert "المبلغ   الباب" in render_text(ar, seed=0)  # right to left: first column last
