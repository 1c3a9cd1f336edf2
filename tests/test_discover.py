"""Discovery of actors the registry lacks: evidence, rejections with reasons, grouped variants, bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors import tag_actors
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.name_rules import ORDINARY_ZIPF, NameRules
from diplolib.actors.provisional import discover_actors, discovery_candidates, provisional_actors


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _arts(*texts, lang="en"):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts),
                         "lang": [lang] * len(texts),
                         "published": pd.to_datetime(["2022-03-01"] * len(texts), utc=True)})


def _found(out):
    return out[out["discovered"]]


READOUT = ("National Security Advisor Jake Sullivan met Deputy National Security Advisor Jon Quillfeather and "
           "Mr. Sullivan's team on Tuesday. Quillfeather stressed that Heartbroken families need help.\n\n"
           "Later, Quillfeather said Mesdames and Tuesdays were not names.")


def test_person_with_a_title_is_discovered_and_its_surname_grouped(matcher):
    out = discover_actors(_arts(READOUT, "Jon Quillfeather travelled to Kyiv."), registry=matcher)
    found = _found(out)
    assert set(found["actor_id"]) == {"prov:jon_quillfeather"}
    assert found["surface"].tolist() == ["Jon Quillfeather", "Quillfeather", "Quillfeather", "Jon Quillfeather"]
    assert found["evidence"].tolist() == ["title", "surname", "surname", "first-name"]
    assert (found["method"] == "discover").all() and (found["alias_kind"] == "person").all()
    body = READOUT
    first = found[found["article_id"] == "a0"]
    assert all(body[s:e] == surf for s, e, surf in zip(first["start"], first["end"], first["surface"], strict=True))
    table = provisional_actors(out)
    row = table.set_index("actor_id").loc["prov:jon_quillfeather"]
    assert row["label"] == "Jon Quillfeather" and row["variants"] == "Jon Quillfeather | Quillfeather" and row["articles"] == 2


def test_registry_rows_are_kept_unchanged(matcher):
    arts = _arts(READOUT)
    base = tag_actors(arts, registry=matcher)
    out = discover_actors(arts, registry=matcher)
    kept = out[~out["discovered"]].drop(columns=["discovered", "evidence"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, base.reset_index(drop=True), check_dtype=False)
    assert "per:jake_sullivan" in set(kept["actor_id"].dropna())


def test_never_a_registry_name_nor_its_variant(matcher):
    reg = matcher.registry
    people = reg.aliases[reg.aliases["actor_id"].str.startswith("per:") & (reg.aliases["lang"] == "en")
                         & (reg.aliases["alias"].str.split().str.len() >= 2)]
    sample = people.sample(200, random_state=0)["alias"].tolist()
    texts = [f"Minister {name} met Mr. {name.split()[-1]} on Monday." for name in sample]
    texts.append("President Vladimir Zelensky spoke.")  # a registry person under another spelling
    out = discover_actors(_arts(*texts), registry=matcher)
    assert _found(out).empty, _found(out)[["surface", "evidence"]]


@pytest.mark.parametrize("text, reason", [
    ("Heartbroken Mother Fatima spoke.", None),
    ("The delegates met on Tuesdays.", None),
    ("Mesdames et Messieurs, bienvenue.", None),
    ("He walked along Castello Road yesterday.", "place"),
    ("Officials visited the Rose Garden and the Roosevelt Room.", "ordinary-word"),
    ("The KPNA agency said so.", "acronym"),
    ("La Fondation Gaspard Quillfeather et la mosquée Sidi Yeyia ont ouvert.", "eponym"),
    ("The secretary, Mr. Michael R. Pompeo, spoke.", "registry"),
])
def test_ordinary_words_and_places_are_rejected_with_a_reason(matcher, text, reason):
    lang = "fr" if "Mesdames" in text or "Fondation" in text else "en"
    cands = discovery_candidates(_arts(text, lang=lang), registry=matcher)
    person = cands[cands["kind"] == "person"]
    assert (person["reason"] != "").all()
    if reason:
        assert reason in set(person["reason"]), person


def test_no_discovered_word_is_frequent(matcher):
    rules = NameRules(matcher.registry)
    text = ("Today Yesterday However Good Morning Thank You Great Patriotic War Government Spokesman said "
            "that Secretary Blinken and Happy Birthday Sunday Times were in New York with Jon Quillfeather.")
    found = _found(discover_actors(_arts(text), registry=matcher))
    assert found["surface"].tolist() == ["Jon Quillfeather"]
    ordinary = [w for w in text.replace(".", "").split() if rules.zipf(w, "en") >= ORDINARY_ZIPF]
    assert len(ordinary) > 10 and not set(ordinary) & set(" ".join(found["surface"]).split()) - {"Jon"}


def test_french_titles_and_arabic_rules(matcher):
    fr = _arts("Le ministre délégué Gaspard Quillfeather a reçu M. Vantorrel. Mesdames, M. Quillfeather a parlé.",
               lang="fr")
    found = _found(discover_actors(fr, registry=matcher))
    assert set(found["actor_id"]) == {"prov:gaspard_quillfeather", "prov:vantorrel"}
    assert found.loc[found["surface"] == "Quillfeather", "actor_id"].tolist() == ["prov:gaspard_quillfeather"]
    ar = _arts("وقال وزير الثقافة التونسي غاسبار كويلفيذر إن الحفل نجح. وقال الرئيس السوري بشار الأسد في دمشق. "
               "وقال الرئيس إن الاجتماع ونائبه لمدة خمس سنوات.", lang="ar")
    found = _found(discover_actors(ar, registry=matcher))
    assert found["surface"].tolist() == ["غاسبار كويلفيذر"]


def test_bad_input_says_what_to_do(matcher):
    with pytest.raises(ValueError, match="column 'text' is missing"):
        discover_actors(pd.DataFrame({"article_id": [1]}), registry=matcher)
    with pytest.raises(TypeError, match="must be a DataFrame"):
        discover_actors(["Jon Quillfeather"], registry=matcher)
    with pytest.raises(ValueError, match="method="):
        discover_actors(_arts("x"), registry=matcher, method="magic")
    with pytest.raises(ValueError, match="tag_actors"):
        discover_actors(_arts("x"), pd.DataFrame({"article_id": []}), registry=matcher)
    with pytest.raises(ValueError, match="discover_actors"):
        provisional_actors(pd.DataFrame({"actor_id": []}))
    odd = pd.DataFrame({"article_id": ["e", "n", "f"], "text": ["", None, "Jon Quillfeather spoke."], "lang": [None] * 3})
    out = discover_actors(odd, registry=matcher)
    assert _found(out)["article_id"].tolist() == ["f"]


def test_input_is_not_mutated(matcher):
    arts = _arts(READOUT)
    before = arts.copy()
    discover_actors(arts, registry=matcher)
    pd.testing.assert_frame_equal(arts, before)


def test_hard_wrapped_text_keeps_names_whole_and_lists_stay_apart(matcher):
    wrapped = ("I thank his predecessor, Mr. Gaspard\nQuillfeather of the Netherlands, for his work and\nfor the "
               "leadership he showed during\nthe session.")
    listed = "Participants:\nJon Quillfeather\nMaria Vantorrel\n"
    found = _found(discover_actors(_arts(wrapped, listed), registry=matcher))
    assert found["surface"].tolist() == ["Gaspard\nQuillfeather", "Jon Quillfeather", "Maria Vantorrel"]
    assert found["actor_id"].tolist()[0] == "prov:gaspard_quillfeather"


@pytest.mark.parametrize("text, lang", [
    ("Le maire de Zubin Potok a parlé.", "fr"),
    ("The Chairman of the Government of the Autonomous Republic spoke.", "en"),
    ("Settlers entered Sheikh Jarrah, Beit Safafa and Wadi Al-Joz.", "en"),
])
def test_the_place_of_an_office_or_a_list_of_places_is_not_a_person(matcher, text, lang):
    assert _found(discover_actors(_arts(text, lang=lang), registry=matcher)).empty


@pytest.mark.parametrize("text, lang, expected", [
    ("La Banque mondiale et l'OMC.", "fr", ["org:world_bank", "org:wto"]),
    ("OPEC and UNESCO met Médecins Sans Frontières.", "en", ["org:opec", "org:unesco", "org:msf"]),
    ("Le Conseil de coopération du Golfe et le Groupe de Minsk.", "fr", ["org:gcc", "org:osce_minsk_group"]),
    ("Jaish al-Islam, Faylaq al-Rahman and Ansar al-Haq.", "en",
     ["grp:jaish_al_islam", "grp:faylaq_al_rahman", "grp:ansar_al_haq"]),
    ("The Islam Army, the Khorasan Group, the Al-Nasr Army and the Mujahideen Army.", "en",
     ["grp:jaish_al_islam", "grp:khorasan_group", "grp:jaysh_al_nasr", "grp:jaish_al_mujahideen"]),
])
def test_the_organisations_seen_are_in_the_registry_and_never_discovered(matcher, text, lang, expected):
    out = discover_actors(_arts(text, lang=lang), registry=matcher)
    assert out["actor_id"].dropna().tolist() == expected
    assert not out["discovered"].any()


def test_spellings_of_one_name_share_an_id_and_different_names_do_not(matcher):
    texts = ["Observatory director Rami Abdel Rahman said.", "Observatory chief Rami Abdulrahman said.",
             "Observatory head Rami Abdul-Rahman said.", "Spokesman Ahmad Gharib spoke.", "Envoy Ahmad Jarba spoke."]
    found = _found(discover_actors(_arts(*texts), registry=matcher))
    ids = dict(zip(found["surface"], found["actor_id"], strict=True))
    assert ids["Rami Abdel Rahman"] == ids["Rami Abdulrahman"] == ids["Rami Abdul-Rahman"]
    assert ids["Ahmad Gharib"] != ids["Ahmad Jarba"]


def test_suggest_actors_drops_the_ordinary_words_the_issue_saw(matcher):
    from diplolib.actors import suggest_actors

    arts = pd.DataFrame({"article_id": ["1", "2"], "lang": ["fr", "en"], "text": [
        "Mesdames, Messieurs, la France soutient. Mesdames et Messieurs. Selon la France, Mesdames.",
        "Heartbroken families wait. Tuesdays are busy. Heartbroken parents. On Tuesdays we meet Zahreddine. "
        "Zahreddine left."]})
    out = suggest_actors(arts, registry=matcher, method="rules", min_count=1)
    assert out["name"].tolist() == ["Zahreddine"]


def test_arabic_title_after_a_tagged_name_is_its_apposition(matcher):
    text = "وقال إن كولن باول وزير الخارجية السابق للولايات المتحدة افترى كذبة مطولة. والتقى الوزير جون كويلفيذر بالوفد."
    found = _found(discover_actors(_arts(text, lang="ar"), registry=matcher))
    assert found["surface"].tolist() == ["جون كويلفيذر"]  # the verb after the apposition is not a name


def test_a_same_initial_is_not_enough_when_both_first_names_are_known(matcher):
    """"Julie Chavez Rodriguez" is not Venezuela's Jorge Rodriguez (two known first names, neither a spelling of
    the other), while "Vladimir Zelensky" is Volodymyr Zelensky (same consonant skeleton) and "J. Rodriguez" may be
    Jorge (an initial alone)."""
    cands = discovery_candidates(_arts("Jennifer Klein and Julie Chavez Rodriguez, White House directors, met "
                                      "President Vladimir Zelensky and J. Rodriguez."),
                                 registry=matcher)
    reason = dict(zip(cands["name"], cands["reason"], strict=True))
    assert reason["Julie Chavez Rodriguez"] == "" and reason["Vladimir Zelensky"] == "registry-surname"
    assert reason.get("J. Rodriguez", "registry-surname") == "registry-surname"
