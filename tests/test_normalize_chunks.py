"""The chunked paths of loading give the same tables as one pass: records normalised CHUNK_ROWS at a time,
duplicate signatures computed once per distinct body and SIGNATURE_CHUNK bodies at a time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from suite_cache import corpus_records

import diplolib.normalize.articles as articles_mod
import diplolib.normalize.duplicates as dup_mod
from diplolib import datasets
from diplolib.normalize import normalize_articles
from diplolib.normalize.duplicates import (
    candidate_pairs,
    duplicate_signatures,
    flag_duplicates,
    jaccard_pairs,
    resolve_duplicates,
    shingle_sets,
)

CORPORA = ["fa-kes", "sana-fr", "wikinews-fr", "wh-readouts"]


def _records(name: str) -> pd.DataFrame:
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    return corpus_records(name)  # datasets.read_corpus's records, read once per run (tests/suite_cache.py)


def one_pass_decisions(articles: pd.DataFrame, column: str) -> pd.Series:
    """The four duplicate steps on the whole column at once (the definition the chunked path must keep)."""
    texts = articles[column].tolist()
    sig = duplicate_signatures(texts)
    cands = candidate_pairs(sig)
    pairs = jaccard_pairs(cands, shingle_sets(texts, positions=np.unique(cands[["a", "b"]].to_numpy())))
    out = resolve_duplicates(sig["key"], pairs, articles["article_id"].tolist())
    return pd.Series(out, index=articles.index, name="duplicate_of", dtype="string")


@pytest.mark.parametrize("name", CORPORA)
def test_normalize_in_chunks_equals_one_pass(name, monkeypatch):
    records = _records(name)
    # a corpus repeated three times: ids of repeated origins, exact copies across chunks
    records = pd.concat([records] * 3, ignore_index=True)
    monkeypatch.setattr(articles_mod, "CHUNK_ROWS", 10**9)
    monkeypatch.setattr(dup_mod, "SIGNATURE_CHUNK", 10**9)
    whole = normalize_articles(records)
    monkeypatch.setattr(articles_mod, "CHUNK_ROWS", 97)
    monkeypatch.setattr(dup_mod, "SIGNATURE_CHUNK", 13)
    chunked = normalize_articles(records)
    pd.testing.assert_frame_equal(chunked, whole, check_exact=True)
    non_empty = int((chunked["text"].fillna("").str.strip() != "").sum())
    assert chunked["duplicate_of"].notna().sum() >= 2 * non_empty // 3  # the second and third copies


@pytest.mark.parametrize("chunk", [1, 3, 10**6])
def test_flag_duplicates_per_distinct_body_equals_one_pass(chunk, monkeypatch):
    base = [" ".join(f"w{(i * 7 + j) % 40}" for j in range(25 + 3 * i)) for i in range(6)]
    near = base[2].replace("w1 ", "w2 ", 1)
    texts = [base[0], None, base[1], base[0], "", near, base[2], None, base[1], "short text", base[2]]
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                         "text": pd.array(texts, dtype="string")})
    monkeypatch.setattr(dup_mod, "SIGNATURE_CHUNK", chunk)
    got = flag_duplicates(arts, text_column="text")
    pd.testing.assert_series_equal(got, one_pass_decisions(arts, "text"))
    assert got.tolist()[3] == "a0" and got.tolist()[8] == "a2" and pd.isna(got.tolist()[7])
