"""Benchmark of co_mentions: 1,000,000 synthetic articles, ~5 actors each out of 2,000 (Zipf-ish).

Run by hand::

    .venv/bin/python benchmarks/bench_comention.py            # default sizes
    .venv/bin/python benchmarks/bench_comention.py --articles 100000 --baseline

Prints one row per variant: wall and CPU time (best of ``--repeat``; on a shared,
busy machine the CPU time is the better guide), peak traced memory
(tracemalloc, a separate run) and the number of edges. Variants: integer or string
article ids, with or without ``published`` (``first``/``last`` need a pass over the
pairs of every window), and grouped by outlet. ``--baseline`` adds a pure-Python
``Counter`` over ``itertools.combinations`` of each article's actor set; a reference
row times the sparse product alone (indicator built from ready codes). With numba installed (``diplolib[fast]``)
dense counts take the compiled kernel; the row "numpy path" times the same call without it. The compiled kernel
is cached on disk after its first compilation; the first call of a fresh install compiles it (a few seconds), which
``--repeat`` (best of) leaves out.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import operator
import resource
import time
import tracemalloc
from collections import Counter

import numpy as np
import pandas as pd
import scipy.sparse as sp

from diplolib.comention import co_mentions


def synthetic(n_articles: int, n_actors: int, seed: int = 0) -> pd.DataFrame:
    """Mentions table: Poisson(4)+1 mentions per article, actor popularity ~ 1/rank."""
    rng = np.random.default_rng(seed)
    per = rng.poisson(4, n_articles) + 1
    article = np.repeat(np.arange(n_articles, dtype=np.int64), per)
    p = 1.0 / np.arange(1, n_actors + 1)
    p /= p.sum()
    actor = rng.choice(n_actors, size=article.size, p=p)
    labels = np.array([f"Q{i:05d}" for i in range(n_actors)], dtype=object)
    day = rng.integers(0, 3650, n_articles)
    published = pd.Timestamp("2015-01-01", tz="UTC") + pd.to_timedelta(day[article], unit="D")
    return pd.DataFrame(
        {
            "article_id": article,
            "actor_id": pd.Series(labels[actor], dtype=str),
            "source": pd.Series(
                np.array(["sana", "tass", "reuters", "xinhua"], dtype=object)[article % 4], dtype=str
            ),
            "published": published,
            "sentence": rng.integers(0, 8, article.size),  # ~8 sentences: most hold one actor
        }
    )


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """Best wall time and best CPU time (process_time: less sensitive to a busy machine)."""
    best, best_cpu, out = float("inf"), float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    return best, best_cpu, out


def peak_mb(fn) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def counter_baseline(m: pd.DataFrame) -> Counter:
    """Pure Python: one pass over (article, actor) rows sorted by article, Counter of sorted pairs."""
    m = m.sort_values("article_id", kind="stable")
    pairs: Counter = Counter()
    rows = zip(m["article_id"].tolist(), m["actor_id"].tolist(), strict=True)
    for _, group in itertools.groupby(rows, key=operator.itemgetter(0)):
        pairs.update(itertools.combinations(sorted({actor for _, actor in group}), 2))
    return pairs


def product_only(m: pd.DataFrame):
    """Reference: the indicator matrix from ready integer codes and the one product, nothing else."""
    actor, _ = pd.factorize(m["actor_id"])
    window, _ = pd.factorize(m["article_id"])
    X = sp.csr_matrix(
        (np.ones(len(m), dtype=np.int32), (actor, window)), shape=(actor.max() + 1, window.max() + 1)
    )
    X.sum_duplicates()
    X.data[:] = 1
    return lambda: sp.triu(X @ X.T.tocsr(), k=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=2_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", action="store_true", help="also time a pure-Python Counter")
    ap.add_argument("--only", action="append", default=None, metavar="TEXT",
                    help="time only the variants whose name contains TEXT (repeatable), e.g. --only 'no dates'")
    ap.add_argument("--no-peak", action="store_true", help="skip the tracemalloc run of each variant")
    args = ap.parse_args()

    m = synthetic(args.articles, args.actors)
    m_str = m.assign(article_id=pd.Series(m["article_id"].astype(str), dtype=str))
    print(f"{args.articles:,} articles, {len(m):,} mentions, {args.actors:,} actors")
    variants = {
        "int ids, no dates": lambda: co_mentions(m.drop(columns="published"), window="article"),
        "int ids, first/last": lambda: co_mentions(m, window="article"),
        "str ids, no dates": lambda: co_mentions(m_str.drop(columns="published"), window="article"),
        "str ids, first/last": lambda: co_mentions(m_str, window="article"),
        "int ids, by=source, no dates": lambda: co_mentions(
            m.drop(columns="published"), window="article", by="source"
        ),
        "int ids, sentence windows, first/last": lambda: co_mentions(m, window="sentence"),
    }
    try:  # the numpy path, as without numba (diplolib[fast]); absent from older code
        import diplolib.comention.pairs as pairs

        if hasattr(pairs, "_COMPILED"):
            def numpy_path():
                pairs._COMPILED = False
                try:
                    return co_mentions(m.drop(columns="published"), window="article")
                finally:
                    pairs._COMPILED = True

            variants["int ids, no dates, numpy path"] = numpy_path
    except ImportError:
        pass
    if args.only:
        variants = {k: v for k, v in variants.items() if any(o in k for o in args.only)}
    print(f"{'variant':34s} {'wall s':>8s} {'cpu s':>8s} {'peak MB':>9s} {'edges':>10s}")
    for name, fn in variants.items():
        t, c, edges = timed(fn, args.repeat)
        peak = f"{peak_mb(fn):9.0f}" if not args.no_peak else f"{'-':>9s}"
        print(f"{name:34s} {t:8.2f} {c:8.2f} {peak} {len(edges):10,d}")
    t, c, upper = timed(product_only(m), args.repeat)
    print(f"{'reference: X @ X.T only':34s} {t:8.2f} {c:8.2f} {'':>9s} {upper.nnz:10,d}")
    if args.baseline:
        t, c, pairs = timed(lambda: counter_baseline(m), 1)
        print(f"{'Python Counter (counts only)':34s} {t:8.2f} {c:8.2f} {'':>9s} {len(pairs):10,d}")
    print(f"max RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
