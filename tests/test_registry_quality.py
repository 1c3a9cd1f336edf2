"""Issue 12, registry quality: world-scale role probes, UN spellings, common words, parallel alias proposals."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from diplolib.actors import ActorMatcher, load_registry, tag_actors
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.parallel_aliases import propose_aliases, split_half
from diplolib.actors.sweep import _nisba_stem, _paradigms


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return default_matcher()


def _tag(matcher, texts, date="2015-06-01"):
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": date})
    return tag_actors(arts, registry=matcher)


def test_world_role_probes_in_three_languages(matcher):
    """94 (date, phrase) probes of heads of state and government, foreign ministers and organisation offices
    across all continents, 2016-2025 (tests/data/role_probes_world.csv), written before running the tagger
    on them and not used to tune anything but the three organisation forms named in the file's history.
    Measured when written: 91 of 94; after adding "{org}'s {title}", "foreign policy chief" and the European
    Council's president: 94 of 94."""
    probes = pd.read_csv(Path(__file__).parent / "data" / "role_probes_world.csv")
    assert len(probes) >= 60 and set(probes["lang"]) == {"en", "fr", "ar"}
    arts = pd.DataFrame({"article_id": range(len(probes)), "text": probes["phrase"], "published": probes["date"]})
    out = tag_actors(arts, registry=matcher)
    got = out[out["method"] == "role"].groupby("article_id")["actor_id"].first()
    probes["ok"] = probes.index.map(got) == probes["expected"]
    for lang, share in probes.groupby("lang")["ok"].mean().items():
        assert share >= 0.95, (lang, share, probes[~probes["ok"]])


def test_un_names_and_regions(matcher):
    out = _tag(matcher, ["المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "بشأن ليبريا وشيلي",
                         "in Africa, Asia and Latin America", "في أفريقيا وأمريكا اللاتينية",
                         "la partie iraquienne", "Palestinians and Iraqis", "سلطات غينيا - بيساو وغينيا"])
    by = out.groupby("article_id")["actor_id"].apply(list)
    assert by[0] == ["GBR"]  # not Ireland inside the UK's official name
    assert by[1] == ["LBR", "CHL"]
    assert "USA" not in by[2] + by[3] and "place:latin_america" in by[2] and "place:latin_america" in by[3]
    assert by[4] == ["IRQ"] and by[5] == ["PSE", "IRQ"]
    assert by[6] == ["GNB", "GIN"]  # the UN's spaced hyphen: Guinea-Bissau, not Guinea


def test_common_words_stay_words(matcher):
    out = _tag(matcher, ["The English text was adopted.", "مبادرة قطرية", "الموظفين القطريين", "Bill English said"],
               date="2017-06-01")
    assert set(out["article_id"]) == {3}
    assert out["actor_id"].tolist() == ["per:simon_william_bill_english"]


def test_nisba_paradigm_pools_the_evidence():
    assert {_nisba_stem(k) for k in ("قطري", "قطريه", "القطري", "القطريين", "القطريون")} == {"قطر"}
    assert _nisba_stem("الجانب القطري") == "الجانب القطري"
    aliases = pd.DataFrame({"actor_id": ["QAT", "QAT", "QAT", "OMN"], "kind": ["demonym"] * 4,
                            "alias": ["قطرية", "القطري", "الجانب القطري", "عماني"]})
    pooled = _paradigms(aliases, {"قطريه": (4, 0), "القطري": (17, 1), "عماني": (3, 3)})
    assert pooled["قطريه"] == pooled["القطري"] == (21, 1)
    assert pooled["عماني"] == (3, 3) and "الجانب القطري" not in pooled


def test_propose_aliases_finds_the_other_spelling():
    triples = pd.DataFrame({"id": list("abcdef"), "en": ["Chile voted"] * 3 + ["Peru voted"] * 3,
                            "ar": ["صوتت شيلي", "وشيلي أيضا", "شيلي وبيرو", "صوتت بيرو", "بيرو", "بيرو أيضا"]})
    mentions = pd.DataFrame({"article_id": list("abcdef") + list("def"), "lang": ["en"] * 6 + ["ar"] * 3,
                             "actor_id": ["CHL"] * 3 + ["PER"] * 6})
    got = propose_aliases(triples, mentions, "en", "ar")
    assert got["actor_id"].unique().tolist() == ["CHL"]  # Peru is found in both
    assert got.iloc[0]["alias"] == "شيلي" and got.iloc[0]["count"] == 3  # "وشيلي" counted without its و
    halves = split_half(pd.Series([f"id{i}" for i in range(200)]))
    assert set(halves) == {"tune", "check"} and 60 < (halves == "tune").sum() < 140
    assert split_half(pd.Series(["id7"])).iloc[0] == halves.iloc[7]


def test_a_capital_opening_a_dateline_is_the_city(matcher):
    out = _tag(matcher, ["Vienna, 18-22 May 2015", "فيينا، 9-17 آذار/مارس 2015", "Moscow said on 5 May", "Vienna, he said"])
    by = out.groupby("article_id")["actor_id"].first()
    assert by[0] == by[1] == "place:vienna"
    assert by[2] == "RUS" and by[3] == "AUT"  # a metonym when no date follows


