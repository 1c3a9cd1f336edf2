"""How much of each outlet's (or period's) coverage touches each theme, and which themes surround which actors.

Two tidy tables, both computed from the theme hits of :func:`~diplolib.themes.tag_themes`:

- :func:`theme_prevalence`: the share of articles (or sentences) of a group that carry a
  theme. Every theme × group combination has a row (zeros included) so that outlets and
  periods of different sizes compare; articles that could not be tagged (a language
  without cues, no text) are counted apart in ``n_untagged``, never as zeros.
- :func:`theme_actor_crosstab`: theme × actor co-occurrence in the same window (sentence,
  paragraph, article), with the measures of :mod:`diplolib.comention.measures`. A hit
  that is the actor's own name ("United Nations" for ``org:un`` and theme ``un``) does not
  count unless ``same_words=True``.
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
from ..segment import locate, paragraph_spans, sentence_spans
from ..stats import association_measures
from .dictionary import ThemeDictionary

__all__ = ["theme_prevalence", "theme_actor_crosstab", "UNITS", "LEVELS"]

UNITS = ("article", "sentence")
LEVELS = ("theme", "parent")
_WINDOWS = ("sentence", "paragraph", "article")
_RESERVED = ("article_id", "period", "theme", "parent", "actor_id", "n", "n_units", "share", "n_untagged", "n_theme",
             "n_actor", "n_windows", "share_of_actor", "lift", "npmi")


def _top_level(hits: pd.DataFrame) -> pd.Series:
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


def _count_spans(texts: pd.Series, window: str) -> np.ndarray:
    split = sentence_spans if window == "sentence" else paragraph_spans
    return np.array([len(split(t)) if isinstance(t, str) else 0 for t in texts], dtype=np.int64)


def _untagged_ids(hits: pd.DataFrame) -> set:
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
    check_by(by, func=fn, reserved=_RESERVED)
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
        meta["period"] = period_of(articles["published"], period, func=fn)
        undated = int(meta["period"].isna().sum())
        meta = meta[meta["period"].notna()]
        keys.append("period")
    untagged = _untagged_ids(hits)
    meta["_tagged"] = ~meta["article_id"].isin(untagged)
    if unit == "sentence":
        if "n_sentences" in articles.columns:
            counts = articles.loc[meta.index, "n_sentences"].fillna(0).to_numpy(dtype=np.int64)
        else:
            counts = _count_spans(articles.loc[meta.index, "text"], "sentence")
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
                          "theme": (_top_level(ok) if level == "parent" else ok["theme"]).astype("string").to_numpy()})
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


def _paragraph_of_hits(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    text_of = dict(zip(articles["article_id"], articles["text"], strict=True))
    para = np.full(len(hits), -1, dtype=np.int64)
    for aid, idx in hits.groupby("article_id", sort=False).indices.items():
        body = text_of.get(aid)
        if not isinstance(body, str):
            continue
        para[idx] = np.maximum(locate(hits["start"].iloc[idx].to_numpy(dtype=np.int64), paragraph_spans(body)), 0)
    return pd.Series(para, index=hits.index).where(lambda s: s >= 0)


def _self_overlaps(H: pd.DataFrame, M: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """(window, theme, actor) whose every hit × mention combination overlaps in the text.

    Overlapping spans lie in one sentence, so hits and mentions are paired within sentences
    (small products); a window is "self only" when the overlapping combinations are all of them.
    """
    on = list(dict.fromkeys([*keys, "s"]))
    pairs = H.merge(M, on=on, suffixes=("_h", "_m"))
    pairs = pairs[(pairs["a_h"] < pairs["b_m"]) & (pairs["a_m"] < pairs["b_h"])]
    if len(pairs) == 0:
        return pd.DataFrame(columns=[*keys, "theme", "actor_id"])
    overlap = pairs.groupby([*keys, "theme", "actor_id"], dropna=False).size().rename("k_o").reset_index()
    k_h = H.groupby([*keys, "theme"], dropna=False).size().rename("k_h").reset_index()
    k_m = M.groupby([*keys, "actor_id"], dropna=False).size().rename("k_m").reset_index()
    overlap = overlap.merge(k_h, on=[*keys, "theme"]).merge(k_m, on=[*keys, "actor_id"])
    return overlap.loc[overlap["k_o"] == overlap["k_h"] * overlap["k_m"], [*keys, "theme", "actor_id"]]


@legacy_arguments("mentions")
def theme_actor_crosstab(
    theme_hits: pd.DataFrame,
    *,
    mentions: pd.DataFrame,
    window: Literal["sentence", "paragraph", "article"] = "sentence",
    by: str | Sequence[str] | None = None,
    min_count: int = 1,
    articles: pd.DataFrame | None = None,
    level: Literal["theme", "parent"] = "theme",
    same_words: bool = False,
) -> pd.DataFrame:
    """Which themes surround which actors: theme × actor co-occurrence in the same window.

    Parameters
    ----------
    theme_hits : DataFrame
        Output of :func:`~diplolib.themes.tag_themes` (``article_id``, ``theme``, ``parent``,
        ``sentence``; ``start`` for paragraph windows). Articles marked untagged there
        (``theme`` ``<NA>``) are left out entirely, their mentions too: which themes they
        hold is unknown.
    mentions : DataFrame
        Output of :func:`~diplolib.actors.tag_actors` (``article_id``, ``actor_id``,
        ``sentence`` or ``paragraph``). Rows with ``actor_id`` NA are ignored.
    window : {"sentence", "paragraph", "article"}
        The unit in which a theme and an actor count as together. Sentences use the
        ``sentence`` column of both tables (the same numbering, :mod:`diplolib.segment`);
        paragraphs use the mentions' ``paragraph`` and, for hits, the paragraph of their
        ``start`` in ``articles["text"]`` (so ``articles`` is then required).
    by : str or list of str, optional
        Group columns (``source``, ``lang``…), taken from ``articles`` when given, else from
        the mentions and hits that carry them. Counts and measures are computed within groups.
    min_count : int
        Keep (theme, actor) pairs seen together in at least this many windows.
    articles : DataFrame, optional
        The articles (``article_id``; ``text`` for sentence and paragraph windows; the ``by``
        columns). When given, ``n_windows`` is every window of the tagged articles (all their
        sentences, paragraphs, or the articles themselves). Without it, ``n_windows`` is the
        number of windows holding a theme hit or an actor mention (windows without either are
        not seen), which raises ``n_theme / n_windows`` and lowers ``lift``.
    level : {"theme", "parent"}
        Leaf themes or their top-level themes.
    same_words : bool
        Whether a theme hit that overlaps the actor's own mention counts as the theme
        surrounding the actor. By default it does not: "United Nations" is both the actor
        ``org:un`` and a cue of the theme ``un``, "Islamic State" both an armed group and a
        ``terrorism`` cue, and such pairs would otherwise be near 100 % by construction. A
        window then counts for (theme, actor) only if some hit of the theme and some mention
        of the actor in it do not overlap (needs ``start``, ``end`` and ``sentence`` in both
        tables). ``n_theme`` and ``n_actor`` are unaffected.

    Returns
    -------
    DataFrame
        One row per (group,) theme and actor seen together at least ``min_count`` times
        (pairs never together are absent): the ``by`` columns, ``theme``, ``actor_id``, ``n``
        (windows with both), ``n_theme``, ``n_actor`` (windows with each), ``n_windows``,
        ``share_of_actor`` (``n / n_actor``: the share of the actor's windows that carry the
        theme), ``lift`` (``n * n_windows / (n_theme * n_actor)``; 1 at independence) and
        ``npmi`` (in [-1, 1]). Sorted by group, ``theme``, ``actor_id``. ``df.attrs`` holds
        ``window``, ``level``, ``same_words`` and ``windows_from`` (``"articles"`` or
        ``"annotations"``). The inputs are not modified.

    Examples
    --------
    >>> cross = theme_actor_crosstab(theme_hits, mentions=mentions, articles=articles)  # doctest: +SKIP
    >>> cross[cross["actor_id"] == "RUS"].sort_values("lift", ascending=False)  # doctest: +SKIP
    """
    fn = "theme_actor_crosstab"
    hits = theme_hits
    by = as_list(by)
    check_option(window, _WINDOWS, func=fn, name="window")
    check_option(level, LEVELS, func=fn, name="level")
    check_by(by, func=fn, reserved=_RESERVED)
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"{fn}: min_count={min_count!r} must be an integer >= 1.")
    spans = [] if same_words else ["sentence", "start", "end"]
    hit_cols = ["article_id", "theme", "parent", *spans]
    hit_cols += {"sentence": ["sentence"], "paragraph": ["start"]}.get(window, [])
    fix = "" if same_words else " (or pass same_words=True to skip the overlap check that needs start/end)"
    check_columns(hits, hit_cols, func=fn, name="theme_hits", fix="pass the output of tag_themes()" + fix)
    ment_cols = ["article_id", "actor_id", *spans] + ([window] if window != "article" else [])
    check_columns(mentions, ment_cols, func=fn, name="mentions", fix="pass the output of tag_actors()" + fix)
    if window == "paragraph" and articles is None:
        raise ValueError(f"{fn}: window='paragraph' needs articles=<the articles table with 'text'>: "
                         "hits carry no paragraph index, it is computed from the text.")
    if articles is not None:
        need = ["article_id", *by] + (["text"] if window != "article" else [])
        check_columns(articles, need, func=fn, name="articles",
                      fix="pass the articles given to tag_themes() and tag_actors()")

    untagged = _untagged_ids(hits)
    h = hits.loc[hits["theme"].notna() & ~hits["article_id"].isin(untagged)]
    m = mentions.loc[mentions["actor_id"].notna() & ~mentions["article_id"].isin(untagged)]
    H = pd.DataFrame({"article_id": h["article_id"].to_numpy(),
                      "theme": (_top_level(h) if level == "parent" else h["theme"]).astype("string").to_numpy()})
    M = pd.DataFrame({"article_id": m["article_id"].to_numpy(), "actor_id": m["actor_id"].astype("string").to_numpy()})
    if window == "sentence":
        H["w"], M["w"] = h["sentence"].to_numpy(), m["sentence"].to_numpy()
    elif window == "paragraph":
        H["w"], M["w"] = _paragraph_of_hits(h, articles).to_numpy(), m["paragraph"].to_numpy()
    else:
        H["w"], M["w"] = 0, 0
    if not same_words:
        for T, src in ((H, h), (M, m)):
            T["s"], T["a"], T["b"] = (src[c].to_numpy() for c in ("sentence", "start", "end"))
    H = H[H["w"].notna()].astype({"w": np.int64})
    M = M[M["w"].notna()].astype({"w": np.int64})

    if articles is not None:
        arts = articles.loc[~articles["article_id"].isin(untagged), ["article_id", *by]]
        if window == "article":
            n_w = np.ones(len(arts), dtype=np.int64)
        else:
            n_w = _count_spans(articles.loc[arts.index, "text"], window)
        arts = arts.assign(_n=n_w)
        H = H[H["article_id"].isin(arts["article_id"])]
        M = M[M["article_id"].isin(arts["article_id"])]
        group_of = arts.drop_duplicates("article_id")
    else:
        for name, table in (("theme_hits", hits), ("mentions", mentions)):
            if by and not set(by) <= set(table.columns):
                raise ValueError(f"{fn}: by={by!r} needs those columns in articles= or in both hits and "
                                 f"mentions; {name} lack {[c for c in by if c not in table.columns]}.")
        group_of = pd.concat([h[["article_id", *by]], m[["article_id", *by]]]).drop_duplicates("article_id")
    if by:
        H = H.merge(group_of[["article_id", *by]], on="article_id", how="inner")
        M = M.merge(group_of[["article_id", *by]], on="article_id", how="inner")
    keys = ["article_id", "w", *by]
    self_only = _self_overlaps(H, M, keys) if not same_words else None
    H = H[[*keys, "theme"]].drop_duplicates()
    M = M[[*keys, "actor_id"]].drop_duplicates()

    if articles is not None:
        n_windows = (group_of.groupby(by, dropna=False)["_n"].sum().rename("n_windows").reset_index()
                     if by else pd.DataFrame({"n_windows": [int(group_of["_n"].sum())]}))
    else:
        seen = pd.concat([H[["article_id", "w", *by]], M[["article_id", "w", *by]]]).drop_duplicates()
        n_windows = (seen.groupby(by, dropna=False).size().rename("n_windows").reset_index()
                     if by else pd.DataFrame({"n_windows": [len(seen)]}))
    n_theme = H.groupby([*by, "theme"], dropna=False).size().rename("n_theme").reset_index()
    n_actor = M.groupby([*by, "actor_id"], dropna=False).size().rename("n_actor").reset_index()
    both = H.merge(M, on=keys, how="inner")
    if self_only is not None and len(self_only):
        both = both.merge(self_only.assign(_self=True), on=[*keys, "theme", "actor_id"], how="left")
        both = both[both["_self"].isna()]
    n = both.groupby([*by, "theme", "actor_id"], dropna=False).size().rename("n").reset_index()
    n = n[n["n"] >= min_count]
    out = n.merge(n_theme, on=[*by, "theme"], how="left").merge(n_actor, on=[*by, "actor_id"], how="left")
    out = out.merge(n_windows, on=by, how="left") if by else out.assign(n_windows=int(n_windows["n_windows"][0]))
    for c in ("n", "n_theme", "n_actor", "n_windows"):
        out[c] = out[c].astype(np.int64)
    out["share_of_actor"] = out["n"] / out["n_actor"]
    measures = association_measures(out["n"], out["n_theme"], out["n_actor"], out["n_windows"])
    out["lift"], out["npmi"] = measures["lift"], measures["npmi"]
    cols = [*by, "theme", "actor_id", "n", "n_theme", "n_actor", "n_windows", "share_of_actor", "lift", "npmi"]
    out = out.sort_values([*by, "theme", "actor_id"], kind="stable")[cols].reset_index(drop=True)
    out["theme"] = out["theme"].astype("string")
    out["actor_id"] = out["actor_id"].astype("string")
    out.attrs.update(window=window, level=level, windows_from="articles" if articles is not None else "annotations",
                     same_words=same_words)
    return out
