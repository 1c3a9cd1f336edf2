"""The column forms of two sequential steps of the batch theme tagger, against the loops they replace.

* ``batch._leftmost``: which matches ``finditer`` keeps (each one starting before the end of the last kept one is
  skipped), decided in rounds of running maxima, and by a loop after 16 rounds (a long chain of overlaps);
* ``windows._found``: one ``finditer`` over many context windows joined by NULs gives ``search`` of each window,
  also for a regex that runs over a NUL (no neighbour in cue syntax does: those windows are searched alone).
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from diplolib.themes.batch import _leftmost
from diplolib.themes.windows import _found


def _loop(s: list[int], e: list[int]) -> list[bool]:
    """finditer's choice, one match at a time (the loop ``_select`` ran before)."""
    kept, pos = [], -1
    for a, b in zip(s, e, strict=True):
        kept.append(a >= pos)
        pos = b if a >= pos else pos
    return kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40, unique_by=lambda x: x[0]))
def test_leftmost_is_the_loop(matches):
    matches.sort()
    s = np.array([a for a, _ in matches], dtype=np.int64)
    e = np.array([a + n for a, n in matches], dtype=np.int64)
    assert _leftmost(s, e).tolist() == _loop(s.tolist(), e.tolist())


def test_leftmost_long_chain_and_its_twin():
    # each match overlaps the next: finditer keeps every other one; 40 of them need more than 16 rounds (the loop)
    s = np.arange(40, dtype=np.int64)
    e = s + 2
    assert _leftmost(s, e).tolist() == [i % 2 == 0 for i in range(40)]
    # twin: matches that touch without overlapping are all kept in the first round
    assert _leftmost(s * 2, s * 2 + 2).all()


WORDS = ["war", "truce", "no", "talks", "|", "x", " ", "-", "\x00", "a b", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join), min_size=1, max_size=12))
def test_found_is_search_of_each_window(windows):
    for rx in (re.compile(r"(?<!\w)(?:truce|talks)(?!\w)"),  # cue syntax: never over a NUL
               re.compile(r"(?<!\w)(?:no[\s\-]+talks)(?!\w)"),
               re.compile(r"o\W+t"),  # runs over a NUL: "no\x00talks" joined, none in either window alone
               re.compile(r"\Wx")):  # a NUL before "x" at a window's start, where the window alone has nothing
        assert _found(rx, windows).tolist() == [rx.search(w) is not None for w in windows]


def test_found_over_a_nul_and_its_twin():
    rx = re.compile(r"o\W+t")
    assert _found(rx, ["no", "talks"]).tolist() == [False, False]  # "no\x00talks" matches over the NUL: each alone
    assert _found(rx, ["no talks", "talks"]).tolist() == [True, False]  # twin: a match inside a window counts
