"""Counting actors: how often, where and when each actor is mentioned."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

from .._tables import as_list, check_by, check_columns, check_period, legacy_arguments, period_of

__all__ = ["actor_counts"]

_OUTPUT = ("article_id", "period", "actor_id", "mentions", "articles", "articles_in_group", "share", "label", "kind")


@legacy_arguments("articles")
def actor_counts(
    mentions: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    by: str | Sequence[str] | None = "source",
    period: Literal["D", "W", "M", "Q", "Y"] | None = None,
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
    period : {"D", "W", "M", "Q", "Y"}, optional
        Also group by the period of ``published``, cut in its stored time zone (articles without a date fall
        in an empty period).
    actors : DataFrame, optional
        The registry's actors table; adds ``label`` and ``kind``.

    Returns
    -------
    DataFrame
        One row per group and actor: the group columns (and ``period``, a ``string`` label such as
        ``"2016Q1"``), ``actor_id``, ``mentions``, ``articles`` (articles mentioning the actor),
        ``articles_in_group``, ``share`` (= articles / articles_in_group), then ``label`` and ``kind`` when
        ``actors`` is given; sorted by group and decreasing ``articles``.
    """
    func = "actor_counts"
    keys = as_list(by)
    check_period(period, func=func)
    check_by(keys, func=func, reserved=_OUTPUT)
    check_columns(articles, ["article_id", *keys, *(["published"] if period else [])], func=func,
                  name="articles", fix="pass the articles table from load_articles() or change by=")
    check_columns(mentions, ["article_id", "actor_id"], func=func, name="mentions",
                  fix="pass the mentions table from tag_actors()")
    meta = articles[["article_id", *keys]].copy()
    if period:
        meta["period"] = period_of(articles["published"], period, func=func,
                                   precision=articles.get("published_precision"))
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
