"""Damaged input either parses, with nothing lost, or raises ResolutionParseError.

Property-based: mutations of real documents (the seed, data/raw/A_RES_68_192_ar.txt; the
English 76/186 of data/raw rendered as PDF-extracted text; the small AKN4UN fixtures
75_19_A/E.xml). Lines deleted, duplicated or moved across pages, encodings changed, the file
cut anywhere, random bytes, very long lines, unbalanced markers. No other exception, no hang
(a generous alarm turns one into a failure), and on success every non-space character of the
input is in exactly one span of ``Resolution.spans``.
"""

from __future__ import annotations

import codecs
import functools
import os
from pathlib import Path

import pytest
from helpers import assert_nothing_lost, time_limit
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from analysis import ResolutionParseError, arabic, load_resolution, paths
from analysis.render import render_text

FIXTURES = Path(__file__).parent / "fixtures"
HANG_SECONDS = 10  # a guard against hangs: a parse takes well under a tenth of this
# More examples for a longer hunt: HARDENING_EXAMPLES=1000 pytest tests/test_hardening.py
PROPERTY = settings(max_examples=int(os.environ.get("HARDENING_EXAMPLES", "30")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@functools.cache
def document(name: str) -> str:
    """The seed ("ar") or the English 76/186 rendered as extracted text ("en")."""
    if name == "ar":
        return paths.SEED.read_text(encoding="utf-8")
    xml = load_resolution(paths.RAW / "A_RES_76_186-2119241E.xml")
    return render_text(xml.parsed)


@functools.cache
def xml_fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse_or_refuse(source, *, extract: bool = True, **kwargs):
    """The Resolution, or None when the input is refused with ResolutionParseError.

    With ``extract`` the extracted tables are computed too: a document that parses must not
    crash them either.
    """
    with time_limit(HANG_SECONDS):
        try:
            res = load_resolution(source, **kwargs)
        except ResolutionParseError:
            _event("refused")
            return None
        _event("parsed")
        if extract:
            for table in (res.actions, res.mentions, res.references, res.dates):
                assert table is not None
    assert_nothing_lost(res)
    return res


def _event(outcome: str) -> None:
    # Counted by --hypothesis-show-statistics: a property must not pass only by refusals.
    if currently_in_test_context():
        event(outcome)


def edit_lines(text: str, edits: list[tuple[str, int, int]]) -> str:
    """Apply (operation, i, j) edits to the lines: delete i, duplicate i, move i before j."""
    lines = text.splitlines(keepends=True)
    for op, i, j in edits:
        if not lines:
            break
        i %= len(lines)
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines.insert(j % len(lines), lines.pop(i))
    return "".join(lines)


def paragraph_texts(res) -> list[str]:
    return res.paragraphs["text"].tolist()


EDITS = st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "move"]),
                           st.integers(0, 10**6), st.integers(0, 10**6)), max_size=8)
DOCS = st.sampled_from(["ar", "en"])
# Markers a PDF extraction leaves, and their broken halves: footnote marks ^(n) (Eastern and
# ASCII digits), bold **, brackets, superscript digits, form feeds.
MARKER_TOKENS = ["^(", "^", "(", ")", "**", "*", "[", "]", "^(\u0663)", "^(3)", "(\u0661)",
                 "(1)", "\u00b9", "\u00b2\u00b3", "\f", "\n", "\n\n", " ", "\u200f"]


# ---------------------------------------------------------------------------------------
# Text input


@PROPERTY
@given(doc=DOCS, edits=EDITS)
def test_lines_deleted_duplicated_or_moved(doc, edits):
    parse_or_refuse(edit_lines(document(doc), edits))


@PROPERTY
@given(doc=DOCS, data=st.data())
def test_cut_anywhere(doc, data):
    raw = document(doc).encode("utf-8")
    cut = data.draw(st.integers(0, len(raw)), label="cut")
    parse_or_refuse(raw[:cut], extract=False)


@PROPERTY
@given(doc=DOCS, data=st.data(),
       tokens=st.lists(st.lists(st.sampled_from(MARKER_TOKENS), min_size=1, max_size=6)
                       .map("".join), min_size=1, max_size=10))
def test_unbalanced_and_nested_markers(doc, data, tokens):
    text = document(doc)
    for token in tokens:
        at = data.draw(st.integers(0, len(text)), label="at")
        text = text[:at] + token + text[at:]
    parse_or_refuse(text)


