"""Co-mention counts per window group: the pair counts behind :func:`~diplolib.comention.co_mentions`.

A *window* is a sentence, a paragraph or a whole article. For each group of windows
(all windows, or one outlet / language / period with ``by=`` and ``period=``) we count,
for every pair of actors, the windows holding both, and for every actor the windows holding
it. Groups are stacked as blocks of rows (one row per (group, actor)), so one pass serves
every group and no count leaks between groups. The counts are exact: the pairs are listed
window by window in numpy (:func:`~diplolib.comention.pairs.pair_counts`); the former path,
one sparse product ``X @ X.T`` of the (actor × window) indicator, is kept as the reference
(:func:`~diplolib.comention.pairs.pair_counts_product`) and gives the same tables.

Counts of article-disjoint parts add up (:func:`sum_counts`), which is how the Dask path
counts partitions separately and sums once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from .._memory import release_freed_memory
from .._tables import as_list, check_by, check_columns, check_option, check_period, period_of
from ..stats import MEASURES
from .codes import combine, compress, run_codes, sorted_codes, window_runs
from .dates import to_ns
from .pairs import pair_counts, pair_counts_product

__all__ = ["WINDOWS", "COUNT_COLUMNS", "CoMentionCounts", "comention_counts", "sum_counts", "with_article_columns"]

WINDOWS = ("sentence", "paragraph", "article")
#: Count columns of the edges table.
COUNT_COLUMNS = ["n", "n_a", "n_b", "n_windows"]
#: Count pairs by sorting and listing them in numpy (:func:`~diplolib.comention.pairs.pair_counts`); ``False``
#: takes the reference path, the sparse product (the tests compare the two).
_FAST = True
#: Number (article, window) pairs as runs of mentions in text order (:func:`~diplolib.comention.codes.window_runs`);
#: ``False`` combines the article and window codes (the tests compare the two).
_RUNS = True


def with_article_columns(mentions: pd.DataFrame, *, articles: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The mentions with the article ``columns`` they lack (``published``, group columns), joined on ``article_id``.

    Columns the mentions already have, or the articles do not have, are left as they are.
    """
    cols = ["article_id", *[c for c in dict.fromkeys(columns) if c in articles.columns and c not in mentions.columns]]
    pos = _article_positions(mentions["article_id"], articles["article_id"]) if len(cols) > 1 else None
    if pos is None:
        return mentions.merge(articles[cols], on="article_id", how="left")
    out = mentions.reset_index(drop=True)  # what the merge gives: a fresh RangeIndex, the mentions' columns
    for c in cols[1:]:
        out[c] = articles[c].take(pos).reset_index(drop=True)
    return out


def _article_positions(keys: pd.Series, article_ids: pd.Series) -> np.ndarray | None:
    """Each mention's row in the articles, when that is what a left merge pairs it with, else ``None``.

    Memory: a merge copies every mention column it returns (~180 bytes a mention at 1.4 M mentions, the pandas
    path's peak); columns taken by position leave the mentions' own columns shared. The merge is kept whenever it
    could give something else: an article id twice in the articles (rows repeated), or a mention whose article is
    missing or unknown (missing values, upcast dtypes). Keys are factorized first (pyarrow's dictionary encoding
    for Arrow strings), so only the distinct ids are looked up.
    """
    if not article_ids.is_unique:
        return None
    codes, uniques = pd.factorize(keys)
    if len(codes) and codes.min() < 0:
        return None
    at = pd.Index(article_ids).get_indexer(pd.Index(uniques).astype(article_ids.dtype, copy=False))
    if (at < 0).any():
        return None
    return at.astype(np.int32 if len(at) < 2**31 else np.int64, copy=False)[codes]  # int32: half the positions


