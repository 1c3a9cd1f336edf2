"""In-process A/B of ``stats.association_measures``: another folder's ``diplolib/stats.py`` against this tree's, on
the pairs of ``bench_comention.py``'s synthetic million articles, interleaved, CPU time (best of ``--repeat``).

    git archive main diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/ab_measures.py /tmp/before --repeat 7

Both versions run in one process, one after the other in each round, so the load of a shared machine weighs on
both alike; the script checks that they give the same bits.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import time

import numpy as np
from bench_comention import synthetic

from diplolib import stats
from diplolib.comention import co_mentions


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("code", help="folder holding the other diplolib/ (e.g. an export of main)")
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("other_stats", os.path.join(args.code, "diplolib", "stats.py"))
    other = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(other)
    edges = co_mentions(synthetic(args.articles, 2_000).drop(columns="published"), window="article")
    cols = [edges[c].to_numpy(np.int64) for c in ("n", "n_a", "n_b", "n_windows")]
    best = {"other": float("inf"), "this tree": float("inf")}
    for _ in range(args.repeat):
        for label, fn in (("other", other.association_measures), ("this tree", stats.association_measures)):
            c = time.process_time()
            out = fn(*cols)
            best[label] = min(best[label], time.process_time() - c)
            if label == "other":
                ref = out
    same = all(np.array_equal(ref[k].view(np.int64), out[k].view(np.int64)) for k in stats.MEASURES)
    print(f"{len(edges):,} pairs; best CPU s of {args.repeat}: {args.code} {best['other']:.3f}, this tree "
          f"{best['this tree']:.3f} ({best['other'] / best['this tree']:.2f}x); identical bits: {same}")


if __name__ == "__main__":
    main()
