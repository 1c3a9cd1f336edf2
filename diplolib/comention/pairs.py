"""Pair counts of co-mention windows: a sort-based enumeration in numpy, and the sparse product it replaces.

Both functions take the integer codes of the mentions (one entry per mention: its window and its row, a row
being one (group, actor); rows are numbered group by group) and return the same arrays: the pairs of rows
``i < j`` seen together in at least ``min_count`` windows, sorted by ``(i, j)``, with ``n`` (windows holding
both), ``first``/``last`` (int64 ns of the earliest and latest window, min int64 = none) and the windows
holding each row.

:func:`pair_counts` (the path :func:`~diplolib.comention.counts.comention_counts` takes) sorts the distinct
(window, row) entries once, stacks the windows of equal size ``s`` as an (windows, s) array and lists their
pairs with one fancy index per size (``np.triu_indices``); each pair gets a key inside its group (its place in
the group's upper triangle, after the triangles of the groups before it). When every group's triangle fits in
``_DENSE_MAX`` cells the keys are counted with ``np.bincount`` and the dates folded with ``np.minimum.at``
into dense tables; otherwise the keys are sorted and reduced. Windows are taken ``_PAIR_CHUNK`` pairs at a time.

With numba installed (``diplolib[fast]``), the dense case of a million mentions or more (``_COMPILED_MIN``: below,
numba's import costs more than it saves) runs as one compiled pass over the mentions instead
(:mod:`diplolib.comention.compiled`, no sort at all), giving the same arrays.

:func:`pair_counts_product` is the former path, kept as the reference the tests compare against: the
indicator ``Xt`` (window × row, ``scipy.sparse``), the product ``X @ Xt`` and
:func:`~diplolib.comention.dates.first_last`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .compiled import compiled_available, count_windows

__all__ = ["PairCounts", "pair_counts", "pair_counts_product"]

_DENSE_MAX = 2**24  # at most this many (row, row) cells counted in a dense table (128 MB of int64)
_PAIR_CHUNK = 8_000_000  # pairs listed at a time
_NAT, _BIG = np.iinfo(np.int64).min, np.iinfo(np.int64).max
#: Count dense tables with the compiled kernel (:mod:`diplolib.comention.compiled`) when numba is installed;
#: ``False`` takes the numpy path (the tests compare the two).
_COMPILED = True
#: Fewest mentions for which the kernel is used: importing numba and loading the cached kernel costs ~0.7 s of
#: CPU once per process (a first compilation ~2.3 s), more than the numpy path takes below a million mentions.
_COMPILED_MIN = 1_000_000


class PairCounts(NamedTuple):
    """The pairs of rows seen together, sorted by ``(i, j)``, and the windows holding each row."""

    i: np.ndarray
    j: np.ndarray
    n: np.ndarray
    first: np.ndarray
    last: np.ndarray
    n_each: np.ndarray


def _window_dates(win_codes: np.ndarray, pub_ns: np.ndarray, n_win: int) -> tuple[np.ndarray, np.ndarray]:
    """Earliest and latest date of each window (``_BIG`` / ``_NAT`` when it has none)."""
    lo, hi = np.full(n_win, _BIG), np.full(n_win, _NAT)
    valid = pub_ns != _NAT
    np.minimum.at(lo, win_codes[valid], pub_ns[valid])
    np.maximum.at(hi, win_codes[valid], pub_ns[valid])
    return lo, hi


def _cell_bases(row_group: np.ndarray) -> tuple[np.ndarray, int]:
    """Per row ``i``, the base such that ``base[i] + j`` numbers the cell (i, j), ``i < j``, inside the group's
    upper triangle (the pairs of a group of ``s`` rows take ``s(s-1)/2`` cells: half the square's, none unused).

    Row ``i`` (the ``a``-th of its group) owns the cells from ``base[i] + i + 1`` on, right after row ``i - 1``'s.
    """
    n_rows = len(row_group)
    starts = np.flatnonzero(np.r_[True, row_group[1:] != row_group[:-1]]) if n_rows else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, n_rows])
    triangle = np.r_[0, np.cumsum(sizes * (sizes - 1) // 2)]
    g = np.repeat(np.arange(len(starts)), sizes)
    a = np.arange(n_rows) - starts[g]
    base = triangle[g] + a * sizes[g] - a * (a + 1) // 2 - a - 1 - starts[g]
    return base.astype(np.int32 if triangle[-1] < 2**31 else np.int64), int(triangle[-1])


def _batches(row: np.ndarray, win: np.ndarray, base: np.ndarray, dated: bool):
    """The pairs of every window as ``(keys, window of each pair)``, about ``_PAIR_CHUNK`` pairs a batch.

    ``row``/``win`` are the distinct (window, row) entries sorted by window then row. Windows of each size
    ``s >= 2`` are stacked as an (windows, s) array and paired with one fancy index (``np.triu_indices``).
    """
    starts = np.flatnonzero(np.r_[True, win[1:] != win[:-1]]) if len(win) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(win)])
    keys, wins, held = [], [], 0
    for s in np.unique(sizes[sizes >= 2]).tolist():
        ia, ib = np.triu_indices(s, k=1)
        at = np.flatnonzero(sizes == s)
        per = max(_PAIR_CHUNK // len(ia), 1)
        for k in range(0, len(at), per):
            block = row[starts[at[k:k + per]][:, None] + np.arange(s)]  # (windows, s), rows ascending
            keys.append((base[block[:, ia]] + block[:, ib]).ravel())
            if dated:
                wins.append(np.repeat(win[starts[at[k:k + per]]], len(ia)))
            held += keys[-1].size
            if held >= _PAIR_CHUNK:
                yield np.concatenate(keys), (np.concatenate(wins) if dated else None)
                keys, wins, held = [], [], 0
    if keys:
        yield np.concatenate(keys), (np.concatenate(wins) if dated else None)


def _distinct_entries(win_codes: np.ndarray, rows: np.ndarray, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (window, row) entries, sorted by window then row, as two arrays.

    Both are packed in one int64 (``window << bits | row``), sorted (``np.unique`` would hash first, far
    slower here) and unpacked with shifts and a mask (a division per entry costs more than the sort).
    """
    bits = max(int(n_rows - 1).bit_length(), 1)
    entry = np.sort((win_codes.astype(np.int64) << bits) | rows)
    if len(entry):
        entry = entry[np.r_[True, entry[1:] != entry[:-1]]]
    small = np.int32 if max(n_rows, int(win_codes.max(initial=0)) + 1) < 2**31 else np.int64
    return (entry >> bits).astype(small), (entry & ((1 << bits) - 1)).astype(small)


def _reduce(keys, n, lo, hi):
    """Sum ``n``, min ``lo`` and max ``hi`` per distinct key; returns the sorted keys and the folded arrays."""
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, np.int64)
    if len(keys) == 0:
        return keys, n, lo, hi
    out = [keys[starts], np.add.reduceat(n[order], starts)]
    out += [np.minimum.reduceat(lo[order], starts), np.maximum.reduceat(hi[order], starts)] if lo is not None \
        else [None, None]
    return tuple(out)


