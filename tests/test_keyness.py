"""Tests of diplolib.themes.counts and diplolib.themes.keyterms (keyness between groups of articles)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chi2_contingency

from diplolib import paths
from diplolib.themes.counts import actor_sentences, theme_counts, word_counts
from diplolib.themes.keyterms import KEYNESS_COLUMNS, compare, keyness


def _counts(rows):
    return pd.DataFrame(rows, columns=["source", "term", "n"])


# group a: x 10, y 90 (N_a = 100); group b: x 5, y 195 (N_b = 200)
TINY = _counts([("a", "x", 10), ("a", "y", 90), ("b", "x", 5), ("b", "y", 195)])


def test_hand_computed_example():
    k = keyness(TINY, by="source", a="a", b="b", min_count=0).set_index("term")
    x = k.loc["x"]
    assert (x["n_a"], x["n_b"]) == (10, 5)
    assert x["freq_a"] == pytest.approx(10 / 100 * 10_000) and x["freq_b"] == pytest.approx(5 / 200 * 10_000)
    # 2x2 table [[10, 5], [90, 195]], N = 300; expected cells: x,a = 15*100/300 = 5; x,b = 10;
    # not-x,a = 285*100/300 = 95; not-x,b = 190.
    # G2 = 2 * (10 ln(10/5) + 5 ln(5/10) + 90 ln(90/95) + 195 ln(195/190))
    #    = 2 * (6.93147 - 3.46574 - 4.86605 + 5.06522) = 7.32981; x is relatively more frequent in a: +.
    assert x["g2"] == pytest.approx(7.329811674, rel=1e-8)
    assert x["p_value"] == pytest.approx(math.erfc(math.sqrt(7.329811674 / 2)), rel=1e-6)
    # Log Ratio: log2((10.5 / 100) / (5.5 / 200)) = log2(3.81818) = 1.93289
    assert x["log_ratio"] == pytest.approx(1.932885804, rel=1e-8)
    # prior 0.01 pooled: alpha_x = 0.01 * 15 = 0.15, alpha0 = 0.01 * 300 = 3
    # delta = ln(10.15 / (100 + 3 - 10 - 0.15)) - ln(5.15 / (200 + 3 - 5 - 0.15))
    #       = ln(10.15 / 92.85) - ln(5.15 / 197.85) = -2.213512 - (-3.648512) = 1.435001
    assert x["delta"] == pytest.approx(1.435000871, rel=1e-8)
    # sigma^2 = 1/10.15 + 1/92.85 + 1/5.15 + 1/197.85 = 0.308521; zeta = 1.435001 / sqrt(0.308521) = 2.583507
    assert x["zeta"] == pytest.approx(2.583506601, rel=1e-8)
    assert x["key_for"] == "a"
    # with two terms, y is the mirror image of x
    y = k.loc["y"]
    assert y["g2"] == pytest.approx(-7.329811674) and y["delta"] == pytest.approx(-1.435000871)
    assert y["key_for"] == "b"
    assert list(k.reset_index().columns) == KEYNESS_COLUMNS


def test_uniform_prior_by_hand():
    k = keyness(TINY, by="source", a="a", b="b", prior="uniform", min_count=0).set_index("term")
    # alpha_w = 0.01 for both terms, alpha0 = 0.02:
    # delta_x = ln(10.01 / (100.02 - 10.01)) - ln(5.01 / (200.02 - 5.01))
    expected = math.log(10.01 / 90.01) - math.log(5.01 / 195.01)
    assert k.loc["x", "delta"] == pytest.approx(expected, rel=1e-10)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 50), st.integers(0, 50), st.integers(1, 400), st.integers(1, 400))
def test_g2_matches_scipy(ya, yb, rest_a, rest_b):
    if ya + yb == 0:
        return
    counts = _counts([("a", "w", ya), ("a", "other", rest_a), ("b", "w", yb), ("b", "other", rest_b)])
    k = keyness(counts, by="source", a="a", b="b", min_count=0).set_index("term")
    g2, p, _, _ = chi2_contingency([[ya, yb], [rest_a, rest_b]], correction=False, lambda_="log-likelihood")
    assert abs(k.loc["w", "g2"]) == pytest.approx(g2, rel=1e-9, abs=1e-9)
    assert k.loc["w", "p_value"] == pytest.approx(p, rel=1e-7, abs=1e-12)
    assert np.sign(k.loc["w", "g2"]) in (0, np.sign(ya / (ya + rest_a) - yb / (yb + rest_b)) or 1)


SMALL = _counts([
    ("sana", "terrorists", 30), ("sana", "army", 20), ("sana", "said", 40), ("sana", "only_a", 8),
    ("reuters", "rebels", 25), ("reuters", "army", 10), ("reuters", "said", 60), ("reuters", "rare", 2),
    ("afp", "rebels", 5), ("afp", "said", 30), ("afp", "army", 3),
])


def test_swapping_a_and_b_negates_scores():
    ab = keyness(SMALL, by="source", a="sana", b="reuters", min_count=0).set_index("term").sort_index()
    ba = keyness(SMALL, by="source", a="reuters", b="sana", min_count=0).set_index("term").sort_index()
    for col in ("g2", "delta", "zeta", "log_ratio"):
        np.testing.assert_allclose(ab[col], -ba[col], rtol=1e-12)
    # key_for names a group, not a side: the same outlet stays key for the same terms
    assert (ab["key_for"] == ba["key_for"]).all()
    assert ((ab["zeta"] > 0) == (ab["key_for"] == "sana")).all() and ((ba["zeta"] > 0) == (ba["key_for"] == "reuters")).all()
    assert (ab["n_a"] == ba["n_b"]).all()
    np.testing.assert_allclose(ab["p_value"], ba["p_value"], rtol=1e-9)
    assert ab.attrs["groups"] == ("sana", "reuters") and ba.attrs["groups"] == ("reuters", "sana")


def test_term_only_in_a_is_key_for_a():
    k = keyness(SMALL, by="source", a="sana", b="reuters", min_count=0).set_index("term")
    row = k.loc["only_a"]
    assert row["n_b"] == 0 and row["g2"] > 0 and row["delta"] > 0 and row["zeta"] > 0
    assert row["key_for"] == "sana" and np.isfinite(row["zeta"])
    assert k.loc["rebels", "zeta"] < 0 and k.loc["rebels", "key_for"] == "reuters"


def test_sorted_by_abs_zeta_then_term():
    k = keyness(SMALL, by="source", a="sana", min_count=0)
    z = k["zeta"].abs().to_numpy()
    assert (np.diff(z) <= 1e-12).all()
    tie = _counts([("a", "q", 5), ("a", "p", 5), ("b", "q", 5), ("b", "p", 5)])
    assert keyness(tie, by="source", a="a", min_count=0)["term"].tolist() == ["p", "q"]


def test_b_none_is_every_other_group():
    rest = keyness(SMALL, by="source", a="sana", min_count=0)
    explicit = keyness(SMALL, by="source", a="sana", b=["reuters", "afp"], min_count=0, labels=("sana", "other"))
    pd.testing.assert_frame_equal(rest, explicit, check_like=False)
    assert rest.attrs["groups"] == ("sana", "other")
    assert rest.attrs["totals"] == (98.0, 135.0)
    pooled = keyness(SMALL, by="source", a=["sana", "afp"], b="reuters", min_count=0)
    assert pooled.attrs["groups"] == ("sana+afp", "reuters")
    assert pooled.set_index("term").loc["army", "n_a"] == 23


def test_min_count_filters_after_scoring():
    full = keyness(SMALL, by="source", a="sana", b="reuters", min_count=0).set_index("term")
    kept = keyness(SMALL, by="source", a="sana", b="reuters", min_count=10).set_index("term")
    assert set(full.index) == {"terrorists", "army", "said", "only_a", "rebels", "rare"}
    assert set(kept.index) == {"terrorists", "army", "said", "rebels"}
    pd.testing.assert_frame_equal(kept, full.loc[kept.index])


def test_total_column_is_the_group_size():
    with_total = SMALL.assign(total=SMALL.groupby("source")["n"].transform("sum") + 100)
    k = keyness(with_total, by="source", a="sana", b="reuters", min_count=0)
    assert k.attrs["totals"] == (198.0, 197.0)
    assert k.set_index("term").loc["said", "freq_a"] == pytest.approx(40 / 198 * 10_000)


def test_background_series_prior():
    pooled = SMALL[SMALL["source"].isin(["sana", "reuters"])].groupby("term")["n"].sum()
    a = keyness(SMALL, by="source", a="sana", b="reuters", min_count=0)
    b = keyness(SMALL, by="source", a="sana", b="reuters", min_count=0, prior=0.01 * pooled)
    np.testing.assert_allclose(a["zeta"], b["zeta"], rtol=1e-10)
    assert b.attrs["prior"] == "background"


def test_inputs_unchanged():
    before = SMALL.copy()
    keyness(SMALL, by="source", a="sana")
    pd.testing.assert_frame_equal(SMALL, before)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"a": "tass"}, "not found"),
        ({"a": "sana", "b": "sana"}, "both a and b"),
        ({"a": "sana", "b": "xinhua"}, "not found"),
        ({"a": "sana", "prior": -1.0}, "positive"),
        ({"a": "sana", "prior": "flat"}, "uniform"),
        ({"a": "sana", "feature": "sound"}, "feature"),
        ({"a": "sana", "by": "outlet"}, "by="),
    ],
)
def test_errors(kwargs, message):
    kwargs = {"by": "source", **kwargs}
    with pytest.raises(ValueError, match=message):
        keyness(SMALL, **kwargs)


def test_error_missing_columns_and_empty_group():
    with pytest.raises(ValueError, match="'term', 'n'"):
        keyness(SMALL.rename(columns={"n": "count"}), by="source", a="sana")
    empty = pd.concat([SMALL, _counts([("tass", "said", 0)])], ignore_index=True)
    with pytest.raises(ValueError, match=r"group a \(tass\) is empty"):
        keyness(empty, by="source", a="tass")


# ---------------------------------------------------------------- counting

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3", "a4"],
    "source": ["sana", "sana", "afp", "afp"],
    "lang": ["en", "en", "fr", "fr"],
    "title": ["t", "t", "t", "t"],
    "text": ["The terrorists fired rockets. The army said the terrorists fled.",
             "Terrorist groups were hit.",
             "Les rebelles ont été bombardés à Alep. Les rebelles ont fui.",
             ""],
})


def test_word_counts_per_language_stop_words():
    before = ARTICLES.copy()
    wc = word_counts(ARTICLES, by="source")
    pd.testing.assert_frame_equal(ARTICLES, before)
    assert list(wc.columns) == ["source", "term", "n", "total"]
    sana = wc[wc["source"] == "sana"].set_index("term")["n"]
    assert sana["terrorists"] == 2 and sana["terrorist"] == 1
    assert "the" not in sana.index and "were" not in sana.index  # English stop words
    afp = wc[wc["source"] == "afp"].set_index("term")["n"]
    assert afp["rebelles"] == 2 and "les" not in afp.index and "ont" not in afp.index  # French stop words
    assert wc.groupby("source")["total"].first().to_dict() == wc.groupby("source")["n"].sum().to_dict()
    assert wc.attrs["feature"] == "word"
    # sorted: group, then n descending, then term
    assert wc[wc["source"] == "sana"]["term"].iloc[0] == "terrorists"


def test_word_counts_options():
    no_stop = word_counts(ARTICLES, by="source", stop_words=False).set_index(["source", "term"])["n"]
    assert no_stop[("sana", "the")] == 3
    custom = word_counts(ARTICLES, by="source", stop_words=["Terrorists", "the"]).set_index(["source", "term"])
    assert ("sana", "terrorists") not in custom.index and ("sana", "army") in custom.index
    long = word_counts(ARTICLES, by="source", min_length=6)
    assert long["term"].str.len().min() >= 6
    lemmas = word_counts(ARTICLES, by="source", lemmatize=True).set_index(["source", "term"])["n"]
    assert lemmas[("sana", "terrorist")] == 3


def test_word_counts_language_without_stop_list():
    odd = ARTICLES.assign(lang=["en", "en", "fr", "xx"], text=ARTICLES["text"].where(ARTICLES["lang"] == "en", "bombes"))
    with pytest.raises(ValueError, match="unknown_lang='none'"):
        word_counts(odd, by="source")
    wc = word_counts(odd, by="source", unknown_lang="none")
    assert wc.set_index(["source", "term"]).loc[("afp", "bombes"), "n"] == 2
    with pytest.raises(ValueError, match="lang='en'"):
        word_counts(ARTICLES.drop(columns="lang"), by="source")
    assert len(word_counts(ARTICLES.drop(columns="lang"), by="source", lang="en")) > 0
    with pytest.raises(ValueError, match="outlet"):
        word_counts(ARTICLES, by="outlet")


HITS = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a2", "a3", "a4"],
    "theme": ["terrorism", "terrorism", "shelling", "terrorism", "clashes", pd.NA],
    "parent": ["terrorism_security", "terrorism_security", "conflict", "terrorism_security", "conflict", pd.NA],
    "reason": [pd.NA, pd.NA, pd.NA, pd.NA, pd.NA, "no text"],
})


def test_theme_counts_units():
    before = HITS.copy()
    hits = theme_counts(HITS, articles=ARTICLES, by="source").set_index(["source", "term"])
    pd.testing.assert_frame_equal(HITS, before)
    assert hits.loc[("sana", "terrorism"), "n"] == 3 and hits.loc[("sana", "terrorism"), "total"] == 4
    assert hits.loc[("afp", "clashes"), "total"] == 1
    arts = theme_counts(HITS, articles=ARTICLES, by="source", unit="article").set_index(["source", "term"])
    assert arts.loc[("sana", "terrorism"), "n"] == 2 and arts.loc[("sana", "terrorism"), "total"] == 2
    assert arts.loc[("afp", "clashes"), "total"] == 1  # a4 could not be tagged: not counted
    parents = theme_counts(HITS, articles=ARTICLES, by="source", level="parent").set_index(["source", "term"])
    assert parents.loc[("sana", "terrorism_security"), "n"] == 3 and parents.loc[("sana", "conflict"), "n"] == 1
    k = keyness(theme_counts(HITS, articles=ARTICLES, by="source"), by="source", a="sana", min_count=0)
    assert set(k["feature"]) == {"theme"}


# ---------------------------------------------------------------- actor sentences

TOY = pd.DataFrame({
    "article_id": ["a1", "a2", "a3"],
    "source": ["sana", "reuters", "reuters"],
    "lang": ["en", "en", "en"],
    "published": pd.to_datetime(["2017-03-01", "2017-03-02", "2017-03-03"], utc=True),
    "title": ["t1", "t2", "t3"],
    "text": ["The talks ended early. Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva. "
             "Terrorists shelled Aleppo.\n\nLavrov said Moscow would help.",
             "Rain fell. Nobody came. Lavrov spoke to reporters on Monday.",
             "Nothing about him."],
})
# sentences of a1: 0 "The talks ended early." 1 "Russian ... Geneva." 2 "Terrorists shelled Aleppo." 3 "Lavrov said ..."
LAVROV = "per:sergey_lavrov"
TOY_MENTIONS = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a1", "a2"],
    "actor_id": [LAVROV, LAVROV, "per:john_kerry", LAVROV, LAVROV],
    "start": [23, 48, 66, 116, 24],
    "end": [47, 61, 76, 122, 30],
    "surface": ["Russian Foreign Minister", "Sergei Lavrov", "John Kerry", "Lavrov", "Lavrov"],
    "sentence": [1, 1, 1, 3, 2],
    "paragraph": [0, 0, 0, 1, 0],
})


def test_actor_sentences_toy():
    before_a, before_m = TOY.copy(), TOY_MENTIONS.copy()
    out = actor_sentences(TOY, mentions=TOY_MENTIONS, actor=LAVROV, mask=False)
    pd.testing.assert_frame_equal(TOY, before_a)
    pd.testing.assert_frame_equal(TOY_MENTIONS, before_m)
    assert out[["article_id", "sentence"]].values.tolist() == [["a1", 1], ["a1", 3], ["a2", 2]]
    assert out["text"].tolist() == [
        "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva.",
        "Lavrov said Moscow would help.",
        "Lavrov spoke to reporters on Monday.",
    ]
    assert list(out.columns) == ["article_id", "source", "lang", "published", "title", "sentence", "start", "end",
                                 "text"]
    assert out["published"].dtype == TOY["published"].dtype
    for row in out.itertuples():
        body = TOY.set_index("article_id").loc[row.article_id, "text"]
        assert body[row.start:row.end] == row.text


def test_actor_sentences_mask_and_windows():
    masked = actor_sentences(TOY, mentions=TOY_MENTIONS, actor=LAVROV)
    first = masked["text"].iloc[0]
    assert "Lavrov" not in first and "Russian" not in first and "John Kerry" in first
    assert len(first) == masked["end"].iloc[0] - masked["start"].iloc[0]  # blanked, not removed
    wc = word_counts(masked, by="source", min_length=2)
    assert "lavrov" not in set(wc["term"]) and "kerry" in set(wc["term"])
    paras = actor_sentences(TOY, mentions=TOY_MENTIONS, actor=[LAVROV, "per:john_kerry"], window="paragraph", mask=False)
    assert paras[["article_id", "paragraph"]].values.tolist() == [["a1", 0], ["a1", 1], ["a2", 0]]
    assert paras["text"].iloc[0].startswith("The talks ended early.")


def test_actor_sentences_numbering_matches_tagger():
    from diplolib.actors import tag_actors

    mentions = tag_actors(TOY)
    out = actor_sentences(TOY, mentions=mentions, actor=LAVROV, mask=False)
    expected = mentions[mentions["actor_id"] == LAVROV][["article_id", "sentence"]].drop_duplicates()
    assert out[["article_id", "sentence"]].values.tolist() == expected.values.tolist()
    assert all("Lavrov" in t for t in out["text"])


def test_actor_sentences_errors():
    with pytest.raises(ValueError, match="per:sergey_lavrov"):
        actor_sentences(TOY, mentions=TOY_MENTIONS, actor="per:sergei_lavrov")
    with pytest.raises(ValueError, match="sentence"):
        actor_sentences(TOY, mentions=TOY_MENTIONS.drop(columns="sentence"), actor=LAVROV)
    shifted = TOY_MENTIONS.assign(start=TOY_MENTIONS["start"] + 1, end=TOY_MENTIONS["end"] + 1)
    with pytest.raises(ValueError, match="tag_actors"):
        actor_sentences(TOY, mentions=shifted, actor=LAVROV)


def test_compare_is_count_then_keyness():
    direct = keyness(word_counts(ARTICLES, by="source"), by="source", a="sana", min_count=0)
    pd.testing.assert_frame_equal(compare(ARTICLES, by="source", a="sana", min_count=0), direct)
    themes = compare(ARTICLES, by="source", a="sana", features="themes", theme_hits=HITS, min_count=0, unit="article")
    assert set(themes["feature"]) == {"theme"}
    around = compare(TOY, by="source", a="sana", actor=LAVROV, mentions=TOY_MENTIONS, min_count=0)
    assert "lavrov" not in set(around["term"]) and "geneva" in set(around["term"])
    toy_hits = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a2"], "theme": ["talks", "shelling", "talks", "aid"],
                             "sentence": [1, 2, 0, 2]})
    themed = compare(TOY, by="source", a="sana", features="themes", theme_hits=toy_hits, actor=LAVROV,
                     mentions=TOY_MENTIONS, min_count=0)
    # only hits in Lavrov sentences count: (a1, 1) talks and (a2, 2) aid; (a1, 2) and (a2, 0) do not
    assert sorted(themed[["term", "n_a", "n_b"]].values.tolist()) == [["aid", 0, 1], ["talks", 1, 0]]
    with pytest.raises(TypeError, match="unit"):
        compare(ARTICLES, by="source", a="sana", unit="article")


def test_compare_requires_the_tables_it_needs():
    """compare never tags with the built-in registry or dictionary behind the user's back."""
    with pytest.raises(ValueError, match="features='themes' needs theme_hits="):
        compare(ARTICLES, by="source", a="sana", features="themes")
    with pytest.raises(ValueError, match="actor='per:sergey_lavrov' needs mentions="):
        compare(TOY, by="source", a="sana", actor=LAVROV)
    with pytest.warns(DeprecationWarning, match="the hits= parameter is now theme_hits="):
        old = compare(ARTICLES, by="source", a="sana", features="themes", hits=HITS, min_count=0)
    pd.testing.assert_frame_equal(old, compare(ARTICLES, by="source", a="sana", features="themes", theme_hits=HITS,
                                               min_count=0))


