"""Axes-level plotting functions: ``plot_x(data, *, ..., ax=None, **kwargs) -> Axes``.

They draw on ``ax`` (or ``plt.gca()``), forward ``**kwargs`` to the one underlying
matplotlib call, and never create figures, save files or touch rcParams.
"""

from .actors import plot_actor_timeline, plot_top_actors
from .corpus import plot_documents_per_year, plot_period_heatmap, plot_stacked_counts
from .network import plot_comention_heatmap, plot_ego_network, plot_network, plot_pair_timeline
from .themes import plot_keyness, plot_theme_actor_heatmap, plot_theme_heatmap, plot_theme_timeline
from .topics import plot_k_selection, plot_topic_heatmap, plot_topic_map, plot_topic_terms, plot_topics_over_time

__all__ = [
    "plot_documents_per_year",
    "plot_period_heatmap",
    "plot_stacked_counts",
    "plot_top_actors",
    "plot_actor_timeline",
    "plot_network",
    "plot_ego_network",
    "plot_comention_heatmap",
    "plot_pair_timeline",
    "plot_theme_timeline",
    "plot_theme_heatmap",
    "plot_keyness",
    "plot_theme_actor_heatmap",
    "plot_k_selection",
    "plot_topic_map",
    "plot_topic_heatmap",
    "plot_topic_terms",
    "plot_topics_over_time",
]
