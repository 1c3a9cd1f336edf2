"""The theme hit table of every sample corpus, dumped and compared exactly: before/after checks of the theme tagger.

    .venv/bin/python benchmarks/with_code.py /tmp/before benchmarks/compare_themes.py dump /tmp/themes-before
    .venv/bin/python benchmarks/compare_themes.py dump /tmp/themes-after
    .venv/bin/python benchmarks/compare_themes.py compare /tmp/themes-before /tmp/themes-after

``dump`` tags the articles of every fetched sample corpus (``datasets.RECIPES``) with ``tag_themes`` and the shipped
dictionary and pickles each table; ``compare`` checks them with ``assert_frame_equal(check_exact=True)``.
A lighter sibling of ``compare_tables.py`` (which computes every table of the library).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import pandas as pd


def dump(folder: Path) -> None:
    from diplolib import datasets
    from diplolib.themes import load_themes, tag_themes

    folder.mkdir(parents=True, exist_ok=True)
    dictionary = load_themes()
    for name in datasets.RECIPES:
        if not datasets.is_fetched(name):
            print(f"{name}: not fetched, skipped")
            continue
        articles, _ = datasets.load(name, fetch_missing=False)
        hits = tag_themes(articles, dictionary=dictionary)
        (folder / f"{name}.pkl").write_bytes(pickle.dumps(hits))
        print(f"{name}: {len(articles)} articles, {int(hits['theme'].notna().sum())} hits")


def compare(before: Path, after: Path) -> int:
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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


if __name__ == "__main__":
    main()
