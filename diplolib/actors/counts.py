"""Counting actors: how often, where and when each actor is mentioned."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

__all__ = ["actor_counts"]


def actor_counts(
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "source",
    period: Literal["M", "Q", "Y"] | None = None,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mentions and articles per actor, within groups of articles (outlet, language, period).

    Parameters
    ----------
    mentions : DataFrame
        From :func:`~diplolib.actors.tag_actors`; unresolved mentions (empty ``actor_id``) are left out.
    articles : DataFrame
        The articles table: it gives each group's volume (``articles_in_group``) so that shares can be
        compared across outlets and periods of different sizes.
    by : str or list of str, optional
        Article columns to group by (default ``source``).
    period : {"M", "Q", "Y"}, optional
        Also group by the period of ``published`` (articles without a date fall in an empty period).
    actors : DataFrame, optional
        The registry's actors table; adds ``label`` and ``kind``.

    Returns
    -------
    DataFrame
        One row per group and actor: the group columns (and ``period``), ``actor_id``, ``mentions``,
        ``articles`` (articles mentioning the actor), ``articles_in_group``, ``share`` (= articles /
        articles_in_group), then ``label`` and ``kind`` when ``actors`` is given; sorted by group and
        decreasing ``articles``.
    """
    keys = [by] if isinstance(by, str) else list(by or [])
    for col in ("article_id", *keys, *(["published"] if period else [])):
        if col not in articles.columns:
            raise ValueError(f"actor_counts: articles lack column {col!r}; pass the articles table from "
                             "load_articles() or change by=.")
    if "article_id" not in mentions.columns or "actor_id" not in mentions.columns:
        raise ValueError("actor_counts: mentions need article_id and actor_id (the output of tag_actors).")
    meta = articles[["article_id", *keys]].copy()
    if period:
        published = pd.to_datetime(articles["published"], errors="coerce", utc=True)
        meta["period"] = published.dt.tz_localize(None).dt.to_period(period).astype("string")
        keys = [*keys, "period"]
    m = mentions.loc[mentions["actor_id"].notna(), ["article_id", "actor_id"]].merge(meta, on="article_id")
    grouped = m.groupby([*keys, "actor_id"], dropna=False)
    out = grouped.size().rename("mentions").to_frame()
    out["articles"] = grouped["article_id"].nunique()
    out = out.reset_index()
    volume = meta.groupby(keys, dropna=False).size().rename("articles_in_group").reset_index() if keys else None
    if volume is not None:
        out = out.merge(volume, on=keys, how="left")
    else:
        out["articles_in_group"] = len(meta)
    out["share"] = out["articles"] / out["articles_in_group"]
    if actors is not None:
        out = out.merge(actors[["actor_id", "label", "kind"]], on="actor_id", how="left")
    return out.sort_values([*keys, "articles", "actor_id"], ascending=[True] * len(keys) + [False, True],
                           kind="stable").reset_index(drop=True)
