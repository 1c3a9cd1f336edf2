"""Benchmark of the Dask path at scale: load → normalise → tag actors → co-mention edges (issue 8).

Run by hand::

    .venv/bin/python benchmarks/bench_scale.py --n 20000 --pandas 20000     # validation size
    .venv/bin/python benchmarks/bench_scale.py                               # 1,000,000 articles, Dask only

The corpus (built once, cached in ``data/processed/bench/scale-<N>/``; delete the folder to rebuild):

* base texts: every non-empty article of the sample corpora fa-kes, wikinews-fr, wh-readouts and kremlin-en,
  as loaded by ``diplolib.datasets.load`` (title, display text, source, language), ordered by corpus then
  ``article_id`` — about 9,500 texts;
* article ``i`` (0 ≤ i < N) copies base text ``i mod M`` with its own ``id`` (``bench-0000042``), its own
  origin (shard file and line, hence its own ``article_id``) and its own date: 2010-01-01T00:00Z plus
  ``i × (15 years / N)``, so dates are distinct and spread evenly over 2010–2024;
* JSON lines, 2,000 articles per shard (``shard-00000.jsonl`` …), fields ``id``, ``title``, ``text``,
  ``published``, ``source``, ``lang``.

Texts repeat (each base text ~N/M times), so most articles are exact duplicates of an earlier one: every copy
is still loaded, normalised, tagged and counted in full; the near-duplicate stage only pairs the M distinct
texts. Fully deterministic: same N, same files.

The Dask run uses a LocalCluster of 2 single-threaded worker processes on 127.0.0.1 with a 4 GB memory limit
each (Dask spills to disk past 60 %); it prints the wall time of each stage (``run_pipeline(...).timings``),
the peak RSS of each worker process (psutil, sampled every 0.2 s), what each worker spilled to disk and read
back (count, MB, seconds), and each worker's peak memory per stage as the scheduler sees it (data managed by Dask,
unmanaged, on disk). Without ``--persist`` it runs ``run_pipeline(..., persist=False)``: each partition loaded,
tagged and counted in one task, nothing text-sized held between stages. ``--pandas N`` runs the pandas path
(``load_articles`` → ``tag_actors`` → ``co_mentions(mentions, articles=articles)``, the three tables kept, as a
notebook holds them) on the first N articles in a child process and prints its times, the RSS after each stage, the
peak RSS and the peak as a multiple of the body text (UTF-8 bytes of ``text``).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

from diplolib import paths

BASE_CORPORA = ("fa-kes", "wikinews-fr", "wh-readouts", "kremlin-en")
SHARD = 2_000
START = pd.Timestamp("2010-01-01", tz="UTC")
SPAN_NS = int(pd.Timedelta(days=15 * 365).value)
VERSION = "1"


def base_texts() -> pd.DataFrame:
    from diplolib import datasets

    frames = []
    for name in BASE_CORPORA:
        art, _ = datasets.load(name)
        art = art[art["text"].fillna("").str.strip() != ""]
        art = art.sort_values("article_id", kind="stable")
        frames.append(pd.DataFrame({"title": art["title"].astype(object), "text": art["text"].astype(object),
                                    "source": art["source"].astype(object), "lang": art["lang"].astype(object)}))
    return pd.concat(frames, ignore_index=True)


def build_corpus(n: int) -> Path:
    """Write (once) the N-article corpus as JSON-lines shards; return its folder."""
    folder = paths.processed_dir("bench") / f"scale-{n}"
    stamp = folder / ".diplolib-bench-stamp"
    if stamp.is_file() and stamp.read_text().strip() == f"{VERSION} {n}":
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    base = base_texts()
    m = len(base)
    recs = base.to_dict("records")
    t0 = time.perf_counter()
    for s in range(0, n, SHARD):
        with open(folder / f"shard-{s // SHARD:05d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(s, min(s + SHARD, n)):
                r = recs[i % m]
                when = START + pd.Timedelta(i * SPAN_NS // n, unit="ns")
                out.write(json.dumps({"id": f"bench-{i:07d}", "title": r["title"], "text": r["text"],
                                      "published": when.isoformat(), "source": r["source"], "lang": r["lang"]},
                                     ensure_ascii=False) + "\n")
    stamp.write_text(f"{VERSION} {n}\n")
    size = sum(p.stat().st_size for p in folder.glob("*.jsonl"))
    print(f"built {n:,} articles from {m:,} base texts in {time.perf_counter() - t0:.1f} s: "
          f"{size / 1e6:,.0f} MB in {folder.relative_to(paths.project_root())}")
    return folder


class PeakRSS:
    """Sample the resident memory of some processes (and their children) every ``interval`` s; keep the peaks."""

    def __init__(self, pids, interval: float = 0.2):
        self.procs = {pid: psutil.Process(pid) for pid in pids}
        self.peak = dict.fromkeys(pids, 0)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid, proc in self.procs.items():
                try:
                    rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
                except psutil.Error:
                    continue
                self.peak[pid] = max(self.peak[pid], rss)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


class WorkerMemory:
    """Sample what the scheduler knows of each worker's memory every ``interval`` s: process memory, the data Dask
    manages in memory (partitions, results held between stages) and what it spilled to disk; :meth:`by_stage`
    gives the peaks within each stage of the run."""

    def __init__(self, client, interval: float = 1.0):
        self.client = client
        self.interval = interval
        self.samples: list[tuple[float, str, int, int, int]] = []  # time, worker, memory, managed, on disk
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                info = self.client.scheduler_info(n_workers=-1)
            except TypeError:  # older distributed: every worker by default
                info = self.client.scheduler_info()
            except Exception:  # the cluster closing
                break
            now = time.perf_counter()
            for addr, w in info.get("workers", {}).items():
                m = w.get("metrics", {})
                spilled = m.get("spilled_bytes", {}) or {}
                self.samples.append((now, addr, int(m.get("memory", 0)), int(m.get("managed_bytes", 0)),
                                     int(spilled.get("disk", 0))))
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def by_stage(self, start: float, timings: dict) -> list[tuple[str, str, float, float, float, float]]:
        """(stage, worker, peak memory, peak managed in memory, peak unmanaged, peak on disk), in MB."""
        rows, t = [], start
        for stage, sec in timings.items():
            lo, t = t, t + sec
            for addr in sorted({s[1] for s in self.samples}):
                got = [s for s in self.samples if s[1] == addr and lo <= s[0] <= t]
                if got:
                    rows.append((stage, addr, max(s[2] for s in got) / 2**20, max(s[3] for s in got) / 2**20,
                                 max(s[2] - s[3] for s in got) / 2**20, max(s[4] for s in got) / 2**20))
        return rows


def run_dask(folder: Path, *, workers: int, memory_limit: str, partition_size: str, persist: bool) -> None:
    from distributed import Client, LocalCluster

    from diplolib.parallel import run_pipeline

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, memory_limit=memory_limit) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        t0 = time.perf_counter()
        with PeakRSS(list(pids.values())) as rss, WorkerMemory(client) as memory:
            res = run_pipeline(folder, client=client, steps=("actors", "edges"), persist=persist,
                               partition_size=partition_size, format="jsonl")
        wall = time.perf_counter() - t0
        spill = client.run(_spill_metrics)
        n_art = int(res.partitions["n_articles"].sum())
        peaks = {addr: rss.peak[pid] / 2**20 for addr, pid in pids.items()}
        print(f"\nDask path: {n_art:,} articles, {len(res.partitions)} partitions, {workers} workers "
              f"(memory_limit {memory_limit}), {len(res.errors)} error rows, {len(res.edges):,} edges")
        print("| stage | wall s |\n|---|---|")
        for stage, sec in res.timings.items():
            note = {"load": " (load + normalise + signatures + tag actors + count, one task per partition)",
                    "actors": " (graph only: tagging runs in the load task)",
                    "edges": " (sum + measures)"}.get(stage, "") if not persist else ""
            print(f"| {stage}{note} | {sec:,.1f} |")
        print(f"| **total** | **{wall:,.1f}** ({n_art / wall:,.0f} articles/s) |")
        print("| worker | peak RSS MB | spilled to disk: writes, MB, s | read back: reads, MB, s |\n|---|---|---|---|")
        for k, (addr, mb) in enumerate(sorted(peaks.items())):
            m = spill.get(addr, {})
            cells = [f"{m.get((op, 'count'), 0):,.0f}, {m.get((op, 'bytes'), 0) / 1e6:,.0f}, "
                     f"{m.get((op, 'seconds'), 0):,.1f}" for op in ("disk-write", "disk-read")]
            print(f"| {k} ({addr}) | {mb:,.0f} | {cells[0]} | {cells[1]} |")
        print("\nPer stage, each worker's peaks (MB; the scheduler's view, sampled every second; managed = data held "
              "by Dask in memory, unmanaged = process memory less managed):")
        print("| stage | worker | memory | managed | unmanaged | spilled on disk |\n|---|---|---|---|---|---|")
        order = {addr: k for k, addr in enumerate(sorted(peaks))}
        for stage, addr, mem, managed, unmanaged, disk in memory.by_stage(t0, res.timings):
            cells = " | ".join(f"{v:,.0f}" for v in (mem, managed, unmanaged, disk))
            print(f"| {stage} | {order.get(addr, addr)} | {cells} |")


def _spill_metrics(dask_worker) -> dict:
    """What a worker spilled to disk past its memory limit's thresholds and read back (``distributed``'s
    SpillBuffer metrics: counts, bytes, seconds): a run near the limit pays pickling and disk I/O per partition."""
    return dict(getattr(dask_worker.data, "cumulative_metrics", {}))


def _pandas_child(folder: str, n: int, queue) -> None:
    import pyarrow.compute as pc

    from diplolib.actors import tag_actors
    from diplolib.comention import co_mentions
    from diplolib.load import load_articles

    shards = sorted(Path(folder).glob("shard-*.jsonl"))[: -(-n // SHARD)]
    times, rss, me = {}, {}, psutil.Process()
    t = time.perf_counter()
    # text_match is read by no step below: left out (its duplicate signatures are taken chunk by chunk)
    articles, _ = load_articles(folder, format="jsonl", include=[s.name for s in shards], text_match=False)
    times["load+normalise"] = time.perf_counter() - t
    rss["load+normalise"] = me.memory_info().rss
    t = time.perf_counter()
    mentions = tag_actors(articles)
    times["actors"] = time.perf_counter() - t
    rss["actors"] = me.memory_info().rss
    t = time.perf_counter()
    edges = co_mentions(mentions, articles=articles)  # the documented call; joins only what the counts read
    times["edges"] = time.perf_counter() - t
    rss["edges"] = me.memory_info().rss
    text_bytes = int(pc.sum(pc.binary_length(articles["text"].array.__arrow_array__())).as_py() or 0)
    queue.put((len(articles), len(edges), times, rss, text_bytes))


def run_pandas(folder: Path, n: int) -> None:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_pandas_child, args=(str(folder), n, queue))
    proc.start()
    with PeakRSS([proc.pid]) as rss:
        n_art, n_edges, times, after, text_bytes = queue.get()
    proc.join()
    peak = rss.peak[proc.pid] / 2**20
    print(f"\npandas path: {n_art:,} articles, {n_edges:,} edges, one process")
    print("| stage | wall s | RSS after, MB |\n|---|---|---|")
    for stage, sec in times.items():
        print(f"| {stage} | {sec:,.1f} | {after[stage] / 2**20:,.0f} |")
    print(f"| **total** | **{sum(times.values()):,.1f}** | |\npeak RSS {peak:,.0f} MB; body text "
          f"{text_bytes / 2**20:,.1f} MB (UTF-8); peak = {peak * 2**20 / max(text_bytes, 1):.2f}x the text")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="articles in the corpus (default 1,000,000)")
    ap.add_argument("--pandas", type=int, default=0, metavar="N", help="also run the pandas path on N articles")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory-limit", default="4GB", help="per worker (default 4GB)")
    ap.add_argument("--partition-size", default="32MB", help="bytes of JSON lines per partition")
    ap.add_argument("--persist", action="store_true",
                    help="keep the mentions in the workers (separate actors/edges times; more memory)")
    args = ap.parse_args()
    folder = build_corpus(max(args.n, args.pandas))
    if not args.no_dask:
        run_dask(folder, workers=args.workers, memory_limit=args.memory_limit, partition_size=args.partition_size,
                 persist=args.persist)
    if args.pandas:
        run_pandas(folder, args.pandas)


if __name__ == "__main__":
    main()
