"""Columns of the events tables built without pandas' string inference.

pandas 3 infers its ``str`` dtype for every column made from Python strings (about 20 ms per 40,000 values) and
the events pipeline used to make the same column several times on its way to the final ``string`` dtype: built as
``str``, turned back to ``object``, expanded, then cast. Here the intermediate columns stay ``object`` (the same
values: the rules compare, fill and look them up, never rely on the dtype) and the final ``string`` columns are
built by Arrow from the values at once, falling back to ``astype("string")`` for anything Arrow does not take as a
string (so the result is always what ``astype("string")`` gives).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["with_objects", "as_strings"]


def with_objects(frame: pd.DataFrame, **columns) -> pd.DataFrame:
    """``frame.assign(**columns)`` with every column (an array or list as long as ``frame``) kept ``object``."""
    return frame.assign(**{k: pd.Series(np.asarray(v, dtype=object) if not isinstance(v, np.ndarray) else v,
                                        index=frame.index, dtype=object) for k, v in columns.items()})


def as_strings(col: pd.Series) -> pd.Series:
    """``col.astype("string")``: missing values (None, NaN, NA) become ``<NA>``, strings stay."""
    if isinstance(col.dtype, pd.StringDtype) and col.dtype.na_value is pd.NA:
        return col
    if col.dtype != object:
        return col.astype("string")
    try:
        arr = pa.array(col.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all strings: pandas' own cast
        return col.astype("string")
    return pd.Series(pd.array(arr, dtype=pd.StringDtype()), index=col.index, name=col.name)