def test_relatives_of_one_surname_stay_two_people():
    """The CIA build no longer merges an heir listed beside the holder (Kim Jong Il / Kim Jong Un), nor a holder
    with the curated person of the same surname and country but another first name (Siim / Kaja Kallas)."""
    reg = load_registry()
    assert reg.holder("head_of_state", "PRK", "1996-01-01") == "per:kim_jong_il"
    assert reg.holder("head_of_state", "PRK", "2016-01-01") == "per:kim_jong_un"
    assert reg.holder("head_of_government", "EST", "2002-06-01") == "per:siim_kallas"
    assert reg.holder("head_of_government", "EST", "2022-06-01") == "per:kaja_kallas"
    assert reg.holder("head_of_state", "AZE", "2000-01-01") == "per:heydar_aliyev"


def test_arabic_article_variants():
    from diplolib.actors.article_variants import article_forms, article_variants

    assert article_forms("Zor") == ["al", "el", "az", "ez"] and article_forms("Qaeda") == ["al", "el"]
    rows = [{"actor_id": "place:deir_ez_zor", "alias": "Deir ez-Zor", "lang": "en", "kind": "name",
             "case_sensitive": "false"},
            {"actor_id": "grp:x", "alias": "Al-Qaeda", "lang": "en", "kind": "name", "case_sensitive": "false"},
            {"actor_id": "grp:x", "alias": "al-Qaeda", "lang": "en", "kind": "name", "case_sensitive": "false"},
            {"actor_id": "per:y", "alias": "Alice Smith", "lang": "en", "kind": "name", "case_sensitive": "false"},
            {"actor_id": "grp:x", "alias": "القاعدة", "lang": "ar", "kind": "name", "case_sensitive": "false"}]
    got = {(r["actor_id"], r["alias"]) for r in article_variants(rows)}
    assert got == {("place:deir_ez_zor", "Deir al-Zor"), ("place:deir_ez_zor", "Deir el-Zor"),
                   ("place:deir_ez_zor", "Deir az-Zor"), ("grp:x", "El-Qaeda")}


def test_article_variants_reach_the_tagger(matcher):
    out = _tag(matcher, ["les combattants du Front el-Nosra à Deir el-Zor"])
    assert {"grp:nusra_front", "place:deir_ez_zor"} <= set(out["actor_id"])


def test_names_by_label_reach_generated_people(matcher):
    """data/sources/person_names.csv gives Arabic (and other) names to people whose id the build generates."""
    out = _tag(matcher, ["قال معمر القذافي", "Muammar Gaddafi said"], date="2011-03-01")
    assert out["actor_id"].tolist() == ["per:muammar_abu_minyar_al_qadhafi"] * 2


def test_territories_named_after_a_state_are_places_not_the_state():
    import pandas as pd

    from diplolib.actors import tag_actors

    arts = pd.DataFrame({"article_id": [1, 2, 3], "published": "2015-07-01",
                         "text": ["تشغل بولينيزيا الفرنسية حيزا بحريا شاسعا.", "La Polynésie française a voté.",
                                  "the British Virgin Islands and French Guiana"]})
    rif = tag_actors(pd.DataFrame({"article_id": [1, 2], "published": "2015-07-01",
                                   "text": ["شهدت منطقة الزبداني في ريف دمشق أعمال قتال.", "Fighting in Rif Dimashq."]}))
    assert set(rif["actor_id"]) == {"place:rif_dimashq"}  # the governorate, not Damascus as the state
    found = tag_actors(arts)
    assert "FRA" not in set(found["actor_id"]) and "GBR" not in set(found["actor_id"])
    assert {"place:french_polynesia", "place:british_virgin_islands", "place:french_guiana"} <= set(found["actor_id"])


def test_a_language_is_not_an_actor(matcher):
    """Language phrases generated from CLDR (diplolib/actors/languages.py) hide the demonym that is also the
    language's name, and a demonym coordinated with one is a language too; "in French Guiana", "France" and
    "the French government" stay what they were."""
    out = _tag(matcher, ["available in English, French and Spanish.", "French-speaking States met in French Guiana.",
                         "en anglais, en espagnol et en français", "يجيدون اللغة الفرنسية",
                         "باللغات الإنكليزية والفرنسية والإسبانية", "للدول الناطقة بالفرنسية",
                         "France said the French government would reply.", "la langue française"])
    lang = out[out["reason"] == "language"]
    assert (lang["actor_id"].isna() & (lang["alias_kind"] == "language")).all()
    found = out[out["actor_id"].notna()].groupby("article_id")["actor_id"].apply(list).to_dict()
    assert found == {1: ["place:french_guiana"], 6: ["FRA", "FRA"]}
    assert set(lang["article_id"]) == {0, 1, 2, 3, 4, 5, 7} and (lang["article_id"] == 4).sum() == 3


