"""The compiled word scan (:mod:`diplolib.actors.word_scan`) against pyahocorasick's ``iter``: the same matches in
the same order, on the shipped registry's automaton (random texts from the pieces the rules look at, in the three
code widths, and sample corpora through ``scan_partition``) and on automata of random words of any spacing."""

from __future__ import annotations

import itertools
import sys

import ahocorasick
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import comparison_slice
from diplolib import datasets
from diplolib.actors import partition, tagger, word_scan
from diplolib.actors.matcher_cache import default_matcher

pytest.importorskip("numba")


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _iter(automaton, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    found = np.fromiter(itertools.chain.from_iterable(automaton.iter(partition._decoded(codes))), dtype=np.int64)
    return found[0::2], found[1::2]


def _spaced(texts: list[str]) -> np.ndarray:
    """The spaced joined form ``scan_partition`` scans (its ASCII path when every text is ASCII)."""
    if all(t.isascii() for t in texts):
        joined = partition.matching_form(" " + " \x00 ".join(texts) + " ")
        forms, lengths = None, [len(t) for t in texts]
    else:
        forms, joined = partition._matching(texts)[0], None
        lengths = [len(f) for f in forms]
    starts = np.r_[0, np.cumsum(np.array(lengths, dtype=np.int64) + 3)[:-1]]
    return partition._spaced_joined(forms, starts, joined)


def assert_same_matches(automaton, tables, codes):
    want = _iter(automaton, codes)
    got = word_scan.raw_matches(tables, codes)
    assert got[0].dtype == want[0].dtype and got[1].dtype == want[1].dtype
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])


PIECES = ["United States", "the United", "States", "US", "UN", "May 2015", "in Geneva", "Britain-based",
          "the President", "Barack Obama", "Bashar al-Assad", "the Russian and Turkish presidents",
          "les présidents russe et turc", "son homologue américain", "le chef de la diplomatie russe", "U.K.",
          "the U.S.A.", "foreign minister of the U.A.E. ", "وروسيا", "للأمم المتحدة", "وللأمم المتحدة",
          "الرئيس بشار الأسد", "غينيا - بيساو", "هونغ كونغ (الصينية) منطقة إدارية خاصة", "Council1", "l’EI",
          "Straße", ". ", ", ", " - ", " ", "  ", "\n", "\x00", "\U0001d400", "ɐ"]


@settings(max_examples=50, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join).filter(bool), min_size=1,
                      max_size=5))
def test_registry_automaton_random_texts(matcher, texts):
    tables = word_scan.tables(matcher)
    assert tables is not None  # every word of the shipped registry has a shape the word scan knows
    codes = _spaced(texts)
    assert_same_matches(matcher._automaton, tables, codes)
    if codes.dtype == np.uint8:  # the same text in the wider code units scans the same
        assert_same_matches(matcher._automaton, tables, codes.astype(np.uint16))
        assert_same_matches(matcher._automaton, tables, codes.astype(np.uint32))


_WORD = st.sampled_from(["a", "b", "ab", "ba", "a1", "é", "ب", "بب", "\U0001d400", "\n"])
_GAP = st.integers(1, 3).map(lambda n: " " * n)


@st.composite
def _spaced_word(draw):
    words = draw(st.lists(_WORD.filter(lambda w: w != "\n"), min_size=1, max_size=3))
    inner = "".join(w + (draw(_GAP) if i < len(words) - 1 else "") for i, w in enumerate(words))
    return draw(_GAP) + inner + draw(_GAP)


@settings(max_examples=80, deadline=None)
@given(words=st.lists(_spaced_word(), min_size=1, max_size=12, unique=True),
       text=st.lists(st.one_of(_WORD, _GAP), max_size=40).map("".join))
def test_any_spacing_same_as_the_automaton(words, text):
    """Words with runs of spaces inside and at either end ("u k  " from "U.K.", "غينيا   بيساو"), on texts of the
    same words: the word scan finds what the automaton finds, in its order."""
    automaton = ahocorasick.Automaton()
    for wid, w in enumerate(words):
        automaton.add_word(w, wid)
    automaton.make_automaton()
    tables = word_scan.build_tables(words)
    big = " " + text + " "
    codes = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32)
    assert_same_matches(automaton, tables, codes)
    if codes.max() < 0x10000:
        assert_same_matches(automaton, tables, codes.astype(np.uint16))


