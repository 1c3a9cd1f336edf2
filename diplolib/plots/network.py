"""Plots of co-mention networks: a network of one group, an ego network (heat maps and timelines: :mod:`.pairs`).

Axes-level: each function draws on ``ax`` (or ``plt.gca()``) and returns it. Small
multiples (one network per outlet) are assembled by the caller on a grid of axes::

    fig, axes = plt.subplots(1, 2)
    for ax, (source, part) in zip(axes, edges.groupby("source")):
        plot_network(part, ax=ax).set_title(source)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from ..comention.graph import communities, positive_edges, to_graph
from ._labels import PointLabels
from ._style import empty_axes

__all__ = ["plot_network", "plot_ego_network"]

_KIND_ORDER = ["person", "state", "organisation", "armed_group", "place", "provisional", "unknown", "media"]
#: tab10 without its grey: the colours of the largest communities; the others share light grey.
_COMMUNITY_COLOURS = [plt.get_cmap("tab10")(i) for i in (0, 1, 2, 3, 4, 5, 6, 8, 9)]
_OTHER = "0.78"


def _draw(G: nx.Graph, ax: Axes, *, size, color, max_nodes, seed, highlight=None, note=None, **kwargs) -> Axes:
    """Draw the ``max_nodes`` most mentioned actors of ``G``: edges, nodes, labels, legend and a note."""
    ranked = sorted(G.nodes, key=lambda v: (-G.nodes[v].get("mentions", 0), v))
    if highlight is not None and highlight in ranked:
        ranked.remove(highlight)
        ranked.insert(0, highlight)
    keep = sorted(ranked[:max_nodes])
    H = G.subgraph(keep)
    P = positive_edges(H)  # edges drawn and used by the layout: positive weight only
    pos = nx.spring_layout(P, weight="weight", seed=seed) if len(keep) > 1 else {keep[0]: np.zeros(2)}
    colours, legend = _node_colours(H, keep, color, seed)
    if P.number_of_edges():
        ws = np.array([d["weight"] for _, _, d in P.edges(data=True)])
        segs = [[pos[u], pos[v]] for u, v in P.edges()]
        ax.add_collection(
            LineCollection(segs, linewidths=0.5 + 4.0 * ws / ws.max(), colors="0.55", alpha=0.6, zorder=1)
        )
    sizes = _node_sizes(H, keep, size)
    xy = np.array([pos[v] for v in keep])
    ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=colours, edgecolors="white", linewidths=0.8, zorder=2, **kwargs)
    mentions = np.array([float(H.nodes[v].get("mentions", 0)) for v in keep])
    labels = PointLabels(xy, [str(H.nodes[v].get("label", v)) for v in keep], np.sqrt(sizes) / 2.0,
                         mentions + np.array([np.inf if v == highlight else 0.0 for v in keep]),
                         bold=[v == highlight for v in keep])
    ax.add_artist(labels)
    if len(legend) > 1:
        ax.legend(handles=legend, title=color, fontsize=7, title_fontsize=7, loc="upper left",
                  bbox_to_anchor=(1.0, 1.0), frameon=False, borderaxespad=0.2)
    _note(ax, G, H, P, max_nodes, note)
    pad = 0.12
    lo, hi = xy.min(axis=0) - pad, xy.max(axis=0) + pad
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_axis_off()
    return ax


def _node_colours(H: nx.Graph, keep: list[str], color: str, seed: int) -> tuple[list, list[Line2D]]:
    """One colour per node and the legend handles: a fixed colour per kind (small multiples compare), or the
    largest communities in distinct colours, named by their most mentioned members, and the rest in grey."""
    if color == "kind":
        kinds = [str(H.nodes[v].get("kind", "unknown")) for v in keep]
        order = sorted(set(kinds), key=lambda c: (_KIND_ORDER.index(c) if c in _KIND_ORDER else 99, c))
        palette = plt.get_cmap("tab10")
        col_of = {c: palette((_KIND_ORDER.index(c) if c in _KIND_ORDER else 9) % 10) for c in order}
        return [col_of[k] for k in kinds], [Line2D([], [], marker="o", ls="", color=col_of[c], label=c)
                                            for c in order]
    if color != "community":
        raise ValueError(f"plot_network: color={color!r}; use 'kind' or 'community'.")
    com = communities(H, seed=seed).set_index("actor_id")["community"]
    mentions = {v: H.nodes[v].get("mentions", 0) for v in keep}
    members: dict[int, list[str]] = {}
    for v in sorted(keep, key=lambda v: (-mentions[v], v)):
        members.setdefault(int(com[v]), []).append(v)
    coloured = [c for c in sorted(members) if len(members[c]) > 1][: len(_COMMUNITY_COLOURS)]
    col_of = {c: _COMMUNITY_COLOURS[k] for k, c in enumerate(coloured)}
    legend = []
    for c in coloured:
        names = [str(H.nodes[v].get("label", v)) for v in members[c][:2]]
        more = len(members[c]) - len(names)
        legend.append(Line2D([], [], marker="o", ls="", color=col_of[c],
                             label=", ".join(names) + (f" +{more}" if more else "")))
    rest = [c for c in members if c not in col_of]
    if rest:
        n_rest = sum(len(members[c]) for c in rest)
        legend.append(Line2D([], [], marker="o", ls="", color=_OTHER,
                             label=f"{len(rest)} smaller communities ({n_rest} actors)"))
    return [col_of.get(int(com[v]), _OTHER) for v in keep], legend


@lru_cache(maxsize=1)
def _registry_nodes() -> pd.DataFrame:
    """The built-in registry's actors (``actor_id``, ``label``, ``kind``): the default labels and kinds of nodes."""
    from ..actors import load_registry

    return load_registry().actors[["actor_id", "label", "kind"]]


