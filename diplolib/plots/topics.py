"""Plots of topic models: choice of k, top terms, 2-D maps, topics over time and by group."""

from __future__ import annotations

import textwrap
from typing import Literal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from ._style import annotate_cells, time_axis

__all__ = ["plot_k_selection", "plot_topic_heatmap", "plot_topic_map", "plot_topic_terms", "plot_topics_over_time"]


def _need(data: pd.DataFrame, cols, fn: str) -> None:
    missing = [c for c in cols if c not in data.columns]
    if missing:
        raise ValueError(f"{fn}: columns {missing} are missing; the data has {list(data.columns)}.")


def plot_k_selection(table: pd.DataFrame, *, ax: Axes | None = None, **kwargs) -> Axes:
    """Coherence (NPMI, left axis) and stability (ARI, right axis) against the number of topics.

    Parameters
    ----------
    table : DataFrame
        From :func:`diplolib.topics.select_k`: ``k``, ``npmi``, ``stability`` (``npmi_sd`` optional).
    ax : Axes, optional
    **kwargs
        Passed to the NPMI :meth:`Axes.errorbar` call.

    Returns
    -------
    Axes
        The NPMI axes (the stability axes is its twin).
    """
    _need(table, ["k", "npmi", "stability"], "plot_k_selection")
    ax = ax if ax is not None else plt.gca()
    t = table.sort_values("k")
    yerr = t["npmi_sd"] if "npmi_sd" in t.columns else None
    ax.errorbar(t["k"], t["npmi"], yerr=yerr, marker="o", label="NPMI (top-10 terms)", **kwargs)
    ax.set_xlabel("number of topics k")
    ax.set_ylabel("mean NPMI")
    twin = ax.twinx()
    twin.plot(t["k"], t["stability"], marker="s", linestyle="--", color="C1", label="stability (ARI)")
    twin.set_ylabel("stability (mean ARI between seeds)")
    ax.set_xticks(t["k"].tolist())
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], loc="best")
    return ax


def plot_topic_terms(model, *, topic: int | None = None, n: int = 10, ax: Axes | None = None, **kwargs) -> Axes:
    """Horizontal bars of the top terms of one topic, or a term × topic heat map of all topics.

    Parameters
    ----------
    model : TopicModel or DataFrame
        A fitted model or its ``topic_terms_`` table (``topic``, ``term``, ``weight``, ``rank``).
    topic : int, optional
        One topic (bars); ``None`` for all topics (a heat map of each topic's top ``n`` terms,
        one column per topic, terms listed in each column's cells; with a model, the columns are
        named by the topics' labels).
    n : int
        Terms per topic.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.barh` (one topic) or :meth:`Axes.imshow` (all topics).

    Returns
    -------
    Axes
    """
    terms = model if isinstance(model, pd.DataFrame) else model.topic_terms_
    _need(terms, ["topic", "term", "weight", "rank"], "plot_topic_terms")
    ax = ax if ax is not None else plt.gca()
    if topic is not None:
        sub = terms[terms["topic"] == topic].sort_values("rank").head(n)
        if sub.empty:
            raise ValueError(
                f"plot_topic_terms: topic {topic!r} has no terms; topics are {sorted(terms['topic'].unique())}."
            )
        ax.barh(np.arange(len(sub)), sub["weight"], **kwargs)
        ax.set_yticks(np.arange(len(sub)), sub["term"].tolist())
        ax.invert_yaxis()
        ax.set_xlabel("weight")
        ax.set_title(f"topic {topic}")
        return ax
    topics = sorted(terms["topic"].unique())
    grid = np.zeros((n, len(topics)))
    words = np.full((n, len(topics)), "", dtype=object)
    for c, t in enumerate(topics):
        sub = terms[terms["topic"] == t].sort_values("rank").head(n)
        w = sub["weight"].to_numpy()
        grid[: len(w), c] = w / w.max() if len(w) and w.max() > 0 else 0
        words[: len(sub), c] = sub["term"].tolist()
    image = ax.imshow(grid, aspect="auto", cmap=kwargs.pop("cmap", "Blues"), vmin=0.0, vmax=1.0, **kwargs)
    annotate_cells(ax, grid, words, image, fontsize=7)
    names = _topic_names(None if isinstance(model, pd.DataFrame) else model, topics)
    ax.set_xticks(range(len(topics)), names, fontsize=7)
    ax.set_yticks(range(n), [str(r + 1) for r in range(n)])
    ax.set_xlabel("topic (cell colour: the term's weight relative to the topic's first term)")
    ax.set_ylabel("rank")
    return ax


def _topic_names(labels, topics: list, *, width: int = 14, lines: int = 4) -> list[str]:
    """Column names of the topics: the number and the label (top words — actors), wrapped, from a fitted
    :class:`~diplolib.topics.TopicModel` or its ``labels_`` table; the numbers alone without one."""
    if labels is None:
        return [str(t) for t in topics]
    table = labels if isinstance(labels, pd.DataFrame) else labels.labels_
    _need(table, ["topic", "label"], "topic labels")
    names = table.set_index("topic")["label"]
    return ["\n".join(textwrap.wrap(f"{t} · {names.get(t, '')}", width, max_lines=lines, placeholder=" …"))
            for t in topics]


