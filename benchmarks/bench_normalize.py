"""Throughput and peak memory of text cleaning and the matching form on FA-KES ×100 (~160 MB of text).

Run by hand (not a test):

    python benchmarks/bench_normalize.py [--copies 100] [--repeat 3]

Prints MB/s (UTF-8 megabytes of input text per second, best of ``--repeat``, one core)
and the peak Python memory (tracemalloc, measured in a separate run) of each variant:

- ``nfc only``: ``unicodedata.normalize("NFC", s)`` (the issue's ~900 MB/s baseline);
- ``pandas .str chain``: the same cleaning written with pandas ``.str`` methods (~33 MB/s baseline);
- ``clean_text`` and ``matching_form`` mapped over the column with a comprehension;
- ``clean + matching``: the CSV path (target ≥ 80 MB/s with every cleaning step on);
- ``pipeline of single cleaners``: ``make_pipeline`` of the six one-job cleaners, for comparison;
- ``normalize_articles`` (all steps, one copy only: it is per-record work, reported per MB too).
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
import unicodedata
from collections.abc import Callable

import pandas as pd

from diplolib.normalize import clean_text, make_pipeline, matching_form, normalize_articles
from diplolib.normalize.text import (
    normalize_quotes,
    normalize_spaces,
    normalize_unicode,
    normalize_whitespace,
    remove_control_chars,
    remove_invisible,
)
from diplolib.paths import raw_dir


def _pandas_chain(col: pd.Series) -> pd.Series:
    return (col.str.normalize("NFC")
            .str.replace("[\u201c\u201d\u201e\u00ab\u00bb]", '"', regex=True)
            .str.replace("[\u2019\u2018\u02bc`]", "'", regex=True)
            .str.replace("[\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", regex=True)
            .str.replace(r"[ \t\u00a0\u202f]+", " ", regex=True)
            .str.strip())


def _time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _peak(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    path = raw_dir("fa-kes") / "FA-KES-Dataset.csv"
    if not path.is_file():
        raise SystemExit(f"{path} is missing: fetch it first (diplolib datasets fetch fa-kes).")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    texts = df["article_content"].tolist() * args.copies
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    col = pd.Series(texts)
    pipeline = make_pipeline(remove_control_chars, normalize_quotes, normalize_spaces, remove_invisible,
                             normalize_unicode, normalize_whitespace)
    clean_text("warm-up \u00e9"), matching_form("warm-up \u00e9")

    variants: dict[str, Callable[[], object]] = {
        "nfc only": lambda: [unicodedata.normalize("NFC", t) for t in texts],
        "pandas .str chain": lambda: _pandas_chain(col),
        "clean_text": lambda: [clean_text(t) for t in texts],
        "matching_form": lambda: [matching_form(t) for t in texts],
        "clean + matching (CSV path)": lambda: [matching_form(c) for c in [clean_text(t) for t in texts]],
        "pipeline of single cleaners": lambda: [pipeline(t) for t in texts],
    }
    rows = []
    for name, fn in variants.items():
        reps = 1 if name == "pandas .str chain" else args.repeat
        sec = _time(fn, reps)
        rows.append({"variant": name, "MB": round(mb, 1), "seconds": round(sec, 2), "MB/s": round(mb / sec, 1),
                     "peak MB": round(_peak(fn), 1)})

    raw = pd.DataFrame({"origin": [f"fa-kes:row {i}" for i in range(len(df))], "source": df["source"],
                        "title": df["article_title"], "text": df["article_content"], "published": df["date"]})
    one_mb = sum(len(t.encode("utf-8")) for t in df["article_content"]) / 1e6
    normalize_articles(raw.head(20))  # warm-up: model and tables loaded once
    sec = _time(lambda: normalize_articles(raw), 1)
    rows.append({"variant": "normalize_articles (all steps, ×1)", "MB": round(one_mb, 1), "seconds": round(sec, 2),
                 "MB/s": round(one_mb / sec, 2), "peak MB": round(_peak(lambda: normalize_articles(raw)), 1)})
    print(f"FA-KES article_content ×{args.copies}: {len(texts)} texts, {mb:.1f} MB (UTF-8)")
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
