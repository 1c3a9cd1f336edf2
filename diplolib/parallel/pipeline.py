"""``run_pipeline``: the pandas path's functions over partitions of a large corpus, with dask.distributed.

>>> from diplolib.parallel import run_pipeline
>>> result = run_pipeline(["data/raw/wh-readouts"], format="markdown", include="*/*.md",
...                       scheduler="tcp://10.0.0.5:8786")                                # doctest: +SKIP
>>> result.edges.head()                                                                  # doctest: +SKIP

Stages, each the same function as the pandas path, run once per partition:

1. load + normalise (:func:`diplolib.load.load_records`, :func:`diplolib.load.to_articles` without its
   duplicates step), with the exact-duplicate key of every article;
2. duplicates, corpus-wide: keys gathered once; MinHash bands computed (in the partitions) for the first
   copy of each key only and gathered; candidate pairs and the Jaccard check once (shingle sets fetched
   only for the candidates); ``duplicate_of`` sent back to the partitions;
3. actor and theme tagging (:func:`diplolib.actors.tag_actors`, :func:`diplolib.themes.tag_themes`)
   through ``map_partitions``;
4. co-mention counts per partition (:func:`diplolib.comention.counts.comention_counts`), summed once, then the
   measures (:func:`diplolib.comention.edges.edges_from_counts`);
5. topics (optional): fitted on a deterministic sample, applied per partition.

A partition whose task still fails after ``retries`` (an exception, or workers that died while running it)
stops the run with :class:`PartitionError`, whose ``failures`` table names the partitions, stages and
files: results are never returned with partitions silently missing. Files that cannot be read are not
failures: they are rows of ``errors``, as in the pandas path.
"""

from __future__ import annotations

import operator
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask.base import tokenize
from distributed import Client

from .._tables import as_list
from ..comention.counts import sum_counts
from ..comention.edges import edges_from_counts
from ..load import resolve_published
from ..readers.base import ERROR_COLUMNS
from . import tasks
from ._cluster import PartitionError, check, connect, persist_checked
from .duplicates import corpus_duplicates
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions

__all__ = ["run_pipeline", "PipelineResult", "PartitionError", "PIPELINE_STEPS", "connect"]

#: Steps of :func:`run_pipeline`; loading and normalising always run.
PIPELINE_STEPS: tuple[str, ...] = ("actors", "themes", "edges", "topics")


@dataclass
class PipelineResult:
    """What :func:`run_pipeline` returns.

    Attributes
    ----------
    articles : dask DataFrame
        The articles table, one partition per :class:`~diplolib.parallel.plan.Partition` (held by the workers).
    errors : pandas DataFrame
        The load errors (``origin``, ``error``, ``message``).
    mentions, theme_hits : dask DataFrame or None
        The mentions and theme-hits tables (None when the step was not run).
    edges : pandas DataFrame or None
        The edges table of :func:`diplolib.comention.co_mentions`.
    topics : dask DataFrame or None
        ``article_id``, ``topic``, ``weight`` of every article, from the model in ``topic_model``.
    topic_model : TopicModel or None
        The model fitted on the sample.
    partitions : pandas DataFrame
        ``partition``, ``n_files``, ``bytes``, ``n_articles``, ``first_file``.
    timings : dict
        Wall seconds of each stage (``load``, ``duplicates``, ``actors``, ``themes``, ``store``, ``edges``,
        ``topics``).
    stored : pandas DataFrame or None
        The files written to the corpus store (``store=``), one row per file.
    client : distributed.Client
    """

    articles: dd.DataFrame
    errors: pd.DataFrame
    mentions: dd.DataFrame | None = None
    theme_hits: dd.DataFrame | None = None
    edges: pd.DataFrame | None = None
    topics: dd.DataFrame | None = None
    topic_model: Any = None
    partitions: pd.DataFrame = field(default_factory=pd.DataFrame)
    timings: dict = field(default_factory=dict)
    stored: pd.DataFrame | None = None
    client: Client | None = None
    _owned: Any = None

    @property
    def hits(self) -> dd.DataFrame | None:
        """Deprecated name of :attr:`theme_hits` (one name per table: ``theme_hits``)."""
        import warnings

        warnings.warn("PipelineResult.hits is now PipelineResult.theme_hits; the old name goes in the next "
                      "release.", DeprecationWarning, stacklevel=2)
        return self.theme_hits

    def close(self) -> None:
        """Close the client and the local cluster that :func:`run_pipeline` started (if it started one)."""
        if self._owned is not None:
            self.client.close()
            self._owned.close()
            self._owned = None