def plot_topic_map(
    map_df: pd.DataFrame,
    *,
    hue: Literal["topic", "source", "lang"] = "topic",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Scatter of the articles' 2-D map, coloured by topic, outlet or language.

    Parameters
    ----------
    map_df : DataFrame
        From :func:`diplolib.topics.topic_map`: ``x``, ``y`` and the ``hue`` column.
    hue : {"topic", "source", "lang"}
    ax : Axes, optional
    **kwargs
        Passed to each :meth:`Axes.scatter` call (one per group, for the legend).

    Returns
    -------
    Axes
    """
    _need(map_df, ["x", "y", hue], "plot_topic_map")
    ax = ax if ax is not None else plt.gca()
    kwargs.setdefault("s", 12)
    groups = sorted(map_df[hue].dropna().unique(), key=str)
    for i, g in enumerate(groups):
        sub = map_df[map_df[hue] == g]
        ax.scatter(sub["x"], sub["y"], label=str(g), color=plt.get_cmap("tab20")(i % 20), **kwargs)
    ax.set_xticks([])
    ax.set_yticks([])
    if len(groups) <= 20:
        ax.legend(title=hue, fontsize="small", markerscale=1.5, loc="best")
    return ax


def plot_topics_over_time(
    table: pd.DataFrame,
    *,
    value: Literal["share", "n_articles"] = "share",
    topics: list[int] | None = None,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """One line per topic: its share (or article count) in each period.

    Parameters
    ----------
    table : DataFrame
        From :func:`diplolib.topics.topics_over_time` (without ``by``): ``period``, ``topic``, ``value``.
    value : {"share", "n_articles"}
    topics : list of int, optional
        Topics to draw (default all).
    ax : Axes, optional
    **kwargs
        Passed to each :meth:`Axes.plot` call.

    Returns
    -------
    Axes
    """
    _need(table, ["period", "topic", value], "plot_topics_over_time")
    ax = ax if ax is not None else plt.gca()
    wide = table.assign(period=time_axis(table["period"], func="plot_topics_over_time")).pivot_table(
        index="period", columns="topic", values=value, aggfunc="sum", fill_value=0)
    for t in topics if topics is not None else list(wide.columns):
        if t in wide.columns:
            ax.plot(wide.index, wide[t], marker="o", markersize=3, label=f"topic {t}", **kwargs)
    ax.set_xlabel("period")
    ax.set_ylabel("share of articles" if value == "share" else "articles")
    if len(wide.columns):
        ax.legend(fontsize="small", loc="best")
    return ax


def plot_topic_heatmap(
    table: pd.DataFrame,
    *,
    group: str = "source",
    value: Literal["share", "n_articles", "weight"] = "share",
    order: list | None = None,
    labels=None,
    annotate: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Heat map of topics (columns) by group (rows): e.g. the share of each outlet's articles in each topic.

    Parameters
    ----------
    table : DataFrame
        From :func:`diplolib.topics.topics_by` (or ``topics_over_time``): ``group``, ``topic``, ``value``.
    group : str
        The row column (``"source"``, ``"lang"``, ``"period"``).
    value : {"share", "n_articles", "weight"}
    order : list, optional
        Row order (default: sorted group values); groups not in ``table`` get empty rows.
    labels : TopicModel or DataFrame, optional
        The fitted model (or its ``labels_`` table: ``topic``, ``label``): each column is named by its topic's
        label (top words, then top actors), wrapped; without it, by the topic number.
    annotate : bool
        Write each cell's value.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.imshow` (``cmap`` defaults to ``"Blues"``).

    Returns
    -------
    Axes
    """
    _need(table, [group, "topic", value], "plot_topic_heatmap")
    ax = ax if ax is not None else plt.gca()
    wide = table.pivot_table(index=group, columns="topic", values=value, aggfunc="sum", fill_value=0)
    rows = order if order is not None else sorted(wide.index, key=str)
    label_table = None if labels is None else labels if isinstance(labels, pd.DataFrame) else labels.labels_
    topics = sorted(table["topic"].unique()) if label_table is None else sorted(label_table["topic"].unique())
    wide = wide.reindex(index=rows, columns=topics, fill_value=0)
    kwargs.setdefault("cmap", "Blues")
    if value == "share":
        kwargs.setdefault("vmin", 0.0)
    M = wide.to_numpy(dtype=float)
    image = ax.imshow(M, aspect="auto", **kwargs)
    if annotate:
        fmt = "{:.0%}" if value == "share" else "{:.2g}"
        annotate_cells(ax, M, [[fmt.format(v) if v else "" for v in row] for row in M], image, fontsize=7)
    ax.set_xticks(range(len(topics)), _topic_names(label_table, topics), fontsize=7)
    ax.set_yticks(range(len(rows)), [str(g) for g in rows])
    ax.set_xlabel("topic")
    ax.set_ylabel(group)
    bar = ax.figure.colorbar(image, ax=ax, label={"share": "share of the group's articles"}.get(value, value))
    if value == "share":
        bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    return ax
