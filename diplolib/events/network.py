"""The directed event network as a networkx graph (export it with :func:`diplolib.comention.export_graph`)."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .._tables import check_columns

__all__ = ["event_graph"]


def event_graph(edges: pd.DataFrame, *, actors: pd.DataFrame | None = None, weight: str = "n") -> nx.DiGraph:
    """A directed graph of who did what to whom, from :func:`~diplolib.events.event_edges`.

    Parameters
    ----------
    edges : DataFrame
        ``actor_a`` (source), ``actor_b`` (target) and the ``weight`` column; every column becomes an edge
        attribute (the evidence sentences included).
    actors : DataFrame, optional
        ``actor_id`` with ``label`` and ``kind`` for the nodes (the registry's actors table); ids otherwise.
    weight : str
        Edge column copied to the ``weight`` attribute.

    Returns
    -------
    networkx.DiGraph
        Nodes (sorted ids) with ``label``, ``kind``, ``events`` (events as source or target); edges source →
        target. :func:`diplolib.comention.export_graph` writes it to GEXF or GraphML, direction kept.
    """
    check_columns(edges, ["actor_a", "actor_b", weight], func="event_graph", name="edges",
                  fix="pass the output of event_edges()")
    label, kind = {}, {}
    if actors is not None:
        check_columns(actors, ["actor_id", "label", "kind"], func="event_graph", name="actors",
                      fix="pass the registry's actors table (load_registry().actors)")
        label = dict(zip(actors["actor_id"], actors["label"], strict=True))
        kind = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    G = nx.DiGraph(weight=weight)
    counts = pd.concat([edges[["actor_a", weight]].rename(columns={"actor_a": "actor"}),
                        edges[["actor_b", weight]].rename(columns={"actor_b": "actor"})]).groupby("actor")[weight].sum()
    for actor in sorted(counts.index):
        G.add_node(actor, label=label.get(actor, actor), kind=kind.get(actor, "unknown"), events=int(counts[actor]))
    for row in edges.to_dict("records"):
        G.add_edge(row["actor_a"], row["actor_b"], **row, weight=row[weight])
    return G
