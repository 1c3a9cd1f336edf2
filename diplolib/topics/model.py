"""Topic models and article clusters: :func:`fit_topics` and the :class:`TopicModel` it returns.

One model is fitted on all the articles, whatever their language: the vocabulary is the
union of the per-language tokens, and the language-independent tokens (``@actor``, ``#theme``,
names and numbers spelt alike) are where French, English and Arabic articles meet.

Methods: NMF on TF-IDF (default), mini-batch NMF for large corpora (``method="minibatch-nmf"``,
``batch_size=``; the vectoriser tokenises one document at a time), LDA on counts, and KMeans on
document embeddings (the optional ``embed`` extra). Every one is deterministic for a given
``random_state`` on a given machine; the report's figures also pin the thread count.

Every article gets a cluster (its main topic), with no outliers: see :mod:`diplolib.topics.tables` for the
rule and the result tables.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import normalize

from .._tables import check_columns, check_option, legacy_arguments
from .evaluate import topic_coherence
from .tables import (
    actor_names,
    assign_clusters,
    class_tfidf,
    doc_topic_table,
    representatives,
    term_kind,
    topic_label,
    topic_term_table,
)
from .vectorize import TopicVectorizer, documents

__all__ = ["TopicModel", "fit_topics", "term_kind", "METHODS"]

#: The topic methods: NMF on TF-IDF, mini-batch NMF, LDA on counts, KMeans on document embeddings.
METHODS = ("nmf", "minibatch-nmf", "lda", "embed")
_META = ("article_id", "source", "lang", "published", "title")
#: Fitted attributes that the previous release exposed without the trailing underscore.
_OLD_NAMES = ("doc_topics", "topic_terms", "labels", "clusters", "representatives", "pipeline", "doc_term",
              "doc_topic", "feature_names", "meta")


class TopicModel(BaseEstimator):
    """A topic model and article clusters with scikit-learn's conventions; the tables are its results.

    The parameters are those of :func:`fit_topics` (``get_params``/``set_params`` work, and ``clone`` makes an
    unfitted copy); :meth:`fit` takes the articles table (and their mentions and theme hits) and returns the
    model; :meth:`transform` places articles, fitted or new, on the topics.

    Attributes
    ----------
    doc_topics_ : DataFrame
        ``article_id``, ``topic``, ``weight`` (share of the article's topic weight, rows sum to
        1; zero weights left out).
    topic_terms_ : DataFrame
        ``topic``, ``term``, ``weight``, ``rank`` (1 = best), ``kind`` (word, actor, theme).
    labels_ : DataFrame
        ``topic``, ``label`` (top words, then top actors), ``n_articles``, ``npmi``.
    clusters_ : DataFrame
        One row per article, in input order: ``article_id``, ``topic`` (main topic),
        ``share`` (its weight share), ``rule`` (argmax, nearest, largest), ``low_confidence``.
    representatives_ : DataFrame
        ``topic``, ``rank``, ``article_id``, ``share``, ``title``: the articles of each cluster
        with the largest share.
    pipeline_ : sklearn Pipeline
        The fitted vectoriser (+ NMF/LDA) pipeline.
    doc_term_ : sparse matrix
        The document-term matrix (rows in input order), for maps, trends and coherence.
    doc_topic_ : ndarray
        The raw document-topic matrix.
    feature_names_ : ndarray of str
    meta_ : DataFrame
        ``article_id`` and, where present, ``source``, ``lang``, ``published``, ``title``.

    Examples
    --------
    >>> model = TopicModel(n_topics=10, random_state=0).fit(articles, mentions=mentions)   # doctest: +SKIP
    >>> model.labels_, model.transform(new_articles)                                      # doctest: +SKIP
    """

    def __init__(
        self,
        n_topics: int = 10,
        *,
        method: Literal["nmf", "minibatch-nmf", "lda", "embed"] = "nmf",
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
        shared_weight: float = 1.0,
        procedural: bool = False,
    ):
        self.n_topics = n_topics
        self.method = method
        self.random_state = random_state
        self.lemmatize = lemmatize
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.unknown_lang = unknown_lang
        self.keep_words = keep_words
        self.extra_stop_words = extra_stop_words
        self.title = title
        self.n_terms = n_terms
        self.n_representatives = n_representatives
        self.min_share = min_share
        self.center_by_lang = center_by_lang
        self.actor_labels = actor_labels
        self.max_iter = max_iter
        self.batch_size = batch_size
        self.shared_weight = shared_weight
        self.procedural = procedural

    def __getattr__(self, name: str):
        """The previous release's names of the fitted tables (``model.labels`` …), with a DeprecationWarning."""
        if name in _OLD_NAMES:
            warnings.warn(f"TopicModel.{name} is now TopicModel.{name}_ (fitted attributes end with '_'); the old "
                          "name goes in the next release.", DeprecationWarning, stacklevel=2)
            return getattr(self, name + "_")
        if name == "params":
            warnings.warn("TopicModel.params is now TopicModel.get_params(); the old name goes in the next "
                          "release.", DeprecationWarning, stacklevel=2)
            return self.get_params()
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @legacy_arguments(renamed={"themes": "theme_hits"})
    def fit(self, articles: pd.DataFrame, y=None, *, mentions: pd.DataFrame | None = None,
            theme_hits: pd.DataFrame | None = None, embeddings: np.ndarray | None = None) -> TopicModel:
        """Fit the topics on ``articles`` and cluster them (every article gets a topic); returns the model.

        Parameters
        ----------
        articles : DataFrame
            ``article_id`` (unique), ``lang`` (fr, en, ar), ``text``; optional ``title``, ``source``,
            ``published``. Not modified.
        y : None
            Ignored (scikit-learn's signature).
        mentions, theme_hits : DataFrame, optional
            Actor mentions and theme hits: their actors and themes become ``@actor`` / ``#theme``
            features shared by all languages (see :func:`diplolib.topics.documents`).
        embeddings : ndarray, optional
            Document vectors aligned with ``articles`` rows, for ``method="embed"``.
        """
        self._check(articles)
        docs = documents(articles, mentions=mentions, theme_hits=theme_hits, title=self.title)
        vec = self._vectorizer()
        if self.method == "embed":
            W, H, X, pipe = self._fit_embeddings(articles, docs, vec, embeddings)
        else:
            W, H, X, pipe = self._fit_matrix(docs, vec)
        ids = docs["article_id"]
        self.pipeline_ = pipe
        self.doc_term_ = sparse.csr_matrix(X)
        self.doc_topic_ = np.asarray(W)
        self.feature_names_ = vec.feature_names_
        self.meta_ = articles[[c for c in _META if c in articles.columns]].reset_index(drop=True).copy()
        self.clusters_ = assign_clusters(np.asarray(W), X, np.asarray(H), self.min_share)
        self.clusters_.insert(0, "article_id", ids.to_numpy())
        self.doc_topics_ = doc_topic_table(W, ids)
        self.topic_terms_ = topic_term_table(H, self.feature_names_, self.n_topics, self.n_terms)
        self.labels_ = self._labels()
        self.representatives_ = representatives(self.clusters_, self.meta_, self.n_representatives)
        return self

    @legacy_arguments(renamed={"themes": "theme_hits"})
    def transform(self, articles: pd.DataFrame, *, mentions: pd.DataFrame | None = None,
                  theme_hits: pd.DataFrame | None = None) -> pd.DataFrame:
        """Topic weights of (new) articles under this fitted NMF or LDA model.

        The articles are turned into documents as at fitting time (:func:`~diplolib.topics.documents`,
        with actor and theme tokens when ``mentions`` / ``theme_hits`` are given: pass them if the model was
        fitted with them), vectorised with the fitted vocabulary and projected on the fitted topics.

        Parameters
        ----------
        articles : DataFrame
            ``article_id``, ``lang``, ``text`` (and ``title``); not modified.
        mentions, theme_hits : DataFrame, optional
            The articles' mentions (:func:`diplolib.actors.tag_actors`) and theme hits
            (:func:`diplolib.themes.tag_themes`).

        Returns
        -------
        DataFrame
            ``article_id``, ``topic``, ``weight``, shaped like :attr:`doc_topics_` (weights are shares of
            the article's topic weight; zero weights left out; an article without any known term has no row).
        """
        pipe = getattr(self, "pipeline_", None)
        if pipe is None or "model" not in getattr(pipe, "named_steps", {}):
            raise ValueError("TopicModel.transform: this model has no fitted NMF/LDA step (fit it first; "
                             "method='embed' models need the embeddings of every article): fit with "
                             "method='nmf', 'minibatch-nmf' or 'lda'.")
        if len(articles) == 0:
            out = doc_topic_table(np.zeros((0, self.n_topics)), pd.Series([], dtype="string"))
        else:
            docs = documents(articles, mentions=mentions, theme_hits=theme_hits, title=bool(self.title))
            out = doc_topic_table(np.asarray(pipe.transform(docs), dtype=float), docs["article_id"])
        return out.astype({"article_id": "string"})

    def coherence(self, n: int = 10) -> pd.DataFrame:
        """Mean NPMI of each topic's top-``n`` terms on the modelled corpus (``topic``, ``npmi``)."""
        index = {t: i for i, t in enumerate(self.feature_names_)}
        top = [
            [index[t] for t in g.sort_values("rank")["term"].head(n)]
            for _, g in self.topic_terms_.groupby("topic", sort=True)
        ]
        table = topic_coherence(self.doc_term_, top)
        table["topic"] = sorted(self.topic_terms_["topic"].unique())
        return table

    # ------------------------------------------------------------------------------------------- fitting
    def _check(self, articles: pd.DataFrame) -> None:
        n_topics = self.n_topics
        check_columns(articles, ["article_id", "lang", "text"], func="fit_topics", name="articles",
                      fix="it needs article_id, lang, text (load_articles() output)")
        if not isinstance(n_topics, (int, np.integer)) or n_topics < 2:
            raise ValueError(f"fit_topics: n_topics={n_topics!r}; give an integer of at least 2.")
        n_text = int((articles["text"].fillna("").astype(str).str.strip() != "").sum())
        if n_text < n_topics:
            raise ValueError(
                f"fit_topics: {n_text} article(s) with text for n_topics={n_topics}; use "
                f"n_topics <= {max(n_text, 1)} or add articles."
            )
        check_option(self.method, METHODS, func="fit_topics", name="method")
        if not isinstance(self.batch_size, (int, np.integer)) or self.batch_size < 1:
            raise ValueError(f"fit_topics: batch_size={self.batch_size!r}; give a positive integer of documents.")
        actor_names(self.actor_labels)  # a malformed table is refused before the work

    def _vectorizer(self) -> TopicVectorizer:
        return TopicVectorizer(
            lemmatize=self.lemmatize,
            ngram_range=self.ngram_range,
            min_df=self.min_df,
            max_df=self.max_df,
            max_features=self.max_features,
            unknown_lang=self.unknown_lang,
            keep_words=self.keep_words,
            extra_stop_words=self.extra_stop_words,
            weighting="count" if self.method == "lda" else "tfidf",
            shared_weight=self.shared_weight,
            procedural=self.procedural,
        )

    def _fit_embeddings(self, articles, docs, vec, embeddings):
        """KMeans on document embeddings; topic terms by class-based TF-IDF of each cluster."""
        if embeddings is None:
            from .embed import embed_documents

            embeddings = embed_documents(articles)
        E = np.asarray(embeddings, dtype=np.float64)
        if E.shape[0] != len(articles):
            raise ValueError(
                f"fit_topics: embeddings has {E.shape[0]} rows for {len(articles)} articles; "
                "give one vector per article, in the same order."
            )
        if self.center_by_lang:
            E = E.copy()
            for lg in docs["lang"].unique():
                rows = (docs["lang"] == lg).to_numpy()
                E[rows] -= E[rows].mean(axis=0)
        E = normalize(E)
        X = vec.fit_transform(docs)
        km = KMeans(n_clusters=self.n_topics, n_init=10, random_state=self.random_state).fit(E)
        W = np.zeros((len(docs), self.n_topics))
        W[np.arange(len(docs)), km.labels_] = 1.0
        return W, class_tfidf(X, km.labels_, self.n_topics), X, Pipeline([("vectorize", vec)])

    def _fit_matrix(self, docs, vec):
        """NMF, mini-batch NMF or LDA on the document-term matrix."""
        n_topics, seed = self.n_topics, self.random_state
        if self.method == "nmf":
            est = NMF(n_components=n_topics, init="nndsvda", max_iter=self.max_iter, random_state=seed)
        elif self.method == "minibatch-nmf":
            est = MiniBatchNMF(n_components=n_topics, init="nndsvda", batch_size=int(self.batch_size),
                               max_iter=min(self.max_iter, 50), random_state=seed)
        else:
            est = LatentDirichletAllocation(n_components=n_topics, learning_method="online",
                                            max_iter=min(self.max_iter, 20), random_state=seed)
        pipe = Pipeline([("vectorize", vec), ("model", est)])
        X = vec.fit_transform(docs)
        if X.shape[1] < n_topics:
            raise ValueError(f"fit_topics: only {X.shape[1]} term(s) survive filtering for n_topics={n_topics}; "
                             "lower n_topics or min_df, or add articles.")
        W = est.fit_transform(X)
        return W, est.components_, X, pipe

    def _labels(self) -> pd.DataFrame:
        n_topics, terms = self.n_topics, self.topic_terms_
        names = actor_names(self.actor_labels)
        display = getattr(self.pipeline_.named_steps["vectorize"], "display_forms_", {})
        counts = self.clusters_["topic"].value_counts().reindex(range(n_topics), fill_value=0)
        coh = self.coherence(10).set_index("topic")["npmi"].reindex(range(n_topics))
        return pd.DataFrame({
            "topic": list(range(n_topics)),
            "label": [topic_label(terms[terms["topic"] == t], names, display=display) for t in range(n_topics)],
            "n_articles": counts.to_numpy(),
            "npmi": coh.to_numpy(),
        })


