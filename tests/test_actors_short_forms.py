"""Short forms of UN-system bodies resolved from the document, and the UN-system table they come from."""

import pandas as pd
import pytest

from diplolib.actors import tag_actors
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.short_forms import resolve_short_forms
from diplolib.actors.un_system import read_un_system, short_forms, un_system_rows


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _resolve(matcher, texts, **kw):
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": "2015-06-01"})
    for k in ("source",):
        if k in kw:
            arts[k] = kw.pop(k)
    found = resolve_short_forms(arts, tag_actors(arts, registry=matcher), registry=matcher, **kw)
    return found[found["method"] == "short_form"]


def test_acronyms_and_names_of_the_un_system_are_tagged_in_three_languages(matcher):
    arts = pd.DataFrame({"article_id": [1, 2, 3], "text": [
        "Le Directeur exécutif du PNUE et l'ONUDI ont signé.",
        "UNEP and MINUSMA reported.",
        "وافق المدير التنفيذي لبرنامج الأمم المتحدة للبيئة على ذلك."]})
    found = tag_actors(arts, registry=matcher)
    by = found.groupby("article_id")["actor_id"].apply(set)
    assert {"org:unep", "org:unido"} <= by[1]
    assert {"org:unep", "org:minusma"} <= by[2]
    assert "org:unep" in by[3] and "org:un" not in by[3]  # the longer name wins over الأمم المتحدة


def test_the_council_is_the_issuing_organ(matcher):
    rows = _resolve(matcher, ["The Council expressed concern.", "Le Conseil se dit préoccupé."],
                    source=["Security Council", "Economic and Social Council"])
    assert rows["actor_id"].tolist() == ["org:unsc", "org:ecosoc"]
    assert set(rows["alias_kind"]) == {"context:source"}


def test_a_short_form_is_the_body_named_before_it(matcher):
    rows = _resolve(matcher, ["The Human Rights Council met. Later the Council adopted a text.",
                              "The Council adopted a text."])
    assert rows["actor_id"].tolist()[0] == "org:unhrc"
    assert rows["alias_kind"].tolist()[0] == "context:named"
    assert rows["actor_id"].tolist()[1] == "" and rows["reason"].tolist()[1] == "no-context"


def test_the_organization_is_the_un_only_in_a_un_text_and_not_from_arabic_alone(matcher):
    texts = ["It was purchased by the Organization.", "اشترتها المنظمة."]
    un = _resolve(matcher, texts, un_text=True)
    assert un["actor_id"].tolist() == ["org:un", ""]  # المنظمة has no capital: any organisation
    assert _resolve(matcher, texts[:1])["reason"].tolist() == ["no-context"]


def test_the_secretary_general_is_the_holder_on_the_date_in_a_un_text(matcher):
    rows = _resolve(matcher, ["Requests the Secretary-General to report.", "Prie le Secrétaire général de faire rapport.",
                              "تطلب إلى الأمين العام أن يقدم تقريرا.", "the Deputy Secretary-General spoke"],
                    un_text=True)
    assert rows["actor_id"].tolist() == ["per:ban_ki_moon"] * 3


def test_qualified_nouns_are_other_bodies(matcher):
    rows = _resolve(matcher, ["The Council of Europe met.", "le Conseil d'administration a décidé.",
                              "قرر المجلس التنفيذي ذلك.", "انعقد المؤتمر العام أمس."], un_text=True)
    assert rows.empty


def test_short_forms_inside_a_tagged_name_are_not_added(matcher):
    rows = _resolve(matcher, ["the Security Council met"], un_text=True)
    assert rows.empty


