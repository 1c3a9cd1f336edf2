"""Where actor tagging spends its time: the stages of tag_actors on FA-KES × N, CPU seconds each.

    .venv/bin/python benchmarks/bench_actors_stages.py --repeat 10

Stages, each timed alone on the whole corpus in chunks of ``CHUNK_CHARS``: the automaton scan of the joined
matching forms (``scan_partition``), the scan with the common-word, counterpart and coordination rules (``_scan``),
the resolution of the hits (``_resolve``), the sentences and the paragraphs of every article (``segment_spans``;
``tag_actors`` cuts sentences only up to each article's last mention), then the whole ``tag_actors`` and the
per-article reference path (``tag_actors_reference``) for comparison.
"""

from __future__ import annotations

import argparse
import time

from bench_actors import corpus, mb

import diplolib.actors.tagger as tagger
from diplolib.actors import load_registry
from diplolib.actors.partition import scan_partition
from diplolib.actors.reference import article_dates, tag_actors_reference
from diplolib.segment import segment_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    matcher = tagger.ActorMatcher(load_registry())
    articles = corpus(args.repeat)
    texts, whens = articles["text"].tolist(), article_dates(articles)
    size = mb(texts)
    chunks = [slice(s.start, s.stop) for s in tagger._chunks([len(t) for t in texts])]
    print(f"FA-KES x {args.repeat}: {len(texts):,} articles, {size:.1f} MB, {len(chunks)} chunks")

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


if __name__ == "__main__":
    main()
