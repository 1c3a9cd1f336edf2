"""Where ``extract_events`` spends its time: cProfile of one warm call on FA-KES × ``--repeat``, mentions given.

    .venv/bin/python benchmarks/with_code.py <worktree> benchmarks/profile_events.py --repeat 10 --top 30

The corpus is ``bench_events.py``'s. ``tag_actors`` runs first (its mentions are the input); a first
``extract_events`` call on the whole corpus is left out of the profile: it imports numba and builds the word-scan
tables of the cue lexicon (about 2 s of a cold call under the profiler, which a 50-article warm-up does not
trigger), so only the second call is profiled. Prints the ``--top`` functions by their own time (``tottime``,
the Python loops and C calls that do the work) and the functions of ``diplolib.events`` by cumulative time.
The profiler adds a cost per Python call: compare shares within one run, and time changes with ``ab_events.py``.
``--save FILE`` keeps the raw statistics (``pstats``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats

from bench_events import corpus

from diplolib.actors import ActorMatcher, load_registry, tag_actors
from diplolib.events import extract_events, load_cues


def _where(key: tuple) -> str:
    path, line, name = key
    return f"{path.split('site-packages/')[-1].split('diplolib/')[-1]}:{line}({name})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--save", help="write the pstats file here")
    args = ap.parse_args()
    articles = corpus(args.repeat)
    matcher, cues = ActorMatcher(load_registry()), load_cues()
    mentions = tag_actors(articles, registry=matcher)
    extract_events(articles, mentions, registry=matcher, cues=cues)  # cold: numba, word-scan tables
    prof = cProfile.Profile()
    prof.enable()
    extract_events(articles, mentions, registry=matcher, cues=cues)
    prof.disable()
    if args.save:
        prof.dump_stats(args.save)
    stats = pstats.Stats(prof, stream=io.StringIO()).stats
    total = sum(v[2] for v in stats.values())
    print(f"FA-KES x {args.repeat}: {len(articles):,} articles; one warm call, {total:.2f} s under the profiler")
    print(f"\nown time (tottime), top {args.top}:")
    for key, (_, calls, own, cum, _) in sorted(stats.items(), key=lambda kv: -kv[1][2])[:args.top]:
        print(f"{own:7.3f} {own / total:6.1%} {cum:7.3f} {calls:8d}  {_where(key)}")
    print(f"\ndiplolib.events functions by cumulative time, top {args.top}:")
    ours = [(k, v) for k, v in stats.items() if "/diplolib/events/" in k[0]]
    for key, (_, calls, own, cum, _) in sorted(ours, key=lambda kv: -kv[1][3])[:args.top]:
        print(f"{cum:7.3f} {cum / total:6.1%} {own:7.3f} {calls:8d}  {_where(key)}")


if __name__ == "__main__":
    main()
