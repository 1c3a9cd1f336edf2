"""Plots of actor counts: the most-mentioned actors by group, and actors over time."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._style import annotate_cells

__all__ = ["plot_top_actors", "plot_actor_timeline"]


def plot_top_actors(
    counts: pd.DataFrame,
    *,
    group: str = "source",
    value: str = "share",
    label: str = "label",
    n: int = 15,
    groups: list | None = None,
    annotate: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Heat map of the ``n`` actors with the highest overall ``value``, one column per group.

    Parameters
    ----------
    counts : DataFrame
        From :func:`~diplolib.actors.actor_counts` (one row per group and actor).
    group, value, label : str
        Columns: the grouping (x axis), the cell value (``share`` of the group's articles, or
        ``mentions``), the actor name (y axis; falls back to ``actor_id``).
    n : int
        Actors shown, ranked by the mean of ``value`` over the groups.
    groups : list, optional
        Groups to show, left to right (default: all, sorted).
    annotate : bool
        Write the value in each cell.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.imshow`.

    Returns
    -------
    Axes
    """
    for col in (group, value):
        if col not in counts.columns:
            raise ValueError(f"plot_top_actors: column {col!r} is missing; pass the output of actor_counts().")
    ax = ax if ax is not None else plt.gca()
    name = label if label in counts.columns else "actor_id"
    table = counts.pivot_table(index=name, columns=group, values=value, aggfunc="sum", fill_value=0)
    if groups is not None:
        table = table.reindex(columns=groups, fill_value=0)
    order = table.mean(axis=1).sort_values(ascending=False, kind="stable").index[:n]
    table = table.loc[order]
    kwargs.setdefault("cmap", "Blues")
    kwargs.setdefault("aspect", "auto")
    image = ax.imshow(table.to_numpy(dtype=float), **kwargs)
    ax.set_xticks(np.arange(table.shape[1]), labels=[str(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(np.arange(table.shape[0]), labels=[str(i) for i in table.index])
    ax.set_xlabel(group)
    if annotate:
        fmt = "{:.0%}" if value == "share" else "{:,.0f}"
        M = table.to_numpy(dtype=float)
        annotate_cells(ax, M, [[fmt.format(v) if v else "" for v in row] for row in M], image)
    ax.figure.colorbar(image, ax=ax, label=value, pad=0.01)
    return ax


def plot_actor_timeline(
    counts: pd.DataFrame,
    *,
    actors: list[str],
    period: str = "period",
    value: str = "share",
    label: str = "label",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """One line per actor: ``value`` by period (e.g. the share of each month's articles naming the actor).

    Parameters
    ----------
    counts : DataFrame
        From :func:`~diplolib.actors.actor_counts` with ``period=`` (and ``by=None`` or one group).
    actors : list of str
        ``actor_id`` values to draw, in legend order.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.plot`.

    Returns
    -------
    Axes
    """
    for col in (period, value, "actor_id"):
        if col not in counts.columns:
            raise ValueError(f"plot_actor_timeline: column {col!r} is missing; use actor_counts(..., period=...).")
    ax = ax if ax is not None else plt.gca()
    periods = sorted(counts[period].dropna().unique())
    x = np.arange(len(periods))
    for actor in actors:
        rows = counts[counts["actor_id"] == actor].groupby(period)[value].sum().reindex(periods, fill_value=0)
        name = actor
        if label in counts.columns:
            names = counts.loc[counts["actor_id"] == actor, label].dropna()
            name = names.iloc[0] if len(names) else actor
        ax.plot(x, rows.to_numpy(), label=name, **kwargs)
    step = max(1, len(periods) // 12)
    ax.set_xticks(x[::step], labels=[str(p) for p in periods][::step], rotation=45, ha="right")
    ax.set_xlabel(period)
    ax.set_ylabel(value)
    ax.legend(fontsize=7, frameon=False)
    return ax
