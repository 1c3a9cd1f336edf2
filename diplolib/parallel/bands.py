"""MinHash bands computed where a partition is loaded, once per distinct body in each worker process.

When the Dask path keeps no partition's text between stages (``run_pipeline(..., persist=False)``), the bands
of the near-duplicate step must be taken while the partition's ``text_match`` is still in memory, in the task
that loads it. A band depends on the body's exact key alone (:func:`diplolib.normalize.duplicates.duplicate_key`),
so a body already hashed in this worker (an earlier partition holding a copy of the same wire story) is not hashed
again: :class:`BandCache` keeps the bands of each exact key (by its 128-bit digest, the ``key`` column of
:func:`~diplolib.normalize.duplicates.duplicate_signatures`), ~300 bytes per key, emptied when it reaches
``capacity``. The signatures are the same with or without it (``tests/test_parallel.py``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._memory import rows_as_list
from ..normalize.duplicates import BAND_COLUMNS, duplicate_signatures, representatives
from ..normalize.minhash import BANDS

__all__ = ["BandCache", "BAND_CACHE_KEYS"]

#: Exact keys whose bands a worker process keeps (about 300 bytes each: ~60 MB when full).
BAND_CACHE_KEYS = 200_000


class BandCache:
    """The MinHash bands of the exact keys met so far in this process (see the module docstring)."""

    def __init__(self, capacity: int = BAND_CACHE_KEYS) -> None:
        self.capacity = capacity
        self._row: dict[str, int] = {}
        self._bands = np.zeros((0, BANDS), dtype=np.uint64)
        self.computed = 0  # bodies hashed here (for tests and benchmarks)

    def fill(self, signatures: pd.DataFrame, texts: pd.Series) -> pd.DataFrame:
        """``signatures`` (:func:`duplicate_signatures` of ``texts`` with ``near=False``) with the band columns of
        ``near=True``: bodies are hashed only for the first row of each key not already in the cache."""
        out = signatures.copy()
        keys = out["key"].reset_index(drop=True)
        eligible = out["eligible"].to_numpy(dtype=bool)
        rep = representatives(keys)
        firsts = np.flatnonzero(eligible & (rep == np.arange(len(rep))))
        first_keys = keys.iloc[firsts].tolist()
        row = np.fromiter((self._row.get(k, -1) for k in first_keys), dtype=np.int64, count=len(firsts))
        bands = np.zeros((len(out), BANDS), dtype=np.uint64)
        hit = row >= 0
        bands[firsts[hit]] = self._bands[row[hit]]
        new = firsts[~hit]
        if len(new):
            fresh = duplicate_signatures(rows_as_list(texts, new), near=True)[list(BAND_COLUMNS)].to_numpy()
            bands[new] = fresh
            self.computed += len(new)
            self._remember([first_keys[i] for i in np.flatnonzero(~hit)], fresh)
        rows = np.flatnonzero(eligible)
        bands[rows] = bands[rep[rows]]  # the copies of a key within the partition: its first row's bands
        out[list(BAND_COLUMNS)] = bands
        return out

    def _remember(self, keys: list[str], bands: np.ndarray) -> None:
        if len(self._row) + len(keys) > self.capacity:
            self._row.clear()
            self._bands = np.zeros((0, BANDS), dtype=np.uint64)
            if len(keys) > self.capacity:
                return
        start = len(self._bands)
        self._row.update(zip(keys, range(start, start + len(keys)), strict=True))
        self._bands = np.concatenate([self._bands, bands])