# ---------------------------------------------------------------- real corpus


@pytest.fixture(scope="module")
def fakes():
    if not (paths.raw_dir("fa-kes") / ".diplolib-fetched.json").is_file():
        pytest.skip("fa-kes is not in data/raw (run 'make data')")
    from diplolib import datasets

    articles, _ = datasets.load("fa-kes")
    return articles


def test_fakes_sana_words(fakes):
    k = keyness(word_counts(fakes, by="source"), by="source", a="sana")
    assert (k["zeta"] > 0).any() and (k["zeta"] < 0).any()
    assert k.attrs["groups"] == ("sana", "other")
    top_sana = k[k["key_for"] == "sana"].head(10)["term"].tolist()
    assert "terrorist" in top_sana  # SANA's word for the armed opposition (zeta ~ 24)
    ranked = k.set_index("term")
    assert ranked.loc["terrorists", "zeta"] > 5
    # words SANA avoids: "regime", "rebel" and the (opposition-leaning) Syrian Observatory
    for word in ("regime", "rebel", "observatory"):
        assert ranked.loc[word, "key_for"] == "other" and ranked.loc[word, "zeta"] < -3


def test_fakes_sana_themes(fakes):
    from diplolib.themes import tag_themes

    hits = tag_themes(fakes)
    k = keyness(theme_counts(hits, articles=fakes, by="source"), by="source", a="sana")
    assert (k["zeta"] > 0).any() and (k["zeta"] < 0).any()
    ranked = k.set_index("term")
    assert ranked.loc["shelling", "key_for"] == "sana" and ranked.loc["airstrike", "key_for"] == "other"


def test_fakes_around_russia(fakes):
    from diplolib.actors import tag_actors

    mentions = tag_actors(fakes)
    sents = actor_sentences(fakes, mentions=mentions, actor="RUS")
    rus = mentions[mentions["actor_id"] == "RUS"]
    assert len(sents) == len(rus[["article_id", "sentence"]].drop_duplicates())
    plain = word_counts(actor_sentences(fakes, mentions=mentions, actor="RUS", mask=False), by="source")
    masked = word_counts(sents, by="source")
    # "Russian"/"Russia" are mentions of RUS: masking removes all but a few (inside other actors' names)
    n_plain = plain.loc[plain["term"] == "russian", "n"].sum()
    n_masked = masked.loc[masked["term"] == "russian", "n"].sum()
    assert n_plain > 200 and n_masked < 0.1 * n_plain
    k = keyness(masked, by="source", a="sana", min_count=3)
    assert len(k) > 0 and set(k["key_for"].dropna()) <= {"sana", "other"}
