"""Topics across languages: parallel documents, version agreement, per-language max_df, shared-token weight,
procedural words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diplolib.topics import TopicVectorizer
from diplolib.topics.crosslingual import parallel_documents, version_agreement
from diplolib.topics.procedural import procedural_words


def _triples() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["s1", "s2", "s3"],
        "doc_id": ["d2", "d1", "d2"],
        "organ": ["GA", "SC", "GA"],
        "ar": ["جملة أولى", "نص", "جملة ثانية"],
        "fr": ["phrase une", "texte", "phrase deux"],
        "en": ["sentence one", "text", "sentence two"],
    })


def test_parallel_documents_groups_sentences_in_order():
    docs = parallel_documents(_triples(), langs=("ar", "fr", "en"))
    assert docs["article_id"].tolist() == ["d1#ar", "d1#fr", "d1#en", "d2#ar", "d2#fr", "d2#en"]
    d2 = docs.set_index("article_id")
    assert d2.loc["d2#en", "text"] == "sentence one\nsentence two"
    assert d2.loc["d2#ar", "text"] == "جملة أولى\nجملة ثانية"
    assert d2.loc["d2#fr", "n_sentences"] == 2 and d2.loc["d1#fr", "organ"] == "SC"
    with pytest.raises(ValueError, match="lacks column"):
        parallel_documents(_triples().drop(columns="fr"))


def test_version_agreement_counts_documents_whose_versions_share_a_topic():
    docs = pd.DataFrame({"article_id": [f"d{i}#{lg}" for i in range(4) for lg in ("ar", "fr", "en")],
                         "doc_id": [f"d{i}" for i in range(4) for _ in range(3)],
                         "lang": ["ar", "fr", "en"] * 4})
    # d0: all same; d1: fr=en only; d2: ar=fr only; d3: all different
    topics = [0, 0, 0, 1, 2, 2, 3, 3, 4, 5, 6, 7]
    table = version_agreement(pd.DataFrame({"article_id": docs["article_id"], "topic": topics}), articles=docs)
    share = table.set_index("langs")["share"]
    assert share["ar+en+fr"] == pytest.approx(1 / 4)
    assert share["en+fr"] == pytest.approx(2 / 4) and share["ar+fr"] == pytest.approx(2 / 4)
    assert share["ar+en"] == pytest.approx(1 / 4)
    assert (table["n_docs"] == 4).all()


def _mixed() -> pd.DataFrame:
    """30 English articles all saying 'agenda', 60 French ones; each story has an actor token."""
    rows = []
    for i in range(30):
        rows.append({"lang": "en", "doc": f"agenda refugees{i % 3} camp{i % 5} @syr"})
    for i in range(60):
        rows.append({"lang": "fr", "doc": f"réfugiés{i % 3} camp{i % 5} frontière{i % 7}" + " @syr" * (i % 2)})
    return pd.DataFrame(rows)


def test_max_df_applies_within_each_language_but_never_to_shared_tokens():
    X = _mixed()
    # "agenda" is in every English article but in only a third of all of them; "@syr" in every English
    # article and in two thirds of all
    vec = TopicVectorizer(max_df=0.7, min_df=1).fit(X)
    assert "agenda" not in vec.feature_names_
    assert "@syr" in vec.feature_names_  # language-independent: the per-language rule spares it
    assert "agenda" in TopicVectorizer(max_df=1.0, min_df=1).fit(X).feature_names_


def test_shared_weight_scales_actor_and_theme_columns():
    X = _mixed()
    plain = TopicVectorizer(max_df=1.0, min_df=1, weighting="count").fit(X)
    heavy = TopicVectorizer(max_df=1.0, min_df=1, weighting="count", shared_weight=3).fit(X)
    a, b = plain.transform(X).toarray(), heavy.transform(X).toarray()
    col = list(plain.feature_names_).index("@syr")
    assert np.allclose(b[:, col], 3 * a[:, col])
    words = [i for i, t in enumerate(plain.feature_names_) if t[0] not in "@#"]
    assert np.allclose(a[:, words], b[:, words])
    with pytest.raises(ValueError, match="shared_weight"):
        TopicVectorizer(shared_weight=0).fit(X)


@pytest.mark.parametrize("lang, text, gone, kept", [
    ("en", "The Council will hold its meeting on Thursday under agenda item 5 on refugees",
     {"thursday", "agenda", "meeting"}, {"refugee"}),
    ("fr", "Point 68 de l'ordre du jour provisoire : réfugiés, séance du jeudi",
     {"jeudi", "provisoire", "séance"}, {"réfugié"}),
    ("ar", "البند 68 من جدول الأعمال المؤقت: اللاجئون، جلسة يوم الخميس",
     {"الخميس", "خميس", "جدول", "مؤقت"}, set()),
])
def test_procedural_words_are_dropped(lang, text, gone, kept):
    docs = pd.DataFrame({"lang": [lang] * 2, "doc": [text, text]})
    with_words = set(TopicVectorizer(min_df=1, max_df=1.0).fit(docs).feature_names_)
    without = set(TopicVectorizer(min_df=1, max_df=1.0, procedural=True).fit(docs).feature_names_)
    assert gone & with_words, "the example must hold procedural words to drop"
    assert not (gone & without)
    assert kept <= without
    assert "عقد" not in procedural_words("ar")  # also "contract" and "decade": a subject word


# --- the Arabic light stemmer ---------------------------------------------------------------

_STEMS = Path(__file__).parent / "data" / "arabic_stems.tsv"


@pytest.fixture(scope="module")
def unpc():
    from diplolib import datasets

    return datasets.parallel_sentences("unpc-ar-fr-en")


def test_arabic_stems_checked_by_hand(unpc):
    """144 words read by hand (120 drawn at random from the UNPC words, 24 hard cases): no meaning changed."""
    from diplolib.topics.arabic import known_words, light_stem

    table = pd.read_csv(_STEMS, sep="\t", comment="#", dtype=str)
    assert len(table) >= 100 and (table["sample"] != "curated").sum() >= 100
    known = known_words(unpc["ar"])
    got = table["word"].map(lambda w: light_stem(w, known))
    wrong = table.assign(got=got)[got != table["stem"]]
    assert wrong.empty, wrong.to_string()
    assert "معرض" not in set(got) and "فضل" not in set(got)


def test_arabic_stemmer_rules_without_a_corpus():
    from diplolib.topics.arabic import arabic_words, display_forms, light_stem, stem_words

    assert light_stem("والحكومة") == "حكومة" and light_stem("للحكومة") == "حكومة"
    assert light_stem("وزير") == "وزير" and light_stem("الله") == "الله" and light_stem("والدين") == "والدين"
    assert light_stem("بالستية", {"حكومة"}) == "بالستية"  # ستية is no word: بال stays
    assert arabic_words("وَالحُكُومَةُ الإرهابية") == ["والحكومة", "الإرهابية"]  # diacritics gone, hamza kept
    stems, forms = stem_words(["الإرهابية", "الإرهابية", "ارهابية"])
    assert stems == ["إرهابية", "إرهابية", "ارهابية"]
    assert display_forms(forms) == {"ارهابية": "إرهابية"}  # the feature is folded, the label shows the hamza


def test_arabic_labels_keep_the_hamza_and_the_opposition():
    texts = ["المعارضة السورية والمعارضة المسلحة في إدلب", "المعارضة في إدلب أفضل الحلول",
             "معرض الكتاب في القاهرة", "معرض الفن في القاهرة"] * 3
    docs = pd.DataFrame({"lang": "ar", "doc": texts})
    vec = TopicVectorizer(min_df=1, max_df=1.0).fit(docs)
    names = set(vec.feature_names_)
    assert "معرض" in names and "معارضة" not in names and "المعارضة" in names  # no stem made them one
    assert vec.display_forms_.get("ادلب") == "إدلب" and vec.display_forms_.get("افضل") == "أفضل"


# --- UNPC: the versions of a document share their main topic --------------------------------


def test_unpc_versions_share_their_main_topic(unpc):
    """Held-out check (the settings were tuned on the dev documents): on the 731 test documents in ar, fr, en,
    the three versions of a document share their main topic at least 60% of the time (main: 0.08)."""
    from diplolib import datasets
    from diplolib.actors import tag_actors
    from diplolib.themes import tag_themes
    from diplolib.topics import fit_topics

    split = pd.read_json(datasets.path("unpc-ar-fr-en") / "unpc_parallel_sentences.jsonl", lines=True,
                         dtype=False)[["id", "split"]]
    test = unpc.merge(split, on="id").query("split == 'test'")
    docs = parallel_documents(test)
    assert docs["doc_id"].nunique() == 731
    model = fit_topics(docs, n_topics=12, mentions=tag_actors(docs), theme_hits=tag_themes(docs), random_state=0,
                       shared_weight=4, max_df=0.1, procedural=True)
    share = version_agreement(model.clusters_, articles=docs).set_index("langs")["share"]
    assert share["ar+en+fr"] >= 0.60
    assert share.drop("ar+en+fr").min() >= 0.70  # every pair of languages
    labels = " ".join(model.labels_["label"])
    for procedural in ("provisoire", "thursday", "jeudi", "agenda", "ordre", "ساعة", "عقدها"):
        assert procedural not in labels


def test_unpc_figure_is_registered():
    from diplolib import figures
    from diplolib.figures import topics as topic_figures

    spec = figures.FIGURES["unpc_topics_crosslingual"]
    assert spec.fn.__module__ == topic_figures.__name__ and spec.inputs == ("unpc-ar-fr-en",)
    assert spec.params == {"n_topics": 12, "random_state": 0}


def test_same_random_state_same_tables_with_the_cross_language_settings(unpc):
    from diplolib.topics import fit_topics

    docs = parallel_documents(unpc[unpc["doc_id"].isin(sorted(unpc["doc_id"].unique())[:80])])
    fits = [fit_topics(docs, n_topics=4, random_state=0, shared_weight=4, max_df=0.1, procedural=True)
            for _ in range(2)]
    for table in ("clusters_", "topic_terms_", "labels_", "doc_topics_"):
        pd.testing.assert_frame_equal(getattr(fits[0], table), getattr(fits[1], table))
    assert fits[0].pipeline_.named_steps["vectorize"].display_forms_  # Arabic stems met their written forms
