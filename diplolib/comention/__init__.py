"""Co-mentions: who is mentioned with whom, how strongly beyond chance, where and when.

``co_mentions`` turns a mentions table into an edges table (counts and association
measures per pair of actors and window, optionally per outlet / language / period);
``significant`` filters it; ``evidence`` returns the sentences behind an edge;
``to_graph`` / ``communities`` / ``centrality`` / ``export_graph`` make networks;
``edge_change`` compares two periods.
"""

from ..stats import MEASURES, adjust_pvalues, association_measures
from .change import edge_change
from .counts import CoMentionCounts, comention_counts, sum_counts
from .edges import WINDOWS, co_mentions, edge_columns, edges_from_counts
from .evidence import evidence, window_span
from .graph import centrality, communities, export_graph, to_graph
from .measures import significant

__all__ = [
    "MEASURES",
    "CoMentionCounts",
    "comention_counts",
    "sum_counts",
    "edges_from_counts",
    "WINDOWS",
    "adjust_pvalues",
    "association_measures",
    "centrality",
    "co_mentions",
    "communities",
    "edge_change",
    "edge_columns",
    "evidence",
    "export_graph",
    "significant",
    "to_graph",
    "window_span",
]
