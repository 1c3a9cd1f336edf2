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

import diplolib.themes.batch as batch
from diplolib import datasets
from diplolib.themes import load_themes, tag_themes
from diplolib.themes.tagging import _tag, _tag_one, _tag_themes_exact


@lru_cache(maxsize=1)
def _themes():
    return load_themes()


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


ONE_WORD_CUES = [("war(s)", "en", True), ("negotiat*", "en", True), ("civil war(s)", "en", False),
                 ("cease-fire", "en", False), ("peace ... talks", "en", False), ("هدنة", "ar", True),
                 ("cessez-le-feu", "fr", False), ("u.n.", "en", False), ("mediat(e|es|ed|ion)", "en", True),
                 ("[military|arms] package(s)", "en", False), ("انتخاب", "ar", True)]


@pytest.mark.parametrize("cue, lang, expected", ONE_WORD_CUES)
def test_one_word_cue(cue, lang, expected):
    """A one-word cue matches at a place after a non-word character exactly when it matches the whole word
    there (what the batch tagger decides once per distinct word): checked at every place of a text of its forms."""
    import re

    from diplolib.themes.cues import cue_pattern
    from diplolib.themes.prefilter import one_word

    pattern = cue_pattern(cue, lang)
    assert one_word(pattern) is expected
    if expected:
        rx = re.compile(pattern)
        text = "wars war-war warx _war négociations negotiations negotiate mediated mediator هدنة والهدنة هدنته " \
               "انتخابه الانتخاب انتخابات 2war war2 war_ war"
        for p in range(len(text)):
            if p and re.match(r"\w", text[p - 1]):
                continue
            end = re.compile(r"\w*").match(text, p).end()
            m = rx.match(text, p)
            assert (m.span() if m else None) == ((p, end) if rx.fullmatch(text[p:end]) else None)
