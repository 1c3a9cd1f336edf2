"""How much of each outlet's (or period's) coverage touches each theme: :func:`theme_prevalence`.

The share of articles (or sentences) of a group that carry a theme, from the theme hits of
:func:`~diplolib.themes.tag_themes`. Every theme × group combination has a row (zeros included) so that outlets
and periods of different sizes compare; articles that could not be tagged (a language without cues, no text) are
counted apart in ``n_untagged``, never as zeros. Which themes surround which actors is
:func:`diplolib.themes.crosstab.theme_actor_crosstab`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._tables import (
    as_list,
    check_by,
    check_columns,
    check_option,
    check_period,
    legacy_arguments,
    period_of,
)
from ..segment import paragraph_spans, sentence_spans
from .dictionary import ThemeDictionary

__all__ = ["theme_prevalence", "UNITS", "LEVELS", "RESERVED", "top_level", "count_spans", "untagged_ids"]

UNITS = ("article", "sentence")
LEVELS = ("theme", "parent")
_WINDOWS = ("sentence", "paragraph", "article")
#: Column names the theme tables write themselves (refused as ``by`` columns).
RESERVED = ("article_id", "period", "theme", "parent", "actor_id", "n", "n_units", "share", "n_untagged", "n_theme",
             "n_actor", "n_windows", "share_of_actor", "lift", "npmi")


def top_level(hits: pd.DataFrame) -> pd.Series:
    """The top-level theme of each hit: its parent, or the theme itself for a top-level theme."""
    return hits["parent"].astype("string").fillna(hits["theme"].astype("string"))


def _theme_list(hits: pd.DataFrame, dictionary: ThemeDictionary | None, level: str) -> pd.DataFrame:
    """``theme``, ``parent`` of every theme to report, in dictionary order (else sorted)."""
    seen = hits.loc[hits["theme"].notna(), ["theme", "parent"]].astype("string").drop_duplicates("theme")
    if dictionary is not None:
        with_cues = set(dictionary.cues.loc[dictionary.cues["kind"] == "include", "theme"])
        known = dictionary.themes[dictionary.themes["theme"].isin(with_cues)][["theme", "parent"]]
        known = known.astype("string")
        extra = seen[~seen["theme"].isin(known["theme"])].sort_values("theme")
        themes = pd.concat([known, extra], ignore_index=True)
    else:
        themes = seen.sort_values("theme", kind="stable").reset_index(drop=True)
    if level == "parent":
        top = themes["parent"].fillna(themes["theme"])
        themes = pd.DataFrame({"theme": top.drop_duplicates().to_numpy(), "parent": pd.NA})
    return themes.astype({"theme": "string", "parent": "string"}).reset_index(drop=True)


def count_spans(texts: pd.Series, window: str) -> np.ndarray:
    """The number of sentences (or paragraphs) of each text, as :mod:`diplolib.segment` cuts them."""
    split = sentence_spans if window == "sentence" else paragraph_spans
    return np.array([len(split(t)) if isinstance(t, str) else 0 for t in texts], dtype=np.int64)


def untagged_ids(hits: pd.DataFrame) -> set:
    """The articles that could not be tagged (rows with ``theme`` ``<NA>``)."""
    return set(hits.loc[hits["theme"].isna(), "article_id"]) if len(hits) else set()


@legacy_arguments("articles")
def theme_prevalence(
    theme_hits: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    by: str | Sequence[str] | None = ("source",),
    period: Literal["D", "W", "M", "Q", "Y"] | None = None,
    unit: Literal["article", "sentence"] = "article",
    level: Literal["theme", "parent"] = "theme",
    dictionary: ThemeDictionary | None = None,
) -> pd.DataFrame:
    """Share of each group's articles (or sentences) that carry each theme.

    Parameters
    ----------
    theme_hits : DataFrame
        Output of :func:`~diplolib.themes.tag_themes`: ``article_id``, ``theme``, ``parent``
        (and ``sentence`` for ``unit="sentence"``). Rows with ``theme`` ``<NA>`` mark
        articles that could not be tagged. Hits of articles absent from ``articles`` are ignored.
    articles : DataFrame
        The tagged articles: ``article_id`` (unique), the ``by`` columns, ``published`` for
        ``period=``, ``text`` for ``unit="sentence"`` (or an ``n_sentences`` column with the
        number of :func:`~diplolib.segment.sentence_spans` of each text). Articles without any
        hit count as tagged units without the theme (a true zero).
    by : str or list of str, optional
        Article columns to group by (default the outlet, ``source``); None for the whole corpus.
        A missing value (NA) forms its own group.
    period : {"D", "W", "M", "Q", "Y"}, optional
        Also group by day, week (Monday to Sunday), month, quarter or year of ``published``, cut
        in its stored time zone. Articles without a date are dropped; their number is in
        ``df.attrs["undated"]`` (0 when none or without ``period``).
    unit : {"article", "sentence"}
        What is counted: articles holding at least one hit of the theme, or sentences.
    level : {"theme", "parent"}
        Leaf themes, or top-level themes (a unit with hits of several leaves of one
        top-level theme counts once).
    dictionary : ThemeDictionary, optional
        Report every theme of this dictionary that has cues (zeros for those never hit), in
        dictionary order. Default: the themes seen in ``hits``, sorted.

    Returns
    -------
    DataFrame
        One row per group and theme: the ``by`` columns, ``period`` (a ``string`` label such as
        ``"2016Q1"``, see :func:`diplolib._tables.period_of`; with ``period=`` only), ``theme``, ``parent``
        (top-level theme; ``<NA>`` for a top-level theme and always with ``level="parent"``),
        ``n`` (units of the group holding the theme), ``n_units`` (tagged units of the group:
        its volume), ``share`` (``n / n_units``; ``<NA>`` when the group has no tagged unit),
        ``n_untagged`` (articles of the group that could not be tagged: reported apart, not
        counted as zeros). Sorted by group, then theme order. ``df.attrs`` holds ``unit``,
        ``level``, ``period`` and ``undated``. The inputs are not modified.

    Examples
    --------
    >>> theme_hits = tag_themes(articles)  # doctest: +SKIP
    >>> prev = theme_prevalence(theme_hits, articles=articles, by="source", period="Q")  # doctest: +SKIP
    """
    fn = "theme_prevalence"
    hits = theme_hits
    by = as_list(by)
    check_period(period, func=fn)
    check_option(unit, UNITS, func=fn, name="unit")
    check_option(level, LEVELS, func=fn, name="level")
    check_by(by, func=fn, reserved=RESERVED)
    check_columns(hits, ["article_id", "theme", "parent"] + (["sentence"] if unit == "sentence" else []), func=fn,
                  name="theme_hits", fix="pass the output of tag_themes()")
    check_columns(articles, ["article_id"], func=fn, name="articles", fix="pass the articles given to tag_themes()")
    need = ["article_id", *by] + (["published"] if period else [])
    if unit == "sentence" and "n_sentences" not in articles.columns:
        need.append("text")
    check_columns(articles, need, func=fn, name="articles",
                  fix="pass the articles given to tag_themes() or change by=/period=")
    if not articles["article_id"].is_unique:
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].iloc[0]
        raise ValueError(f"{fn}: articles have repeated article_id values (e.g. {dup!r}); "
                         "drop duplicates first, e.g. articles.drop_duplicates('article_id').")

    meta = articles[["article_id", *by]].copy()
    keys = list(by)
    undated = 0
    if period:
        meta["period"] = period_of(articles["published"], period, func=fn,
                                   precision=articles.get("published_precision"))
        undated = int(meta["period"].isna().sum())
        meta = meta[meta["period"].notna()]
        keys.append("period")
    untagged = untagged_ids(hits)
    meta["_tagged"] = ~meta["article_id"].isin(untagged)
    if unit == "sentence":
        if "n_sentences" in articles.columns:
            counts = articles.loc[meta.index, "n_sentences"].fillna(0).to_numpy(dtype=np.int64)
        else:
            counts = count_spans(articles.loc[meta.index, "text"], "sentence")
        meta["_units"] = np.where(meta["_tagged"], counts, 0)
    else:
        meta["_units"] = meta["_tagged"].astype(np.int64)
    meta["_untagged"] = (~meta["_tagged"]).astype(np.int64)

    if keys:
        groups = (meta.groupby(keys, dropna=False, sort=True)[["_units", "_untagged"]].sum().reset_index()
                  .rename(columns={"_units": "n_units", "_untagged": "n_untagged"}))
    else:
        groups = pd.DataFrame({"n_units": [int(meta["_units"].sum())], "n_untagged": [int(meta["_untagged"].sum())]})
    themes = _theme_list(hits, dictionary, level)
    themes["_order"] = np.arange(len(themes))
    grid = groups.merge(themes, how="cross")

    ok = hits.loc[hits["theme"].notna() & hits["article_id"].isin(meta.loc[meta["_tagged"], "article_id"])]
    found = pd.DataFrame({"article_id": ok["article_id"].to_numpy(),
                          "theme": (top_level(ok) if level == "parent" else ok["theme"]).astype("string").to_numpy()})
    if unit == "sentence":
        found["sentence"] = ok["sentence"].to_numpy()
        found = found[found["sentence"].notna()]
    found = found.drop_duplicates().merge(meta[["article_id", *keys]], on="article_id", how="inner")
    n = found.groupby([*keys, "theme"], dropna=False, sort=False).size().rename("n").reset_index()
    out = grid.merge(n, on=[*keys, "theme"], how="left")
    out["n"] = out["n"].fillna(0).astype(np.int64)
    out["n_units"] = out["n_units"].astype(np.int64)
    out["n_untagged"] = out["n_untagged"].astype(np.int64)
    out["share"] = (out["n"] / out["n_units"].where(out["n_units"] > 0)).astype("Float64")
    out = out.sort_values([*keys, "_order"], kind="stable", na_position="last")
    out = out[[*keys, "theme", "parent", "n", "n_units", "share", "n_untagged"]].reset_index(drop=True)
    out = out.astype({"theme": "string", "parent": "string"})
    out.attrs.update(unit=unit, level=level, period=period, undated=undated)
    return out
