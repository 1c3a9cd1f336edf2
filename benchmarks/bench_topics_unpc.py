"""Topics across languages on the UNPC documents: do the Arabic, French and English versions share a topic?

Run by hand (not a test)::

    python benchmarks/bench_topics_unpc.py            # k = 12, tune (dev) and check (test) splits

Each UNPC document (its aligned sentences joined, :func:`diplolib.topics.crosslingual.parallel_documents`) is
an article in each of the three languages; one model is fitted per split on all of them, and
:func:`~diplolib.topics.crosslingual.version_agreement` gives the share of documents whose versions share their
main topic. The settings were chosen on the dev documents (732); the test documents (731, none shared with
dev) were only used to check them. Prints a markdown table, then the labels of the chosen setting.
"""

from __future__ import annotations

import sys
import time

import pandas as pd

from diplolib import datasets
from diplolib.actors import load_registry, tag_actors
from diplolib.themes import tag_themes
from diplolib.topics import fit_topics
from diplolib.topics.crosslingual import parallel_documents, version_agreement

SETTINGS = {
    "words only": ({}, False),
    "words + actor & theme ids": ({}, True),
    "+ shared_weight=4, max_df=0.1": ({"shared_weight": 4, "max_df": 0.1}, True),
    "+ procedural=True (chosen)": ({"shared_weight": 4, "max_df": 0.1, "procedural": True}, True),
}


def unpc_documents() -> pd.DataFrame:
    """The UNPC documents in ar, fr and en with their split (dev = tune, test = check)."""
    triples = datasets.parallel_sentences("unpc-ar-fr-en")
    split = pd.read_json(datasets.path("unpc-ar-fr-en") / "unpc_parallel_sentences.jsonl", lines=True,
                         dtype=False)[["id", "split"]]
    return parallel_documents(triples.merge(split, on="id"))


def _markdown(table: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(map(str, table.columns)) + " |", "|" + "---|" * len(table.columns)]
    lines += ["| " + " | ".join(map(str, row)) + " |" for row in table.itertuples(index=False)]
    return "\n".join(lines)


def main() -> int:
    docs = unpc_documents()
    registry = load_registry()
    mentions, hits = tag_actors(docs, registry=registry), tag_themes(docs)
    rows, chosen = [], {}
    for split in ("dev", "test"):
        part = docs[docs["split"] == split].reset_index(drop=True)
        ids = set(part["article_id"])
        for name, (params, shared) in SETTINGS.items():
            extra = {"mentions": mentions[mentions["article_id"].isin(ids)],
                     "theme_hits": hits[hits["article_id"].isin(ids)]} if shared else {}
            start = time.process_time()
            model = fit_topics(part, n_topics=12, random_state=0, actor_labels=registry.actors, **extra, **params)
            share = version_agreement(model.clusters_, articles=part).set_index("langs")["share"]
            rows.append({"split": split, "setting": name, **share.round(3).to_dict(),
                         "cpu_s": round(time.process_time() - start, 1)})
            chosen[split] = model
    print(_markdown(pd.DataFrame(rows)))
    for split, model in chosen.items():
        print(f"\nlabels of the chosen setting, {split} documents:")
        print(_markdown(model.labels_[["topic", "label", "n_articles"]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
