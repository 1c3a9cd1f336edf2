"""Topics on partitions: a :class:`~diplolib.topics.TopicModel` fitted on a sample, applied to each partition.

:func:`apply_topics` is :meth:`diplolib.topics.TopicModel.transform` on one partition (words only: the
model is fitted on the sample's words). Articles outside the sample get weights from the fitted model, so their topics
can differ from a model fitted on all articles (that is the point of fitting on a sample).
"""

from __future__ import annotations

from typing import Any

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
    return model.transform(articles)
