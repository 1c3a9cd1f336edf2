"""MinHash of a batch (minhash_bands, batch_token_ids) against a per-document reference, and the same duplicate
decisions on every sample corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib.normalize.duplicates as duplicates
import diplolib.normalize.minhash as dup
from conftest import comparison_slice
from diplolib import datasets
from diplolib.normalize.duplicates import (
    BAND_COLUMNS,
    SignatureChunks,
    batch_token_ids,
    candidate_pairs,
    duplicate_key,
    duplicate_signatures,
    flag_duplicates,
    jaccard_pairs,
    minhash_bands,
    resolve_duplicates,
    shingle_sets,
)


def reference_bands(key: str, shingle: int = 5) -> np.ndarray:
    """One document at a time: its shingle hashes, the minimum of each of the 64 hash functions, the 16 bands."""
    h = dup.shingle_hashes(key, shingle, {})
    sig = dup._mix(h[None, :] ^ dup._SEEDS[:, None]).min(axis=1)  # (64 functions, shingles) -> 64 minima
    band = sig.reshape(dup.BANDS, dup._ROWS)
    out = np.zeros(dup.BANDS, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(dup._ROWS):
            out = dup._mix(out ^ band[:, r]) + np.uint64(r + 1) * dup._C
    return dup._mix(out)


def reference_signatures(texts, min_tokens: int = 20, shingle: int = 5) -> pd.DataFrame:
    rows = []
    for t in texts:
        key = duplicate_key(t)
        eligible = len(key.split()) >= max(min_tokens, shingle)
        digest = dup.hashlib.blake2b(key.encode(), digest_size=16).hexdigest() if key else None
        bands = reference_bands(key, shingle) if eligible else np.zeros(dup.BANDS, dtype=np.uint64)
        rows.append((digest, eligible, *bands))
    out = pd.DataFrame(rows, columns=["key", "eligible", *BAND_COLUMNS])
    out["key"] = out["key"].astype("string")
    return out.astype({c: np.uint64 for c in BAND_COLUMNS})


words = st.sampled_from(["la", "trêve", "Damas", "ceasefire", "Aleppo", "هدنة", "a", "the", "UN", "—", "x"])
body = st.lists(words, min_size=0, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(body, max_size=8), shingle=st.integers(1, 6))
def test_batch_equals_per_document(texts, shingle):
    keys = [duplicate_key(t) for t in texts]
    ids, lengths = batch_token_ids(keys)
    vocab: dict = {}
    expected = [dup._token_ids(k.split(), vocab) for k in keys]
    assert lengths.tolist() == [len(e) for e in expected]
    np.testing.assert_array_equal(ids, np.concatenate([np.zeros(0, np.uint64), *expected]))
    long = [k for k in keys if len(k.split()) >= shingle]
    got = minhash_bands(long, shingle=shingle)
    assert got.shape == (len(long), 16) and got.dtype == np.uint64
    for k, row in zip(long, got, strict=True):
        np.testing.assert_array_equal(row, reference_bands(k, shingle))


def test_chunks_of_any_size(monkeypatch):
    texts = [" ".join(f"w{(i * 7 + j) % 50}" for j in range(30 + 5 * i)) for i in range(12)]
    for chunk in (1, 7, 100, 10**6):
        monkeypatch.setattr(dup, "_SIG_CHUNK", chunk)
        pd.testing.assert_frame_equal(duplicate_signatures(texts), reference_signatures(texts))
    with pytest.raises(ValueError, match="at least 5 words"):
        minhash_bands(["too short"])


def reference_decisions(articles: pd.DataFrame) -> pd.Series:
    texts = articles["text"].tolist()
    sig = reference_signatures(texts)
    cands = candidate_pairs(sig)
    sets = shingle_sets(texts, positions=np.unique(cands[["a", "b"]].to_numpy()))
    pairs = jaccard_pairs(cands, sets, threshold=0.8)
    out = resolve_duplicates(sig["key"], pairs, articles["article_id"].tolist())
    return pd.Series(out, index=articles.index, name="duplicate_of", dtype="string")


CORPORA = [pytest.param(n, marks=pytest.mark.slow) if n in ("ungdc", "kremlin-en", "unpc-ar-fr-en") else n
           for n in datasets.RECIPES]


@pytest.mark.parametrize("name", CORPORA)
def test_every_sample_corpus_same_signatures_and_decisions(name):
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    articles, _ = datasets.load(name, fetch_missing=False)
    articles = comparison_slice(articles[["article_id", "text"]].reset_index(drop=True), name)
    pd.testing.assert_frame_equal(duplicate_signatures(articles["text"].tolist()),
                                  reference_signatures(articles["text"].tolist()), check_exact=True)
    pd.testing.assert_series_equal(flag_duplicates(articles, text_column="text"), reference_decisions(articles))


def test_signatures_handed_over_in_chunks(monkeypatch):
    """SignatureChunks (each chunk's bodies once, repeats across chunks recognised) = the whole column at once."""
    texts = [" ".join(f"w{(i * 7 + j) % 50}" for j in range(30 + 5 * (i % 6))) for i in range(40)]
    texts[3] = texts[17] = None
    texts[9] = ""
    column = pd.Series(texts * 2, dtype="string")
    want = duplicates._signatures_of_column(column, near=True)
    for chunk, sig_chunk in ((1, 1), (7, 3), (33, 2_000), (10**6, 2_000)):
        monkeypatch.setattr(duplicates, "SIGNATURE_CHUNK", sig_chunk)
        run = SignatureChunks(near=True)
        for lo in range(0, len(column), chunk):
            run.add(column.iloc[lo:lo + chunk])
        pd.testing.assert_frame_equal(run.signatures(), want, check_exact=True)
    assert len(SignatureChunks().signatures()) == 0
