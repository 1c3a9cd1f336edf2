"""Benchmark of the corpus store: write and read fa-kes × N (default 50 copies, 40,200 articles).

Run by hand::

    .venv/bin/python benchmarks/bench_store.py                 # 50 copies, chunks of 4,020 articles
    .venv/bin/python benchmarks/bench_store.py --copies 100 --chunk 8040

The corpus is built from the real fa-kes articles: copy ``k`` of every article gets the id
``<article_id>-k`` and its date moved ``k`` years later (``published`` NaT stays NaT), so the
copies spread over more year partitions (a worst case: many small files); ``--same-dates``
keeps the dates (fa-kes' own source × year folders; copies then compress well together).
Each phase runs in a fresh process (so its peak RSS is its own) and prints wall and CPU
time (CPU time is the better guide on a busy machine; pyarrow's threads count in it) and
peak RSS:

- ``floor``: importing diplolib and loading fa-kes (every phase starts with it);
- ``write``: ``write_chunks`` from a generator that builds one chunk of copies at a time;
- ``read all``: ``read_table`` of every column, sorted by ``article_id``;
- ``read cols+filter``: ``read_table(columns=["article_id", "published", "title"],
  filters=[("source", "==", "sana"), ("year", ">=", 2020)])``;
- ``baseline pandas``: one ``DataFrame.to_parquet`` of the whole table and ``pd.read_parquet``.

The store is written under a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd


def copies(articles: pd.DataFrame, first: int, last: int, shift: bool = True) -> pd.DataFrame:
    """Copies first..last-1 of the articles, with distinct ids and (``shift``) dates k years later."""
    parts = []
    for k in range(first, last):
        parts.append(
            articles.assign(
                article_id=articles["article_id"] + f"-{k}",
                published=articles["published"] + pd.DateOffset(years=k if shift else 0),
            )
        )
    return pd.concat(parts, ignore_index=True)


def phase(name: str, folder: Path, n_copies: int, per_chunk: int, shift: bool) -> dict:
    from diplolib import datasets, store

    articles, _ = datasets.load("fa-kes")
    t, cpu = time.perf_counter(), time.process_time()
    info: dict = {}
    if name == "floor (load fa-kes)":
        info = {"rows": len(articles)}
    elif name == "write":
        chunks = (copies(articles, k, min(k + per_chunk, n_copies), shift) for k in range(0, n_copies, per_chunk))
        summary = store.write_chunks(chunks, "articles", store=folder / "store", mode="overwrite")
        info = {"rows": int(summary["rows"].sum()), "files": len(summary), "MB": summary["bytes"].sum() / 2**20}
    elif name == "read all":
        df = store.read_table("articles", store=folder / "store")
        info = {"rows": len(df)}
    elif name == "read cols+filter":
        df = store.read_table(
            "articles",
            store=folder / "store",
            columns=["article_id", "published", "title"],
            filters=[("source", "==", "sana"), ("year", ">=", 2020)],
        )
        info = {"rows": len(df)}
    elif name == "baseline pandas":
        whole = copies(articles, 0, n_copies, shift)
        t, cpu = time.perf_counter(), time.process_time()
        whole.to_parquet(folder / "whole.parquet", index=False)
        df = pd.read_parquet(folder / "whole.parquet")
        info = {"rows": len(df), "MB": (folder / "whole.parquet").stat().st_size / 2**20}
    info["seconds"] = time.perf_counter() - t
    info["cpu"] = time.process_time() - cpu
    info["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--chunk", type=int, default=4020, help="articles per chunk (a multiple of 804)")
    ap.add_argument("--same-dates", action="store_true", help="keep every copy's dates (fewer year partitions)")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    args = ap.parse_args()
    per_chunk = max(1, args.chunk // 804)
    if args.phase:
        print(json.dumps(phase(args.phase, Path(args.folder), args.copies, per_chunk, not args.same_dates)))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench_store-"))
    print(f"fa-kes x {args.copies} = {804 * args.copies:,} articles, chunks of {804 * per_chunk:,} articles")
    head = f"{'phase':20s} {'wall s':>8s} {'cpu s':>7s} {'peak RSS MB':>12s} {'rows':>9s} {'files':>6s}"
    print(head, f"{'MB on disk':>10s}")
    try:
        for name in ("floor (load fa-kes)", "write", "read all", "read cols+filter", "baseline pandas"):
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--phase",
                    name,
                    "--folder",
                    str(folder),
                    "--copies",
                    str(args.copies),
                    "--chunk",
                    str(args.chunk),
                    *(["--same-dates"] if args.same_dates else []),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{name:20s} {r['seconds']:8.2f} {r['cpu']:7.2f} {r['peak RSS MB']:12.0f} {r['rows']:9,d} "
                f"{r.get('files', ''):>6} {r.get('MB', float('nan')):10.1f}"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
