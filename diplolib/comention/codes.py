"""Integer codes of the columns :func:`~diplolib.comention.counts.comention_counts` groups by: actor ids in their
string order (:func:`sorted_codes`), article ids as runs of equal neighbours (:func:`run_codes`), and several code
columns combined into one (:func:`combine`), all without a Python loop over rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._memory import take_rows

__all__ = ["sorted_codes", "run_codes", "run_starts", "window_runs", "distinct_strings", "combine", "compress"]


def sorted_codes(values: pd.Series, *, keep: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes following the string order of the unique values (NA -> -1).

    Arrow strings (the mentions' ``actor_id``) are dictionary-encoded by pyarrow chunk by chunk (one dictionary
    for every chunk: no concatenated copy of the strings), skipping pandas' conversions of the codes; categorical
    columns keep their codes; other columns go through ``pd.factorize``. ``keep`` (one boolean a row): the codes
    of the kept rows only, so that the rows dropped need no filtered copy of the strings. Only the values the
    (kept) rows hold are numbered (the categories no row uses dropped).
    """
    arr = pa.chunked_array(values.array.__arrow_array__()) if hasattr(values.array, "__arrow_array__") else None
    if arr is not None and len(arr) and (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        encoded = pc.dictionary_encode(arr)  # chunked: the chunks share the dictionary of every value
        indices = pa.chunked_array([c.indices for c in encoded.chunks], type=encoded.type.index_type)
        codes = (pc.fill_null(indices, -1) if indices.null_count else indices).to_numpy()
        uniques = encoded.chunks[-1].dictionary.to_numpy(zero_copy_only=False)
        del encoded, indices
    elif isinstance(values.dtype, pd.CategoricalDtype):  # already codes: no hashing
        codes, uniques = values.cat.codes.to_numpy(), values.cat.categories.to_numpy()
    else:
        codes, uniques = pd.factorize(values)
    if keep is not None:
        codes = codes[keep]
    valid = codes >= 0
    used = np.bincount(codes[valid] if not valid.all() else codes, minlength=len(uniques)) > 0
    labels = np.array([str(u) for u in uniques[used]], dtype=object)
    order = np.argsort(labels.astype(str), kind="stable")
    rank = np.full(len(uniques), -1, dtype=np.int32 if len(uniques) < 2**31 else np.int64)  # unused: -1
    rank[np.flatnonzero(used)[order]] = np.arange(len(order))
    codes = rank[codes] if valid.all() else np.where(valid, rank[np.maximum(codes, 0)], -1)
    return codes, labels[order]


def run_codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of ``values`` (no missing values) and their number, numbered by first appearance.

    Mentions come article by article (``tag_actors`` writes them so): when every value's rows are one run
    (:func:`run_starts`), the codes are the run numbers, with no hash table over every row. Otherwise, or for
    object columns, ``pd.factorize``.
    """
    starts = run_starts(values)
    if starts is not None:  # the run numbers, written in place (no concatenated or converted copies of n int64)
        codes = np.cumsum(starts, dtype=np.int64)
        codes -= 1
        return codes, int(codes[-1]) + 1
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), len(uniques)


def run_starts(values: pd.Series) -> np.ndarray | None:
    """One boolean a row, True where a run of equal neighbours starts, when the runs' values are distinct (each
    value's rows are one run: found by comparing neighbours, the runs' values checked distinct); None otherwise,
    and for fewer than two rows or columns neither numeric nor Arrow-backed."""
    n = len(values)
    numeric = isinstance(values.dtype, np.dtype) and values.dtype.kind in "iub"
    if n < 2 or not (numeric or hasattr(values.array, "__arrow_array__")):
        return None
    starts = np.empty(n, dtype=bool)
    starts[0] = True
    if numeric:
        a = values.to_numpy()
        np.not_equal(a[1:], a[:-1], out=starts[1:])
        distinct = bool((a[1:] >= a[:-1]).all()) or pd.Series(a[starts]).is_unique
    else:
        arr = pa.chunked_array(values.array.__arrow_array__())
        starts[1:] = pc.not_equal(arr[1:], arr[:-1]).to_numpy(zero_copy_only=False)
        distinct = distinct_strings(take_rows(arr, np.flatnonzero(starts)))  # each chunk's runs: no joined copy
    return starts if distinct else None


def window_runs(articles: pd.Series, windows: pd.Series | None, *, keep: np.ndarray | None = None
                ) -> tuple[np.ndarray, int] | None:
    """Codes of the (article, window) pairs numbered as runs, and their number: one boolean a row and one
    cumulative sum instead of a code array per key combined (:func:`combine`); ``windows=None``: the articles'.

    Valid, and used, only when every article's rows are one run (:func:`run_starts`) and its integer window
    numbers never decrease within it (mentions in text order, as ``tag_actors`` writes them): every (article,
    window) pair is then one run. None otherwise (the caller combines the codes). The windows are numbered in
    order of appearance; the counts do not depend on the numbering. ``keep``: the codes of the kept rows only,
    numbering only their windows. int32 codes below 2**31 rows (half the memory of int64 at the pandas path's peak).
    """
    new = run_starts(articles)
    if new is None:
        return None
    if windows is not None:
        w = windows.to_numpy()
        if w.dtype.kind not in "iu" or ((w[1:] < w[:-1]) & ~new[1:]).any():
            return None
        new[1:] |= w[1:] != w[:-1]
    codes = np.cumsum(new, dtype=np.int32 if len(new) < 2**31 else np.int64)
    del new
    if keep is not None:  # the kept rows' run numbers, still nondecreasing: renumbered in place as runs
        codes = codes[keep]
        if not len(codes):
            return codes, 0
        step = codes[1:] != codes[:-1]
        codes[0] = 1
        np.cumsum(step, out=codes[1:])
        codes[1:] += 1
        del step
    codes -= 1
    return codes, int(codes[-1]) + 1


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
