"""Benchmark of diplolib.topics: quality and speed on fa-kes, sib200 and UNGDC.

Run by hand (not a test)::

    python benchmarks/bench_topics.py fakes          # topics on fa-kes vs the sklearn NMF/LDA baselines
    python benchmarks/bench_topics.py sib200 [--embed]  # NMI/ARI per language, en–fr agreement
    python benchmarks/bench_topics.py ungdc [--limit N]  # mini-batch NMF on 10,952 UN speeches

Prints one results table per part. Timings are wall-clock on whatever machine runs it: say how
busy it was (``uptime``) next to them.
"""

from __future__ import annotations

import argparse
import csv
import re
import resource
import sys
import time
from collections import Counter

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

from diplolib import paths
from diplolib.topics import cluster_agreement, fit_topics, pairwise_ari, select_k, stop_words_for, tokenize
from diplolib.topics.evaluate import topic_coherence


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load_fakes() -> pd.DataFrame:
    raw = pd.read_csv(paths.raw_dir("fa-kes") / "FA-KES-Dataset.csv")
    return pd.DataFrame(
        {
            "article_id": np.arange(len(raw)),
            "source": raw["source"],
            "lang": "en",
            "published": pd.to_datetime(raw["date"], format="%m/%d/%Y", utc=True),
            "title": raw["article_title"],
            "text": raw["article_content"],
        }
    )


def _top(components: np.ndarray, n: int = 10) -> list[list[int]]:
    return [list(np.argsort(-row, kind="stable")[:n]) for row in components]


def bench_fakes(k: int = 10) -> None:
    arts = _load_fakes()
    rows = []
    # baselines: sklearn's own vectoriser and stop words, NPMI by the same function
    for name, vec, est in [
        (
            "sklearn NMF (baseline)",
            TfidfVectorizer(stop_words="english", min_df=2, max_df=0.5),
            NMF(k, init="nndsvda", max_iter=400, random_state=0),
        ),
        (
            "sklearn LDA (baseline)",
            CountVectorizer(stop_words="english", min_df=2, max_df=0.5),
            LatentDirichletAllocation(k, learning_method="batch", max_iter=50, random_state=0),
        ),
    ]:
        t = time.perf_counter()
        X = vec.fit_transform((arts["title"].fillna("") + " " + arts["text"].fillna("")).tolist())
        W = est.fit_transform(X)
        dt = time.perf_counter() - t
        rows.append(
            {
                "model": name,
                "seconds": dt,
                "npmi": topic_coherence(X, _top(est.components_))["npmi"].mean(),
                "outliers": 0,
                "zero_rows": int((W.sum(1) == 0).sum()),
            }
        )
    for name, kw in [
        ("diplolib nmf", {}),
        ("diplolib nmf, 1-2 grams", {"ngram_range": (1, 2)}),
        ("diplolib lda", {"method": "lda"}),
    ]:
        t = time.perf_counter()
        model = fit_topics(arts, n_topics=k, random_state=0, **kw)
        dt = time.perf_counter() - t
        rows.append(
            {
                "model": name,
                "seconds": dt,
                "npmi": model.coherence(10)["npmi"].mean(),
                "outliers": len(arts) - len(model.clusters),
                "zero_rows": int((model.clusters["rule"] != "argmax").sum()),
                "low_confidence": int(model.clusters["low_confidence"].sum()),
            }
        )
    print(pd.DataFrame(rows).to_string(index=False, float_format="%.3f"))
    # determinism and seeds
    a = fit_topics(arts, n_topics=k, random_state=0)
    b = fit_topics(arts, n_topics=k, random_state=0)
    same = a.clusters.equals(b.clusters) and a.topic_terms.equals(b.topic_terms)
    by_seed = [
        fit_topics(arts, n_topics=k, random_state=s).clusters.set_index("article_id")["topic"] for s in (0, 1, 2)
    ]
    print(f"\nsame random_state -> identical tables: {same}")
    print(f"ARI between seeds 0/1/2 (full corpus): {pairwise_ari(by_seed):.3f}")
    t = time.perf_counter()
    table = select_k(arts, ks=[6, 8, 10, 12, 15], seeds=(0, 1, 2), subsample=0.9)
    print(f"\nselect_k (90% subsamples, seeds 0-2), {time.perf_counter() - t:.1f} s:")
    print(table.to_string(index=False, float_format="%.3f"))
    print("\nlabels (k=10):")
    print(a.labels.to_string(index=False, float_format="%.3f"))


