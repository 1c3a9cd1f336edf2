"""tag_themes (a partition at a time: :mod:`diplolib.themes.batch`) against the per-article path it replaced
(``tagging._tag_one``, kept as the reference): identical tables.

On the articles of every sample corpus, on random texts mixing ASCII and non-ASCII texts, Arabic proclitics,
elisions, NULs, hyphens and line breaks in several languages (with the exact path too), and across chunk
boundaries.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suite_cache import shipped_themes

import diplolib.themes.batch as batch
from conftest import comparison_slice
from diplolib import datasets
from diplolib.themes import tag_themes
from diplolib.themes.tagging import _tag, _tag_one, _tag_themes_exact


@lru_cache(maxsize=1)
def _themes():
    return shipped_themes()


def assert_same(articles: pd.DataFrame, *, exact: bool = False) -> pd.DataFrame:
    got = tag_themes(articles, dictionary=_themes())
    pd.testing.assert_frame_equal(got, _tag(articles, _themes(), None, _tag_one), check_exact=True)
    if exact:
        pd.testing.assert_frame_equal(got, _tag_themes_exact(articles, dictionary=_themes()), check_exact=True)
    return got


PIECES = ["truce", "ceasefire", "cease-fire", "cessez-le-feu", "civil war", "civil  war", "war crimes", "war on terror",
          "peace talks", "talks", "negotiations", "négociations", "U.N.", "Security Council", "Conseil de sécurité",
          "sanctions", "d'accord", "l’accord", "l'ONU", "élections", "refugees", "réfugiés", "بالهدنة", "والهدنة",
          "هدنة", "وقف إطلاق النار", "للأمم المتحدة", "الحرب الأهلية", "انتخابه", "fight against terrorism",
          "fighting terrorism", "state visit", "visite d'État", "chemical weapons", "sarin", "regime change",
          "Syrian Network for Human Rights", "human rights", "É", "ß", "\U0001d400", ". ", ", ", " ", "\n", "\n\n",
          "\x00", "-", "—", "’", "  ", "Mr. "]
articles_strategy = st.lists(
    st.tuples(st.lists(st.sampled_from(PIECES), max_size=16).map("".join), st.sampled_from(["en", "fr", "ar", "de"])),
    min_size=1, max_size=6)


def _frame(rows, ids=None) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ids or [f"a{i}" for i in range(len(rows))], "lang": [r[1] for r in rows],
                         "text": [r[0] for r in rows]})


@settings(max_examples=150, deadline=None)
@given(rows=articles_strategy)
def test_random_articles_same_hits(rows):
    assert_same(_frame(rows), exact=True)


@settings(max_examples=40, deadline=None)
@given(rows=articles_strategy, chunk=st.integers(1, 60))
def test_chunk_boundaries_same_hits(rows, chunk):
    old = batch.CHUNK_CHARS
    batch.CHUNK_CHARS = chunk
    try:
        assert_same(_frame(rows))
    finally:
        batch.CHUNK_CHARS = old


def test_untagged_rows_duplicate_ids_and_order():
    rows = [("A truce was agreed. Peace talks follow.", "en"), (None, "en"), ("", "fr"), ("hudna", None),
            ("Une trêve, puis des négociations à Genève.", "fr"), ("الهدنة ووقف إطلاق النار", "ar"),
            ("Waffenruhe", "de"), ("The ceasefire\x00held; war crimes were reported.", "en"),
            ("A truce was agreed. Peace talks follow.", "fr")]
    articles = _frame(rows, ids=["x", "y", "z", "w", "x", "v", "u", "t", "x"])
    got = assert_same(articles, exact=True)
    assert got["theme"].notna().sum() >= 6
    assert set(got.loc[got["theme"].isna(), "article_id"]) == {"y", "z", "w", "u"}
    texts = articles.set_index(articles.index)["text"]
    for r in got.dropna(subset=["theme"]).itertuples():
        matching = [t for t in texts if isinstance(t, str) and t[r.start:r.end] == r.surface]
        assert matching, r


CORPORA = [pytest.param(name, marks=pytest.mark.slow) if name in ("ungdc", "kremlin-en", "unpc-ar-fr-en") else name
           for name in datasets.RECIPES]


@pytest.mark.parametrize("name", CORPORA)
def test_every_sample_corpus_same_hits(name):
    if not datasets.is_fetched(name):
        pytest.skip(f"corpus {name} is not in data/raw (run 'make data')")
    articles, _ = datasets.load(name, fetch_missing=False)
    articles = comparison_slice(articles, name)
    got = assert_same(articles)
    assert len(got) > 0


@pytest.mark.parametrize("cue, lang, words", [
    ("civil war(s)", "en", "civil war"), ("war(s)", "en", ""), ("cease-fire", "en", ""),
    ("Syrian Network for Human Rights", "en", "syrian network for human rights"), ("peace ... talks", "en", ""), ("regime change", "en", "regime change"),
    ("هدنة", "ar", ""), ("cessez-le-feu", "fr", ""), ("[military|arms] package(s)", "en", ""),
])
def test_first_words_of_a_cue(cue, lang, words):
    """The words every match of a cue starts with, as the spaced form reads them (several words, or nothing)."""
    import re

    from diplolib.themes.cues import cue_pattern
    from diplolib.themes.prefilter import first_words

    pattern = cue_pattern(cue, lang)
    got = first_words(pattern)
    assert (got if " " in got else "") == words
    if words:  # every match, spaced and its runs of spaces made one, starts with them
        for text in (words.replace(" ", "  "), words.replace(" ", " - "), words.replace(" ", "\n")):
            m = re.compile(pattern).match(text)
            assert m is not None and re.sub(r"\s+", " ", re.sub(r"\W", " ", m.group())).startswith(words)


WORD_COUNT_CUES = [("war(s)", "en", 1), ("negotiat*", "en", 1), ("civil war(s)", "en", 2), ("cease-fire", "en", 0),
                   ("peace ... talks", "en", 0), ("هدنة", "ar", 1), ("cessez-le-feu", "fr", 0), ("u.n.", "en", 0),
                   ("mediat(e|es|ed|ion)", "en", 1), ("[military|arms] package(s)", "en", 2), ("انتخاب", "ar", 1),
                   ("وقف إطلاق النار", "ar", 3), ("[heads of state|summit]", "en", 0), ("war crime(s)", "en", 2),
                   ("Syrian Network for Human Rights", "en", 5)]


@pytest.mark.parametrize("cue, lang, expected", WORD_COUNT_CUES)
def test_word_count_of_a_cue(cue, lang, expected):
    """A cue of n whole words matches at a place after a non-word character exactly when it matches the stretch of
    the n words there with what stands between them (what the batch tagger decides once per distinct stretch):
    checked at every place of a text of its forms, separators of every kind and other punctuation between them."""
    import re

    from diplolib.themes.cues import cue_pattern
    from diplolib.themes.prefilter import one_word, word_count

    pattern = cue_pattern(cue, lang)
    assert word_count(pattern) == expected
    assert one_word(pattern) is (expected == 1)
    if expected:
        rx = re.compile(pattern)
        text = ("wars war-war warx _war négociations negotiate mediated mediator هدنة والهدنة هدنته انتخابه "
                "civil war civil  wars civil-war civil, war civil\nwar civil war_ military package arms - packages "
                "war crimes war—crimes وقف اطلاق النار ووقف  إطلاق النار syrian network for human rights civil \x00war "
                "2war war2 war_ war")
        word = re.compile(r"\w+")
        for p in range(len(text)):
            if p and re.match(r"\w", text[p - 1]):
                continue
            end, at = p, p
            for _ in range(expected):
                m = word.search(text, at)
                end = at = m.end() if m else len(text)
            m = rx.match(text, p)
            assert (m.span() if m else None) == ((p, end) if rx.fullmatch(text[p:end]) else None)
