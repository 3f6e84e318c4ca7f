"""The Parquet cache of parsed resolutions, and the Arrow form the corpus loader passes around.

The corpus loader holds each resolution's tables (meta, paragraphs, footnotes, ...) as
Arrow tables with their pandas dtypes (``frame_to_arrow``), and makes one DataFrame per
table name once for the whole corpus (``table_to_frame``). In the cache a resolution's
tables are ONE Arrow table (``bundle``): every table's columns prefixed with its name
("paragraphs.text"), its rows marked in a ``table`` column, the pandas dtypes kept in the
schema metadata; one file per resolution keeps a warm load to one read per file.

Cache key (decided here, documented in ``source_key``): the source file's resolved path,
size and mtime_ns, plus a fingerprint of the package's own code and data files (parsers,
extractors, lexicons). Editing the source file or any module or word list of ``analysis``
makes every entry stale; stale entries are simply not found (``clear_cache`` removes them).
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

#: Bump to invalidate every entry when this file's layout changes.
FORMAT = "2"
_META_KEY = b"analysis.cache"


@functools.cache
def code_fingerprint() -> str:
    """sha256 over the names and bytes of the package's .py and data files."""
    digest = hashlib.sha256(FORMAT.encode())
    root = resources.files("analysis")
    for name, data in sorted(_package_files(root, "")):
        digest.update(name.encode() + b"\x00" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


def _package_files(folder, prefix: str):
    for entry in folder.iterdir():
        name = prefix + entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _package_files(entry, name + "/")
        elif entry.name.endswith((".py", ".csv", ".tsv", ".json", ".txt")):
            yield name, entry.read_bytes()


def source_key(path: str | Path) -> str:
    """What a cache entry is valid for: resolved path, size, mtime_ns, code fingerprint."""
    path = Path(path).resolve()
    st = path.stat()
    return f"{path}|{st.st_size}|{st.st_mtime_ns}|{code_fingerprint()}"


def entry_path(cache_dir: str | Path, key: str) -> Path:
    return Path(cache_dir) / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".parquet")


def read_entry(cache_dir: str | Path, key: str) -> dict[str, tuple[pa.Table, dict]] | None:
    """The cached tables (name -> Arrow table and its info, see ``unbundle``) for ``key``,
    or None (missing, stale or unreadable)."""
    path = entry_path(cache_dir, key)
    if not path.is_file():
        return None
    try:
        table = pq.ParquetFile(path).read(use_threads=False)  # 3x faster than read_table
        info = json.loads(table.schema.metadata[_META_KEY])
        if info.get("key") != key:
            return None
        return unbundle(table.replace_schema_metadata(None), info["dtypes"])
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException):
        return None


