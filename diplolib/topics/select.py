"""Choosing the number of topics: coherence and stability for each candidate k."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .evaluate import pairwise_ari
from .model import fit_topics

__all__ = ["select_k"]


def select_k(
    articles: pd.DataFrame,
    ks: Iterable[int] = range(4, 21, 4),
    *,
    seeds: Iterable[int] = (0, 1, 2),
    subsample: float = 0.9,
    n_terms: int = 10,
    **fit_kwargs: Any,
) -> pd.DataFrame:
    """Coherence and stability of topic models for several numbers of topics.

    For each ``k`` and each seed, a model is fitted on a random ``subsample`` of the articles
    drawn with that seed (and ``random_state=seed``, which drives the randomised SVD of NMF's
    NNDSVD initialisation). Subsampling is what tests whether the clusters are a property of
    the corpus rather than of one run (Greene, O'Callaghan & Cunningham 2014).

    Parameters
    ----------
    articles : DataFrame
        The articles table (see :func:`fit_topics`). Not modified.
    ks : iterable of int
        Candidate numbers of topics.
    seeds : iterable of int
        One model per seed and k.
    subsample : float
        Share of the articles each model sees (1.0 = all, then stability only reflects the seed).
    n_terms : int
        Top terms per topic for NPMI.
    **fit_kwargs
        Passed to :func:`fit_topics` (``method``, ``mentions``, ``ngram_range``, …).

    Returns
    -------
    DataFrame
        One row per k: ``k``, ``npmi`` (mean over seeds of the mean topic NPMI of the top
        ``n_terms`` terms), ``npmi_sd``, ``stability`` (mean ARI of the article clusters
        between every pair of seeds, on the articles both saw), ``min_cluster`` (smallest
        cluster, mean over seeds), ``n_models``.
    """
    ks = [int(k) for k in ks]
    seeds = [int(s) for s in seeds]
    if not ks:
        raise ValueError("select_k: ks is empty; give candidate numbers of topics, e.g. range(4, 21, 4).")
    if not seeds:
        raise ValueError("select_k: seeds is empty; give at least one seed, e.g. (0, 1, 2).")
    if not 0 < subsample <= 1:
        raise ValueError(f"select_k: subsample={subsample}; give a share in (0, 1].")
    n = len(articles)
    rows = []
    for k in ks:
        scores, assignments, smallest = [], [], []
        for seed in seeds:
            if subsample < 1:
                rng = np.random.default_rng(seed)
                keep = np.sort(rng.choice(n, size=max(int(round(subsample * n)), k), replace=False))
                part = articles.iloc[keep]
            else:
                part = articles
            model = fit_topics(part, n_topics=k, random_state=seed, **fit_kwargs)
            scores.append(float(model.coherence(n_terms)["npmi"].mean()))
            assignments.append(model.clusters_.set_index("article_id")["topic"])
            smallest.append(int(model.clusters_["topic"].value_counts().reindex(range(k), fill_value=0).min()))
        rows.append(
            {
                "k": k,
                "npmi": float(np.mean(scores)),
                "npmi_sd": float(np.std(scores)),
                "stability": pairwise_ari(assignments),
                "min_cluster": float(np.mean(smallest)),
                "n_models": len(seeds),
            }
        )
    return pd.DataFrame(rows, columns=["k", "npmi", "npmi_sd", "stability", "min_cluster", "n_models"])
