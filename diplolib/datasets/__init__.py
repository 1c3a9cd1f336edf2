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

from ._archive import UnsafeArchiveError
from ._catalogue import Corpus, catalogue, corpus
from ._fetch import available, fetch, inventory, is_fetched, path
from ._load import load
from ._transfer import ChecksumError, FetchError
from .recipes import RECIPES, read_corpus, recipe

__all__ = [
    "Corpus",
    "FetchError",
    "ChecksumError",
    "UnsafeArchiveError",
    "catalogue",
    "corpus",
    "available",
    "fetch",
    "is_fetched",
    "path",
    "inventory",
    "load",
    "read_corpus",
    "recipe",
    "RECIPES",
]
