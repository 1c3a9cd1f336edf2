"""Benchmark of the partition-at-a-time steps of issue 17: sentence/paragraph boundaries and MinHash signatures.

Run by hand::

    .venv/bin/python benchmarks/bench_partition.py                       # fa-kes x 10, kremlin-en
    .venv/bin/python benchmarks/bench_partition.py --copies 100 --repeat 3

Rows: the per-article ``sentence_spans`` + ``paragraph_spans`` loop (what the tagger and the theme counts call
today) against ``segment_spans`` over the whole partition (absent on code before issue 17: run the script with
``PYTHONPATH`` at an export of the older commit to time the before side of MinHash); ``duplicate_signatures``
(keys, digests and MinHash bands) on a corpus of distinct texts (exact copies skip MinHash, so the copies of
FA-KES would measure nothing). CPU time (``process_time``, best of ``--repeat``): the machine is shared, so
wall time says more about the neighbours than about the code.
"""

from __future__ import annotations

import argparse
import gc
import time

import pandas as pd

from diplolib import datasets, segment
from diplolib.normalize.duplicates import duplicate_signatures


def cpu(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def per_article(texts: list[str]) -> int:
    n = 0
    for t in texts:
        n += len(segment.sentence_spans(t)) + len(segment.paragraph_spans(t))
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="fa-kes")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--dup-corpus", default="kremlin-en", help="distinct texts for the MinHash row")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    articles, _ = datasets.load(args.corpus, fetch_missing=False)
    texts = [t if isinstance(t, str) else "" for t in articles["text"]] * args.copies
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{args.corpus} x {args.copies}: {len(texts):,} texts, {mb:.1f} MB")
    print(f"{'step':46s} {'CPU s':>7s} {'MB/s':>8s} {'spans':>10s}")
    c = cpu(lambda: per_article(texts), args.repeat)
    print(f"{'sentence_spans + paragraph_spans per article':46s} {c:7.2f} {mb / c:8.1f} {per_article(texts):10,d}")
    if hasattr(segment, "segment_spans"):
        def whole():
            return len(segment.segment_spans(texts)) + len(segment.segment_spans(texts, unit="paragraph"))
        c = cpu(whole, args.repeat)
        print(f"{'segment_spans, sentences + paragraphs':46s} {c:7.2f} {mb / c:8.1f} {whole():10,d}")

    dup, _ = datasets.load(args.dup_corpus, fetch_missing=False)
    dup_texts = dup["text"].tolist()
    dmb = sum(len(t.encode()) for t in dup_texts if isinstance(t, str)) / 1e6
    out: list[pd.DataFrame] = []
    c = cpu(lambda: out.append(duplicate_signatures(dup_texts)), args.repeat)
    label = f"duplicate_signatures ({args.dup_corpus}, {dmb:.1f} MB)"
    print(f"{label:46s} {c:7.2f} {dmb / c:8.1f} {int(out[-1]['eligible'].sum()):10,d}")


if __name__ == "__main__":
    main()
