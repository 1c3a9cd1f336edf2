"""Figures of topic clusters: choosing k, the topics of FA-KES, their map, outlets, sib200 and UNPC across languages.

Every figure runs its numerical work on one thread (``threadpoolctl``, BLAS and OpenMP): NMF and
t-SNE sum floating-point numbers in an order that depends on the number of threads, and the
committed PNG and CSV files must not depend on the machine that rebuilds them. scikit-learn and
threadpoolctl are imported when a figure is built, not when the registry is imported.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import actors, datasets, plots, themes, topics
from ..actors.matcher_cache import default_matcher
from . import figure

__all__ = [
    "fakes_topic_k",
    "fakes_topics",
    "fakes_topic_map",
    "fakes_topics_by_outlet",
    "sib200_crosslingual",
    "unpc_topics_crosslingual",
]


def _one_thread():
    """A context in which BLAS and OpenMP use one thread (reproducible sums)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


@lru_cache(maxsize=1)
def _fakes():
    """FA-KES articles, their actor mentions and the registry (cached for one build; never modified)."""
    articles, _ = datasets.load("fa-kes")
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    mentions = actors.without_kinds(actors.tag_actors(articles, registry=matcher), "media", actors=registry.actors)
    return articles, mentions, registry


@lru_cache(maxsize=4)
def _fakes_model(n_topics: int, random_state: int):
    articles, mentions, registry = _fakes()
    with _one_thread():
        return topics.fit_topics(articles, n_topics=n_topics, mentions=mentions, actor_labels=registry.actors,
                                 random_state=random_state)


