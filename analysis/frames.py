"""Building a typed table in one step, the way the extractors need it."""

from __future__ import annotations

import pandas as pd


def typed_frame(rows: list[tuple], dtypes: dict[str, object]) -> pd.DataFrame:
    """A DataFrame of ``rows`` (tuples in the order of ``dtypes``) with each column's dtype.

    Built column by column from the transposed rows: the same table as
    ``DataFrame(rows).astype(...)`` column by column, without a copy per column.
    """
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(dtypes)
    return pd.DataFrame({name: pd.Series(list(values), dtype=dtype)
                         for (name, dtype), values in zip(dtypes.items(), columns, strict=True)})
