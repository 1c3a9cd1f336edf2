"""Topic models and article clusters: :func:`fit_topics` and the :class:`TopicModel` it returns.

One model is fitted on all the articles, whatever their language: the vocabulary is the
union of the per-language tokens, and the language-independent tokens (``@actor``, ``#theme``,
names and numbers spelt alike) are where French, English and Arabic articles meet.

Methods: NMF on TF-IDF (default), mini-batch NMF for large corpora (``method="minibatch-nmf"``,
``batch_size=``; the vectoriser tokenises one document at a time), LDA on counts, and KMeans on
document embeddings (the optional ``embed`` extra). Every one is deterministic for a given
``random_state`` on a given machine; the report's figures also pin the thread count.

Every article gets a cluster (its main topic); there are no outliers. The rule:

1. the topic with the largest weight in the article's row of the document-topic matrix;
2. if that row is all zero, the topic whose term vector is nearest (cosine) to the article's
   term vector;
3. if the article has no known term at all (empty text, only stop words), the largest topic.

Articles placed by rule 2 or 3, or whose main topic holds less than ``min_share`` of their
topic weight, are flagged ``low_confidence``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import normalize

from .evaluate import topic_coherence
from .vectorize import TopicVectorizer, actor_token, documents

__all__ = ["TopicModel", "fit_topics", "term_kind"]

_META = ("article_id", "source", "lang", "published", "title")


def term_kind(term: str) -> str:
    """``"actor"`` for ``@…`` tokens, ``"theme"`` for ``#…`` tokens, else ``"word"``."""
    return "actor" if term.startswith("@") else "theme" if term.startswith("#") else "word"


@dataclass
class TopicModel:
    """A fitted topic model and its tables.

    Attributes
    ----------
    doc_topics : DataFrame
        ``article_id``, ``topic``, ``weight`` (share of the article's topic weight, rows sum to
        1; zero weights left out).
    topic_terms : DataFrame
        ``topic``, ``term``, ``weight``, ``rank`` (1 = best), ``kind`` (word, actor, theme).
    labels : DataFrame
        ``topic``, ``label`` (top words, then top actors), ``n_articles``, ``npmi``.
    clusters : DataFrame
        One row per article, in input order: ``article_id``, ``topic`` (main topic),
        ``share`` (its weight share), ``rule`` (argmax, nearest, largest), ``low_confidence``.
    representatives : DataFrame
        ``topic``, ``rank``, ``article_id``, ``share``, ``title``: the articles of each cluster
        with the largest share.
    pipeline : sklearn Pipeline or None
        The fitted vectoriser (+ NMF/LDA) pipeline.
    doc_term : sparse matrix
        The document-term matrix (rows in input order), for maps, trends and coherence.
    doc_topic : ndarray
        The raw document-topic matrix.
    feature_names : ndarray of str
    meta : DataFrame
        ``article_id`` and, where present, ``source``, ``lang``, ``published``, ``title``.
    params : dict
    """

    doc_topics: pd.DataFrame
    topic_terms: pd.DataFrame
    labels: pd.DataFrame
    clusters: pd.DataFrame
    representatives: pd.DataFrame
    pipeline: Pipeline | None
    doc_term: Any
    doc_topic: np.ndarray
    feature_names: np.ndarray
    meta: pd.DataFrame
    params: dict = field(default_factory=dict)

    @property
    def n_topics(self) -> int:
        return int(self.doc_topic.shape[1])

    def coherence(self, n: int = 10) -> pd.DataFrame:
        """Mean NPMI of each topic's top-``n`` terms on the modelled corpus (``topic``, ``npmi``)."""
        index = {t: i for i, t in enumerate(self.feature_names)}
        top = [
            [index[t] for t in g.sort_values("rank")["term"].head(n)]
            for _, g in self.topic_terms.groupby("topic", sort=True)
        ]
        table = topic_coherence(self.doc_term, top)
        table["topic"] = sorted(self.topic_terms["topic"].unique())
        return table

    def transform(
        self,
        articles: pd.DataFrame,
        *,
        mentions: pd.DataFrame | None = None,
        themes: pd.DataFrame | None = None,
    ) -> pd.DataFrame:
        """Topic weights of (new) articles under this fitted NMF or LDA model.

        The articles are turned into documents as at fitting time (:func:`~diplolib.topics.documents`,
        with actor and theme tokens when ``mentions`` / ``themes`` are given: pass them if the model was
        fitted with them), vectorised with the fitted vocabulary and projected on the fitted topics.

        Parameters
        ----------
        articles : DataFrame
            ``article_id``, ``lang``, ``text`` (and ``title``); not modified.
        mentions, themes : DataFrame, optional
            The articles' mentions (:func:`diplolib.actors.tag_actors`) and theme hits
            (:func:`diplolib.themes.tag_themes`).

        Returns
        -------
        DataFrame
            ``article_id``, ``topic``, ``weight``, shaped like :attr:`doc_topics` (weights are shares of
            the article's topic weight; zero weights left out; an article without any known term has no row).
        """
        pipe = self.pipeline
        if pipe is None or "model" not in getattr(pipe, "named_steps", {}):
            raise ValueError("TopicModel.transform: this model has no fitted NMF/LDA step (method='embed' models "
                             "need the embeddings of every article); fit with method='nmf', 'minibatch-nmf' or "
                             "'lda'.")
        empty = pd.DataFrame({"article_id": pd.Series([], dtype="string"), "topic": pd.Series([], dtype="int64"),
                              "weight": pd.Series([], dtype="float64")})
        if len(articles) == 0:
            return empty
        docs = documents(articles, mentions=mentions, themes=themes, title=bool(self.params.get("title", True)))
        W = np.asarray(pipe.transform(docs), dtype=float)
        totals = W.sum(axis=1, keepdims=True)
        shares = np.divide(W, totals, out=np.zeros_like(W), where=totals > 0)
        rows, cols = np.nonzero(shares > 0)
        ids = docs["article_id"].to_numpy()
        return pd.DataFrame({"article_id": pd.array(ids[rows], dtype="string"), "topic": cols.astype("int64"),
                             "weight": shares[rows, cols]})


