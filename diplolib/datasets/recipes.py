"""How each catalogue corpus is read: one small recipe per corpus, registered by name in :data:`RECIPES`.

A recipe is ``recipe(corpus_folder, **options) -> (records, errors)``: it calls
:func:`diplolib.readers.read_records` on the right files with the right reader and options (``options`` given
by the caller override the recipe's), and adds what the corpus's side files hold. :func:`read_corpus` finds the
corpus folder and runs its recipe; :func:`diplolib.datasets.load` then turns the records into the articles table
with :func:`diplolib.load.to_articles`, the tail every loading path shares.

To add a corpus: a catalogue entry in ``catalogue.yaml`` with its manifest, and a recipe here::

    @recipe("my-corpus")
    def _my_corpus(root: Path, **options):
        return _read(root / "documents", root, options, format="html", source="my-outlet", lang="fr")

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
unpc-ar-fr-en jsonl        the 4,389 pseudo-documents (1,463 UN documents × ar/fr/en); source "un", ``doc_id``
                           joins the three versions; ``published`` is the year 2015 only. The sentence triples:
                           :func:`parallel_sentences`
wikinews-ar   jsonl        source "wikinews", lang "ar", no dates; ``category``; the diacritized copies dropped
meae-fr       jsonl        source "meae" (French foreign ministry), lang "fr"; ``doc_type``, ``category``,
                           ``topics``, ``source_line``
============  ===========  =============================================================================

leaders-cia (a table of terms, read by :mod:`diplolib.actors`) and plover-gsr (coded sentences, read by
:mod:`diplolib.events`) are not articles and have no recipe; :func:`diplolib.datasets.path` gives their folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ..normalize.tags import split_tag_lists
from ..readers import read_records
from ._fetch import path

__all__ = ["RECIPES", "recipe", "read_corpus", "parallel_sentences"]

Recipe = Callable[..., tuple[pd.DataFrame, pd.DataFrame]]

#: Corpus name → its recipe, ``recipe(corpus_folder, **options) -> (records, errors)``.
RECIPES: dict[str, Recipe] = {}


def recipe(name: str) -> Callable[[Recipe], Recipe]:
    """Register the decorated function as the recipe of catalogue corpus ``name``."""

    def register(fn: Recipe) -> Recipe:
        if name in RECIPES:
            raise ValueError(f"corpus {name!r} has two recipes ({RECIPES[name].__name__} and {fn.__name__}).")
        RECIPES[name] = fn
        return fn

    return register


def _read(files: Path, root: Path, options: dict[str, Any], /, **defaults: Any):
    """``read_records(files)`` with origins relative to the corpus folder; ``options`` override ``defaults``."""
    return read_records(files, root=root, **{**defaults, **options})


def read_corpus(name: str, *, fetch_missing: bool = True, **options: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The raw records and errors of catalogue corpus ``name`` (before :mod:`diplolib.normalize`).

    ``options`` override the recipe's and go to the readers (e.g. ``progress=True``, ``tz=``).
    """
    if name not in RECIPES:
        raise ValueError(f"no recipe for corpus {name!r}; known: {', '.join(sorted(RECIPES))} "
                         "(other folders: diplolib.load_articles(path, format=...)).")
    return RECIPES[name](path(name, fetch_missing=fetch_missing), **options)


@recipe("fa-kes")
def _fa_kes(root: Path, **options):
    records, errors = _read(root / "FA-KES-Dataset.csv", root, options, preset="fa-kes")
    return split_tag_lists(records), errors  # The New Arab's "Tags …" list before the body is not a sentence


@recipe("wikinews-fr")
def _wikinews_fr(root: Path, **options):
    records, errors = _read(root / "documents", root, options, format="html", source="wikinews", lang="fr")
    ref = root / "ref"
    if ref.is_file():
        pairs = [line.split("\t", 1) for line in ref.read_text("utf-8").splitlines() if "\t" in line]
        keyphrases = {name.strip(): kps.strip() for name, kps in pairs}
        names = records["origin"].str.rsplit("/", n=1).str[-1]
        records = records.assign(
            keyphrases=names.map(keyphrases).astype(object).where(names.isin(keyphrases), pd.NA)
        )
    return records, errors


