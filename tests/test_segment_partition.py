"""segment_spans / locate_spans (a whole partition in one pass) against the per-article functions of diplolib.segment.

The offsets must be identical: on the articles of every sample corpus and on random texts built from the
characters the rules look at (terminators, quotes, abbreviations, line breaks, exotic whitespace, Arabic).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib.segment as segment_mod
from conftest import comparison_slice
from diplolib import datasets
from diplolib.segment import locate, locate_spans, paragraph_spans, segment_spans, sentence_spans

CUT = {"sentence": sentence_spans, "paragraph": paragraph_spans}


def per_text(texts, unit: str) -> pd.DataFrame:
    rows = [(k, i, s, e) for k, t in enumerate(texts) for i, (s, e) in enumerate(CUT[unit](t if isinstance(t, str)
                                                                                            else ""))]
    return pd.DataFrame(rows, columns=["position", unit, "start", "end"]).astype("int64")


def assert_same_spans(texts, unit: str) -> pd.DataFrame:
    got = segment_spans(texts, unit=unit)
    pd.testing.assert_frame_equal(got, per_text(texts, unit), check_exact=True)
    return got


PIECES = ["Mr", "M", "U.S", "e.g", "No", "Gen", "word", "Damas", "x" * 20, "A", "9", "السلام", "«", "»", "“", "”",
          "'", '"', "(", ")", "[", ".", "...", "…", "!", "?", "؟", " ", "  ", "\n", "\n\n", " \n \n ", "\t", "\xa0",
          "\u2028", "\u3000", "\x00", "\x1c"]
texts_strategy = st.lists(st.lists(st.sampled_from(PIECES), max_size=25).map("".join), max_size=8)


@settings(max_examples=300, deadline=None)
@given(texts=texts_strategy)
def test_random_texts_same_spans(texts):
    for unit in CUT:
        assert_same_spans(texts, unit)


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.text(max_size=40), max_size=6))
def test_any_text_same_spans(texts):
    for unit in CUT:
        assert_same_spans(texts, unit)


def test_chunks_non_strings_and_locate(monkeypatch):
    monkeypatch.setattr(segment_mod, "_CHUNK_CHARS", 30)  # a few texts per joined chunk
    texts = ["Mr. Smith went to Washington. He met Gen. Jones!\n\nThen U.S. troops left… «Yes.» No?",
             None, "", "   ", "One line\nTwo line. Three", "ما هذا؟ هذا كتاب. نعم", float("nan"),
             "A" * 70 + ". End.\n\n\n  Last  \n",
             "its agencies. '", "Next text. «", "Quoted start", "ends with a break\n\n", "\n\nStarts with one."]
    for unit in CUT:
        spans = assert_same_spans(texts, unit)
        rng = np.random.default_rng(0)
        position = rng.integers(0, len(texts), 300)
        offset = rng.integers(0, 90, 300)
        expected = [locate([o], CUT[unit](t if isinstance(t := texts[p], str) else ""))[0]
                    for p, o in zip(position, offset, strict=True)]
        np.testing.assert_array_equal(locate_spans(spans, position=position, offset=offset), expected)
    assert segment_spans([]).empty and list(segment_spans([])) == ["position", "sentence", "start", "end"]
    with pytest.raises(ValueError, match="unit="):
        segment_spans(["x"], unit="word")


def test_whitespace_table_is_complete():
    """Every code point str.isspace() accepts is in the table (all lie below U+3001)."""
    full = [c for c in range(0x110000) if chr(c).isspace()]
    assert full == segment_mod._WHITESPACE.tolist()


CORPORA = [pytest.param(name, marks=pytest.mark.slow) if name in ("ungdc", "kremlin-en") else name
           for name in datasets.RECIPES]


@pytest.mark.parametrize("name", CORPORA)
def test_every_sample_corpus_same_spans(name):
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    articles, _ = datasets.load(name, fetch_missing=False)
    texts = comparison_slice(articles, name)["text"]
    assert len(texts) > 0
    for unit in CUT:
        spans = assert_same_spans(texts, unit)
        assert len(spans) >= len(texts.dropna()) // 2


@settings(max_examples=300, deadline=None)
@given(texts=texts_strategy)
def test_terminator_runs_are_the_regex_matches(texts):
    """The vectorised sentence ends are ``_END.finditer`` on the joined texts, separators included."""
    joined = segment_mod._SEP_SENTENCE.join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    expected = [m.span() for m in segment_mod._END.finditer(joined)]
    assert segment_mod._terminator_runs(joined, cp).tolist() == [list(x) for x in expected]
