"""The catalogue: ``catalogue.yaml`` (one entry per corpus) and ``manifests/<name>.sha256`` (its files)."""

from __future__ import annotations

import hashlib
import urllib.parse
from dataclasses import dataclass, field
from importlib import resources

import yaml

__all__ = ["Corpus", "catalogue", "corpus"]


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


def _entry(name: str, e: dict) -> Corpus:
    files = _read_manifest(name)
    for key in ("no_url", "optional", "unpack"):
        unknown = set(e.get(key, ())) - set(files)
        if unknown:
            raise ValueError(f"catalogue.yaml, {name}.{key}: {sorted(unknown)} not in manifests/{name}.sha256.")
    return Corpus(
        name=name, title=e["title"], description=e["description"], lang=tuple(e["lang"]),
        documents=int(e["documents"]), licence=e["licence"], citation=e["citation"],
        homepage=e["homepage"], upstream=e.get("upstream", ""), url_prefix=e.get("url_prefix", ""),
        format=e["format"], files=files, no_url=frozenset(e.get("no_url", ())),
        optional=frozenset(e.get("optional", ())), unpack=tuple(e.get("unpack", ())),
    )


def catalogue() -> dict[str, Corpus]:
    """All catalogue entries, by name (read once from the packaged ``catalogue.yaml``)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        raw = yaml.safe_load(resources.files(__package__).joinpath("catalogue.yaml").read_text("utf-8"))
        _CATALOGUE = {name: _entry(name, e) for name, e in raw.items()}
    return _CATALOGUE


def corpus(name: str) -> Corpus:
    """The catalogue entry ``name``; a ``ValueError`` lists the known names otherwise."""
    entries = catalogue()
    if name not in entries:
        raise ValueError(f"unknown corpus {name!r}; the catalogue has: {', '.join(sorted(entries))} "
                         "(see diplolib.datasets.available()).")
    return entries[name]