@PROPERTY
@given(doc=DOCS, data=st.data(), noise=st.binary(min_size=1, max_size=64))
def test_random_bytes_spliced_in(doc, data, noise):
    raw = document(doc).encode("utf-8")
    at = data.draw(st.integers(0, len(raw)), label="at")
    parse_or_refuse(raw[:at] + noise + raw[at:], extract=False)


@PROPERTY
@given(doc=DOCS, data=st.data(), noise=st.text(min_size=1, max_size=64))
def test_random_text_spliced_in(doc, data, noise):
    text = document(doc)
    at = data.draw(st.integers(0, len(text)), label="at")
    parse_or_refuse(text[:at] + noise + text[at:])


@PROPERTY
@given(noise=st.binary(max_size=2000))
def test_random_bytes(noise):
    parse_or_refuse(noise, extract=False)


@PROPERTY
@given(text=st.text(max_size=2000))
def test_random_text(text):
    parse_or_refuse(text, extract=False)


@PROPERTY
@given(doc=DOCS, data=st.data(), span=st.integers(2, 400))
def test_lines_joined_into_a_long_line(doc, data, span):
    lines = document(doc).splitlines(keepends=True)
    first = data.draw(st.integers(0, len(lines) - 1), label="first")
    joined = "".join(line.rstrip("\n") + " " for line in lines[first: first + span])
    parse_or_refuse("".join(lines[:first]) + joined + "\n" + "".join(lines[first + span:]))


# Windows-1256 has no Eastern Arabic digits (U+0660..U+0669) nor the non-breaking hyphen
# U+2011: a file in it writes ASCII digits and "-".
_CP1256_SUBSTITUTES = str.maketrans({**{chr(0x660 + i): str(i) for i in range(10)},
                                     "\u2011": "-"})


