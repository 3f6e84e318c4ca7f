"""Reading input: bytes from a file or the caller, decoded to text, with clear errors.

I/O only: this module opens files and decodes bytes; the parsing is elsewhere. Decoding
also settles what is the same text written another way: CRLF and CR line ends become LF and,
in text (not XML), Arabic presentation forms and Latin ligatures become letters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import ResolutionParseError

# Glyphs that PDF extractors copy from the font: Latin ligatures (U+FB00..U+FB06: "ﬁ", "ﬃ")
# and Arabic presentation forms A and B (U+FB50..U+FDFF, U+FE70..U+FEFE: shaped letters).
_GLYPH = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]")

#: Inputs larger than this are refused rather than parsed (a resolution is well under 1 MB).
MAX_BYTES = 20 * 1024 * 1024

# File signatures of formats people may try instead of extracted text.
_BINARY_FORMATS = ((b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP/Word (.docx)"),
                   (b"\xd0\xcf\x11\xe0", "Word (.doc)"), (b"{\\rtf", "RTF"),
                   (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"))
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# C0 controls other than tab, LF, CR, FF; a text file has (almost) none.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A well-formed multi-byte UTF-8 sequence (lead byte, then its continuation bytes).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Source:
    """Decoded input: the text, where it came from, and whether it is XML."""

    text: str
    name: str
    is_xml: bool
    raw: bytes | None = None


def read_source(source: str | bytes | Path, name: str | None = None) -> Source:
    """Read a path, bytes or the text itself into a ``Source``.

    A ``str`` of one short line is a path (a resolution's text has many lines); a ``str``
    with line breaks, or a very long one, is the document text.
    """
    if isinstance(source, str) and not source.strip():
        raise ResolutionParseError("the input is empty", source=name or "<text>", line=1,
                                   expected="a path, or the text or XML of a resolution")
    one_line = isinstance(source, str) and "\n" not in source and len(source) < 4096
    if one_line:
        source = Path(source)
    if isinstance(source, Path):
        return _from_path(source, name or str(source), one_line)
    if isinstance(source, bytes | bytearray):
        return _from_bytes(bytes(source), name or "<bytes>", suffix="")
    if isinstance(source, str):
        text = normalize_newlines(source.removeprefix("\ufeff"))
        is_xml = looks_like_xml(text)
        return Source(text=text if is_xml else fold_presentation_forms(text),
                      name=name or "<text>", is_xml=is_xml)
    raise TypeError(f"expected a path, bytes or str, not {type(source).__name__}")


def _from_path(path: Path, label: str, from_str: bool = False) -> Source:
    try:
        is_dir = path.is_dir()
    except (OSError, ValueError):  # a NUL byte or a name too long for the OS
        is_dir = False
    if is_dir:
        raise ResolutionParseError("is a folder, not a file", source=label,
                                   expected="a .txt or .xml resolution (for a folder of them "
                                   "use analysis.load_corpus)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ResolutionParseError(
                f"file is {size} bytes, larger than {MAX_BYTES}", source=label,
                expected="a single resolution")
        data = path.read_bytes()
    except (OSError, ValueError) as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else (
            f"cannot read file: {getattr(exc, 'strerror', None) or exc}")
        # a one-line str is read as a path; say so, in case it was meant as text
        expected = "a path to a .txt or .xml file" + (
            " (text is read as such only with its line breaks)" if from_str else "")
        raise ResolutionParseError(reason, source=label, expected=expected) from exc
    return _from_bytes(data, label, suffix=path.suffix.lower())


def _from_bytes(data: bytes, name: str, suffix: str) -> Source:
    if not data.strip():
        raise ResolutionParseError("the input is empty", source=name, line=1,
                                   expected="the text or XML of a resolution")
    for magic, kind in _BINARY_FORMATS:
        if data.startswith(magic):
            raise ResolutionParseError(
                f"a {kind} file, not text", source=name, line=1,
                expected="text extracted from the PDF (e.g. with pdftotext) or AKN4UN XML"
                if kind == "PDF" else "the text or XML of a resolution")
    text = decode_bytes(data, name)
    text = normalize_newlines(text)
    is_xml = suffix == ".xml" or looks_like_xml(text)
    if not is_xml:
        text = fold_presentation_forms(text)
    return Source(text=text, name=name, is_xml=is_xml, raw=data)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (BOM or not) or Windows-1256.

    Raises ResolutionParseError for binary data or an encoding that is none of these.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(codec), name)
            except UnicodeDecodeError as exc:
                raise _decode_error(data, exc, name, codec) from exc
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), name)
        except UnicodeDecodeError as exc:
            raise _decode_error(data, exc, name, utf16) from exc
    if b"\x00" in data:
        raise ResolutionParseError("binary data (NUL bytes), not text", source=name,
                                   line=data[: data.index(b"\x00")].count(b"\n") + 1,
                                   expected="UTF-8, UTF-16 or Windows-1256 text")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError as utf8_error:
        if _damaged_utf8(data):
            raise _decode_error(data, utf8_error, name, "utf-8") from utf8_error
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise _decode_error(data, utf8_error, name, "utf-8") from utf8_error
        if len(_ARABIC_LETTER.findall(text)) < 0.2 * len(re.findall(r"[^\W\d_]", text)):
            raise _decode_error(data, utf8_error, name, "utf-8") from utf8_error
        return _checked(text, name)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NUL in every other byte of ASCII characters.

    Arabic text is mostly U+06xx, so only its spaces, digits and punctuation (a fifth of the
    seed) give NULs, all on the same side.
    """
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.1 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.1 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _damaged_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (a cut file, a stray byte), not another encoding.

    Windows-1256 Arabic read as UTF-8 is almost all invalid sequences; damaged UTF-8 is
    almost all valid ones. Decoding it as Windows-1256 would turn every letter into mojibake.
    """
    valid = len(_UTF8_SEQUENCE.findall(data))
    return valid > 0 and data.decode("utf-8", errors="replace").count("\ufffd") < 0.05 * valid


def _checked(text: str, name: str) -> str:
    bad = _CONTROL.search(text)
    if bad and len(_CONTROL.findall(text[:100_000])) > 8:
        raise ResolutionParseError(
            "binary data (control characters), not text", source=name,
            line=text.count("\n", 0, bad.start()) + 1,
            expected="UTF-8, UTF-16 or Windows-1256 text")
    return text


def _decode_error(data: bytes, exc: UnicodeDecodeError, name: str, codec: str):
    line = data[: exc.start].count(b"\n") + 1
    cut = (", the last character is incomplete: the file was cut off?"
           if exc.reason == "unexpected end of data" else "")
    return ResolutionParseError(
        f"cannot decode byte 0x{data[exc.start]:02x} as {codec}{cut}", source=name,
        line=line, expected="UTF-8, UTF-16 or Windows-1256 text")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF (offsets into the result are what the spans use)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def fold_presentation_forms(text: str) -> str:
    """Arabic letters that some PDF extractors give as presentation forms (shaped glyphs,
    "ﻹ") become the letters themselves, and so do Latin ligatures ("Reaﬃrming" ->
    "Reaffirming"), as CRLF becomes LF: the parser and its spans work on the decoded text.

    Every such glyph is in U+F000..U+FFFF, whose UTF-8 starts with the byte 0xEF: a text
    without that byte (most) is not scanned (encoding it is six times faster than the
    regex's scan)."""
    if text.isascii() or b"\xef" not in text.encode("utf-8", "surrogatepass"):
        return text
    return _GLYPH.sub(_nfkc, text)


def _nfkc(m: re.Match) -> str:
    return unicodedata.normalize("NFKC", m.group())


def looks_like_xml(text: str) -> bool:
    head = text.lstrip("\ufeff \t\n")[:200]
    return head.startswith("<?xml") or head.startswith("<akomaNtoso")
