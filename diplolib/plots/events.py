"""Plots of directed events: who did what to whom as a network, and cooperation–conflict scores over time.

Axes-level: each function draws on ``ax`` (or ``plt.gca()``) and returns it.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Normalize
from matplotlib.patches import FancyArrowPatch

from .._tables import check_columns
from ._labels import PointLabels
from ._style import empty_axes, time_axis

__all__ = ["plot_event_network", "plot_dyad_scores"]


def plot_event_network(edges: pd.DataFrame, *, labels: dict[str, str] | None = None, weight: str = "n",
                       color: str = "score", max_nodes: int = 20, seed: int = 0, ax: Axes | None = None,
                       **kwargs) -> Axes:
    """The directed event network: an arrow from source to target, as wide as its events, coloured by score.

    Parameters
    ----------
    edges : DataFrame
        From :func:`diplolib.events.event_edges` (``actor_a`` → ``actor_b``, ``weight``, ``color``).
    labels : dict, optional
        Actor id → label (the registry's labels, say); ids otherwise.
    weight : str
        Edge column giving the arrow width (events).
    color : str
        Edge column on the cooperation–conflict scale -2 … +2 (red: conflict, blue: cooperation).
    max_nodes : int
        Draw the actors with the most events only.
    seed : int
        Layout seed.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.scatter` (the nodes).
    """
    check_columns(edges, ["actor_a", "actor_b", weight, color], func="plot_event_network", name="edges",
                  fix="pass the output of diplolib.events.event_edges()")
    ax = ax if ax is not None else plt.gca()
    if edges.empty:
        return empty_axes(ax, "no events between two actors")
    totals = pd.concat([edges.groupby("actor_a")[weight].sum(), edges.groupby("actor_b")[weight].sum()])
    totals = totals.groupby(level=0).sum().sort_values(ascending=False, kind="stable")
    keep = sorted(totals.index[:max_nodes])
    part = edges[edges["actor_a"].isin(keep) & edges["actor_b"].isin(keep)]
    G = nx.DiGraph()
    G.add_nodes_from(keep)
    G.add_weighted_edges_from(part[["actor_a", "actor_b", weight]].itertuples(index=False))
    pos = nx.spring_layout(G.to_undirected(), weight="weight", seed=seed) if len(keep) > 1 else {keep[0]: (0, 0)}
    cmap, norm = plt.get_cmap("RdBu"), Normalize(-2, 2)
    wmax = float(part[weight].max()) if len(part) else 1.0
    for a, b, w, c in part[["actor_a", "actor_b", weight, color]].itertuples(index=False):
        ax.add_patch(FancyArrowPatch(pos[a], pos[b], arrowstyle="-|>", mutation_scale=8 + 6 * w / wmax,
                                     connectionstyle="arc3,rad=0.15", linewidth=0.6 + 4 * w / wmax,
                                     color=cmap(norm(c)), alpha=0.8, zorder=1, shrinkA=9, shrinkB=9))
    xy = np.array([pos[v] for v in keep], dtype=float)
    sizes = 60 + 600 * np.sqrt(totals[keep].to_numpy(dtype=float) / totals.max())
    ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c="0.85", edgecolors="0.3", linewidths=0.6, zorder=2, **kwargs)
    names = [str((labels or {}).get(v, v)) for v in keep]
    ax.add_artist(PointLabels(xy, names, np.sqrt(sizes) / 2.0, totals[keep].to_numpy(dtype=float)))
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    ax.figure.colorbar(sm, ax=ax, shrink=0.5, label="score: conflict (-2) … cooperation (+2)")
    pad = 0.15
    ax.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
    ax.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
    ax.set_axis_off()
    return ax


def plot_dyad_scores(scores: pd.DataFrame, *, dyads: list[tuple[str, str]] | None = None, period: str = "period",
                     value: str = "score", labels: dict[str, str] | None = None, n: int = 5,
                     ax: Axes | None = None, **kwargs) -> Axes:
    """Cooperation–conflict score of a few dyads over time, one line each.

    Parameters
    ----------
    scores : DataFrame
        From :func:`diplolib.events.dyad_scores` with ``period=`` (``source``, ``target``, ``period``,
        ``value``, ``events``).
    dyads : list of (source, target), optional
        The dyads to draw; by default the ``n`` with the most events.
    labels : dict, optional
        Actor id → label for the legend.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`Axes.plot`.
    """
    check_columns(scores, ["source", "target", period, value, "events"], func="plot_dyad_scores", name="scores",
                  fix="pass the output of diplolib.events.dyad_scores(events, period=...)")
    ax = ax if ax is not None else plt.gca()
    if scores.empty:
        return empty_axes(ax, "no scored dyads")
    if dyads is None:
        total = scores.groupby(["source", "target"])["events"].sum().sort_values(ascending=False, kind="stable")
        dyads = list(total.index[:n])
    name = (labels or {}).get
    for source, target in dyads:
        part = scores[(scores["source"] == source) & (scores["target"] == target)].sort_values(period)
        if part.empty:
            continue
        ax.plot(time_axis(part[period]), part[value], marker="o", markersize=3,
                label=f"{name(source, source)} → {name(target, target)}", **kwargs)
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.set_ylim(-2.1, 2.1)
    ax.set_ylabel("score: conflict (-2) … cooperation (+2)")
    ax.legend(fontsize=7, frameon=False, loc="best")
    return ax