def test_names_of_texts_meetings_and_seas_are_not_the_state(matcher):
    """A capital naming a meeting, plan or negotiation is in-name in all three languages (rules.py and
    place_phrases.instrument_phrases for English heads in lower case); a sea named after a state is a place
    (place_phrases.feature_phrases); "Syrias" without its apostrophe is Syria (possessives.py)."""
    out = _tag(matcher, ["the Vienna Conference", "la Conférence de Vienne", "بمؤتمر فيينا", "the Minsk agreements",
                         "les accords de Minsk", "وفقا لاتفاقات مينسك", "Plan d'action international de Madrid",
                         "in the South China Sea", "la mer de Chine méridionale", "في بحر الصين الجنوبي",
                         "Syrias government run TV", "(Astana, 11 et 12 mars)", "Moscow and Vienna said",
                         "la France et Damas"])
    found = out[out["actor_id"].notna()].groupby("article_id")["actor_id"].apply(list).to_dict()
    assert found == {10: ["SYR"], 11: ["place:astana"], 12: ["RUS", "AUT"], 13: ["FRA", "SYR"]}
    reasons = out.groupby("article_id")["reason"].first()
    assert (reasons[list(range(7))] == "in-name").all() and (reasons[[7, 8, 9]] == "place").all()


def test_airlines_named_after_a_state_are_companies_not_the_state(matcher):
    """An airline named with a state's name or demonym (place_phrases.company_phrases, generated for every state)
    is a company, left unresolved with reason "in-name"; the state named beside it is still the state. Found by
    the round-8 held-out documents ("5 122 postes à Air France" named France)."""
    out = _tag(matcher, ["5 122 postes à Air France d'ici à décembre", "He flew Qatar Airways to Doha.",
                         "un vol de Turkish Airlines", "طائرة تابعة للخطوط الجوية القطرية", "Air India and India",
                         "la France et Air Algérie"])
    found = out[out["actor_id"].notna()].groupby("article_id")["actor_id"].apply(list).to_dict()
    assert found == {1: ["place:doha"], 4: ["IND"], 5: ["FRA"]}
    named = out[out["actor_id"].isna()]
    assert len(named) == 6 and (named["reason"] == "in-name").all()
    assert set(named["article_id"]) == set(range(6))


def test_plural_demonyms_name_the_state_like_the_singular(matcher):
    """Issue 12 (events lose targets): the people of a state, plural, in three languages, are the state, as the
    singular demonym is; forms that are ordinary words or other names are not."""
    from diplolib.actors.state_demonyms import en_plural

    assert [en_plural(d) for d in ("Afghan", "Sri Lankan", "Filipino", "Turkish", "Chinese", "Swiss", "Irish")] == [
        "Afghans", "Sri Lankans", "Filipinos", "Turks", "", "", ""]
    out = _tag(matcher, ["North Koreans and Sri Lankans met Turks and Filipinos.", "les Maliens et les Nord-Coréens",
                         "لاجئين سوريين ومواطنين عراقيين", "السوريون والسودانيون",
                         "the poles of the magnet and the swedes in the soup", "the Turks and Caicos Islands",
                         "many Latin Americans", "موظفين قطريين"])
    by = out.groupby("article_id")["actor_id"].apply(list).to_dict()
    assert by[0] == ["PRK", "LKA", "TUR", "PHL"]
    assert by[1] == ["MLI", "PRK"] and by[2] == ["SYR", "IRQ"] and by[3] == ["SYR", "SDN"]
    assert 4 not in by  # lower-case "poles", "swedes": ordinary words (the people nouns are case-sensitive)
    assert by[5] == ["place:turks_caicos_islands"] and by[6] == ["place:latin_america"]
    assert 7 not in by  # "national staff": the Qatari paradigm is guarded, its indefinite plural with it


def test_arabic_city_forms_of_a_capital_spelled_like_its_state(matcher):
    out = _tag(matcher, ["عقدت المحادثات في الجزائر العاصمة", "أعلنت الجزائر", "وصل إلى مدينة تونس"])
    by = out.groupby("article_id")["actor_id"].apply(list).to_dict()
    assert by == {0: ["place:algiers"], 1: ["DZA"], 2: ["place:tunis"]}


def test_curated_vice_presidents_and_un_envoys():
    """Held-out misses of the hand-read documents (Riek Machar, Hilde Johnson) and offices a user expects."""
    reg = load_registry()
    assert reg.holder("first_vice_president", "SSD", "2021-05-01") == "per:riek_machar"
    assert reg.holder("first_vice_president", "SSD", "2018-05-01") == "per:taban_deng_gai"
    assert reg.holder("un_envoy_south_sudan", "org:un", "2013-01-01") == "per:hilde_johnson"
    assert reg.holder("vice_president", "CHN", "2020-01-01") == "per:wang_qishan"
    assert reg.holder("first_vice_president", "IRN", "2016-01-01") == "per:eshaq_jahangiri"
