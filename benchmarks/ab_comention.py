"""In-process A/B of ``co_mentions``: another folder's ``diplolib`` against this tree's, on ``bench_comention.py``'s
synthetic million articles, interleaved, CPU time (best of ``--repeat``), tables checked identical.

    git archive main diplolib | tar -x -C /tmp/ab     # a folder of its own: numba caches its kernels there
    .venv/bin/python benchmarks/ab_comention.py /tmp/ab --repeat 5

The other package is imported under the name ``other_diplolib`` (its modules import each other relatively), so both
versions run in one process, one after the other in each round, and the load of a shared machine weighs on both
alike. Give it a folder used for nothing else: numba's on-disk cache of the other kernel is written next to it.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import sys
import time

import pandas as pd
from bench_comention import synthetic

from diplolib.comention import co_mentions


def load_other(code: str):
    """The ``diplolib.comention`` package of the folder ``code``, imported as ``other_diplolib.comention``."""
    root = os.path.join(code, "diplolib")
    spec = importlib.util.spec_from_file_location("other_diplolib", os.path.join(root, "__init__.py"),
                                                  submodule_search_locations=[root])
    module = importlib.util.module_from_spec(spec)
    sys.modules["other_diplolib"] = module
    spec.loader.exec_module(module)
    return importlib.import_module("other_diplolib.comention")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("code", help="folder holding the other diplolib/ (e.g. an export of main)")
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", action="append", default=None, metavar="TEXT",
                    help="run only the variants whose name contains TEXT (repeatable)")
    args = ap.parse_args()
    other = load_other(args.code)
    m = synthetic(args.articles, 2_000)
    m_str = m.assign(article_id=pd.Series(m["article_id"].astype(str), dtype=str))
    cases = {
        "int ids, no dates": (m.drop(columns="published"), dict(window="article")),
        "str ids, no dates": (m_str.drop(columns="published"), dict(window="article")),
        "int ids, categorical actors, no dates": (m.drop(columns="published").astype({"actor_id": "category"}),
                                                  dict(window="article")),
        "int ids, first/last": (m, dict(window="article")),
        "int ids, by=source, no dates": (m.drop(columns="published"), dict(window="article", by="source")),
        "int ids, sentence windows, first/last": (m, dict(window="sentence")),
    }
    if args.only:
        cases = {k: v for k, v in cases.items() if any(o in k for o in args.only)}
    print(f"{'variant':40s} {'other cpu s':>12s} {'this tree':>10s} {'ratio':>6s}")
    for name, (data, kw) in cases.items():
        best = {"other": float("inf"), "this": float("inf")}
        tables = {}
        for _ in range(args.repeat):
            for label, fn in (("other", other.co_mentions), ("this", co_mentions)):
                gc.collect()
                c = time.process_time()
                tables[label] = fn(data, **kw)
                best[label] = min(best[label], time.process_time() - c)
        pd.testing.assert_frame_equal(tables["other"], tables["this"], check_exact=True)
        print(f"{name:40s} {best['other']:12.3f} {best['this']:10.3f} {best['other'] / best['this']:6.2f}")


if __name__ == "__main__":
    main()
