"""Scores of a topic model: NPMI coherence, agreement with labels, stability across runs.

NPMI (Bouma 2009; Lau, Newman & Baldwin 2014) of two terms over *document* co-occurrence::

    P(w) = docs containing w / N,     P(wi, wj) = docs containing both / N
    NPMI(wi, wj) = log(P(wi, wj) / (P(wi) P(wj))) / -log P(wi, wj)

with NPMI = -1 when the terms never co-occur, and 1 when they always do. A topic's
coherence is the mean over the pairs of its top-n terms; a model's is the mean over topics.
The reference corpus is the modelled corpus itself (its binary document-term matrix).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from ..stats import npmi

__all__ = ["topic_coherence", "cluster_agreement", "pairwise_ari"]


def topic_coherence(doc_term, top_terms: Sequence[Sequence[int]]) -> pd.DataFrame:
    """Mean NPMI of each topic's top terms over document co-occurrence.

    Parameters
    ----------
    doc_term : sparse matrix or ndarray, shape (n_docs, n_terms)
        Any non-negative document-term matrix of the reference corpus (binarised here).
    top_terms : sequence of sequences of int
        Column indices of each topic's top terms, best first.

    Returns
    -------
    DataFrame
        ``topic`` (position in ``top_terms``), ``npmi`` (mean over term pairs; NaN with fewer
        than two terms), ``n_terms``.
    """
    B = sparse.csc_matrix(doc_term, dtype=np.float64)
    B.data = np.ones_like(B.data)
    B.eliminate_zeros()
    n_docs = B.shape[0]
    df = np.asarray(B.sum(axis=0)).ravel()
    rows = []
    for t, terms in enumerate(top_terms):
        terms = [int(i) for i in terms]
        if len(terms) < 2:
            rows.append({"topic": t, "npmi": np.nan, "n_terms": len(terms)})
            continue
        sub = B[:, terms]
        co = (sub.T @ sub).toarray()
        vals = [
            npmi(n_docs, int(df[terms[a]]), int(df[terms[b]]), int(co[a, b]))
            for a, b in combinations(range(len(terms)), 2)
        ]
        rows.append({"topic": t, "npmi": float(np.mean(vals)), "n_terms": len(terms)})
    return pd.DataFrame(rows, columns=["topic", "npmi", "n_terms"])


def cluster_agreement(labels_true, labels_pred) -> dict[str, float]:
    """NMI and ARI of predicted clusters against reference labels.

    Returns
    -------
    dict
        ``{"nmi": ..., "ari": ...}``
    """
    return {
        "nmi": float(normalized_mutual_info_score(labels_true, labels_pred)),
        "ari": float(adjusted_rand_score(labels_true, labels_pred)),
    }


def pairwise_ari(assignments: Sequence[pd.Series]) -> float:
    """Mean ARI over every pair of cluster assignments, on the articles they share.

    Parameters
    ----------
    assignments : sequence of Series
        Cluster of each article, indexed by ``article_id`` (e.g. one per seed or subsample).

    Returns
    -------
    float
        NaN with fewer than two assignments.
    """
    scores = []
    for a, b in combinations(assignments, 2):
        common = a.index.intersection(b.index)
        if len(common) >= 2:
            scores.append(adjusted_rand_score(a.loc[common].to_numpy(), b.loc[common].to_numpy()))
    return float(np.mean(scores)) if scores else float("nan")
