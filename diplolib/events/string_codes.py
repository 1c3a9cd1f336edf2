"""A column of strings as codes into its distinct values, the missing ones read as ``""``: equal codes for equal
strings, so the event rules compare and look up small integer arrays instead of object arrays of strings."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["string_codes"]


def string_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, values)`` with ``values[codes]`` equal to ``column.astype("string").fillna("").to_numpy(dtype=object)``
    and ``codes[i] == codes[j]`` exactly when those strings are equal (``""`` and a missing value share one code).
    ``values`` is an object array of the distinct strings, ``""`` always among them (``values[-1]`` when the column
    has no ``""`` of its own)."""
    codes, uniq = pd.factorize(column.astype("string"))
    values = np.append(np.asarray(uniq, dtype=object), "")
    empty = np.flatnonzero(values[:-1] == "")
    codes = np.where(codes < 0, empty[0] if len(empty) else len(values) - 1, codes).astype(np.int64)
    return codes, values
