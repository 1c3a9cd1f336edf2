"""MinHash of word shingles, for one document or a whole batch: the signatures behind near-duplicate detection.

64 deterministic hash functions (a 64-bit mixer with fixed seeds) over the hashes of word 5-gram shingles, cut
into 16 bands of 4 rows. :func:`minhash_bands` does a whole batch with array operations (tokens dictionary-
encoded once, each hash function run over cache-sized chunks of shingles); it gives the same signatures as the
per-document reference. :mod:`diplolib.normalize.duplicates` uses them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

__all__ = ["BANDS", "BAND_COLUMNS", "minhash_bands", "batch_token_ids", "shingle_hashes", "batch_shingle_hashes"]

_N_PERM = 64
# 16 bands × 4 rows: a pair becomes a candidate with p = 1-(1-J^4)^16 (0.5 at J≈0.5, 0.9998 at J=0.8)
BANDS, _ROWS = 16, 4
_SEEDS = np.random.default_rng(20240229).integers(1, 2**63, size=_N_PERM, dtype=np.uint64)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_C = np.uint64(0x9E3779B97F4A7C15)
_SIG_CHUNK = 32_768  # shingles hashed by one of the 64 functions at a time (256 KB: stays in the cache)
#: Columns of :func:`duplicate_signatures` holding the band hashes.
BAND_COLUMNS: tuple[str, ...] = tuple(f"band_{b}" for b in range(BANDS))


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser (wrapping uint64 arithmetic): a fast, well-spread, deterministic hash."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * _M1
        x = (x ^ (x >> np.uint64(27))) * _M2
        return x ^ (x >> np.uint64(31))


def _mix_inplace(x: np.ndarray) -> np.ndarray:
    """:func:`_mix` computed in place on a large array (fewer temporaries; same values)."""
    with np.errstate(over="ignore"):
        x ^= x >> np.uint64(30)
        x *= _M1
        x ^= x >> np.uint64(27)
        x *= _M2
        x ^= x >> np.uint64(31)
    return x


def _token_ids(tokens: list[str], vocab: dict[str, int]) -> np.ndarray:
    for t in tokens:
        if t not in vocab:
            vocab[t] = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little")
    return np.fromiter((vocab[t] for t in tokens), dtype=np.uint64, count=len(tokens))


def _window_hashes(ids: np.ndarray, starts: np.ndarray, k: int) -> np.ndarray:
    """Hash of the ``k`` tokens from each position of ``starts`` (position-dependent mix, wrapping sum)."""
    h = np.zeros(len(starts), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h + _mix(ids[starts + j] + np.uint64(j + 1) * _C)
    return _mix(h)


def shingle_hashes(key: str, k: int, vocab: dict[str, int]) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word ``k``-grams of ``key`` (tokens hashed once with blake2b)."""
    ids = _token_ids(key.split(), vocab)
    n = len(ids) - k + 1
    return np.unique(_window_hashes(ids, np.arange(max(n, 0)), k))


def _shingle_starts(lengths: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The first token of every ``k``-gram of keys of ``lengths`` tokens laid end to end, and each key's count."""
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    n_sh = np.maximum(lengths - k + 1, 0)
    return np.repeat(offsets, n_sh) + (np.arange(n_sh.sum()) - np.repeat(np.cumsum(n_sh) - n_sh, n_sh)), n_sh


def batch_shingle_hashes(keys: Sequence[str], k: int) -> list[np.ndarray]:
    """``[shingle_hashes(key, k, {}) for key in keys]`` with the tokens of all keys hashed at once
    (:func:`batch_token_ids`) and every window hashed in one pass; then sorted and made unique key by key."""
    if len(keys) == 0:
        return []
    ids, lengths = batch_token_ids(keys)
    starts, n_sh = _shingle_starts(lengths, k)
    hashes = _window_hashes(ids, starts, k)
    bounds = np.concatenate([[0], np.cumsum(n_sh)]).tolist()
    return [np.unique(hashes[lo:hi]) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]


def batch_token_ids(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The token hashes of many keys at once: ``(ids of all tokens, in key order; tokens per key)``.

    A key's tokens are ``key.split()`` (keys have single spaces, none leading or trailing). The tokens are
    split and dictionary-encoded by pyarrow; each distinct token is hashed once with blake2b (as
    :func:`_token_ids` does one token at a time), so the ids are the same.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.array(list(keys), type=pa.large_string())
    split = pc.split_pattern(arr, " ")
    lengths = pc.list_value_length(split).to_numpy(zero_copy_only=False).astype(np.int64)
    empty = np.fromiter((not k for k in keys), dtype=bool, count=len(keys))
    lengths[empty] = 0  # "".split() is [], "".split(" ") is [""]
    # an empty key's [""] made [] (rebuilding every list: ~0.003 s on 800 bodies), only where there is one
    flat = pc.list_flatten(pc.if_else(pa.array(empty), pa.scalar([], split.type), split) if empty.any() else split)
    encoded = pc.dictionary_encode(flat)
    # each token's UTF-8 bytes as Arrow holds them (no str made and encoded again), the 8-byte digests joined and
    # read as little-endian integers: the ids of _token_ids
    blake2b, tokens = hashlib.blake2b, encoded.dictionary.cast(pa.large_binary()).to_pylist()
    digests = b"".join([blake2b(t, digest_size=8).digest() for t in tokens])
    vocab = np.frombuffer(digests, dtype="<u8").astype(np.uint64, copy=False)
    return vocab[encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)], lengths


def minhash_bands(keys: Sequence[str], *, shingle: int = 5) -> np.ndarray:
    """The 16 MinHash band hashes of each key (duplicate keys of bodies with at least ``shingle`` words).

    A batch at once: token hashes from :func:`batch_token_ids`, the shingle hashes of all keys in one array,
    then for each of the 64 hash functions the minimum over each key's shingles (``np.minimum.reduceat``),
    ``_SIG_CHUNK`` shingles at a time so that the mixed values stay in the processor's cache.

    Returns
    -------
    ndarray of uint64, shape (len(keys), 16)
    """
    if len(keys) == 0:
        return np.zeros((0, BANDS), dtype=np.uint64)
    ids, lengths = batch_token_ids(keys)
    if lengths.min() < shingle:
        raise ValueError(f"minhash_bands: every key needs at least {shingle} words; filter short bodies first.")
    starts, n_sh = _shingle_starts(lengths, shingle)  # every key has at least ``shingle`` words
    hashes = _window_hashes(ids, starts, shingle)
    sig = np.empty((len(keys), _N_PERM), dtype=np.uint64)
    bounds = np.concatenate([[0], np.cumsum(n_sh)])
    mixed = np.empty(min(int(bounds[-1]), _SIG_CHUNK) + max(int(n_sh.max(initial=0)), 1), dtype=np.uint64)
    a = 0
    while a < len(keys):  # keys whose shingles fit in one chunk (at least one key)
        b = max(int(np.searchsorted(bounds, bounds[a] + _SIG_CHUNK, side="right")) - 1, a + 1)
        lo, hi = bounds[a], bounds[b]
        part = hashes[lo:hi]
        buf = mixed[:hi - lo]
        for k in range(_N_PERM):
            np.bitwise_xor(part, _SEEDS[k], out=buf)
            sig[a:b, k] = np.minimum.reduceat(_mix_inplace(buf), bounds[a:b] - lo)
        a = b
    band = sig.reshape(len(keys), BANDS, _ROWS)
    h = np.zeros((len(keys), BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(_ROWS):
            h = _mix(h ^ band[:, :, r]) + np.uint64(r + 1) * _C
    return _mix(h)
