"""diplolib: load, annotate and analyse diplomatic news dispatches as tidy pandas tables.

    sources ─load─▶ articles ─annotate─▶ mentions, theme_hits ─analyse─▶ edges, topics ─plot─▶ figures

Importing diplolib changes nothing else: no rcParams, no pandas accessors, no logging set-up.
"""

__version__ = "0.1.0"

from . import actors, comention, datasets, normalize, paths, readers, segment, store, themes, topics  # noqa: E402
from .actors import load_registry, tag_actors  # noqa: E402
from .describe import describe_corpus  # noqa: E402
from .load import LoadResult, load_articles, load_records  # noqa: E402
from .normalize import normalize_articles  # noqa: E402

__all__ = [
    "__version__",
    "actors",
    "comention",
    "datasets",
    "normalize",
    "paths",
    "readers",
    "segment",
    "store",
    "themes",
    "topics",
    "load_articles",
    "load_records",
    "LoadResult",
    "normalize_articles",
    "describe_corpus",
    "load_registry",
    "tag_actors",
]
