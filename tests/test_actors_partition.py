"""tag_actors (a partition at a time, as columns) against the per-article reference path: identical tables.

On the articles of every sample corpus, on random texts built from the pieces the rules look at (aliases that
overlap, case-sensitive aliases, months, role phrases, counterparts, coordinated demonyms, Arabic proclitics,
"-based", capitals in instrument names, NULs and line breaks), and across chunk boundaries.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib.actors.tagger as tagger_mod
from conftest import comparison_slice
from diplolib import datasets
from diplolib.actors import hit_columns
from diplolib.actors.matcher import ActorMatcher
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.partition import scan_partition
from diplolib.actors.reference import tag_actors_reference
from diplolib.actors.tagger import tag_actors


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def assert_same(articles: pd.DataFrame, matcher: ActorMatcher) -> pd.DataFrame:
    got = tag_actors(articles, registry=matcher)
    pd.testing.assert_frame_equal(got, tag_actors_reference(articles, matcher), check_exact=True)
    return got


PIECES = ["United States", "the United", "States", "US", "us", "UN", "WHO", "who", "May", "May 2015", "in May",
          "Paris", "à Paris", "in Geneva", "Stockholm Convention", "Plateforme d'action de Beijing", "Britain-based",
          "UK based", "President", "the President", "Barack Obama", "Obama", "Assad", "Bashar al-Assad",
          "Jordan", "Washington", "the Russian and Turkish presidents", "les présidents russe et turc",
          "son homologue américain", "his American counterpart", "Sergueï Lavrov", "le chef de la diplomatie russe",
          "The Russian Foreign Minister", "وروسيا", "للأمم المتحدة", "الرئيس بشار الأسد", "جاك هولاند", "Daech",
          "l’EI", "ISIL", "Straße", "É", ". ", ", ", " and ", " et ", " ", "\n\n", "\n", "\x00", "-", "'", "Mr. "]
articles_strategy = st.lists(
    st.tuples(st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
              st.sampled_from([None, "2009-03-01", "2012-06-15", "2016-02-12", "2023-05-01"]),
              st.sampled_from([None, "whitehouse", "kremlin", "sana"])),
    min_size=1, max_size=6)


def _frame(rows) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(rows))], "text": [r[0] for r in rows],
                         "published": pd.to_datetime([r[1] for r in rows], utc=True),
                         "source": [r[2] for r in rows]})


@settings(max_examples=150, deadline=None)
@given(rows=articles_strategy)
def test_random_articles_same_mentions(matcher, rows):
    assert_same(_frame(rows), matcher)


def test_chunks_empty_texts_and_scan(matcher, monkeypatch):
    monkeypatch.setattr(tagger_mod, "CHUNK_CHARS", 40)  # one or two texts per chunk
    rows = [("Barack Obama met the President in Washington.", "2012-06-15", "whitehouse"), (None, None, None),
            ("", None, None), ("وروسيا و للأمم المتحدة", "2016-02-12", None), ("x" * 100, None, None),
            ("the Russian and Turkish presidents met in May 2015; May said", "2016-02-12", None),
            ("son homologue américain, Sergueï Lavrov", "2016-02-12", "kremlin")]
    articles = _frame(rows)
    got = assert_same(articles, matcher)
    assert {"a0", "a3", "a5", "a6"} <= set(got["article_id"])
    assert (got["surface"] == [articles.loc[int(a[1:]), "text"][s:e] for a, s, e in
                               zip(got["article_id"], got["start"], got["end"], strict=True)]).all()
    texts = [t for t, *_ in rows if t]
    pos, start, end, kid = scan_partition(matcher, texts)
    expected = [(p, s, e, k) for p, t in enumerate(texts) for s, e, k in matcher.scan(t)]
    assert list(zip(pos.tolist(), start.tolist(), end.tolist(), np.array(matcher.key_names)[kid].tolist(),
                    strict=True)) == expected
    assert tag_actors(articles.head(0), registry=matcher).columns.tolist() == got.columns.tolist()


def test_arrow_text_column_taken_a_chunk_at_a_time(matcher, monkeypatch):
    """An Arrow-backed text column becomes Python strings one chunk at a time: the same mentions as from a list."""
    monkeypatch.setattr(tagger_mod, "CHUNK_CHARS", 40)
    rows = [("Barack Obama met the President in Washington.", "2012-06-15", "whitehouse"), (None, None, None),
            ("", None, None), ("وروسيا و للأمم المتحدة", "2016-02-12", None), ("\U0001d400 Assad in Paris", None, None),
            ("the Russian and Turkish presidents met in May 2015; May said", "2016-02-12", None)]
    articles = _frame(rows)
    as_list = tag_actors(articles.assign(text=articles["text"].astype(object)), registry=matcher)
    assert len(as_list) >= 5
    for dtype in ("string", "str", pd.StringDtype("pyarrow")):
        got = assert_same(articles.assign(text=articles["text"].astype(dtype)), matcher)
        pd.testing.assert_frame_equal(got, as_list, check_exact=True)


CORPORA = [pytest.param(name, marks=pytest.mark.slow) if name in ("ungdc", "kremlin-en") else name
           for name in datasets.RECIPES]


@pytest.mark.parametrize("name", CORPORA)
def test_every_sample_corpus_same_mentions(matcher, name):
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    articles, _ = datasets.load(name, fetch_missing=False)
    articles = comparison_slice(articles, name)
    got = assert_same(articles, matcher)
    assert len(got) > 0 or articles["text"].dropna().str.len().sum() == 0


@settings(max_examples=80, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(PIECES + ["de ", "du ", "d'", "d’", "Convention", " Convention",
                                                          "-Protocol", "اتفاقية ", "x", "ɐ", "\U0001d400"]),
                               max_size=10).map("".join), min_size=1, max_size=4))
def test_in_a_name_candidates_hold_every_true_case(matcher, texts):
    """The vectorised pre-test of _in_a_name never drops a position where the method says "in a name"."""
    pos, start, end = (np.array(c, dtype=np.int64) for c in zip(*[(p, s, e) for p, t in enumerate(texts)
                                                                   for s in range(len(t) + 1)
                                                                   for e in range(s, min(len(t), s + 12) + 1)],
                                                                 strict=True)) \
        if any(texts) else (np.zeros(0, dtype=np.int64),) * 3
    maybe = tagger_mod._maybe_in_a_name(texts, pos, start, end)
    truth = np.array([matcher._in_a_name(texts[p], s, e) for p, s, e in zip(pos.tolist(), start.tolist(),
                                                                           end.tolist(), strict=True)], dtype=bool)
    assert not (truth & ~maybe).any()


def test_in_a_name_candidates_on_instrument_names(matcher):
    texts = ["the Stockholm Convention", "Plateforme d'action de Beijing", "اتفاقية استكهولم", "talks in Geneva"]
    spans = [(0, 4, 13), (1, 23, 30), (2, 8, 16), (3, 9, 15)]
    pos, start, end = (np.array(c, dtype=np.int64) for c in zip(*spans, strict=True))
    truth = [matcher._in_a_name(texts[p], s, e) for p, s, e in spans]
    assert truth == [True, True, True, False]
    assert tagger_mod._maybe_in_a_name(texts, pos, start, end).tolist() == [True, True, True, False]


_PLACE_PIECES = ["in ", "In  ", "a ", "à ", "au ", "aux ", "to\t", "near ", "outside ", "via ", "main ", "again ",
                 "(", "( ", "في ", "الي ", "ب", "\xa0", "_in ", "1in ", "l'", "d’", "`", "Geneva", "x", "é",
                 "e\u0301", "İ", "ß", "\U0001d400", " ", "\x1c", ", 9 May", "Vienna, 9", "\n"]


@settings(max_examples=120, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(_PLACE_PIECES), max_size=12).map("".join), min_size=1, max_size=4))
def test_place_candidates_hold_every_true_case(matcher, texts):
    """The vectorised pre-test of as_place never drops a position where the method reads a place."""
    from diplolib.actors.pretests import ChunkCodes, maybe_place

    spans = [(p, s, e) for p, t in enumerate(texts) for s in range(len(t) + 1) for e in range(s, min(len(t), s + 6) + 1)]
    pos, start, end = (np.array(c, dtype=np.int64) for c in zip(*spans, strict=True))
    maybe = maybe_place(ChunkCodes(texts), pos, start)
    truth = np.array([matcher.as_place(texts[p], s, e) for p, s, e in spans], dtype=bool)
    assert not (truth & ~maybe).any()


def test_place_candidates_skip_most_capitals(matcher):
    """The pre-test answers for the usual cases itself: a capital after an article or a verb is not asked."""
    from diplolib.actors.pretests import ChunkCodes, maybe_place

    texts = ["talks in Geneva", "the Damascus government", "said Baghdad", "a Bagdad", "held in the capital, Kabul",
             "xyz again Moscow"]
    spans = [(0, 9, 15), (1, 4, 12), (2, 5, 12), (3, 2, 8), (4, 21, 26), (5, 10, 16)]
    pos, start, _ = (np.array(c, dtype=np.int64) for c in zip(*spans, strict=True))
    assert maybe_place(ChunkCodes(texts), pos, start).tolist() == [True, False, False, True, False, False]
    assert [matcher.as_place(texts[p], s, e) for p, s, e in spans] == [True, False, False, True, False, False]


@settings(max_examples=80, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(["-based", " based", " BASED", "-Based", "based", " base", "-", " ",
                                                "Syria", "İ", "\U0001d400", "x", "on", "On", "upon", "UPON", "up",
                                                "\n", "\u00a0", "\x00", "2", "_", "é", "\U00010400"]),
                              max_size=8).map("".join), min_size=1, max_size=4))
def test_based_after_is_the_rule(texts):
    """The vectorised "-based" test gives :func:`rules.based_place`'s answer at every offset ("based on" and
    "based upon" followed by a letter, a digit, "_", a NUL, a no-break space, a character beyond the BMP)."""
    from diplolib.actors.pretests import ChunkCodes, based_after
    from diplolib.actors.rules import based_place

    spans = [(p, e) for p, t in enumerate(texts) for e in range(len(t) + 1)]
    pos, end = (np.array(c, dtype=np.int64) for c in zip(*spans, strict=True))
    got = based_after(ChunkCodes(texts), pos, end)
    assert got.tolist() == [based_place(texts[p], e) for p, e in spans]


def test_based_on_is_not_a_place_but_based_in_and_hyphen_are():
    from diplolib.actors.pretests import ChunkCodes, based_after
    from diplolib.actors.rules import based_place

    texts = ["Armenia based on the", "X based upon", "UK based NGOs", "UK-based on", "UK based onion", "UK based\non"]
    truth = [False, False, True, True, True, False]
    ends = [7, 1, 2, 2, 2, 2]
    assert [based_place(t, e) for t, e in zip(texts, ends, strict=True)] == truth
    got = based_after(ChunkCodes(texts), np.arange(len(texts)), np.array(ends, dtype=np.int64))
    assert got.tolist() == truth


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(alphabet=st.sampled_from(list("aZ é\x00\n’ب𝕏\U0001F600ß")), max_size=12), min_size=1,
                      max_size=5), data=st.data())
def test_surfaces_from_the_code_points_are_the_slices(texts, data):
    """The surfaces column built from the chunk's code points (1- to 4-byte UTF-8, empty spans, NULs) holds the
    slices ``text[start:end]``; a lone surrogate gives None (the caller then slices)."""
    spans = []
    for p, t in enumerate(texts):
        for _ in range(data.draw(st.integers(0, 3))):
            s = data.draw(st.integers(0, len(t)))
            spans.append((p, s, data.draw(st.integers(s, len(t)))))
    pos, start, end = (np.array([x[k] for x in spans], dtype=np.int64) for k in range(3))
    got = hit_columns.surfaces(texts, pos, start, end)
    assert got.to_pylist() == [texts[p][s:e] for p, s, e in spans]
    assert hit_columns.surfaces(["ab\ud800c"], np.array([0]), np.array([1]), np.array([3])) is None
