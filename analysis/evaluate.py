"""Measure the readers on real documents: XML -> structure -> rendered text -> parsed -> compare.

For every AKN4UN file of a folder, the XML reader gives the structure the UN marked up; it is
checked for consistency (no text lost, numbering in sequence, footnotes cited), rendered as
PDF-extracted text (``render``), parsed back with the text parser and compared with what the
XML said. The per-document table and the totals say how often the text parser recovers the
exact structure, and which differences are most common.

    python -m analysis.evaluate FOLDER [--limit N] [--show-failures K] [--seed S]
                                       [--look NAME | --look all]

``--look`` prints the text another way an extraction may (``LOOKS``: Arabic hard-wrapped,
English on one line per paragraph, breaks as a line break and a leading space, no page
furniture, markers after a space, pdftotext's "^3" markers and bare note numbers), so that
the parser is not measured only on the renderer's default; ``all`` gives the totals of each.
"""

from __future__ import annotations

import argparse
import collections
import csv
import difflib
import functools
import re
import sys
import time
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import pandas as pd
from lxml import etree

from .arabic import normalize_ar, normalize_digits, remove_tatweel_ar
from .corpus import folder_files
from .errors import ResolutionParseError
from .model import Parsed
from .render import ANNEX, RenderSettings, is_formula, render_text, settings_for
from .resolution import Resolution

#: Columns of the per-document table.
COLUMNS = ["file", "language", "xml_ok", "ok", "n_differences", "first_difference",
           "xml_issues", "meta_differences", "seconds"]
#: At most this many differences are listed per document.
MAX_DIFFERENCES = 40

_AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
_MARKER = re.compile(r"\s?\^\(\s*[0-9\u0660-\u0669]+\s*\)")
_BOLD = re.compile(r"\*\*")
# Starts only where a number starts: from inside a run of digits it would rescan the run.
_SLASHED = re.compile(r"(?<!\d)\d+(?:/\d+)+")
_WS = re.compile(r"\s+")
_TABLE_SEPARATOR = re.compile(r" \|\|? ")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[,;:.)\u060c\u061b])")
# Brackets, quotation marks (’١‘ in Arabic), dots and spaces around a label.
_LABEL_PUNCTUATION = re.compile("[\\s().'\u2018\u2019]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ANNEX_WORDS = frozenset(normalize_ar(w).casefold() for w in ANNEX.values())
_KIND = re.compile(r"^([a-z ]+):")


@dataclass(frozen=True)
class Look:
    """A way the extracted text may look: changes to ``settings_for``'s ``RenderSettings``,
    for the languages named (all when empty)."""

    about: str
    changes: dict = field(default_factory=dict)
    languages: tuple[str, ...] = ()


#: The looks ``--look`` knows; "default" is ``settings_for`` (the seed's look in Arabic).
LOOKS = {
    "default": Look("the renderer's default (Arabic unwrapped as the seed, English at 90)"),
    "wrapped": Look("hard-wrapped at 70 columns, Arabic too",
                    dict(width=70, page_width=70, heading_indent=10)),
    "unwrapped": Look("one line per paragraph (per page part), English too",
                      dict(width=0, heading_indent=0)),
    "tight": Look("half the paragraph breaks a line break and a leading space",
                  dict(tight_breaks=0.5)),
    "plain": Look("no running heads, page or job numbers, bar codes or recycle line",
                  dict(running_heads=False, page_numbers=False, job_number=False,
                       barcode=False, recycle=False)),
    "spaced_markers": Look("half the markers after a space, bold verbs in half the texts",
                           dict(marker_space=0.5, bold_verbs=0.5)),
    "no_blank_lines": Look("no blank line between paragraphs (one paragraph per line in "
                           "Arabic, wrapped English)", dict(blank_lines=False)),
    "seed_pages": Look("pages as the seed's: no running heads, page or job numbers, a page "
                       "break one blank line (under its footnotes)",
                       dict(running_heads=False, page_numbers=False, job_number=False,
                            barcode=False, bare_page_breaks=True)),
    "bare_notes": Look("pdftotext's notes: ^3 markers, bodies '3 ...' under the rule",
                       dict(marker="^{}", note_label="{}"), languages=("en", "fr", "es")),
}


def look_settings(language: str, look: str = "default") -> RenderSettings:
    """``settings_for(language)`` changed by the look (unchanged for other languages)."""
    chosen = LOOKS[look]
    if chosen.languages and language not in chosen.languages:
        return settings_for(language)
    return replace(settings_for(language), **chosen.changes)
_PATTERN_NUMBER = re.compile(r"\d+")


# ---------------------------------------------------------------- normalization

def comparable_text(text: str) -> str:
    """Text as the comparison sees it: without footnote markers and bold marks, ASCII
    digits, numbers joined by slashes in one canonical order (the rendering writes Arabic
    ``64/293`` as ``٢٩٣/٦٤``), one space between words and none before punctuation (a
    marker with a space before it, "٢٠١٠ ^(٣)،" in the seed, leaves one); the XML reader's
    table separators (" | " between cells, " || " between rows) count as spaces."""
    text = normalize_digits(_BOLD.sub("", _MARKER.sub("", _TABLE_SEPARATOR.sub(" ", text))))
    text = _SLASHED.sub(lambda m: "/".join(sorted(m.group().split("/"))), text)
    return _SPACE_BEFORE_PUNCTUATION.sub("", _WS.sub(" ", text)).strip()


def comparable_label(label: str) -> str:
    """A sub-paragraph label or part name without brackets, quotes, tatweel, digit style."""
    return _LABEL_PUNCTUATION.sub("", remove_tatweel_ar(normalize_digits(label))).casefold()


@functools.cache
def _part_words() -> dict[str, tuple[str, int]]:
    """Arabic part labels and ordinals, normalized -> ("letter"|"ordinal", value)."""
    table: dict[str, tuple[str, int]] = {}
    data = resources.files("analysis").joinpath("data")
    with data.joinpath("ordinals.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["language"] == "ar":
                table.setdefault(normalize_ar(row["word"]), ("ordinal", int(row["value"])))
    with data.joinpath("part_labels.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            table[normalize_ar(row["label"])] = (row["kind"], int(row["value"]))
    return table


def comparable_part(part: str) -> str:
    """A part label in one script: ألف and A -> "a", أولا, الأول and I -> "i" (nested labels
    joined with ".", each mapped)."""
    out = []
    for label in part.split("."):
        kind, value = _part_words().get(normalize_ar(label.strip(" -\u2013")), ("", 0))
        if kind == "letter":
            out.append(_label_sequences()["latin"][value - 1])
        elif kind == "ordinal":
            out.append(_label_sequences()["roman"][value - 1])
        else:
            out.append(comparable_label(label))
    return ".".join(out)


def comparable_verb(verb: str, language: str) -> str:
    return normalize_ar(verb) if language == "ar" else verb.casefold()


def _where(row) -> str:
    """A paragraph as a reader finds it: "operative 5(b)", "preamble 3", with the part."""
    part = f"part {row['part']} " if row["part"] else ""
    number = "" if pd.isna(row["number"]) else str(int(row["number"]))
    sub = f"({row['sub']})" if row["sub"] else ""
    return f"{part}{row['section']} {number}{sub}".strip()


def _first_difference(a: str, b: str, context: int = 30) -> str:
    """Where two texts part: a short excerpt of each around the first differing character."""
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
             min(len(a), len(b)))
    start = max(0, i - context)
    return f"…{a[start:i + context]}… vs …{b[start:i + context]}…"


# ---------------------------------------------------------------- comparison

def _keys(paragraphs: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    return [(comparable_part(p), s, "" if pd.isna(n) else str(int(n)), comparable_label(sub))
            for p, s, n, sub in zip(paragraphs["part"], paragraphs["section"],
                                    paragraphs["number"], paragraphs["sub"], strict=True)]


def compare_counts(expected: pd.DataFrame, actual: pd.DataFrame) -> list[str]:
    """Paragraph and sub-paragraph counts per part and section."""
    diffs = []

    def counts(df):
        parts = df["part"].map(comparable_part)
        kind = df["sub"].map(lambda s: "sub-paragraphs" if s else "paragraphs")
        return collections.Counter(zip(parts, df["section"], kind, strict=True))

    e, a = counts(expected), counts(actual)
    for key in sorted(set(e) | set(a)):
        if e[key] != a[key]:
            part, section, kind = key
            where = f"part {part} " if part else ""
            diffs.append(f"count: {where}{section} {kind}: expected {e[key]}, got {a[key]}")
    return diffs


def compare_paragraphs(expected: pd.DataFrame, actual: pd.DataFrame, language: str
                       ) -> list[str]:
    """Row by row: which paragraphs are missing or extra, then number, label, opening verb,
    footnote citations, heading and text of the rows that correspond."""
    diffs = []
    ek, ak = _keys(expected), _keys(actual)
    matcher = difflib.SequenceMatcher(a=ek, b=ak, autojunk=False)
    pairs = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += list(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                diffs.append(f"numbering: {_where(expected.iloc[i])} read as "
                             f"{_where(actual.iloc[j])}")
                pairs.append((i, j))
            continue
        for i in range(i1, i2):
            diffs.append(f"missing: {_where(expected.iloc[i])}: "
                         f"{comparable_text(expected.iloc[i]['text'])[:60]}")
        for j in range(j1, j2):
            diffs.append(f"extra: {_where(actual.iloc[j])}: "
                         f"{comparable_text(actual.iloc[j]['text'])[:60]}")
    for i, j in pairs:
        e, a = expected.iloc[i], actual.iloc[j]
        where = _where(e)
        if comparable_verb(e["verb"], language) != comparable_verb(a["verb"], language):
            diffs.append(f"verb: {where}: expected {e['verb']!r}, got {a['verb']!r}")
        if sorted(e["footnotes"]) != sorted(a["footnotes"]):
            diffs.append(f"citation: {where}: expected footnotes {sorted(e['footnotes'])}, "
                         f"got {sorted(a['footnotes'])}")
        if comparable_text(e["heading"]) != comparable_text(a["heading"]):
            diffs.append(f"heading: {where}: expected under {e['heading'][:50]!r}, "
                         f"got {a['heading'][:50]!r}")
        et, at = comparable_text(e["text"]), comparable_text(a["text"])
        if et != at:
            diffs.append(f"text: {where}: {_first_difference(et, at)}")
    return diffs


def compare_headings(expected: pd.DataFrame, actual: pd.DataFrame) -> list[str]:
    def rows(df):
        return [(comparable_part(p), s, comparable_text(t))
                for p, s, t in zip(df["part"], df["section"], df["text"], strict=True)]

    e, a = rows(expected), rows(actual)
    if e == a:
        return []
    missing = [r for r in e if r not in a]
    extra = [r for r in a if r not in e]
    diffs = [f"heading: missing {r[1]} heading {r[2][:60]!r}" for r in missing]
    diffs += [f"heading: extra {r[1]} heading {r[2][:60]!r}" for r in extra]
    return diffs or [f"heading: order differs ({len(e)} headings)"]


def compare_footnotes(expected: Resolution, actual: Resolution) -> list[str]:
    """Footnote numbers, texts and the paragraphs citing each."""
    diffs = []
    ef, af = expected.footnotes, actual.footnotes
    en, an = list(ef["number"]), list(af["number"])
    if en != an:
        missing = sorted(set(en) - set(an))
        extra = sorted(set(an) - set(en))
        diffs.append(f"footnote: expected numbers {_ranges(en)}, got {_ranges(an)}"
                     + (f" (missing {missing})" if missing else "")
                     + (f" (extra {extra})" if extra else ""))
    ep, ap = expected.paragraphs, actual.paragraphs
    a_by_number = dict(zip(af["number"], zip(af["text"], af["cited_in"], strict=True),
                           strict=True))
    for number, text, cited in zip(ef["number"], ef["text"], ef["cited_in"], strict=True):
        if number not in a_by_number:
            continue
        a_text, a_cited = a_by_number[number]
        et, at = comparable_text(text), comparable_text(a_text)
        if et != at:
            diffs.append(f"footnote text: ({number}): {_first_difference(et, at)}")
        e_where = sorted({_where(ep.loc[i]) for i in cited})
        a_where = sorted({_where(ap.loc[i]) for i in a_cited})
        if e_where != a_where:
            diffs.append(f"cited: footnote {number}: expected in {e_where}, got {a_where}")
    return diffs


def _ranges(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{numbers[0]}-{numbers[-1]}"
    return str(numbers)


def merge_continuations(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Rows that continue the paragraph right before them (same part, section and number, no
    label, no sub-paragraph between) joined into it.

    The XML reader keeps a numbered paragraph typed as two ``p`` as two rows; printed, the
    second is a line of text after the first, which the text cannot tell from the same
    paragraph cut by a page (seed lines 143-145). After sub-paragraphs a continuation stays
    a row of its own: it says the sub-paragraphs are over.
    """
    keep, texts, notes = [], [], []
    previous = None
    for i, row in enumerate(paragraphs.itertuples(index=False)):
        key = (row.part, row.section, row.number)
        if (previous is not None and not row.sub and not pd.isna(row.number)
                and key == previous):
            texts[-1] = f"{texts[-1]} {row.text}"
            notes[-1] = [*notes[-1], *row.footnotes]
            continue
        keep.append(i)
        texts.append(row.text)
        notes.append(list(row.footnotes))
        previous = key if not row.sub and not pd.isna(row.number) else None
    out = paragraphs.iloc[keep].reset_index(drop=True)
    out["text"] = pd.Series(texts, dtype="str")
    out["footnotes"] = pd.Series(notes, dtype="object")
    return out


def compare(expected: Resolution, actual: Resolution) -> list[str]:
    """The differences in structure between two readings of one resolution ([] = the same).

    Each difference is one line "kind: where: what", kinds being count, missing, extra,
    numbering, verb, citation, heading, text, footnote, footnote text, cited, part.
    """
    lang = expected.language
    ep, ap = merge_continuations(expected.paragraphs), merge_continuations(actual.paragraphs)
    e_parts = list(dict.fromkeys(ep["part"].map(comparable_part)))
    a_parts = list(dict.fromkeys(ap["part"].map(comparable_part)))
    diffs = [] if e_parts == a_parts else [f"part: expected {e_parts}, got {a_parts}"]
    diffs += compare_counts(ep, ap)
    diffs += compare_paragraphs(ep, ap, lang)
    diffs += compare_headings(expected.headings, actual.headings)
    diffs += compare_footnotes(expected, actual)
    return diffs[:MAX_DIFFERENCES]


#: Metadata the cover page prints; ``compare_meta`` checks the text parser reads it back.
META_COMPARED = ("symbol", "session", "number", "adopted", "meeting", "agenda_item",
                 "committee_report")


def compare_meta(expected: dict, actual: dict) -> list[str]:
    """Metadata the XML gives and the text parser reads differently (digits normalized)."""
    diffs = []
    for key in META_COMPARED:
        e, a = expected.get(key), actual.get(key)
        if e is None:
            continue
        if comparable_text(str(e)).casefold() != comparable_text(str(a or "")).casefold():
            diffs.append(f"meta: {key}: expected {e!r}, got {a!r}")
    return diffs


# ---------------------------------------------------------------- consistency of the XML

@functools.cache
def _label_sequences() -> dict[str, list[str]]:
    seqs: dict[str, list[str]] = {}
    with resources.files("analysis").joinpath("data/list_labels.csv").open(
            encoding="utf-8") as f:
        for row in csv.DictReader(f):
            seqs.setdefault(row["scheme"], []).append(comparable_label(row["label"]))
    return seqs


def _label_position(labels: list[str]) -> list[int] | None:
    """Positions of labels in the one sequence (roman, letters, abjad, digits) holding all;
    a doubled letter ("aa", "أ أ") comes after the 26th, as the UN continues lists."""
    if all(x.isdigit() for x in labels):
        return [int(x) for x in labels]
    for name in ("roman", "latin", "abjad"):  # roman first: i, v, x are letters too
        seq = _label_sequences()[name]
        positions = []
        for x in labels:
            if x in seq:
                positions.append(seq.index(x) + 1)
            elif len(x) == 2 and x[0] == x[1] and x[0] in seq:
                positions.append(26 + seq.index(x[0]) + 1)
            else:
                break
        else:
            return positions
    return None


def _consecutive(positions: list[int]) -> bool:
    return positions == list(range(positions[0], positions[0] + len(positions)))


def check_structure(res: Resolution) -> list[str]:
    """Inconsistencies of one reading: operative numbers or sub-paragraph labels out of
    sequence, footnotes out of sequence or cited without a body.

    A paragraph that repeats the number before it continues that paragraph, and unnumbered
    paragraphs (a single operative paragraph, tables, declarations) are allowed.
    """
    issues = []
    p = res.paragraphs
    for (part, section), rows in p[p["sub"] == ""].groupby(["part", "section"], sort=False):
        numbers = [int(n) for n in rows["number"].dropna()]
        numbers = [n for k, n in enumerate(numbers) if k == 0 or n != numbers[k - 1]]
        if section == "operative" and numbers and not _consecutive(numbers):
            issues.append(f"numbering: {section} {part} numbers {_ranges(numbers)}")
    groups: dict[tuple[int, str], list[str]] = collections.defaultdict(list)
    main = -1
    for i, sub in enumerate(p["sub"]):
        if not sub:
            main = i
            continue
        levels = sub.split(".")
        groups[(main, ".".join(levels[:-1]))].append(levels[-1])
    for (main, parent), labels in groups.items():
        positions = _label_position([comparable_label(x) for x in labels])
        if positions is None or not _consecutive(positions) or positions[0] != 1:
            where = _where(p.iloc[main]) if main >= 0 else "start"
            issues.append(f"labels: {where}{f'({parent})' if parent else ''}: {labels}")
    numbers = list(res.footnotes["number"])
    if numbers and not _consecutive(numbers):
        issues.append(f"footnote: numbers {_ranges(numbers)}")
    cited = {m for marks in p["footnotes"] for m in marks}
    bodiless = sorted(cited - set(numbers))
    if bodiless:
        issues.append(f"footnote: cited without a body {bodiless}")
    return issues


def xml_words(data: bytes) -> tuple[collections.Counter, collections.Counter]:
    """Words of the resolution's body and of its footnotes, read straight from the XML.

    Independent of the XML reader, to see whether it lost text: everything under preamble,
    mainBody and attachments but the enacting formula (an artefact) and paragraph numbers,
    footnotes (authorialNote) apart.
    """
    root = etree.fromstring(data)
    tops = {_AKN + t for t in ("preamble", "mainBody", "attachments")}
    body, notes = collections.Counter(), collections.Counter()
    for el in root.iter(*tops):
        if any(a.tag in tops for a in el.iterancestors()):
            continue
        for note in el.iter(_AKN + "authorialNote"):
            notes.update(_words("".join(note.itertext())))
        body.update(_words("".join(_text_without(el))))
    return body, notes


def _text_without(el) -> list[str]:
    """The text of ``el`` without footnote bodies, the enacting formula and numbers
    (``num``: the structure, compared apart)."""
    out = [el.text or ""]
    for child in el:
        if child.tag not in (_AKN + "authorialNote", _AKN + "formula", _AKN + "num"):
            out += _text_without(child)
        out.append(child.tail or "")
    return out


def _words(text: str) -> list[str]:
    return [normalize_ar(w).casefold() for w in _WORD.findall(text)]


def lost_text(data: bytes, parsed: Parsed) -> list[str]:
    """Words of the XML's body or footnotes that no block or footnote of ``parsed`` holds."""
    body, notes = xml_words(data)
    got = collections.Counter()
    for b in parsed.blocks:
        got.update(_words(" ".join((b.text, b.part, b.sub))))
    for a in parsed.artefacts:  # the XML's words leave the formula out
        if not is_formula(a.text, parsed.meta.get("language") or ""):
            got.update(_words(a.text))
    issues = []
    # the label "Annex" is a part label (render prints it), not a block's text
    lost = collections.Counter({w: n for w, n in (body - got).items() if w not in _ANNEX_WORDS})
    if lost:
        issues.append(f"lost: {sum(lost.values())} words of the body, e.g. "
                      f"{[w for w, _ in lost.most_common(5)]}")
    got_notes = collections.Counter()
    for f in parsed.footnotes:
        got_notes.update(_words(f.text))
    lost_notes = notes - got_notes
    if lost_notes:
        issues.append(f"lost: {sum(lost_notes.values())} words of footnotes, e.g. "
                      f"{[w for w, _ in lost_notes.most_common(5)]}")
    return issues


# ---------------------------------------------------------------- running it

def evaluate_document(data: bytes, name: str, seed: int = 0, look: str = "default") -> dict:
    """One row of the evaluation table, with the full lists of differences and issues."""
    from .akn import parse_xml
    from .segment import parse_text

    start = time.perf_counter()
    row = {"file": name, "language": "", "xml_ok": False, "ok": False, "n_differences": 0,
           "first_difference": "", "xml_issues": 0, "differences": [], "issues": [],
           "meta": [], "text": None}
    try:
        parsed = parse_xml(data, name=name)
        expected = Resolution(parsed)
    except Exception as exc:
        row["issues"] = [f"error: XML reader: {type(exc).__name__}: {exc}"]
        return _finish(row, start)
    row["language"] = expected.language
    row["issues"] = check_structure(expected) + lost_text(data, parsed)
    text = render_text(parsed, seed=seed, settings=look_settings(expected.language, look))
    try:
        actual = Resolution(parse_text(text, language=expected.language, name=name))
    except Exception as exc:
        row["differences"] = [f"error: text parser: {type(exc).__name__}: {exc}"]
        return _finish(row, start)
    row["text"] = text
    row["differences"] = compare(expected, actual)
    row["meta"] = compare_meta(expected.meta, actual.meta)
    return _finish(row, start)


def _finish(row: dict, start: float) -> dict:
    row["xml_ok"] = not row["issues"]
    row["text_read"] = row["text"] is not None  # (the text was rendered and parsed)
    row["ok"] = row["xml_ok"] and not row["differences"] and row["text_read"]
    row["n_differences"] = len(row["differences"])
    row["xml_issues"] = len(row["issues"])
    row["meta_differences"] = len(row["meta"])
    first = (row["issues"] if not row["xml_ok"] and not row["differences"]
             else row["differences"]) or row["issues"]
    row["first_difference"] = first[0] if first else ""
    row["seconds"] = round(time.perf_counter() - start, 3)
    return row


def evaluate_folder(folder: str | Path, limit: int | None = None, seed: int = 0,
                    look: str = "default") -> pd.DataFrame:
    """The evaluation table for every ``*.xml`` of ``folder`` and its subfolders (a session's
    ``ar`` and ``en``), sorted by path."""
    paths = folder_files(folder, (".xml",), recursive=True)[:limit]
    rows = [evaluate_document(p.read_bytes(), p.name, seed=seed, look=look) for p in paths]
    df = pd.DataFrame(rows, columns=[*COLUMNS, "differences", "issues", "meta", "text_read"])
    for col in ("file", "language", "first_difference"):
        df[col] = df[col].astype("str")
    return df


def totals(df: pd.DataFrame) -> pd.DataFrame:
    """Per language and overall: documents, valid from the XML, exact from the text (and
    both), cover metadata read back exactly (informative, not part of ``ok``)."""
    def one(g: pd.DataFrame) -> dict:
        n = len(g)
        exact = (g["n_differences"] == 0) & g["text_read"]  # (no text: nothing read exactly)
        return {"documents": n,
                "xml_valid": int(g["xml_ok"].sum()),
                "xml_valid_%": round(100 * g["xml_ok"].mean(), 1) if n else 0.0,
                "text_exact": int(exact.sum()),
                "text_exact_%": round(100 * exact.mean(), 1) if n else 0.0,
                "both": int(g["ok"].sum()),
                "both_%": round(100 * g["ok"].mean(), 1) if n else 0.0,
                "meta_exact_%": round(100 * (g["meta_differences"] == 0).mean(), 1) if n
                else 0.0,
                "seconds_per_doc": round(g["seconds"].mean(), 3) if n else 0.0}

    rows = {lang: one(g) for lang, g in df.groupby("language", sort=True)}
    rows["all"] = one(df)
    return pd.DataFrame.from_dict(rows, orient="index")


def failure_patterns(df: pd.DataFrame, column: str = "differences") -> pd.DataFrame:
    """Kinds of difference by the number of documents showing them (most common first)."""
    docs: collections.Counter = collections.Counter()
    instances: collections.Counter = collections.Counter()
    example: dict[str, str] = {}
    for diffs in df[column]:
        kinds = set()
        for d in diffs:
            m = _KIND.match(d)
            kind = m.group(1) if m else "other"
            instances[kind] += 1
            kinds.add(kind)
            example.setdefault(kind, d)
        docs.update(kinds)
    out = pd.DataFrame([{"kind": k, "documents": n, "instances": instances[k],
                         "example": example[k][:110]} for k, n in docs.most_common()],
                       columns=["kind", "documents", "instances", "example"])
    for col in ("kind", "example"):
        out[col] = out[col].astype("str")
    return out


def report(df: pd.DataFrame, show_failures: int = 0) -> str:
    """The printed report: per-document table, totals, failure patterns, failing documents."""
    view = df[COLUMNS].copy()
    view["first_difference"] = view["first_difference"].str.slice(0, 90)
    with pd.option_context("display.max_rows", None, "display.width", 250,
                           "display.max_colwidth", 90):
        parts = [view.to_string(index=False), "", "Totals", totals(df).to_string(), ""]
        for title, column in (("Differences from the text", "differences"),
                              ("Issues of the XML reading", "issues"),
                              ("Metadata read differently (informative)", "meta")):
            patterns = failure_patterns(df, column)
            parts += [f"{title} (documents showing each kind)",
                      patterns.to_string(index=False) if len(patterns) else "none", ""]
    failing = df[~df["ok"]].head(show_failures)
    for _, row in failing.iterrows():
        parts += ["", f"== {row['file']} ({row['language']})"]
        parts += [f"  xml: {x}" for x in row["issues"][:10]]
        parts += [f"  text: {x}" for x in row["differences"][:10]]
        parts += [f"  {x}" for x in row["meta"]]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="a folder of AKN4UN XML files (and its subfolders)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--show-failures", type=int, default=0, metavar="K",
                        help="list the differences of the first K failing documents")
    parser.add_argument("--seed", type=int, default=0, help="seed of the rendering")
    parser.add_argument("--look", choices=[*LOOKS, "all"], default="default",
                        help="how the rendered text looks (see LOOKS); all: totals of each")
    args = parser.parse_args(argv)
    try:
        if args.look == "all":
            print(looks_report(args.folder, limit=args.limit, seed=args.seed))
            return 0
        df = evaluate_folder(args.folder, limit=args.limit, seed=args.seed, look=args.look)
    except ResolutionParseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"look: {args.look} ({LOOKS[args.look].about})")
    print(report(df, show_failures=args.show_failures))
    return 0


def looks_report(folder: str | Path, limit: int | None = None, seed: int = 0) -> str:
    """One line of totals per look: how the text parser fares on each."""
    rows = []
    for name, look in LOOKS.items():
        df = evaluate_folder(folder, limit=limit, seed=seed, look=name)
        for language, row in totals(df).drop(index="all").iterrows():
            rows.append({"look": name, "language": language, "documents": int(row["documents"]),
                         "text_exact": int(row["text_exact"]),
                         "text_exact_%": row["text_exact_%"],
                         "about": look.about if not look.languages
                         or language in look.languages else "(default look: not for "
                         f"{language})"})
    with pd.option_context("display.width", 250, "display.max_colwidth", 90):
        return pd.DataFrame(rows).to_string(index=False)


if __name__ == "__main__":
    sys.exit(main())
