"""The stages of :func:`diplolib.parallel.run_pipeline`, each the pandas path's functions on every partition.

1. load + normalise (:func:`diplolib.load.load_records`, :func:`diplolib.load.to_articles` without its duplicates
   step), 2. duplicates corpus-wide (:mod:`diplolib.parallel.duplicates`), 3. actor and theme tagging through
   ``map_partitions``, 3b. the corpus store, 4. co-mention counts per partition summed once, 4b. directed events
   per partition (:func:`diplolib.events.extract_events` on its articles and mentions), 5. topics fitted on a
   sample and applied per partition. A :class:`Run` carries the cluster, the partitions and the timings.
"""

from __future__ import annotations

import operator
import time
from dataclasses import dataclass, field

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask.base import tokenize
from distributed import Client

from .._tables import as_list
from ..comention.counts import sum_counts
from ..comention.edges import edges_from_counts
from ..readers.base import ERROR_COLUMNS
from . import tasks
from ._cluster import check, persist_checked
from .duplicates import corpus_duplicates
from .plan import Partition
from .result import PipelineResult

__all__ = ["Run", "load_stage", "tag_stage", "store_stage", "edges_stage", "events_stage", "topics_stage"]


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


@dataclass
class Run:
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
    counts: list | None = None  # persist=False with edges: each partition's co-mention counts, from its scan
    schemas: list | None = None  # persist=False: each partition's own columns and dtypes

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self.clock, 3)
        self.clock = now

    def keep(self, frame: dd.DataFrame, stage: str) -> dd.DataFrame:
        """``frame`` persisted on the workers (checked), or left lazy when the run does not persist."""
        return persist_checked(self.client, frame, self.parts, stage, self.retries) if self.persist else frame


def load_stage(run: Run, entry_errors: pd.DataFrame, *, published, options, near_duplicates,
               count=None, registry=None) -> PipelineResult:
    """Stages 1 and 2: load + normalise every partition, then flag duplicates corpus-wide.

    ``run.persist``: the articles tables stay on the workers for the later stages. Otherwise each partition is
    scanned in one task (:func:`tasks.scan_partition`: load, signatures with bands, and with ``count`` the actor
    tagging and co-mention counts) that returns only small tables, and ``result.articles`` is lazy (loaded again
    from the files when computed).
    """
    client, parts = run.client, run.parts
    loading = {"published": published, "tz": options.get("tz"), "reader_options": options}
    if run.persist:
        loaded = client.map(tasks.load_partition, [p.files for p in parts], [p.roots for p in parts], **loading,
                            retries=run.retries, pure=False)
    else:
        token = "default" if registry is None else tokenize(registry)
        reg = client.scatter(registry, broadcast=True, hash=False) if registry is not None else None
        loaded = client.map(tasks.scan_partition, [p.files for p in parts], [p.roots for p in parts], **loading,
                            near=near_duplicates, count=count, registry=reg, token=token,
                            retries=run.retries, pure=False)
    check(loaded, parts, "load")
    names = ["errors", "signatures", "schema"]
    names += ["articles"] if run.persist else ["meta", *(["counts"] if count is not None else [])]
    pieces = {name: client.map(operator.getitem, loaded, [name] * len(parts), pure=False) for name in names}
    del loaded
    schemas = client.gather(pieces["schema"])
    schema = _schema(schemas)
    errors = pd.concat([entry_errors, *[e for e in client.gather(pieces["errors"]) if len(e)]], ignore_index=True)
    errors = errors[ERROR_COLUMNS].reset_index(drop=True) if len(errors) else entry_errors
    if not run.persist:
        run.schemas = [dict(s) for s, _ in schemas]
        run.counts = client.gather(pieces["counts"]) if count is not None else None
    run.lap("load")

    sigs = client.gather(pieces["signatures"])
    sizes = [len(s) for s in sigs]
    run.offsets = np.concatenate([[0], np.cumsum(sizes)])
    dup = corpus_duplicates(client, pieces["articles"] if run.persist else None, sigs, run.offsets, parts,
                            near=near_duplicates, retries=run.retries, reload=loading)
    del sigs
    slices = [dup[run.offsets[k]:run.offsets[k + 1]] for k in range(len(parts))]
    if run.persist:
        run.final = client.map(tasks.conform_articles, pieces["articles"], slices, schema=schema,
                               retries=run.retries, pure=False)
        check(run.final, parts, "duplicates")
        run.meta = client.submit(operator.methodcaller("head", 0), run.final[0]).result()
    else:
        run.final = [dask.delayed(tasks.partition_articles)(p.files, p.roots, d, schema, **loading)
                     for p, d in zip(parts, slices, strict=True)]
        run.meta = tasks.conform_articles(client.gather(pieces["meta"][0]), np.array([], dtype=object), schema)
    del pieces
    articles = dd.from_delayed(run.final, meta=run.meta, verify_meta=False)
    run.lap("duplicates")
    result = PipelineResult(articles, errors, client=client, timings=run.timings)
    result.partitions = pd.DataFrame({
        "partition": [p.index for p in parts], "n_files": [len(p.files) for p in parts],
        "bytes": [p.size for p in parts], "n_articles": sizes, "first_file": [p.files[0] for p in parts]})
    return result


