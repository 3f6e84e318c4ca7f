"""Many resolutions at once: ``load_corpus`` and the ``Corpus`` of concatenated tables.

    >>> corpus = analysis.load_corpus("data/sample/75/ar")
    >>> corpus.paragraphs.groupby("verb").size().nlargest(10)

Each file is parsed in a worker process (all the machine's cores by default), which also
runs the extractors (actions, mentions, references, dates) so that they parallelize too,
and caches the result as Parquet (see ``cache``). Every row of every table starts with the
resolution's ``symbol`` and ``language``, then ``row``, its position in that resolution's
own table (what ``footnotes.cited_in``, ``headings.before`` and the extractors' paragraph
columns point to). A file that fails is a row of ``Corpus.errors``; the others still load.
"""

from __future__ import annotations

import functools
import math
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import paths as project_paths
from .collector import collect_less, fewer_collections
from .errors import ResolutionParseError
from .model import META_KEYS

#: The per-resolution structure tables, as ``Resolution`` has them.
STRUCTURE_TABLES = ("paragraphs", "footnotes", "artefacts", "headings")
#: The extracted tables, computed in the workers.
EXTRACTED_TABLES = ("actions", "mentions", "references", "dates")
KEY_COLUMNS = ["symbol", "language"]
ERROR_COLUMNS = ["path", "stage", "error", "message"]
#: Where ``load_corpus(cache=True)`` keeps its Parquet files.
CACHE_DIR = project_paths.PROCESSED / "cache"

_SOURCE_SUFFIXES = (".xml", ".txt")
# Prefix for an extracted table's own column named like a key column.
_CLASH_PREFIX = {"references": "cited_"}
# Tables with one row per resolution or per message: no ``row`` column, and their own
# symbol and language are the resolution's.
_UNNUMBERED = ("meta", "warnings")
_NUMBERED = STRUCTURE_TABLES + EXTRACTED_TABLES
_DIGITS = re.compile(r"(\d+)")


@dataclass
class Corpus:
    """The tables of many resolutions, concatenated; see the module docstring.

    ``meta`` has one row per resolution (with the UN's fields when its metadata was joined),
    ``errors`` one row per failure (path, stage, error, message: stage "parse" means the
    file is missing from every table, an extractor's name means only that table lacks it),
    ``warnings`` the parsers' and extractors' warnings (symbol, language, message),
    ``votes`` (symbol, state, vote) and ``sponsors`` (symbol, state, kind, on_behalf_of)
    come from the UN metadata and are empty without it.
    """

    meta: pd.DataFrame
    paragraphs: pd.DataFrame
    footnotes: pd.DataFrame
    artefacts: pd.DataFrame
    headings: pd.DataFrame
    actions: pd.DataFrame
    mentions: pd.DataFrame
    references: pd.DataFrame
    dates: pd.DataFrame
    errors: pd.DataFrame
    warnings: pd.DataFrame
    votes: pd.DataFrame = field(default_factory=lambda: _empty(["symbol", "state", "vote"]))
    sponsors: pd.DataFrame = field(
        default_factory=lambda: _empty(["symbol", "state", "kind", "on_behalf_of"]))
    #: The UN metadata files that were joined (empty when none).
    metadata_sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.meta)

    def __repr__(self) -> str:
        langs = ", ".join(f"{k}: {v}" for k, v in self.meta["language"].value_counts().items())
        return (f"<Corpus of {len(self)} resolutions ({langs}); {len(self.paragraphs)} "
                f"paragraph rows, {len(self.references)} references, "
                f"{len(self.errors)} errors>")

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name."""
        return {name: getattr(self, name) for name in (
            "meta", *STRUCTURE_TABLES, *EXTRACTED_TABLES, "errors", "warnings", "votes",
            "sponsors")}

    def to_parquet(self, out: str | Path) -> list[Path]:
        """Write each table as <name>.parquet into ``out``; return the paths."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.tables().items():
            written.append(out / f"{name}.parquet")
            df.to_parquet(written[-1], index=False)
        return written

    def network(self, language: str | None = None, cover: bool = False):
        """The citation network of this corpus (``network.citation_graph``)."""
        from .network import citation_graph

        return citation_graph(self, language, cover)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})


# --- finding the files -------------------------------------------------------------------

def corpus_files(sources) -> list[Path]:
    """The resolution files named by ``sources``: a file, a folder (searched recursively for
    .xml and .txt) or a list of either; folders' files in natural order (75_2 before 75_10).

    A path that does not exist, or a folder without .xml or .txt files, is a
    ResolutionParseError: a mistyped name, not a resolution that failed to parse (those
    ``load_corpus`` lists in its ``errors`` table).
    """
    if isinstance(sources, str | Path):
        sources = [sources]
    files: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix.lower() in _SOURCE_SUFFIXES
                     and p.is_file() and not _hidden(p.relative_to(path))]
            if not found:
                raise ResolutionParseError("no .xml or .txt file in this folder",
                                           source=str(source), expected=_EXPECTED_SOURCES)
            files += sorted(found, key=lambda p: natural_key(str(p.relative_to(path))))
        elif path.exists():
            files.append(path)
        else:
            raise ResolutionParseError("no such file or folder", source=str(source),
                                       expected=_EXPECTED_SOURCES)
    return files


