"""First and last dates of co-mention edges: the earliest and latest window holding each pair.

Computed by listing the pairs of every window, vectorised: windows of the same size are taken together as an
(windows, size) array, one column pair at a time; windows with many actors are expanded pair by pair, a few
million pairs at a time.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["first_last", "to_ns"]

_PAIR_CHUNK = 4_000_000  # pairs expanded at a time when computing first/last
_BLOCK_MAX = 24  # windows with at most this many actors are paired column by column
_LOOKUP_MAX = 2**25  # edges found through a dense (row, row) table up to this size, else searchsorted


def to_ns(s: pd.Series) -> np.ndarray:
    """int64 nanoseconds since the epoch (UTC); NaT -> min int64.

    A time-zone-aware column in nanoseconds holds exactly these (UTC) integers: they are returned as a view, not
    converted into a new array a mention (28 MB at 3.5 M mentions, round 18); read them, never write to them."""
    if isinstance(s.dtype, pd.DatetimeTZDtype) and s.dtype.unit == "ns":
        return s.array.asi8
    if getattr(s.dt, "tz", None) is not None:
        s = s.dt.tz_convert("UTC").dt.tz_localize(None)
    return s.to_numpy(dtype="datetime64[ns]").view(np.int64)


def first_last(Y, i, j, n_rows, win_codes, pub_ns, n_win, paired) -> tuple[np.ndarray, np.ndarray]:
    """Earliest and latest window date of each edge (i, j), by listing the pairs of every window.

    ``Y`` is the window x row indicator (CSR) of the windows ``paired`` (indices among all
    ``n_win`` windows, which ``win_codes`` number). Windows of the same size ``s`` are taken
    together as an (windows, s) array, one column pair at a time; windows larger than
    ``_BLOCK_MAX`` are expanded pair by pair, a few million pairs at a time.
    """
    nat, big = np.iinfo(np.int64).min, np.iinfo(np.int64).max
    lo_date = np.full(n_win, big)
    hi_date = np.full(n_win, nat)
    valid = pub_ns != nat
    np.minimum.at(lo_date, win_codes[valid], pub_ns[valid])
    np.maximum.at(hi_date, win_codes[valid], pub_ns[valid])
    lo_date, hi_date = lo_date[paired], hi_date[paired]
    first = np.full(len(i), big)
    last = np.full(len(i), nat)
    if n_rows * n_rows <= _LOOKUP_MAX:
        lookup = np.full(n_rows * n_rows, -1, dtype=np.int64)
        lookup[i * n_rows + j] = np.arange(len(i))
        find = lookup.__getitem__
    else:
        keys = i * n_rows + j  # sorted: edges come row-major from CSR

        def find(k):
            pos = np.minimum(np.searchsorted(keys, k), len(keys) - 1)
            return np.where(keys[pos] == k, pos, -1)

    def update(row_a, row_b, wins):
        idx = find(row_a * n_rows + row_b)
        ok = idx >= 0
        if not ok.all():
            idx, wins = idx[ok], wins[ok]
        np.minimum.at(first, idx, lo_date[wins])
        np.maximum.at(last, idx, hi_date[wins])

    Y.sort_indices()
    ind, ptr = Y.indices.astype(np.int64), Y.indptr.astype(np.int64)
    sizes = np.diff(ptr)
    for s in np.unique(sizes[(sizes >= 2) & (sizes <= _BLOCK_MAX)]):
        wins = np.flatnonzero(sizes == s)
        block = ind[ptr[wins][:, None] + np.arange(s)]  # (windows, s), rows ascending
        for a in range(s - 1):
            for b in range(a + 1, s):
                update(block[:, a], block[:, b], wins)
    big_wins = np.flatnonzero(sizes > _BLOCK_MAX)
    pairs = sizes[big_wins] * (sizes[big_wins] - 1) // 2
    cum = np.cumsum(pairs)
    k = 0
    while k < len(big_wins):
        base = cum[k - 1] if k else 0
        stop = min(max(int(np.searchsorted(cum, base + _PAIR_CHUNK, side="right")), k + 1), len(big_wins))
        w = big_wins[k:stop]
        s = sizes[w]
        pos = np.concatenate([np.arange(p0, p1) for p0, p1 in zip(ptr[w], ptr[w + 1], strict=True)])
        local = np.arange(pos.size) - np.repeat(np.cumsum(s) - s, s)
        cnt = np.repeat(s, s) - 1 - local
        left = np.repeat(np.arange(pos.size), cnt)
        right = np.arange(left.size) - np.repeat(np.cumsum(cnt) - cnt - np.arange(pos.size) - 1, cnt)
        update(ind[pos[left]], ind[pos[right]], np.repeat(w, pairs[k:stop]))
        k = stop
    first[first == big] = nat
    return first, last
