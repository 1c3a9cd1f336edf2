"""Co-mention networks: edges table -> networkx graph, communities, centrality, GEXF/GraphML files."""

from __future__ import annotations

import math
import os
import re
import tempfile
from pathlib import Path
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd

from .._tables import check_columns, check_option, legacy_arguments
from .edges import edge_columns

__all__ = ["actor_nodes", "to_graph", "communities", "centrality", "export_graph", "group_columns", "positive_edges"]


@legacy_arguments("actors")
def actor_nodes(
    mentions: pd.DataFrame,
    *,
    actors: pd.DataFrame | None = None,
    window: Literal["sentence", "paragraph", "article"] = "sentence",
) -> pd.DataFrame:
    """The node table of a co-mention network: each mentioned actor with its label, kind and weight.

    Parameters
    ----------
    mentions : DataFrame
        From :func:`~diplolib.actors.tag_actors` (``article_id``, ``actor_id`` and the ``window`` column).
    actors : DataFrame, optional
        The registry's actors table (``actor_id``, ``label``, ``kind``); the built-in registry's by default.
    window : {"sentence", "paragraph", "article"}
        What ``mentions`` counts: the windows naming the actor, as in :func:`co_mentions` (``n_a``/``n_b``).

    Returns
    -------
    DataFrame
        ``actor_id``, ``label``, ``kind``, ``mentions``: one row per actor of ``actors`` that is mentioned, for
        :func:`to_graph` and :func:`diplolib.plots.plot_network` (``nodes=``).
    """
    check_option(window, ("sentence", "paragraph", "article"), func="actor_nodes", name="window")
    keys = ["article_id", window, "actor_id"] if window != "article" else ["article_id", "actor_id"]
    check_columns(mentions, keys, func="actor_nodes", name="mentions", fix="pass the output of tag_actors()")
    if actors is None:
        from ..actors import load_registry

        actors = load_registry().actors
    check_columns(actors, ["actor_id", "label", "kind"], func="actor_nodes", name="actors",
                  fix="pass the registry's actors table (load_registry().actors)")
    counts = (mentions.dropna(subset=["actor_id"]).drop_duplicates(keys).groupby("actor_id").size()
              .rename("mentions").reset_index())
    return actors[["actor_id", "label", "kind"]].merge(counts, on="actor_id")


def group_columns(edges: pd.DataFrame) -> list[str]:
    """The ``by``/``period`` group columns of an edges table (columns beyond the standard ones)."""
    std = set(edge_columns()) | {"p_adjusted"}
    return [c for c in edges.columns if c not in std]


#: Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF): a label
#: holding one makes a GEXF file unreadable by ``networkx.read_gexf`` and lxml, and GraphML export fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: str) -> str:
    """``value`` without the characters XML cannot hold (removed)."""
    return _NOT_XML.sub("", value)


def _plain(value):
    """A GEXF/GraphML-safe Python value: no numpy scalars, no None/NA, timestamps as ISO text, text without
    characters XML cannot hold."""
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value)
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return "" if pd.isna(value) else pd.Timestamp(value).isoformat()
    if (
        value is None
        or value is pd.NaT
        or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value))
    ):
        return ""
    return _xml_text(value if isinstance(value, str) else str(value))


