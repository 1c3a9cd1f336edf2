"""``run_pipeline``: the pandas path's functions over partitions of a large corpus, with dask.distributed.

>>> from diplolib.parallel import run_pipeline
>>> result = run_pipeline(["data/raw/wh-readouts"], format="markdown", include="*/*.md",
...                       scheduler="tcp://10.0.0.5:8786")                                # doctest: +SKIP
>>> result.edges.head()                                                                  # doctest: +SKIP

Stages, each the same function as the pandas path, run once per partition:

1. load + normalise (:func:`diplolib.load.load_records`, :func:`diplolib.normalize.normalize_articles`
   without its duplicates step), with the exact-duplicate key of every article;
2. duplicates, corpus-wide: keys gathered once; MinHash bands computed (in the partitions) for the first
   copy of each key only and gathered; candidate pairs and the Jaccard check once (shingle sets fetched
   only for the candidates); ``duplicate_of`` sent back to the partitions;
3. actor and theme tagging (:func:`diplolib.actors.tag_actors`, :func:`diplolib.themes.tag_themes`)
   through ``map_partitions``;
4. co-mention counts per partition (:func:`diplolib.comention.comention_counts`), summed once, then the
   measures (:func:`diplolib.comention.edges_from_counts`);
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
from distributed import Client, futures_of, wait

from ..comention.edges import edges_from_counts, sum_counts
from ..load import _is_sidecar, read_dates
from ..normalize.duplicates import (
    BAND_COLUMNS,
    candidate_pairs,
    jaccard_pairs,
    representatives,
    resolve_duplicates,
)
from ..readers.base import ERROR_COLUMNS
from . import tasks
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions

__all__ = ["run_pipeline", "PipelineResult", "PartitionError", "PIPELINE_STEPS", "connect"]

#: Steps of :func:`run_pipeline`; loading and normalising always run.
PIPELINE_STEPS: tuple[str, ...] = ("actors", "themes", "edges", "topics")
_FAILURE_COLUMNS = ["partition", "stage", "files", "error"]


class PartitionError(RuntimeError):
    """Partitions failed after their retries; ``failures`` lists them (``partition``, ``stage``, ``files``,
    ``error``)."""

    def __init__(self, failures: pd.DataFrame):
        self.failures = failures
        lines = [f"partition {r.partition} ({r.stage}; {r.files}): {r.error}" for r in failures.itertuples()]
        super().__init__(
            f"{len(failures)} partition(s) failed after their retries, so no partial result is returned:\n  "
            + "\n  ".join(lines[:20])
            + "\nFix the cause (see the error of each), or leave those files out, and run again."
        )


@dataclass
class PipelineResult:
    """What :func:`run_pipeline` returns.

    Attributes
    ----------
    articles : dask DataFrame
        The articles table, one partition per :class:`~diplolib.parallel.plan.Partition` (held by the workers).
    errors : pandas DataFrame
        The load errors (``origin``, ``error``, ``message``).
    mentions, hits : dask DataFrame or None
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
    hits: dd.DataFrame | None = None
    edges: pd.DataFrame | None = None
    topics: dd.DataFrame | None = None
    topic_model: Any = None
    partitions: pd.DataFrame = field(default_factory=pd.DataFrame)
    timings: dict = field(default_factory=dict)
    stored: pd.DataFrame | None = None
    client: Client | None = None
    _owned: Any = None

    def close(self) -> None:
        """Close the client and the local cluster that :func:`run_pipeline` started (if it started one)."""
        if self._owned is not None:
            self.client.close()
            self._owned.close()
            self._owned = None


def connect(client: Client | str | None = None, *, n_workers: int = 2) -> tuple[Client, Any]:
    """A client: the one given, one connected to a scheduler address, the current one, or a new local cluster.

    Returns ``(client, cluster)`` where ``cluster`` is the LocalCluster started here (else None).
    """
    if isinstance(client, Client):
        return client, None
    if isinstance(client, str):
        return Client(client), None
    if client is not None:
        raise TypeError(f"client must be a distributed.Client, a scheduler address or None; got {client!r}.")
    try:
        from distributed import get_client

        return get_client(), None
    except ValueError:
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        return Client(cluster), cluster


