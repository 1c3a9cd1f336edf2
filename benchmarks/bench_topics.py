"""Benchmark of diplolib.topics: quality and speed on fa-kes, sib200 and UNGDC.

Run by hand (not a test)::

    python benchmarks/bench_topics.py fakes          # topics on fa-kes vs the sklearn NMF/LDA baselines
    python benchmarks/bench_topics.py sib200 [--embed]  # NMI/ARI per language, en–fr agreement
    python benchmarks/bench_topics.py ungdc [--limit N]  # fit_topics(method="minibatch-nmf") on 10,952 UN speeches

Prints one results table per part. Timings are wall-clock on whatever machine runs it: say how
busy it was (``uptime``) next to them.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

from diplolib import paths
from diplolib.topics import cluster_agreement, fit_topics, pairwise_ari, select_k
from diplolib.topics.evaluate import topic_coherence


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load_fakes() -> tuple[pd.DataFrame, pd.DataFrame, object]:
    """FA-KES as diplolib loads it, its mentions from the actor tagger, and the registry."""
    from diplolib import datasets
    from diplolib.actors import load_registry, tag_actors

    articles, _ = datasets.load("fa-kes")
    registry = load_registry()
    return articles, tag_actors(articles, registry=registry), registry


def _top(components: np.ndarray, n: int = 10) -> list[list[int]]:
    return [list(np.argsort(-row, kind="stable")[:n]) for row in components]


def bench_fakes(k: int = 10) -> None:
    arts, mentions, registry = _load_fakes()
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
        t, c = time.perf_counter(), time.process_time()
        X = vec.fit_transform((arts["title"].fillna("") + " " + arts["text"].fillna("")).tolist())
        W = est.fit_transform(X)
        dt = time.perf_counter() - t
        rows.append(
            {
                "model": name,
                "seconds": dt,
                "cpu_s": time.process_time() - c,
                "npmi": topic_coherence(X, _top(est.components_))["npmi"].mean(),
                "outliers": 0,
                "zero_rows": int((W.sum(1) == 0).sum()),
            }
        )
    for name, kw in [
        ("diplolib nmf, words only", {}),
        ("diplolib nmf + @actor tokens (default use)", {"mentions": mentions}),
        ("diplolib nmf + @actors, 1-2 grams", {"mentions": mentions, "ngram_range": (1, 2)}),
        ("diplolib minibatch-nmf + @actors", {"mentions": mentions, "method": "minibatch-nmf", "batch_size": 256}),
        ("diplolib lda + @actors", {"mentions": mentions, "method": "lda"}),
    ]:
        t, c = time.perf_counter(), time.process_time()
        model = fit_topics(arts, n_topics=k, random_state=0, **kw)
        dt = time.perf_counter() - t
        rows.append(
            {
                "model": name,
                "seconds": dt,
                "cpu_s": time.process_time() - c,
                "npmi": model.coherence(10)["npmi"].mean(),
                "outliers": len(arts) - len(model.clusters),
                "zero_rows": int((model.clusters["rule"] != "argmax").sum()),
                "low_confidence": int(model.clusters["low_confidence"].sum()),
            }
        )
    print(pd.DataFrame(rows).to_string(index=False, float_format="%.3f"))
    # determinism and seeds
    a = fit_topics(arts, n_topics=k, random_state=0, mentions=mentions, actor_labels=registry.actors)
    b = fit_topics(arts, n_topics=k, random_state=0, mentions=mentions, actor_labels=registry.actors)
    same = all(getattr(a, t).equals(getattr(b, t)) for t in ("doc_topics", "topic_terms", "labels", "clusters"))
    by_seed = [
        fit_topics(arts, n_topics=k, random_state=s, mentions=mentions).clusters.set_index("article_id")["topic"]
        for s in (0, 1, 2)
    ]
    print(f"\nsame random_state -> identical tables: {same}")
    print(f"ARI between seeds 0/1/2 (full corpus): {pairwise_ari(by_seed):.3f}")
    lda = [
        fit_topics(arts, n_topics=k, random_state=s, mentions=mentions, method="lda").clusters.set_index("article_id")[
            "topic"
        ]
        for s in (0, 1, 2)
    ]
    print(f"ARI between seeds 0/1/2 (full corpus), LDA: {pairwise_ari(lda):.3f}")
    t = time.perf_counter()
    table = select_k(arts, ks=[6, 8, 10, 12, 15], seeds=(0, 1, 2), subsample=0.9, mentions=mentions)
    print(f"\nselect_k (90% subsamples, seeds 0-2), {time.perf_counter() - t:.1f} s:")
    print(table.to_string(index=False, float_format="%.3f"))
    print("\nlabels (k=10):")
    print(a.labels.to_string(index=False, float_format="%.3f"))


def _load_sib(lang: str) -> pd.DataFrame:
    from diplolib import datasets

    articles, _ = datasets.load("sib200")
    part = articles[articles["lang"] == lang]
    return part.sort_values("index_id", kind="stable").reset_index(drop=True)


def _agree(a: pd.DataFrame, b: pd.DataFrame) -> float:
    m = a.merge(b, on="index_id")
    return adjusted_rand_score(m["topic_x"], m["topic_y"])


def bench_sib200(embed: bool = False) -> None:
    langs = {
        "en": _load_sib("en"),
        "fr": _load_sib("fr"),
        "ar": _load_sib("ar"),
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
    from diplolib.actors import tag_actors
    from diplolib.themes import tag_themes

    ids = {"mentions": tag_actors(joint), "themes": tag_themes(joint)}
    for name, kw in [
        ("words", {}),
        ("words + actor ids", {"mentions": ids["mentions"]}),
        ("words + actor & theme ids", ids),
    ]:
        model = fit_topics(joint, n_topics=7, **kw)
        cl = model.clusters.assign(
            index_id=joint["index_id"].to_numpy(), lang=joint["lang"].to_numpy(), category=joint["category"].to_numpy()
        )
        agreement.append(
            {
                "model": f"diplolib nmf, joint fit, {name}",
                "en_fr_ari": _agree(cl[cl["lang"] == "en"], cl[cl["lang"] == "fr"]),
            }
        )
        for lang in ("en", "fr"):
            part = cl[cl["lang"] == lang]
            rows.append(
                {"model": f"nmf joint, {name}", "lang": lang, **cluster_agreement(part["category"], part["topic"])}
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


def bench_ungdc(
    limit: int | None = None,
    k: int = 20,
    vocab: int = 20_000,
    batch: int = 1000,
    lemmatize: bool = False,
    full_load: bool = False,
) -> None:
    """The library's mini-batch path: ``fit_topics(method="minibatch-nmf")`` on the UNGDC articles table."""
    from diplolib import datasets

    t0 = time.perf_counter()
    cached = paths.processed_dir("ungdc") / "articles.parquet"
    if cached.is_file() and not full_load:
        # the Parquet cache of datasets.load (rebuilt from data/raw by a first datasets.load call): reading only
        # the columns needed keeps the peak memory of the fit itself visible
        articles = pd.read_parquet(cached, columns=["article_id", "lang", "text", "year"])
    else:
        articles, _ = datasets.load("ungdc")
    if limit:
        articles = articles.head(limit)
    t1, c1 = time.perf_counter(), time.process_time()
    rss_loaded = _peak_mb()
    model = fit_topics(
        articles,
        n_topics=k,
        method="minibatch-nmf",
        batch_size=batch,
        min_df=5,
        max_df=0.5,
        max_features=vocab,
        lemmatize=lemmatize,
        title=False,
        random_state=0,
    )
    t2, c2 = time.perf_counter(), time.process_time()
    print(
        pd.DataFrame(
            [
                {
                    "speeches": len(articles),
                    "MB": articles["text"].str.len().sum() / 1e6,
                    "vocab": len(model.feature_names),
                    "k": k,
                    "batch": batch,
                    "load_s": t1 - t0,
                    "fit_s": t2 - t1,
                    "fit_cpu_s": c2 - c1,
                    "peak_rss_loaded_MB": rss_loaded,
                    "peak_rss_MB": _peak_mb(),
                    "npmi": model.coherence(10)["npmi"].mean(),
                    "outliers": len(articles) - len(model.clusters),
                    "not_argmax": int((model.clusters["rule"] != "argmax").sum()),
                }
            ]
        ).to_string(index=False, float_format="%.2f")
    )
    year = articles["year"].to_numpy() if "year" in articles.columns else np.full(len(articles), -1)
    for row in model.labels.itertuples():
        members = year[(model.clusters["topic"] == row.topic).to_numpy()]
        top = " ".join(model.topic_terms.query("topic == @row.topic")["term"].head(8))
        when = f"{int(np.nanmedian(members.astype(float)))}" if len(members) else "-"
        print(f"topic {row.topic:2d} ({row.n_articles / len(articles):5.1%}, median year {when}): {top}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=["fakes", "sib200", "ungdc"])
    parser.add_argument("--embed", action="store_true", help="sib200: also the sentence-transformers extra")
    parser.add_argument("--limit", type=int, default=None, help="ungdc: only the first N speeches")
    parser.add_argument("--full-load", action="store_true", help="ungdc: use datasets.load, not the Parquet cache")
    args = parser.parse_args(argv)
    if args.part == "fakes":
        bench_fakes()
    elif args.part == "sib200":
        bench_sib200(embed=args.embed)
    else:
        bench_ungdc(limit=args.limit, full_load=args.full_load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