def _join_articles(mentions: pd.DataFrame, articles: pd.DataFrame, *, window: str, by: Sequence[str]
                    ) -> pd.DataFrame:
    """:func:`with_article_columns` (``published`` and the ``by`` columns) of the mention columns the counts read.

    Memory: a join copies every column it is given, so only ``article_id``, ``actor_id``, the window, ``kind``,
    ``published`` and the ``by`` columns go in (not ``surface``, offsets, ``method``...: a whole second mentions
    table at the pandas path's peak otherwise). And the articles' ``article_id`` takes the mentions' string dtype
    when both are pandas string columns of two kinds (``tag_actors`` writes ``str``, ``load_articles``
    ``string``): on two string dtypes pandas joins into an ``object`` column with one Python string per mention
    row. The key is only a join key here: the counts read it through ``factorize``, the same codes either way.
    """
    used = {"article_id", "actor_id", window, "kind", "published", *by}
    mentions = mentions[[c for c in mentions.columns if c in used]]
    left, right = mentions.get("article_id"), articles["article_id"]
    if (left is not None and isinstance(left.dtype, pd.StringDtype) and isinstance(right.dtype, pd.StringDtype)
            and left.dtype != right.dtype):
        cols = [c for c in dict.fromkeys(["article_id", "published", *by]) if c in articles.columns]
        articles = articles[cols].assign(article_id=right.astype(left.dtype))
    return with_article_columns(mentions, articles=articles, columns=["published", *by])


_RESERVED = ("article_id", "actor_id", "actor_a", "actor_b", "window", *COUNT_COLUMNS, *MEASURES, "first", "last",
             "period")


def _prepare(mentions, window, by, period, kinds, actors, articles
             ) -> tuple[pd.DataFrame, list[str], object, np.ndarray | None]:
    """The columns the counts read, the group columns, the dates' dtype, and which rows count (None: every row).

    Rows without an actor, article, window or group value (or of other ``kinds``) are not copied out: the codes
    are taken over every row and filtered (:func:`_codes`), so no filtered copy of the string ids is made.
    """
    func = "co_mentions"
    check_columns(mentions, [], func=func, name="mentions", fix="pass the mentions table from tag_actors()")
    check_option(window, WINDOWS, func=func, name="window")
    check_period(period, func=func)
    check_by(by, func=func, reserved=_RESERVED)
    given = list(mentions.columns)
    if articles is not None:
        wanted = [c for c in (*by, *(["published"] if period else [])) if c not in mentions.columns]
        check_columns(articles, ["article_id", *wanted], func=func, name="articles",
                      fix="pass the articles table the mentions were tagged on")
        mentions = _join_articles(mentions, articles, window=window, by=by)
    need = ["article_id", "actor_id"] + ([window] if window != "article" else [])
    if period is not None or "published" in mentions.columns:
        need.append("published")
    need += [c for c in by if c not in need]
    if kinds is not None and actors is None:
        need.append("kind")
    missing = [c for c in dict.fromkeys(need) if c not in mentions.columns]
    if missing:
        hint = {
            "published": " (pass articles=<the articles table>, or join the articles' `published` to the "
            "mentions: mentions.merge(articles[['article_id', 'published']], on='article_id'))",
            "kind": " (add actor kinds: pass actors=<table with actor_id, kind> or join them)",
        }
        fix = (
            "".join(hint.get(c, "") for c in missing)
            or f" (the mentions table has {given}; pick window/by from those, or pass "
            "articles= to take by columns from the articles)"
        )
        raise ValueError(f"{func}: mentions lack column(s) {missing}{fix}.")
    df = mentions[list(dict.fromkeys(need))].copy(deep=False)
    date_dtype = "datetime64[ns, UTC]"
    if "published" in df.columns:
        pub = df["published"]
        if not pd.api.types.is_datetime64_any_dtype(pub) and pub.isna().all():  # no dates at all
            df["published"] = pub = pd.Series(pd.NaT, index=df.index, dtype=date_dtype)
        if not pd.api.types.is_datetime64_any_dtype(pub):
            raise ValueError(
                f"{func}: column 'published' must hold datetimes, not "
                f"{pub.dtype}; convert it with pd.to_datetime(..., utc=True)."
            )
        date_dtype = pub.dtype
    if kinds is not None:
        if actors is not None:
            check_columns(actors, ["actor_id", "kind"], func=func, name="actors",
                          fix="pass the registry's actors table (load_registry().actors)")
            kind_of = actors.drop_duplicates("actor_id").set_index("actor_id")["kind"]
            df["kind"] = df["actor_id"].map(kind_of)
    keep = df["actor_id"].notna() & df["article_id"].notna()
    if kinds is not None:
        keep &= df["kind"].isin(as_list(kinds))
    if window != "article":
        keep &= df[window].notna()
    for c in by:
        keep &= df[c].notna()
    if period is not None:
        df = df.assign(period=period_of(df["published"], period, func=func, precision=df.get("published_precision")))
        keep &= df["period"].notna()
        by = [*by, "period"]
    keep = keep.to_numpy(dtype=bool)
    return df, by, date_dtype, (None if keep.all() else keep)


