"""Where actor tagging spends its time: the stages of tag_actors on FA-KES × N, CPU seconds each.

    .venv/bin/python benchmarks/bench_actors_stages.py --repeat 10

Stages, each timed alone on the whole corpus in chunks of ``CHUNK_CHARS``: the automaton scan of the joined
matching forms (``scan_partition``), the scan with the common-word, counterpart and coordination rules (``_scan``),
the resolution of the hits (``_resolve``), the sentences and the paragraphs of every article (``segment_spans``;
``tag_actors`` cuts sentences only up to each article's last mention), then the whole ``tag_actors`` and the
per-article reference path (``tag_actors_reference``) for comparison; last, where the time of one ``tag_actors``
call goes (CPU seconds inside each step, the steps wrapped in place; nested steps are counted in their parent too).

    .venv/bin/python benchmarks/bench_actors_stages.py --corpus ungdc --head 2000
    .venv/bin/python benchmarks/bench_actors_stages.py --pickle /tmp/m-articles/ungdc.pkl --head 2000

run the same on the first articles of a catalogue corpus (``datasets.load``, which caches it) or of a pickled
articles table (``compare_mentions.py dump --articles`` writes them) instead of FA-KES × N.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

import pandas as pd
from bench_actors import corpus, mb

import diplolib.actors.partition as partition
import diplolib.actors.tagger as tagger
from diplolib import datasets
from diplolib.actors import load_registry
from diplolib.actors.partition import scan_partition
from diplolib.actors.reference import article_dates, tag_actors_reference
from diplolib.segment import segment_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--corpus", default=None, help="a catalogue corpus instead of FA-KES x N")
    parser.add_argument("--pickle", default=None, help="a pickled articles table instead")
    parser.add_argument("--head", type=int, default=None, help="the first N articles only")
    args = parser.parse_args()
    matcher = tagger.ActorMatcher(load_registry())
    if args.pickle:
        articles, args.corpus = pd.read_pickle(args.pickle), args.pickle
    else:
        articles = corpus(args.repeat) if args.corpus is None else datasets.load(args.corpus)[0]
    if args.head:
        articles = articles.head(args.head)
    articles = articles[articles["text"].map(lambda t: isinstance(t, str) and bool(t))].reset_index(drop=True)
    texts, whens = articles["text"].tolist(), article_dates(articles)
    size = mb(texts)
    chunks = [slice(s.start, s.stop) for s in tagger._chunks([len(t) for t in texts])]
    name = f"FA-KES x {args.repeat}" if args.corpus is None else f"{args.corpus} (first {len(texts):,})"
    compiled = partition.compiled_for(matcher, sum(map(len, texts)))  # as tag_actors decides, before the stages
    print(f"{name}: {len(texts):,} articles, {size:.1f} MB, {len(chunks)} chunks, "
          f"{'compiled word scan' if compiled else 'pyahocorasick'}")

    def clock(label, work):
        c0 = time.process_time()
        out = work()
        cpu = time.process_time() - c0
        print(f"{label:42s} {cpu:7.2f} s cpu {size / cpu:8.1f} MB/s")
        return out

    clock("scan_partition (automaton, offsets)", lambda: [scan_partition(matcher, texts[c]) for c in chunks])
    hits = clock("_scan (+ common words, counterparts, coord.)", lambda: [tagger._scan(matcher, texts[c])
                                                                          for c in chunks])
    clock("_resolve", lambda: [tagger._resolve(matcher, texts[c], h, whens[c]) for c, h in zip(chunks, hits,
                                                                                               strict=True)])
    clock("segment_spans, sentences (whole texts)", lambda: segment_spans(texts))
    clock("segment_spans, paragraphs", lambda: segment_spans(texts, unit="paragraph"))
    clock("tag_actors (everything)", lambda: tagger.tag_actors(articles, registry=matcher))
    clock("tag_actors_reference (per article)", lambda: tag_actors_reference(articles, matcher))
    breakdown(articles, matcher, size)


def breakdown(articles, matcher, size: float) -> None:
    """CPU seconds inside each step of one ``tag_actors`` call (the steps wrapped in place, then restored)."""
    spent: dict[str, float] = defaultdict(float)
    steps = [(tagger, n) for n in ("_scan", "_resolve", "_context", "_counterparts", "segment_spans", "locate_spans",
                                  "string_column", "article_dates", "scan_partition", "common_word_drops")]
    steps += [(partition, n) for n in ("_raw_hits", "_spaced_joined", "_matching", "_longest_first")]
    saved = [(mod, n, getattr(mod, n)) for mod, n in steps]

    def wrapped(name, fn):
        def step(*a, **k):
            c0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - c0
        return step

    for mod, n, fn in saved:
        setattr(mod, n, wrapped(n, fn))
    try:
        c0 = time.process_time()
        tagger.tag_actors(articles, registry=matcher)
        total = time.process_time() - c0
    finally:
        for mod, n, fn in saved:
            setattr(mod, n, fn)
    print(f"\ntag_actors {total:.2f} s cpu = {size / total:.1f} MB/s; inside it:")
    labels = {"_raw_hits": "  automaton pass (word scan, keys expanded)", "_spaced_joined": "  spaced form",
              "_matching": "  matching forms + offset maps (non-ASCII)", "_longest_first": "  leftmost-longest",
              "scan_partition": "scan_partition (all of the scan)", "_scan": "_scan (scan + common words, coord.)",
              "segment_spans": "segment_spans (sentences, paragraphs)",
              "common_word_drops": "  common words (months, surnames), in _scan"}
    for n, sec in sorted(spent.items(), key=lambda x: -x[1]):
        print(f"  {labels.get(n, n):52s} {sec:6.2f} s {100 * sec / total:5.1f}%")


if __name__ == "__main__":
    main()
