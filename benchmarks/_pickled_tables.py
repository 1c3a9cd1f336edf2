"""The shared half of the ``compare_*.py`` scripts: a folder of pickled tables per run, compared exactly.

Each script supplies ``dump(folder)``; :func:`main` gives it the ``dump FOLDER`` / ``compare BEFORE AFTER`` command
line, and :func:`compare` checks every table of the first folder against the second with
``assert_frame_equal(check_exact=True)`` (exact dtypes and values).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd


def compare(before: Path, after: Path) -> int:
    """Print one line per table of ``before`` and return how many are missing from ``after`` or differ."""
    bad = 0
    for path in sorted(before.glob("*.pkl")):
        other = after / path.name
        if not other.exists():
            print(f"{path.stem}: missing in {after}")
            bad += 1
            continue
        a, b = pickle.loads(path.read_bytes()), pickle.loads(other.read_bytes())
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=True)
            print(f"{path.stem}: identical ({len(a)} rows)")
        except AssertionError as exc:
            print(f"{path.stem}: DIFFERENT: {exc}")
            bad += 1
    return bad


def main(dump: Callable[[Path], None], description: str) -> None:
    """``dump FOLDER`` pickles the tables with ``dump``; ``compare BEFORE AFTER`` exits 1 when any differs."""
    ap = argparse.ArgumentParser(description=description)
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("folder", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.command == "dump":
        dump(args.folder)
    else:
        sys.exit(1 if compare(args.before, args.after) else 0)