class CoMentionCounts(NamedTuple):
    """Co-mention counts of one set of windows, before the measures: what partitions return and what adds up.

    Attributes
    ----------
    pairs : DataFrame
        One row per (group, pair) seen together: ``a``, ``b`` (row positions in ``actors``, ``a < b``),
        ``n`` (windows holding both), ``first``, ``last`` (int64 ns since the epoch, UTC, of the earliest
        and latest window; min int64 = none). Sorted by ``a``, ``b``.
    actors : DataFrame
        One row per (group, actor): the group columns, ``actor_id`` (str), ``n`` (windows holding it),
        ``group`` (row position in ``windows``). Sorted by group, then ``actor_id``.
    windows : DataFrame
        One row per group: the group columns and ``n_windows``. Sorted by group.
    window : str
    by : list of str
        The group columns (``by`` then ``period``).
    date_dtype : dtype
        The dtype of ``first`` and ``last`` in the edges table.
    """

    pairs: pd.DataFrame
    actors: pd.DataFrame
    windows: pd.DataFrame
    window: str
    by: list[str]
    date_dtype: object


def comention_counts(
    mentions: pd.DataFrame,
    *,
    window: Literal["sentence", "paragraph", "article"] = "sentence",
    by: str | Sequence[str] | None = None,
    period: Literal["D", "W", "M", "Q", "Y"] | None = None,
    kinds: str | Sequence[str] | None = None,
    actors: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    min_count: int = 1,
) -> CoMentionCounts:
    """The additive part of :func:`co_mentions`: pair, actor and window counts with first/last dates.

    Counts of disjoint sets of windows (e.g. partitions holding whole articles) add up with
    :func:`sum_counts`; :func:`edges_from_counts` turns the total into the edges table, so that
    ``edges_from_counts(sum_counts([comention_counts(p, ...) for p in parts]))`` equals
    ``co_mentions(pd.concat(parts), ...)``. Options as in :func:`co_mentions`; ``min_count`` above 1 drops
    rarer pairs here already (their counts then no longer add up across parts).

    Returns
    -------
    CoMentionCounts
    """
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"co_mentions: min_count={min_count!r} must be an integer >= 1.")
    df, by, date_dtype, keep = _prepare(mentions, window, as_list(by), period, kinds, actors, articles)
    if len(df) == 0 or (keep is not None and not keep.any()):
        return _empty_counts(df.iloc[:0], window, by, date_dtype)
    release_freed_memory()  # the join's temporaries, before the codes
    c = _codes(df, by, window, keep)
    pub_ns = to_ns(df["published"]) if "published" in df.columns else None
    pub_ns = pub_ns[keep] if pub_ns is not None and keep is not None else pub_ns
    df = df[by]  # only the group columns are read below
    release_freed_memory()  # and their memory (and the join's, the codes') goes back before the cells table
    count = pair_counts if _FAST else pair_counts_product
    i, j, n, first, last, n_each = count(c.win_codes, c.rows, n_win=c.n_win, row_group=c.row_group,
                                         pub_ns=pub_ns, min_count=min_count)
    if by:
        first_rows = pd.Series(np.arange(len(c.group_codes))).groupby(c.group_codes, sort=True).first().to_numpy()
        first_rows = first_rows if keep is None else np.flatnonzero(keep)[first_rows]  # rows of df, not kept rows
        windows = df[by].iloc[first_rows].reset_index(drop=True)
    else:
        windows = pd.DataFrame(index=range(c.n_groups))
    if c.n_groups == 1:
        windows["n_windows"] = np.array([c.n_win], dtype=np.int64)
    else:
        win_group = np.zeros(c.n_win, dtype=np.int64)
        win_group[c.win_codes] = c.group_codes
        windows["n_windows"] = np.bincount(win_group, minlength=c.n_groups).astype(np.int64)
    labels_s = pd.Series(c.actor_labels, dtype=str)  # take() on the 1-per-actor labels: no per-row str objects
    actor_table = windows[by].take(c.row_group).reset_index(drop=True)
    actor_table["actor_id"] = labels_s.take(c.row_actor).reset_index(drop=True)
    actor_table["n"] = n_each
    actor_table["group"] = c.row_group
    # copy=False: five fresh arrays of their own, not stacked into one 2-D block (a copy of each)
    last = last.copy() if last is first else last  # no dates: one array of NaT serves both
    pairs = pd.DataFrame({"a": i, "b": j, "n": n, "first": first, "last": last}, copy=False)
    return CoMentionCounts(pairs, actor_table, windows, window, by, date_dtype)


