"""``load_articles`` end to end (CSV readers + every article step) of another export and of this tree, interleaved
in one process on the same file.

    git archive main diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/ab_load.py /tmp/before --copies 10 --repeat 3   # FA-KES x 10 (16.2 MB CSV)

As ``ab_events.py``: the export is imported as ``other_diplolib`` (``ab_comention.load_other``), both versions
run one after the other ``--repeat`` times, taking turns going first (the first call of each also pays the
language model and first-call set-ups, shown apart), the articles and error tables must be identical (asserted),
and the reader alone (``load_records``) is timed the same way. MB/s are of the file's bytes per CPU second.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

import pandas as pd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before", type=Path, help="folder holding the other diplolib/ package")
    ap.add_argument("--copies", type=int, default=10, help="FA-KES copies in one CSV file")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from ab_comention import load_other
    from bench_load import _fakes_csv

    load_other(str(args.before))  # the other version as ``other_diplolib``
    other = importlib.import_module("other_diplolib.load")
    load_before, read_before = other.load_articles, other.load_records

    from diplolib.load import load_articles as load_after
    from diplolib.load import load_records as read_after

    path = _fakes_csv(args.copies)
    mb = path.stat().st_size / 1e6
    print(f"{path.name}: {mb:.1f} MB")
    steps = {"read": {"before": read_before, "after": read_after}, "load": {"before": load_before, "after": load_after}}
    cpu: dict[tuple[str, str], list[float]] = {}
    for rnd in range(args.repeat + 1):  # round 0: first calls (model load, set-ups), reported apart
        for step, fns in steps.items():
            out = {}
            # the two versions take turns going first: the second call of a round ran ~0.03 s slower on the same
            # code in both slots (round 14: 0.40-0.42 first, 0.43-0.45 second), a bias for whichever goes first
            for name in (("before", "after") if rnd % 2 == 0 else ("after", "before")):
                fn = fns[name]
                t = time.process_time()
                out[name] = fn(path, preset="fa-kes")
                cpu.setdefault((step, name), []).append(time.process_time() - t)
            for got, want in zip(out["after"], out["before"], strict=True):
                pd.testing.assert_frame_equal(got, want, check_exact=True)
    for (step, name), v in cpu.items():
        warm = v[1:]
        print(f"{step:5s} {name:6s} first call {v[0]:.2f} s; then CPU s {[round(x, 2) for x in warm]}, "
              f"MB/s cpu {[round(mb / x, 1) for x in warm]}")
    for step in steps:
        b, a = min(cpu[(step, "before")][1:]), min(cpu[(step, "after")][1:])
        print(f"{step}: best before / best after = {b:.2f} / {a:.2f} s = {b / a:.2f}x")


if __name__ == "__main__":
    main()