def _check_articles(articles: pd.DataFrame, n_topics: int) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"fit_topics: articles must be a DataFrame, not {type(articles).__name__}.")
    missing = [c for c in ("article_id", "lang", "text") if c not in articles.columns]
    if missing:
        raise ValueError(f"fit_topics: the articles table lacks {missing}; it needs article_id, lang, text.")
    if not isinstance(n_topics, (int, np.integer)) or n_topics < 2:
        raise ValueError(f"fit_topics: n_topics={n_topics!r}; give an integer of at least 2.")
    n_text = int((articles["text"].fillna("").astype(str).str.strip() != "").sum())
    if n_text < n_topics:
        raise ValueError(
            f"fit_topics: {n_text} article(s) with text for n_topics={n_topics}; use "
            f"n_topics <= {max(n_text, 1)} or add articles."
        )


def _assign(W: np.ndarray, X, H: np.ndarray, min_share: float) -> pd.DataFrame:
    totals = W.sum(axis=1)
    share = np.divide(W.max(axis=1), totals, out=np.zeros(len(W)), where=totals > 0)
    topic = W.argmax(axis=1)
    rule = np.where(totals > 0, "argmax", "nearest").astype(object)
    zero = np.flatnonzero(totals <= 0)
    if len(zero):
        sims = normalize(X[zero]) @ normalize(H).T
        sims = sims.toarray() if sparse.issparse(sims) else np.asarray(sims)
        has_terms = np.asarray(abs(X[zero]).sum(axis=1)).ravel() > 0
        counts = np.bincount(topic[totals > 0], minlength=H.shape[0])
        largest = int(np.argmax(counts))
        for row, sim, ok in zip(zero, sims, has_terms, strict=False):
            if ok and sim.max() > 0:
                topic[row] = int(np.argmax(sim))
            else:
                topic[row], rule[row] = largest, "largest"
    low = (rule != "argmax") | (share < min_share)
    return pd.DataFrame({"topic": topic.astype(int), "share": share, "rule": rule, "low_confidence": low})


def _c_tfidf(X, topic: np.ndarray, k: int) -> np.ndarray:
    """Class-based TF-IDF of each cluster (rows) over the terms (columns)."""
    X = sparse.csr_matrix(X)
    onehot = sparse.csr_matrix((np.ones(len(topic)), (topic, np.arange(len(topic)))), shape=(k, len(topic)))
    tf = np.asarray((onehot @ X).todense())
    avg = tf.sum() / max(k, 1)
    idf = np.log1p(avg / np.maximum(tf.sum(axis=0), 1e-12))
    return normalize(tf, norm="l1") * idf


def _actor_names(actor_labels: Mapping[str, str] | pd.DataFrame | None) -> dict[str, str]:
    """``{"@actor_id": label}`` from a mapping or an actors table (``actor_id``, ``label``)."""
    if actor_labels is None:
        return {}
    if isinstance(actor_labels, pd.DataFrame):
        if not {"actor_id", "label"} <= set(actor_labels.columns):
            raise ValueError(
                "fit_topics: actor_labels as a table needs 'actor_id' and 'label' columns "
                "(e.g. load_registry().actors)."
            )
        actor_labels = dict(zip(actor_labels["actor_id"], actor_labels["label"], strict=False))
    return {actor_token(k): str(v) for k, v in actor_labels.items() if isinstance(k, str) and k.strip()}


