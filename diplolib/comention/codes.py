"""Integer codes of the columns :func:`~diplolib.comention.counts.comention_counts` groups by: actor ids in their
string order (:func:`sorted_codes`), article ids as runs of equal neighbours (:func:`run_codes`), and several code
columns combined into one (:func:`combine`), all without a Python loop over rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["sorted_codes", "run_codes", "distinct_strings", "combine", "compress"]


def sorted_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes following the string order of the unique values (NA -> -1).

    Arrow strings without nulls (the mentions' ``actor_id``) are dictionary-encoded by pyarrow directly,
    skipping pandas' conversions of the codes; categorical columns keep their codes (the categories no row uses
    dropped); other columns go through ``pd.factorize``.
    """
    arr = pa.chunked_array(values.array.__arrow_array__()) if hasattr(values.array, "__arrow_array__") else None
    if arr is not None and arr.null_count == 0 and (pa.types.is_string(arr.type) or
                                                    pa.types.is_large_string(arr.type)):
        encoded = pc.dictionary_encode(arr.combine_chunks())
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        uniques = encoded.dictionary.to_numpy(zero_copy_only=False)
    elif isinstance(values.dtype, pd.CategoricalDtype):  # already codes: no hashing, only the used categories
        codes = values.cat.codes.to_numpy().astype(np.int64)
        used = np.bincount(codes[codes >= 0], minlength=len(values.cat.categories)) > 0
        remap = np.where(used, np.cumsum(used) - 1, -1)
        codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
        uniques = values.cat.categories.to_numpy()[used]
    else:
        codes, uniques = pd.factorize(values)
    labels = np.array([str(u) for u in uniques], dtype=object)
    order = np.argsort(labels.astype(str), kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    codes = rank[codes] if codes.min(initial=0) >= 0 else np.where(codes >= 0, rank[np.maximum(codes, 0)], -1)
    return codes, labels[order]


def run_codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of ``values`` (no missing values) and their number, numbered by first appearance.

    Mentions come article by article (``tag_actors`` writes them so): when every value's rows are one run,
    the codes are the run numbers, found by comparing neighbours, with no hash table over every row; the
    runs' values are checked distinct. Otherwise, or for object columns, ``pd.factorize``.
    """
    n = len(values)
    numeric = isinstance(values.dtype, np.dtype) and values.dtype.kind in "iub"
    if n > 1 and (numeric or hasattr(values.array, "__arrow_array__")):
        if numeric:
            a = values.to_numpy()
            change = a[1:] != a[:-1]
            n_runs = 1 + int(np.count_nonzero(change))
            distinct = bool((a[1:] >= a[:-1]).all()) or pd.Series(a[np.flatnonzero(np.r_[True, change])]).is_unique
        else:
            arr = pa.chunked_array(values.array.__arrow_array__())
            change = pc.not_equal(arr[1:], arr[:-1]).to_numpy(zero_copy_only=False)
            starts = np.flatnonzero(np.r_[True, change])
            n_runs = len(starts)
            distinct = distinct_strings(arr.take(starts).combine_chunks())
        if distinct:  # the run numbers, written in place (no concatenated or converted copies of n int64)
            codes = np.empty(n, dtype=np.int64)
            codes[0] = 0
            np.cumsum(change, out=codes[1:])
            return codes, n_runs
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), len(uniques)


def distinct_strings(values: pa.Array) -> bool:
    """Whether the strings (no nulls) are distinct: strictly increasing in (length, bytes) order proves it without
    a hash table (ids numbered "a1", "a2", ..., "a10" or sorted ids, one comparison of neighbours); otherwise
    ``pc.unique`` (``pc.count_distinct`` is 2.5x slower)."""
    if len(values) > 1:
        size = pc.binary_length(values).to_numpy(zero_copy_only=False)
        longer = size[1:] > size[:-1]
        if (longer | (size[1:] == size[:-1])).all() and (
                longer | pc.greater(values[1:], values[:-1]).to_numpy(zero_copy_only=False)).all():
            return True
    return len(pc.unique(values)) == len(values)


def combine(codes: list[np.ndarray], sizes: list[int]) -> tuple[np.ndarray, int]:
    """Mixed-radix combination of code arrays, compressed to 0..k-1 keeping the order."""
    out = np.zeros(len(codes[0]) if codes else 0, dtype=np.int64)
    total = 1
    for c, s in zip(codes, sizes, strict=False):
        if total * s > 2**62:
            out, total = compress(out, total)
        out = out * s + c
        total *= s
    return compress(out, total)


def compress(codes: np.ndarray, total: int) -> tuple[np.ndarray, int]:
    """``codes`` (in ``0..total-1``) renumbered ``0..k-1`` keeping their order, and ``k``.

    Nondecreasing codes (windows of mentions stored article by article, sentence by sentence) are renumbered
    as runs: one boolean per row, no sort (``np.unique``'s sort held ~6 int64 copies of the codes, the pandas
    path's peak at 250,000 articles).
    """
    if len(codes) > 1:
        step = codes[1:] != codes[:-1]
        if not (codes[1:] < codes[:-1]).any():
            out = np.empty(len(codes), dtype=np.int64)
            out[0] = 0
            np.cumsum(step, out=out[1:])
            return out, int(out[-1]) + 1
    if total <= 4 * len(codes) + 1024:
        used = np.zeros(total, dtype=bool)
        used[codes] = True
        remap = np.cumsum(used) - 1
        return remap[codes], int(used.sum())
    uniq, inv = np.unique(codes, return_inverse=True)
    return inv.astype(np.int64), len(uniq)
