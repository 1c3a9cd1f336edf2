"""Topics over time and by outlet, with each group's words taken from that group's articles only.

A topic's words in a period (or an outlet) are the terms of the articles of that cluster *in
that period*, weighted by how characteristic they are of the topic: the sum of those
articles' TF-IDF rows times the topic's term vector. A term absent from every article of the
period has a zero sum, so it can never be one of the period's words (no leakage from other
periods, as happens when a global topic-term matrix is merely re-weighted by time).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._tables import as_list, check_columns, check_period, legacy_arguments, period_of
from .model import TopicModel

__all__ = ["topics_over_time", "topics_by"]


def _group_terms(model: TopicModel, rows: np.ndarray, topic: int, n_terms: int) -> list[str]:
    X = model.doc_term_[rows]
    present = np.asarray((X != 0).sum(axis=0)).ravel() > 0
    weight = np.asarray(abs(X).sum(axis=0)).ravel()
    profile = _topic_profile(model, topic)
    score = weight * (profile + 1e-9)  # characteristic of the topic, but never outside `present`
    score[~present] = 0.0
    order = np.argsort(-score, kind="stable")[:n_terms]
    return [str(model.feature_names_[j]) for j in order if score[j] > 0]


def _topic_profile(model: TopicModel, topic: int) -> np.ndarray:
    terms = model.topic_terms_[model.topic_terms_["topic"] == topic]
    profile = np.zeros(len(model.feature_names_))
    index = {t: i for i, t in enumerate(model.feature_names_)}
    for term, w in zip(terms["term"], terms["weight"], strict=False):
        profile[index[term]] = w
    total = profile.sum()
    return profile / total if total > 0 else profile


def topics_by(
    model: TopicModel,
    groups: pd.Series | np.ndarray | list,
    *,
    name: str = "group",
    n_terms: int = 10,
) -> pd.DataFrame:
    """Cluster sizes, shares and group-specific words of each topic in each group of articles.

    Parameters
    ----------
    model : TopicModel
    groups : Series, array or list
        One group value per article of the model, in the model's article order (e.g.
        ``model.meta_["source"]``). Articles whose group is missing are left out of the table.
    name : str
        Name of the group column in the result.
    n_terms : int
        Words per (group, topic).

    Returns
    -------
    DataFrame
        ``<name>``, ``topic``, ``n_articles`` (articles of the group in that cluster), ``share``
        (of the group's articles), ``weight`` (mean topic weight over the group's articles),
        ``terms`` (the group's words for the topic, space-separated, best first). One row per
        (group, topic) with at least one article.
    """
    values = pd.Series(np.asarray(groups, dtype=object))
    if len(values) != len(model.clusters_):
        raise ValueError(
            f"topics_by: {len(values)} group values for {len(model.clusters_)} articles; "
            "give one value per article of the model, in its order."
        )
    topics = model.clusters_["topic"].to_numpy()
    totals = model.doc_topic_.sum(axis=1, keepdims=True)
    Wn = np.divide(model.doc_topic_, totals, out=np.zeros_like(model.doc_topic_, dtype=float), where=totals > 0)
    rows = []
    keys = values[values.notna()].unique()
    for key in sorted(keys, key=lambda v: (str(type(v)), v)):
        in_group = (values == key).to_numpy()
        n_group = int(in_group.sum())
        for t in range(model.n_topics):
            members = np.flatnonzero(in_group & (topics == t))
            if not len(members):
                continue
            rows.append(
                {
                    name: key,
                    "topic": t,
                    "n_articles": len(members),
                    "share": len(members) / n_group,
                    "weight": float(Wn[in_group, t].mean()),
                    "terms": " ".join(_group_terms(model, members, t, n_terms)),
                }
            )
    return pd.DataFrame(rows, columns=[name, "topic", "n_articles", "share", "weight", "terms"])


@legacy_arguments(renamed={"freq": "period"})
def topics_over_time(
    model: TopicModel,
    *,
    articles: pd.DataFrame | None = None,
    period: Literal["D", "W", "M", "Q", "Y"] = "M",
    by: str | Sequence[str] | None = None,
    n_terms: int = 10,
) -> pd.DataFrame:
    """Topic prevalence and words per period (and optionally per outlet or language).

    Parameters
    ----------
    model : TopicModel
        Fitted on articles with a tz-aware ``published`` column.
    articles : DataFrame, optional
        The articles the model was fitted on, to take ``published`` and the ``by`` columns from (any of their
        columns); by default the model keeps ``published``, ``source``, ``lang`` and ``title`` (``meta_``).
    period : {"D", "W", "M", "Q", "Y"}
        Length of the periods (days, weeks, months, quarters, years), cut in the stored time zone of
        ``published``.
    by : str or list of str, optional
        Further columns of the articles (``"source"``, ``"lang"``) to split each period by.
    n_terms : int
        Words per (period, topic), from that period's articles only.

    Returns
    -------
    DataFrame
        ``period`` (a ``string`` label such as ``"2016Q1"``, see :func:`diplolib._tables.period_of`), the ``by``
        columns, ``topic``, ``n_articles``, ``share``, ``weight``, ``terms``. Articles without a date are left out.
    """
    func = "topics_over_time"
    by = as_list(by)
    check_period(period, func=func)
    meta = model.meta_
    if articles is not None:
        check_columns(articles, ["article_id", "published", *by], func=func, name="articles",
                      fix="pass the articles the model was fitted on")
        keep = articles[["article_id", "published", *by]].drop_duplicates("article_id")
        meta = meta[["article_id"]].merge(keep, on="article_id", how="left")
    check_columns(meta, ["published", *by], func=func, name="the model's articles",
                  fix="fit on articles with publication dates, or pass articles= with the by= columns")
    labels = period_of(meta["published"], period, func=func, precision=meta.get("published_precision"))
    parts = [labels, *(meta[c].astype(object) for c in by)]
    keys = pd.Series(list(zip(*parts, strict=True)), dtype=object).where(labels.notna().to_numpy(), None)
    table = topics_by(model, keys, name="_key", n_terms=n_terms)
    for k, col in enumerate(["period", *by]):
        table.insert(k, col, [key[k] for key in table["_key"]])
    table = table.drop(columns="_key").astype({"period": "string"})
    return table.sort_values(["period", *by, "topic"], kind="stable").reset_index(drop=True)
