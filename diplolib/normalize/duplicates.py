"""Exact and near-duplicate articles: flagged with the id of the first copy, never dropped.

Exact duplicates share the same body once normalised (the matching form with
whitespace collapsed). Near duplicates are the same wire story reposted with
small edits: word 5-gram shingles, MinHash signatures (64 deterministic hash
functions), banded locality-sensitive hashing to find candidate pairs, and an
exact Jaccard check of the shingle sets against ``threshold``. Copies are
grouped transitively and the first row of a group (in the table's order) is the
original.

The work is split so that it can run on partitions of a large corpus
(:mod:`diplolib.parallel`) and give the same answer as on one table:

1. :func:`duplicate_signatures` (per partition): a digest of each body's exact key and the
   hashes of its 16 MinHash bands — 145 bytes per article;
2. :func:`candidate_pairs` (once, on all signatures): pairs of exact-key representatives
   that share a band;
3. :func:`shingle_sets` (per partition, only for the candidates) and :func:`jaccard_pairs`:
   the exact Jaccard check;
4. :func:`resolve_duplicates` (once): transitive groups, first row of each group wins.

:func:`flag_duplicates` chains the four on one table.

Examples
--------
>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
...                      "text": ["Same story.", "Another one.", "Same  STORY."]})
>>> flag_duplicates(arts, near=False).tolist()
[<NA>, <NA>, 'a']
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from .._memory import rows_as_list
from .columnar import duplicate_keys
from .matching import matching_form

__all__ = [
    "flag_duplicates",
    "near_duplicate_pairs",
    "duplicate_key",
    "duplicate_signatures",
    "candidate_pairs",
    "shingle_sets",
    "jaccard_pairs",
    "resolve_duplicates",
    "representatives",
    "BAND_COLUMNS",
    "minhash_bands",
    "batch_token_ids",
    "SIGNATURE_CHUNK",
    "SignatureChunks",
    "duplicates_of_signatures",
]

#: Distinct bodies whose :func:`duplicate_signatures` :func:`flag_duplicates` computes at a time. It bounds the
#: memory of the step: the keys, token ids and shingle hashes of a chunk take ~12 bytes per byte of text (2,000
#: news bodies of ~2.3 kB: ~55 MB); the signatures that are kept take 145 bytes a row.
SIGNATURE_CHUNK = 2_000

from .minhash import (  # noqa: E402, F401
    BAND_COLUMNS,
    BANDS,
    batch_shingle_hashes,
    batch_token_ids,
    minhash_bands,
    shingle_hashes,
)


def duplicate_key(text: str) -> str:
    """The form two bodies must share to be exact duplicates: matching form, whitespace collapsed."""
    return " ".join(matching_form(text).split()) if isinstance(text, str) else ""


def duplicate_signatures(texts: pd.Series | Sequence[str], *, near: bool = True, shingle: int = 5,
                         min_tokens: int = 20) -> pd.DataFrame:
    """What duplicate detection needs to know of each body, computed independently per row.

    Parameters
    ----------
    texts : Series or sequence of str
        Bodies (display or matching form; they are normalised again).
    near : bool
        Compute the MinHash band hashes (else only the exact keys).
    shingle : int
        Shingle length in words.
    min_tokens : int
        Bodies with fewer words are never near duplicates.

    Returns
    -------
    DataFrame
        One row per text, positional index: ``key`` (hex blake2b-128 digest of :func:`duplicate_key`,
        ``<NA>`` for an empty body), ``eligible`` (long enough for near duplicates), ``band_0`` …
        ``band_15`` (uint64 hash of each band of 4 MinHash values; 0 when not eligible or ``near=False``).
    """
    keys = duplicate_keys(list(texts))  # duplicate_key of each text, over the concatenated texts
    n = len(keys)
    n_tokens = np.fromiter((k.count(" ") + 1 if k else 0 for k in keys), dtype=np.int64, count=n)
    eligible = n_tokens >= max(min_tokens, shingle)
    digest = [hashlib.blake2b(k.encode(), digest_size=16).hexdigest() if k else None for k in keys]
    bands = np.zeros((n, BANDS), dtype=np.uint64)
    if near and eligible.any():
        # bands depend on the key only: compute them once per distinct key, copy them to its other rows
        first: dict[str, int] = {}
        target = np.flatnonzero(eligible)
        source = np.array([first.setdefault(keys[i], i) for i in target], dtype=np.int64)
        rows = np.unique(source)
        bands[rows] = minhash_bands([keys[i] for i in rows], shingle=shingle)
        bands[target] = bands[source]
    out = pd.DataFrame(bands, columns=list(BAND_COLUMNS))
    out.insert(0, "eligible", eligible)
    out.insert(0, "key", pd.array(digest, dtype="string"))
    return out


def representatives(keys: pd.Series) -> np.ndarray:
    """Position of the first row with the same key (itself for unique keys and empty bodies).

    Only these rows need MinHash bands: :func:`candidate_pairs` reads the bands of no other row.
    """
    k = keys.reset_index(drop=True)
    rep = np.arange(len(k))
    present = k.notna().to_numpy()
    first = pd.Series(rep[present]).groupby(k[present].to_numpy(), sort=False).transform("min").to_numpy()
    rep[present] = first
    return rep


def candidate_pairs(signatures: pd.DataFrame) -> pd.DataFrame:
    """Candidate near-duplicate pairs: representatives of distinct exact keys sharing a MinHash band.

    Parameters
    ----------
    signatures : DataFrame
        :func:`duplicate_signatures` of all the corpus, rows in corpus order (concatenated
        partitions; the index is ignored: positions count).

    Returns
    -------
    DataFrame
        ``a``, ``b`` (positions, ``a < b``), sorted. Only the first row of each exact key takes
        part: its copies are flagged through the key.
    """
    rep = representatives(signatures["key"])
    idx = np.flatnonzero(signatures["eligible"].to_numpy() & (rep == np.arange(len(rep))))
    found: list[np.ndarray] = []
    for col in BAND_COLUMNS:
        vals = signatures[col].to_numpy()[idx]
        order = np.argsort(vals, kind="stable")
        v, members = vals[order], idx[order]
        cut = np.flatnonzero(np.diff(v) != 0) + 1
        starts = np.concatenate([[0], cut])
        sizes = np.diff(np.concatenate([starts, [len(v)]]))
        for s0, sz in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
            m = np.sort(members[s0:s0 + sz])
            ia, ib = np.triu_indices(sz, k=1)
            found.append(m[ia] * len(rep) + m[ib])
    if not found:
        return pd.DataFrame({"a": pd.Series([], dtype="int64"), "b": pd.Series([], dtype="int64")})
    code = np.unique(np.concatenate(found))
    return pd.DataFrame({"a": code // len(rep), "b": code % len(rep)}).astype("int64")


def shingle_sets(texts: pd.Series | Sequence[str], *, positions: Sequence[int] | None = None,
                 shingle: int = 5) -> dict[int, np.ndarray]:
    """Sorted unique shingle hashes of the bodies at ``positions`` (default: all), keyed by position."""
    wanted = [int(i) for i in (range(len(texts)) if positions is None else positions)]
    # only the wanted bodies become Python strings (a column of a million bodies is never copied whole)
    bodies = rows_as_list(texts, wanted) if isinstance(texts, pd.Series) else [texts[i] for i in wanted]
    # the tokens of SIGNATURE_CHUNK bodies hashed at once and their shingles in one pass (same sets as
    # shingle_hashes; the token and window arrays of one chunk alive at a time)
    keys = duplicate_keys(bodies)
    sets = [s for lo in range(0, len(keys), SIGNATURE_CHUNK)
            for s in batch_shingle_hashes(keys[lo:lo + SIGNATURE_CHUNK], shingle)]
    return dict(zip(wanted, sets, strict=True))


def jaccard_pairs(candidates: pd.DataFrame, sets: Mapping[int, np.ndarray], *,
                  threshold: float = 0.8) -> pd.DataFrame:
    """The candidate pairs whose shingle sets have a Jaccard similarity ≥ ``threshold``.

    Returns
    -------
    DataFrame
        ``a``, ``b``, ``jaccard``, in the order of ``candidates``.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1]; got {threshold!r}.")
    rows = []
    for a, b in candidates[["a", "b"]].itertuples(index=False):
        sa, sb = sets[int(a)], sets[int(b)]
        inter = len(np.intersect1d(sa, sb, assume_unique=True))
        jac = inter / (len(sa) + len(sb) - inter)
        if jac >= threshold:
            rows.append((a, b, jac))
    return pd.DataFrame(rows, columns=["a", "b", "jaccard"]).astype({"a": "int64", "b": "int64", "jaccard": "float64"})


