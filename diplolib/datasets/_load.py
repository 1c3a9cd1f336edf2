"""``datasets.load``: a catalogue corpus as the articles and errors tables, cached as Parquet."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from .. import paths
from ..load import LoadResult, to_articles
from ._catalogue import corpus
from .recipes import read_corpus

__all__ = ["load"]


def _code_digest() -> str:
    """SHA-256 over the source of the modules that turn raw files into articles (the cache key's code part)."""
    package = Path(__file__).resolve().parents[1]
    files = sorted([*package.glob("readers/*.py"), *package.glob("normalize/*.py"), package / "load.py",
                    package / "datasets" / "recipes.py"])
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


def _read(folder: Path) -> LoadResult:
    return LoadResult(pd.read_parquet(folder / "articles.parquet"), pd.read_parquet(folder / "errors.parquet"))


def _write_atomically(folder: Path, name: str, write) -> None:
    """Write ``folder/name`` through a temporary file renamed into place: a reader never sees half a file.

    Two processes loading the same corpus at once (two notebooks, parallel test workers) each write whole files;
    the last rename wins and both are the same tables, since the cache key fixes data, code and options.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, folder / name)
    finally:
        Path(tmp).unlink(missing_ok=True)


def load(name: str, *, cache: bool = True, fetch_missing: bool = True, published: Any = None,
         **options: Any) -> LoadResult:
    """Load a catalogue corpus in one call: fetch it if needed, read it with its recipe, normalise it.

    The result is cached as Parquet in ``data/processed/<name>/`` (``articles.parquet``, ``errors.parquet``),
    keyed by the corpus checksums, the source code of the readers, recipes and normalisers, and the options:
    the same key gives the same tables, and any change of data, code or options rebuilds them.

    Parameters
    ----------
    name : str
        A catalogue name (see :func:`available`).
    cache : bool
        Read and write the Parquet cache (``False`` always loads from the raw files).
    fetch_missing : bool
        Fetch the corpus into the data cache when it is not there (else read what is there).
    published : optional
        Dates for records that state none (see :func:`diplolib.load.to_articles`), e.g. for the undated seed.
    **options
        Reader options overriding the corpus recipe's (``progress=True``, ``tz="Europe/Moscow"``, ...).

    Returns
    -------
    LoadResult
        ``articles, errors``: the articles table (with the corpus's own metadata columns, see
        :mod:`diplolib.datasets.recipes`) and the load-errors table.

    Examples
    --------
    >>> articles, errors = datasets.load("fa-kes")   # doctest: +SKIP
    """
    c = corpus(name)
    key_options = {**options, **({"published": published} if published is not None else {})}
    key = hashlib.sha256(json.dumps({"corpus": c.digest, "code": _code_digest(), "options": key_options},
                                    sort_keys=True, default=str).encode()).hexdigest()
    folder = paths.processed_dir(name)
    stamp = folder / "load-key.txt"
    if cache and stamp.is_file() and stamp.read_text("utf-8").strip() == key:
        return _read(folder)
    records, errors = read_corpus(name, fetch_missing=fetch_missing, **options)
    result = LoadResult(to_articles(records, published=published, tz=options.get("tz")), errors)
    if cache:
        folder.mkdir(parents=True, exist_ok=True)
        stamp.unlink(missing_ok=True)
        _write_atomically(folder, "articles.parquet", lambda f: result.articles.to_parquet(f, index=False))
        _write_atomically(folder, "errors.parquet", lambda f: result.errors.to_parquet(f, index=False))
        _write_atomically(folder, stamp.name, lambda f: Path(f).write_text(key + "\n", "utf-8"))
        result = _read(folder)
    return result
