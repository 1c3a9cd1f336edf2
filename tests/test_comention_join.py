"""``with_article_columns``: articles' columns taken by position equal the left merge they replace."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pandas as pd
import pytest

from diplolib.comention import co_mentions
from diplolib.comention.counts import with_article_columns


def _tables(dtype: str = "str"):
    rng = np.random.default_rng(3)
    ids = pd.array([f"a{k}" for k in range(40)], dtype=dtype)
    articles = pd.DataFrame({
        "article_id": ids,
        "published": pd.date_range("2020-01-01", periods=40, freq="7D", tz="UTC"),
        "source": pd.array([f"s{k % 3}" for k in range(40)], dtype=dtype),
        "n_words": np.arange(40, dtype=np.int64),
    }).sample(frac=1.0, random_state=1).reset_index(drop=True)
    n = 500
    mentions = pd.DataFrame({
        "article_id": pd.array(np.sort(rng.integers(0, 40, n)), dtype=np.int64).astype(str).map(lambda s: "a" + s),
        "actor_id": pd.array(rng.choice(["USA", "FRA", "SYR", "RUS"], n), dtype=dtype),
        "start": rng.integers(0, 1000, n),
        "sentence": rng.integers(0, 5, n),
    }, index=pd.RangeIndex(100, 100 + n))  # not the default index: the merge numbers rows afresh
    mentions["article_id"] = mentions["article_id"].astype(dtype)
    return mentions, articles


@pytest.mark.parametrize("dtype", ["str", "string"])
def test_positional_join_equals_merge(dtype):
    mentions, articles = _tables(dtype)
    cols = ["published", "source", "n_words"]
    got = with_article_columns(mentions, articles=articles, columns=cols)
    want = mentions.merge(articles[["article_id", *cols]], on="article_id", how="left")
    pd.testing.assert_frame_equal(got, want, check_exact=True)


@pytest.mark.parametrize("case", ["duplicated article", "unknown article", "missing article id"])
def test_merge_kept_where_positions_would_differ(case):
    """Twin: repeated or unknown articles keep the merge's result (rows repeated, missing values, upcasts)."""
    mentions, articles = _tables()
    if case == "duplicated article":
        articles = pd.concat([articles, articles.iloc[:3]], ignore_index=True)
    elif case == "unknown article":
        articles = articles[articles["article_id"] != mentions["article_id"].iloc[0]]
    else:
        mentions.loc[mentions.index[5], "article_id"] = None
    cols = ["published", "n_words"]
    got = with_article_columns(mentions, articles=articles, columns=cols)
    want = mentions.merge(articles[["article_id", *cols]], on="article_id", how="left")
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    if case == "duplicated article":
        assert len(got) > len(mentions)
    elif case == "unknown article":
        assert got["n_words"].dtype == np.float64 and got["n_words"].isna().any()


def test_co_mentions_with_articles_equals_prejoined():
    mentions, articles = _tables()
    joined = mentions.merge(articles[["article_id", "published", "source"]], on="article_id", how="left")
    got = co_mentions(mentions, articles=articles, by="source", period="M")
    want = co_mentions(joined, by="source", period="M")
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_positional_join_allocates_little():
    """The point of the positional join: ~24 bytes a mention (codes, positions, the date) where the merge of
    string keys allocated ~170 (measured: 24 / 169 at 200,000 mentions), the pandas path's peak at scale."""
    n = 100_000
    rng = np.random.default_rng(0)
    ids = pd.Series([f"article-{k:08d}" for k in range(10_000)], dtype="str")
    articles = pd.DataFrame({"article_id": ids,
                             "published": pd.date_range("2020-01-01", periods=10_000, freq="h", tz="UTC")})
    mentions = pd.DataFrame({"article_id": ids.take(np.sort(rng.integers(0, 10_000, n))).reset_index(drop=True),
                             "actor_id": pd.Series(rng.choice(["USA", "FRA"], n), dtype="str")})
    tracemalloc.start()
    try:
        with_article_columns(mentions, articles=articles, columns=["published"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 48 * n


def test_compress_numbers_sorted_codes_as_runs_like_unique():
    """Nondecreasing codes are renumbered as runs (no sort): the same as ``np.unique``'s inverse."""
    from diplolib.comention.codes import compress

    rng = np.random.default_rng(5)
    codes = np.sort(rng.integers(0, 10**9, 5_000))
    got, k = compress(codes, 10**9)
    uniq, inv = np.unique(codes, return_inverse=True)
    assert k == len(uniq) and np.array_equal(got, inv)
    # twin: unsorted codes still take the sort, same numbering by value
    shuffled = rng.permutation(codes)
    got, k = compress(shuffled, 10**9)
    uniq, inv = np.unique(shuffled, return_inverse=True)
    assert k == len(uniq) and np.array_equal(got, inv)


@pytest.mark.parametrize("sentences", ["in order", "shuffled"])
def test_sentence_window_codes_give_the_factorized_counts(sentences):
    """Sentence numbers used as window codes (runs when in order) count the same windows as ``factorize``."""
    import diplolib.comention.counts as counts

    mentions, _ = _tables()
    mentions = mentions.sort_values(["article_id", "sentence"], kind="stable").reset_index(drop=True)
    if sentences == "shuffled":
        mentions = mentions.sample(frac=1.0, random_state=2).reset_index(drop=True)
    got = co_mentions(mentions, window="sentence")
    original = counts._window_codes
    counts._window_codes = lambda v: (lambda c, u: (c, len(u)))(*pd.factorize(v))
    counts._RUNS = False  # the factorized codes combined, not the runs of (article, sentence)
    try:
        want = co_mentions(mentions, window="sentence")
    finally:
        counts._window_codes = original
        counts._RUNS = True
    pd.testing.assert_frame_equal(got, want, check_exact=True)
