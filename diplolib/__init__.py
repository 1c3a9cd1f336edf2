"""diplolib: load, annotate and analyse diplomatic news dispatches as tidy pandas tables.

    sources ─load─▶ articles ─annotate─▶ mentions, theme_hits ─analyse─▶ edges, topics ─plot─▶ figures

The names below are imported on first use, so ``import diplolib`` is quick and loads neither pandas nor
scikit-learn. Importing diplolib changes nothing else: no rcParams, no pandas accessors, no logging set-up.
"""

from ._lazy import attach

__version__ = "0.1.0"

_NAMES = {
    # the packages, one per domain step
    "actors": ".actors",
    "comention": ".comention",
    "datasets": ".datasets",
    "events": ".events",
    "normalize": ".normalize",
    "paths": ".paths",
    "plots": ".plots",
    "readers": ".readers",
    "segment": ".segment",
    "store": ".store",
    "themes": ".themes",
    "topics": ".topics",
    # the first calls of an analysis
    "load_articles": ".load",
    "load_records": ".load",
    "LoadResult": ".load",
    "normalize_articles": ".normalize",
    "describe_corpus": ".describe",
    "load_registry": ".actors",
    "tag_actors": ".actors",
    "tag_themes": ".themes",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = ["__version__", *_NAMES]
