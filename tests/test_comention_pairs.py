"""The numpy pair listing and the compiled kernel of co-mentions (diplolib.comention.pairs, .compiled) against
the sparse product they replaced.

Both paths must give identical arrays and identical edges tables, on random inputs, for every window, group
and period option, with the dense-table and the sorted-keys counting and with tiny batches.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib.comention.codes as codes_mod
import diplolib.comention.counts as counts_mod
import diplolib.comention.pairs as pairs_mod
from diplolib.comention import co_mentions
from diplolib.comention.pairs import pair_counts, pair_counts_product

NAT = np.iinfo(np.int64).min


@pytest.fixture(autouse=True)
def _kernel_for_small_inputs(monkeypatch):
    """The compiled kernel serves a million mentions and more; here it must serve the small random inputs too."""
    monkeypatch.setattr(pairs_mod, "_COMPILED_MIN", 0)


def random_codes(seed: int, n_mentions: int, n_win: int, n_groups: int, rows_per_group: int, big: bool):
    """Mentions as integer codes: windows in groups, rows numbered group by group, some windows very large."""
    rng = np.random.default_rng(seed)
    win_group = rng.integers(0, n_groups, n_win)
    win = rng.integers(0, n_win, n_mentions)
    if big:  # a few windows with many actors (the pairs of a window of size s are s(s-1)/2)
        win[: n_mentions // 3] = rng.integers(0, 3, n_mentions // 3)
    rows = win_group[win] * rows_per_group + rng.integers(0, rows_per_group, n_mentions)
    row_group = np.repeat(np.arange(n_groups), rows_per_group)
    pub = rng.integers(0, 10**17, n_win)[win]
    pub[rng.random(n_mentions) < 0.2] = NAT  # undated mentions
    return win.astype(np.int64), rows.astype(np.int64), row_group.astype(np.int64), pub


def assert_same(a, b) -> None:
    for name, x, y in zip(a._fields, a, b, strict=True):
        np.testing.assert_array_equal(x, y, err_msg=name)
        assert x.dtype == y.dtype == np.int64, name


@pytest.mark.parametrize("dense_max, chunk, compiled", [(2**24, 8_000_000, True), (2**24, 8_000_000, False),
                                                       (0, 8_000_000, True), (2**24, 7, False), (0, 3, False)])
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("ordered", [False, True])
def test_pair_counts_equal_the_sparse_product(monkeypatch, seed, dense_max, chunk, compiled, ordered):
    """The numpy listing (dense table or sorted keys, any batch size) and, with numba, the compiled kernel
    (mentions in any order, or window by window as tag_actors writes them) give the reference's arrays."""
    monkeypatch.setattr(pairs_mod, "_DENSE_MAX", dense_max)
    monkeypatch.setattr(pairs_mod, "_PAIR_CHUNK", chunk)
    monkeypatch.setattr(pairs_mod, "_COMPILED", compiled)
    win, rows, row_group, pub = random_codes(seed, 3_000, 400, 1 + seed % 3, 30 + 10 * seed, big=seed % 2 == 1)
    if ordered:
        order = np.argsort(win, kind="stable")
        win, rows, pub = win[order], rows[order], pub[order]
    for min_count in (1, 2, 5):
        for dates in (pub, None, np.full(len(pub), NAT)):
            kw = dict(n_win=400, row_group=row_group, pub_ns=dates, min_count=min_count)
            fast, ref = pair_counts(win, rows, **kw), pair_counts_product(win, rows, **kw)
            assert len(fast.n) > 0
            assert_same(fast, ref)


@settings(max_examples=60, deadline=None)
@given(
    entries=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 7), st.integers(-1, 5)), max_size=60),
    n_groups=st.integers(1, 3),
    dense=st.booleans(),
)
def test_pair_counts_random_small(entries, n_groups, dense):
    """Any mentions (repeats, single-actor windows, no pairs at all) give the reference's arrays."""
    per = 8
    win = np.array([w for w, _, _ in entries], dtype=np.int64)
    rows = np.array([(w % n_groups) * per + r for w, r, _ in entries], dtype=np.int64)  # a window sits in a group
    pub = np.array([NAT if d < 0 else d * 10**15 for _, _, d in entries], dtype=np.int64)
    row_group = np.repeat(np.arange(n_groups), per).astype(np.int64)
    old = pairs_mod._DENSE_MAX, pairs_mod._COMPILED
    pairs_mod._DENSE_MAX = 2**24 if dense else 0
    try:
        kw = dict(n_win=10, row_group=row_group, pub_ns=pub)
        ref = pair_counts_product(win, rows, **kw)
        for compiled in (True, False):
            pairs_mod._COMPILED = compiled
            assert_same(pair_counts(win, rows, **kw), ref)
    finally:
        pairs_mod._DENSE_MAX, pairs_mod._COMPILED = old