def _failures(futures: list, partitions: Sequence[Partition], stage: str) -> list[dict]:
    wait(futures)
    rows = []
    for part, fut in zip(partitions, futures, strict=True):
        if fut.status != "finished":
            try:
                exc = fut.exception()
                err = f"{type(exc).__name__}: {exc}"
            except Exception as e:  # a cancelled future has no exception to give
                err = f"{fut.status}: {e}"
            rows.append({"partition": part.index, "stage": stage, "files": "; ".join(part.files), "error": err})
    return rows


def _check(futures: list, partitions: Sequence[Partition], stage: str) -> None:
    rows = _failures(futures, partitions, stage)
    if rows:
        raise PartitionError(pd.DataFrame(rows, columns=_FAILURE_COLUMNS))


def _ordered_futures(collection) -> list:
    """The futures of a persisted Dask DataFrame, in partition order (keys are ``(name, i)``)."""
    futs = futures_of(collection)
    if len(futs) != collection.npartitions:
        raise RuntimeError(f"expected {collection.npartitions} persisted partitions, found {len(futs)}.")
    return sorted(futs, key=lambda f: f.key[-1])


def _persist(client: Client, frame: dd.DataFrame, parts: Sequence[Partition], stage: str, retries: int):
    out = client.persist(frame, retries=retries)
    _check(_ordered_futures(out), parts, stage)
    return out


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
    client, cluster = connect(scheduler if scheduler is not None else client)
    try:
        return _run(parts, entry_errors, client, cluster, steps=steps, retries=retries, persist=persist, store=store,
                    near_duplicates=near_duplicates, published=published, window=window, by=by, period=period,
                    min_count=min_count, registry=registry, dictionary=dictionary, n_topics=n_topics,
                    topic_sample=topic_sample, topic_options=topic_options, recursive=recursive,
                    include=include, reader_options=reader_options)
    except BaseException:
        if cluster is not None:  # a cluster started here must not outlive a failed run
            client.close()
            cluster.close()
        raise


