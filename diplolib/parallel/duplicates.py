"""Duplicates across the whole corpus on the Dask path: the pandas path's split steps, each where its data is.

The exact-duplicate keys of every article are gathered once; MinHash bands are computed (in the partitions)
for the first copy of each key only and gathered; candidate pairs and the Jaccard check run once, with the
shingle sets fetched from the partitions for the candidates only; the result is the ``duplicate_of`` of every
article, in corpus order (:func:`diplolib.normalize.duplicates.resolve_duplicates`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from distributed import Client

from ..normalize.duplicates import BAND_COLUMNS, candidate_pairs, jaccard_pairs, representatives, resolve_duplicates
from . import tasks
from ._cluster import check
from .plan import Partition

__all__ = ["corpus_duplicates"]


def corpus_duplicates(client: Client, articles: list, signatures: list[pd.DataFrame], offsets: np.ndarray,
                      parts: Sequence[Partition], *, near: bool, retries: int) -> np.ndarray:
    """``duplicate_of`` of every article of the corpus (partitions in order), as the pandas path flags it.

    Parameters
    ----------
    client : distributed.Client
    articles : list of futures
        The articles table of each partition (held by the workers).
    signatures : list of DataFrame
        :func:`diplolib.normalize.duplicates.duplicate_signatures` (exact keys) of each partition, with
        ``article_id``.
    offsets : ndarray
        Corpus position of the first article of each partition, and the total at the end.
    parts : sequence of Partition
    near : bool
        Flag near duplicates too (MinHash + Jaccard), as ``load_articles(near_duplicates=True)``.
    retries : int
        Retries of each task.
    """
    sig = pd.concat(signatures, ignore_index=True)
    if not len(sig):
        return np.array([])
    pairs = None
    if near:
        rep = representatives(sig["key"])
        need = np.flatnonzero(sig["eligible"].to_numpy() & (rep == np.arange(len(rep))))
        blocks = _per_partition(client, tasks.partition_bands, articles, need, offsets, parts, retries)
        bands = np.zeros((len(sig), len(BAND_COLUMNS)), dtype=np.uint64)
        for p, block in blocks.items():
            bands[need[_owner(need, offsets) == p]] = block
        sig[list(BAND_COLUMNS)] = bands
        cands = candidate_pairs(sig)
        wanted = np.unique(cands[["a", "b"]].to_numpy())
        sets: dict[int, np.ndarray] = {}
        for p, local in _per_partition(client, tasks.partition_shingles, articles, wanted, offsets, parts,
                                       retries).items():
            sets.update({int(offsets[p]) + i: v for i, v in local.items()})
        pairs = jaccard_pairs(cands, sets)
    return resolve_duplicates(sig["key"], pairs, sig["article_id"].tolist())


def _owner(positions: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The partition holding each corpus position."""
    return np.searchsorted(offsets, positions, side="right") - 1


def _per_partition(client: Client, fn, articles: list, positions: np.ndarray, offsets: np.ndarray,
                   parts: Sequence[Partition], retries: int) -> dict:
    """``fn(partition's articles, local positions)`` in every partition holding some of ``positions``."""
    owner = _owner(positions, offsets)
    jobs = {int(p): client.submit(fn, articles[int(p)], (positions[owner == p] - offsets[p]).tolist(),
                                  retries=retries, pure=False)
            for p in np.unique(owner)}
    check(list(jobs.values()), [parts[p] for p in jobs], "duplicates")
    return dict(zip(jobs, client.gather(list(jobs.values())), strict=True))
