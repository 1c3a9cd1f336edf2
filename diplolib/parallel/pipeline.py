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

import os
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from distributed import Client

from ..load import resolve_published
from ._cluster import PartitionError, connect
from .plan import DEFAULT_PARTITION_SIZE, plan_partitions
from .result import PipelineResult
from .stages import Run, edges_stage, events_stage, load_stage, store_stage, tag_stage, topics_stage

__all__ = ["run_pipeline", "PipelineResult", "PartitionError", "PIPELINE_STEPS", "connect"]

#: Steps of :func:`run_pipeline`; loading and normalising always run.
PIPELINE_STEPS: tuple[str, ...] = ("actors", "themes", "edges", "events", "topics")


def run_pipeline(
    sources: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    client: Client | str | None = None,
    scheduler: str | None = None,
    steps: Sequence[Literal["actors", "themes", "edges", "events", "topics"]] = ("actors", "themes", "edges"),
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
        Among :data:`PIPELINE_STEPS`; loading and normalising always run. ``edges`` and ``events`` need
        ``actors``.
    partition_size, max_files
        Bytes of input files (and at most this many files) per partition; see :func:`plan_partitions`.
    retries
        Times a failed task is run again before its partition is reported as failed.
    persist
        Keep the articles, mentions, hits and topics in the workers' memory (spilled to disk past the workers'
        memory limit). False keeps nothing text-sized between stages, for corpora larger than the cluster's
        memory: each partition is loaded, normalised, given its duplicate signatures (MinHash bands included),
        tagged and counted in ONE task that returns only its signatures, errors and co-mention counts; the
        partitions holding near-duplicate candidates are loaded a second time for the exact Jaccard check;
        ``result.articles``, ``result.mentions``... are lazy (computing them loads, and tags, the partitions
        again from the files). Same tables either way.
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
    for step in ("edges", "events"):
        if step in steps and "actors" not in steps:
            raise ValueError(f"run_pipeline: the {step!r} step needs the 'actors' step; add 'actors' to steps.")
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
        run = Run(client, parts, retries, persist)
        count = ({"window": window, "by": by, "period": period}
                 if not persist and "edges" in steps else None)  # counted in each partition's scan
        result = load_stage(run, entry_errors, published=resolve_published(published), options=options,
                            near_duplicates=near_duplicates, count=count, registry=registry)
        result._owned = cluster
        tag_stage(run, result, steps=steps, registry=registry, dictionary=dictionary)
        if store is not None:
            store_stage(run, result, store)
        if "edges" in steps:
            edges_stage(run, result, window=window, by=by, period=period, min_count=min_count)
        if "events" in steps:
            events_stage(run, result, registry=registry)
        if "topics" in steps:
            topics_stage(run, result, n_topics=n_topics, topic_sample=topic_sample, topic_options=topic_options)
        return result
    except BaseException:
        if cluster is not None:  # a cluster started here must not outlive a failed run
            client.close()
            cluster.close()
        raise