def _schema(schemas: list[tuple[list[tuple[str, str]], int]]) -> list[tuple[str, str]]:
    """Corpus-wide columns (first appearance order) and dtypes: a column keeps its dtype when every non-empty
    partition has it with that dtype (ints and floats together: float64), else it is a string column."""
    filled = [dict(s) for s, n in schemas if n] or [dict(schemas[0][0])]
    order: dict[str, None] = {}
    for s in filled:
        order.update(dict.fromkeys(s))
    out = []
    for col in order:
        kinds = {s.get(col) for s in filled}
        if len(kinds) == 1:
            out.append((col, kinds.pop()))
        elif kinds <= {"int64", "float64"}:
            out.append((col, "float64"))
        else:
            out.append((col, "string"))
    return out


def _meta_sample(articles_meta: pd.DataFrame) -> pd.DataFrame:
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


def run_pipeline(
    sources: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    client: Client | str | None = None,
    scheduler: str | None = None,
    steps: Sequence[Literal["actors", "themes", "edges", "topics"]] = ("actors", "themes", "edges"),
    partition_size: int | str = DEFAULT_PARTITION_SIZE,
    max_files: int | None = None,
    retries: int = 2,
    persist: bool = True,
    near_duplicates: bool = True,
    published: Any = None,
    window: Literal["sentence", "paragraph", "article"] = "sentence",
    by: str | Sequence[str] | None = None,
    period: Literal["M", "Q", "Y"] | None = None,
    min_count: int = 1,
    registry: Any = None,
    dictionary: Any = None,
    n_topics: int = 10,
    topic_sample: int = 20_000,
    topic_options: Mapping[str, Any] | None = None,
    recursive: bool = True,
    include: str | Sequence[str] | None = None,
    root: str | os.PathLike | None = None,
    store: str | os.PathLike | None = None,
    **reader_options: Any,
) -> PipelineResult:
    """Load, normalise, tag and count co-mentions of a corpus on a Dask cluster, partition by partition.

    Same tables as the pandas path (``load_articles`` → ``tag_actors`` / ``tag_themes`` → ``co_mentions`` on
    the mentions joined to the articles' ``published`` and ``by`` columns), row for row.

    Parameters
    ----------
    sources
        Files, folders or archives (read as :func:`diplolib.load.load_articles` reads each).
    client
        A ``distributed.Client``, a scheduler address (``"tcp://host:8786"``) or None: the current client,
        else a new LocalCluster of two single-threaded worker processes on 127.0.0.1 (close it with
        ``result.close()``).
    scheduler
        A scheduler address; same as ``client="tcp://host:8786"``.
    steps
        Among :data:`PIPELINE_STEPS`; loading and normalising always run. ``edges`` needs ``actors``.
    partition_size, max_files
        Bytes of input files (and at most this many files) per partition; see :func:`plan_partitions`.
    retries
        Times a failed task is run again before its partition is reported as failed.
    persist
        Keep mentions, hits and topics in the workers' memory (spilled to disk past the workers' memory
        limit). False leaves them lazy: edges are counted while tagging, without holding the mentions, and
        computing ``result.mentions`` tags again.
    near_duplicates, published
        As in :func:`diplolib.load.load_articles` (``published`` may be a sidecar CSV path).
    window, by, period, min_count
        Options of :func:`diplolib.comention.co_mentions`; ``by`` names article columns
        (``source``, ``lang``...).
    registry, dictionary
        Actor registry (or ActorMatcher) and theme dictionary; the built-in ones by default. Each worker
        builds the actor matcher once.
    n_topics, topic_sample, topic_options
        Topics: fitted with :func:`diplolib.topics.fit_topics` (``n_topics``, ``**topic_options``) on every
        k-th article of the corpus (about ``topic_sample`` of them), then applied to every partition with
        :func:`diplolib.parallel.apply_topics`.
    store
        Also write the articles, mentions and theme hits to this corpus store (:mod:`diplolib.store`), one
        chunk per partition, written by the workers: a store name (resolved here, under
        ``data/processed/store/``) or a folder. On a cluster the folder must be on storage every worker
        sees at the same path. ``result.stored`` lists the files written.
    recursive, include, root, **reader_options
        As in :func:`diplolib.load.load_articles` (``format``, ``preset``, ``columns``, ``encoding``, ``tz``,
        ``source``, ``lang``...).

    Returns
    -------
    PipelineResult

    Raises
    ------
    PartitionError
        Partitions whose tasks failed after ``retries`` (see ``.failures``).
    ValueError
        A source that does not exist, an unknown step.
    """
    steps = list(steps)
    unknown = [s for s in steps if s not in PIPELINE_STEPS]
    if unknown:
        raise ValueError(f"run_pipeline: unknown step(s) {unknown}; choose among {list(PIPELINE_STEPS)}.")
    if "edges" in steps and "actors" not in steps:
        raise ValueError("run_pipeline: the 'edges' step needs the 'actors' step; add 'actors' to steps.")
    if scheduler is not None and client is not None:
        raise ValueError("run_pipeline: give client= or scheduler=, not both.")
    parts, entry_errors = plan_partitions(sources, partition_size=partition_size, max_files=max_files,
                                          recursive=recursive, include=include, root=root)
    if not parts:
        raise ValueError(f"run_pipeline: no file to read in {sources!r} (include={include!r}).")
    if store is not None:
        from ..store import store_path

        store = store_path(store).resolve()
    options = {**reader_options, **({"include": include} if include is not None else {}), "recursive": recursive}
    client, cluster = connect(scheduler if scheduler is not None else client)
    try:
        run = _Run(client, parts, retries, persist)
        result = _load(run, entry_errors, published=resolve_published(published), options=options,
                       near_duplicates=near_duplicates)
        result._owned = cluster
        _tag(run, result, steps=steps, registry=registry, dictionary=dictionary)
        if store is not None:
            _store(run, result, store)
        if "edges" in steps:
            _edges(run, result, window=window, by=by, period=period, min_count=min_count)
        if "topics" in steps:
            _topics(run, result, n_topics=n_topics, topic_sample=topic_sample, topic_options=topic_options)
        return result
    except BaseException:
        if cluster is not None:  # a cluster started here must not outlive a failed run
            client.close()
            cluster.close()
        raise