@pytest.mark.parametrize("doc", ["ar", "en"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1256"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_encodings_and_newlines_give_the_same_tables(doc, encoding, newline):
    text = document(doc)
    if encoding == "cp1256":
        text = text.translate(_CP1256_SUBSTITUTES)
    expected = load_resolution(text)
    res = parse_or_refuse(text.replace("\n", newline).encode(encoding), extract=False)
    if res is None:
        # Windows-1256 is read for Arabic text only (analysis/read.py decode_bytes).
        assert (doc, encoding) == ("en", "cp1256")
        return
    assert paragraph_texts(res) == paragraph_texts(expected)
    assert res.footnotes["text"].tolist() == expected.footnotes["text"].tolist()
    assert res.meta["symbol"] == expected.meta["symbol"]


def test_a_utf8_file_cut_inside_a_character_is_refused_at_that_line():
    # Not read as Windows-1256, which would turn every Arabic letter into two of mojibake.
    raw = document("ar").encode("utf-8")
    cut = raw.index("\u0627\u0644\u062c\u0645\u0639\u064a\u0629".encode()) + 1  # الجمعية
    with pytest.raises(ResolutionParseError) as err:
        load_resolution(raw[:cut], name="cut.txt")
    assert err.value.line == raw[:cut].count(b"\n") + 1
    assert "utf-8" in str(err.value)


def test_a_stray_byte_in_utf8_is_refused_at_its_line():
    raw = document("ar").encode("utf-8")
    at = raw.index(b"\n", 5000) + 1
    with pytest.raises(ResolutionParseError) as err:
        load_resolution(raw[:at] + b"\xff" + raw[at:], name="stray.txt")
    assert err.value.line == raw[:at].count(b"\n") + 1


def test_a_long_run_of_superscript_digits_is_no_footnote_number():
    # Found by the 1 MB lines below: int() of 4301 digits raised ValueError.
    with pytest.raises(ResolutionParseError):
        load_resolution("\u00b9" * 4301)


def test_a_title_on_the_line_under_its_number_has_no_empty_span():
    # The rendered 76/186 with its number line "76/186." alone and the title under it, as
    # PDFs often break it. Found by test_unbalanced_and_nested_markers: the title's span on
    # the number line started past the line's end (segment._header_item).
    text = document("en").replace("76/186. Improving", "76/186.\nImproving", 1)
    res = parse_or_refuse(text, extract=False)
    assert res.meta["title"].startswith("Improving the coordination")


@pytest.mark.parametrize("line", ["a\x00b", "x" * 300, "A/RES/68/192\x00.txt"])
def test_a_line_that_cannot_name_a_file_is_refused(line):
    # One line of text may be taken for a path: one with NUL or longer than a file name
    # must still end in ResolutionParseError (not ValueError or OSError from the OS).
    with pytest.raises(ResolutionParseError):
        load_resolution(line)


def test_a_bom_before_the_text_is_not_lost_or_counted():
    res = parse_or_refuse(codecs.BOM_UTF8 + document("ar").encode("utf-8"), extract=False)
    assert res is not None and not res.text.startswith("\ufeff")
    assert res.meta["symbol"] == "A/RES/68/192"


# ---------------------------------------------------------------------------------------
# Very long single lines: a 1 MB line returns or fails within a second.

MB = 1_000_000
LONG_LINES = {
    "latin words": "Recalling the resolution of the General Assembly, ",
    # وإذ تشير إلى ("Recalling")
    "arabic words": "\u0648\u0625\u0630 \u062a\u0634\u064a\u0631 \u0625\u0644\u0649 ",
    "spaces": " ",
    "digits": "1",
    "eastern digits": "\u0661",
    "footnote markers": "^(",
    "bold": "**",
    "brackets": "([",
    "superscripts": "\u00b9",
    "slashes": "1/",
}


def one_megabyte(unit: str) -> str:
    return unit * (MB // len(unit))


@pytest.mark.parametrize("kind", sorted(LONG_LINES))
def test_a_one_megabyte_line_returns_or_fails_within_a_second(kind):
    line = one_megabyte(LONG_LINES[kind])
    with time_limit(1.0):
        try:
            load_resolution(line, name=kind)
        except ResolutionParseError:
            pass


@pytest.mark.parametrize("kind", sorted(LONG_LINES))
def test_a_one_megabyte_paragraph_in_the_seed_returns_or_fails_within_a_second(kind):
    # The line goes after the first preambular paragraph of the seed (its line 17).
    lines = document("ar").splitlines(keepends=True)
    text = "".join(lines[:17]) + one_megabyte(LONG_LINES[kind]) + "\n" + "".join(lines[17:])
    with time_limit(1.0):
        try:
            load_resolution(text, name=kind)
        except ResolutionParseError:
            pass


# ---------------------------------------------------------------------------------------
# XML input: damaged AKN4UN parses or is refused (no spans to check: the XML is the source).

XML_TOKENS = ["<", ">", "</p>", "<p>", "&", "&amp;", "&#0;", "&#x110000;", "<![CDATA[",
              "]]>", "<!--", "-->", "\"", "<num>", "</num>", "<?pi x?>", "\x00", "\u0663"]


@PROPERTY
@given(name=st.sampled_from(["75_19_A.xml", "75_19_E.xml"]), data=st.data(),
       tokens=st.lists(st.sampled_from(XML_TOKENS), min_size=1, max_size=6))
def test_xml_with_markup_inserted(name, data, tokens):
    raw = xml_fixture(name)
    for token in tokens:
        at = data.draw(st.integers(0, len(raw)), label="at")
        raw = raw[:at] + token.encode("utf-8") + raw[at:]
    parse_or_refuse(raw)


@PROPERTY
@given(name=st.sampled_from(["75_19_A.xml", "75_19_E.xml"]), edits=EDITS)
def test_xml_lines_deleted_duplicated_or_moved(name, edits):
    raw = xml_fixture(name).decode("utf-8")
    parse_or_refuse(edit_lines(raw, edits).encode("utf-8"))


@PROPERTY
@given(name=st.sampled_from(["75_19_A.xml", "75_19_E.xml"]), data=st.data())
def test_xml_cut_anywhere(name, data):
    raw = xml_fixture(name)
    parse_or_refuse(raw[: data.draw(st.integers(0, len(raw)), label="cut")], extract=False)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_xml_in_other_encodings(encoding):
    # The declaration says UTF-8; the bytes are re-encoded: read or refused, never a crash.
    raw = xml_fixture("75_19_E.xml").decode("utf-8").replace("\n", "\r\n").encode(encoding)
    parse_or_refuse(raw, extract=False)


# ---------------------------------------------------------------------------------------
# Fast paths give what the plain definitions give


def _normalize_with_map_per_character(text: str) -> tuple[str, list[int]]:
    """arabic.normalize_with_map as first written: one table lookup per character."""
    table = arabic._table()
    pieces = [table.get(ord(ch), ch) for ch in text]
    return "".join(pieces), [i for i, piece in enumerate(pieces) for _ in piece]


# Arabic letters and marks, presentation forms (some expand to several letters), format
# marks, Eastern digits, and ASCII.
ARABIC_TEXT = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x200B, max_codepoint=0x206F),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)), max_size=300)


@PROPERTY
@given(text=ARABIC_TEXT)
def test_normalize_with_map_equals_the_per_character_definition(text):
    assert arabic.normalize_with_map(text) == _normalize_with_map_per_character(text)
