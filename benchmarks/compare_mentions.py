"""The actor mentions table of every sample corpus, dumped and compared exactly (before/after a tagger change).

    .venv/bin/python benchmarks/with_code.py /tmp/before benchmarks/compare_mentions.py dump /tmp/m-before \
        --articles /tmp/m-articles
    .venv/bin/python benchmarks/compare_mentions.py dump /tmp/m-after --articles /tmp/m-articles
    .venv/bin/python benchmarks/compare_mentions.py compare /tmp/m-before /tmp/m-after

``dump`` loads each corpus of the catalogue that is in the data cache (``datasets.load(name, cache=False)``; the
articles are kept as pickles under ``--articles`` so that both runs tag the very same table, whatever code loaded
it), runs ``tag_actors`` with the built-in registry, and writes ``DIR/<corpus>.pkl`` with the CPU seconds of the
tagging. ``compare`` checks the two dumps corpus by corpus with ``pandas.testing.assert_frame_equal(check_exact=True)``
and exits non-zero when any table differs or is missing. A lighter check than ``compare_tables.py`` (which dumps
every table of the library): only the mentions, on every corpus, UNGDC and the UN parallel corpus included.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import pandas as pd

CORPORA = ("sana-fr", "fa-kes", "wikinews-fr", "wikinews-ar", "kremlin-en", "wh-readouts", "re3d", "sib200",
           "meae-fr", "unpc-ar-fr-en", "ungdc")


def _articles(name: str, folder: Path | None) -> pd.DataFrame:
    from diplolib import datasets

    path = folder / f"{name}.pkl" if folder else None
    if path is not None and path.exists():
        return pd.read_pickle(path)
    options = {"published": "2016-02-10"} if name == "sana-fr" else {}
    articles, _ = datasets.load(name, cache=False, fetch_missing=False, **options)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        articles.to_pickle(path)
    return articles


def dump(out: Path, names: list[str], articles_dir: Path | None) -> int:
    from diplolib import actors

    matcher = actors.ActorMatcher(actors.load_registry())
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in names:
        try:
            articles = _articles(name, articles_dir)
        except Exception as exc:  # a corpus absent from this data cache: say so, go on
            print(f"{name:16s} not loaded: {type(exc).__name__}: {exc}"[:200])
            failed += 1
            continue
        c0 = time.process_time()
        mentions = actors.tag_actors(articles, registry=matcher)
        cpu = time.process_time() - c0
        size = articles["text"].dropna().str.len().sum() / 1e6
        with open(out / f"{name}.pkl", "wb") as f:
            pickle.dump({"mentions": mentions, "cpu": cpu}, f)
        print(f"{name:16s} {len(articles):7,d} articles {size:7.1f} M chars {len(mentions):9,d} mentions "
              f"{cpu:7.2f} s cpu")
    return failed


def compare(a: Path, b: Path) -> int:
    names = sorted({p.stem for p in a.glob("*.pkl")} | {p.stem for p in b.glob("*.pkl")})
    bad = 0
    for name in names:
        if not (a / f"{name}.pkl").exists() or not (b / f"{name}.pkl").exists():
            print(f"{name:16s} MISSING in one dump")
            bad += 1
            continue
        old, new = (pd.read_pickle(d / f"{name}.pkl") for d in (a, b))
        try:
            pd.testing.assert_frame_equal(old["mentions"], new["mentions"], check_exact=True)
            verdict = "identical"
        except AssertionError as exc:
            verdict = "DIFFERENT: " + str(exc).replace("\n", " ")[:300]
            bad += 1
        print(f"{name:16s} {len(new['mentions']):9,d} rows  cpu {old['cpu']:6.2f} -> {new['cpu']:6.2f} s  {verdict}")
    print(f"{len(names)} tables, {len(names) - bad} identical, {bad} different or missing")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--only", nargs="+", default=list(CORPORA))
    d.add_argument("--articles", type=Path, default=None, help="folder of article pickles, shared by both runs")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.only, args.articles)
        return 0
    return 1 if compare(args.a, args.b) else 0


if __name__ == "__main__":
    sys.exit(main())
