"""The catalogue of public sample corpora: fetching them into the data cache, and loading them in one call.

>>> from diplolib import datasets
>>> datasets.available()[["name", "documents", "licence"]]        # doctest: +SKIP
>>> datasets.fetch("fa-kes")                                       # doctest: +SKIP
PosixPath('.../data/raw/fa-kes')
>>> articles, errors = datasets.load("fa-kes")                     # doctest: +SKIP

Corpora come from their public location, or from a mirror laid out like ``../shared/data`` (one folder per
corpus): a local folder or an http(s) address, given as ``mirror=`` or the ``DIPLOLIB_MIRROR`` environment
variable. Every file is verified against the SHA-256 in ``manifests/<name>.sha256`` before it takes its place in
``data/raw/<name>/``; archives are then unpacked safely. How each corpus is read is its recipe in
:mod:`diplolib.datasets.recipes`.
"""

from .._lazy import attach

_NAMES = {
    "available": "._fetch",
    "fetch": "._fetch",
    "is_fetched": "._fetch",
    "path": "._fetch",
    "inventory": "._fetch",
    "load": "._load",
    "read_corpus": ".recipes",
    "recipe": ".recipes",
    "RECIPES": ".recipes",
    "parallel_sentences": ".recipes",
    "catalogue": "._catalogue",
    "corpus": "._catalogue",
    "Corpus": "._catalogue",
    "FetchError": "._transfer",
    "ChecksumError": "._transfer",
    "UnsafeArchiveError": "._archive",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