def to_graph(edges: pd.DataFrame, *, weight: str = "npmi", nodes: pd.DataFrame | None = None) -> nx.Graph:
    """An undirected graph of actors from one group of an edges table.

    Parameters
    ----------
    edges : DataFrame
        Output of :func:`co_mentions` (filtered as wished), for a single group: filter
        ``by``/``period`` groups first (e.g. ``edges[edges.source == "sana"]``).
    weight : str
        Edge column copied to the ``weight`` attribute (``npmi``, ``n``, ``g2``...).
    nodes : DataFrame, optional
        Actor attributes: ``actor_id`` and any of ``label``, ``kind``, ``mentions``.
        Defaults: label = actor id, kind = ``"unknown"``, mentions = windows holding
        the actor (``n_a``/``n_b``).

    Returns
    -------
    networkx.Graph
        Nodes (sorted ids) with ``label``, ``kind``, ``mentions``; edges with every
        column of ``edges`` (plain Python values, dates as ISO text, missing as ``""``)
        plus ``weight``. ``graph.graph`` holds ``weight`` and ``window``.
    """
    for c in ("actor_a", "actor_b", weight):
        if c not in edges.columns:
            raise ValueError(
                f"to_graph: edges lack column {c!r}; pass co_mentions() output "
                f"and a weight among {list(edges.columns)}."
            )
    for c in group_columns(edges) + (["window"] if "window" in edges.columns else []):
        values = edges[c].dropna().unique()
        if len(values) > 1:
            raise ValueError(
                f"to_graph: edges hold several groups in {c!r} ({list(values)[:5]}...); "
                f"select one first, e.g. edges[edges[{c!r}] == {values[0]!r}]."
            )
    window = str(edges["window"].iloc[0]) if len(edges) and "window" in edges else ""
    G = nx.Graph(weight=weight, window=window)
    counts: dict[str, int] = {}
    if {"n_a", "n_b"} <= set(edges.columns):
        for side in ("a", "b"):
            s = edges.groupby(edges[f"actor_{side}"].astype(str))[f"n_{side}"].max()
            for k, v in s.items():
                counts[k] = max(counts.get(k, 0), int(v))
    attrs = {}
    if nodes is not None:
        if "actor_id" not in nodes.columns:
            raise ValueError("to_graph: nodes need an 'actor_id' column (and label, kind, mentions).")
        attrs = (
            nodes.drop_duplicates("actor_id")
            .set_index(nodes.drop_duplicates("actor_id")["actor_id"].astype(str))
            .to_dict("index")
        )
    ids = sorted(set(edges["actor_a"].astype(str)) | set(edges["actor_b"].astype(str)))
    for a in ids:
        row = attrs.get(a, {})
        label, kind, mentions = row.get("label"), row.get("kind"), row.get("mentions")
        G.add_node(
            a,
            label=str(label) if _plain(label) != "" else a,
            kind=str(kind) if _plain(kind) != "" else "unknown",
            mentions=int(mentions) if _plain(mentions) != "" else counts.get(a, 0),
        )
    cols = [c for c in edges.columns if c not in ("actor_a", "actor_b")]
    for rec in edges.to_dict("records"):
        data = {c: _plain(rec[c]) for c in cols}
        w = _plain(rec[weight])
        data["weight"] = float(w) if w != "" else 0.0
        G.add_edge(str(rec["actor_a"]), str(rec["actor_b"]), **data)
    return G


def positive_edges(graph: nx.Graph, weight: str = "weight") -> nx.Graph:
    """A graph with the same nodes and only the edges of finite positive ``weight`` (what layouts and
    communities use: NPMI < 0 means mentioned together less than chance)."""
    H = nx.Graph()
    H.add_nodes_from(sorted(graph.nodes))
    H.add_weighted_edges_from(
        sorted(
            (u, v, float(d.get(weight, 1.0))) if u < v else (v, u, float(d.get(weight, 1.0)))
            for u, v, d in graph.edges(data=True)
            if math.isfinite(float(d.get(weight, 1.0))) and float(d.get(weight, 1.0)) > 0
        )
    )
    return H


def communities(
    graph: nx.Graph,
    *,
    method: Literal["louvain", "greedy"] = "louvain",
    seed: int = 0,
    resolution: float = 1.0,
) -> pd.DataFrame:
    """Modularity communities of a co-mention graph.

    Edges with a non-positive ``weight`` (e.g. NPMI < 0: mentioned together less than
    chance) are left out; isolated actors form their own communities.

    Parameters
    ----------
    graph : networkx.Graph
        From :func:`to_graph`.
    method : {"louvain", "greedy"}
        ``networkx.community.louvain_communities`` (with ``seed``) or
        ``greedy_modularity_communities`` (deterministic).
    seed : int
        Random seed for Louvain: same graph and seed, same communities.
    resolution : float
        Modularity resolution (> 1 gives smaller communities).

    Returns
    -------
    DataFrame
        ``actor_id``, ``label``, ``community`` (0 = largest; ties by first actor id),
        ``size``; sorted by community then actor id.
    """
    H = positive_edges(graph)
    if H.number_of_nodes() == 0:
        return pd.DataFrame(
            {
                "actor_id": pd.Series([], dtype=str),
                "label": pd.Series([], dtype=str),
                "community": pd.Series([], dtype=np.int64),
                "size": pd.Series([], dtype=np.int64),
            }
        )
    if H.number_of_edges() == 0:
        parts = [{v} for v in H.nodes]
    elif method == "louvain":
        parts = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    elif method == "greedy":
        parts = nx.community.greedy_modularity_communities(H, weight="weight", resolution=resolution)
    else:
        raise ValueError(f"communities: method={method!r}; use 'louvain' or 'greedy'.")
    parts = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    rows = [(a, graph.nodes[a].get("label", a), k, len(p)) for k, p in enumerate(parts) for a in p]
    out = pd.DataFrame(rows, columns=["actor_id", "label", "community", "size"])
    return out.astype({"community": np.int64, "size": np.int64})