def _run(parts, entry_errors, client, cluster, *, steps, retries, persist, store, near_duplicates, published, window,
         by, period, min_count, registry, dictionary, n_topics, topic_sample, topic_options, recursive, include,
         reader_options) -> PipelineResult:
    if _is_sidecar(published):
        published = read_dates(published)
    options = dict(reader_options)
    if include is not None:
        options["include"] = include
    options["recursive"] = recursive
    tz = reader_options.get("tz")

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 3)
        clock = now

    # 1. load + normalise, with duplicate signatures
    loaded = client.map(tasks.load_partition, [p.files for p in parts], [p.roots for p in parts],
                        published=published, tz=tz, reader_options=options,
                        retries=retries, pure=False)
    _check(loaded, parts, "load")
    pieces = {name: client.map(operator.getitem, loaded, [name] * len(parts), pure=False)
              for name in ("articles", "errors", "signatures", "schema")}
    del loaded
    schemas = client.gather(pieces["schema"])
    errors = pd.concat([entry_errors, *[e for e in client.gather(pieces["errors"]) if len(e)]], ignore_index=True)
    errors = errors[ERROR_COLUMNS].reset_index(drop=True) if len(errors) else entry_errors
    schema = _schema(schemas)
    lap("load")

    # 2. duplicates, corpus-wide
    sigs = client.gather(pieces["signatures"])
    sizes = [len(s) for s in sigs]
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    sig = pd.concat(sigs, ignore_index=True)
    del sigs
    pairs = None
    if near_duplicates and len(sig):
        rep = representatives(sig["key"])
        need = np.flatnonzero(sig["eligible"].to_numpy() & (rep == np.arange(len(rep))))
        owner = np.searchsorted(offsets, need, side="right") - 1
        jobs = {int(p): client.submit(tasks.partition_bands, pieces["articles"][int(p)],
                                      (need[owner == p] - offsets[p]).tolist(), retries=retries, pure=False)
                for p in np.unique(owner)}
        _check(list(jobs.values()), [parts[p] for p in jobs], "duplicates")
        bands = np.zeros((len(sig), len(BAND_COLUMNS)), dtype=np.uint64)
        for p, block in zip(jobs, client.gather(list(jobs.values())), strict=True):
            bands[need[owner == p]] = block
        sig[list(BAND_COLUMNS)] = bands
        cands = candidate_pairs(sig)
        wanted = np.unique(cands[["a", "b"]].to_numpy())
        owner = np.searchsorted(offsets, wanted, side="right") - 1
        jobs = {int(p): client.submit(tasks.partition_shingles, pieces["articles"][int(p)],
                                      (wanted[owner == p] - offsets[p]).tolist(), retries=retries, pure=False)
                for p in np.unique(owner)}
        _check(list(jobs.values()), [parts[p] for p in jobs], "duplicates")
        sets: dict[int, np.ndarray] = {}
        for p, local in zip(jobs, client.gather(list(jobs.values())), strict=True):
            sets.update({int(offsets[p]) + i: v for i, v in local.items()})
        pairs = jaccard_pairs(cands, sets)
    dup = resolve_duplicates(sig["key"], pairs, sig["article_id"].tolist()) if len(sig) else np.array([])
    del sig
    final = client.map(tasks.conform_articles, pieces["articles"],
                       [dup[offsets[k]:offsets[k + 1]] for k in range(len(parts))], schema=schema,
                       retries=retries, pure=False)
    _check(final, parts, "duplicates")
    del pieces
    meta = client.submit(operator.methodcaller("head", 0), final[0]).result()
    articles = dd.from_delayed(final, meta=meta, verify_meta=False)
    lap("duplicates")

    result = PipelineResult(articles, errors, client=client, timings=timings, _owned=cluster)
    result.partitions = pd.DataFrame({
        "partition": [p.index for p in parts], "n_files": [len(p.files) for p in parts],
        "bytes": [p.size for p in parts], "n_articles": sizes, "first_file": [p.files[0] for p in parts]})
    sample = _meta_sample(meta)

    # 3. tagging
    if "actors" in steps:
        token = "default" if registry is None else tokenize(registry)
        empty = _tag_meta(tasks.tag_actors_partition, sample, registry=registry, token=token)
        reg = dask.delayed(registry) if registry is not None else None
        m = articles.map_partitions(tasks.tag_actors_partition, meta=empty, empty=empty, registry=reg, token=token)
        result.mentions = _persist(client, m, parts, "actors", retries) if persist else m
        lap("actors")
    if "themes" in steps:
        empty = _tag_meta(tasks.tag_themes_partition, sample, dictionary=dictionary)
        d = dask.delayed(dictionary) if dictionary is not None else None
        h = articles.map_partitions(tasks.tag_themes_partition, meta=empty, empty=empty, dictionary=d)
        result.hits = _persist(client, h, parts, "themes", retries) if persist else h
        lap("themes")

    # 3b. the corpus store: each partition writes its own chunk
    if store is not None:
        n = len(parts)
        mentions = result.mentions.to_delayed() if result.mentions is not None else [None] * n
        hits = result.hits.to_delayed() if result.hits is not None else [None] * n
        jobs = [dask.delayed(tasks.store_partition)(a, m, h, store=store, chunk=i)
                for i, (a, m, h) in enumerate(zip(articles.to_delayed(), mentions, hits, strict=True))]
        futs = client.compute(jobs, retries=retries)
        _check(futs, parts, "store")
        result.stored = pd.concat(client.gather(futs), ignore_index=True)
        lap("store")

    # 4. co-mention edges: per-partition counts, one sum, the measures
    if "edges" in steps:
        by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
        cols = ["article_id", *[c for c in ("published", *by_cols) if c in meta.columns]]
        counts = [dask.delayed(tasks.count_partition)(mp, ap, window=window, by=by, period=period)
                  for mp, ap in zip(result.mentions.to_delayed(), articles[cols].to_delayed(), strict=True)]
        futs = client.compute(counts, retries=retries)
        _check(futs, parts, "edges")
        result.edges = edges_from_counts(sum_counts(client.gather(futs)), min_count=min_count)
        lap("edges")

    # 5. topics: fitted on a sample, applied per partition
    if "topics" in steps:
        from ..topics import fit_topics
        from .topics import apply_topics, topics_meta

        every = max(1, int(offsets[-1]) // max(topic_sample, 1))
        picked = client.map(tasks.sample_articles, final, offsets[:-1].tolist(), every=every, pure=False)
        model = fit_topics(pd.concat(client.gather(picked), ignore_index=True), n_topics=n_topics,
                           **dict(topic_options or {}))
        t = articles.map_partitions(apply_topics, dask.delayed(model), meta=topics_meta())
        result.topics = _persist(client, t, parts, "topics", retries) if persist else t
        result.topic_model = model
        lap("topics")
    return result


def _tag_meta(fn, sample: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """The output columns and dtypes of a tagging step: the step itself run on two sample articles."""
    return fn(sample, **kwargs).iloc[:0]
