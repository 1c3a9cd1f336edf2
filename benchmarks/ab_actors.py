"""``tag_actors`` of another export (e.g. main) and of this tree, interleaved in one process on the same articles.

    git archive main diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/ab_actors.py /tmp/before --copies 10 --repeat 3   # FA-KES x 10 (15.3 MB of text)

As ``ab_events.py``: the export is imported as ``other_diplolib`` (``ab_comention.load_other``); each version
uses its own built-in matcher (from the matcher cache), warmed by a first call that is not timed; then both run one
after the other ``--repeat`` times on ``bench_actors.py``'s corpus, the mentions tables asserted identical. CPU
seconds and MB/s of text per CPU second.

``--fresh-memos`` empties the answers a matcher keeps across calls (round 18: ``actors.resolve_memo``,
``actors.name_memos``) before every timed call, so that a corpus tagged again does not find its own resolutions
kept from the call before (FA-KES x N repeats its texts, which would overstate what the memos give a new corpus).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

import pandas as pd

#: what a matcher keeps across calls (``--fresh-memos`` empties them)
MEMOS = ("_resolve_memo", "_name_word_memo", "_owner_names_memo")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before", type=Path, help="folder holding the other diplolib/ package")
    ap.add_argument("--copies", type=int, default=10, help="FA-KES copies")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fresh-memos", action="store_true", help="empty the matchers' memos before each timed call")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from ab_comention import load_other
    from bench_actors import corpus, mb

    load_other(str(args.before))  # the other version as ``other_diplolib``
    matcher_before = importlib.import_module("other_diplolib.actors.matcher_cache").default_matcher
    tag_before = importlib.import_module("other_diplolib.actors.tagger").tag_actors

    from diplolib.actors.matcher_cache import default_matcher as matcher_after
    from diplolib.actors.tagger import tag_actors as tag_after

    articles = corpus(args.copies)
    size = mb(articles["text"])
    fns = {"before": (tag_before, matcher_before()), "after": (tag_after, matcher_after())}
    for fn, matcher in fns.values():
        fn(articles, registry=matcher)
    print(f"{len(articles):,} articles, {size:.1f} MB of text")
    cpu: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(args.repeat):
        out = {}
        for name, (fn, matcher) in fns.items():
            if args.fresh_memos:
                for memo in MEMOS:
                    matcher.__dict__.pop(memo, None)
            t = time.process_time()
            out[name] = fn(articles, registry=matcher)
            cpu[name].append(time.process_time() - t)
        pd.testing.assert_frame_equal(out["after"], out["before"], check_exact=True)
    for name, v in cpu.items():
        print(f"{name}: CPU s {[round(x, 2) for x in v]}, MB/s cpu {[round(size / x, 1) for x in v]}")
    b, a = min(cpu["before"]), min(cpu["after"])
    print(f"best before / best after = {b:.2f} / {a:.2f} s = {b / a:.2f}x; {len(out['after']):,} mentions")


if __name__ == "__main__":
    main()
