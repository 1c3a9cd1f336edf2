"""Co-mention codes without filtered copies (round 17): actor codes of the kept rows, (article, window) codes as
runs of mentions in text order, pair cells in each group's upper triangle. Each gives the tables of the path it
replaces; twins keep the cases where the former path must still be taken."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from arrow_memory import arrow_pool
from test_comention_pairs import random_mentions

import diplolib.comention.codes as codes_mod
import diplolib.comention.counts as counts_mod
from diplolib.comention import co_mentions
from diplolib.comention.pairs import _cell_bases, _finish


@pytest.mark.parametrize("dtype", ["str", "string", "category", object])
def test_sorted_codes_of_kept_rows_equal_those_of_the_filtered_column(dtype):
    """``keep``: the codes and labels of the kept rows, as if the column had been filtered first (ids only in
    dropped rows get no label); keep=None numbers every id present, NA -> -1 (twin)."""
    rng = np.random.default_rng(5)
    values = pd.Series(rng.choice(["Q7", "Q10", "Q2", "Q99", None], 400), dtype=object)
    series = values.astype("category") if dtype == "category" else values.astype(dtype)
    keep = values.notna().to_numpy() & (values != "Q99").to_numpy()
    keep[:3] = False
    got, labels = codes_mod.sorted_codes(series, keep=keep)
    want, want_labels = codes_mod.sorted_codes(series[keep].reset_index(drop=True))
    np.testing.assert_array_equal(got, want)
    assert list(labels) == list(want_labels) == ["Q10", "Q2", "Q7"]
    all_codes, all_labels = codes_mod.sorted_codes(series)
    assert list(all_labels) == ["Q10", "Q2", "Q7", "Q99"]
    np.testing.assert_array_equal(all_codes == -1, values.isna().to_numpy())


def test_actor_codes_of_a_chunked_column_need_no_copy_of_its_strings():
    """The pandas path's peak at 250,000 articles was in these codes: the Arrow ids are encoded chunk by chunk and
    the rows without an actor are dropped from the codes, not copied out of the string columns (measured on this
    table: 10.2 MB of Arrow memory before, 1.7 MB after, for 7.1 MB of id columns)."""
    n = 200_000
    rng = np.random.default_rng(0)
    art = np.sort(rng.integers(0, 20_000, n))
    mentions = pd.DataFrame({
        "article_id": pd.Series([f"article-{k:08d}" for k in art], dtype="str"),
        "actor_id": pd.Series(rng.choice(["Q76", "Q142", "Q30", "Q159"], n), dtype="str").where(rng.random(n) > 0.01),
        "sentence": rng.integers(0, 5, n),
    }).sort_values(["article_id", "sentence"], kind="stable").reset_index(drop=True)
    with arrow_pool() as pool:
        edges = co_mentions(mentions)
    assert len(edges) == 6
    assert pool.max_memory() < 12 * n  # the int32 codes (twice): not the ids (~36 bytes a mention)


def _frame(articles, sentences):
    return pd.DataFrame({"article_id": pd.Series(articles, dtype="str"), "sentence": np.array(sentences)})


@pytest.mark.parametrize("articles, sentences, runs", [
    (["a", "a", "a", "b", "b", "c"], [0, 0, 2, 0, 1, 1], True),    # text order: every (article, window) one run
    (["a", "a", "b", "b"], [3, 4, 0, 0], True),                     # a decrease at an article's start is fine
    (["a", "a", "a", "b"], [0, 2, 1, 0], False),                    # twin: a decrease inside an article
    (["a", "a", "b", "a"], [0, 0, 0, 0], False),                    # twin: an article in two runs
])
def test_window_runs_number_the_pairs_only_when_each_is_one_run(articles, sentences, runs):
    df = _frame(articles, sentences)
    got = codes_mod.window_runs(df["article_id"], df["sentence"])
    if not runs:
        assert got is None
        return
    codes, n = got
    pairs = pd.factorize(pd.Series(list(zip(articles, sentences, strict=True))))[0]
    assert n == pairs.max() + 1
    np.testing.assert_array_equal(codes, pairs)  # the same windows, numbered by first appearance
    for keep in (np.arange(len(articles)) % 2 == 0, np.arange(len(articles)) > 0):  # rows dropped: their windows go
        kept, k = codes_mod.window_runs(df["article_id"], df["sentence"], keep=keep)
        want = pd.factorize(pd.Series(pairs[keep]))[0]
        assert k == want.max() + 1
        np.testing.assert_array_equal(kept, want)


@pytest.mark.parametrize("seed", range(3))
def test_runs_give_the_tables_of_combined_codes(monkeypatch, seed):
    """Mentions in text order (runs used: checked) and rows dropped (no actor, other kinds) give the edges of the
    combined article and window codes; shuffled mentions and unsorted paragraphs (twins) take the combined codes
    and give them too."""
    m = random_mentions(seed).sort_values(["article_id", "sentence"], kind="stable").reset_index(drop=True)
    used = []
    original = counts_mod.window_runs
    monkeypatch.setattr(counts_mod, "window_runs", lambda *a, **k: used.append(r := original(*a, **k)) or r)
    options = [dict(window="sentence"), dict(window="paragraph", by="source"), dict(window="article", period="M"),
               dict(window="sentence", by=["source"], period="Y", min_count=2), dict(window="sentence", kinds="state")]
    for data in (m, m.sample(frac=1.0, random_state=seed).reset_index(drop=True)):
        for kw in options:
            used.clear()
            monkeypatch.setattr(counts_mod, "_RUNS", True)
            fast = co_mentions(data, **kw)
            ran = used[0] is not None
            monkeypatch.setattr(counts_mod, "_RUNS", False)
            ref = co_mentions(data, **kw)
            assert len(fast) > 0
            pd.testing.assert_frame_equal(fast, ref, check_exact=True)
            # sorted by article and sentence: runs of (article, sentence) and of articles, not of paragraphs;
            # shuffled: no runs at all
            assert ran == (data is m and kw["window"] != "paragraph")


@pytest.mark.parametrize("sizes", [[5], [1, 4, 1, 3], [1, 1], [2, 7, 1]])
def test_cells_fill_each_groups_upper_triangle(sizes):
    """Every pair i < j of a group gets its own cell, the cells are exactly 0..n_cells-1 (no unused lower half),
    and the cells decode back to their pairs; groups of one row take no cell (twin)."""
    row_group = np.repeat(np.arange(len(sizes)), sizes)
    base, n_cells = _cell_bases(row_group)
    assert n_cells == sum(s * (s - 1) // 2 for s in sizes)
    i, j = np.triu_indices(len(row_group), k=1)
    same = row_group[i] == row_group[j]
    i, j = i[same], j[same]
    keys = base[i].astype(np.int64) + j
    np.testing.assert_array_equal(np.sort(keys), np.arange(n_cells))
    got = _finish(keys, np.ones(len(keys), dtype=np.int64), None, None, base, np.zeros(len(row_group)), 1)
    np.testing.assert_array_equal(got.i, i)
    np.testing.assert_array_equal(got.j, j)
