"""Axes-level plotting functions: ``plot_x(data, *, ..., ax=None, **kwargs) -> Axes``.

They draw on ``ax`` (or ``plt.gca()``), forward ``**kwargs`` to the one underlying
matplotlib call, and never create figures, save files or touch rcParams.
"""

from .corpus import plot_documents_per_year

__all__ = ["plot_documents_per_year"]
