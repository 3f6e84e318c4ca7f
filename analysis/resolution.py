"""The Resolution object and ``load_resolution``, the package's front door."""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from functools import cached_property
from pathlib import Path

import pandas as pd

from . import tables
from .arabic import normalize_ar
from .collector import fewer_collections
from .errors import ResolutionParseError
from .frames import column_lists, columns_frame, typed_frame
from .model import META_KEYS, Parsed
from .read import read_source

_NOT_ARABIC = re.compile("[^\u0621-\u064a]+")  # (removed: what is left is counted)
_NOT_LATIN = re.compile("[^a-z\u00e0\u00e2\u00e7\u00e8-\u00eb\u00ee\u00ef\u00f4\u00fb\u00f9"
                        "\u00fc\u00ff\u00f1\u00e1\u00ed\u00f3\u00fa]+")  # (of the lower-cased text)
_STOPWORDS = {
    "en": {"the", "of", "and", "to", "its", "that", "in", "on"},
    "fr": {"le", "la", "les", "des", "et", "du", "de", "sur"},
    "es": {"el", "los", "las", "del", "y", "de", "sobre", "su"},
}
_ANY_STOPWORD = frozenset().union(*_STOPWORDS.values())


def detect_language(text: str) -> str:
    """"ar", "en", "fr" or "es", by script and, for Latin script, by common words.

    The first few thousand characters decide: a cover page and some paragraphs are plenty.
    """
    sample = text[:3000].lower()
    arabic = len(_NOT_ARABIC.sub("", sample))
    # (Latin letters are counted only where Arabic ones are: most texts have none or few)
    if arabic and arabic > len(_NOT_LATIN.sub("", sample)):
        return "ar"
    # (common words stand between spaces; only they are counted, picked out at C speed)
    counts = Counter(filter(_ANY_STOPWORD.__contains__, sample.split()))
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    return max(scores, key=scores.get) if any(scores.values()) else "en"


_PARAGRAPH_DTYPES = {**tables.PARAGRAPH_DTYPES, "verb_en": "str", "verb_class": "str"}