@recipe("kremlin-en")
def _kremlin_en(root: Path, **options):
    tree = root / "var"
    files = tree if tree.is_dir() else root / "kremlin_en_news_main.tar.xz"
    records, errors = _read(files, root, options, format="html", source="kremlin", lang="en",
                            encoding_errors="replace", include="*.html")
    page_id = records["origin"].str.extract(r"(\d+)\.html$", expand=False)
    records = records.assign(page_id=pd.to_numeric(page_id, errors="coerce").astype("Int64"))
    index = root / "index.derived.csv"
    if index.is_file():
        flags = pd.read_csv(index, usecols=["id", "telephone", "syria"], dtype={"id": "Int64"})
        flags = flags.astype({"telephone": bool, "syria": bool}).rename(columns={"id": "page_id"})
        records = records.merge(flags.drop_duplicates("page_id"), on="page_id", how="left")
    return records, errors


@recipe("wh-readouts")
def _wh_readouts(root: Path, **options):
    return _read(root, root, options, format="markdown", include="*/*.md", source="whitehouse", lang="en")


@recipe("re3d")
def _re3d(root: Path, **options):
    return _read(root, root, options, format="jsonl", include="*/documents.json", lang="en")


_SIB_LANG = {"fra_Latn": "fr", "arb_Arab": "ar", "eng_Latn": "en"}


@recipe("sib200")
def _sib200(root: Path, **options):
    records, errors = _read(root, root, options, preset="sib200", format="csv", source="sib200",
                            include=[f"{f}/*.tsv" for f in _SIB_LANG])
    folder = records["origin"].str.split("/", n=1).str[0]
    split = records["origin"].str.extract(r"/(\w+)\.tsv:", expand=False)
    return records.assign(lang=folder.map(_SIB_LANG), split=split), errors


@recipe("ungdc")
def _ungdc(root: Path, **options):
    tree = root / "TXT"
    files = tree if tree.is_dir() else root / "UNGDC_1946-2024_TXT.tar.xz"
    return _read(files, root, options, format="filename", include="*.txt", source="ungdc", lang="en")


@recipe("sana-fr")
def _sana_fr(root: Path, **options):
    return _read(root, root, options, format="page", include="*.txt", source="sana", lang="fr")


def _jsonl_documents(root: Path, name: str, options: dict[str, Any], *, source: str, drop=(), **defaults):
    """A JSON-lines corpus whose ``source`` field is a provenance note: kept as ``provenance``, source named."""
    records, errors = _read(root / name, root, options, format="jsonl", **defaults)
    records = records.drop(columns=[c for c in drop if c in records.columns])
    if "source" in records.columns:
        records = records.assign(provenance=records["source"], source=source)
    return records, errors


@recipe("unpc-ar-fr-en")
def _unpc(root: Path, **options):
    return _jsonl_documents(root, "unpc_documents_long.jsonl", options, source="un")


@recipe("wikinews-ar")
def _wikinews_ar(root: Path, **options):
    return _jsonl_documents(root, "ar_wikinews_farasa.jsonl", options, source="wikinews", lang="ar",
                            drop=("title_diacritized", "text_diacritized"))


@recipe("meae-fr")
def _meae_fr(root: Path, **options):
    return _jsonl_documents(root, "fr_meae_declarations_2020.jsonl", options, source="meae", lang="fr")


def parallel_sentences(name: str = "unpc-ar-fr-en", *, fetch_missing: bool = True) -> pd.DataFrame:
    """The aligned sentences of a parallel corpus: one row per sentence, one text column per language.

    Returns
    -------
    DataFrame
        ``id`` (one aligned sentence), ``doc_id`` (the document it comes from), ``organ``, and one column per
        language (``ar``, ``fr``, ``en``) holding that sentence's text.

    Examples
    --------
    >>> triples = parallel_sentences("unpc-ar-fr-en")   # doctest: +SKIP
    >>> triples[["en", "fr"]].head()                     # doctest: +SKIP
    """
    files = {"unpc-ar-fr-en": "unpc_parallel_sentences.jsonl"}
    if name not in files:
        raise ValueError(f"{name!r} is not a parallel corpus; the catalogue's parallel corpora: {sorted(files)}.")
    table = pd.read_json(path(name, fetch_missing=fetch_missing) / files[name], lines=True, dtype=False)
    return table[["id", "doc_id", "organ", "ar", "fr", "en"]].astype(str)