@dataclass
class _Run:
    """One run of the pipeline: the cluster, the partitions, the retry and persist options, the stage timings."""

    client: Client
    parts: list[Partition]
    retries: int
    persist: bool
    timings: dict[str, float] = field(default_factory=dict)
    clock: float = field(default_factory=time.perf_counter)
    final: list = field(default_factory=list)  # the articles of each partition (futures)
    offsets: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    meta: pd.DataFrame | None = None

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self.clock, 3)
        self.clock = now

    def keep(self, frame: dd.DataFrame, stage: str) -> dd.DataFrame:
        """``frame`` persisted on the workers (checked), or left lazy when the run does not persist."""
        return persist_checked(self.client, frame, self.parts, stage, self.retries) if self.persist else frame


def _load(run: _Run, entry_errors: pd.DataFrame, *, published, options, near_duplicates) -> PipelineResult:
    """Stages 1 and 2: load + normalise every partition, then flag duplicates corpus-wide."""
    client, parts = run.client, run.parts
    loaded = client.map(tasks.load_partition, [p.files for p in parts], [p.roots for p in parts],
                        published=published, tz=options.get("tz"), reader_options=options,
                        retries=run.retries, pure=False)
    check(loaded, parts, "load")
    pieces = {name: client.map(operator.getitem, loaded, [name] * len(parts), pure=False)
              for name in ("articles", "errors", "signatures", "schema")}
    del loaded
    schema = _schema(client.gather(pieces["schema"]))
    errors = pd.concat([entry_errors, *[e for e in client.gather(pieces["errors"]) if len(e)]], ignore_index=True)
    errors = errors[ERROR_COLUMNS].reset_index(drop=True) if len(errors) else entry_errors
    run.lap("load")

    sigs = client.gather(pieces["signatures"])
    sizes = [len(s) for s in sigs]
    run.offsets = np.concatenate([[0], np.cumsum(sizes)])
    dup = corpus_duplicates(client, pieces["articles"], sigs, run.offsets, parts, near=near_duplicates,
                            retries=run.retries)
    del sigs
    run.final = client.map(tasks.conform_articles, pieces["articles"],
                           [dup[run.offsets[k]:run.offsets[k + 1]] for k in range(len(parts))], schema=schema,
                           retries=run.retries, pure=False)
    check(run.final, parts, "duplicates")
    del pieces
    run.meta = client.submit(operator.methodcaller("head", 0), run.final[0]).result()
    articles = dd.from_delayed(run.final, meta=run.meta, verify_meta=False)
    run.lap("duplicates")
    result = PipelineResult(articles, errors, client=client, timings=run.timings)
    result.partitions = pd.DataFrame({
        "partition": [p.index for p in parts], "n_files": [len(p.files) for p in parts],
        "bytes": [p.size for p in parts], "n_articles": sizes, "first_file": [p.files[0] for p in parts]})
    return result


