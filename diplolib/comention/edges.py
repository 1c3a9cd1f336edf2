"""The edges table: co-mention counts (:mod:`diplolib.comention.counts`) joined to their denominators, with
association measures (:mod:`diplolib.stats`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa

from ..stats import MEASURES, association_measures
from .counts import COUNT_COLUMNS, WINDOWS, CoMentionCounts, comention_counts, sum_counts

__all__ = ["co_mentions", "edge_columns", "WINDOWS", "CoMentionCounts", "comention_counts", "sum_counts",
           "edges_from_counts"]


def edge_columns(by: Sequence[str] = ()) -> list[str]:
    """Column order of the edges table for the given group columns."""
    return ["actor_a", "actor_b", "window", *by, *COUNT_COLUMNS, *MEASURES, "first", "last"]


def _repeated_str(value: str, n: int) -> pd.Series:
    """``pd.Series([value], dtype=str).take(np.zeros(n, dtype=int)).reset_index(drop=True)``, built from the Arrow
    buffers directly (the bytes repeated, offsets in steps of their length): half the time at a million rows."""
    raw = value.encode("utf-8")
    arr = pa.LargeStringArray.from_buffers(n, pa.py_buffer(np.arange(n + 1, dtype=np.int64) * len(raw)),
                                           pa.py_buffer(raw * n))
    return pd.Series(pd.array(arr, dtype=pd.StringDtype("pyarrow", na_value=np.nan)))


def _empty_edges(by_frame: pd.DataFrame, by: list[str], date_dtype) -> pd.DataFrame:
    out = {
        "actor_a": pd.Series([], dtype=str),
        "actor_b": pd.Series([], dtype=str),
        "window": pd.Series([], dtype=str),
    }
    for c in by:
        out[c] = by_frame[c].iloc[:0].reset_index(drop=True) if c in by_frame else pd.Series([], dtype=str)
    for c in COUNT_COLUMNS:
        out[c] = pd.Series([], dtype=np.int64)
    for c in MEASURES:
        out[c] = pd.Series([], dtype=np.float64)
    out["first"] = pd.Series([], dtype=date_dtype)
    out["last"] = pd.Series([], dtype=date_dtype)
    return pd.DataFrame(out, columns=edge_columns(by))


def co_mentions(
    mentions: pd.DataFrame,
    *,
    window: Literal["sentence", "paragraph", "article"] = "sentence",
    by: str | Sequence[str] | None = None,
    period: Literal["D", "W", "M", "Q", "Y"] | None = None,
    min_count: int = 1,
    kinds: str | Sequence[str] | None = None,
    actors: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count how often each pair of actors is mentioned in the same window, with association measures.

    Parameters
    ----------
    mentions : DataFrame
        One row per actor mention: ``article_id``, ``actor_id`` (rows with NA are
        ignored: unresolved mentions), ``sentence`` or ``paragraph`` (int index within
        the article; needed for those windows), and optionally ``published``
        (datetime; gives ``first``/``last`` and ``period=``), ``kind`` and any
        article column used in ``by=`` (``source``, ``lang``...), unless ``articles=`` gives them.
    window : {"sentence", "paragraph", "article"}
        The unit in which two actors count as mentioned together.
    by : str or list of str, optional
        Group columns (outlet, language...): windows are split by group and every
        count and measure is computed within its group, as if ``co_mentions`` ran on
        each group's rows alone. Rows with NA in a group column are dropped.
    period : {"D", "W", "M", "Q", "Y"}, optional
        Also group by day, week, month, quarter or year of ``published``, cut in its stored
        time zone (a ``period`` column of ``string`` labels such as ``"2017-04"``,
        ``"2017Q2"``, ``"2017"``; see :func:`diplolib._tables.period_of`). Rows without a
        date are dropped.
    min_count : int
        Keep pairs seen together in at least this many windows (measures and
        denominators are unaffected).
    kinds : str or list of str, optional
        Keep actors of these kinds (``person``, ``state``, ``organisation``,
        ``armed_group``, ``place``, ``provisional``); uses ``mentions["kind"]`` or the
        ``kind`` of ``actors=``.
    actors : DataFrame, optional
        Actor table (``actor_id``, ``kind``) joined to the mentions for ``kinds=``.
    articles : DataFrame, optional
        The articles the mentions were tagged on: ``published`` and the ``by`` columns the
        mentions lack are taken from it (joined on ``article_id``).

    Returns
    -------
    DataFrame
        The edges table, one row per (group, pair) that co-occurs at least once;
        **pairs that never co-occur (n = 0) are absent**. Columns:
        ``actor_a``, ``actor_b`` (str, ``actor_a < actor_b`` in string order),
        ``window``, the group columns (``by`` then ``period``), ``n`` (windows holding
        both), ``n_a``, ``n_b`` (windows holding each), ``n_windows`` (windows of the
        group holding at least one kept actor: windows without any actor say nothing
        about who is mentioned with whom, and counting them would inflate PMI with
        text length; after ``kinds=`` it counts windows with an actor of those kinds),
        ``expected``, ``pmi``, ``npmi``, ``g2``, ``p_value``, ``jaccard``, ``lift``
        (see :mod:`diplolib.stats`), ``first``, ``last`` (earliest and
        latest ``published`` of the windows holding both; NaT without dates).
        Sorted by group, ``actor_a``, ``actor_b``. The input is not modified.

    Examples
    --------
    >>> edges = co_mentions(mentions, articles=articles, window="sentence", by="source")  # doctest: +SKIP
    >>> significant(edges, method="fdr_bh").sort_values("npmi", ascending=False)  # doctest: +SKIP
    """
    return edges_from_counts(
        comention_counts(mentions, window=window, by=by, period=period, kinds=kinds, actors=actors,
                         articles=articles, min_count=min_count),
        min_count=min_count,
    )