def centrality(graph: nx.Graph) -> pd.DataFrame:
    """Centrality of each actor.

    Returns
    -------
    DataFrame
        ``actor_id``, ``label``, ``degree`` (number of co-mentioned actors),
        ``weighted_degree`` (sum of positive edge weights), ``betweenness``
        (normalised, hop counts: weights as distances would reward weak ties),
        ``eigenvector`` (networkx power iteration on positive weights; NaN if it does
        not converge; on a graph of several components it concentrates on the
        component with the largest eigenvalue, the others get ≈ 0: compare actors
        within a component, or use ``weighted_degree``). Sorted by weighted degree (descending), then actor id.
    """
    H = positive_edges(graph)
    nodes = sorted(graph.nodes)
    between = nx.betweenness_centrality(graph, normalized=True) if nodes else {}
    try:
        eig = (
            nx.eigenvector_centrality(H, weight="weight", max_iter=1000, tol=1e-9)
            if H.number_of_edges()
            else {v: 0.0 for v in nodes}
        )
    except nx.PowerIterationFailedConvergence:
        eig = {v: float("nan") for v in nodes}
    out = pd.DataFrame(
        {
            "actor_id": pd.Series(nodes, dtype=str),
            "label": pd.Series([graph.nodes[v].get("label", v) for v in nodes], dtype=str),
            "degree": pd.Series([graph.degree(v) for v in nodes], dtype=np.int64),
            "weighted_degree": pd.Series(
                [float(H.degree(v, weight="weight")) for v in nodes], dtype=np.float64
            ),
            "betweenness": pd.Series([float(between.get(v, 0.0)) for v in nodes], dtype=np.float64),
            "eigenvector": pd.Series([float(eig.get(v, 0.0)) for v in nodes], dtype=np.float64),
        }
    )
    return out.sort_values(
        ["weighted_degree", "actor_id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def export_graph(
    graph: nx.Graph, path: str | Path, *, format: Literal["gexf", "graphml"] | None = None
) -> Path:
    """Write a graph to GEXF (Gephi) or GraphML, with file-safe attribute values.

    Parameters
    ----------
    graph : networkx.Graph
        Any graph; attribute values are converted to plain ``str``/``int``/``float``/
        ``bool`` (numpy scalars unwrapped, dates as ISO text, None/NA as ``""``).
    path : str or Path
        Output file; the format comes from its suffix (``.gexf``, ``.graphml``) unless
        ``format`` is given.
    format : {"gexf", "graphml"}, optional

    Returns
    -------
    Path
        The written file (re-readable with ``networkx.read_gexf`` / ``read_graphml``).
    """
    path = Path(path)
    fmt = format or path.suffix.lower().lstrip(".")
    if fmt not in ("gexf", "graphml"):
        raise ValueError(
            f"export_graph: cannot tell the format of {path.name!r}; "
            "use a .gexf or .graphml suffix or format='gexf'|'graphml'."
        )
    H = nx.DiGraph() if graph.is_directed() else nx.Graph()  # an event network keeps its direction
    H.graph.update({_xml_text(str(k)): _plain(v) for k, v in graph.graph.items()})
    H.add_nodes_from((_xml_text(str(v)), {_xml_text(str(k)): _plain(x) for k, x in d.items()})
                     for v, d in graph.nodes(data=True))
    H.add_edges_from((_xml_text(str(u)), _xml_text(str(v)), {_xml_text(str(k)): _plain(x) for k, x in d.items()})
                     for u, v, d in graph.edges(data=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:  # written beside, then renamed: a failed export never leaves a partial or empty file under ``path``
        (nx.write_gexf if fmt == "gexf" else nx.write_graphml)(H, tmp_name)
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return path
