"""The compiled anchor scan of the batch theme tagger (:mod:`diplolib.themes.anchor_scan`) against pyahocorasick's
``iter``: the same matches in the same order, on automata of random keys (ASCII and not, keys that are suffixes of
others) and on the shipped dictionary's automata; and ``tag_themes`` gives the same table with and without it (the
pure-Python path, ``Automaton.iter``, is what runs without numba)."""

from __future__ import annotations

import itertools

import ahocorasick
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import comparison_slice
from diplolib import datasets
from diplolib.themes import anchor_scan, load_themes, tag_themes
from diplolib.themes.batch_index import batch_index
from diplolib.themes.joined import JoinedTexts, code_points

pytest.importorskip("numba")


def _iter(keys: list[str], big: str) -> tuple[np.ndarray, np.ndarray]:
    automaton = ahocorasick.Automaton()
    for w, key in enumerate(keys):
        automaton.add_word(key, w)
    automaton.make_automaton()
    found = np.fromiter(itertools.chain.from_iterable(automaton.iter(big)), dtype=np.int64)
    return found[0::2], found[1::2]


def _assert_same(keys: list[str], texts: list[str]) -> None:
    """The kernel over the texts joined by NULs (each read as " \\n ", a space at each end) and over the joined
    string itself: what ``Automaton.iter`` gives over that string."""
    big = " " + " \n ".join(texts) + " "
    want = _iter(keys, big)
    tables = anchor_scan.build_tables(keys)
    joined = code_points("\x00".join(texts))
    if joined.max(initial=0) < 128:
        joined = joined.astype(np.uint8)
    for got in (anchor_scan.matches(tables, joined), anchor_scan.matches(tables, code_points(big), False)):
        assert got[0].dtype == np.int64 and got[1].dtype == np.int64
        np.testing.assert_array_equal(got[0], want[0])
        np.testing.assert_array_equal(got[1], want[1])


def test_suffixes_are_reported_longest_first():
    keys = [" the council ", "council ", " council", "il ", " c", "ل ", " مجلس ", "س "]
    texts = ["the council met", "Le conseil", "مجلس الأمن", "council council"]
    _assert_same(keys, texts)
    last, wid = anchor_scan.matches(anchor_scan.build_tables(keys), code_points("\x00".join(texts)))
    assert len(last) > 8 and (np.diff(last) >= 0).all()


def test_no_key_no_match():  # the twin: a text with none of the keys
    tables = anchor_scan.build_tables([" war ", " guerre "])
    last, wid = anchor_scan.matches(tables, code_points("peace talks\x00paix"))
    assert len(last) == 0 and len(wid) == 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=" abé\u0644\u0645\U0001d400", min_size=1, max_size=5), min_size=1, max_size=12,
                unique=True),
       st.lists(st.text(alphabet=" abcé\u0644\u0645\U0001d400\n", max_size=30), min_size=1, max_size=4))
def test_random_keys_and_texts(keys, texts):
    _assert_same(keys, texts)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_shipped_automaton(lang):
    ix = batch_index(load_themes(), lang)
    keys = [""] * len(ix.shift)
    for key, w in ix.automaton.items():
        keys[w] = key
    texts = ["The Security Council called for a ceasefire in Aleppo after the air strikes killed civilians.",
             "Le Conseil de sécurité a appelé à un cessez-le-feu ; les frappes aériennes ont tué des civils.",
             "دعا مجلس الأمن إلى وقف إطلاق النار في حلب بعد أن قتلت الغارات الجوية مدنيين", "the council of the"]
    _assert_same(keys, texts)


def _tables(articles, monkeypatch, compiled: bool) -> pd.DataFrame:
    monkeypatch.setattr(anchor_scan, "COMPILED", compiled)
    monkeypatch.setattr(anchor_scan, "COMPILED_MIN_CHARS", 0)
    return tag_themes(articles, dictionary=load_themes())


