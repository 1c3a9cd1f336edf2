"""Topics over time and by outlet, with each group's words taken from that group's articles only.

A topic's words in a period (or an outlet) are the terms of the articles of that cluster *in
that period*, weighted by how characteristic they are of the topic: the sum of those
articles' TF-IDF rows times the topic's term vector. A term absent from every article of the
period has a zero sum, so it can never be one of the period's words (no leakage from other
periods, as happens when a global topic-term matrix is merely re-weighted by time).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from .model import TopicModel

__all__ = ["topics_over_time", "topics_by"]


def _group_terms(model: TopicModel, rows: np.ndarray, topic: int, n_terms: int) -> list[str]:
    X = model.doc_term[rows]
    present = np.asarray((X != 0).sum(axis=0)).ravel() > 0
    weight = np.asarray(abs(X).sum(axis=0)).ravel()
    profile = _topic_profile(model, topic)
    score = weight * (profile + 1e-9)  # characteristic of the topic, but never outside `present`
    score[~present] = 0.0
    order = np.argsort(-score, kind="stable")[:n_terms]
    return [str(model.feature_names[j]) for j in order if score[j] > 0]


def _topic_profile(model: TopicModel, topic: int) -> np.ndarray:
    terms = model.topic_terms[model.topic_terms["topic"] == topic]
    profile = np.zeros(len(model.feature_names))
    index = {t: i for i, t in enumerate(model.feature_names)}
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
        ``model.meta["source"]``). Articles whose group is missing are left out of the table.
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
    if len(values) != len(model.clusters):
        raise ValueError(
            f"topics_by: {len(values)} group values for {len(model.clusters)} articles; "
            "give one value per article of the model, in its order."
        )
    topics = model.clusters["topic"].to_numpy()
    totals = model.doc_topic.sum(axis=1, keepdims=True)
    Wn = np.divide(model.doc_topic, totals, out=np.zeros_like(model.doc_topic, dtype=float), where=totals > 0)
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


def topics_over_time(
    model: TopicModel,
    *,
    freq: Literal["D", "W", "M", "Q", "Y"] = "M",
    by: str | None = None,
    n_terms: int = 10,
) -> pd.DataFrame:
    """Topic prevalence and words per period (and optionally per outlet or language).

    Parameters
    ----------
    model : TopicModel
        Fitted on articles with a tz-aware ``published`` column.
    freq : {"D", "W", "M", "Q", "Y"}
        Length of the periods (days, weeks, months, quarters, years).
    by : str, optional
        A further column of the articles (``"source"``, ``"lang"``) to split each period by.
    n_terms : int
        Words per (period, topic), from that period's articles only.

    Returns
    -------
    DataFrame
        ``period`` (start of the bin, tz-aware), [``by``], ``topic``, ``n_articles``, ``share``,
        ``weight``, ``terms``. Articles without a date are left out.
    """
    if "published" not in model.meta.columns:
        raise ValueError(
            "topics_over_time: the model's articles had no 'published' column; fit on articles with publication dates."
        )
    published = pd.to_datetime(model.meta["published"], errors="coerce")
    if by is not None and by not in model.meta.columns:
        raise ValueError(
            f"topics_over_time: by={by!r} is not a column of the model's articles ({list(model.meta.columns)})."
        )
    tz = getattr(published.dt, "tz", None)
    naive = published.dt.tz_convert(None) if tz is not None else published
    if freq not in ("D", "W", "M", "Q", "Y"):
        raise ValueError(f"topics_over_time: freq={freq!r}; choose 'D', 'W', 'M', 'Q' or 'Y'.")
    period = naive.dt.to_period(freq).dt.start_time
    if tz is not None:
        period = period.dt.tz_localize("UTC").dt.tz_convert(tz)
    keys = period.astype(object).where(period.notna(), None)
    if by is not None:
        keys = pd.Series(list(zip(period, model.meta[by].astype(object), strict=False)), dtype=object).where(
            period.notna(), None
        )
    table = topics_by(model, keys, name="_key", n_terms=n_terms)
    if by is not None:
        table.insert(0, "period", [k[0] for k in table["_key"]])
        table.insert(1, by, [k[1] for k in table["_key"]])
    else:
        table.insert(0, "period", table["_key"])
    table = table.drop(columns="_key")
    table["period"] = pd.to_datetime(table["period"], utc=tz is not None)
    if tz is not None:
        table["period"] = table["period"].dt.tz_convert(tz)
    return table.sort_values(["period"] + ([by] if by else []) + ["topic"], kind="stable").reset_index(drop=True)
