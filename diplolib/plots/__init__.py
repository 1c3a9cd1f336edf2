"""Axes-level plotting functions: ``plot_x(data, *, ..., ax=None, **kwargs) -> Axes``.

They draw on ``ax`` (or ``plt.gca()``), forward ``**kwargs`` to the one underlying
matplotlib call, and never create figures, save files or touch rcParams. In a plot,
``group=``, ``value=`` and ``period=`` name columns of the table it draws.
"""

from .._lazy import attach

_NAMES = {
    "plot_documents_per_year": ".corpus",
    "plot_period_heatmap": ".corpus",
    "plot_stacked_counts": ".corpus",
    "plot_top_actors": ".actors",
    "plot_actor_timeline": ".actors",
    "plot_network": ".network",
    "plot_ego_network": ".network",
    "plot_comention_heatmap": ".pairs",
    "plot_pair_timeline": ".pairs",
    "plot_theme_timeline": ".themes",
    "plot_theme_heatmap": ".themes",
    "plot_keyness": ".keyness",
    "plot_theme_actor_heatmap": ".themes",
    "plot_k_selection": ".topics",
    "plot_topic_map": ".topics",
    "plot_topic_heatmap": ".topics",
    "plot_topic_terms": ".topics",
    "plot_topics_over_time": ".topics",
    "plot_event_network": ".events",
    "plot_dyad_scores": ".events",
    "plot_agreement": ".agreement",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