def write_entry(cache_dir: str | Path, key: str, parts: dict[str, tuple[pa.Table, dict]]
                ) -> Path:
    """Write one resolution's tables as one Arrow table (``bundle``); a temporary file and
    rename keep readers safe."""
    table, dtypes = bundle(parts)
    path = entry_path(cache_dir, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    info = json.dumps({"key": key, "dtypes": dtypes}, ensure_ascii=False).encode()
    tmp = path.with_name(f"{path.name}.{hashlib.sha256(key.encode()).hexdigest()[:6]}.tmp")
    # No column statistics: nothing filters on them, and they weigh a quarter of the file.
    pq.write_table(table.replace_schema_metadata({_META_KEY: info}), tmp,
                   write_statistics=False)
    tmp.replace(path)
    return path


def clear_cache(cache_dir: str | Path) -> int:
    """Delete every entry under ``cache_dir``; return how many files went."""
    files = list(Path(cache_dir).glob("*.parquet")) if Path(cache_dir).is_dir() else []
    for f in files:
        f.unlink()
    return len(files)


# --- DataFrames <-> one Arrow table ------------------------------------------------------

def frame_to_arrow(df: pd.DataFrame, name: str, warnings: list[str]) -> tuple[pa.Table, dict]:
    """One DataFrame as an Arrow table, column by column (no pandas metadata: the dtypes go
    in the returned info), and its info: dtypes, list columns, rows. A column mixing values
    Arrow cannot hold together is stored as text, with a line in ``warnings``."""
    return arrays_to_arrow(dict(zip(df.columns, _column_arrays(df), strict=True)), len(df),
                           name, warnings)


def arrays_to_arrow(columns: dict, rows: int, name: str, warnings: list[str]
                    ) -> tuple[pa.Table, dict]:
    """``frame_to_arrow`` of the DataFrame that these columns (numpy or pandas arrays of
    ``rows`` values, or ``frames.ArrowColumn``) would make, without making it."""
    from .frames import ArrowColumn

    arrays, dtypes, lists = {}, {}, []
    for col, values in columns.items():
        if isinstance(values, ArrowColumn):  # text, integers or booleans: never lists
            arrays[col], dtypes[col] = values
            continue
        dtypes[col] = str(values.dtype)
        try:
            arrays[col] = pa.array(values, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            arrays[col] = pa.array([None if v is None else str(v) for v in values],
                                   pa.string())
            warnings.append(f"{name}.{col}: mixed values stored as text")
        if not rows:  # no rows, no type: let other files' columns decide it
            arrays[col] = pa.nulls(0)
        if pa.types.is_list(arrays[col].type):
            lists.append(col)
    info = {"columns": dtypes, "lists": lists, "rows": rows}
    return pa.table(arrays) if arrays else pa.table({}), info


def rows_to_arrow(rows: list[tuple], dtypes: dict, name: str, warnings: list[str]
                  ) -> tuple[pa.Table, dict]:
    """``frame_to_arrow`` of ``frames.typed_frame(rows, dtypes)``, without making the
    DataFrame (see ``columns_to_arrow``)."""
    from .frames import rows_to_columns

    return columns_to_arrow(rows_to_columns(rows, dtypes), dtypes, name, warnings)


def columns_to_arrow(columns: dict, dtypes: dict, name: str, warnings: list[str]
                     ) -> tuple[pa.Table, dict]:
    """``frame_to_arrow`` of ``frames.columns_frame(columns, dtypes)``, without making the
    DataFrame: each column straight into Arrow where it can be (``frames.arrow_column``),
    else from the same typed array."""
    from .frames import arrow_column, typed_array

    return arrays_to_arrow({col: arrow_column(columns[col], dtype)
                            or typed_array(columns[col], dtype)
                            for col, dtype in dtypes.items()},
                           len(next(iter(columns.values()), ())), name, warnings)


def record_to_arrow(record: dict, name: str, warnings: list[str]) -> tuple[pa.Table, dict]:
    """``frame_to_arrow`` of ``DataFrame([record])``: a one-row table, built directly when
    every value is text, an integer or None (the dtypes pandas gives them: str, int64,
    object), else through pandas."""
    if not all(type(v) in _PLAIN_DTYPES for v in record.values()):
        return frame_to_arrow(pd.DataFrame([record]), name, warnings)
    return columns_to_arrow({key: [value] for key, value in record.items()},
                            {key: _PLAIN_DTYPES[type(value)] for key, value in record.items()},
                            name, warnings)


_PLAIN_DTYPES = {str: "str", int: "int64", type(None): object}


def _column_arrays(df: pd.DataFrame):
    """Each column's values (numpy or pandas array), in column order, without a Series per
    column (a tenth of the time) where this pandas offers it."""
    arrays = getattr(df, "_iter_column_arrays", None)
    if arrays is None:
        return [df.iloc[:, i].array for i in range(df.shape[1])]
    return list(arrays())


def bundle(parts: dict[str, tuple[pa.Table, dict]]) -> tuple[pa.Table, dict]:
    """Named Arrow tables as one: columns prefixed with the name, rows marked in ``table``."""
    tables, dtypes = [], {}
    for name, (table, info) in parts.items():
        dtypes[name] = info
        table = table.rename_columns([f"{name}.{c}" for c in table.column_names])
        tables.append(table.append_column("table", pa.array([name] * table.num_rows,
                                                            pa.string())))
    return pa.concat_tables(tables, promote_options="permissive"), dtypes


def unbundle(table: pa.Table, dtypes: dict) -> dict[str, tuple[pa.Table, dict]]:
    """The named tables of a ``bundle`` again: each name's rows are consecutive, in the
    order of ``dtypes``, as many as its info says."""
    parts, start = {}, 0
    names = set(table.column_names)
    for name, info in dtypes.items():
        own = [c for c in info["columns"] if f"{name}.{c}" in names]
        part = table.slice(start, info["rows"]).select([f"{name}.{c}" for c in own])
        parts[name] = part.rename_columns(own), info
        start += info["rows"]
    if start != table.num_rows:
        raise ValueError(f"the bundle has {table.num_rows} rows, its tables {start}")
    return parts


def arrow_to_bytes(table: pa.Table) -> bytes:
    """An Arrow IPC stream of ``table``."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def bytes_to_arrow(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()


def merge_dtypes(many: list[dict]) -> dict:
    """One dtype map from several files' maps: column order of first appearance; each
    column's dtype from the first file where the table has rows and the dtype is not
    ``object`` (an empty table's dtypes say little)."""
    merged: dict = {}
    settled: set[tuple[str, str]] = set()
    for dtypes in many:
        for name, info in dtypes.items():
            slot = merged.setdefault(name, {"columns": {}, "lists": []})
            for col, dtype in info["columns"].items():
                if (name, col) in settled:
                    continue
                slot["columns"].setdefault(col, dtype)
                if info.get("rows", 1) and dtype != "object":
                    slot["columns"][col] = dtype
                    settled.add((name, col))
            slot["lists"] += [c for c in info["lists"] if c not in slot["lists"]]
    return merged


def concat_arrow(tables: list[pa.Table]) -> pa.Table:
    """Concatenate per-file tables; a column that is all null in some files takes the type
    it has in the others."""
    try:
        return pa.concat_tables(tables, promote_options="permissive")
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        pass
    target: dict[str, pa.DataType] = {}
    for t in tables:
        for f in t.schema:
            if t[f.name].null_count < len(t) and f.name not in target:
                target[f.name] = f.type
    fixed = []
    for t in tables:
        for i, f in enumerate(t.schema):
            want = target.get(f.name)
            if want is not None and f.type != want and t[f.name].null_count == len(t):
                t = t.set_column(i, f.name, pa.nulls(len(t), want))
        fixed.append(t)
    return pa.concat_tables(fixed, promote_options="permissive")


def table_to_frame(table: pa.Table, info: dict) -> pd.DataFrame:
    """One table's rows from many files (``concat_arrow``; see ``merge_dtypes`` for
    ``info``) as a DataFrame with its dtypes and list cells."""
    columns = list(info["columns"])
    present = [c for c in columns if c in table.column_names]
    df = table.select(present).combine_chunks().to_pandas()
    df.columns = present
    for col in columns:
        if col not in df.columns:
            df[col] = pd.Series([None] * len(df), dtype=object)
    return restore_dtypes(df[columns], info)


def restore_dtypes(df: pd.DataFrame, info: dict) -> pd.DataFrame:
    for col in info["lists"]:
        df[col] = [[] if v is None else _to_list(v) for v in df[col]]
    for col, dtype in info["columns"].items():
        if dtype != "object" and str(df[col].dtype) != dtype:
            try:
                df[col] = df[col].astype(dtype)
            except (TypeError, ValueError):
                pass  # keep what Arrow gave: better a float than a lost column
    return df


def _to_list(value) -> list:
    """Arrow gives list cells as numpy arrays (of arrays, when nested): plain lists again."""
    items = value.tolist() if isinstance(value, np.ndarray) else list(value)
    return [_to_list(v) if isinstance(v, np.ndarray) else v for v in items]
