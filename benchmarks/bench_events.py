"""Event extraction speed beside actor tagging, in the same run, on FA-KES × ``--repeat``.

Corpus: the 804 FA-KES article bodies (cleaned with diplolib.normalize.clean_text), repeated ``--repeat`` times
with distinct ids and their real dates, as in ``bench_actors.py``. ``tag_actors`` runs first (its mentions are the
input of the events step: "with mentions given"), then ``extract_events`` on the same articles and mentions, in
``--batch`` articles at a time (one automaton pass per batch; the whole corpus when 0). Both steps are
single-threaded: MB/s is UTF-8 bytes of text per second of one core (``MB/s cpu`` per second of process CPU time,
steadier on a shared machine). ``--rounds`` times both steps that many times, one after the other, and prints the
ratio of each round (events MB/s cpu / tagging MB/s cpu): on a shared machine, report the range. What is built
once per process (the automata, the registry's table of offices) is built by a warm-up call before the timing.

    .venv/bin/python benchmarks/bench_events.py --repeat 10 --rounds 3

``--steps`` then times each function ``extract_events`` calls from ``diplolib.events.extract`` (CPU seconds of one
call, the functions wrapped in place), to see where the time goes.
"""

from __future__ import annotations

import argparse
import collections
import inspect
import resource
import time

import pandas as pd

from diplolib import datasets
from diplolib.actors import ActorMatcher, load_registry, tag_actors
from diplolib.events import extract, extract_events, load_cues
from diplolib.normalize.text import clean_text


def corpus(repeat: int) -> pd.DataFrame:
    raw = pd.read_csv(datasets.path("fa-kes") / "FA-KES-Dataset.csv", dtype=str, encoding="utf-8")
    text = [clean_text(t) for t in raw["article_content"].fillna("")]
    published = pd.to_datetime(raw["date"], format="%m/%d/%Y", errors="coerce", utc=True)
    base = pd.DataFrame({"text": text, "published": published, "lang": "en"})
    out = pd.concat([base] * repeat, ignore_index=True)
    out.insert(0, "article_id", [f"a{i}" for i in range(len(out))])
    return out


def timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def row(name: str, size: float, seconds: float, cpu: float, rows: int) -> dict:
    return {"step": name, "MB": round(size, 1), "seconds": round(seconds, 2), "MB/s": round(size / seconds, 1),
            "MB/s cpu": round(size / cpu, 1), "rows": rows}


def steps(articles: pd.DataFrame, mentions: pd.DataFrame, **kw) -> pd.Series:
    """CPU seconds of each function ``extract_events`` calls from ``events.extract`` (each wrapped in place for one
    call; nested ones count in both), and of the call itself (``total``)."""
    spent: collections.Counter = collections.Counter()
    names = [n for n, f in vars(extract).items() if inspect.isfunction(f) and f.__module__.startswith("diplolib")
             and n not in ("extract_events", "_language_events", "empty_events")]
    saved = {n: getattr(extract, n) for n in names}

    def wrap(name, fn):
        def timed_fn(*a, **k):
            c0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - c0
        return timed_fn

    try:
        for n in names:
            setattr(extract, n, wrap(n, saved[n]))
        _, _, cpu = timed(lambda: extract_events(articles, mentions, **kw))
    finally:
        for n, f in saved.items():
            setattr(extract, n, f)
    return pd.Series({"total": cpu, **spent}).sort_values(ascending=False).round(3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--batch", type=int, default=0, help="articles per extract_events call (0: all at once)")
    parser.add_argument("--rounds", type=int, default=1, help="time both steps this many times, one after the other")
    parser.add_argument("--steps", action="store_true", help="then the CPU seconds of each step of one events call")
    args = parser.parse_args()
    articles = corpus(args.repeat)
    size = sum(len(t.encode("utf-8")) for t in articles["text"]) / 1e6
    registry = load_registry()
    matcher = ActorMatcher(registry)
    lexicon = load_cues()
    extract_events(articles.head(50), tag_actors(articles.head(50), registry=matcher), registry=matcher,
                   cues=lexicon)  # warm-up: automata and the table of offices, built once per process
    step = args.batch or len(articles)

    def run(mentions):
        parts = [extract_events(articles.iloc[i:i + step], mentions, registry=matcher, cues=lexicon)
                 for i in range(0, len(articles), step)]
        return pd.concat(parts, ignore_index=True)

    rows = []
    for k in range(args.rounds):
        mentions, dt, cpu = timed(lambda: tag_actors(articles, registry=matcher))
        tag = row("tag_actors (the mentions)", size, dt, cpu, len(mentions))
        events, dt, cpu = timed(lambda mentions=mentions: run(mentions))
        ev = row(f"extract_events, mentions given (batches of {step:,} articles)", size, dt, cpu, len(events))
        ratio = round(ev["MB/s cpu"] / tag["MB/s cpu"], 2)
        rows += [{"round": k + 1, **tag, "events/tagging": ""}, {"round": k + 1, **ev, "events/tagging": ratio}]
    table = pd.DataFrame(rows)
    print(f"FA-KES x {args.repeat}: {len(articles):,} articles, {size:.1f} MB; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    print(table.to_string(index=False))
    if args.steps:
        print(steps(articles, mentions, registry=matcher, cues=lexicon).to_string())


if __name__ == "__main__":
    main()
