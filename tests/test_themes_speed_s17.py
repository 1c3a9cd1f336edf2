"""Round 17's compiled phrase check of the batch theme tagger reads what ``JoinedTexts.starts_with`` reads.

``anchor_scan.starts_with`` (one compiled loop over the rows) against ``JoinedTexts.starts_with(..., rows=)`` (a
numpy pass per phrase column) on random texts, ASCII (one byte a code point) and not (four), phrases running past
the end of the text included; and with ``anchor_scan.COMPILED`` off (the twin) it is the numpy path itself.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplolib.themes import anchor_scan
from diplolib.themes.joined import JoinedTexts

pytest.importorskip("numba")

PHRASES = ["peace talks", "civil war", "war", "talks peace talks", "peace", "paix é", "حرب ا", "war war war war"]
WORDS = ["peace", "talks", "civil", "war", " ", "  ", ", ", "-", "é", "paix", "حرب", "ا", "\n"]


def _table() -> tuple[np.ndarray, np.ndarray]:
    table = np.zeros((len(PHRASES), max(map(len, PHRASES))), dtype=np.int64)
    for i, ph in enumerate(PHRASES):
        table[i, :len(ph)] = [ord(c) for c in ph]
    return table, np.array([len(ph) for ph in PHRASES], dtype=np.int64)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map("".join), min_size=1,
                      max_size=4), data=st.data())
def test_the_compiled_phrase_check_reads_what_starts_with_reads(texts, data):
    assert anchor_scan.compiled_available()
    joined = JoinedTexts(texts)
    words = np.flatnonzero(joined.word_mask())
    if not len(words):
        return
    table, lengths = _table()
    n = data.draw(st.integers(1, 30))
    p = words[np.array(data.draw(st.lists(st.integers(0, len(words) - 1), min_size=n, max_size=n)))]
    rows = np.array(data.draw(st.lists(st.integers(0, len(PHRASES) - 1), min_size=n, max_size=n)), dtype=np.int64)
    want = joined.starts_with(p, table, lengths[rows], rows=rows)
    assert anchor_scan.use_compiled(len(joined.match))
    assert anchor_scan.starts_with(joined, p, table, lengths[rows], rows).tolist() == want.tolist()


def test_a_phrase_found_a_phrase_past_the_end_and_the_numpy_twin(monkeypatch):
    joined = JoinedTexts(["the civil  war went on", "peace"])
    table, lengths = _table()
    p = np.array([joined.match.index("civil"), joined.match.index("war"), joined.at[1]], dtype=np.int64)
    rows = np.array([1, 7, 4], dtype=np.int64)  # "civil war" (two spaces read as one), "war war war war", "peace"
    got = anchor_scan.starts_with(joined, p, table, lengths[rows], rows)
    assert got.tolist() == [True, False, True]
    monkeypatch.setattr(anchor_scan, "COMPILED", False)  # twin: the numpy path, the same answers
    assert anchor_scan.starts_with(joined, p, table, lengths[rows], rows).tolist() == got.tolist()