def _wrap(text: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


@figure("fakes_topic_k", inputs=["fa-kes"], params={"ks": [6, 8, 10, 12, 15], "seeds": [0, 1, 2],
                                                    "subsample": 0.9})
def fakes_topic_k(*, ks: list[int], seeds: list[int], subsample: float):
    """Choosing the number of FA-KES topics: NPMI of the top-10 terms and stability (ARI) across seeds, per k."""
    articles, mentions, _ = _fakes()
    with _one_thread():
        table = topics.select_k(articles, ks=ks, seeds=seeds, subsample=subsample, mentions=mentions)
    fig, ax = plt.subplots(figsize=(7, 4.5), layout="constrained")
    plots.plot_k_selection(table, ax=ax)
    ax.set_title(f"FA-KES ({len(articles)} articles): coherence and stability of NMF topics "
                 f"({len(seeds)} seeds, {subsample:.0%} subsamples)")
    return fig, table


@figure("fakes_topics", inputs=["fa-kes"], params={"n_topics": 10, "random_state": 0, "n_terms": 8})
def fakes_topics(*, n_topics: int, random_state: int, n_terms: int):
    """The FA-KES topics: each topic's top terms (words and @actors) under its label and article count."""
    model = _fakes_model(n_topics, random_state)
    ncols = 5
    nrows = -(-n_topics // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.2 * ncols, 3.0 * nrows), layout="constrained")
    for t, ax in enumerate(np.ravel(axes)):
        if t >= n_topics:
            ax.set_axis_off()
            continue
        row = model.labels_.iloc[t]
        plots.plot_topic_terms(model, topic=t, n=n_terms, ax=ax, color=plt.get_cmap("tab10")(t % 10))
        ax.set_title(f"{t}: {_wrap(row['label'])}\n{row['n_articles']} articles, NPMI {row['npmi']:.2f}",
                     fontsize=8)
        ax.set_xlabel("")
        ax.set_xticks([])
    fig.suptitle(f"FA-KES: {n_topics} NMF topics on words and actor ids (mean NPMI "
                 f"{model.labels_['npmi'].mean():.2f}, every article in a topic)")
    table = model.topic_terms_[model.topic_terms_["rank"] <= n_terms].merge(
        model.labels_[["topic", "label", "n_articles", "npmi"]], on="topic")
    return fig, table


@figure("fakes_topic_map", inputs=["fa-kes"], params={"n_topics": 10, "random_state": 0, "perplexity": 30.0})
def fakes_topic_map(*, n_topics: int, random_state: int, perplexity: float):
    """FA-KES articles on a plane (TruncatedSVD then t-SNE of their term vectors), coloured by topic."""
    model = _fakes_model(n_topics, random_state)
    with _one_thread():
        points = topics.topic_map(model, method="tsne", perplexity=perplexity, random_state=random_state)
    labels = model.labels_.set_index("topic")["label"]
    shown = points.assign(topic=[f"{t}: {textwrap.shorten(labels[t], 38, placeholder='…')}"
                                 for t in points["topic"]])
    shown["topic"] = pd.Categorical(shown["topic"], [f"{t}: {textwrap.shorten(labels[t], 38, placeholder='…')}"
                                                     for t in range(n_topics)])
    fig, ax = plt.subplots(figsize=(10, 7), layout="constrained")
    plots.plot_topic_map(shown, hue="topic", ax=ax, s=10)
    ax.legend(title="topic", fontsize="x-small", markerscale=1.5, loc="center left", bbox_to_anchor=(1.0, 0.5))
    ax.set_title(f"FA-KES: {len(points)} articles, t-SNE of TruncatedSVD of their TF-IDF vectors, coloured by topic")
    return fig, points.drop(columns=[c for c in ("title",) if c in points.columns])


@figure("fakes_topics_by_outlet", inputs=["fa-kes"], params={"n_topics": 10, "random_state": 0, "min_articles": 20,
                                                             "n_terms": 6})
def fakes_topics_by_outlet(*, n_topics: int, random_state: int, min_articles: int, n_terms: int):
    """Share of each outlet's FA-KES articles in each topic (outlets with enough articles), words per outlet."""
    model = _fakes_model(n_topics, random_state)
    table = topics.topics_by(model, model.meta_["source"], name="source", n_terms=n_terms)
    sizes = model.meta_["source"].value_counts()
    keep = sorted(sizes[sizes >= min_articles].index, key=lambda s: (-sizes[s], s))
    shown = table[table["source"].isin(keep)]
    fig, ax = plt.subplots(figsize=(11, 0.45 * len(keep) + 2.5), layout="constrained")
    plots.plot_topic_heatmap(shown, group="source", order=keep, labels=model, ax=ax)
    ax.set_title(f"FA-KES: share of each outlet's articles in each topic (outlets with ≥ {min_articles} articles)")
    return fig, table


def _sib200_langs():
    articles, _ = datasets.load("sib200")
    articles = articles.sort_values(["lang", "index_id"], kind="stable").reset_index(drop=True)
    return articles


def _en_fr_ari(index_id: pd.Series, lang: pd.Series, topic: np.ndarray) -> float:
    from sklearn.metrics import adjusted_rand_score

    frame = pd.DataFrame({"index_id": index_id.to_numpy(), "lang": lang.to_numpy(), "topic": topic})
    en = frame[frame["lang"] == "en"].set_index("index_id")["topic"]
    fr = frame[frame["lang"] == "fr"].set_index("index_id")["topic"]
    common = en.index.intersection(fr.index)
    return float(adjusted_rand_score(en.loc[common].to_numpy(), fr.loc[common].to_numpy()))


def _sib200_scores(articles: pd.DataFrame, n_topics: int, random_state: int) -> pd.DataFrame:
    """NMI per language (one model per language, against TF-IDF + KMeans) and en–fr agreement of each model."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = []
    separate: dict[str, dict[str, np.ndarray]] = {"TF-IDF + KMeans": {}, "diplolib NMF": {}}
    for lang in ("en", "fr", "ar"):
        part = articles[articles["lang"] == lang]
        km = KMeans(n_topics, n_init=10, random_state=random_state).fit_predict(
            TfidfVectorizer().fit_transform(part["text"]))
        model = topics.fit_topics(part, n_topics=n_topics, random_state=random_state)
        for name, topic in (("TF-IDF + KMeans", km), ("diplolib NMF", model.clusters_["topic"].to_numpy())):
            separate[name][lang] = topic
            rows.append({"measure": "per language", "model": name, "lang": lang,
                         **topics.cluster_agreement(part["category"], topic)})
    both = articles[articles["lang"].isin(["en", "fr"])].reset_index(drop=True)
    for name, by_lang in separate.items():
        rows.append({"measure": "en–fr agreement", "model": f"{name}, one model per language", "lang": "en–fr",
                     "ari": _en_fr_ari(both["index_id"], both["lang"],
                                       np.concatenate([by_lang["en"], by_lang["fr"]]))})
    features = {"mentions": actors.without_kinds(actors.tag_actors(both), "media"),
                "theme_hits": themes.tag_themes(both)}
    for name, kw in (("diplolib NMF, one model, words", {}),
                     ("diplolib NMF, one model, words + actor & theme ids", features)):
        topic = topics.fit_topics(both, n_topics=n_topics, random_state=random_state, **kw).clusters_["topic"]
        topic = topic.to_numpy()
        rows.append({"measure": "en–fr agreement", "model": name, "lang": "en–fr",
                     "ari": _en_fr_ari(both["index_id"], both["lang"], topic)})
        for lang in ("en", "fr"):
            sel = (both["lang"] == lang).to_numpy()
            rows.append({"measure": "joint en+fr model", "model": name, "lang": lang,
                         **topics.cluster_agreement(both.loc[sel, "category"], topic[sel])})
    return pd.DataFrame(rows, columns=["measure", "model", "lang", "nmi", "ari"])


@figure("sib200_crosslingual", inputs=["sib200"], params={"n_topics": 7, "random_state": 0})
def sib200_crosslingual(*, n_topics: int, random_state: int):
    """sib200 (same sentences in en, fr, ar; 7 labels): NMI per language, en–fr agreement, vs TF-IDF + KMeans."""
    articles = _sib200_langs()
    with _one_thread():
        table = _sib200_scores(articles, n_topics, random_state)
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5), layout="constrained",
                                      gridspec_kw={"width_ratios": [1, 1.3]})
    per = table[table["measure"] == "per language"].pivot(index="lang", columns="model", values="nmi")
    per = per.reindex(["en", "fr", "ar"])
    x = np.arange(len(per))
    for i, name in enumerate(per.columns):
        bars = left.bar(x + (i - 0.5) * 0.38, per[name], width=0.38, label=name, color=f"C{i}")
        left.bar_label(bars, fmt="%.2f", fontsize=7)
    left.set_xticks(x, per.index.tolist())
    left.set_ylabel("NMI with the 7 topic labels")
    left.set_title("one model per language")
    left.legend(fontsize="small", loc="upper left")
    agree = table[table["measure"] == "en–fr agreement"]
    bars = right.barh(np.arange(len(agree)), agree["ari"], color=[f"C{i}" for i in (0, 1, 2, 3)][: len(agree)])
    right.bar_label(bars, fmt="%.2f", fontsize=7)
    right.set_yticks(np.arange(len(agree)), [_wrap(m, 40) for m in agree["model"]], fontsize=8)
    right.invert_yaxis()
    right.set_xlabel("ARI between the clusters of each sentence in en and in fr")
    right.set_title("en–fr agreement (same sentences)")
    fig.suptitle(f"sib200: {articles['index_id'].nunique()} sentences in en, fr and ar, {n_topics} topic labels")
    return fig, table


def _unpc_test_documents():
    """The 731 test documents of UNPC in ar, fr and en (the split the settings were not tuned on), tagged."""
    from ..topics.crosslingual import parallel_documents

    triples = datasets.parallel_sentences("unpc-ar-fr-en")
    split = pd.read_json(datasets.path("unpc-ar-fr-en") / "unpc_parallel_sentences.jsonl", lines=True,
                         dtype=False)[["id", "split"]]
    docs = parallel_documents(triples.merge(split, on="id").query("split == 'test'"))
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    mentions = actors.without_kinds(actors.tag_actors(docs, registry=matcher), "media", actors=registry.actors)
    return docs, mentions, themes.tag_themes(docs), registry


@figure("unpc_topics_crosslingual", inputs=["unpc-ar-fr-en"], params={"n_topics": 12, "random_state": 0})
def unpc_topics_crosslingual(*, n_topics: int, random_state: int):
    """UNPC documents in ar, fr, en: how often a document's versions share their main topic; topics by language."""
    from ..topics.crosslingual import version_agreement

    docs, mentions, hits, registry = _unpc_test_documents()
    settings = {"actor & theme ids": {}, "chosen: shared_weight=4, max_df=0.1, procedural": {
        "shared_weight": 4, "max_df": 0.1, "procedural": True}}
    rows, model = [], None
    with _one_thread():
        for name, params in settings.items():
            model = topics.fit_topics(docs, n_topics=n_topics, mentions=mentions, theme_hits=hits,
                                      actor_labels=registry.actors, random_state=random_state, **params)
            rows.append(version_agreement(model.clusters_, articles=docs).assign(setting=name))
    table = pd.concat(rows, ignore_index=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5.5), layout="constrained",
                                      gridspec_kw={"width_ratios": [1, 1.6]})
    wide = table.pivot(index="langs", columns="setting", values="share").reindex(
        columns=list(settings)).loc[["ar+en+fr", "ar+en", "ar+fr", "en+fr"]]
    x = np.arange(len(wide))
    for i, name in enumerate(wide.columns):
        bars = left.bar(x + (i - 0.5) * 0.38, wide[name], width=0.38, label=name, color=f"C{i}")
        left.bar_label(bars, fmt="%.2f", fontsize=7)
    left.set_xticks(x, wide.index.tolist())
    left.set_ylim(0, 1.2)  # room above the bars for the legend: it covered a bar's label at 1.0
    left.set_yticks(np.linspace(0, 1, 6))
    left.set_ylabel("share of documents whose versions share their main topic")
    left.set_title("versions in the same topic (k = %d)" % n_topics)
    left.legend(fontsize="small", loc="upper left")
    counts = model.clusters_.merge(docs[["article_id", "lang"]], on="article_id").groupby(
        ["topic", "lang"]).size().unstack(fill_value=0).reindex(columns=["ar", "fr", "en"], fill_value=0)
    image = right.imshow(counts.to_numpy().T, aspect="auto", cmap="Blues")
    # matplotlib draws Arabic letters unjoined, left to right: the tick labels leave the Arabic words out
    names = model.labels_.set_index("topic")["label"].str.replace(r"\s*·?\s*[\u0600-\u06FF]+(?=\s|$)", "",
                                                                    regex=True)
    right.set_xticks(np.arange(len(counts)), [_wrap(f"{t} · {names[t]}", 26) for t in counts.index], fontsize=6,
                     rotation=90)
    right.set_yticks(range(3), ["ar", "fr", "en"])
    for (j, i), n in np.ndenumerate(counts.to_numpy()):
        right.text(j, i, str(n), ha="center", va="center", fontsize=7,
                   color="white" if n > counts.to_numpy().max() / 2 else "black")
    right.set_title("documents per topic and language (chosen settings; labels without their Arabic words)")
    fig.colorbar(image, ax=right, shrink=0.8, label="documents")
    fig.suptitle(f"UNPC: {docs['doc_id'].nunique()} UN documents of 2015 (test split) in Arabic, French and English")
    return fig, table
