"""What :func:`diplolib.parallel.run_pipeline` returns: :class:`PipelineResult`."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import dask.dataframe as dd
import pandas as pd
from distributed import Client

__all__ = ["PipelineResult"]


@dataclass
class PipelineResult:
    """What :func:`run_pipeline` returns.

    Attributes
    ----------
    articles : dask DataFrame
        The articles table, one partition per :class:`~diplolib.parallel.plan.Partition` (held by the workers).
    errors : pandas DataFrame
        The load errors (``origin``, ``error``, ``message``).
    mentions, theme_hits : dask DataFrame or None
        The mentions and theme-hits tables (None when the step was not run).
    edges : pandas DataFrame or None
        The edges table of :func:`diplolib.comention.co_mentions`.
    events : dask DataFrame or None
        The events table of :func:`diplolib.events.extract_events` (the ``events`` step).
    topics : dask DataFrame or None
        ``article_id``, ``topic``, ``weight`` of every article, from the model in ``topic_model``.
    topic_model : TopicModel or None
        The model fitted on the sample.
    partitions : pandas DataFrame
        ``partition``, ``n_files``, ``bytes``, ``n_articles``, ``first_file``.
    timings : dict
        Wall seconds of each stage (``load``, ``duplicates``, ``actors``, ``themes``, ``store``, ``edges``,
        ``topics``).
    stored : pandas DataFrame or None
        The files written to the corpus store (``store=``), one row per file.
    client : distributed.Client
    """

    articles: dd.DataFrame
    errors: pd.DataFrame
    mentions: dd.DataFrame | None = None
    theme_hits: dd.DataFrame | None = None
    edges: pd.DataFrame | None = None
    events: dd.DataFrame | None = None
    topics: dd.DataFrame | None = None
    topic_model: Any = None
    partitions: pd.DataFrame = field(default_factory=pd.DataFrame)
    timings: dict = field(default_factory=dict)
    stored: pd.DataFrame | None = None
    client: Client | None = None
    _owned: Any = None

    @property
    def hits(self) -> dd.DataFrame | None:
        """Deprecated name of :attr:`theme_hits` (one name per table: ``theme_hits``)."""
        warnings.warn("PipelineResult.hits is now PipelineResult.theme_hits; the old name goes in the next "
                      "release.", DeprecationWarning, stacklevel=2)
        return self.theme_hits

    def close(self) -> None:
        """Close the client and the local cluster that :func:`run_pipeline` started (if it started one)."""
        if self._owned is not None:
            self.client.close()
            self._owned.close()
            self._owned = None
