"""Tables that several test files compute the same way, computed once per test run and kept.

``make test`` runs the test files on two or more worker processes, each a long-lived Python process that runs many
files: what one file computed, another file in the same process can reuse, and a file in the other process can
read back from disk. The tables are kept in ``data/processed/_tests/`` (git-ignored, like the rest of
``data/processed``), in files named by what they are and by :func:`inputs_digest`, a hash of everything they
depend on: the fetched corpus's checksums, every file of the ``diplolib`` package (code and shipped data), and the
versions of Python and pandas. A change of any of them gives another file name, so a stale table is never read;
the files of other digests are removed when a new one is written. ``rm -rf data/processed/_tests`` clears them.

The files are pickles written by this module only (a pickle runs code when read: never put a file from elsewhere
there); each starts with its full digest, checked when read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd

from conftest import REPO, corpus_dir
from diplolib import datasets

CACHE = REPO / "data" / "processed" / "_tests"
PACKAGE = REPO / "diplolib"


@lru_cache(maxsize=1)
def package_digest() -> str:
    """SHA-256 over every file of the ``diplolib`` package (code and data) and the Python and pandas versions."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    digest.update(f"python={sys.version}|pandas={pd.__version__}".encode())
    return digest.hexdigest()


def inputs_digest(corpus: str) -> str:
    """What a table of ``corpus`` depends on: its checksums and :func:`package_digest`."""
    return hashlib.sha256(f"{corpus}|{datasets.corpus(corpus).digest}|{package_digest()}".encode()).hexdigest()


def _path(kind: str, corpus: str, digest: str) -> Path:
    return CACHE / f"{kind}-{corpus}-{digest[:16]}.pickle"


def _read(path: Path, digest: str):
    try:
        with path.open("rb") as f:
            if pickle.load(f) != digest:
                return None
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, ValueError):
        return None  # absent, or half-written by a killed process: compute it again


def _write(path: Path, digest: str, value) -> None:
    """Write through a temporary file renamed into place (a parallel reader never sees half a file); remove the
    files of the same kind and corpus with another digest, and temporary files left by killed writers."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(digest, f)
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        stem = path.name.rsplit("-", 1)[0]
        for other in path.parent.glob(f"{stem}-*.pickle"):
            if other != path:
                other.unlink(missing_ok=True)
    except OSError:
        return  # a read-only data folder: the value still serves this process


_IN_PROCESS: dict[tuple[str, str, str], object] = {}


def corpus_records(name: str, *, fresh: pd.DataFrame | None = None) -> pd.DataFrame:
    """``datasets.read_corpus(name, fetch_missing=False)[0]``: the records of a fetched corpus as its recipe reads
    them, before :func:`~diplolib.load.to_articles` (positions and texts as in the raw files).

    Reading kremlin-en's 7,235 HTML pages takes about 70 s of CPU; ``tests/test_readers.py``,
    ``test_actors_build.py`` and ``test_normalize_columnar.py`` need the same records. ``fresh``: records just read
    by the caller (the reader's own test), stored for the others. Returns a copy the caller may change.
    """
    corpus_dir(name)
    digest = inputs_digest(name)
    key = ("records", name, digest)
    if fresh is not None:
        _IN_PROCESS[key] = fresh.copy()
        _write(_path("records", name, digest), digest, _IN_PROCESS[key])
    if key not in _IN_PROCESS:
        path = _path("records", name, digest)
        records = _read(path, digest)
        if records is None:
            records, _ = datasets.read_corpus(name, fetch_missing=False)
            _write(path, digest, records)
        _IN_PROCESS[key] = records
    return _IN_PROCESS[key].copy()


def shipped_themes():
    """The shipped theme dictionary, ``load_themes()``, loaded once per process: the very object ``tag_themes`` uses
    when given no dictionary, so its compiled regexes and prefilters are built once too.

    Loading it validates and compiles some 5,500 cues (about 6 s of CPU) and its first use compiles the tagger's
    indexes (about 3 s more); two dozen test files used to pay both. The dictionary is frozen (compiled artefacts
    are cached on it): treat it as read-only. A test of loading itself (user files, errors) calls ``load_themes``.
    """
    from diplolib.themes.tagging import _default_dictionary

    return _default_dictionary()


__all__ = ["CACHE", "package_digest", "inputs_digest", "corpus_records", "shipped_themes"]
