"""What runs on the workers: one call of the pandas path's functions per partition.

Every function here takes and returns pandas objects and calls the public functions of the pandas path
(:func:`diplolib.load.load_records`, :func:`diplolib.load.to_articles`,
:func:`diplolib.actors.tag_actors`, :func:`diplolib.themes.tag_themes`,
:func:`diplolib.comention.counts.comention_counts`, the split steps of :mod:`diplolib.normalize.duplicates`);
nothing is implemented a second time. The actor matcher and the theme dictionary are built once per
worker process and cached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._memory import reuse_heap_in_workers, rows_as_list
from .._tables import as_list
from ..load import concat_records, load_records, metadata_text, to_articles
from ..normalize.articles import STEPS
from ..normalize.duplicates import BAND_COLUMNS, duplicate_signatures, shingle_sets
from .bands import BandCache

__all__ = [
    "load_partition",
    "scan_partition",
    "partition_articles",
    "partition_shingles_of_files",
    "meta_sample",
    "conform_articles",
    "partition_bands",
    "partition_shingles",
    "tag_actors_partition",
    "tag_themes_partition",
    "count_partition",
    "mentions_for_edges",
    "sample_articles",
    "store_partition",
]

_CACHE: dict[tuple[str, str], Any] = {}
_BANDS: dict[str, BandCache] = {}  # one per worker process, made at its first scan


def load_partition(files: Sequence[str], roots: Sequence[str], *, published: Any = None, tz: str | None = None,
                   reader_options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Load and normalise the files of one partition (duplicates left for the corpus-wide pass).

    Returns
    -------
    dict
        ``articles`` (the articles table of :func:`diplolib.load.load_articles`, ``duplicate_of`` still
        empty), ``errors`` (load errors), ``signatures`` (:func:`duplicate_signatures` of ``text_match``
        with ``article_id``, exact keys only: see :func:`partition_bands`), ``schema`` (column → dtype name,
        and the number of rows).
    """
    reuse_heap_in_workers()  # a Dask nanny's MALLOC_TRIM_THRESHOLD_ costs ~0.5-1 s of system time a partition
    options = dict(reader_options or {})
    records, errors = [], []
    for file, root in zip(files, roots, strict=True):
        rec, err = load_records(file, root=root, **options)
        records.append(rec)
        errors.append(err)
    articles = to_articles(concat_records(records), published=published, tz=tz,
                           steps=[s for s in STEPS if s != "duplicates"])
    sig = duplicate_signatures(articles["text_match"], near=False)  # bands later, for first copies only
    sig.insert(0, "article_id", articles["article_id"].to_numpy())
    errs = [e for e in errors if len(e)] or errors[:1]
    return {
        "articles": articles,
        "errors": pd.concat(errs, ignore_index=True) if len(errs) > 1 else errs[0],
        "signatures": sig,
        "schema": ([(c, str(t)) for c, t in articles.dtypes.items()], len(articles)),
    }


def scan_partition(files: Sequence[str], roots: Sequence[str], *, published: Any = None, tz: str | None = None,
                   reader_options: Mapping[str, Any] | None = None, near: bool = True,
                   count: Mapping[str, Any] | None = None, registry: Any = None,
                   token: str = "default") -> dict[str, Any]:
    """One partition in one task, returning only what is small: load + normalise, duplicate signatures, and (with
    ``count``) actor tagging and co-mention counts. The articles and mentions tables die with the task.

    The Dask path's ``persist=False`` mode: no text-sized table outlives this task (the articles are loaded again
    from the files when ``result.articles`` is computed).

    Returns
    -------
    dict
        ``errors``, ``schema`` as :func:`load_partition`; ``signatures`` with the MinHash bands when ``near``
        (:class:`diplolib.parallel.bands.BandCache`: each distinct body hashed once per worker); ``meta`` (the
        articles table's empty head); ``counts`` (:func:`count_partition` of the mentions with the article columns
        ``published`` and ``count["by"]``, as this partition holds them) when ``count`` is given (None when the
        partition lacks a ``by`` column: it is counted later from its finished table).
    """
    out = load_partition(files, roots, published=published, tz=tz, reader_options=reader_options)
    articles = out.pop("articles")
    if near:
        cache = _BANDS.setdefault("bands", BandCache())
        out["signatures"] = cache.fill(out["signatures"], articles["text_match"])
    out["meta"] = articles.iloc[:0]
    if count is not None and all(c in articles.columns for c in as_list(count.get("by"))):
        mentions = tag_actors_partition(articles, registry=registry, token=token)
        if mentions.empty:  # an empty result has untyped columns: the step's own output on two sample articles
            mentions = tag_actors_partition(meta_sample(out["meta"]), registry=registry, token=token).iloc[:0]
        cols = ["article_id", *[c for c in ("published", *as_list(count.get("by"))) if c in articles.columns]]
        out["counts"] = count_partition(mentions, articles[cols], **count)
        del mentions
    elif count is not None:
        out["counts"] = None
    del articles
    return out


