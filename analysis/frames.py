"""Building a typed table in one step, the way the readers and extractors need it."""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa


def typed_frame(rows: list[tuple], dtypes: dict[str, object]) -> pd.DataFrame:
    """A DataFrame of ``rows`` (tuples in the order of ``dtypes``) with each column's dtype.

    Built from one typed array per column: the same table as ``DataFrame(rows)`` with an
    ``astype`` per column, a fifth of the time (no copy per column, no index to align).
    A column of dtype ``object`` keeps its cells as they are (lists stay lists).
    """
    return pd.DataFrame(typed_columns(rows, dtypes), copy=False)


def columns_frame(columns: dict[str, list], dtypes: dict[str, object]) -> pd.DataFrame:
    """``typed_frame`` of a table given as its columns' values (name -> list, in the order
    of ``dtypes``) instead of its rows."""
    return pd.DataFrame({name: typed_array(columns[name], dtype)
                         for name, dtype in dtypes.items()}, copy=False)


def typed_columns(rows: list[tuple], dtypes: dict[str, object]) -> dict[str, object]:
    """The columns of ``typed_frame``: name -> typed array (numpy or pandas)."""
    return {name: typed_array(values, dtype)
            for (name, dtype), values in zip(dtypes.items(), transposed(rows, dtypes),
                                             strict=True)}


def transposed(rows: list[tuple], dtypes: dict) -> list[tuple]:
    """The values of each column of ``rows`` (tuples in the order of ``dtypes``)."""
    return list(zip(*rows, strict=True)) if rows else [()] * len(dtypes)


def rows_to_columns(rows: list[tuple], dtypes: dict) -> dict[str, tuple]:
    """The columns of ``rows`` (tuples in the order of ``dtypes``): name -> values."""
    return dict(zip(dtypes, transposed(rows, dtypes), strict=True))


def as_list(column) -> list:
    """A column (Series or list) as a list: iterating a list is quicker than iterating a
    pandas array, and its cells are plain Python values."""
    return column if isinstance(column, list) else column.tolist()


class ColumnLists:
    """A table's columns as lists, read the way the extractors read a DataFrame
    (``t["text"]``, ``t.get``, ``"phrase" in t``, ``len(t)``, ``t.index``, ``t.empty``):
    ``Resolution`` hands the extractors the lists its tables were made of, so that each
    does not make them again from the DataFrame. The cells are what ``Series.tolist``
    gives (see ``column_lists``)."""

    def __init__(self, columns: dict[str, list], rows: int):
        self.columns, self.rows = columns, rows

    def __getitem__(self, name: str) -> list:
        return self.columns[name]

    def __contains__(self, name: str) -> bool:
        return name in self.columns

    def __len__(self) -> int:
        return self.rows

    def get(self, name: str, default=None):
        return self.columns.get(name, default)

    @property
    def index(self) -> range:
        return range(self.rows)

    @property
    def empty(self) -> bool:
        return not self.rows


def column_lists(columns: dict[str, list], dtypes: dict[str, object], frame) -> ColumnLists:
    """The lists a table was made of (``columns_frame(columns, dtypes)``, RangeIndex) as its
    ``tolist`` would give them: a missing integer is pd.NA; any other column with a missing
    cell is taken from the DataFrame, which ``frame()`` returns."""
    out, rows = {}, 0
    for name, values in columns.items():
        values, rows = list(values), len(values)
        if any(v is None for v in values):
            if str(dtypes[name]) == "Int64":
                values = [pd.NA if v is None else v for v in values]
            else:
                values = frame()[name].tolist()
        out[name] = values
    return ColumnLists(out, rows)


def typed_array(values, dtype):
    """``pd.array(list(values), dtype=dtype)``, built directly where the values are plainly
    of that type (text through Arrow, integers and booleans through numpy: four times
    quicker); anything else (None in an int64 column, numbers in a text column) goes
    through ``pd.array`` and its conversions."""
    if dtype is object:
        return _objects(values)
    kind, resolved = _kind(dtype)
    try:
        if kind == "text":
            return pd.arrays.ArrowStringArray(
                pa.array(values, pa.large_string(), from_pandas=True), dtype=resolved)
        if kind in ("int64", "bool") and _types(values) <= _EXACT[kind]:
            return np.array(values, dtype=kind)
        if kind == "Int64" and _types(values) <= _EXACT[kind]:
            cells = np.array(values, dtype=object)
            mask = pd.isna(cells)
            cells[mask] = 0
            return pd.arrays.IntegerArray(cells.astype(np.int64), mask)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        pass
    return pd.array(list(values), dtype=dtype)


class ArrowColumn(NamedTuple):
    """A column made straight into Arrow, and the name of the pandas dtype it stands for."""

    array: pa.Array
    dtype: str


def arrow_column(values, dtype) -> ArrowColumn | None:
    """``typed_array(values, dtype)`` as Arrow, made straight from the values where
    ``typed_array`` too builds it directly; else None."""
    if dtype is object:
        return None
    kind, resolved = _kind(dtype)
    try:
        if kind == "text":
            return ArrowColumn(pa.array(values, pa.large_string(), from_pandas=True),
                               str(resolved))
        if kind in _EXACT and _types(values) <= _EXACT[kind]:
            return ArrowColumn(pa.array(values, _ARROW[kind], from_pandas=True), kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        pass
    return None


_ARROW = {"int64": pa.int64(), "bool": pa.bool_(), "Int64": pa.int64()}
# The types of cell each kind is built from directly (type, not isinstance: a bool is an
# int, and numpy scalars take pd.array's path); None and pd.NA are missing integers.
_EXACT = {"int64": {int}, "bool": {bool}, "Int64": {int, type(None), type(pd.NA)}}


def _types(values) -> set:
    return set(map(type, values))


@functools.cache
def _kind(dtype) -> tuple[str, object]:
    """How ``typed_array`` builds a dtype: "text" (pyarrow-backed strings), "int64",
    "bool", "Int64", or "" (through pd.array)."""
    resolved = pd.api.types.pandas_dtype(dtype)
    if isinstance(resolved, pd.StringDtype) and resolved.storage == "pyarrow":
        return "text", resolved
    name = str(resolved)
    return (name if name in ("int64", "bool", "Int64") else ""), resolved


def _objects(values) -> np.ndarray:
    # Cell by cell: numpy would read a run of equal-length lists as a second dimension.
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out



def memo_map(function, language: str, keys: list, limit: int = 1 << 17) -> list:
    """``[function(k, language) for k in keys]``, read from a dict kept per function and
    language where it holds the key: one C-level ``map(dict.get)`` over a paragraph's words
    instead of a call per word. ``function`` must never return None; the dict is emptied
    when it passes ``limit`` keys."""
    memo = _memo(function, language)
    out = list(map(memo.get, keys))
    if None in out:
        if len(memo) > limit:
            memo.clear()
        for k, value in enumerate(out):
            if value is None:
                out[k] = memo[keys[k]] = function(keys[k], language)
    return out


@functools.cache
def _memo(function, language: str) -> dict:
    return {}
