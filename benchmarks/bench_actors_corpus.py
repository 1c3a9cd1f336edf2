"""tag_actors on one pickled articles table, cold then warm: CPU seconds and MB/s of CPU.

    .venv/bin/python benchmarks/compare_mentions.py dump /tmp/m --articles /tmp/m-articles   # writes the pickles
    .venv/bin/python benchmarks/bench_actors_corpus.py /tmp/m-articles/kremlin-en.pkl
    .venv/bin/python benchmarks/with_code.py /tmp/before benchmarks/bench_actors_corpus.py /tmp/m-articles/kremlin-en.pkl

A fresh ``ActorMatcher`` of the built-in registry; "cold" is the first call (it also imports numba, loads the
compiled kernels and fills the matcher's lazy tables), "warm" a second call with the same matcher. Process CPU
time, steadier than wall time on a shared machine.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from diplolib.actors import load_registry
from diplolib.actors.tagger import ActorMatcher, tag_actors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pickle", help="a pickled articles table (compare_mentions.py dump --articles writes them)")
    args = parser.parse_args()
    articles = pd.read_pickle(args.pickle)
    size = sum(len(t.encode("utf-8")) for t in articles["text"] if isinstance(t, str)) / 1e6
    matcher = ActorMatcher(load_registry())
    c0 = time.process_time()
    n = len(tag_actors(articles, registry=matcher))
    c1 = time.process_time()
    tag_actors(articles, registry=matcher)
    c2 = time.process_time()
    print(f"{args.pickle}: {len(articles):,} articles, {size:.1f} MB, {n:,} mentions; cold {c1 - c0:.2f} s cpu = "
          f"{size / (c1 - c0):.1f} MB/s, warm {c2 - c1:.2f} s cpu = {size / (c2 - c1):.1f} MB/s")


if __name__ == "__main__":
    main()
