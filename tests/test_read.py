"""Decoding input (analysis.read): the encodings and line ends a user's text file may have."""

from __future__ import annotations

import codecs

import pytest

from analysis import ResolutionParseError, load_resolution, paths
from analysis.read import decode_bytes, normalize_newlines, read_source

SEED = paths.SEED.read_text(encoding="utf-8")
ARABIC = "إن الجمعية العامة،\nإذ تكرر إدانتها الشديدة للاتجار بالأشخاص،\n١ - تحث الدول؛\n"


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
    codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
    ARABIC.encode("utf-16-le"),  # no BOM: NUL bytes in every other byte of the ASCII
    ARABIC.encode("utf-8"),
], ids=["utf-8 BOM", "utf-16-le BOM", "utf-16-be BOM", "utf-16-le", "utf-8"])
def test_unicode_encodings(data):
    assert decode_bytes(data) == ARABIC


def test_windows_1256():
    text = "إن الجمعية العامة،\nإذ تكرر إدانتها الشديدة للاتجار بالأشخاص؛\n"
    assert decode_bytes(text.encode("cp1256")) == text


def test_crlf_and_lone_cr_become_lf():
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
    src = read_source(SEED.replace("\n", "\r\n").encode("utf-16"), name="seed-crlf")
    assert src.text == SEED
    assert not src.is_xml


def test_the_bom_is_not_part_of_the_text():
    src = read_source(codecs.BOM_UTF8 + SEED.encode("utf-8"))
    assert src.text == SEED


def test_binary_data_is_refused_with_its_line():
    data = b"Distr.: General\n" + bytes(range(256)) * 4
    with pytest.raises(ResolutionParseError) as err:
        read_source(data, name="scan.bin")
    assert err.value.source == "scan.bin" and err.value.line == 2


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_input_is_refused(data):
    with pytest.raises(ResolutionParseError) as err:
        read_source(data, name="empty.txt")
    assert err.value.line == 1


def test_a_missing_file_is_refused():
    with pytest.raises(ResolutionParseError, match="no such file"):
        read_source("no/such/resolution.txt")
    # a one-line string is a path: the error says how text is told apart
    with pytest.raises(ResolutionParseError, match="only with its line breaks"):
        read_source("The General Assembly, Recalling its resolution 64/293,")


@pytest.mark.parametrize("text", ["", "  \n\t"])
def test_an_empty_string_is_empty_input_not_a_folder(text):
    with pytest.raises(ResolutionParseError, match="the input is empty"):
        read_source(text)


def test_a_path_is_read_and_named(tmp_path):
    path = tmp_path / "res.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + SEED.replace("\n", "\r\n").encode("utf-16-le"))
    src = read_source(path)
    assert src.text == SEED and src.name == str(path)


def test_presentation_forms_are_read_as_letters():
    # some PDF extractors write shaped glyphs (U+FB50..U+FEFE): "ﻹ" is lam + alef with hamza
    # below; the seed so written parses to the same paragraphs
    import arabic_reshaper

    assert read_source("ﺇﻥ ﺍﻟﺠﻤﻌﻴﺔ ﺍﻟﻌﺎﻣﺔ،\nﻹ").text == "إن الجمعية العامة،\nلإ"
    seed = paths.SEED.read_text(encoding="utf-8")
    shaped = arabic_reshaper.ArabicReshaper({"delete_harakat": False}).reshape(seed)
    assert sum(0xFB50 <= ord(c) <= 0xFEFE for c in shaped) > 10_000
    ours, theirs = load_resolution(shaped).paragraphs, load_resolution(seed).paragraphs
    assert list(ours["verb"]) == list(theirs["verb"]) and list(ours["text"]) == list(theirs["text"])


def test_latin_ligatures_are_read_as_letters():
    # PDF extractors copy ligature glyphs from the font: "ﬃ" (U+FB03), "ﬁ" (U+FB01); read as
    # letters, the phrase, the verb and the references come out as from clean text
    body = ("Reaﬃrming its resolution 64/293 on the ﬁnancial situation,\n\n"
            "1. Decides to remain seized of the matter.\n")
    text = ("The General Assembly,\n\n" + body + "\n70th plenary meeting\n"
            "18 December 2013\n")
    assert read_source(text).text == text.replace("ﬃ", "ffi").replace("ﬁ", "fi")
    res = load_resolution(text)
    first = res.paragraphs.iloc[0]
    assert (first["phrase"], first["verb"]) == ("Reaffirming", "reaffirming")
    assert "financial" in first["text"]
    assert "A/RES/64/293" in set(res.references["symbol"])


def test_a_file_cut_inside_a_character_says_so():
    # the seed cut in the middle of an Arabic letter (two bytes in UTF-8): line 107
    lines = SEED.split("\n")
    letter = next(c for c in lines[106] if ord(c) > 127)
    kept = "\n".join(lines[:106]) + "\n" + lines[106][:lines[106].index(letter)]
    data = kept.encode("utf-8") + letter.encode("utf-8")[:1]
    with pytest.raises(ResolutionParseError, match=r"line 107: cannot decode byte 0x.. as "
                       r"utf-8, the last character is incomplete: the file was cut off\?"):
        read_source(data)


@pytest.mark.parametrize(("letter", "language"), [("A", "ar"), ("E", "en"), ("F", "fr"),
                                                   ("S", "es")])
def test_the_language_of_each_version_of_76_186(letter, language):
    # the four versions of 76/186 printed as text, whole and from their preambles on (no
    # cover page), and the seed: the script, then common words, tell the language
    from analysis import detect_language
    from analysis.render import render_text

    xml = load_resolution(paths.RAW / f"A_RES_76_186-2119241{letter}.xml")
    text = render_text(xml.parsed)
    body = text[text.index("\n\n", len(text) // 3):]
    assert detect_language(text) == detect_language(body) == language
    assert detect_language(paths.SEED.read_text(encoding="utf-8")) == "ar"
    assert detect_language("") == "en"  # (nothing to tell by: the default)
