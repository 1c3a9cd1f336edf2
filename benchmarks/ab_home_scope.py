"""The cost of the home-state rule of the themes (diplolib/themes/home_scope.py), A/B in one process.

The same articles are tagged with their ``source`` column (the rule reads the outlet's home state and scans the
sentences of the phone_call/visit/security_council hits for foreign names) and without it (the rule returns at once:
the tagger as it was before the rule), interleaved, ``--rounds`` times each; the best CPU time of each is kept.

    DIPLOLIB_MIRROR=/work/shared/data PYTHONPATH=$PWD .venv/bin/python benchmarks/ab_home_scope.py --rounds 3
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from diplolib import datasets
from diplolib.themes import tag_themes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", default=["kremlin-en", "wh-readouts"])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    arts = pd.concat([datasets.load(c)[0][["article_id", "source", "lang", "text"]] for c in args.corpus],
                     ignore_index=True)
    variants = {"with source (home-state rule)": arts, "without source (no rule)": arts.drop(columns="source")}
    tag_themes(arts.head(50))  # compile the dictionary and the name automaton once
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(args.rounds):
        for name, table in variants.items():
            w, c = time.perf_counter(), time.process_time()
            hits = tag_themes(table)
            w, c = time.perf_counter() - w, time.process_time() - c
            if name not in best or c < best[name][1]:
                best[name] = (w, c, int(hits["theme"].notna().sum()))
    mb = arts["text"].str.len().sum() / 1e6
    for name, (w, c, n) in best.items():
        print(f"{name}: {len(arts):,} articles, {mb:.1f} M chars, {n:,} hits; best CPU {c:.2f} s "
              f"({mb / c:.2f} M chars/s per core), wall {w:.2f} s")
    print(f"CPU ratio with/without: {best[list(variants)[0]][1] / best[list(variants)[1]][1]:.3f}")


if __name__ == "__main__":
    main()
