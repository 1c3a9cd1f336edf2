"""One-call loaders for the catalogue corpora: ``load_corpus("fa-kes")`` → ``(articles, errors)``.

Each corpus is fetched (or found) with :func:`diplolib.datasets.path` and read with the right reader and
options; origins are relative to the corpus folder. What each loader adds:

============  ===========  =============================================================================
corpus        reader       notes
============  ===========  =============================================================================
fa-kes        csv          preset "fa-kes" (dates M/D/YYYY); keeps ``unit_id``, ``location``, ``labels``
wikinews-fr   html         source "wikinews", lang "fr"; ``keyphrases`` from ``ref`` ("kp1;kp2;…")
kremlin-en    html         the unpacked ``var/`` tree (else the ``.tar.xz``, streamed); ``page_id``, and
                           ``telephone``/``syria`` flags from ``index.derived.csv`` joined on the page id
wh-readouts   markdown     source "whitehouse"; front-matter keys as columns
re3d          jsonl        every ``*/documents.json``; source = ``sourceName``; keeps the document ``_id``
sib200        csv (TSV)    three languages × 1,004 sentences; ``index_id`` (parallel), ``category``,
                           ``split``; lang from the folder (fra_Latn → fr, arb_Arab → ar, eng_Latn → en)
ungdc         filename     ``country``, ``session``, ``year``; ``published`` NA (see the filename reader)
sana-fr       page         source "sana", lang "fr"
============  ===========  =============================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from .walk import read_records

__all__ = ["CORPUS_LOADERS", "load_corpus", "read_corpus"]

_SIB_LANG = {"fra_Latn": "fr", "arb_Arab": "ar", "eng_Latn": "en"}


def _fa_kes(root: Path, **kw):
    return read_records(root / "FA-KES-Dataset.csv", root=root, **{"preset": "fa-kes", **kw})


def _wikinews(root: Path, **kw):
    records, errors = read_records(
        root / "documents", root=root, **{"format": "html", "source": "wikinews", "lang": "fr", **kw}
    )
    ref = root / "ref"
    if ref.is_file():
        pairs = [line.split("\t", 1) for line in ref.read_text("utf-8").splitlines() if "\t" in line]
        keyphrases = {name.strip(): kps.strip() for name, kps in pairs}
        names = records["origin"].str.rsplit("/", n=1).str[-1]
        records = records.assign(
            keyphrases=names.map(keyphrases).astype(object).where(names.isin(keyphrases), pd.NA)
        )
    return records, errors


def _kremlin(root: Path, **kw):
    tree = root / "var"
    source = tree if tree.is_dir() else root / "kremlin_en_news_main.tar.xz"
    records, errors = read_records(
        source,
        root=root,
        **{
            "format": "html",
            "source": "kremlin",
            "lang": "en",
            "encoding_errors": "replace",
            "include": "*.html",
            **kw,
        },
    )
    page_id = records["origin"].str.extract(r"(\d+)\.html$", expand=False)
    records = records.assign(page_id=pd.to_numeric(page_id, errors="coerce").astype("Int64"))
    index = root / "index.derived.csv"
    if index.is_file():
        flags = pd.read_csv(index, usecols=["id", "telephone", "syria"], dtype={"id": "Int64"})
        flags = flags.astype({"telephone": bool, "syria": bool}).rename(columns={"id": "page_id"})
        records = records.merge(flags.drop_duplicates("page_id"), on="page_id", how="left")
    return records, errors


def _wh(root: Path, **kw):
    return read_records(
        root,
        root=root,
        **{"format": "markdown", "include": "*/*.md", "source": "whitehouse", "lang": "en", **kw},
    )


def _re3d(root: Path, **kw):
    return read_records(
        root, root=root, **{"format": "jsonl", "include": "*/documents.json", "lang": "en", **kw}
    )


def _sib200(root: Path, **kw):
    records, errors = read_records(
        root,
        root=root,
        **{
            "preset": "sib200",
            "format": "csv",
            "source": "sib200",
            "include": [f"{f}/*.tsv" for f in _SIB_LANG],
            **kw,
        },
    )
    folder = records["origin"].str.split("/", n=1).str[0]
    split = records["origin"].str.extract(r"/(\w+)\.tsv:", expand=False)
    return records.assign(lang=folder.map(_SIB_LANG), split=split), errors


def _ungdc(root: Path, **kw):
    tree = root / "TXT"
    source = tree if tree.is_dir() else root / "UNGDC_1946-2024_TXT.tar.xz"
    return read_records(
        source, root=root, **{"format": "filename", "include": "*.txt", "source": "ungdc", "lang": "en", **kw}
    )


def _sana(root: Path, **kw):
    return read_records(
        root, root=root, **{"format": "page", "include": "*.txt", "source": "sana", "lang": "fr", **kw}
    )


#: Corpus name → ``loader(corpus_folder, **options) -> (records, errors)``.
CORPUS_LOADERS: dict[str, Callable[..., tuple[pd.DataFrame, pd.DataFrame]]] = {
    "fa-kes": _fa_kes,
    "wikinews-fr": _wikinews,
    "kremlin-en": _kremlin,
    "wh-readouts": _wh,
    "re3d": _re3d,
    "sib200": _sib200,
    "ungdc": _ungdc,
    "sana-fr": _sana,
}


def read_corpus(
    name: str, *, fetch_missing: bool = True, **options: Any
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The raw records and errors of catalogue corpus ``name`` (before :mod:`diplolib.normalize`).

    ``options`` override the corpus defaults and go to the readers (e.g. ``progress=True``, ``tz=``).
    """
    if name not in CORPUS_LOADERS:
        raise ValueError(
            f"no loader for corpus {name!r}; known: {', '.join(sorted(CORPUS_LOADERS))} "
            "(other folders: diplolib.load.load_articles(path, format=...))."
        )
    from .. import datasets

    return CORPUS_LOADERS[name](datasets.path(name, fetch_missing=fetch_missing), **options)


def load_corpus(name: str, *, fetch_missing: bool = True, published: Any = None, **options: Any):
    """Fetch (if needed) and load catalogue corpus ``name`` into the articles and errors tables.

    Parameters
    ----------
    name
        "fa-kes", "wikinews-fr", "kremlin-en", "wh-readouts", "re3d", "sib200", "ungdc" or "sana-fr".
    fetch_missing
        Fetch the corpus into the data cache when it is not there (else read what is there).
    published
        Passed to :func:`diplolib.normalize.normalize_articles`.
    **options
        Reader options overriding the corpus defaults (``progress=True``, ``tz="Europe/Moscow"``, ...).

    Returns
    -------
    diplolib.load.LoadResult
        ``(articles, errors)``, as :func:`diplolib.load.load_articles`; the corpus's metadata columns (see the
        module table) are kept in ``articles``.
    """
    from ..load import LoadResult, tidy_metadata
    from ..normalize import normalize_articles

    records, errors = read_corpus(name, fetch_missing=fetch_missing, **options)
    kwargs: dict[str, Any] = {"published": published}
    if "tz" in options:
        kwargs["tz"] = options["tz"]
    return LoadResult(tidy_metadata(normalize_articles(records, **kwargs)), errors)
