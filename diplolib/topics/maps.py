"""A 2-D map of the articles: TruncatedSVD of the document-term matrix, then t-SNE."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.manifold import TSNE
from sklearn.preprocessing import normalize

from .model import TopicModel

__all__ = ["topic_map"]


def topic_map(
    model: TopicModel,
    *,
    method: Literal["tsne", "svd"] = "tsne",
    n_components: int = 50,
    perplexity: float = 30.0,
    embeddings: np.ndarray | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Place every article of a model on a plane.

    Parameters
    ----------
    model : TopicModel
    method : {"tsne", "svd"}
        ``"svd"``: the first two SVD components (fast, linear); ``"tsne"``: t-SNE of the first
        ``n_components`` SVD components (clusters stand apart).
    n_components : int
        SVD components fed to t-SNE (capped by the matrix size).
    perplexity : float
        t-SNE perplexity, lowered automatically below the number of articles.
    embeddings : ndarray, optional
        Map these document vectors (one row per article) instead of the term matrix.
    random_state : int
        Seed of SVD and t-SNE: the same seed gives the same map.

    Returns
    -------
    DataFrame
        ``article_id``, ``x``, ``y``, ``topic``, ``low_confidence`` and, where the model's articles
        had them, ``source``, ``lang``, ``title``.
    """
    if method not in ("tsne", "svd"):
        raise ValueError(f"topic_map: method={method!r}; choose 'tsne' or 'svd'.")
    X = model.doc_term_ if embeddings is None else np.asarray(embeddings, dtype=np.float64)
    n = X.shape[0]
    if n < 3:
        raise ValueError(f"topic_map: {n} article(s); a map needs at least 3.")
    k = max(2, min(n_components, X.shape[1] - 1, n - 1))
    if X.shape[1] <= 2:
        Z = np.asarray(X.todense() if hasattr(X, "todense") else X, dtype=np.float64)
        Z = np.hstack([Z, np.zeros((n, 2 - Z.shape[1]))]) if Z.shape[1] < 2 else Z
    else:
        Z = TruncatedSVD(n_components=k, random_state=random_state).fit_transform(X)
    if method == "tsne":
        Z = TSNE(
            n_components=2,
            perplexity=min(perplexity, max((n - 1) / 3, 1.0)),
            init="pca",
            random_state=random_state,
        ).fit_transform(normalize(Z))
    out = pd.DataFrame(
        {
            "article_id": model.clusters_["article_id"].to_numpy(),
            "x": Z[:, 0],
            "y": Z[:, 1],
            "topic": model.clusters_["topic"].to_numpy(),
            "low_confidence": model.clusters_["low_confidence"].to_numpy(),
        }
    )
    for col in ("source", "lang", "title"):
        if col in model.meta_.columns:
            out[col] = model.meta_[col].to_numpy()
    return out