_EXPECTED_SOURCES = "resolution files (.xml, .txt) or folders of them"


def folder_files(folder: str | Path, suffixes: tuple[str, ...] = (".xml",),
                 recursive: bool = False) -> list[Path]:
    """The files of ``folder`` with these suffixes, sorted by name. A missing folder, a file,
    or a folder without such files is a ResolutionParseError (a command then says so rather
    than print an empty table)."""
    path = Path(folder)
    kinds = " or ".join(suffixes)
    expected = f"a folder of resolutions ({kinds} files)"
    if not path.is_dir():
        raise ResolutionParseError("not a folder" if path.exists() else "no such folder",
                                   source=str(folder), expected=expected)
    found = sorted(p for p in (path.rglob("*") if recursive else path.iterdir())
                   if p.suffix.lower() in suffixes and p.is_file())
    if not found:
        raise ResolutionParseError(f"no {kinds} file in this folder", source=str(folder),
                                   expected=expected)
    return found


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def natural_key(text: str) -> list:
    return [int(t) if t.isdigit() else t.casefold() for t in _DIGITS.split(text)]


def find_metadata(files: list[Path]) -> list[Path]:
    """UN metadata files next to a corpus: ``metadata/*.json`` in the files' common folder
    or one of its three parents (corpus/75/ar -> corpus/metadata)."""
    if not files:
        return []
    try:
        common = Path(os.path.commonpath([str(f.resolve().parent) for f in files]))
    except ValueError:
        return []
    for folder in [common, *list(common.parents)[:3]]:
        found = sorted((folder / "metadata").glob("*.json"))
        if found:
            return found
    return []


# --- one file ---------------------------------------------------------------