def pair_counts(win_codes: np.ndarray, rows: np.ndarray, *, n_win: int, row_group: np.ndarray,
                pub_ns: np.ndarray | None = None, min_count: int = 1) -> PairCounts:
    """Pairs of rows seen in the same window, by sorting and listing the pairs of each window (see the module).

    Parameters
    ----------
    win_codes, rows : ndarray of int64
        Window (0..n_win-1) and row of each mention.
    n_win : int
        Number of windows.
    row_group : ndarray of int64
        Group of each row, non-decreasing (rows are numbered group by group).
    pub_ns : ndarray of int64, optional
        Date of each mention (ns since the epoch, min int64 = none); without it first/last are none.
    min_count : int
        Keep pairs seen in at least this many windows.

    Returns
    -------
    PairCounts
    """
    n_rows = len(row_group)
    base, n_cells = _cell_bases(row_group)
    dense = n_cells <= _DENSE_MAX
    if dense and _COMPILED and len(rows) >= _COMPILED_MIN and compiled_available():
        count, lo, hi, n_each = count_windows(win_codes, rows, pub_ns, n_win=n_win, base=base, n_cells=n_cells,
                                              n_rows=n_rows)
        keys = np.flatnonzero(count)
        first, last = (lo[keys], hi[keys]) if lo is not None else (None, None)
        return _finish(keys, count[keys], first, last, base, n_each, min_count)
    win, row = _distinct_entries(win_codes, rows, n_rows)
    n_each = np.bincount(row, minlength=n_rows).astype(np.int64)
    dated = pub_ns is not None and bool((pub_ns != _NAT).any())
    lo_date, hi_date = _window_dates(win_codes, pub_ns, n_win) if dated else (None, None)
    if dense:
        count = np.zeros(n_cells, dtype=np.int64)
        lo = np.full(n_cells, _BIG) if dated else None
        hi = np.full(n_cells, _NAT) if dated else None
    parts = []
    for keys, w_of in _batches(row, win, base, dated):
        if dense:
            count += np.bincount(keys, minlength=n_cells)
            if dated:
                np.minimum.at(lo, keys, lo_date[w_of])
                np.maximum.at(hi, keys, hi_date[w_of])
        else:
            parts.append(_reduce(keys, np.ones(len(keys), dtype=np.int64),
                                 *((lo_date[w_of], hi_date[w_of]) if dated else (None, None))))
    if dense:
        keys = np.flatnonzero(count)
        n = count[keys]
        first, last = (lo[keys], hi[keys]) if dated else (None, None)
    elif parts:
        cat = [np.concatenate([p[k] for p in parts]) if parts[0][k] is not None else None for k in range(4)]
        keys, n, first, last = _reduce(*cat)
    else:
        keys = n = np.zeros(0, dtype=np.int64)
        first = last = None
    return _finish(keys, n, first, last, base, n_each, min_count)


