"""Plots of co-mention pairs: an actor × actor heat map of an association measure, a pair's timeline."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..comention.graph import group_columns
from ._style import empty_axes

__all__ = ["plot_comention_heatmap", "plot_pair_timeline"]


def _single_group(edges: pd.DataFrame, fn: str, allow: Sequence[str] = ()) -> None:
    for c in group_columns(edges):
        if c in allow:
            continue
        values = edges[c].dropna().unique()
        if len(values) > 1:
            raise ValueError(
                f"{fn}: edges hold several groups in {c!r} ({list(values)[:5]}); "
                f"select one first, e.g. edges[edges[{c!r}] == {values[0]!r}]."
            )


def plot_comention_heatmap(
    edges: pd.DataFrame,
    *,
    measure: str = "npmi",
    actors: Sequence[str] | None = None,
    max_actors: int = 30,
    colorbar: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Actor × actor matrix of an association measure (blank: never together).

    Parameters
    ----------
    edges : DataFrame
        Edges of one group.
    measure : str
        Column to show; NPMI uses a diverging map fixed to [-1, 1].
    actors : list of str, optional
        Actors to show, in order; default: the ``max_actors`` most mentioned.
    max_actors : int
        Cap when ``actors`` is not given.
    colorbar : bool
        Add a colour bar beside ``ax``.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.pcolormesh` (e.g. ``cmap``, ``vmin``).

    Returns
    -------
    Axes
    """
    ax = ax if ax is not None else plt.gca()
    if measure not in edges.columns:
        raise ValueError(f"plot_comention_heatmap: measure {measure!r} is not a column of the edges.")
    if len(edges) == 0:
        return empty_axes(ax, "no co-mentions")
    _single_group(edges, "plot_comention_heatmap")
    if actors is None:
        counts = pd.concat([edges.groupby("actor_a")["n_a"].max(), edges.groupby("actor_b")["n_b"].max()])
        counts = counts.groupby(level=0).max()
        actors = sorted(counts.index, key=lambda a: (-counts[a], a))[:max_actors]
    actors = [str(a) for a in actors]
    index = {a: k for k, a in enumerate(actors)}
    M = np.full((len(actors), len(actors)), np.nan)
    for a, b, v in zip(
        edges["actor_a"].astype(str), edges["actor_b"].astype(str), edges[measure], strict=False
    ):
        if a in index and b in index:
            M[index[a], index[b]] = M[index[b], index[a]] = v
    if measure == "npmi":
        kwargs = {"cmap": "RdBu_r", "vmin": -1.0, "vmax": 1.0, **kwargs}
    mesh = ax.pcolormesh(np.ma.masked_invalid(M), **kwargs)
    ticks = np.arange(len(actors)) + 0.5
    ax.set_xticks(ticks, actors, rotation=90, fontsize=8)
    ax.set_yticks(ticks, actors, fontsize=8)
    ax.set_xlim(0, len(actors))
    ax.set_ylim(len(actors), 0)
    ax.set_aspect("equal")
    if colorbar:
        ax.figure.colorbar(mesh, ax=ax, label=measure)
    return ax


def plot_pair_timeline(
    edges_by_period: pd.DataFrame,
    actor_a: str,
    actor_b: str,
    *,
    measure: str = "npmi",
    period: str = "period",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """A pair's association, period by period (one line per other group, e.g. outlet).

    Parameters
    ----------
    edges_by_period : DataFrame
        ``co_mentions(..., period="Y")`` output (optionally with ``by="source"``).
    actor_a, actor_b : str
        The pair, in any order.
    measure : str
        Column to plot; periods without the pair show a gap (``n`` shows 0).
    period : str
        Name of the period column.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.plot`.

    Returns
    -------
    Axes
        One line per group, x tick labels = periods (all periods of the edges).
    """
    ax = ax if ax is not None else plt.gca()
    for c in (period, measure):
        if c not in edges_by_period.columns:
            raise ValueError(
                f"plot_pair_timeline: edges lack column {c!r}; use co_mentions(..., period='Y')."
            )
    a, b = sorted([str(actor_a), str(actor_b)])
    periods = sorted(edges_by_period[period].dropna().astype(str).unique())
    if not periods:
        return empty_axes(ax, "no co-mentions")
    pair = edges_by_period[
        (edges_by_period["actor_a"].astype(str) == a) & (edges_by_period["actor_b"].astype(str) == b)
    ]
    others = [c for c in group_columns(edges_by_period) if c != period]
    groups = pair.groupby(others, sort=True) if others else [(None, pair)]
    x = np.arange(len(periods))
    drawn = 0
    for key, part in groups:
        s = part.set_index(part[period].astype(str))[measure].reindex(periods)
        if measure == "n":
            s = s.fillna(0)
        label = None if key is None else " / ".join(map(str, key if isinstance(key, tuple) else (key,)))
        ax.plot(x, s.to_numpy(dtype=float), marker="o", label=label, **kwargs)
        drawn += 1
    if drawn == 0:
        ax.text(
            0.5,
            0.5,
            f"{a} and {b} never mentioned together",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
    ax.set_xticks(x, periods, rotation=45 if len(periods) > 8 else 0)
    ax.set_xlabel(period)
    ax.set_ylabel(measure)
    ax.set_title(f"{a} – {b}")
    if others and drawn:
        ax.legend(fontsize=8, frameon=False)
    if measure == "npmi":
        ax.axhline(0.0, color="0.7", lw=0.8, zorder=0)
    return ax
