"""In-process A/B of ``extract_events``: another folder's ``diplolib`` against this tree's, with ``tag_actors`` timed
between them, on FA-KES × ``--repeat`` with mentions given; CPU time per round, tables checked identical.

    git archive main diplolib | tar -x -C /tmp/ab-events
    .venv/bin/python benchmarks/ab_events.py /tmp/ab-events --repeat 10 --rounds 3
    .venv/bin/python benchmarks/ab_events.py /tmp/ab-events --repeat 10 --rounds 3 --changed  # rules changed

The other package is imported as ``other_diplolib`` (``ab_comention.load_other``), so both versions run in one
process, one after the other in each round, and the load of a shared machine weighs on both alike. Each round
times this tree's ``tag_actors`` (the mentions both event calls are given), then the other's ``extract_events``
and this tree's, and prints each call's CPU seconds and events ÷ tagging (MB/s of CPU time, as
``bench_events.py``). What each version builds once per process (automata, the table of offices) is built by a
warm-up call before the timing.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import time

import pandas as pd
from ab_comention import load_other
from bench_events import corpus

from diplolib.actors import ActorMatcher, load_registry, tag_actors
from diplolib.events import extract_events, load_cues


def _cpu(fn):
    gc.collect()
    c0 = time.process_time()
    out = fn()
    return out, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("code", help="folder holding the other diplolib/ (e.g. an export of main)")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--changed", action="store_true",
                    help="the two versions' tables may differ (a quality change): report both row counts")
    args = ap.parse_args()
    load_other(args.code)
    o_actors = importlib.import_module("other_diplolib.actors")
    o_events = importlib.import_module("other_diplolib.events")
    articles = corpus(args.repeat)
    size = sum(len(t.encode("utf-8")) for t in articles["text"]) / 1e6
    matcher, o_matcher = ActorMatcher(load_registry()), o_actors.ActorMatcher(o_actors.load_registry())
    cues, o_cues = load_cues(), o_events.load_cues()
    head = articles.head(50)
    extract_events(head, tag_actors(head, registry=matcher), registry=matcher, cues=cues)  # warm-up
    o_events.extract_events(head, tag_actors(head, registry=matcher), registry=o_matcher, cues=o_cues)
    rows = []
    for k in range(args.rounds):
        mentions, tag = _cpu(lambda: tag_actors(articles, registry=matcher))
        theirs, t_other = _cpu(lambda m=mentions: o_events.extract_events(articles, m, registry=o_matcher,
                                                                          cues=o_cues))
        ours, t_this = _cpu(lambda m=mentions: extract_events(articles, m, registry=matcher, cues=cues))
        if not args.changed:
            pd.testing.assert_frame_equal(ours, theirs, check_exact=True)
        rows.append({"round": k + 1, "tag_actors cpu s": round(tag, 2), "other events cpu s": round(t_other, 2),
                     "this events cpu s": round(t_this, 2), "other / this": round(t_other / t_this, 2),
                     "other events/tagging": round(tag / t_other, 2), "this events/tagging": round(tag / t_this, 2),
                     "rows": len(ours), **({"other rows": len(theirs)} if args.changed else {})})
    same = "tables not compared (--changed)" if args.changed else "tables identical in every round"
    print(f"FA-KES x {args.repeat}: {len(articles):,} articles, {size:.1f} MB; {same}")
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
