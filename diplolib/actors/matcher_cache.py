"""The built-in registry's :class:`ActorMatcher`, built once and kept: in the process and in the data cache.

Building the matcher of the built-in registry (reading and validating the CSVs, then compiling one automaton
over some 63,000 keys, 189,000 words with their Arabic proclitic forms) takes seconds; every call of
:func:`~diplolib.actors.tag_actors` or :func:`~diplolib.events.extract_events` without a registry used to pay it
again. :func:`default_matcher` builds it once per process and keeps a pickled copy in
``data/processed/_models/`` (git-ignored, beside py3langid's unpacked model). The file is named by the set of
options and by a hash of everything the build reads: the registry files shipped in ``diplolib/actors/data/``, the
source of the ``diplolib`` package, and the versions of Python, pandas and pyahocorasick; it starts with the whole
hash, checked when read, so a stale matcher is never used. Two checkouts of different code sharing one data cache
(git worktrees) keep one file each instead of replacing each other's; a file of the same options not used for
:data:`KEEP_DAYS` days is removed when a new one is written. The cache holds only files diplolib wrote itself (a
pickle runs code when read: never put a file from elsewhere there).

A registry of the user's own (``load_registry("my_files/")``) is not cached: build its matcher once with
``ActorMatcher(registry)`` and pass it to each call.

>>> from diplolib.actors.matcher_cache import default_matcher
>>> default_matcher() is default_matcher()
True
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable
from itertools import chain
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .. import paths
from .matcher import ActorMatcher
from .registry import DATA_DIR, Registry, load_registry

__all__ = ["default_matcher", "as_matcher", "inputs_digest"]

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
KEEP_DAYS = 2
"""A cached matcher of other inputs, unused for this many days, is removed when a new one is written."""


@lru_cache(maxsize=1)
def inputs_digest() -> str:
    """A hash of the registry files and of the package source: what a built matcher depends on."""
    digest = hashlib.sha256()
    for root, pattern in ((DATA_DIR, "*.csv"), (_PACKAGE_DIR, "*.py")):
        for path in sorted(root.rglob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    for lib in ("pandas", "pyahocorasick"):
        digest.update(f"{lib}={version(lib)}".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _options(exclude_kinds: Iterable[str], roles: bool) -> str:
    return f"{sorted(set(exclude_kinds))}|roles={bool(roles)}"


def _cache_file(options: str, digest: str) -> Path:
    name = hashlib.sha256(options.encode()).hexdigest()[:16]
    return paths.processed_dir("_models") / f"actor-matcher-{name}-{digest[:16]}.pickle"


def _prune(path: Path) -> None:
    """Remove the files of the same options as ``path`` (other inputs) that nobody read for KEEP_DAYS days, and the
    temporary files of writers killed that long ago."""
    options_part = path.name.rsplit("-", 1)[0]
    too_old = time.time() - KEEP_DAYS * 86400
    leftovers = path.parent.glob("*.tmp")  # half-written by a process killed while writing
    for other in chain(path.parent.glob(f"{options_part}*.pickle"), leftovers):  # with the names before the hash
        try:
            if other != path and other.stat().st_mtime < too_old:
                other.unlink()
        except OSError:
            continue  # removed by a parallel process, or a read-only folder


def _read(path: Path, digest: str) -> ActorMatcher | None:
    """The matcher in ``path`` if the file was written from inputs with this digest, else None."""
    try:
        with path.open("rb") as f:
            if pickle.load(f) != digest:
                return None  # written before a change of the registry, the code or a library
            matcher = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, ValueError):
        return None  # missing, or half-written by a crashed process: build it again
    if not isinstance(matcher, ActorMatcher):
        return None
    try:
        os.utime(path)  # in use: not pruned by a checkout of other code
    except OSError:
        pass  # a read-only data folder
    return matcher


def _write(path: Path, digest: str, matcher: ActorMatcher) -> None:
    """Write to a temporary file and rename it, so that a parallel reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(digest, f)
            pickle.dump(matcher, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        _prune(path)
    except OSError:
        return  # a read-only data folder: the matcher still serves this process


_IN_PROCESS: dict[tuple[str, str], ActorMatcher] = {}


def default_matcher(*, exclude_kinds: Iterable[str] = (), roles: bool = True) -> ActorMatcher:
    """The matcher of the built-in registry, built at most once per process and per change of its inputs.

    Parameters
    ----------
    exclude_kinds : iterable of str
        Alias kinds to leave out, as for :class:`ActorMatcher`.
    roles : bool
        Match role phrases too.

    Returns
    -------
    ActorMatcher
        Shared by every caller in the process: treat it (and its ``registry``) as read-only.
    """
    options, digest = _options(exclude_kinds, roles), inputs_digest()
    key = (options, digest)
    if key not in _IN_PROCESS:
        path = _cache_file(options, digest)
        matcher = _read(path, digest)
        if matcher is None:
            matcher = ActorMatcher(load_registry(), exclude_kinds=exclude_kinds, roles=roles)
            _write(path, digest, matcher)
        _IN_PROCESS[key] = matcher
    return _IN_PROCESS[key]


def as_matcher(registry: Registry | ActorMatcher | None = None, *, exclude_kinds: Iterable[str] = (),
               roles: bool = True) -> ActorMatcher:
    """The matcher for a ``registry=`` argument: itself, the shared built-in one (None), or a new build."""
    if isinstance(registry, ActorMatcher):
        return registry
    if registry is None:
        return default_matcher(exclude_kinds=exclude_kinds, roles=roles)
    return ActorMatcher(registry, exclude_kinds=exclude_kinds, roles=roles)