def test_compiled_kernel_is_used_when_numba_is_installed(monkeypatch):
    """With numba the dense counts come from the kernel (so the tests above compare it); without, numpy's."""
    pytest.importorskip("numba")
    from diplolib.comention import compiled

    assert compiled.compiled_available()
    calls = []
    real = pairs_mod.count_windows
    monkeypatch.setattr(pairs_mod, "count_windows", lambda *a, **k: calls.append(1) or real(*a, **k))
    win, rows, row_group, pub = random_codes(0, 500, 50, 1, 20, big=False)
    assert_same(pair_counts(win, rows, n_win=50, row_group=row_group, pub_ns=pub),
                pair_counts_product(win, rows, n_win=50, row_group=row_group, pub_ns=pub))
    assert calls == [1]
    monkeypatch.setattr(pairs_mod, "_COMPILED_MIN", 501)  # below the threshold: numpy, numba not even imported
    pair_counts(win, rows, n_win=50, row_group=row_group, pub_ns=pub)
    assert calls == [1]


@pytest.mark.parametrize("values", [
    pd.Series([3, 3, 1, 1, 1, 7, 2]),                      # runs, not sorted
    pd.Series([1, 1, 2, 3, 3, 3]),                         # sorted
    pd.Series([1, 2, 1, 3]),                               # 1 comes back: not one run each
    pd.Series(["b", "b", "a", "c", "c"], dtype=str),
    pd.Series(["b", "a", "b"], dtype=str),
    pd.Series(["x", "x", "y"], dtype="string[pyarrow]"),
    pd.Series(["x", "y", "x"], dtype=object),
    pd.Series([5]),
    pd.Series([], dtype=np.int64),
])
def test_run_codes_number_values_as_factorize_does(values):
    """The article codes from runs of equal neighbours are pandas' codes (numbered by first appearance)."""
    codes, n = codes_mod.run_codes(values)
    expected, uniques = pd.factorize(values)
    np.testing.assert_array_equal(codes, expected)
    assert codes.dtype == np.int64 and n == len(uniques)


def random_mentions(seed: int, n_articles: int = 300, n_actors: int = 40) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    per = rng.poisson(5, n_articles) + 1
    article = np.repeat(np.arange(n_articles), per)
    actor = rng.choice(n_actors, size=article.size, p=(p := 1 / np.arange(1, n_actors + 1)) / p.sum())
    ids = pd.Series([f"Q{a}" for a in actor], dtype=str).where(rng.random(article.size) > 0.05)
    day = rng.integers(0, 3 * 365, n_articles)
    return pd.DataFrame({
        "article_id": pd.Series([f"art{a}" for a in article], dtype=str),
        "actor_id": ids,
        "sentence": rng.integers(0, 6, article.size),
        "paragraph": rng.integers(0, 3, article.size),
        "source": np.array(["sana", "tass", "reuters"])[article % 3],
        "published": pd.Timestamp("2016-01-01", tz="UTC") + pd.to_timedelta(day[article], unit="D"),
        "kind": np.array(["state", "person"])[actor % 2],
    })


@pytest.mark.parametrize("dense_max", [2**24, 0])
@pytest.mark.parametrize("seed", range(3))
def test_edges_tables_identical_on_both_paths(monkeypatch, seed, dense_max):
    monkeypatch.setattr(pairs_mod, "_DENSE_MAX", dense_max)
    m = random_mentions(seed)
    options = [
        dict(window="sentence"), dict(window="paragraph", by="source"), dict(window="article", period="M"),
        dict(window="sentence", by=["source"], period="Y", min_count=2), dict(window="article", kinds="state"),
    ]
    for data in (m, m.drop(columns="published")):
        for kw in options:
            if "period" in kw and "published" not in data:
                continue
            monkeypatch.setattr(counts_mod, "_FAST", True)
            fast = co_mentions(data, **kw)
            monkeypatch.setattr(counts_mod, "_FAST", False)
            ref = co_mentions(data, **kw)
            assert len(fast) > 0
            pd.testing.assert_frame_equal(fast, ref, check_exact=True)