@pytest.mark.parametrize("name", ["fa-kes", "wikinews-ar", "sana-fr"])
def test_sample_corpora_same_table(monkeypatch, name):
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    articles = comparison_slice(datasets.load(name, fetch_missing=False)[0], name)
    want = _tables(articles, monkeypatch, False)
    got = _tables(articles, monkeypatch, True)
    assert want["theme"].notna().sum() > 0
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_text_holding_a_nul(monkeypatch):  # the other path: the joined string built, read as it is
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": ["Air strikes\x00killed civilians.", "A ceasefire in Aleppo."],
                             "lang": ["en", "en"]})
    want = _tables(articles, monkeypatch, False)
    got = _tables(articles, monkeypatch, True)
    assert want["theme"].notna().sum() >= 2
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_more_matches_than_the_first_arrays_hold():  # the kernel stops, the arrays grow, the scan runs again
    keys = ["a", "aa", "aaa", " a"]
    _assert_same(keys, ["a" * 3000, "a a"])
    last, wid = anchor_scan.matches(anchor_scan.build_tables(keys), code_points("a" * 3000))
    assert len(last) == 3000 + 2999 + 2998 + 1 > 3000 // 8 + 1024  # a, aa, aaa and " a"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="ab é.\u0644\x00", max_size=25), min_size=1, max_size=4), st.data())
def test_word_ends_as_the_binary_searches(texts, data):
    joined = JoinedTexts(texts)
    size = len(joined.match)
    p = np.array(data.draw(st.lists(st.integers(0, size), max_size=20)), dtype=np.int64)
    n = np.array(data.draw(st.lists(st.integers(0, 4), min_size=len(p), max_size=len(p))), dtype=np.int64)
    want = joined.word_end(p)
    for more in range(2, int(n.max(initial=0)) + 1):  # as batch._word_verdicts without numba
        far = np.flatnonzero(n >= more)
        want[far] = joined.word_end(joined.next_word(want[far]))
    np.testing.assert_array_equal(anchor_scan.word_ends(joined.word_mask(), p, n), want)


def test_distinct_stretches():
    codes = code_points("peace talks peace talks war")
    p, e = np.array([0, 12, 0, 24, 6]), np.array([5, 17, 5, 27, 11])
    keys = np.array([1, 1, 2, 1, 1])
    rep, inv, same = anchor_scan.distinct_stretches(codes, keys, p, e)
    assert len(rep) == 4 and same.all()  # (1, peace) twice; (2, peace) another key: its own row
    assert inv[0] == inv[1] and len({inv[0], inv[2], inv[3], inv[4]}) == 4


def test_hash_collisions_change_no_verdict(monkeypatch):  # every stretch hashed alike: compared, then on its own
    articles = comparison_slice(datasets.load("wikinews-ar", fetch_missing=False)[0], "wikinews-ar") \
        if datasets.is_fetched("wikinews-ar") else None
    if articles is None:
        pytest.skip("corpus wikinews-ar is not in data/raw (run 'make data')")
    want = _tables(articles, monkeypatch, False)
    anchor_scan.compiled_available()
    monkeypatch.setitem(anchor_scan._KERNELS, "hashes", lambda codes, p, e: np.zeros(len(p), dtype=np.uint64))
    got = _tables(articles, monkeypatch, True)
    assert want["theme"].notna().sum() > 0
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_a_short_chunk_loads_no_kernel(monkeypatch):  # ~1 s of CPU to load them, ~0.03 s saved per MB
    articles = pd.DataFrame({"article_id": ["a"], "text": ["Air strikes killed civilians."], "lang": ["en"]})
    monkeypatch.setattr(anchor_scan, "_KERNELS", None)
    want = tag_themes(articles, dictionary=load_themes())
    assert anchor_scan._KERNELS is None and len(want) >= 1
    monkeypatch.setattr(anchor_scan, "COMPILED_MIN_CHARS", 20)  # the twin: a chunk long enough loads them
    got = tag_themes(articles, dictionary=load_themes())
    assert anchor_scan._KERNELS and anchor_scan.use_compiled(1)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