class Resolution:
    """One resolution as tidy tables.

    Attributes: ``meta`` (a dict with at least the keys of ``model.META_KEYS``),
    ``paragraphs``, ``footnotes``, ``artefacts``, ``headings`` (DataFrames), ``warnings``
    (list of str). The extracted tables (``actions``, ``mentions``, ``references``,
    ``dates``) are computed on first use.
    """

    def __init__(self, parsed: Parsed):
        meta = {key: None for key in META_KEYS}
        meta.update(parsed.meta)
        self.meta: dict = meta
        self.language: str = meta["language"]
        self.parsed = parsed
        self.text: str | None = parsed.text
        self.warnings: list[str] = list(parsed.warnings)
        from .verbs import verb_columns

        # The paragraphs table made once with the verb columns (``annotate_verbs``'s), and
        # its columns' lists kept for the extractors.
        columns = tables.paragraph_columns(parsed.blocks, self.language)
        columns["verb_en"], columns["verb_class"] = verb_columns(
            *(columns[c] for c in ("phrase", "text", "section", "sub")), self.language,
            marked=[bool(b.phrase) for b in parsed.blocks if b.kind != "heading"])
        self._paragraph_lists = column_lists(columns, _PARAGRAPH_DTYPES,
                                             lambda: self.paragraphs)
        footnotes, footnote_dtypes = tables.footnote_columns(parsed.footnotes,
                                                             self._paragraph_lists)
        self._footnote_lists = column_lists(
            {c: footnotes[c] for c in ("number", "text")}, footnote_dtypes,
            lambda: self.footnotes)
        # The structure tables as columns and dtypes: DataFrames on first use.
        self._columns = {"paragraphs": (columns, _PARAGRAPH_DTYPES),
                         "footnotes": (footnotes, footnote_dtypes),
                         "artefacts": tables.artefact_columns(parsed.artefacts),
                         "headings": tables.heading_columns(parsed.blocks)}

    def __repr__(self) -> str:
        m, p = self.meta, self.paragraphs
        main = p[p["sub"] == ""]
        return (f"<Resolution {m['symbol']} ({self.language}): "
                f"{(main['section'] == 'preamble').sum()} preambular and "
                f"{(main['section'] == 'operative').sum()} operative paragraphs "
                f"(+{len(p) - len(main)} sub-paragraph rows), {len(self.footnotes)} footnotes>")

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph and sub-paragraph (``tables.blocks_to_paragraphs``) with
        ``verb_en`` and ``verb_class`` (``verbs.annotate_verbs``)."""
        return columns_frame(*self._columns["paragraphs"])

    @cached_property
    def footnotes(self) -> pd.DataFrame:
        """``tables.footnotes_table``."""
        return columns_frame(*self._columns["footnotes"])

    @cached_property
    def artefacts(self) -> pd.DataFrame:
        """``tables.artefacts_table``."""
        return columns_frame(*self._columns["artefacts"])

    @cached_property
    def headings(self) -> pd.DataFrame:
        """``tables.blocks_to_headings``."""
        return columns_frame(*self._columns["headings"])

    @cached_property
    def spans(self) -> pd.DataFrame:
        """Where each raw character range of a text input went (empty for XML input)."""
        return tables.spans_table(self.parsed)

    @cached_property
    def actions(self) -> pd.DataFrame:
        """``verbs.actions_table``."""
        return typed_frame(*self.table_rows("actions"))

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """``actors.mentions_table``."""
        return typed_frame(*self.table_rows("mentions"))

    @cached_property
    def references(self) -> pd.DataFrame:
        """``references.references_table``."""
        return typed_frame(*self.table_rows("references"))

    @cached_property
    def dates(self) -> pd.DataFrame:
        """``dates.dates_table``."""
        return typed_frame(*self.table_rows("dates"))

    def table_columns(self, name: str) -> tuple[dict, dict] | None:
        """The columns (name -> values) and dtypes a structure table is made of, for
        ``load_corpus``, which needs them and not the DataFrame; None for a table kept
        only as a DataFrame. ``paragraphs``, ``footnotes``, ``artefacts`` and ``headings``
        are made of them on first use."""
        return self._columns.get(name)

    def table_rows(self, name: str) -> tuple[list[tuple], dict]:
        """The rows of an extracted table and their dtypes, what ``frames.typed_frame``
        makes its DataFrame of: for the properties above and for ``load_corpus``, which
        makes one DataFrame of many resolutions' rows."""
        if name == "actions":
            from .verbs import ACTION_DTYPES, action_rows

            return action_rows(self._paragraph_lists, self.language), ACTION_DTYPES
        if name == "mentions":
            from .actors import MENTION_DTYPES, mention_rows

            return mention_rows(self._paragraph_lists, self.language), MENTION_DTYPES
        if name == "references":
            from .references import REFERENCE_DTYPES, reference_rows

            return (reference_rows(self._paragraph_lists, self._footnote_lists, self.language,
                                   meta=self.meta), REFERENCE_DTYPES)
        if name == "dates":
            from .dates import DATE_DTYPES, date_rows

            return (date_rows(self._paragraph_lists, self._footnote_lists, self.language),
                    DATE_DTYPES)
        raise KeyError(f"no extracted table {name!r}")

    def timeline(self) -> pd.DataFrame:
        from .references import timeline_table

        return timeline_table(self.references, self.dates)

    def tables(self, extracted: bool = True) -> dict[str, pd.DataFrame]:
        """The tables by name: structure, and (``extracted``) actions to dates."""
        out = {"paragraphs": self.paragraphs, "footnotes": self.footnotes,
               "artefacts": self.artefacts, "headings": self.headings}
        if extracted:
            out.update(actions=self.actions, mentions=self.mentions,
                       references=self.references, dates=self.dates)
        return out

    def to_files(self, out: str | Path, extracted: bool = True) -> list[Path]:
        """Write meta.json and each table as CSV and JSON into ``out``; return the paths.

        CSV files carry a UTF-8 byte-order mark so that spreadsheet programs read Arabic
        correctly; list cells (footnote numbers, citing paragraphs) are joined with ";".
        """
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        stem = (self.meta.get("symbol") or "resolution").replace("/", "_") + f"_{self.language}"
        written = [out / f"{stem}_meta.json"]
        written[0].write_text(json.dumps({**self.meta, "warnings": self.warnings},
                                         ensure_ascii=False, indent=2), encoding="utf-8")
        for name, df in self.tables(extracted).items():
            csv_path, json_path = out / f"{stem}_{name}.csv", out / f"{stem}_{name}.json"
            _flat_lists(df).to_csv(csv_path, index=False, encoding="utf-8-sig")
            df.to_json(json_path, orient="records", force_ascii=False, indent=1)
            written += [csv_path, json_path]
        return written