def resolve_duplicates(keys: pd.Series, pairs: pd.DataFrame | None, ids: Sequence[str]) -> np.ndarray:
    """``duplicate_of`` per position: exact-key groups and near pairs joined transitively.

    Parameters
    ----------
    keys : Series
        The ``key`` column of :func:`duplicate_signatures` for the whole corpus, in order.
    pairs : DataFrame or None
        Near-duplicate pairs (``a``, ``b`` positions), e.g. from :func:`jaccard_pairs`.
    ids : sequence of str
        The article ids, in order.

    Returns
    -------
    ndarray of object
        The id of the first row of each row's group, ``pd.NA`` for that first row and singletons.
    """
    n = len(keys)
    rep = representatives(keys)
    a = [np.arange(n)]
    b = [rep]
    if pairs is not None and len(pairs):
        a.append(pairs["a"].to_numpy(np.int64))
        b.append(pairs["b"].to_numpy(np.int64))
    ia, ib = np.concatenate(a), np.concatenate(b)
    graph = sp.coo_matrix((np.ones(len(ia), dtype=np.int8), (ia, ib)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    first = np.full(label.max() + 1 if n else 0, n, dtype=np.int64)
    np.minimum.at(first, label, np.arange(n))
    root = first[label]
    ids = np.asarray(ids, dtype=object)
    out = np.full(n, pd.NA, dtype=object)
    dup = root != np.arange(n)
    out[dup] = ids[root[dup]]
    return out


def near_duplicate_pairs(texts: pd.Series | list[str], *, threshold: float = 0.8, shingle: int = 5,
                         min_tokens: int = 20) -> pd.DataFrame:
    """Pairs of positions whose bodies are near duplicates (Jaccard of word shingles ≥ ``threshold``).

    Parameters
    ----------
    texts : Series or list of str
        Bodies (display or matching form; they are normalised again).
    threshold : float
        Minimum Jaccard similarity of the word ``shingle``-gram sets.
    shingle : int
        Shingle length in words.
    min_tokens : int
        Bodies with fewer words are never near duplicates (too little evidence).

    Returns
    -------
    DataFrame
        ``a``, ``b`` (positions, ``a < b``), ``jaccard``; exact duplicates included
        (jaccard 1.0); sorted by ``a``, ``b``.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1]; got {threshold!r}.")
    sig = duplicate_signatures(texts, shingle=shingle, min_tokens=min_tokens)
    # every eligible row takes part here (exact copies too): give each row its own key
    sig["key"] = pd.array([str(i) for i in range(len(sig))], dtype="string")
    cands = candidate_pairs(sig)
    sets = shingle_sets(texts, positions=np.unique(cands[["a", "b"]].to_numpy()), shingle=shingle)
    return jaccard_pairs(cands, sets, threshold=threshold)


def _signatures_of_column(texts: pd.Series, *, near: bool) -> pd.DataFrame:
    """:func:`duplicate_signatures` of a whole column, computed once per distinct body (a signature depends on the
    body alone: equal bodies, equal rows) and :data:`SIGNATURE_CHUNK` distinct bodies at a time, so that only one
    chunk's keys and shingles are alive; then spread to every row."""
    codes, uniques = pd.factorize(texts, use_na_sentinel=True)  # hashed in the column's own storage (Arrow)
    parts = [duplicate_signatures(list(uniques[lo:lo + SIGNATURE_CHUNK]), near=near)
             for lo in range(0, len(uniques), SIGNATURE_CHUNK)]
    parts.append(duplicate_signatures([None], near=near))  # the row of a missing body (code -1)
    distinct = pd.concat(parts, ignore_index=True)
    codes = np.where(codes < 0, len(uniques), codes)
    return distinct.take(codes).reset_index(drop=True)


def flag_duplicates(articles: pd.DataFrame, *, near: bool = True, threshold: float = 0.8,
                    text_column: str | None = None, id_column: str = "article_id") -> pd.Series:
    """``duplicate_of`` for each article: the id of the first copy, NA for originals and unique articles.

    Parameters
    ----------
    articles : DataFrame
        With ``id_column`` and a body column: ``text_column``, else ``text_match``
        if present, else ``text``. Row order decides which copy is first.
    near : bool
        Also flag near duplicates (see :func:`near_duplicate_pairs`).
    threshold : float
        Jaccard threshold for near duplicates.

    Returns
    -------
    Series
        Named ``duplicate_of``, string dtype, same index as ``articles``. Empty bodies
        are never duplicates.
    """
    col = text_column or ("text_match" if "text_match" in articles.columns else "text")
    for c in (col, id_column):
        if c not in articles.columns:
            raise ValueError(f"flag_duplicates needs a {c!r} column; got columns {list(articles.columns)}.")
    if near and not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1]; got {threshold!r}.")
    texts = articles[col]
    out = duplicates_of_signatures(_signatures_of_column(texts, near=near), articles[id_column].tolist(),
                                   lambda at: rows_as_list(texts, at), near=near, threshold=threshold)
    return pd.Series(out, index=articles.index, name="duplicate_of", dtype="string")


def duplicates_of_signatures(signatures: pd.DataFrame, ids: Sequence[str], bodies_at: Callable[[np.ndarray], list],
                             *, near: bool = True, threshold: float = 0.8) -> np.ndarray:
    """``duplicate_of`` per position from signatures already computed (steps 2–4 of the module docstring).

    ``signatures``: :func:`duplicate_signatures` of every body, in order (e.g. :meth:`SignatureChunks.signatures`);
    ``ids``: the article ids; ``bodies_at(positions)``: the bodies at these positions (sorted array), asked once and
    only for the candidate pairs' shingle sets. Same values as :func:`flag_duplicates` on the bodies themselves.
    """
    pairs = None
    if near:
        cands = candidate_pairs(signatures)
        at = np.unique(cands[["a", "b"]].to_numpy())
        found = shingle_sets(bodies_at(at))  # one call: the shingles' ids are shared by all the candidates
        sets = {int(p): found[i] for i, p in enumerate(at)}
        pairs = jaccard_pairs(cands, sets, threshold=threshold)
    return resolve_duplicates(signatures["key"], pairs, ids)


class SignatureChunks:
    """:func:`duplicate_signatures` of a column handed over a chunk at a time, computed once per distinct body.

    For a caller that holds each chunk's bodies only while it is processed (``load_articles(...,
    text_match=False)`` drops each chunk's matching forms once they are added here): a body met in an earlier
    chunk is recognised by a 128-bit blake2b digest of its text, and only new bodies are hashed
    (:data:`SIGNATURE_CHUNK` at a time). :meth:`signatures` is the same table as the signatures of the whole column
    at once (a signature depends on its body alone; tested).
    """

    def __init__(self, *, near: bool = True) -> None:
        self.near = near
        self._rows: dict[bytes, int] = {}  # digest of a body -> its row in the distinct table (row 0: no body)
        self._parts = [duplicate_signatures([None], near=near)]
        self._codes: list[np.ndarray] = []

    def add(self, texts: pd.Series) -> None:
        """Add the bodies of the next chunk (in order; missing bodies allowed)."""
        codes, uniques = pd.factorize(texts, use_na_sentinel=True)
        rows = np.empty(len(uniques) + 1, dtype=np.int64)
        rows[-1] = 0  # code -1: a missing body
        new: list[str] = []
        for i, body in enumerate(uniques):
            digest = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            row = self._rows.get(digest)
            if row is None:
                row = self._rows[digest] = len(self._rows) + 1
                new.append(body)
            rows[i] = row
        self._parts.extend(duplicate_signatures(new[lo:lo + SIGNATURE_CHUNK], near=self.near)
                           for lo in range(0, len(new), SIGNATURE_CHUNK))
        self._codes.append(rows[codes])

    def signatures(self) -> pd.DataFrame:
        """One row per body added, in order: ``key``, ``eligible``, ``band_0`` … ``band_15``."""
        distinct = pd.concat(self._parts, ignore_index=True)
        codes = np.concatenate(self._codes) if self._codes else np.zeros(0, dtype=np.int64)
        return distinct.take(codes).reset_index(drop=True)