def _n(count: int, noun: str) -> str:
    """``"1 edge"``, ``"3 edges"``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _node_sizes(H: nx.Graph, keep: list[str], size) -> np.ndarray:
    """Marker areas: by mentions or degree (square-root scale), or constant."""
    if size is None:
        return np.full(len(keep), 200.0)
    vals = np.array([float(H.degree(v)) if size == "degree" else float(H.nodes[v].get(size, 0)) for v in keep])
    return 60.0 + 900.0 * np.sqrt(vals / vals.max()) if vals.max() > 0 else np.full(len(keep), 200.0)


def _note(ax: Axes, G: nx.Graph, H: nx.Graph, P: nx.Graph, max_nodes: int, extra: str | None) -> None:
    """A line under the graph saying what is not shown."""
    dropped_nodes = G.number_of_nodes() - H.number_of_nodes()
    dropped_edges = G.number_of_edges() - P.number_of_edges()
    note = [extra] if extra else []
    if dropped_nodes:
        note.append(f"{_n(dropped_nodes, 'more actor')} not shown (max_nodes={max_nodes})")
    if dropped_edges:
        note.append(f"{_n(dropped_edges, 'edge')} not drawn (hidden actors or weight ≤ 0)")
    if note:
        ax.text(0.5, -0.02, "; ".join(note), ha="center", va="top", fontsize=7, color="0.3",
                transform=ax.transAxes)


def plot_network(
    edges: pd.DataFrame,
    *,
    nodes: pd.DataFrame | None = None,
    weight: str = "npmi",
    size: Literal["mentions", "degree"] | None = "mentions",
    color: Literal["kind", "community"] = "kind",
    max_nodes: int = 30,
    seed: int = 0,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Network of co-mentioned actors (one group of an edges table).

    Parameters
    ----------
    edges : DataFrame
        :func:`~diplolib.comention.co_mentions` output for one group (filter
        ``source``/``period`` first), possibly filtered by
        :func:`~diplolib.comention.significant`.
    nodes : DataFrame, optional
        Actor table (``actor_id``, ``label``, ``kind``, ``mentions``) for labels, colours and sizes, e.g.
        :func:`diplolib.comention.actor_nodes`; by default the built-in registry's labels and kinds, and
        the mentions counted in the edges (``n_a``, ``n_b``). Ids outside it are shown as they are.
    weight : str
        Edge column giving line width and layout attraction; edges with weight ≤ 0
        (e.g. NPMI below chance) are not drawn.
    size : {"mentions", "degree"} or None
        Node size: windows mentioning the actor, number of partners, or constant.
    color : {"kind", "community"}
        Node colour: actor kind (one fixed colour per kind), or Louvain community (with ``seed``):
        the nine largest communities of two actors or more in distinct colours, named in the legend
        by their most mentioned members, the others in grey.
    max_nodes : int
        Show the most mentioned actors only; a note under the plot counts the rest. Labels are
        placed around their node without overlapping each other or other nodes (the most mentioned
        actors first, further out with a leader line when crowded).
    seed : int
        Seed of the spring layout (and communities): same input, same picture.
    ax : Axes, optional
        Axes to draw on; defaults to ``plt.gca()``.
    **kwargs
        Passed to :meth:`Axes.scatter` (the nodes).

    Returns
    -------
    Axes
    """
    ax = ax if ax is not None else plt.gca()
    if len(edges) == 0:
        return empty_axes(ax, "no co-mentions")
    G = to_graph(edges, weight=weight, nodes=_registry_nodes() if nodes is None else nodes)
    return _draw(G, ax, size=size, color=color, max_nodes=max_nodes, seed=seed, **kwargs)


def plot_ego_network(
    edges: pd.DataFrame,
    actor: str,
    *,
    nodes: pd.DataFrame | None = None,
    weight: str = "npmi",
    max_nodes: int = 15,
    color: Literal["kind", "community"] = "kind",
    seed: int = 0,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """One actor, its strongest partners (by ``weight``) and the edges among them.

    Parameters are those of :func:`plot_network`; ``actor`` is an actor id, drawn with a
    bold label; ``max_nodes`` counts the actor itself.

    Returns
    -------
    Axes
    """
    ax = ax if ax is not None else plt.gca()
    touching = edges[(edges["actor_a"].astype(str) == actor) | (edges["actor_b"].astype(str) == actor)]
    if len(touching) == 0:
        return empty_axes(ax, f"{actor}: no co-mentions")
    other = np.where(
        touching["actor_a"].astype(str) == actor,
        touching["actor_b"].astype(str),
        touching["actor_a"].astype(str),
    )
    ranked = pd.DataFrame({"other": other, "w": touching[weight].to_numpy(dtype=float)}).sort_values(
        ["w", "other"], ascending=[False, True], kind="stable"
    )
    keep = {actor, *ranked["other"].head(max(max_nodes - 1, 0))}
    sub = edges[edges["actor_a"].astype(str).isin(keep) & edges["actor_b"].astype(str).isin(keep)]
    G = to_graph(sub, weight=weight, nodes=_registry_nodes() if nodes is None else nodes)
    n_more = len(ranked) - (len(keep) - 1)
    name = G.nodes[actor].get("label", actor) if actor in G else actor
    more = f"{_n(n_more, 'more partner')} of {name} not shown" if n_more > 0 else None
    return _draw(G, ax, size="mentions", color=color, max_nodes=len(keep), seed=seed, highlight=actor, note=more,
                 **kwargs)
