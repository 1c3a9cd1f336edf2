"""Exact and near-duplicate articles: flagged with the id of the first copy, never dropped.

Exact duplicates share the same body once normalised (the matching form with
whitespace collapsed). Near duplicates are the same wire story reposted with
small edits: word 5-gram shingles, MinHash signatures (64 deterministic hash
functions), banded locality-sensitive hashing to find candidate pairs, and an
exact Jaccard check of the shingle sets against ``threshold``. Copies are
grouped transitively and the first row of a group (in the table's order) is the
original.

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
from collections import defaultdict

import numpy as np
import pandas as pd

from .matching import matching_form

__all__ = ["flag_duplicates", "near_duplicate_pairs", "duplicate_key"]

_N_PERM = 64
_BANDS, _ROWS = 16, 4  # 16 bands × 4 rows: a pair becomes a candidate with p = 1-(1-J^4)^16 (0.5 at J≈0.5, 0.9998 at J=0.8)
_SEEDS = np.random.default_rng(20240229).integers(1, 2**63, size=_N_PERM, dtype=np.uint64)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def duplicate_key(text: str) -> str:
    """The form two bodies must share to be exact duplicates: matching form, whitespace collapsed."""
    return " ".join(matching_form(text).split()) if isinstance(text, str) else ""


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser (wrapping uint64 arithmetic): a fast, well-spread, deterministic hash."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * _M1
        x = (x ^ (x >> np.uint64(27))) * _M2
        return x ^ (x >> np.uint64(31))


_C = np.uint64(0x9E3779B97F4A7C15)


def _shingle_hashes(key: str, k: int, vocab: dict[str, int]) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word ``k``-grams of ``key`` (tokens hashed once with blake2b)."""
    toks = key.split()
    for t in toks:
        if t not in vocab:
            vocab[t] = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little")
    ids = np.fromiter((vocab[t] for t in toks), dtype=np.uint64, count=len(toks))
    n = len(toks) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):  # position-dependent mix of each token, summed (wrapping) over the window
            h = h + _mix(ids[j:j + n] + np.uint64(j + 1) * _C)
    return np.unique(_mix(h))


def _signature(hashes: np.ndarray) -> np.ndarray:
    return _mix(hashes[None, :] ^ _SEEDS[:, None]).min(axis=1)


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
    keys = [duplicate_key(t) for t in texts]
    sets: dict[int, np.ndarray] = {}
    vocab: dict[str, int] = {}
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if len(key.split()) < max(min_tokens, shingle):
            continue
        sets[i] = _shingle_hashes(key, shingle, vocab)
        sig = _signature(sets[i])
        for b in range(_BANDS):
            buckets[(b, sig[b * _ROWS:(b + 1) * _ROWS].tobytes())].append(i)
    cands: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            cands.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
    rows = []
    for a, b in sorted(cands):
        sa, sb = sets[a], sets[b]
        inter = len(np.intersect1d(sa, sb, assume_unique=True))
        jac = inter / (len(sa) + len(sb) - inter)
        if jac >= threshold:
            rows.append((a, b, jac))
    return pd.DataFrame(rows, columns=["a", "b", "jaccard"]).astype({"a": "int64", "b": "int64", "jaccard": "float64"})


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
    n = len(articles)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first: dict[str, int] = {}
    texts = articles[col].tolist()
    for i, t in enumerate(texts):
        key = duplicate_key(t)
        if key:
            union(first.setdefault(key, i), i)
    if near:
        for a, b in near_duplicate_pairs(texts, threshold=threshold)[["a", "b"]].itertuples(index=False):
            union(int(a), int(b))
    ids = articles[id_column].tolist()
    out = [pd.NA if find(i) == i else ids[find(i)] for i in range(n)]
    return pd.Series(out, index=articles.index, name="duplicate_of", dtype="string")