def test_other_shapes_keep_the_automaton(matcher, monkeypatch):
    assert word_scan.build_tables([" a ", "b "]) is None  # no space before: not a word of this scan
    assert word_scan.build_tables(["   "]) is None
    assert word_scan.build_tables([" a" + " " * 300 + "b "]) is None  # a gap longer than the kernel's keys hold
    texts = ["Barack Obama met the President in Washington.", "وروسيا و للأمم المتحدة"]
    monkeypatch.setattr(partition, "COMPILED_MIN_CHARS", 0)
    compiled = partition.scan_partition(matcher, texts)
    monkeypatch.setitem(matcher.__dict__, "_word_tables", None)  # as for a word of another shape
    fallback = partition.scan_partition(matcher, texts)
    for a, b in zip(compiled, fallback, strict=True):
        np.testing.assert_array_equal(a, b)
    assert len(compiled[0]) >= 4


@pytest.mark.parametrize("name", ["fa-kes", "sana-fr", "wikinews-ar", "wh-readouts"])
def test_sample_corpora_scan_partition(matcher, monkeypatch, name):
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    articles, _ = datasets.load(name, fetch_missing=False)
    texts = [t for t in comparison_slice(articles, name)["text"].tolist() if isinstance(t, str) and t]
    monkeypatch.setattr(partition, "COMPILED", False)
    want = partition.scan_partition(matcher, texts)
    monkeypatch.setattr(partition, "COMPILED", True)
    monkeypatch.setattr(partition, "COMPILED_MIN_CHARS", 0)
    got = partition.scan_partition(matcher, texts)
    assert len(want[0]) > 0
    for a, b in zip(got, want, strict=True):
        np.testing.assert_array_equal(a, b)


def test_compiled_for_decides_on_the_whole_call(matcher, monkeypatch):
    """A long call loads the compiled scan, and then every scan uses it, even of joined strings shorter than
    ``COMPILED_MIN_CHARS`` (chunks of ``CHUNK_CHARS`` split into ASCII and other texts); a short call does not load
    it, nor does ``COMPILED=False``."""
    monkeypatch.delitem(sys.modules, "numba")  # as in a fresh process (both restored after the test)
    monkeypatch.setattr(word_scan, "_KERNELS", None)
    calls = []
    scan = word_scan.raw_matches
    monkeypatch.setattr(word_scan, "raw_matches", lambda t, codes: calls.append(len(codes)) or scan(t, codes))
    texts = ["Barack Obama met the President in Washington.", "وروسيا و للأمم المتحدة"]
    threshold = partition.COMPILED_MIN_CHARS
    monkeypatch.setattr(partition, "COMPILED", False)
    assert not partition.compiled_for(matcher, 10 * threshold)
    monkeypatch.setattr(partition, "COMPILED", True)
    assert not partition.compiled_for(matcher, threshold - 1)  # twin: too short to pay for numba's import
    assert not word_scan.loaded()
    want = partition.scan_partition(matcher, texts)
    assert calls == []  # pyahocorasick
    assert partition.compiled_for(matcher, threshold) and word_scan.loaded()
    got = partition.scan_partition(matcher, texts)
    assert len(calls) == 2  # the ASCII group and the other, each far below the threshold
    for a, b in zip(got, want, strict=True):
        np.testing.assert_array_equal(a, b)


def test_tag_actors_asks_with_the_total_of_its_texts(matcher, monkeypatch):
    asked = []
    monkeypatch.setattr(tagger, "compiled_for", lambda m, chars: asked.append(chars) or False)
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["Barack Obama in Washington.", None, "روسيا"]})
    out = tagger.tag_actors(articles, registry=matcher)
    assert asked == [len("Barack Obama in Washington.") + len("روسيا")]
    assert len(out) >= 2