def _load_sib(code: str, lang: str) -> pd.DataFrame:
    folder = paths.raw_dir("sib200") / code
    df = pd.concat(
        [pd.read_csv(folder / f"{s}.tsv", sep="\t", quoting=csv.QUOTE_NONE) for s in ("train", "dev", "test")],
        ignore_index=True,
    )
    return pd.DataFrame(
        {
            "article_id": lang + "-" + df["index_id"].astype(str),
            "index_id": df["index_id"],
            "lang": lang,
            "text": df["text"],
            "category": df["category"],
        }
    )


def _agree(a: pd.DataFrame, b: pd.DataFrame) -> float:
    m = a.merge(b, on="index_id")
    return adjusted_rand_score(m["topic_x"], m["topic_y"])


def bench_sib200(embed: bool = False) -> None:
    langs = {
        "en": _load_sib("eng_Latn", "en"),
        "fr": _load_sib("fra_Latn", "fr"),
        "ar": _load_sib("arb_Arab", "ar"),
    }
    rows, assigned = [], {}
    for lang, df in langs.items():
        X = TfidfVectorizer().fit_transform(df["text"])
        from sklearn.cluster import KMeans

        km = KMeans(7, n_init=10, random_state=0).fit_predict(X)
        rows.append({"model": "TF-IDF + KMeans", "lang": lang, **cluster_agreement(df["category"], km)})
        t = time.perf_counter()
        model = fit_topics(df, n_topics=7)
        rows.append(
            {
                "model": "diplolib nmf (lemmas)",
                "lang": lang,
                "seconds": time.perf_counter() - t,
                **cluster_agreement(df["category"], model.clusters["topic"]),
            }
        )
        assigned[lang] = model.clusters.assign(index_id=df["index_id"].to_numpy())
    agreement = [{"model": "diplolib nmf, separate fits", "en_fr_ari": _agree(assigned["en"], assigned["fr"])}]
    joint = pd.concat([langs["en"], langs["fr"]], ignore_index=True)
    model = fit_topics(joint, n_topics=7)
    cl = model.clusters.assign(index_id=joint["index_id"].to_numpy(), lang=joint["lang"].to_numpy())
    agreement.append(
        {
            "model": "diplolib nmf, joint fit",
            "en_fr_ari": _agree(cl[cl["lang"] == "en"], cl[cl["lang"] == "fr"]),
        }
    )
    if embed:
        from diplolib.topics import embed_documents

        E = {}
        for lang, df in langs.items():
            t = time.perf_counter()
            E[lang] = embed_documents(df)
            secs = time.perf_counter() - t
            m = fit_topics(df, n_topics=7, method="embed", embeddings=E[lang])
            rows.append(
                {
                    "model": "MiniLM + KMeans (embed)",
                    "lang": lang,
                    "seconds": secs,
                    **cluster_agreement(df["category"], m.clusters["topic"]),
                }
            )
            assigned[lang] = m.clusters.assign(index_id=df["index_id"].to_numpy())
        agreement.append({"model": "embed, separate fits", "en_fr_ari": _agree(assigned["en"], assigned["fr"])})
        for center in (False, True):
            m = fit_topics(
                joint,
                n_topics=7,
                method="embed",
                embeddings=np.vstack([E["en"], E["fr"]]),
                center_by_lang=center,
            )
            cl = m.clusters.assign(
                index_id=joint["index_id"].to_numpy(),
                lang=joint["lang"].to_numpy(),
                category=joint["category"].to_numpy(),
            )
            name = f"embed, joint fit, centred by language={center}"
            agreement.append({"model": name, "en_fr_ari": _agree(cl[cl["lang"] == "en"], cl[cl["lang"] == "fr"])})
            for lang in ("en", "fr"):
                part = cl[cl["lang"] == lang]
                rows.append({"model": name, "lang": lang, **cluster_agreement(part["category"], part["topic"])})
    print(pd.DataFrame(rows).to_string(index=False, float_format="%.3f"))
    print()
    print(pd.DataFrame(agreement).to_string(index=False, float_format="%.3f"))


