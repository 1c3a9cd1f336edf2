"""Column weights of a multilingual document-term matrix: document frequencies counted within each language.

Fitted on articles in several languages, a plain TF-IDF favours the words against the language-independent
``@actor`` / ``#theme`` tokens twice over: a word of one language is rare in the whole corpus (an English word
in every English article is in a third of a three-language corpus), so neither ``max_df`` drops it nor does its
idf fall, while an actor named in every language gets the idf of a common term. Topics then split by language.
Counting the document frequency of a *word* within the articles of its own language puts every language on the
same footing; the shared tokens keep their corpus-wide frequency and a weight of their own
(``shared_weight``). With one language, nothing changes: these are scikit-learn's smoothed idf and ``max_df``.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

__all__ = ["frequent_in_a_language", "idf_table", "is_shared", "weigh"]


def is_shared(names) -> np.ndarray:
    """True for the language-independent tokens (``@actor``, ``#theme``)."""
    return np.array([str(t)[:1] in ("@", "#") for t in names], dtype=bool)


def _document_frequency(B, rows: np.ndarray) -> np.ndarray:
    return np.asarray(B[rows].sum(axis=0)).ravel()


def _binary(X):
    B = sparse.csr_matrix(X, copy=True)
    B.data = np.ones_like(B.data)
    return B


def frequent_in_a_language(X, langs: np.ndarray, max_df: int | float) -> np.ndarray:
    """Columns in more than ``max_df`` (a share, or a count if an int) of the articles of some language."""
    out = np.zeros(X.shape[1], dtype=bool)
    if len(set(langs)) < 2:
        return out  # one language: the vectoriser's own max_df already did it
    B = _binary(X)
    for lg in np.unique(langs):
        rows = np.flatnonzero(langs == lg)
        limit = max_df if isinstance(max_df, (int, np.integer)) else max_df * len(rows)
        out |= _document_frequency(B, rows) > limit
    return out


def idf_table(X, langs: np.ndarray, shared: np.ndarray) -> dict[str, np.ndarray]:
    """Smoothed idf per language (``ln((1 + n) / (1 + df)) + 1``), key ``""`` for the whole corpus.

    The words of a language's row get the idf counted within that language; the shared tokens and the
    languages not seen at fitting time the corpus-wide one.
    """
    B = _binary(X)
    every = np.arange(B.shape[0])
    table = {"": np.log((1 + len(every)) / (1 + _document_frequency(B, every))) + 1}
    if len(set(langs)) > 1:
        for lg in np.unique(langs):
            rows = np.flatnonzero(langs == lg)
            idf = np.log((1 + len(rows)) / (1 + _document_frequency(B, rows))) + 1
            table[str(lg)] = np.where(shared, table[""], idf)
    return table


def weigh(X, langs: np.ndarray, idf: dict[str, np.ndarray] | None, column_weights: np.ndarray):
    """``X`` (rows in ``langs``) times each row's language idf and the column weights (CSR, a new matrix)."""
    X = sparse.csr_matrix(X, dtype=np.float64, copy=True)
    if idf is None:
        scale = np.broadcast_to(column_weights, (1, len(column_weights)))
        row_kind = np.zeros(X.shape[0], dtype=int)
    else:
        keys = list(idf)
        scale = np.vstack([idf[k] * column_weights for k in keys])
        index = {k: i for i, k in enumerate(keys)}
        row_kind = np.array([index.get(str(lg), 0) for lg in langs], dtype=int)
    rows = np.repeat(row_kind, np.diff(X.indptr))
    X.data *= scale[rows, X.indices]
    return X