def _tag(run: _Run, result: PipelineResult, *, steps, registry, dictionary) -> None:
    """Stage 3: actor and theme tagging, partition by partition."""
    sample = _meta_sample(run.meta)
    if "actors" in steps:
        token = "default" if registry is None else tokenize(registry)
        empty = _tag_meta(tasks.tag_actors_partition, sample, registry=registry, token=token)
        reg = dask.delayed(registry) if registry is not None else None
        m = result.articles.map_partitions(tasks.tag_actors_partition, meta=empty, empty=empty, registry=reg,
                                           token=token)
        result.mentions = run.keep(m, "actors")
        run.lap("actors")
    if "themes" in steps:
        empty = _tag_meta(tasks.tag_themes_partition, sample, dictionary=dictionary)
        d = dask.delayed(dictionary) if dictionary is not None else None
        h = result.articles.map_partitions(tasks.tag_themes_partition, meta=empty, empty=empty, dictionary=d)
        result.theme_hits = run.keep(h, "themes")
        run.lap("themes")


def _store(run: _Run, result: PipelineResult, store) -> None:
    """Stage 3b: each partition writes its own chunk of the corpus store."""
    n = len(run.parts)
    mentions = result.mentions.to_delayed() if result.mentions is not None else [None] * n
    hits = result.theme_hits.to_delayed() if result.theme_hits is not None else [None] * n
    jobs = [dask.delayed(tasks.store_partition)(a, m, h, store=store, chunk=i)
            for i, (a, m, h) in enumerate(zip(result.articles.to_delayed(), mentions, hits, strict=True))]
    futs = run.client.compute(jobs, retries=run.retries)
    check(futs, run.parts, "store")
    result.stored = pd.concat(run.client.gather(futs), ignore_index=True)
    run.lap("store")


def _edges(run: _Run, result: PipelineResult, *, window, by, period, min_count) -> None:
    """Stage 4: co-mention counts per partition, one sum, then the measures."""
    cols = ["article_id", *[c for c in ("published", *as_list(by)) if c in run.meta.columns]]
    counts = [dask.delayed(tasks.count_partition)(mp, ap, window=window, by=by, period=period)
              for mp, ap in zip(result.mentions.to_delayed(), result.articles[cols].to_delayed(), strict=True)]
    futs = run.client.compute(counts, retries=run.retries)
    check(futs, run.parts, "edges")
    result.edges = edges_from_counts(sum_counts(run.client.gather(futs)), min_count=min_count)
    run.lap("edges")


def _topics(run: _Run, result: PipelineResult, *, n_topics, topic_sample, topic_options) -> None:
    """Stage 5: a topic model fitted on a deterministic sample, applied to every partition."""
    from ..topics import fit_topics
    from .topics import apply_topics, topics_meta

    every = max(1, int(run.offsets[-1]) // max(topic_sample, 1))
    picked = run.client.map(tasks.sample_articles, run.final, run.offsets[:-1].tolist(), every=every, pure=False)
    model = fit_topics(pd.concat(run.client.gather(picked), ignore_index=True), n_topics=n_topics,
                       **dict(topic_options or {}))
    t = result.articles.map_partitions(apply_topics, dask.delayed(model), meta=topics_meta())
    result.topics = run.keep(t, "topics")
    result.topic_model = model
    run.lap("topics")


def _tag_meta(fn, sample: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """The output columns and dtypes of a tagging step: the step itself run on two sample articles."""
    return fn(sample, **kwargs).iloc[:0]