def partition_articles(files: Sequence[str], roots: Sequence[str], duplicate_of: np.ndarray | None,
                       schema: Sequence[tuple[str, str]], *, published: Any = None, tz: str | None = None,
                       reader_options: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The finished articles table of one partition, loaded again from its files (:func:`load_partition`, then
    :func:`conform_articles`): the lazy ``result.articles`` of ``persist=False``."""
    articles = load_partition(files, roots, published=published, tz=tz, reader_options=reader_options)["articles"]
    return conform_articles(articles, duplicate_of, schema)


def partition_shingles_of_files(files: Sequence[str], roots: Sequence[str], positions: Sequence[int], *,
                                published: Any = None, tz: str | None = None,
                                reader_options: Mapping[str, Any] | None = None) -> dict[int, np.ndarray]:
    """:func:`partition_shingles` of a partition loaded again from its files (``persist=False``: only the
    partitions holding near-duplicate candidates are loaded a second time)."""
    articles = load_partition(files, roots, published=published, tz=tz, reader_options=reader_options)["articles"]
    return partition_shingles(articles, positions)


def meta_sample(articles_meta: pd.DataFrame) -> pd.DataFrame:
    """Two real-looking articles with the articles' dtypes: run through a step, they give its output dtypes."""
    texts = ["President Vladimir Putin met Bashar al-Assad in Damascus to discuss the ceasefire, sanctions "
             "and humanitarian aid with the United Nations.",
             "Le président Vladimir Poutine a rencontré Bachar al-Assad à Damas pour discuter du cessez-le-feu "
             "et de l'aide humanitaire avec les Nations unies."]
    values = {"article_id": ["meta-en", "meta-fr"], "lang": ["en", "fr"], "text": texts,
              "published": list(pd.to_datetime(["2017-03-01", "2017-03-02"], utc=True))}
    data = {}
    for col, dtype in articles_meta.dtypes.items():
        try:
            data[col] = pd.Series(values.get(col, [pd.NA, pd.NA]), dtype=object).astype(dtype)
        except (TypeError, ValueError):  # a non-nullable numeric or boolean column
            data[col] = pd.Series([0, 0]).astype(dtype)
    return pd.DataFrame(data)


def conform_articles(articles: pd.DataFrame, duplicate_of: np.ndarray | None,
                     schema: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """Set ``duplicate_of`` and give the partition the corpus-wide columns and dtypes (``schema``).

    A metadata column absent from the partition is added empty; one that is a string column in the corpus
    but numeric here is written as text (:func:`diplolib.load.metadata_text`, as ``tidy_metadata`` writes it).
    """
    out = articles.copy()
    if duplicate_of is not None:
        out["duplicate_of"] = pd.array(duplicate_of, dtype="string")
    for col, dtype in schema:
        if col not in out.columns:
            out[col] = pd.Series(pd.NA, index=out.index, dtype=object).astype(dtype)
        elif str(out[col].dtype) != dtype:
            if dtype == "string":
                out[col] = metadata_text(out[col])
            else:
                out[col] = out[col].astype(dtype)
    return out[[c for c, _ in schema]]


def partition_bands(articles: pd.DataFrame, positions: Sequence[int]) -> np.ndarray:
    """MinHash band hashes (rows × 16, uint64) of the rows at ``positions`` (local) of one partition.

    Asked only for the first copy of each exact key in the corpus, so repeated bodies are hashed once.
    """
    texts = rows_as_list(articles["text_match"], list(positions))  # chunk by chunk: no copy of the whole column
    return duplicate_signatures(texts)[list(BAND_COLUMNS)].to_numpy()


def partition_shingles(articles: pd.DataFrame, positions: Sequence[int]) -> dict[int, np.ndarray]:
    """Shingle sets of the rows at ``positions`` (local) of one partition, for the exact Jaccard check."""
    return shingle_sets(articles["text_match"], positions=positions)


def _cached(kind: str, token: str, build):
    key = (kind, token)
    if key not in _CACHE:
        _CACHE[key] = build()
    return _CACHE[key]


def _matcher(registry: Any, token: str):
    from ..actors.matcher_cache import default_matcher
    from ..actors.tagger import ActorMatcher

    if isinstance(registry, ActorMatcher):
        return registry
    if registry is None:
        return default_matcher()
    return _cached("actors", token, lambda: ActorMatcher(registry))


def tag_actors_partition(articles: pd.DataFrame, *, empty: pd.DataFrame | None = None, registry: Any = None,
                         token: str = "default") -> pd.DataFrame:
    """:func:`diplolib.actors.tag_actors` on one partition, with the worker's cached matcher.

    ``empty`` (the output's columns and dtypes) replaces an empty result, whose columns would be untyped.
    """
    from ..actors import tag_actors

    reuse_heap_in_workers()
    out = tag_actors(articles, registry=_matcher(registry, token))
    return empty if out.empty and empty is not None else out


def tag_themes_partition(articles: pd.DataFrame, *, empty: pd.DataFrame | None = None,
                         dictionary: Any = None) -> pd.DataFrame:
    """:func:`diplolib.themes.tag_themes` on one partition, with the worker's cached dictionary."""
    from ..themes import tag_themes

    out = tag_themes(articles, dictionary=dictionary)  # the default dictionary is cached by tag_themes
    return empty if out.empty and empty is not None else out


def mentions_for_edges(mentions: pd.DataFrame, articles: pd.DataFrame, by: Sequence[str] = ()) -> pd.DataFrame:
    """The mentions with the article columns co-mentions need (``published`` and the ``by`` columns)."""
    from ..comention.counts import with_article_columns

    return with_article_columns(mentions, articles=articles, columns=["published", *by])


def count_partition(mentions: pd.DataFrame, articles: pd.DataFrame, **options: Any):
    """:func:`diplolib.comention.counts.comention_counts` of one partition (its mentions and articles)."""
    from ..comention.counts import comention_counts

    return comention_counts(mentions, articles=articles, **options)


def sample_articles(articles: pd.DataFrame, offset: int, *, every: int) -> pd.DataFrame:
    """Every ``every``-th row of a partition, counting from the corpus position ``offset`` of its first row."""
    pos = np.arange(offset, offset + len(articles))
    return articles[pos % every == 0]


def store_partition(
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None,
    hits: pd.DataFrame | None,
    *,
    store: Any,
    chunk: int,
) -> pd.DataFrame:
    """Write one partition's articles, mentions and theme hits to the corpus store as chunk ``chunk``.

    Calls :func:`diplolib.store.write_table`; the same chunk id written again replaces its files, so a
    retried task leaves no duplicate rows. Returns the files written (``table``, ``chunk``, ``partition``,
    ``file``, ``rows``, ``bytes``).
    """
    from ..store import write_table

    keys = articles[[c for c in ("article_id", "source", "published", "year") if c in articles.columns]]
    written = [write_table(articles, "articles", store=store, chunk=chunk)]
    if mentions is not None:
        written.append(write_table(mentions, "mentions", store=store, chunk=chunk, articles=keys))
    if hits is not None:
        written.append(write_table(hits, "theme_hits", store=store, chunk=chunk, articles=keys))
    return pd.concat(written, ignore_index=True)


def events_partition(articles: pd.DataFrame, mentions: pd.DataFrame, *, empty: pd.DataFrame | None = None,
                     registry: Any = None, token: str = "default") -> pd.DataFrame:
    """:func:`diplolib.events.extract_events` on one partition and its mentions, with the worker's cached matcher
    (the same function as the pandas path: one automaton pass over the partition)."""
    from ..events import extract_events

    out = extract_events(articles, mentions, registry=_matcher(registry, token))
    return empty if out.empty and empty is not None else out

