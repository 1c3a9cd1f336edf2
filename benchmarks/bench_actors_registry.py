"""Registry size against tagging speed: registry load, automaton build, tagging MB/s (CPU time), peak RSS.

    .venv/bin/python benchmarks/bench_actors_registry.py

FA-KES bodies cleaned and repeated 5 times (7.7 MB, as in ``bench_actors.py``); the automaton is built 3 times
and the corpus tagged 3 times, best of 3 each, in CPU seconds of the process (steadier than wall time on a shared
machine). To compare two versions, run it alternately in both checkouts (``PYTHONPATH=<checkout>``).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_actors import corpus  # noqa: E402

from diplolib.actors import load_registry  # noqa: E402
from diplolib.actors.tagger import ActorMatcher, tag_actors  # noqa: E402


def main() -> None:
    arts = corpus(5)
    mb = arts["text"].str.encode("utf-8").str.len().sum() / 1e6
    t = time.process_time()
    reg = load_registry()
    load_s = time.process_time() - t
    builds, runs = [], []
    for _ in range(3):
        t = time.process_time()
        m = ActorMatcher(reg)
        builds.append(time.process_time() - t)
    for _ in range(3):
        t = time.process_time()
        tag_actors(arts, registry=m)
        runs.append(time.process_time() - t)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"aliases {len(reg.aliases)} phrases {len(reg.role_phrases)} load {load_s:.2f}s build {min(builds):.2f}s "
          f"tag {mb / min(runs):.2f} MB/s cpu (best of 3, {mb:.1f} MB) maxrss {rss:.0f} MB")


if __name__ == "__main__":
    main()