class _Codes(NamedTuple):
    """Integer codes of the mentions: actors, groups, windows, and the rows of X (one per group and actor)."""

    actor_labels: np.ndarray
    group_codes: np.ndarray
    n_groups: int
    win_codes: np.ndarray
    n_win: int
    rows: np.ndarray
    n_rows: int
    row_group: np.ndarray
    row_actor: np.ndarray


def _codes(df: pd.DataFrame, by: list[str], window: str, keep: np.ndarray | None) -> _Codes:
    """The codes of the rows ``keep`` marks (every row when None), taken over all rows and then filtered."""
    actor_codes, actor_labels = sorted_codes(df["actor_id"], keep=keep)
    n_act = len(actor_labels)
    if by:
        parts = [pd.factorize(df[c], sort=True) for c in by]
        group_codes, n_groups = combine([p[0] if keep is None else p[0][keep] for p in parts],
                                        [len(p[1]) for p in parts])
    else:  # one group: a read-only zero per row, no array
        group_codes, n_groups = np.broadcast_to(np.int64(0), (len(actor_codes),)), 1
    win_codes, n_win = _window_runs(df, window, keep)
    if n_groups > 1:
        win_codes, n_win = combine([group_codes, win_codes], [n_groups, n_win])
    # rows of X: one per (group, actor), ordered by group then actor label
    if n_groups == 1:  # the rows are the actors (no scatter over every mention)
        rows, n_rows = actor_codes, n_act
        row_group, row_actor = np.zeros(n_rows, dtype=np.int64), np.arange(n_rows, dtype=np.int64)
    else:
        rows, n_rows = compress(group_codes * n_act + actor_codes, n_groups * n_act)
        row_group = np.zeros(n_rows, dtype=np.int64)
        row_group[rows] = group_codes
        row_actor = np.zeros(n_rows, dtype=np.int64)
        row_actor[rows] = actor_codes
    return _Codes(actor_labels, group_codes, n_groups, win_codes, n_win, rows, n_rows, row_group, row_actor)


def _window_runs(df: pd.DataFrame, window: str, keep: np.ndarray | None) -> tuple[np.ndarray, int]:
    """Codes of the kept rows' (article, window): numbered as runs when the mentions come in text order
    (:func:`~diplolib.comention.codes.window_runs`, one int32 a row), else the article and window codes combined."""
    runs = window_runs(df["article_id"], None if window == "article" else df[window], keep=keep) if _RUNS else None
    if runs is not None:
        return runs
    unit = [run_codes(df["article_id"])]
    if window != "article":
        unit.append(_window_codes(df[window]))
    codes, n = unit[0] if len(unit) == 1 else combine([u[0] for u in unit], [u[1] for u in unit])
    return (codes, n) if keep is None else compress(codes[keep], n)


def _window_codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Codes of a sentence / paragraph column: its integers less their minimum when they span few values, so that
    mentions stored in order give nondecreasing window codes (:func:`~diplolib.comention.codes.compress` then
    numbers runs, no sort); ``pd.factorize`` otherwise. Only the windows' numbering differs: the counts do not."""
    a = values.to_numpy()
    if a.dtype.kind in "iu" and len(a):
        lo, hi = int(a.min()), int(a.max())
        if hi - lo < 4 * len(a) + 1024:
            return (a - lo).astype(np.int64, copy=False), hi - lo + 1
    codes, uniques = pd.factorize(values)
    return codes, len(uniques)


