"""The data cache: what is fetched, fetching a corpus (from its public address or a mirror), its folder."""

from __future__ import annotations

import json
import urllib.parse
import warnings
from pathlib import Path

import pandas as pd

from .. import paths
from ._archive import unpack
from ._catalogue import catalogue, corpus
from ._inventory import inventory as _inventory
from ._transfer import FetchError, sha256_file, transfer

__all__ = ["available", "fetch", "inventory", "is_fetched", "path"]

_STAMP = ".diplolib-fetched.json"


def is_fetched(name: str) -> bool:
    """True if ``data/raw/<name>/`` holds this exact version of the corpus, verified and unpacked."""
    stamp = paths.raw_dir(name) / _STAMP
    if not stamp.is_file():
        return False
    try:
        return json.loads(stamp.read_text("utf-8")).get("digest") == corpus(name).digest
    except (json.JSONDecodeError, OSError):
        return False


def available() -> pd.DataFrame:
    """The catalogue as a DataFrame, one row per corpus.

    Returns
    -------
    DataFrame
        Columns ``name``, ``title``, ``description``, ``lang`` (comma-separated), ``documents``,
        ``files``, ``licence``, ``citation``, ``homepage``, ``upstream``, ``mirror_only`` (no public
        address serves every required file) and ``fetched`` (present and verified in the data cache).
    """
    rows = []
    for c in catalogue().values():
        required = set(c.files) - c.optional
        rows.append({
            "name": c.name, "title": c.title, "description": c.description, "lang": ",".join(c.lang),
            "documents": c.documents, "files": len(c.files), "licence": c.licence, "citation": c.citation,
            "homepage": c.homepage, "upstream": c.upstream,
            "mirror_only": any(c.url(p) is None for p in required), "fetched": is_fetched(c.name),
        })
    return pd.DataFrame(rows)


def _mirror_location(mirror: str, name: str, relpath: str) -> str:
    if urllib.parse.urlsplit(mirror).scheme in {"http", "https", "file"}:
        return mirror.rstrip("/") + "/" + urllib.parse.quote(f"{name}/{relpath}")
    return str(Path(mirror).expanduser() / name / relpath)


def fetch(
    name: str,
    *,
    mirror: str | Path | None = None,
    force: bool = False,
    progress: bool = True,
    timeout: float = 60.0,
) -> Path:
    """Fetch corpus ``name`` into ``data/raw/<name>/``, verify it and unpack its archives.

    A corpus already fetched and verified is left as it is (unless ``force``).

    Parameters
    ----------
    name : str
        A catalogue name (see :func:`available`).
    mirror : str or Path, optional
        A folder or an http(s) address laid out like ``../shared/data`` (``<mirror>/<name>/<file>``).
        Defaults to ``DIPLOLIB_MIRROR``; without one, files come from their public address.
    force : bool
        Fetch again even if the cache holds a verified copy.
    progress : bool
        Show progress bars.
    timeout : float
        Seconds to wait on a connection before giving up.

    Returns
    -------
    Path
        The corpus folder in the data cache.

    Raises
    ------
    FetchError
        A file is unreachable or was cut short; the message names the location and what to do.
    ChecksumError
        A file's SHA-256 differs from the catalogue's; it was not kept.
    UnsafeArchiveError
        An archive member would land outside the corpus folder; nothing of that archive was written.
    """
    c = corpus(name)
    target = paths.raw_dir(name)
    if not force and is_fetched(name):
        return target
    mirror = str(mirror) if mirror is not None else paths.mirror()
    target.mkdir(parents=True, exist_ok=True)
    (target / _STAMP).unlink(missing_ok=True)
    for relpath, digest in sorted(c.files.items()):
        dest = target / relpath
        if not force and dest.is_file() and sha256_file(dest) == digest:
            continue
        location = _mirror_location(mirror, name, relpath) if mirror else c.url(relpath)
        if location is None:
            if relpath in c.optional:
                warnings.warn(f"{name}: {relpath} is served by mirrors only and was skipped.", stacklevel=2)
                continue
            raise FetchError(
                f"{name}: no public address serves {relpath} as the catalogue knows it (it was packed or "
                f"derived from {c.upstream or 'its source'}). Set DIPLOLIB_MIRROR (or pass mirror=) to a folder "
                f"or address laid out like ../shared/data that holds {name}/{relpath}."
            )
        hint = ("Check the mirror holds this corpus, or unset DIPLOLIB_MIRROR to use the public address."
                if mirror else
                "Check your connection, or set DIPLOLIB_MIRROR (or pass mirror=) to a local copy laid out "
                "like ../shared/data.")
        transfer(location, dest, sha256=digest, corpus=name, hint=hint, timeout=timeout, progress=progress)
    for archive in c.unpack:
        unpack(target / archive, target)
    (target / _STAMP).write_text(json.dumps({"name": name, "digest": c.digest}) + "\n", "utf-8")
    return target


def path(name: str, *, fetch_missing: bool = True) -> Path:
    """The corpus folder in the data cache, fetching it first if needed (and ``fetch_missing``)."""
    corpus(name)
    if fetch_missing and not is_fetched(name):
        return fetch(name)
    return paths.raw_dir(name)


def inventory(name: str) -> pd.DataFrame:
    """One row per document of a fetched corpus, with its year, from metadata only (fast).

    Returns
    -------
    DataFrame
        ``corpus``, ``document`` (file, row or id), ``year`` (nullable Int64; empty when the corpus
        states no date).
    """
    return _inventory(name, path(name))