def edges_from_counts(counts: CoMentionCounts, *, min_count: int = 1) -> pd.DataFrame:
    """The edges table of :func:`co_mentions` from (summed) counts: joins the denominators, adds the measures.

    Parameters
    ----------
    counts : CoMentionCounts
        From :func:`comention_counts` or :func:`sum_counts`.
    min_count : int
        Keep pairs seen together in at least this many windows.

    Returns
    -------
    DataFrame
        The edges table (columns :func:`edge_columns`), sorted by group, ``actor_a``, ``actor_b``.
    """
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"co_mentions: min_count={min_count!r} must be an integer >= 1.")
    pairs, actor_table, windows, window, by, date_dtype = counts
    i, j = pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)
    n = pairs["n"].to_numpy(np.int64)
    first, last = pairs["first"].to_numpy(np.int64), pairs["last"].to_numpy(np.int64)
    if min_count > 1:
        keep = n >= min_count
        i, j, n, first, last = i[keep], j[keep], n[keep], first[keep], last[keep]
    if len(n) == 0:
        return _empty_edges(windows, by, date_dtype)
    row_group = actor_table["group"].to_numpy(np.int64)
    n_each = actor_table["n"].to_numpy(np.int64)
    g = row_group[i]
    labels_s = actor_table["actor_id"]
    out = {
        "actor_a": labels_s.take(i).reset_index(drop=True),
        "actor_b": labels_s.take(j).reset_index(drop=True),
        "window": _repeated_str(window, len(n)),
    }
    for c in by:
        out[c] = windows[c].take(g).reset_index(drop=True)
    out["n"] = n if n.base is None else n.copy()  # a view of ``counts.pairs`` when no row was dropped
    out["n_a"] = n_each[i]
    out["n_b"] = n_each[j]
    out["n_windows"] = windows["n_windows"].to_numpy(np.int64)[g]
    out.update(association_measures(n, out["n_a"], out["n_b"], out["n_windows"]))
    aware = isinstance(date_dtype, pd.DatetimeTZDtype) or str(date_dtype) == "datetime64[ns, UTC]"
    for name, ns in (("first", first), ("last", last)):
        stamp = pd.Series(ns.view("datetime64[ns]"))
        out[name] = (stamp.dt.tz_localize("UTC") if aware else stamp).astype(date_dtype)
    # copy=False: the columns are not consolidated into 2-D blocks (a copy of every int64 and float64 column, half
    # the time of this function at a million edges); each column is an array of its own, none a view of ``counts``
    return pd.DataFrame(out, columns=edge_columns(by), copy=False)


