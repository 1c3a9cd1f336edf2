"""Co-mentions: who is mentioned with whom, how strongly beyond chance, where and when.

``co_mentions`` turns a mentions table into an edges table (counts and association
measures per pair of actors and window, optionally per outlet / language / period);
``significant`` filters it; ``evidence`` returns the sentences behind an edge;
``actor_nodes`` / ``to_graph`` / ``communities`` / ``centrality`` / ``export_graph`` make networks;
``edge_change`` compares two periods. The measures are in :mod:`diplolib.stats`; the counts that
partitions add up (the Dask path) in :mod:`diplolib.comention.counts`.
"""

from .._lazy import attach

_NAMES = {
    "WINDOWS": ".counts",
    "co_mentions": ".edges",
    "significant": ".measures",
    "evidence": ".sentences",
    "actor_nodes": ".graph",
    "to_graph": ".graph",
    "communities": ".graph",
    "centrality": ".graph",
    "export_graph": ".graph",
    "edge_change": ".change",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