def tag_stage(run: Run, result: PipelineResult, *, steps, registry, dictionary) -> None:
    """Stage 3: actor and theme tagging, partition by partition."""
    sample = tasks.meta_sample(run.meta)
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


def store_stage(run: Run, result: PipelineResult, store) -> None:
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


def edges_stage(run: Run, result: PipelineResult, *, window, by, period, min_count) -> None:
    """Stage 4: co-mention counts per partition, one sum, then the measures.

    With ``persist=False`` the counts were taken in each partition's scan; a partition whose ``published`` or
    ``by`` columns have other dtypes than the corpus-wide table (a metadata column absent there, or numeric there
    but text elsewhere) is counted again from its finished articles, so that every part counts the same values.
    """
    cols = ["article_id", *[c for c in ("published", *as_list(by)) if c in run.meta.columns]]
    corpus = {c: str(t) for c, t in run.meta.dtypes.items()}
    parts = range(len(run.parts))
    if run.counts is not None:
        redo = [k for k in parts
                if run.counts[k] is None or any(run.schemas[k].get(c) != corpus[c] for c in cols[1:])]
    else:
        redo = list(parts)
    counts = list(run.counts) if run.counts is not None else [None] * len(run.parts)
    if redo:
        mentions, articles = result.mentions.to_delayed(), result.articles[cols].to_delayed()
        jobs = [dask.delayed(tasks.count_partition)(mentions[k], articles[k], window=window, by=by, period=period)
                for k in redo]
        futs = run.client.compute(jobs, retries=run.retries)
        check(futs, [run.parts[k] for k in redo], "edges")
        for k, c in zip(redo, run.client.gather(futs), strict=True):
            counts[k] = c
    result.edges = edges_from_counts(sum_counts(counts), min_count=min_count)
    run.counts = None
    run.lap("edges")


def events_stage(run: Run, result: PipelineResult, *, registry) -> None:
    """Stage 4b: directed events, each partition's articles with its own mentions (the pandas function)."""
    token = "default" if registry is None else tokenize(registry)
    sample = tasks.meta_sample(run.meta)
    mentions = tasks.tag_actors_partition(sample, registry=registry, token=token)
    empty = tasks.events_partition(sample, mentions, registry=registry, token=token).iloc[:0]
    reg = dask.delayed(registry) if registry is not None else None
    parts = [dask.delayed(tasks.events_partition)(a, m, empty=empty, registry=reg, token=token)
             for a, m in zip(result.articles.to_delayed(), result.mentions.to_delayed(), strict=True)]
    result.events = run.keep(dd.from_delayed(parts, meta=empty, verify_meta=False), "events")
    run.lap("events")


def topics_stage(run: Run, result: PipelineResult, *, n_topics, topic_sample, topic_options) -> None:
    """Stage 5: a topic model fitted on a deterministic sample, applied to every partition."""
    from ..topics import fit_topics
    from .topics import apply_topics, topics_meta

    every = max(1, int(run.offsets[-1]) // max(topic_sample, 1))
    picked = run.client.compute([dask.delayed(tasks.sample_articles)(a, int(off), every=every) for a, off in
                                 zip(result.articles.to_delayed(), run.offsets[:-1], strict=True)])
    model = fit_topics(pd.concat(run.client.gather(picked), ignore_index=True), n_topics=n_topics,
                       **dict(topic_options or {}))
    t = result.articles.map_partitions(apply_topics, dask.delayed(model), meta=topics_meta())
    result.topics = run.keep(t, "topics")
    result.topic_model = model
    run.lap("topics")


def _tag_meta(fn, sample: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """The output columns and dtypes of a tagging step: the step itself run on two sample articles."""
    return fn(sample, **kwargs).iloc[:0]