def _label(terms: pd.DataFrame, names: Mapping[str, str], n_words: int = 3) -> str:
    words = terms.loc[terms["kind"] == "word", "term"].head(n_words).tolist()
    actors = terms.loc[terms["kind"] == "actor", "term"].head(2).tolist()
    actors = [names.get(a, a[1:]) for a in actors]
    label = " · ".join(words) if words else " · ".join(terms["term"].head(n_words))
    return f"{label} — {', '.join(actors)}" if actors else label


def fit_topics(
    articles: pd.DataFrame,
    *,
    n_topics: int = 10,
    method: Literal["nmf", "minibatch-nmf", "lda", "embed"] = "nmf",
    mentions: pd.DataFrame | None = None,
    themes: pd.DataFrame | None = None,
    embeddings: np.ndarray | None = None,
    random_state: int = 0,
    lemmatize: bool = True,
    ngram_range: tuple[int, int] = (1, 1),
    min_df: int | float = 2,
    max_df: int | float = 0.3,
    max_features: int | None = None,
    unknown_lang: Literal["error", "none"] = "error",
    keep_words: Iterable[str] | None = None,
    extra_stop_words: Iterable[str] | None = None,
    title: bool = True,
    n_terms: int = 20,
    n_representatives: int = 3,
    min_share: float = 0.3,
    center_by_lang: bool = True,
    actor_labels: Mapping[str, str] | pd.DataFrame | None = None,
    max_iter: int = 400,
    batch_size: int = 1024,
) -> TopicModel:
    """Fit a topic model and cluster the articles (every article gets a topic).

    Parameters
    ----------
    articles : DataFrame
        ``article_id`` (unique), ``lang`` (fr, en, ar), ``text``; optional ``title``, ``source``,
        ``published``. Not modified.
    n_topics : int
        Number of topics (see :func:`diplolib.topics.select_k`).
    method : {"nmf", "minibatch-nmf", "lda", "embed"}
        NMF on TF-IDF (default); mini-batch NMF on TF-IDF (:class:`~sklearn.decomposition.MiniBatchNMF`,
        ``batch_size`` documents at a time: for corpora of tens of thousands of long documents,
        e.g. UNGDC); LDA on counts; or KMeans on document embeddings (``embeddings`` or
        :func:`diplolib.topics.embed_documents`; the ``embed`` extra) with topic terms by
        class-based TF-IDF of each cluster.
    mentions, themes : DataFrame, optional
        Actor mentions and theme hits: their actors and themes become ``@actor`` / ``#theme``
        features shared by all languages (see :func:`diplolib.topics.documents`).
    embeddings : ndarray, optional
        Document vectors aligned with ``articles`` rows, for ``method="embed"``.
    random_state : int
        Seed of every random step; the same seed gives the same tables.
    lemmatize, ngram_range, min_df, max_df, max_features, unknown_lang, keep_words, extra_stop_words :
        Passed to :class:`diplolib.topics.TopicVectorizer`.
    title : bool
        Model the title with the text.
    n_terms : int
        Terms kept per topic in ``topic_terms``.
    n_representatives : int
        Articles kept per topic in ``representatives``.
    min_share : float
        Articles whose main topic holds less than this share are ``low_confidence``.
    center_by_lang : bool
        ``method="embed"``: subtract each language's mean vector before clustering, which
        removes much of the language signal so translations land together.
    actor_labels : mapping or DataFrame, optional
        ``actor_id -> readable name`` for the labels, or an actors table with ``actor_id`` and
        ``label`` (``load_registry().actors``).
    max_iter : int
        Iterations of NMF; passes over the data of mini-batch NMF (capped at 50, with early
        stopping); LDA (online variational Bayes) runs at most 20 passes.
    batch_size : int
        Documents per mini-batch for ``method="minibatch-nmf"``.

    Returns
    -------
    TopicModel
        With ``doc_topics``, ``topic_terms``, ``labels``, ``clusters``, ``representatives``.

    Raises
    ------
    ValueError
        Fewer articles with text than topics, missing columns, a language without stop words
        (unless ``unknown_lang="none"``), an empty vocabulary.
    """
    _check_articles(articles, n_topics)
    if method not in ("nmf", "minibatch-nmf", "lda", "embed"):
        raise ValueError(f"fit_topics: method={method!r}; choose 'nmf', 'minibatch-nmf', 'lda' or 'embed'.")
    if not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(f"fit_topics: batch_size={batch_size!r}; give a positive integer of documents.")
    names_of_actors = _actor_names(actor_labels)
    docs = documents(articles, mentions=mentions, themes=themes, title=title)
    vec = TopicVectorizer(
        lemmatize=lemmatize,
        ngram_range=ngram_range,
        min_df=min_df,
        max_df=max_df,
        max_features=max_features,
        unknown_lang=unknown_lang,
        keep_words=keep_words,
        extra_stop_words=extra_stop_words,
        weighting="count" if method == "lda" else "tfidf",
    )
    if method == "embed":
        if embeddings is None:
            from .embed import embed_documents

            embeddings = embed_documents(articles)
        E = np.asarray(embeddings, dtype=np.float64)
        if E.shape[0] != len(articles):
            raise ValueError(
                f"fit_topics: embeddings has {E.shape[0]} rows for {len(articles)} articles; "
                "give one vector per article, in the same order."
            )
        if center_by_lang:
            E = E.copy()
            for lg in docs["lang"].unique():
                rows = (docs["lang"] == lg).to_numpy()
                E[rows] -= E[rows].mean(axis=0)
        E = normalize(E)
        X = vec.fit_transform(docs)
        km = KMeans(n_clusters=n_topics, n_init=10, random_state=random_state).fit(E)
        W = np.zeros((len(docs), n_topics))
        W[np.arange(len(docs)), km.labels_] = 1.0
        H = _c_tfidf(X, km.labels_, n_topics)
        pipe = Pipeline([("vectorize", vec)])
    else:
        if method == "nmf":
            est = NMF(n_components=n_topics, init="nndsvda", max_iter=max_iter, random_state=random_state)
        elif method == "minibatch-nmf":
            est = MiniBatchNMF(
                n_components=n_topics,
                init="nndsvda",
                batch_size=int(batch_size),
                max_iter=min(max_iter, 50),
                random_state=random_state,
            )
        else:
            est = LatentDirichletAllocation(
                n_components=n_topics,
                learning_method="online",
                max_iter=min(max_iter, 20),
                random_state=random_state,
            )
        pipe = Pipeline([("vectorize", vec), ("model", est)])
        X = vec.fit_transform(docs)
        if X.shape[1] < n_topics:
            raise ValueError(
                f"fit_topics: only {X.shape[1]} term(s) survive filtering for n_topics="
                f"{n_topics}; lower n_topics or min_df, or add articles."
            )
        W = est.fit_transform(X)
        H = est.components_
    names = vec.feature_names_
    ids = docs["article_id"]
    clusters = _assign(np.asarray(W), X, np.asarray(H), min_share)
    clusters.insert(0, "article_id", ids.to_numpy())

    totals = W.sum(axis=1, keepdims=True)
    Wn = np.divide(W, totals, out=np.zeros_like(W, dtype=float), where=totals > 0)
    r, c = np.nonzero(Wn > 0)
    doc_topics = pd.DataFrame({"article_id": ids.to_numpy()[r], "topic": c.astype(int), "weight": Wn[r, c]})

    rows = []
    for t in range(n_topics):
        order = np.argsort(-H[t], kind="stable")[:n_terms]
        order = order[H[t, order] > 0]
        rows += [(t, names[j], float(H[t, j]), rank) for rank, j in enumerate(order, start=1)]
    topic_terms = pd.DataFrame(rows, columns=["topic", "term", "weight", "rank"])
    topic_terms["kind"] = topic_terms["term"].map(term_kind)

    meta = articles[[c for c in _META if c in articles.columns]].reset_index(drop=True).copy()
    model = TopicModel(
        doc_topics=doc_topics,
        topic_terms=topic_terms,
        labels=pd.DataFrame(),
        clusters=clusters,
        representatives=pd.DataFrame(),
        pipeline=pipe,
        doc_term=sparse.csr_matrix(X),
        doc_topic=np.asarray(W),
        feature_names=names,
        meta=meta,
        params={
            "n_topics": n_topics,
            "method": method,
            "random_state": random_state,
            "ngram_range": ngram_range,
            "lemmatize": lemmatize,
            "min_df": min_df,
            "max_df": max_df,
            "title": title,
            **({"batch_size": int(batch_size)} if method == "minibatch-nmf" else {}),
        },
    )
    counts = clusters["topic"].value_counts().reindex(range(n_topics), fill_value=0)
    coh = model.coherence(10).set_index("topic")["npmi"].reindex(range(n_topics))
    model.labels = pd.DataFrame(
        {
            "topic": list(range(n_topics)),
            "label": [_label(topic_terms[topic_terms["topic"] == t], names_of_actors) for t in range(n_topics)],
            "n_articles": counts.to_numpy(),
            "npmi": coh.to_numpy(),
        }
    )
    reps = clusters.assign(title=meta["title"] if "title" in meta else "")
    reps = reps.sort_values(["topic", "share", "article_id"], ascending=[True, False, True], kind="stable")
    reps = reps.groupby("topic", sort=True).head(n_representatives).copy()
    reps["rank"] = reps.groupby("topic").cumcount() + 1
    model.representatives = reps[["topic", "rank", "article_id", "share", "title"]].reset_index(drop=True)
    return model
