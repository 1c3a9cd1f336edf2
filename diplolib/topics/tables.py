"""The result tables of a topic model, from its matrices: clusters, document-topic and topic-term tables, labels.

Every article gets a cluster (its main topic); there are no outliers. The rule (:func:`assign_clusters`):

1. the topic with the largest weight in the article's row of the document-topic matrix;
2. if that row is all zero, the topic whose term vector is nearest (cosine) to the article's
   term vector;
3. if the article has no known term at all (empty text, only stop words), the largest topic.

Articles placed by rule 2 or 3, or whose main topic holds less than ``min_share`` of their
topic weight, are flagged ``low_confidence``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.preprocessing import normalize

from .vectorize import actor_token

__all__ = ["actor_names", "assign_clusters", "class_tfidf", "doc_topic_table", "representatives", "term_kind",
           "topic_label", "topic_term_table"]


def term_kind(term: str) -> str:
    """``"actor"`` for ``@…`` tokens, ``"theme"`` for ``#…`` tokens, else ``"word"``."""
    return "actor" if term.startswith("@") else "theme" if term.startswith("#") else "word"


def doc_topic_table(W: np.ndarray, ids: pd.Series) -> pd.DataFrame:
    """The long document-topic table: each article's topic weights as shares, zero weights left out."""
    totals = W.sum(axis=1, keepdims=True)
    Wn = np.divide(W, totals, out=np.zeros_like(W, dtype=float), where=totals > 0)
    r, c = np.nonzero(Wn > 0)
    return pd.DataFrame({"article_id": ids.to_numpy()[r], "topic": c.astype(int), "weight": Wn[r, c]})


def topic_term_table(H: np.ndarray, names: np.ndarray, n_topics: int, n_terms: int) -> pd.DataFrame:
    """Each topic's ``n_terms`` heaviest terms (positive weight only), ranked."""
    rows = []
    for t in range(n_topics):
        order = np.argsort(-H[t], kind="stable")[:n_terms]
        order = order[H[t, order] > 0]
        rows += [(t, names[j], float(H[t, j]), rank) for rank, j in enumerate(order, start=1)]
    table = pd.DataFrame(rows, columns=["topic", "term", "weight", "rank"])
    table["kind"] = table["term"].map(term_kind)
    return table


def representatives(clusters: pd.DataFrame, meta: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` articles of each cluster with the largest share of their main topic."""
    reps = clusters.assign(title=meta["title"] if "title" in meta else "")
    reps = reps.sort_values(["topic", "share", "article_id"], ascending=[True, False, True], kind="stable")
    reps = reps.groupby("topic", sort=True).head(n).copy()
    reps["rank"] = reps.groupby("topic").cumcount() + 1
    return reps[["topic", "rank", "article_id", "share", "title"]].reset_index(drop=True)


def assign_clusters(W: np.ndarray, X, H: np.ndarray, min_share: float) -> pd.DataFrame:
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


def class_tfidf(X, topic: np.ndarray, k: int) -> np.ndarray:
    """Class-based TF-IDF of each cluster (rows) over the terms (columns)."""
    X = sparse.csr_matrix(X)
    onehot = sparse.csr_matrix((np.ones(len(topic)), (topic, np.arange(len(topic)))), shape=(k, len(topic)))
    tf = np.asarray((onehot @ X).todense())
    avg = tf.sum() / max(k, 1)
    idf = np.log1p(avg / np.maximum(tf.sum(axis=0), 1e-12))
    return normalize(tf, norm="l1") * idf


def actor_names(actor_labels: Mapping[str, str] | pd.DataFrame | None) -> dict[str, str]:
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


def topic_label(terms: pd.DataFrame, names: Mapping[str, str], n_words: int = 3, *,
                display: Mapping[str, str] | None = None) -> str:
    """``themes: word · word · word — actor, actor`` from a topic's ranked terms.

    Themes appear when one is among the topic's five heaviest terms (a topic held together by theme tokens,
    as across languages), written as words ("#chemical_weapons" → "chemical weapons"); ``display`` maps a
    term to the form to show (Arabic stems to their most frequent written form, hamza kept).
    """
    display = display or {}
    kinds = terms["kind"].tolist()
    words = [display.get(t, t) for t in terms.loc[terms["kind"] == "word", "term"].head(n_words)]
    actors = [names.get(a, a[1:]) for a in terms.loc[terms["kind"] == "actor", "term"].head(2)]
    themes = [t[1:].replace("_", " ") for t in terms.loc[terms["kind"] == "theme", "term"].head(2)]
    if "theme" not in kinds[:5]:
        themes = []
    label = " · ".join(words) if words or themes else " · ".join(terms["term"].head(n_words))
    if themes:
        label = f"{', '.join(themes)}: {label}" if label else ", ".join(themes)
    return f"{label} — {', '.join(actors)}" if actors else label