def test_un_system_table_rows(tmp_path):
    rows = read_un_system()
    assert len(rows) >= 80 and all(r["source"] for r in rows)
    built = un_system_rows(set())
    acr = [a for a in built["aliases"] if a["kind"] == "acronym" and a["lang"] != "ar"]
    assert acr and all(a["case_sensitive"] == "true" for a in acr)
    assert "org:unsc" in short_forms()[("en", "Council")]
    bad = tmp_path / "un.csv"
    bad.write_text("actor_id,label,part_of,source,en,fr,ar,en_acronym,fr_acronym,ar_acronym,short_en,short_fr,short_ar\n"
                   "org:x,X,,,Name,,,,,,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"un.csv:2: source"):
        read_un_system(bad)


def test_arabic_organization_is_the_un_in_the_un_organs_own_documents_but_not_as_an_adjective(matcher):
    texts = ["وذكرت الدول أنه ينبغي إصلاح المنظمة وأجهزتها.", "ينبغي مكافحة الجريمة المنظمة عبر الحدود.",
             "وحيث أن الوكالة هي المنظمة الوحيدة.", "وتعمل المنظمة مع المجتمعات المحلية."]
    rows = _resolve(matcher, texts, un_text=True,
                    source=["General Assembly", "General Assembly", "General Assembly", "Committee on NGOs"])
    got = dict(zip(rows["article_id"], rows["actor_id"], strict=True))
    assert got[0] == "org:un"
    assert got.get(1, "") == "" and got.get(2, "") == ""  # "organised" crime; a predicate after هي
    assert got[3] == ""  # an NGO's report: "the organization" is the NGO


def test_a_presidential_statement_speaks_in_the_councils_voice():
    from diplolib.actors.short_forms import document_voice

    voice = document_voice(pd.Series(["2015/s/prst/2015/1", "S/PRST/2015/3", "2015/a/res/69/1", "2015/s/2015/17"]))
    assert voice.tolist() == ["Security Council", "Security Council", "General Assembly", None]


def test_subject_pronouns_are_the_body_whose_voice_the_text_is(matcher):
    arts = pd.DataFrame({"article_id": [1, 2, 3, 4], "published": "2015-06-01", "voice": "Security Council",
                         "text": ["Il souligne que toutes les parties doivent agir.", "It urges all parties to act.",
                                  "Il est essentiel que les parties agissent.", "It is essential that they act."]})
    arts.loc[3, "voice"] = "Security Council"
    found = resolve_short_forms(arts, tag_actors(arts, registry=matcher), registry=matcher, voice="voice")
    voiced = found[found["alias_kind"] == "context:voice"]
    assert voiced["article_id"].tolist() == [1, 2] and set(voiced["actor_id"]) == {"org:unsc"}
    plain = resolve_short_forms(arts.drop(columns="voice"), tag_actors(arts, registry=matcher), registry=matcher)
    assert (plain["alias_kind"] != "context:voice").all()  # no voice column: pronouns are left alone


def test_a_french_noun_followed_by_de_and_a_noun_is_another_body_but_not_before_an_infinitive(matcher):
    rows = _resolve(matcher, ["Il demande au Conseil de lever l'interdiction.",
                              "Le Conseil de mise en œuvre de la paix a lancé des appels.",
                              "le Président en exercice de l'Organisation pour la sécurité a parlé."],
                    source=["Security Council"] * 3, un_text=True)
    assert rows["article_id"].tolist() == [0] and rows["actor_id"].tolist() == ["org:unsc"]


def test_a_short_form_after_another_body_with_that_noun_is_that_body_not_the_issuing_organ(matcher):
    rows = _resolve(matcher, ["Le Président a écrit au Conseil de coopération du Golfe; la conférence se tiendra sous "
                              "les auspices du secrétariat général du Conseil.",
                              "Conformément au Traité relatif à l'Union économique eurasienne, l'Union est ouverte.",
                              "The Council expressed concern."],
                    source=["Security Council"] * 3, un_text=True)
    got = dict(zip(rows["article_id"], zip(rows["actor_id"], rows["reason"], strict=True), strict=True))
    assert got[0] == ("org:gcc", "")
    assert got[1] == ("org:eaeu", "")
    assert got[2] == ("org:unsc", "")


def test_an_arabic_construct_with_the_un_is_the_body_it_stands_for_or_stays_the_un(matcher):
    """"قوة الأمم المتحدة" / "بعثة الأمم المتحدة المتكاملة" are القوة / البعثة المتكاملة: resolved from context, they
    replace the United Nations inside them; unresolved or qualified ("في تيمور - ليشتي"), the UN stays."""
    texts = ["نشرت قوة الأمم المتحدة لحفظ السلام في قبرص تقريرها، وظلت العلاقات جيدة مع قوة الأمم المتحدة.",
             "وإذ يدين الهجمات على بعثة الأمم المتحدة المتكاملة وجنود عملية سانغاري.",
             "أصول بعثة الأمم المتحدة المتكاملة في تيمور - ليشتي",
             "وقال مكتب الأمم المتحدة إن الوضع خطير.",
             "تعمل منظمة الأمم المتحدة على ذلك."]
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": "2015-06-01"})
    out = resolve_short_forms(arts, tag_actors(arts, registry=matcher), registry=matcher, un_text=True,
                              named={1: {"org:minusca"}})
    by = out.groupby("article_id")["actor_id"].apply(lambda s: sorted(s.dropna()))
    assert by[0] == ["org:unficyp", "org:unficyp"]            # named before it in the same text
    assert by[1] == ["org:minusca"]                            # the one mission the document names
    assert by[2] == ["TLS", "org:un"] and by[3] == ["org:un"]  # a qualified name, no context: the UN stays
    assert by[4] == ["org:un"] and (out["method"] == "short_form").sum() == 2


def test_parallel_mentions_reads_the_document_from_its_other_sentences_never_the_sentence_itself(matcher):
    from diplolib.actors.agreement import parallel_mentions
    tri = pd.DataFrame({
        "id": ["a1", "a2", "b1", "b2"], "doc_id": ["A", "A", "B", "B"],
        "en": ["The Council adopted the text.", "The Human Rights Council met in Geneva.",
               "The Council adopted the text.", "France spoke."],
        "fr": ["Le Conseil a adopté le texte.", "Le Conseil des droits de l'homme s'est réuni à Genève.",
               "Le Conseil des droits de l'homme a adopté le texte.", "La France a pris la parole."]})
    m = parallel_mentions(tri, langs=("en", "fr"), registry=matcher)
    council = m[(m["method"] == "short_form") & (m["lang"] == "en")].set_index("article_id")
    # a1 names nothing itself: its document's other sentence (a2) names the Human Rights Council
    assert council.loc["a1", "actor_id"] == "org:unhrc"
    assert council.loc["a1", "alias_kind"] == "context:named"
    # twin: b1's French version names the body, but no other sentence of document B does
    assert council.loc["b1", "actor_id"] == ""
    assert council.loc["b1", "reason"] == "no-context"
