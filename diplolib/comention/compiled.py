"""Pair counts of co-mention windows in one compiled pass (numba), when numba is installed.

:func:`count_windows` gives :func:`diplolib.comention.pairs.pair_counts` its dense cell counts, dates and row
counts (the same arrays as its numpy path, tested equal on random inputs) without sorting the mentions: a counting
sort groups them by window (skipped when the window codes never decrease), each window's distinct rows
are collected in a small buffer (a row is new when the last window it was seen in is another one), and every pair
of distinct rows ``i < j`` adds one to its cell of the group's upper triangle (``base[i] + j``), with the window's
earliest and latest date folded into the cell's ``first``/``last``.
Only the dense case is compiled (every group's triangle within ``_DENSE_MAX`` cells, 5,000 actors in one group
fit) of a million mentions or more: :func:`~diplolib.comention.pairs.pair_counts` takes its numpy path otherwise,
or when numba is missing.

numba is an optional dependency (``pip install diplolib[fast]``): it is imported on the first call, not with
diplolib, and the kernel is cached on disk after its first compilation (measured: 2.3 s of CPU for the import
and the compilation, 0.7 s for the import and the cached kernel).
"""

from __future__ import annotations

import numpy as np

__all__ = ["compiled_available", "count_windows"]

_NAT, _BIG = np.iinfo(np.int64).min, np.iinfo(np.int64).max
_KERNEL = None


def _build():
    import numba

    @numba.njit(cache=True, nogil=True)
    def kernel(win_codes, rows, pub_ns, dated, n_win, base, n_cells, n_rows):  # pragma: no cover - compiled
        n = len(win_codes)
        start = np.zeros(n_win + 1, dtype=np.int64)
        ordered = True
        for k in range(n):
            start[win_codes[k] + 1] += 1
            if k and win_codes[k] < win_codes[k - 1]:
                ordered = False
        for w in range(n_win):
            start[w + 1] += start[w]
        order = np.empty(0 if ordered else n, dtype=np.int64)  # counting sort by window, unless already so
        if not ordered:
            fill = start[:-1].copy()
            for k in range(n):
                order[fill[win_codes[k]]] = k
                fill[win_codes[k]] += 1
        count = np.zeros(0 if dated else n_cells, dtype=np.int32)  # n <= windows < 2**31 (checked by the caller)
        cells = np.empty((n_cells if dated else 0, 3), dtype=np.int64)  # dated: n, first, last side by side
        if dated:
            cells[:, 0], cells[:, 1], cells[:, 2] = 0, _BIG, _NAT
        n_each = np.zeros(n_rows, dtype=np.int64)
        seen = np.full(n_rows, -1, dtype=np.int64)  # the last window each row was seen in: no sort to dedupe
        buf = np.empty(16, dtype=np.int64)
        for w in range(n_win):
            s, e = start[w], start[w + 1]
            if e - s > len(buf):
                buf = np.empty(2 * (e - s), dtype=np.int64)
            w_lo, w_hi = _BIG, _NAT
            distinct = 0
            for k in range(s, e):
                m = k if ordered else order[k]
                r = rows[m]
                if dated and pub_ns[m] != _NAT:
                    w_lo = min(w_lo, pub_ns[m])
                    w_hi = max(w_hi, pub_ns[m])
                if seen[r] != w:
                    seen[r] = w
                    buf[distinct] = r
                    distinct += 1
            for a in range(distinct):
                ra = buf[a]
                n_each[ra] += 1
                for b in range(a + 1, distinct):
                    rb = buf[b]
                    cell = base[min(ra, rb)] + max(ra, rb)
                    if dated:  # one cache line per pair: the table is far larger than the cache
                        cells[cell, 0] += 1
                        cells[cell, 1] = min(cells[cell, 1], w_lo)
                        cells[cell, 2] = max(cells[cell, 2], w_hi)
                    else:
                        count[cell] += 1
        return count, cells, n_each

    return kernel


def compiled_available() -> bool:
    """Whether numba can be imported (the compiled kernel is then used for dense counts)."""
    global _KERNEL
    if _KERNEL is None:
        try:
            _KERNEL = _build()
        except ImportError:
            _KERNEL = False
    return _KERNEL is not False


def count_windows(win_codes: np.ndarray, rows: np.ndarray, pub_ns: np.ndarray | None, *, n_win: int,
                  base: np.ndarray, n_cells: int, n_rows: int
                  ) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None, np.ndarray]:
    """Dense cell counts, earliest and latest window dates per cell (``None`` without dates) and the windows
    holding each row, in one compiled pass; call :func:`compiled_available` first."""
    dated = pub_ns is not None and bool((pub_ns != _NAT).any())
    pub = pub_ns.astype(np.int64, copy=False) if dated else np.zeros(1, dtype=np.int64)
    if n_win >= 2**31:
        raise ValueError(f"count_windows: {n_win:,} windows overflow the int32 cell counts; use the numpy path.")
    # int32 or int64 codes as they come (a copy of each at the pandas path's peak otherwise): numba compiles each
    win_codes, rows = (c if c.dtype in (np.int32, np.int64) else c.astype(np.int64) for c in (win_codes, rows))
    count, cells, n_each = _KERNEL(win_codes, rows, pub,
                                   dated, int(n_win), base.astype(np.int64, copy=False), int(n_cells), int(n_rows))
    if dated:
        return cells[:, 0], cells[:, 1], cells[:, 2], n_each
    return count, None, None, n_each