_YEAR = re.compile(r"(\d{4})\s*$")


def bench_ungdc(limit: int | None = None, k: int = 20, vocab: int = 20_000, batch: int = 1000) -> None:
    """Two streaming passes over the speeches: document frequencies, then mini-batch NMF."""
    files = [p for p in sorted((paths.raw_dir("ungdc") / "TXT").glob("Session */*.txt")) if not p.name.startswith(".")][
        :limit
    ]  # skip a stray ".DS_Store-to-UTF-8.txt"
    stop = stop_words_for("en")
    t0 = time.perf_counter()
    df_count: Counter[str] = Counter()
    n_bytes = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        n_bytes += len(text)
        df_count.update(set(tokenize(text, "en", stop_words=stop)))
    n = len(files)
    kept = [w for w, c in df_count.most_common() if 5 <= c <= 0.5 * n][:vocab]
    t1 = time.perf_counter()
    vec = CountVectorizer(analyzer=lambda text: tokenize(text, "en", stop_words=stop), vocabulary=kept)
    idf = np.log((1 + n) / (1 + np.array([df_count[w] for w in kept]))) + 1
    tfidf = TfidfTransformer()
    tfidf.idf_ = idf
    est = MiniBatchNMF(n_components=k, batch_size=batch, init="nndsvda", random_state=0, max_iter=1)
    chunks = []
    for start in range(0, n, batch):
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in files[start : start + batch]]
        X = tfidf.transform(vec.transform(texts))
        chunks.append(X)
        est.partial_fit(X)
    for _ in range(4):  # a few more epochs over the (sparse, in-memory) chunks
        for X in chunks:
            est.partial_fit(X)
    W = np.vstack([est.transform(X) for X in chunks])
    t2 = time.perf_counter()
    from scipy import sparse

    coh = topic_coherence(sparse.vstack(chunks), _top(est.components_))["npmi"].mean()
    years = [int(m.group(1)) if (m := _YEAR.search(p.parent.name)) else -1 for p in files]
    print(
        pd.DataFrame(
            [
                {
                    "speeches": n,
                    "MB": n_bytes / 1e6,
                    "vocab": len(kept),
                    "k": k,
                    "pass1_df_s": t1 - t0,
                    "pass2_nmf_s": t2 - t1,
                    "total_s": t2 - t0,
                    "peak_rss_MB": _peak_mb(),
                    "npmi": coh,
                    "zero_rows": int((W.sum(1) == 0).sum()),
                }
            ]
        ).to_string(index=False, float_format="%.2f")
    )
    names = np.array(kept)
    for t, row in enumerate(est.components_):
        top = names[np.argsort(-row)[:8]]
        share = np.mean(W.argmax(1) == t)
        span = np.array(years)[W.argmax(1) == t]
        when = f"{int(np.median(span))}" if len(span) else "-"
        print(f"topic {t:2d} ({share:5.1%}, median year {when}): {' '.join(top)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=["fakes", "sib200", "ungdc"])
    parser.add_argument("--embed", action="store_true", help="sib200: also the sentence-transformers extra")
    parser.add_argument("--limit", type=int, default=None, help="ungdc: only the first N speeches")
    args = parser.parse_args(argv)
    if args.part == "fakes":
        bench_fakes()
    elif args.part == "sib200":
        bench_sib200(embed=args.embed)
    else:
        bench_ungdc(limit=args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
