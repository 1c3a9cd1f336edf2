"""diplolib: load, annotate and analyse diplomatic news dispatches as tidy pandas tables.

Importing diplolib changes nothing else: no rcParams, no pandas accessors, no logging set-up.
"""

__version__ = "0.1.0"

from . import datasets, paths  # noqa: E402

__all__ = ["__version__", "datasets", "paths"]
