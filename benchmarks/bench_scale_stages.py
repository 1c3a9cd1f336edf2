"""Where the pandas path's peak RSS is: ``bench_scale.py``'s pandas child with stage marks (run by hand).

    .venv/bin/python benchmarks/bench_scale_stages.py --n 100000                    # the 100,000-article corpus
    .venv/bin/python benchmarks/bench_scale_stages.py --n 250000 --corpus 1000000   # first 250,000 of the 1M one

Runs ``load_articles(..., text_match=False)`` → ``tag_actors`` → ``co_mentions(mentions, articles=articles)`` on the
first N articles of a ``bench_scale.py`` corpus (built if missing) in this process, samples its RSS every 5 ms and
labels each sample with the step running then (the load's chunks and ``finish_articles``, the tagger's matcher,
chunks and final table, ``co_mentions``' join, codes and pair counts), and prints each step's peak, the run's peak
as a multiple of the body text (UTF-8 bytes of ``text``, as ``bench_scale.py`` reports it) and the step it fell
in. The marks wrap module functions by name; a name a later version lacks is skipped (and said). From a worktree,
set ``PYTHONPATH`` to it (the editable install would import another checkout). Round 16 found with it that the
tagger's and the load's peaks came from ``take`` on a chunked text column (``benchmarks/README.md``).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import threading
import time
from pathlib import Path

import psutil

MARKS = (("diplolib.load", "finish_articles", "load: finish"),
         ("diplolib.actors.tagger", "as_matcher", "tag: matcher"),
         ("diplolib.actors.tagger", "_tag_chunk", "tag: chunks"),
         ("diplolib.actors.tagger", "mentions_frame", "tag: table"),  # before round 18
         ("diplolib.actors.mention_table", "mentions_frame", "tag: table"),  # round 18: the assembly's module
         ("diplolib.comention.counts", "_join_articles", "edges: join"),
         ("diplolib.comention.counts", "_codes", "edges: codes"),
         ("diplolib.comention.counts", "pair_counts", "edges: pair counts"))


class Stages:
    """RSS samples of this process every ``interval`` s, each labelled with the innermost marked step running."""

    def __init__(self, interval: float = 0.005):
        self.samples: list[tuple[int, str]] = []
        self.stack = ["imports"]
        self.interval = interval
        self._stop = threading.Event()
        self._proc = psutil.Process()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((self._proc.memory_info().rss, self.stack[-1]))
            self._stop.wait(self.interval)

    def mark(self, module: str, name: str, label: str) -> bool:
        mod = importlib.import_module(module)
        fn = getattr(mod, name, None)
        if fn is None:
            return False
        stack = self.stack

        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            stack.append(label)
            try:
                return fn(*args, **kwargs)
            finally:
                stack.pop()

        setattr(mod, name, wrapped)
        return True

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        time.sleep(2 * self.interval)
        self._stop.set()
        self._thread.join()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles (default 100,000)")
    ap.add_argument("--corpus", type=int, default=0, help="size of the bench_scale corpus to read (default: --n)")
    args = ap.parse_args()
    import bench_scale

    folder = bench_scale.build_corpus(max(args.corpus, args.n))
    with Stages() as stages:
        for module, name, label in MARKS:
            if not stages.mark(module, name, label):
                print(f"(no {module}.{name}: not marked)")
        import pyarrow.compute as pc

        from diplolib.actors import tag_actors
        from diplolib.comention import co_mentions
        from diplolib.load import load_articles

        shards = sorted(Path(folder).glob("shard-*.jsonl"))[: -(-args.n // bench_scale.SHARD)]
        stages.stack[-1] = "load: chunks"
        articles, _ = load_articles(folder, format="jsonl", include=[s.name for s in shards], text_match=False)
        stages.stack[-1] = "tag"
        mentions = tag_actors(articles)
        stages.stack[-1] = "edges"
        edges = co_mentions(mentions, articles=articles)
        stages.stack[-1] = "done"
    text = int(pc.sum(pc.binary_length(articles["text"].array.__arrow_array__())).as_py() or 0)
    peaks: dict[str, int] = {}
    for rss, label in stages.samples:
        peaks[label] = max(peaks.get(label, 0), rss)
    print(f"{len(articles):,} articles, {len(mentions):,} mentions, {len(edges):,} edges, text {text / 2**20:,.1f} MB")
    print("| step | peak RSS, MB |\n|---|---|")
    for label, rss in peaks.items():
        print(f"| {label} | {rss / 2**20:,.0f} |")
    rss, label = max(stages.samples)
    print(f"peak {rss / 2**20:,.0f} MB = {rss / max(text, 1):.2f}x the text, in '{label}'")


if __name__ == "__main__":
    main()
