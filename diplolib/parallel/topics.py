"""Topics on partitions: a :class:`~diplolib.topics.TopicModel` fitted on a sample, applied to each partition.

:class:`~diplolib.topics.TopicModel` has no public ``transform`` yet; :func:`apply_topics` uses only its public
``pipeline`` (vectoriser + NMF/LDA, fitted) and :func:`diplolib.topics.documents`, and shapes the result like
``TopicModel.doc_topics``. Articles outside the sample get weights from the fitted model, so their topics
can differ from a model fitted on all articles (that is the point of fitting on a sample).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["apply_topics", "topics_meta"]


def topics_meta() -> pd.DataFrame:
    """Columns and dtypes of :func:`apply_topics`' output."""
    return pd.DataFrame({"article_id": pd.Series([], dtype="string"), "topic": pd.Series([], dtype="int64"),
                         "weight": pd.Series([], dtype="float64")})


def apply_topics(articles: pd.DataFrame, model: Any) -> pd.DataFrame:
    """Topic weights of ``articles`` under a fitted model (``method`` "nmf", "minibatch-nmf" or "lda").

    Returns
    -------
    DataFrame
        ``article_id``, ``topic``, ``weight`` (share of the article's topic weight; zero weights left out),
        as ``TopicModel.doc_topics``.
    """
    from ..topics import documents

    pipe = model.pipeline
    if pipe is None or "model" not in getattr(pipe, "named_steps", {}):
        raise ValueError("apply_topics: the model has no fitted NMF/LDA step (method='embed' models need the "
                         "embeddings of every article); fit with method='nmf' or 'lda'.")
    if len(articles) == 0:
        return topics_meta()
    docs = documents(articles, title=bool(model.params.get("title", True)))
    W = np.asarray(pipe.transform(docs))
    totals = W.sum(axis=1, keepdims=True)
    Wn = np.divide(W, totals, out=np.zeros_like(W, dtype=float), where=totals > 0)
    r, c = np.nonzero(Wn > 0)
    ids = docs["article_id"].to_numpy()
    return pd.DataFrame({"article_id": pd.array(ids[r], dtype="string"), "topic": c.astype("int64"),
                         "weight": Wn[r, c]})