@legacy_arguments(renamed={"themes": "theme_hits"})
def fit_topics(
    articles: pd.DataFrame,
    *,
    n_topics: int = 10,
    method: Literal["nmf", "minibatch-nmf", "lda", "embed"] = "nmf",
    mentions: pd.DataFrame | None = None,
    theme_hits: pd.DataFrame | None = None,
    embeddings: np.ndarray | None = None,
    random_state: int = 0,
    **params: Any,
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
    mentions, theme_hits : DataFrame, optional
        Actor mentions and theme hits: their actors and themes become ``@actor`` / ``#theme``
        features shared by all languages (see :func:`diplolib.topics.documents`).
    embeddings : ndarray, optional
        Document vectors aligned with ``articles`` rows, for ``method="embed"``.
    random_state : int
        Seed of every random step; the same seed gives the same tables.
    lemmatize, ngram_range, min_df, max_df, max_features, unknown_lang, keep_words, extra_stop_words :
    shared_weight, procedural :
        Passed to :class:`diplolib.topics.TopicVectorizer` (``max_df`` also applies within each language).
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
        Fitted, with ``doc_topics_``, ``topic_terms_``, ``labels_``, ``clusters_``, ``representatives_``
        (``TopicModel(n_topics=..., ...).fit(articles, mentions=..., theme_hits=...)`` is the same).

    Raises
    ------
    ValueError
        Fewer articles with text than topics, missing columns, a language without stop words
        (unless ``unknown_lang="none"``), an empty vocabulary.
    """
    return TopicModel(n_topics, method=method, random_state=random_state, **params).fit(
        articles, mentions=mentions, theme_hits=theme_hits, embeddings=embeddings)
