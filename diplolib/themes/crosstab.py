"""Which themes surround which actors: :func:`theme_actor_crosstab`.

Theme × actor co-occurrence in the same window (sentence, paragraph, article), with the association measures of
:mod:`diplolib.stats`. A hit that is the actor's own name ("United Nations" for ``org:un`` and theme ``un``) does
not count unless ``same_words=True``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._tables import as_list, check_by, check_columns, check_option, legacy_arguments
from ..segment import locate, paragraph_spans
from ..stats import association_measures
from .prevalence import LEVELS, RESERVED, count_spans, top_level, untagged_ids

__all__ = ["theme_actor_crosstab"]

_WINDOWS = ("sentence", "paragraph", "article")
_COLUMNS = ["theme", "actor_id", "n", "n_theme", "n_actor", "n_windows", "share_of_actor", "lift", "npmi"]


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
    by = as_list(by)
    _check(theme_hits, mentions, articles, window=window, by=by, level=level, min_count=min_count,
           same_words=same_words)
    untagged = untagged_ids(theme_hits)
    h = theme_hits.loc[theme_hits["theme"].notna() & ~theme_hits["article_id"].isin(untagged)]
    m = mentions.loc[mentions["actor_id"].notna() & ~mentions["article_id"].isin(untagged)]
    H, M = _window_tables(h, m, articles, window=window, level=level, same_words=same_words)
    if articles is not None:
        arts = articles.loc[~articles["article_id"].isin(untagged), ["article_id", *by]]
        n_w = (np.ones(len(arts), dtype=np.int64) if window == "article"
               else count_spans(articles.loc[arts.index, "text"], window))
        arts = arts.assign(_n=n_w)
        H = H[H["article_id"].isin(arts["article_id"])]
        M = M[M["article_id"].isin(arts["article_id"])]
        group_of = arts.drop_duplicates("article_id")
    else:
        for name, table in (("theme_hits", theme_hits), ("mentions", mentions)):
            if by and not set(by) <= set(table.columns):
                raise ValueError(f"{fn}: by={by!r} needs those columns in articles= or in both hits and "
                                 f"mentions; {name} lack {[c for c in by if c not in table.columns]}.")
        group_of = pd.concat([h[["article_id", *by]], m[["article_id", *by]]]).drop_duplicates("article_id")
    if by:
        H = H.merge(group_of[["article_id", *by]], on="article_id", how="inner")
        M = M.merge(group_of[["article_id", *by]], on="article_id", how="inner")
    out = _counts(H, M, group_of if articles is not None else None, by=by, min_count=min_count,
                  same_words=same_words)
    out.attrs.update(window=window, level=level, windows_from="articles" if articles is not None else "annotations",
                     same_words=same_words)
    return out


def _check(hits, mentions, articles, *, window, by, level, min_count, same_words) -> None:
    fn = "theme_actor_crosstab"
    check_option(window, _WINDOWS, func=fn, name="window")
    check_option(level, LEVELS, func=fn, name="level")
    check_by(by, func=fn, reserved=RESERVED)
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


def _window_tables(h: pd.DataFrame, m: pd.DataFrame, articles, *, window: str, level: str,
                   same_words: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hits (``theme``) and mentions (``actor_id``) with their window ``w`` (and spans ``s``, ``a``, ``b``)."""
    H = pd.DataFrame({"article_id": h["article_id"].to_numpy(),
                      "theme": (top_level(h) if level == "parent" else h["theme"]).astype("string").to_numpy()})
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
    return H[H["w"].notna()].astype({"w": np.int64}), M[M["w"].notna()].astype({"w": np.int64})


def _counts(H: pd.DataFrame, M: pd.DataFrame, group_of: pd.DataFrame | None, *, by: list[str], min_count: int,
            same_words: bool) -> pd.DataFrame:
    """The cross-tabulation from window tables: counts, denominators and measures per (group,) theme and actor."""
    keys = ["article_id", "w", *by]
    self_only = _self_overlaps(H, M, keys) if not same_words else None
    H = H[[*keys, "theme"]].drop_duplicates()
    M = M[[*keys, "actor_id"]].drop_duplicates()
    if group_of is not None:  # every window of the tagged articles
        n_windows = (group_of.groupby(by, dropna=False)["_n"].sum().rename("n_windows").reset_index()
                     if by else pd.DataFrame({"n_windows": [int(group_of["_n"].sum())]}))
    else:  # the windows holding a hit or a mention
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
    out = out.sort_values([*by, "theme", "actor_id"], kind="stable")[[*by, *_COLUMNS]].reset_index(drop=True)
    return out.astype({"theme": "string", "actor_id": "string"})