@pytest.mark.parametrize("dtype", [str, "category", object])
def test_sorted_codes_of_any_dtype_are_the_string_order(dtype):
    """Actor ids as strings, categories (with unused categories and NA) or objects get the same codes: the rank
    of each id in string order among the ids present (NA -> -1)."""
    values = pd.Series(["Q7", "Q10", None, "Q7", "Q2", "Q10"], dtype=object)
    series = values.astype(pd.CategoricalDtype(["Q99", "Q7", "Q2", "Q10", "Q0"])) if dtype == "category" \
        else values.astype(dtype) if dtype is str else values
    codes, labels = codes_mod.sorted_codes(series)
    assert list(labels) == ["Q10", "Q2", "Q7"]
    np.testing.assert_array_equal(codes, [2, 0, -1, 2, 1, 0])


def test_categorical_actor_ids_give_the_same_edges():
    m = random_mentions(7)
    cat = m.assign(actor_id=m["actor_id"].astype(pd.CategoricalDtype(sorted({*m["actor_id"].dropna(), "Q999"}))))
    for kw in (dict(window="sentence"), dict(window="article", by="source")):
        pd.testing.assert_frame_equal(co_mentions(cat, **kw), co_mentions(m, **kw), check_exact=True)


@pytest.mark.parametrize("values, distinct", [
    (["a1", "a2", "a10", "a11", "b1"], True),      # increasing by (length, bytes): no hash table needed
    (["b", "a", "c"], True),                       # distinct, in no such order: pc.unique
    (["a1", "a10", "a2"], True),
    (["a1", "a2", "a1"], False),
    (["x", "x"], False),
    (["é", "ab", "ab"], False),                    # two bytes each: equal lengths, then equal bytes
    (["z", "é", "aa"], True),
    ([], True),
])
def test_distinct_strings(values, distinct):
    import pyarrow as pa

    assert codes_mod.distinct_strings(pa.array(values, type=pa.large_string())) is distinct


@pytest.mark.parametrize("value", ["sentence", "paragraph", "article", "é", ""])
@pytest.mark.parametrize("n", [1, 3, 1000])
def test_repeated_str_is_the_taken_series(value, n):
    """The window column built from Arrow buffers equals the one-element str Series taken n times."""
    from diplolib.comention.edges import _repeated_str

    want = pd.Series([value], dtype=str).take(np.zeros(n, dtype=np.int64)).reset_index(drop=True)
    got = _repeated_str(value, n)
    pd.testing.assert_series_equal(got, want, check_exact=True)
    assert got.array._pa_array.type == want.array._pa_array.type


@pytest.mark.parametrize("min_count", [1, 2])  # 1: the counts' ``n`` passed on whole (a view); 2: a filtered copy
@pytest.mark.parametrize("dated", [True, False])
def test_edges_columns_are_arrays_of_their_own(min_count, dated):
    """The edges and pairs tables are built without copying their columns into 2-D blocks (``copy=False``): writing
    into one column of the edges must change neither another column, nor the counts, nor a second table made
    from the same counts; nor must writing into the pairs' ``first`` change their ``last``."""
    from diplolib.comention.edges import comention_counts, edges_from_counts

    m = random_mentions(0)
    counts = comention_counts(m if dated else m.drop(columns="published"), window="sentence")
    edges = edges_from_counts(counts, min_count=min_count)
    want = edges.copy(deep=True)
    pairs_before = counts.pairs.copy(deep=True)
    edges.loc[:, "n"] = 10**9
    edges.loc[:, "pmi"] = 0.5
    edges.loc[:, "first"] = pd.NaT
    assert (edges["n_a"] != 10**9).all() and (edges["npmi"] != 0.5).any()
    pd.testing.assert_frame_equal(counts.pairs, pairs_before, check_exact=True)
    pd.testing.assert_frame_equal(edges_from_counts(counts, min_count=min_count), want, check_exact=True)
    counts.pairs.loc[:, "first"] = 7
    assert (counts.pairs["last"] != 7).all()
