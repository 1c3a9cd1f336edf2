"""``tag_themes`` of another export (e.g. main) and of this tree, interleaved in one process on the same articles.

    git archive main diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/ab_themes.py /tmp/before --repeat 3 --rounds 7   # FA-KES x 3 (4.3 MB of text)

As ``ab_actors.py``: the export is imported as ``other_diplolib`` (``ab_comention.load_other``); each version loads
its own shipped dictionary and is warmed by a first call on the whole corpus that is not timed (a call of 1 M
characters or more loads the compiled kernels: the first timed round of the other version was 2x slower without
it); then both run on ``bench_themes.py``'s corpus, one after the other, ``--rounds`` times (the order turns each
round: the first of a round was measured slower), the hit tables asserted identical. CPU seconds and MB/s of text
per CPU second, best and median, and the ratio of each round's pair.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

import pandas as pd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before", type=Path, help="folder holding the other diplolib/ package")
    ap.add_argument("--corpus", default="fa-kes")
    ap.add_argument("--repeat", type=int, default=3, help="copies of the corpus (default 3)")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from ab_comention import load_other
    from bench_themes import corpus

    load_other(str(args.before))  # the other version as ``other_diplolib``
    before = importlib.import_module("other_diplolib.themes")
    from diplolib import themes as after

    articles = corpus(args.corpus, args.repeat)
    size = sum(len(t.encode("utf-8")) for t in articles["text"].dropna()) / 1e6
    fns = {"before": (before.tag_themes, before.load_themes()), "after": (after.tag_themes, after.load_themes())}
    for fn, dictionary in fns.values():  # the whole corpus: a call of >= 1 M characters loads the numba kernels
        fn(articles, dictionary=dictionary)
    print(f"{args.corpus} x {args.repeat}: {len(articles):,} articles, {size:.2f} MB of text")
    cpu: dict[str, list[float]] = {"before": [], "after": []}
    for r in range(args.rounds):
        out = {}
        for name in (("before", "after") if r % 2 == 0 else ("after", "before")):
            fn, dictionary = fns[name]
            t = time.process_time()
            out[name] = fn(articles, dictionary=dictionary)
            cpu[name].append(time.process_time() - t)
        pd.testing.assert_frame_equal(out["after"], out["before"], check_exact=True)
    for name, v in cpu.items():
        print(f"{name}: CPU s {[round(x, 3) for x in v]}; best {min(v):.3f} ({size / min(v):.2f} MB/s), median "
              f"{statistics.median(v):.3f} ({size / statistics.median(v):.2f} MB/s)")
    pairs = [b / a for b, a in zip(cpu["before"], cpu["after"], strict=True)]
    print(f"before / after, round by round: {[round(x, 3) for x in pairs]}; median {statistics.median(pairs):.3f}; "
          f"best / best {min(cpu['before']) / min(cpu['after']):.3f}; "
          f"{int(out['after']['theme'].notna().sum()):,} hits, tables identical")


if __name__ == "__main__":
    main()