def _empty_counts(df: pd.DataFrame, window: str, by: list[str], date_dtype) -> CoMentionCounts:
    windows = pd.DataFrame({c: df[c].iloc[:0].reset_index(drop=True) if c in df else pd.Series([], dtype=str)
                            for c in by})
    windows["n_windows"] = pd.Series([], dtype=np.int64)
    actor_table = windows[by].copy()
    actor_table["actor_id"] = pd.Series([], dtype=str)
    actor_table["n"] = pd.Series([], dtype=np.int64)
    actor_table["group"] = pd.Series([], dtype=np.int64)
    pairs = pd.DataFrame({c: pd.Series([], dtype=np.int64) for c in ("a", "b", "n", "first", "last")})
    return CoMentionCounts(pairs, actor_table, windows, window, by, date_dtype)


def sum_counts(counts: Sequence[CoMentionCounts]) -> CoMentionCounts:
    """Add up the counts of disjoint sets of windows (partitions holding whole articles).

    Pair, actor and window counts are summed, ``first`` is the minimum and ``last`` the maximum.
    All parts must come from :func:`comention_counts` with the same ``window``, ``by`` and ``period``.

    Returns
    -------
    CoMentionCounts
    """
    counts = list(counts)
    if not counts:
        raise ValueError("sum_counts: no counts given; pass at least one CoMentionCounts.")
    window, by = counts[0].window, counts[0].by
    bad = [k for k, c in enumerate(counts) if c.window != window or c.by != by]
    if bad:
        raise ValueError(f"sum_counts: parts {bad} were counted with another window or by than part 0 "
                         f"(window={window!r}, by={by!r}); count every part with the same options.")
    counts = [c for c in counts if len(c.actors)] or counts[:1]  # parts without any actor add nothing
    if len(counts) == 1:
        return counts[0]
    date_dtype = counts[0].date_dtype
    nat, big = np.iinfo(np.int64).min, np.iinfo(np.int64).max
    windows_all = pd.concat([c.windows for c in counts], ignore_index=True)
    if by:
        windows = windows_all.groupby(by, sort=True, dropna=False, observed=True)["n_windows"].sum().reset_index()
    else:
        windows = pd.DataFrame({"n_windows": [int(windows_all["n_windows"].sum())]})
    windows["n_windows"] = windows["n_windows"].astype(np.int64)
    actors_all = pd.concat([c.actors for c in counts], ignore_index=True)
    keys = [*by, "actor_id"]
    grouped = actors_all.groupby(keys, sort=True, dropna=False, observed=True)
    new_row = grouped.ngroup().to_numpy()
    actor_table = grouped["n"].sum().reset_index()
    actor_table["n"] = actor_table["n"].astype(np.int64)
    actor_table["actor_id"] = actor_table["actor_id"].astype(str)
    actor_table["group"] = (actor_table.groupby(by, sort=True, dropna=False, observed=True).ngroup().to_numpy()
                            if by else np.zeros(len(actor_table), dtype=np.int64))
    offsets = np.cumsum([0] + [len(c.actors) for c in counts])
    parts = list(zip(offsets, counts, strict=False))
    a = np.concatenate([new_row[off + c.pairs["a"].to_numpy(np.int64)] for off, c in parts])
    b = np.concatenate([new_row[off + c.pairs["b"].to_numpy(np.int64)] for off, c in parts])
    n = np.concatenate([c.pairs["n"].to_numpy(np.int64) for c in counts])
    first = np.concatenate([c.pairs["first"].to_numpy(np.int64) for c in counts])
    last = np.concatenate([c.pairs["last"].to_numpy(np.int64) for c in counts])
    code, inv = np.unique(a * max(len(actor_table), 1) + b, return_inverse=True)
    total = np.zeros(len(code), dtype=np.int64)
    np.add.at(total, inv, n)
    lo = np.full(len(code), big)
    np.minimum.at(lo, inv, np.where(first == nat, big, first))
    lo[lo == big] = nat
    hi = np.full(len(code), nat)
    np.maximum.at(hi, inv, last)
    size = max(len(actor_table), 1)
    pairs = pd.DataFrame({"a": code // size, "b": code % size, "n": total, "first": lo, "last": hi})
    return CoMentionCounts(pairs.astype(np.int64), actor_table, windows, window, by, date_dtype)