def _finish(keys, n, first, last, base, n_each, min_count) -> PairCounts:
    """The pairs ``(i, j)`` of the cell keys (``base[i] + j``), dates as none where absent, rarer pairs dropped."""
    n_rows = len(base)
    if first is None:
        first = last = np.full(len(keys), _NAT)
    first = np.where(first == _BIG, _NAT, first)
    i = np.searchsorted(base + np.arange(1, n_rows + 1), keys, side="right") - 1  # base[i] + i + 1: row i's first
    j = keys - base[i] if len(keys) else keys
    if min_count > 1:
        keep = n >= min_count
        i, j, n, first, last = i[keep], j[keep], n[keep], first[keep], last[keep]
    return PairCounts(i.astype(np.int64), j.astype(np.int64), n.astype(np.int64), first, last, n_each)


def pair_counts_product(win_codes: np.ndarray, rows: np.ndarray, *, n_win: int, row_group: np.ndarray,
                        pub_ns: np.ndarray | None = None, min_count: int = 1) -> PairCounts:
    """The reference path: the sparse product ``X @ Xt`` and the pair listing of ``first_last``.

    Same parameters and result as :func:`pair_counts`.
    """
    import scipy.sparse as sp

    from .dates import first_last

    n_rows = len(row_group)
    Xt = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (win_codes, rows)), shape=(n_win, n_rows))
    Xt.sum_duplicates()
    Xt.data[:] = 1
    n_each = np.bincount(Xt.indices, minlength=n_rows).astype(np.int64)
    paired = np.flatnonzero(np.diff(Xt.indptr) >= 2)
    if len(paired) < n_win:
        Xt = Xt[paired]
    X = Xt.T.tocsr()  # actor x window, CSR; with Xt also CSR the product converts nothing
    upper = sp.triu(X @ Xt, k=1, format="csr")  # (i < j) <=> actor_a < actor_b
    upper.sort_indices()
    i = np.repeat(np.arange(n_rows), np.diff(upper.indptr))
    j = upper.indices.astype(np.int64)
    n = upper.data.astype(np.int64)
    if min_count > 1:
        keep = n >= min_count
        i, j, n = i[keep], j[keep], n[keep]
    first = last = np.full(len(n), _NAT)
    if pub_ns is not None and len(n):
        first, last = first_last(Xt, i, j, n_rows, win_codes, pub_ns, n_win, paired)
    return PairCounts(i.astype(np.int64), j, n, first, last, n_each)