def _flat_lists(df: pd.DataFrame) -> pd.DataFrame:
    """List cells as "1;2;3" text, for CSV."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: isinstance(v, list)).any():
            out[col] = out[col].map(
                lambda v: ";".join(map(str, v)) if isinstance(v, list) else v).astype("str")
    return out


def same_series(a: Resolution, b: Resolution) -> bool:
    """Whether two resolutions are of one series: the same title in the same language (the
    General Assembly keeps a series' title over the years: 68/192 and 76/186). Across
    languages, a version of one in the other's language bundled with the package stands in
    for it (76/186 in English and 68/192 in Arabic: 76/186 comes in four languages)."""
    if a.language == b.language:
        return _alike(a.meta.get("title"), b.meta.get("title"))
    bundled = _bundled_titles()
    return any(_alike(bundled.get((one.meta.get("symbol"), other.language)),
                      other.meta.get("title")) for one, other in ((a, b), (b, a)))


def _alike(title: str | None, other: str | None) -> bool:
    """Two titles the same but for case, spacing and Arabic spelling variants."""
    def key(t: str | None) -> str:
        return " ".join(normalize_ar(t or "").casefold().split())

    return bool(key(title)) and key(title) == key(other)


@functools.cache
def _bundled_titles() -> dict[tuple[str, str], str]:
    """(symbol, language) -> title of the resolutions in ``data/raw``."""
    from .paths import RAW

    found = {}
    for path in sorted(RAW.glob("*.xml")) + sorted(RAW.glob("*.txt")):
        try:
            res = load_resolution(path)
        except ResolutionParseError:  # (a file of the user's there that is no resolution)
            continue
        found[(res.meta["symbol"], res.language)] = res.meta["title"] or ""
    return found


#: The bundled resolution of the seed's series, in each language (its file's last letter).
_SERIES_FILES = {"ar": "A", "en": "E", "fr": "F", "es": "S"}


def series_partner(res: Resolution, other=None) -> Resolution:
    """The resolution to compare ``res`` with: ``other`` (a path, bytes or text) if given,
    else the bundled 76/186 in ``res``'s language (Arabic for a language without a copy),
    or the seed 68/192 when ``res`` is 76/186 itself, wherever its file lies.

    Raises ``ValueError`` when ``other`` is ``res`` itself (same symbol and language): a
    resolution compared with itself shows nothing.
    """
    from .paths import RAW, SEED

    if other is not None:
        partner = load_resolution(other)
        if _same_document(res, partner):
            raise ValueError(f"the resolution to compare with is {res.meta['symbol']} "
                             f"({res.language}) itself")
        return partner
    letter = _SERIES_FILES.get(res.language, "A")
    partner = load_resolution(RAW / f"A_RES_76_186-2119241{letter}.xml")
    return load_resolution(SEED) if _same_document(res, partner) else partner


def _same_document(a: Resolution, b: Resolution) -> bool:
    return a.language == b.language and a.meta["symbol"] == b.meta["symbol"]


def load_resolution(source, *, language: str | None = None, name: str | None = None
                    ) -> Resolution:
    """Parse a resolution from a path (.txt or .xml), bytes, or the text itself.

    The language ("ar", "en", "fr", "es") is detected unless given. Raises
    ``ResolutionParseError`` for input that is not a readable resolution.
    """
    with fewer_collections():  # (a load makes many short-lived objects: ``collector``)
        return _load(source, language, name)


def _load(source, language: str | None, name: str | None) -> Resolution:
    """``load_resolution``'s work: read, parse with the reader of the format, tabulate."""
    src = read_source(source, name=name)
    if src.is_xml:
        from .akn import parse_xml

        parsed = parse_xml(src.raw if src.raw is not None else src.text.encode("utf-8"),
                           name=src.name, language=language)
    else:
        from .segment import parse_text

        lang = language or detect_language(src.text)
        parsed = parse_text(src.text, language=lang, name=src.name)
    parsed.meta.setdefault("source", src.name)
    if not parsed.blocks:
        raise ResolutionParseError("no paragraphs found", source=src.name,
                                   expected="preambular or operative paragraphs")
    return Resolution(parsed)
