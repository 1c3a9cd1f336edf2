"""The catalogue of public sample corpora, and fetching them into the data cache.

>>> from diplolib import datasets
>>> datasets.available()[["name", "documents", "licence"]]        # doctest: +SKIP
>>> datasets.fetch("fa-kes")                                       # doctest: +SKIP
PosixPath('.../data/raw/fa-kes')

Corpora come from their public location, or from a mirror laid out like
``../shared/data`` (one folder per corpus): a local folder or an http(s) address,
given as ``mirror=`` or the ``DIPLOLIB_MIRROR`` environment variable. Every file
is verified against the SHA-256 in ``manifests/<name>.sha256`` before it takes its
place in ``data/raw/<name>/``; archives are then unpacked safely.
"""

from __future__ import annotations

import hashlib
import json
import urllib.parse
import warnings
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from .. import paths
from ._archive import UnsafeArchiveError, unpack
from ._inventory import inventory as _inventory
from ._transfer import ChecksumError, FetchError, sha256_file, transfer

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
]

_STAMP = ".diplolib-fetched.json"


@dataclass(frozen=True)
class Corpus:
    """One catalogue entry. ``files`` maps each path inside the corpus folder to its SHA-256."""

    name: str
    title: str
    description: str
    lang: tuple[str, ...]
    documents: int
    licence: str
    citation: str
    homepage: str
    upstream: str
    url_prefix: str
    format: str
    files: dict[str, str] = field(repr=False)
    no_url: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    unpack: tuple[str, ...] = ()

    def url(self, relpath: str) -> str | None:
        """The public address of one file, or None when only a mirror has it."""
        if not self.url_prefix or relpath in self.no_url:
            return None
        return self.url_prefix + urllib.parse.quote(relpath)

    @property
    def digest(self) -> str:
        """One SHA-256 over the sorted manifest: identifies this exact version of the corpus."""
        text = "".join(f"{h}  {p}\n" for p, h in sorted(self.files.items()))
        return hashlib.sha256(text.encode()).hexdigest()


def _read_manifest(name: str) -> dict[str, str]:
    text = resources.files(__package__).joinpath("manifests", f"{name}.sha256").read_text("utf-8")
    files = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, rel = line.partition("  ")
        if not sep or len(digest) != 64:
            raise ValueError(f"manifests/{name}.sha256 line {lineno}: expected '<sha256>  <path>', got {line!r}.")
        files[rel.removeprefix("./")] = digest
    return files


_CATALOGUE: dict[str, Corpus] | None = None


def catalogue() -> dict[str, Corpus]:
    """All catalogue entries, by name (read once from the packaged ``catalogue.yaml``)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        raw = yaml.safe_load(resources.files(__package__).joinpath("catalogue.yaml").read_text("utf-8"))
        entries = {}
        for name, e in raw.items():
            files = _read_manifest(name)
            for key in ("no_url", "optional", "unpack"):
                unknown = set(e.get(key, ())) - set(files)
                if unknown:
                    raise ValueError(f"catalogue.yaml, {name}.{key}: {sorted(unknown)} not in manifests/{name}.sha256.")
            entries[name] = Corpus(
                name=name, title=e["title"], description=e["description"], lang=tuple(e["lang"]),
                documents=int(e["documents"]), licence=e["licence"], citation=e["citation"],
                homepage=e["homepage"], upstream=e.get("upstream", ""), url_prefix=e.get("url_prefix", ""),
                format=e["format"], files=files, no_url=frozenset(e.get("no_url", ())),
                optional=frozenset(e.get("optional", ())), unpack=tuple(e.get("unpack", ())),
            )
        _CATALOGUE = entries
    return _CATALOGUE


def corpus(name: str) -> Corpus:
    """The catalogue entry ``name``; a ``ValueError`` lists the known names otherwise."""
    entries = catalogue()
    if name not in entries:
        raise ValueError(f"unknown corpus {name!r}; the catalogue has: {', '.join(sorted(entries))} "
                         "(see diplolib.datasets.available()).")
    return entries[name]


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


def _code_digest() -> str:
    """SHA-256 over the source of the modules that turn raw files into articles (the cache key's code part)."""
    package = Path(__file__).resolve().parents[1]
    files = sorted([*package.glob("readers/*.py"), *package.glob("normalize/*.py"), package / "load.py"])
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


def load(name: str, *, cache: bool = True, **options):
    """Load a catalogue corpus in one call: fetch it if needed, read it with the right reader and options.

    The result is cached as Parquet in ``data/processed/<name>/`` (``articles.parquet``, ``errors.parquet``),
    keyed by the corpus checksums, the source code of the readers and normalisers, and the options: the
    same key gives the same tables, and any change of data, code or options rebuilds them.

    Parameters
    ----------
    name : str
        A catalogue name (see :func:`available`).
    cache : bool
        Read and write the Parquet cache (``False`` always loads from the raw files).
    **options
        Passed to :func:`diplolib.readers.corpora.load_corpus` (e.g. ``published=`` for the undated seed).

    Returns
    -------
    LoadResult
        ``articles, errors``: the articles table and the load-errors table.

    Examples
    --------
    >>> articles, errors = datasets.load("fa-kes")   # doctest: +SKIP
    """
    from ..load import LoadResult
    from ..readers.corpora import load_corpus

    c = corpus(name)
    key = hashlib.sha256(json.dumps({"corpus": c.digest, "code": _code_digest(), "options": options},
                                    sort_keys=True, default=str).encode()).hexdigest()
    folder = paths.processed_dir(name)
    stamp = folder / "load-key.txt"
    if cache and stamp.is_file() and stamp.read_text("utf-8").strip() == key:
        return LoadResult(pd.read_parquet(folder / "articles.parquet"), pd.read_parquet(folder / "errors.parquet"))
    result = load_corpus(name, **options)
    if cache:
        folder.mkdir(parents=True, exist_ok=True)
        stamp.unlink(missing_ok=True)
        result.articles.to_parquet(folder / "articles.parquet", index=False)
        result.errors.to_parquet(folder / "errors.parquet", index=False)
        stamp.write_text(key + "\n", "utf-8")
        result = LoadResult(pd.read_parquet(folder / "articles.parquet"), pd.read_parquet(folder / "errors.parquet"))
    return result
