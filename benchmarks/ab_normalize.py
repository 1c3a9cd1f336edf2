"""``normalize_articles`` of another export (e.g. main) and of this tree, interleaved in one process, same records.

    git archive main diplolib | tar -x -C /tmp/before
    .venv/bin/python benchmarks/ab_normalize.py /tmp/before --copies 10 --repeat 3   # FA-KES x 10 (exact copies)
    .venv/bin/python benchmarks/ab_normalize.py /tmp/before --copies 0 --repeat 3    # distinct texts: 5 corpora

The export is copied to a temporary folder as the package ``diplolib_before`` (its imports are relative), so both
versions run in the same process on the same records, one after the other, ``--repeat`` times: on a shared
machine the pairs see the same neighbours. The tables must be identical (asserted); CPU seconds are printed. The
py3langid model, loaded once per process by either version, is loaded before the timings (~0.5-0.65 s, shown).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd


def _records(copies: int) -> tuple[pd.DataFrame, float]:
    from diplolib.load import load_records

    if copies > 0:
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_load import _fakes_csv

        path = _fakes_csv(copies)
        return load_records(path, preset="fa-kes")[0], path.stat().st_size / 1e6
    from diplolib import datasets
    from diplolib.load import concat_records

    rec = concat_records([datasets.read_corpus(n, fetch_missing=False)[0]
                          for n in ("fa-kes", "wikinews-fr", "wh-readouts", "kremlin-en", "sana-fr")])
    return rec, sum(len(t.encode()) for t in rec["text"].dropna()) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before", type=Path, help="folder holding the other diplolib/ package")
    ap.add_argument("--copies", type=int, default=10, help="FA-KES copies; 0: five sample corpora once each")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    shutil.copytree(args.before / "diplolib", tmp / "diplolib_before")
    sys.path.insert(0, str(tmp))
    from diplolib.normalize.articles import normalize_articles as after
    from diplolib.normalize.language import detect_language as lang_after
    from diplolib_before.normalize.articles import normalize_articles as before
    from diplolib_before.normalize.language import detect_language as lang_before

    rec, mb = _records(args.copies)
    print(f"{len(rec):,} records, {mb:.1f} MB of text")
    for name, detect in (("before", lang_before), ("after", lang_after)):
        t = time.process_time()
        detect("x y z a b c d e f g h i j k l m n")  # no function word: py3langid decides
        print(f"{name}: language model loaded in {time.process_time() - t:.2f} s CPU")
    cpu: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(args.repeat):
        tables = {}
        for name, fn in (("before", before), ("after", after)):
            t = time.process_time()
            tables[name] = fn(rec)
            cpu[name].append(time.process_time() - t)
        pd.testing.assert_frame_equal(tables["after"], tables["before"], check_exact=True)
    for name, v in cpu.items():
        print(f"{name}: CPU s {[round(x, 2) for x in v]}, MB/s cpu {[round(mb / x, 1) for x in v]}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
