"""Theme prevalence by group and period, and the theme × actor cross-tabulation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from suite_cache import shipped_themes

from diplolib import datasets, paths
from diplolib.themes.crosstab import theme_actor_crosstab
from diplolib.themes.prevalence import theme_prevalence

UTC = "UTC"
HIT_COLS = ["article_id", "lang", "theme", "parent", "start", "end", "surface", "sentence", "cue", "reason"]


def _ts(s):
    return pd.Timestamp(s, tz=UTC)


TEXTS = {
    "a1": "Talks began.\n\nBombs fell. Quiet day.",  # 3 sentences, 2 paragraphs
    "a2": "Nothing here.",  # tagged, no hit: a true zero
    "a3": "Talks again. More talks.",  # 2 sentences, 1 paragraph
    "a4": "Texte sans indices.",  # language without cues: untagged
    "a5": "Talks.",  # no date
}


@pytest.fixture
def articles():
    return pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4", "a5"],
        "source": ["X", "X", "Y", "Y", "Y"],
        "lang": ["en", "en", "en", "xx", "en"],
        "published": pd.to_datetime(["2020-01-15", "2020-02-10", "2020-01-20", "2020-04-01", None], utc=True),
        "text": [TEXTS[k] for k in ("a1", "a2", "a3", "a4", "a5")],
    })


def _hit(aid, theme, parent, sentence, surface):
    start = TEXTS[aid].find(surface)
    return {"article_id": aid, "lang": "en", "theme": theme, "parent": parent, "start": start,
            "end": start + len(surface), "surface": surface, "sentence": sentence, "cue": surface.lower(),
            "reason": pd.NA}


@pytest.fixture
def hits():
    rows = [
        _hit("a1", "talks", "diplomacy", 0, "Talks"),
        _hit("a1", "airstrike", "conflict", 1, "Bombs"),
        _hit("a1", "shelling", "conflict", 1, "fell"),  # same sentence, same parent as airstrike
        _hit("a3", "talks", "diplomacy", 0, "Talks"),
        _hit("a3", "talks", "diplomacy", 1, "talks"),
        {**dict.fromkeys(HIT_COLS, pd.NA), "article_id": "a4", "lang": "xx",
         "reason": "no cues for language 'xx' in the theme dictionary"},
        _hit("a5", "talks", "diplomacy", 0, "Talks"),
    ]
    out = pd.DataFrame(rows, columns=HIT_COLS)
    for c in ("start", "end", "sentence"):
        out[c] = out[c].astype("Int64")
    for c in ("lang", "theme", "parent", "surface", "cue", "reason"):
        out[c] = out[c].astype("string")
    return out


@pytest.fixture
def mentions():
    # spans do not overlap the hits' spans (see _hit), except where a test adds one on purpose
    rows = [("a1", "SYR", 0, 0, 6, 11), ("a1", "RUS", 1, 1, 24, 25), ("a1", "SYR", 1, 1, 19, 20),
            ("a2", "SYR", 0, 0, 0, 7), ("a3", "RUS", 0, 0, 6, 11), ("a3", None, 1, 0, 13, 17)]
    out = pd.DataFrame(rows, columns=["article_id", "actor_id", "sentence", "paragraph", "start", "end"])
    out["actor_id"] = out["actor_id"].astype("string")
    return out


def _row(df, **keys):
    mask = np.ones(len(df), dtype=bool)
    for k, v in keys.items():
        mask &= (df[k] == v).to_numpy()
    assert mask.sum() == 1, f"expected one row for {keys}, got {mask.sum()}"
    return df[mask].iloc[0]


# ------------------------------------------------------------------ prevalence


def test_prevalence_by_source_shares_zeros_and_untagged(hits, articles):
    p = theme_prevalence(hits, articles=articles, by="source")
    assert list(p.columns) == ["source", "theme", "parent", "n", "n_units", "share", "n_untagged"]
    assert len(p) == 2 * 3  # every source × theme, zeros included
    assert list(p["theme"][:3]) == ["airstrike", "shelling", "talks"]
    x_talks = _row(p, source="X", theme="talks")
    assert (x_talks["n"], x_talks["n_units"], x_talks["n_untagged"]) == (1, 2, 0)
    assert x_talks["share"] == pytest.approx(0.5)
    y_talks = _row(p, source="Y", theme="talks")
    assert (y_talks["n"], y_talks["n_units"], y_talks["n_untagged"]) == (2, 2, 1)  # a4 apart, a5 counts
    assert y_talks["share"] == pytest.approx(1.0)
    y_air = _row(p, source="Y", theme="airstrike")
    assert y_air["n"] == 0 and y_air["share"] == 0.0  # a true zero row, present
    assert _row(p, source="X", theme="airstrike")["parent"] == "conflict"
    assert p.attrs["unit"] == "article" and p.attrs["undated"] == 0


def test_prevalence_whole_corpus(hits, articles):
    p = theme_prevalence(hits, articles=articles, by=None)
    assert list(p.columns) == ["theme", "parent", "n", "n_units", "share", "n_untagged"]
    talks = _row(p, theme="talks")
    assert (talks["n"], talks["n_units"], talks["n_untagged"]) == (3, 4, 1)


def test_prevalence_sentence_unit(hits, articles):
    p = theme_prevalence(hits, articles=articles, by="source", unit="sentence")
    y_talks = _row(p, source="Y", theme="talks")
    assert (y_talks["n"], y_talks["n_units"]) == (3, 3)  # a3: 2 sentences, a5: 1; a4 untagged not counted
    x_shell = _row(p, source="X", theme="shelling")
    assert (x_shell["n"], x_shell["n_units"]) == (1, 4)  # a1: 3 sentences, a2: 1
    assert x_shell["share"] == pytest.approx(0.25)
    assert _row(p, source="Y", theme="talks")["n_untagged"] == 1  # untagged still counts articles


def test_prevalence_sentence_counts_from_column(hits, articles):
    with_counts = articles.drop(columns="text").assign(n_sentences=[3, 1, 2, 1, 1])
    a = theme_prevalence(hits, articles=with_counts, by="source", unit="sentence")
    b = theme_prevalence(hits, articles=articles, by="source", unit="sentence")
    pd.testing.assert_frame_equal(a, b)


def test_prevalence_parent_counts_a_unit_once(hits, articles):
    p = theme_prevalence(hits, articles=articles, by="source", level="parent")
    assert set(p["theme"]) == {"diplomacy", "conflict"}
    assert p["parent"].isna().all()
    x_conf = _row(p, source="X", theme="conflict")
    assert (x_conf["n"], x_conf["n_units"]) == (1, 2)  # a1 has airstrike and shelling: one article
    s = theme_prevalence(hits, articles=articles, by="source", level="parent", unit="sentence")
    assert _row(s, source="X", theme="conflict")["n"] == 1  # one sentence holds both leaves
    assert _row(s, source="Y", theme="diplomacy")["n"] == 3


def test_prevalence_by_month_drops_undated_and_keeps_untagged_groups(hits, articles):
    p = theme_prevalence(hits, articles=articles, by=None, period="M")
    assert p.attrs["undated"] == 1  # a5
    assert list(p["period"].drop_duplicates()) == ["2020-01", "2020-02", "2020-04"]
    jan = _row(p, period="2020-01", theme="talks")
    assert (jan["n"], jan["n_units"]) == (2, 2)
    feb = _row(p, period="2020-02", theme="talks")
    assert (feb["n"], feb["n_units"], feb["share"]) == (0, 1, 0.0)
    apr = _row(p, period="2020-04", theme="talks")
    assert (apr["n_units"], apr["n_untagged"]) == (0, 1)
    assert pd.isna(apr["share"])  # nothing tagged: unknown, not zero
    assert str(p["period"].dtype) == "string"  # the grammar's period labels


@pytest.mark.parametrize("period, label", [("Y", "2020"), ("Q", "2020Q1"), ("M", "2020-01"), ("D", "2020-01-15"),
                                           ("W", "2020-01-13/2020-01-19")])
def test_prevalence_period_labels(hits, articles, period, label):
    p = theme_prevalence(hits, articles=articles.iloc[:1], by="source", period=period)
    assert set(p["period"]) == {label}  # 2020-01-15 is a Wednesday: its week runs Monday 13th to Sunday 19th


def test_prevalence_period_cut_in_the_stored_time_zone(hits, articles):
    """23:30 on 31 January in Damascus is 21:30 UTC: January either way; 00:30 on 1 February is 22:30 UTC on
    31 January, a UTC rule would put it in January."""
    stamps = pd.to_datetime(["2020-01-31 23:30", "2020-02-01 00:30"]).tz_localize("Asia/Damascus")
    two = articles.iloc[:2].assign(published=stamps)
    p = theme_prevalence(hits, articles=two, by=None, period="M")
    assert set(p["period"]) == {"2020-01", "2020-02"}
    assert set(theme_prevalence(hits, articles=two.assign(published=stamps.tz_convert("UTC")), by=None,
                                period="M")["period"]) == {"2020-01"}


def test_prevalence_with_dictionary_lists_every_theme(hits, articles):
    d = shipped_themes()
    p = theme_prevalence(hits, articles=articles, by="source", dictionary=d)
    n_themes = p["theme"].nunique()
    assert n_themes > 10 and len(p) == 2 * n_themes
    assert _row(p, source="X", theme="talks")["n"] == 1


def test_prevalence_inputs_unchanged(hits, articles):
    h0, a0 = hits.copy(), articles.copy()
    theme_prevalence(hits, articles=articles, by="source", period="M", unit="sentence", level="parent")
    pd.testing.assert_frame_equal(hits, h0)
    pd.testing.assert_frame_equal(articles, a0)


def test_prevalence_deterministic(hits, articles):
    a = theme_prevalence(hits.iloc[::-1], articles=articles.iloc[::-1], by="source")
    b = theme_prevalence(hits, articles=articles, by="source")
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("kwargs, match", [
    ({"unit": "paragraph"}, "unit='paragraph'"),
    ({"period": "quarter"}, "period='quarter'"),
    ({"level": "leaf"}, "level='leaf'"),
    ({"by": "outlet"}, r"\['outlet'\]"),
    ({"by": "theme"}, "reserved"),
])
def test_prevalence_bad_options(hits, articles, kwargs, match):
    with pytest.raises(ValueError, match=match):
        theme_prevalence(hits, articles=articles, **kwargs)


def test_prevalence_missing_columns(hits, articles):
    with pytest.raises(ValueError, match="published"):
        theme_prevalence(hits, articles=articles.drop(columns="published"), period="M")
    with pytest.raises(ValueError, match="text"):
        theme_prevalence(hits, articles=articles.drop(columns="text"), unit="sentence")
    with pytest.raises(ValueError, match="parent"):
        theme_prevalence(hits.drop(columns="parent"), articles=articles)
    with pytest.raises(ValueError, match="drop_duplicates"):
        theme_prevalence(hits, articles=pd.concat([articles, articles.iloc[:1]]))
    with pytest.raises(TypeError, match="DataFrame"):
        theme_prevalence(hits, articles=articles.to_dict())


# ------------------------------------------------------------------ theme × actor


def test_crosstab_sentence_windows_from_annotations(hits, articles, mentions):
    c = theme_actor_crosstab(hits[hits["article_id"] != "a5"], mentions=mentions)
    assert list(c.columns) == ["theme", "actor_id", "n", "n_theme", "n_actor", "n_windows", "share_of_actor",
                               "lift", "npmi"]
    assert list(zip(c["theme"], c["actor_id"], strict=True)) == [
        ("airstrike", "RUS"), ("airstrike", "SYR"), ("shelling", "RUS"), ("shelling", "SYR"),
        ("talks", "RUS"), ("talks", "SYR")]
    assert c.attrs["windows_from"] == "annotations"
    assert set(c["n_windows"]) == {5}  # a1s0, a1s1, a2s0, a3s0, a3s1
    ts = _row(c, theme="talks", actor_id="SYR")
    assert (ts["n"], ts["n_theme"], ts["n_actor"]) == (1, 3, 3)
    assert ts["share_of_actor"] == pytest.approx(1 / 3)
    assert ts["lift"] == pytest.approx(1 * 5 / (3 * 3))
    assert -1 <= ts["npmi"] <= 1
    assert _row(c, theme="shelling", actor_id="SYR")["n"] == 1  # a1 sentence 1: SYR with airstrike and shelling


def test_crosstab_windows_from_articles(hits, articles, mentions):
    c = theme_actor_crosstab(hits, mentions=mentions, articles=articles.iloc[:3])
    assert c.attrs["windows_from"] == "articles"
    assert set(c["n_windows"]) == {6}  # 3 + 1 + 2 sentences
    assert _row(c, theme="talks", actor_id="RUS")["lift"] == pytest.approx(1 * 6 / (3 * 2))


def test_crosstab_article_and_paragraph(hits, articles, mentions):
    art = theme_actor_crosstab(hits, mentions=mentions, window="article", articles=articles.iloc[:3])
    assert set(art["n_windows"]) == {3}
    tr = _row(art, theme="talks", actor_id="RUS")
    assert (tr["n"], tr["n_theme"], tr["n_actor"]) == (2, 2, 2)
    par = theme_actor_crosstab(hits, mentions=mentions, window="paragraph", articles=articles.iloc[:3])
    assert set(par["n_windows"]) == {4}  # a1: 2 paragraphs, a2: 1, a3: 1
    assert _row(par, theme="talks", actor_id="SYR")["n"] == 1  # paragraph 0 of a1
    assert _row(par, theme="airstrike", actor_id="RUS")["n"] == 1  # paragraph 1 of a1
    assert _row(par, theme="talks", actor_id="RUS")["n"] == 1  # a3


def test_crosstab_parent_level_min_count_and_by(hits, articles, mentions):
    c = theme_actor_crosstab(hits, mentions=mentions, level="parent")
    conf = _row(c, theme="conflict", actor_id="SYR")
    assert (conf["n"], conf["n_theme"]) == (1, 1)  # airstrike + shelling in one sentence: one window
    assert theme_actor_crosstab(hits, mentions=mentions, window="article", min_count=2)[["theme", "actor_id"]].values.tolist() \
        == [["talks", "RUS"]]
    g = theme_actor_crosstab(hits, mentions=mentions, by="source", articles=articles)
    assert list(g.columns[:3]) == ["source", "theme", "actor_id"]
    assert dict(g.groupby("source")["n_windows"].first()) == {"X": 4, "Y": 3}  # a4 untagged left out


def test_crosstab_ignores_untagged_articles_and_na_actors(hits, mentions):
    extra = pd.DataFrame({"article_id": ["a4"], "actor_id": ["SYR"], "sentence": [0], "paragraph": [0],
                          "start": [0], "end": [5]})
    m = pd.concat([mentions, extra.astype({"actor_id": "string"})], ignore_index=True)
    a = theme_actor_crosstab(hits, mentions=m)
    b = theme_actor_crosstab(hits, mentions=mentions)
    pd.testing.assert_frame_equal(a, b)
    assert a["actor_id"].notna().all()


def test_crosstab_same_words_not_counted_by_default(hits, mentions):
    un = pd.DataFrame({"article_id": ["a1", "a3"], "actor_id": ["UN", "UN"], "sentence": [0, 1], "paragraph": [0, 0],
                       "start": [0, 18], "end": [5, 23]})  # exactly the two 'talks' hits: the name is the cue
    m = pd.concat([mentions, un.astype({"actor_id": "string"})], ignore_index=True)
    c = theme_actor_crosstab(hits, mentions=m)
    assert not ((c["theme"] == "talks") & (c["actor_id"] == "UN")).any()
    assert c.attrs["same_words"] is False
    loose = theme_actor_crosstab(hits, mentions=m, same_words=True)
    tu = _row(loose, theme="talks", actor_id="UN")
    assert (tu["n"], tu["n_actor"]) == (2, 2)
    # a second, separate talks hit in a UN window makes that window count
    more = pd.concat([m, pd.DataFrame({"article_id": ["a3"], "actor_id": ["UN"], "sentence": [0], "paragraph": [0],
                                       "start": [6], "end": [11]}).astype({"actor_id": "string"})], ignore_index=True)
    tu = _row(theme_actor_crosstab(hits, mentions=more), theme="talks", actor_id="UN")
    assert (tu["n"], tu["n_actor"], tu["n_theme"]) == (1, 3, 4)
    # article windows: a1 holds UN only inside the talks cue, a3 holds a separate UN mention
    art = _row(theme_actor_crosstab(hits, mentions=more, window="article"), theme="talks", actor_id="UN")
    assert art["n"] == 1


def test_crosstab_inputs_unchanged(hits, articles, mentions):
    h0, m0, a0 = hits.copy(), mentions.copy(), articles.copy()
    theme_actor_crosstab(hits, mentions=mentions, window="paragraph", articles=articles, by="source")
    pd.testing.assert_frame_equal(hits, h0)
    pd.testing.assert_frame_equal(mentions, m0)
    pd.testing.assert_frame_equal(articles, a0)


def test_crosstab_errors(hits, articles, mentions):
    with pytest.raises(ValueError, match="needs articles="):
        theme_actor_crosstab(hits, mentions=mentions, window="paragraph")
    with pytest.raises(ValueError, match="window='page'"):
        theme_actor_crosstab(hits, mentions=mentions, window="page")
    with pytest.raises(ValueError, match="paragraph"):
        theme_actor_crosstab(hits, mentions=mentions.drop(columns="paragraph"), window="paragraph", articles=articles)
    with pytest.raises(ValueError, match="same_words=True"):
        theme_actor_crosstab(hits, mentions=mentions.drop(columns="start"))
    assert len(theme_actor_crosstab(hits, mentions=mentions.drop(columns=["start", "end"]), same_words=True)) == 6
    with pytest.raises(ValueError, match="min_count"):
        theme_actor_crosstab(hits, mentions=mentions, min_count=0)
    with pytest.raises(ValueError, match="source"):
        theme_actor_crosstab(hits, mentions=mentions, by="source")


# ------------------------------------------------------------------ real corpus


@pytest.fixture(scope="module")
def fakes():
    if not (paths.raw_dir("fa-kes") / ".diplolib-fetched.json").is_file():
        pytest.skip("fa-kes is not in data/raw (run 'make data')")
    from diplolib.themes import tag_themes

    articles, _ = datasets.load("fa-kes")
    return articles, tag_themes(articles)


def test_prevalence_on_fakes(fakes):
    articles, hits = fakes
    p = theme_prevalence(hits, articles=articles, by="source")
    shares = p["share"].dropna()
    assert len(shares) and ((shares >= 0) & (shares <= 1)).all()
    assert set(p["source"]) == set(articles["source"])
    per = p.drop_duplicates("source").set_index("source")
    counts = articles.groupby("source").size()
    assert (per["n_units"] + per["n_untagged"]).sort_index().to_dict() == counts.sort_index().to_dict()
    assert per["n_untagged"].sum() == hits.loc[hits["theme"].isna(), "article_id"].nunique()
    assert len(p) == p["source"].nunique() * p["theme"].nunique()