@dataclass
class FileResult:
    """What a worker sends back: the file's tables (name -> Arrow table and its dtype info,
    see ``resolution_tables``), or None, and errors."""

    path: str
    parts: dict[str, tuple] | None  # name -> (pyarrow.Table, info)
    errors: list[tuple[str, str, str, str]]
    cached: bool = False

    def __getstate__(self) -> dict:
        # Between processes each table travels as an Arrow IPC stream: ten times faster
        # than pickling a wide pyarrow.Table column by column.
        state = dict(self.__dict__)
        if self.parts is not None:
            from .cache import arrow_to_bytes

            state["parts"] = {name: (arrow_to_bytes(table), info)
                              for name, (table, info) in self.parts.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        if state.get("parts") is not None:
            from .cache import bytes_to_arrow

            state["parts"] = {name: (bytes_to_arrow(data), info)
                              for name, (data, info) in state["parts"].items()}
        self.__dict__.update(state)


def load_file(path: str, cache_dir: str | None = None, loader=None) -> FileResult:
    """Take one file from the cache, or parse it; never raises for a bad file."""
    return cached_file(path, cache_dir) or parse_file(path, cache_dir, loader)


def cached_file(path: str, cache_dir: str | None) -> FileResult | None:
    """The file's tables from the cache, if there and current."""
    if cache_dir is None:
        return None
    from . import cache

    try:
        hit = cache.read_entry(cache_dir, cache.source_key(path))
    except OSError:
        return None
    return None if hit is None else FileResult(path, hit, [], cached=True)


def parse_file(path: str, cache_dir: str | None = None, loader=None) -> FileResult:
    """Parse one file into a ``FileResult`` and, without errors, cache it; never raises for
    a bad file. ``loader`` (default ``load_resolution``) is a seam for tests."""
    from . import cache

    try:
        key = None if cache_dir is None else cache.source_key(path)
        if loader is None:
            from .resolution import load_resolution as loader
        # The extractors say with a Python warning what they cannot do (a language without
        # a lexicon); in a worker process those would vanish, so they become table rows.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            res = loader(path)
            parts, errors, notes = resolution_tables(res, path, caught)
    except Exception as exc:  # a failing file is reported, never fatal to the corpus
        return FileResult(path, None, [(path, "parse", type(exc).__name__, str(exc))])
    if notes:
        errors += [(path, "cache", "ArrowTypeError", n) for n in notes]
    if key is not None and not errors:
        try:
            cache.write_entry(cache_dir, key, parts)
        except (OSError, cache.pa.ArrowException) as exc:
            errors.append((path, "cache", type(exc).__name__, str(exc)))
    return FileResult(path, parts, errors)


def resolution_tables(res, path: str, caught: list | None = None
                      ) -> tuple[dict[str, tuple], list, list[str]]:
    """All the tables of one Resolution as Arrow tables with their dtype info, which also
    holds the resolution's ``key`` (symbol, language: ``combine_results`` puts them in
    front of every row, see ``keyed``); extractor failures as error rows (the structure
    tables stay); the resolution's warnings and the ``caught`` Python warnings as the
    ``warnings`` table; notes on cells stored as text."""
    from .cache import (
        arrays_to_arrow,
        columns_to_arrow,
        frame_to_arrow,
        record_to_arrow,
        rows_to_arrow,
    )
    from .frames import typed_array

    meta = {key: None for key in META_KEYS}
    meta.update(res.meta)
    symbol = meta.get("symbol") or Path(path).stem
    language = meta.get("language") or getattr(res, "language", None) or ""
    messages = list(res.warnings)
    if not res.meta.get("symbol"):
        messages.append(f"no symbol found; the file name {symbol!r} stands in")
    errors, notes = [], []
    tables = {"meta": record_to_arrow(meta, "meta", notes)}
    # A Resolution gives its extracted tables as rows and its paragraphs as columns, which
    # become Arrow directly; anything else (a test's stand-in) as DataFrames.
    rows_of = getattr(res, "table_rows", None)
    columns_of = getattr(res, "table_columns", None)
    for name in STRUCTURE_TABLES + EXTRACTED_TABLES:
        try:
            if rows_of is not None and name in EXTRACTED_TABLES:
                tables[name] = rows_to_arrow(*rows_of(name), name, notes)
                continue
            columns = columns_of(name) if columns_of is not None else None
            if columns is not None:
                tables[name] = columns_to_arrow(*columns, name, notes)
                continue
            df = getattr(res, name)
        except Exception as exc:  # one extractor failing must not lose the file
            errors.append((path, name, type(exc).__name__, str(exc)))
            continue
        tables[name] = frame_to_arrow(df, name, notes)
    messages += [str(w.message) for w in caught or ()]
    messages += missing_lexicons(language)
    messages = list(dict.fromkeys(messages))
    tables["warnings"] = arrays_to_arrow({"message": typed_array(messages, "str")},
                                         len(messages), "warnings", notes)
    parts = {name: (table, {**info, "key": [symbol, language]})
             for name, (table, info) in tables.items()}
    return parts, errors, notes


def missing_lexicons(language: str) -> list[str]:
    """Plain warnings for the extracted tables this language has no word list for."""
    return [f"no {what} for language {language!r}: {effect}"
            for what, (languages, effect) in lexicon_languages().items()
            if language not in languages]


@functools.cache
def lexicon_languages() -> dict[str, tuple[frozenset, str]]:
    from .actors import actor_forms

    return {"actor lexicon": (frozenset(actor_forms()["language"]), "mentions is empty")}


def keyed(table, info: dict, keys: list[tuple[str, str, int]], numbered: bool = True,
          clash: str | None = None) -> tuple:
    """An Arrow table of many resolutions' rows (``keys``: the symbol, language and number
    of rows of each, in order) and its dtype info, with symbol, language (and, when
    ``numbered``, ``row``: the position in the resolution's own table) as the first
    columns. A column of the table with one of these names is renamed with the prefix
    ``clash`` (the cited ``symbol`` of a reference becomes ``cited_symbol``), or dropped
    when ``clash`` is None (meta, whose symbol is the resolution's own)."""
    import numpy as np
    import pyarrow as pa

    counts = np.array([n for _, _, n in keys], dtype=np.int64)
    if counts.sum() != table.num_rows:
        raise ValueError(f"{table.num_rows} rows for {counts.sum()} keyed rows")
    front = {key: pa.array(np.repeat(np.array([k[i] for k in keys], dtype=object), counts),
                           pa.string()) for i, key in enumerate(("symbol", "language"))}
    dtypes = {"symbol": "str", "language": "str"}
    if numbered:
        firsts = np.repeat(np.cumsum(counts) - counts, counts)
        front["row"] = pa.array(np.arange(table.num_rows, dtype=np.int64) - firsts)
        dtypes["row"] = "int64"
    rename = {} if clash is None else {c: clash + c for c in front if c in info["columns"]}
    columns = {}
    for col in table.column_names:
        if col in front and clash is None:
            continue
        columns[rename.get(col, col)] = table[col]
    info = {"columns": {**dtypes, **{rename.get(c, c): t for c, t in info["columns"].items()
                                     if c in columns or c in rename}},
            "lists": [rename.get(c, c) for c in info["lists"]]}
    return pa.table({**front, **columns}), info


# --- many files --------------------------------------------------------------------------

def load_corpus(sources, *, processes: int | None = None, cache: bool | str | Path = True,
                metadata=None, loader=None) -> Corpus:
    """Load every resolution in ``sources`` (a folder, a file or a list) into a ``Corpus``.

    ``processes``: worker processes (default: the machine's cores; 1 parses in this
    process). ``cache``: True for data/processed/cache, a folder, or False. ``metadata``:
    UN metadata (a .json file, a folder, a list of files or ``read_un_metadata``'s table);
    None looks for a ``metadata`` folder next to the corpus, False joins nothing.
    ``loader`` replaces ``load_resolution`` (tests; it must be picklable for processes > 1).
    """
    files = corpus_files(sources)
    cache_dir = None if cache is False else str(CACHE_DIR if cache is True else cache)
    with fewer_collections():
        results = run_workers([str(f) for f in files], cache_dir, processes, loader)
        corpus = combine_results(results)
    if metadata is None:
        metadata = find_metadata(files) or False
    if metadata is not False:
        attach_un_metadata(corpus, metadata)
    return corpus


def worker_count(processes: int | None, n_files: int) -> int:
    if processes is None:
        try:
            processes = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            processes = os.cpu_count() or 1
    return max(1, min(processes, n_files))


def run_workers(files: list[str], cache_dir: str | None, processes: int | None,
                loader=None) -> list[FileResult]:
    """Every file's ``FileResult``, in order: cached ones read here (a read is quicker than
    sending a table between processes), the others parsed in a process pool when more
    than one process is asked for."""
    results = {f: cached_file(f, cache_dir) for f in files}
    todo = [f for f, r in results.items() if r is None]
    n = worker_count(processes, len(todo))
    if n == 1:
        results.update((f, parse_file(f, cache_dir, loader)) for f in todo)
    else:
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        # Largest files first and small chunks, so that no worker is left with a long tail
        # while the others idle; results are put back in file order below.
        todo.sort(key=_size, reverse=True)
        chunksize = max(1, math.ceil(len(todo) / (n * 16)))
        with ProcessPoolExecutor(max_workers=n, initializer=collect_less) as pool:
            parsed = pool.map(partial(parse_file, cache_dir=cache_dir, loader=loader), todo,
                              chunksize=chunksize)
            results.update(zip(todo, parsed, strict=True))
    return [results[f] for f in files]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # parse_file reports it
        return 0


def combine_results(results: list[FileResult]) -> Corpus:
    """One Corpus from the workers' results, in file order: each table's parts
    concatenated, keyed (``keyed``) and made a DataFrame once."""
    from .cache import concat_arrow, merge_dtypes, table_to_frame

    good = [r.parts for r in results if r.parts is not None]
    errors = pd.DataFrame([e for r in results for e in r.errors], columns=ERROR_COLUMNS,
                          dtype="str")
    merged = merge_dtypes([{name: info for name, (_, info) in parts.items()}
                           for parts in good])
    tables = {}
    for name, info in merged.items():
        own = [p[name] for p in good if name in p]
        table, info = keyed(concat_arrow([table for table, _ in own]), info,
                            [(*part_info["key"], part_info["rows"]) for _, part_info in own],
                            numbered=name in _NUMBERED,
                            clash=None if name in _UNNUMBERED else _CLASH_PREFIX.get(
                                name, f"{name}_"))
        tables[name] = table_to_frame(table, info)
    for name in ("meta", *STRUCTURE_TABLES, *EXTRACTED_TABLES, "warnings"):
        if name not in tables:
            tables[name] = _empty(KEY_COLUMNS + ([] if name in ("meta", "warnings")
                                                 else ["row"]))
    return Corpus(**tables, errors=errors)


def attach_un_metadata(corpus: Corpus, metadata) -> None:
    """Join UN metadata onto ``corpus.meta`` and fill ``votes`` and ``sponsors``, for the
    corpus's resolutions only (matched by symbol, spaces and case aside)."""
    from .un_metadata import (
        join_un_metadata,
        read_un_metadata,
        sponsors_table,
        symbol_key,
        votes_table,
    )

    if isinstance(metadata, pd.DataFrame):
        un, corpus.metadata_sources = metadata, []
    else:
        un = read_un_metadata(metadata)
        corpus.metadata_sources = ([str(metadata)] if isinstance(metadata, str | Path)
                                   else [str(m) for m in metadata])
    corpus.meta = join_un_metadata(corpus.meta, un)
    ours = dict(zip(corpus.meta["symbol"].map(symbol_key), corpus.meta["symbol"], strict=False))
    un = un[un["key"].isin(ours)]
    un = un.assign(symbol=un["key"].map(ours).astype("str"))
    corpus.votes = votes_table(un)
    corpus.sponsors = sponsors_table(un)
