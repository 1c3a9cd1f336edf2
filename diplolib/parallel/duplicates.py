"""Duplicates across the whole corpus on the Dask path: the pandas path's split steps, each where its data is.

The exact-duplicate keys of every article are gathered once; MinHash bands are computed (in the partitions)
for the first copy of each key only and gathered; candidate pairs and the Jaccard check run once, with the
shingle sets fetched from the partitions for the candidates only; the result is the ``duplicate_of`` of every
article, in corpus order (:func:`diplolib.normalize.duplicates.resolve_duplicates`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from distributed import Client

from ..normalize.duplicates import BAND_COLUMNS, candidate_pairs, jaccard_pairs, representatives, resolve_duplicates
from . import tasks
from ._cluster import check
from .plan import Partition

__all__ = ["corpus_duplicates"]


def corpus_duplicates(client: Client, articles: list | None, signatures: list[pd.DataFrame], offsets: np.ndarray,
                      parts: Sequence[Partition], *, near: bool, retries: int,
                      reload: Mapping[str, Any] | None = None) -> np.ndarray:
    """``duplicate_of`` of every article of the corpus (partitions in order), as the pandas path flags it.

    Parameters
    ----------
    client : distributed.Client
    articles : list of futures, or None
        The articles table of each partition (held by the workers); None when the partitions were not kept
        (``run_pipeline(..., persist=False)``): the signatures then hold the MinHash bands already
        (:func:`diplolib.parallel.tasks.scan_partition`), and the partitions holding candidate pairs are loaded
        again from their files (with the loading options ``reload``) for the exact Jaccard check.
    signatures : list of DataFrame
        :func:`diplolib.normalize.duplicates.duplicate_signatures` (exact keys; with the bands when ``articles``
        is None) of each partition, with ``article_id``.
    offsets : ndarray
        Corpus position of the first article of each partition, and the total at the end.
    parts : sequence of Partition
    near : bool
        Flag near duplicates too (MinHash + Jaccard), as ``load_articles(near_duplicates=True)``.
    retries : int
        Retries of each task.
    reload : mapping, optional
        ``published``, ``tz``, ``reader_options`` of the partitions' loading (when ``articles`` is None).
    """
    sig = pd.concat(signatures, ignore_index=True)
    if not len(sig):
        return np.array([])
    pairs = None
    if near:
        if articles is not None:
            rep = representatives(sig["key"])
            need = np.flatnonzero(sig["eligible"].to_numpy() & (rep == np.arange(len(rep))))
            blocks = _per_partition(client, lambda p, at: client.submit(
                tasks.partition_bands, articles[p], at, retries=retries, pure=False), need, offsets, parts)
            bands = np.zeros((len(sig), len(BAND_COLUMNS)), dtype=np.uint64)
            for p, block in blocks.items():
                bands[need[_owner(need, offsets) == p]] = block
            sig[list(BAND_COLUMNS)] = bands
        cands = candidate_pairs(sig)
        wanted = np.unique(cands[["a", "b"]].to_numpy())
        if articles is not None:
            def shingles(p, at):
                return client.submit(tasks.partition_shingles, articles[p], at, retries=retries, pure=False)
        else:
            def shingles(p, at):
                return client.submit(tasks.partition_shingles_of_files, parts[p].files, parts[p].roots, at,
                                     **dict(reload or {}), retries=retries, pure=False)
        sets: dict[int, np.ndarray] = {}
        for p, local in _per_partition(client, shingles, wanted, offsets, parts).items():
            sets.update({int(offsets[p]) + i: v for i, v in local.items()})
        pairs = jaccard_pairs(cands, sets)
    return resolve_duplicates(sig["key"], pairs, sig["article_id"].tolist())


def _owner(positions: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The partition holding each corpus position."""
    return np.searchsorted(offsets, positions, side="right") - 1


def _per_partition(client: Client, submit: Callable[[int, list[int]], Any], positions: np.ndarray,
                   offsets: np.ndarray, parts: Sequence[Partition]) -> dict:
    """``submit(partition, local positions)`` (a future) for every partition holding some of ``positions``,
    gathered."""
    owner = _owner(positions, offsets)
    jobs = {int(p): submit(int(p), (positions[owner == p] - offsets[p]).tolist()) for p in np.unique(owner)}
    check(list(jobs.values()), [parts[p] for p in jobs], "duplicates")
    return dict(zip(jobs, client.gather(list(jobs.values())), strict=True))
