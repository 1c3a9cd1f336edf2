"""Round 14 (issue 12, s14-ad): 30 fresh documents and 40 fresh role probes read before tagging, and the classes of
misses they showed, each rule with a twin it must not change.

Held out (measured on the readings as committed in 04aae33, before any change of the round):
documents (tests/data/heldout_documents_s14.csv, seed 20270211): people, states and armed groups P 0.931 R 0.684
F1 0.788 (ar 0.577, en 0.875, fr 0.889; people 0.580, states 0.935, armed groups 0.889); with ``discover_actors``
0.825. Role probes (tests/data/role_probes_s14.csv, seed 20270212): 27 of 40 (ar 10/14, en 8/11, fr 9/15).
The floors below are after the round's fixes (tuned on these readings, so no longer held out).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from document_readings import assert_fresh_and_balanced, read_documents

from diplolib.actors import tag_actors
from diplolib.actors.evaluate import document_outcomes, document_scores, role_probe_outcomes
from diplolib.actors.matcher_cache import default_matcher

DATA = Path(__file__).parent / "data"
MISSES_PROBES = 8  # after the fixes: 32 of 40 (see test_round14_role_probes)
FLOOR_DOCS = {"precision": 0.957, "f1": 0.797}


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _tag(matcher, rows: list[tuple[str, str]]) -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": range(len(rows)), "published": [d for d, _ in rows],
                         "text": [t for _, t in rows]})
    return tag_actors(arts, registry=matcher)


def _actors(out: pd.DataFrame, n: int) -> list[list[str]]:
    got = out.groupby("article_id")["actor_id"].agg(lambda s: sorted(s.dropna()))
    return [got.get(i, []) for i in range(n)]


@pytest.mark.parametrize("date, text, expected", [
    # an initial h aspiré or y takes "du"/"de la" (round 14: only "d'"/"de l'" were generated)
    ("2007-01-03", "le président du Honduras", "per:manuel_zelaya_rosales"),
    ("2023-06-01", "la présidente du Honduras", "per:iris_xiomara_castro_de_zelaya"),
    ("2015-06-01", "le Premier ministre de la Hongrie", "per:viktor_orban"),
    ("2020-10-21", "le ministre des Affaires étrangères du Yémen", "per:mohammed_al_hadhrami"),
    # twins: the elided forms stay ("d'Haïti", "de l'Ouzbékistan")
    ("2015-06-01", "le président d'Haïti", "per:michel_martelly"),
    ("2010-06-01", "le président de l'Ouzbékistan", "per:islom_karimov"),
])
def test_french_names_with_an_initial_h_or_y_take_both_articles(matcher, date, text, expected):
    out = _tag(matcher, [(date, text)])
    assert out["actor_id"].tolist() == [expected] and out["method"].tolist() == ["role"]


@pytest.mark.parametrize("date, text, expected", [
    # the offices with holders by date and no phrase before round 14: director general, prosecutor
    ("2024-05-22", "the IAEA's Director General", "per:rafael_grossi"),
    ("2007-05-18", "le directeur général de l'OMS", "per:margaret_chan"),
    ("2012-06-01", "المدير العام للوكالة الدولية للطاقة الذرية", "per:yukiya_amano"),
    ("2016-06-01", "the IMF Managing Director", "per:christine_lagarde"),
    ("2016-06-01", "la directrice générale du FMI", "per:christine_lagarde"),
    ("2016-06-01", "the ICC Prosecutor", "per:fatou_bensouda"),
])
def test_organisation_offices_of_directors_general_and_prosecutors(matcher, date, text, expected):
    out = _tag(matcher, [(date, text)])
    assert out["actor_id"].tolist() == [expected] and out["method"].tolist() == ["role"]


def test_organisation_offices_twins(matcher):
    """Another body's director general names no one; the organisation alone stays the organisation."""
    out = _tag(matcher, [("2012-06-01", "the Director General of the BBC"), ("2016-06-01", "the WHO said")])
    assert _actors(out, 2) == [[], ["org:who"]]


def test_plural_titles_of_states_written_with_the_article(matcher):
    out = _tag(matcher, [("2018-01-29", "the Presidents of the Philippines and Peru"),
                         ("2021-10-04", "the Prime Ministers of the Netherlands and Belgium"),
                         ("2018-01-29", "the President of the Philippines")])  # twin: the singular, one holder
    assert _actors(out, 3) == [["per:pedro_pablo_kuczynski", "per:rodrigo_duterte"],
                               ["per:alexander_de_croo", "per:mark_rutte"], ["per:rodrigo_duterte"]]


def test_the_belgian_kings_title_names_the_people(matcher):
    out = _tag(matcher, [("2017-07-04", "le roi des Belges"), ("2005-07-04", "King of the Belgians"),
                         ("2005-07-04", "les Belges ont voté")])  # twin: the people alone stay the state
    assert _actors(out, 3) == [["per:philippe"], ["per:albert_ii_bel"], ["BEL"]]


def test_round14_role_probes(matcher):
    """40 fresh (phrase, date) probes, seed 20270212 (provenance in the file's header). Held out, before the
    round's changes: 27 of 40 = 0.675 (Wilson 0.520-0.799; ar 10/14, en 8/11, fr 9/15). The misses by class: no
    holder in the registry (foreign ministers of Singapore 2010, Uzbekistan 2007, Sri Lanka 2024, Honduras 2008;
    defence ministers of Hungary 2015, Uzbekistan 2002: 6), French "du"/"de la" before an initial h or y (Honduras,
    Yémen: 2), directors general (WHO, IAEA: 2), a plural title with "the" before the state ("the Presidents of the
    Philippines and Peru"), a French plural title followed by two demonyms ("les ministres des Affaires étrangères
    birman et malaisien"), "le roi des Belges".

    After (tuned): 32 of 40. Left: the six holders the registry lacks (no source of foreign ministers beyond the 62
    states curated), "le président du Yémen" in 2020 (curated as disputed: Hadi and the Houthi council's al-Mashat,
    so ambiguous by design) and the French plural with the demonyms after the whole title.
    """
    probes = pd.read_csv(DATA / "role_probes_s14.csv", comment="#", keep_default_na=False)
    assert len(probes) == 40 and set(probes["lang"]) == {"en", "fr", "ar"} and (probes["expected"] != "").all()
    outcomes = role_probe_outcomes(probes, registry=matcher)  # a vacant office ("-"): nobody named
    wrong = outcomes.index[~outcomes["right"]]
    assert len(wrong) <= MISSES_PROBES, outcomes.loc[wrong, ["lang", "date", "phrase", "expected", "got"]].to_string()


def _articles() -> tuple[pd.DataFrame, pd.DataFrame]:
    return read_documents(DATA / "heldout_documents_s14.csv")


def test_round14_documents_file_is_fresh_and_balanced():
    assert_fresh_and_balanced(DATA / "heldout_documents_s14.csv", n=30)


def test_round14_documents_score_at_least_what_was_measured(matcher):
    arts, gold = _articles()
    assert arts["lang"].value_counts().to_dict() == {"ar": 10, "en": 10, "fr": 10}
    mentions = tag_actors(arts, registry=matcher)
    got = document_scores(document_outcomes(gold, mentions, matcher.kind_of)).iloc[0]
    assert got["precision"] >= FLOOR_DOCS["precision"] and got["f1"] >= FLOOR_DOCS["f1"], got.to_dict()


EPONYM_CASES = [
    ("2020-01-01", "مطار جومو كينياتا الدولي", []),  # Uhuru Kenyatta's surname inside his father's airport
    ("2020-01-01", "بمطار رفيق الحريري الدولي", []),
    ("2015-01-01", "la Journée internationale Nelson Mandela", []),
    ("2015-01-01", "Nelson Mandela International Day", []),
    ("2005-01-01", "la Fondation Jacques Chirac", []),
    ("2022-01-01", "Dr. Wayne Frederick, President, Howard University", []),  # not John Howard
    ("2015-01-01", "Statut du Prix des Nations Unies Nelson Rolihlahla Mandela", ["org:un"]),
    ("2015-01-01", "النظام الأساسي لجائزة الأمم المتحدة لنيلسون روليهلالا مانديلا", ["org:un"]),
    # twins: the same names acting, and a capitalised word between the name and a head ("Victory Day")
    ("2020-01-01", "قال كينياتا إن المطار مغلق", ["per:uhuru_kenyatta"]),
    ("2015-01-01", "Nelson Mandela said on his day", ["per:nelson_mandela"]),
    ("2005-01-01", "Jacques Chirac a visité la fondation", ["per:jacques_chirac"]),
    ("2020-01-01", "Putin Victory Day speech", ["per:vladimir_putin"]),
    ("2016-01-01", "quel prix Poutine est-il prêt à payer", ["per:vladimir_putin"]),
    ("2009-01-01", "منح جائزة نوبل للسلام لأوباما", ["per:barack_obama"]),  # the prize given to him
]


def test_a_person_inside_the_name_of_a_thing_named_after_them_is_not_acting(matcher):
    out = _tag(matcher, [(d, t) for d, t, _ in EPONYM_CASES])
    assert _actors(out, len(EPONYM_CASES)) == [e for *_, e in EPONYM_CASES]
    named = out[(out["article_id"] < 8) & out["actor_id"].ne("org:un").fillna(True)]
    assert set(named["reason"]) == {"in-name"} and named["actor_id"].isna().all()


def test_eponyms_read_alike_on_both_tagging_paths(matcher):
    from diplolib.actors.reference import tag_actors_reference

    arts = pd.DataFrame({"article_id": range(len(EPONYM_CASES)), "published": [d for d, *_ in EPONYM_CASES],
                         "text": [t for _, t, _ in EPONYM_CASES]})
    fast, slow = tag_actors(arts, registry=matcher), tag_actors_reference(arts, matcher)
    pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow.reset_index(drop=True))


@pytest.mark.parametrize("date, text, expected", [
    # Arabic title + bare surname of a head (actors/title_surnames.py): by date where heads share the surname
    ("2010-06-01", "قال الرئيس صالح إن", ["per:ali_abdallah_salih"]),
    ("2019-06-01", "قال الرئيس صالح إن", ["per:barham_salih"]),
    ("2015-06-01", "قال الرئيس صالح إن", []),  # neither in office: no one (the mention stays, ambiguous)
    ("2015-06-01", "ورئيس الوزراء سلام", ["per:tammam_salam"]),  # Tammam, not Nawaf Salam (2025)
    ("1995-06-01", "قال الرئيس ديميريل", ["per:suleyman_demirel"]),  # one head with the form: any date
    ("2010-06-01", "قال الرَّئِيسُ صَالِح إنّ", ["per:ali_abdallah_salih"]),  # vowelled: tashkil is not matched
    # twins: the surname beginning another registered name, the surname alone, a common given name, a
    # surname the tagger already reads alone
    ("2017-06-01", "قال الرئيس صالح الصماد إن", ["per:saleh_ali_al_sammad"]),
    ("1995-06-01", "عهد الرئيس سليمان ديميريل", ["per:suleyman_demirel"]),
    ("2010-06-01", "قال صالح إن الّذي حدث", []),
    ("2019-06-01", "قال الرئيس أحمد إن", []),
    ("2012-01-01", "قال الرئيس الأسد", ["per:bashar_al_assad"]),
])
def test_an_arabic_title_and_bare_surname_is_the_head_in_office_that_day(matcher, date, text, expected):
    out = _tag(matcher, [(date, text)])
    assert sorted(out["actor_id"].dropna()) == expected


def test_title_surname_forms_shared_by_heads_are_read_by_date_only():
    from diplolib.actors import load_registry

    reg = load_registry()
    generated = reg.aliases[reg.aliases["source"] == "rule:title-surname"]
    owners = generated.groupby("alias")["actor_id"].nunique()
    shared = set(owners[owners > 1].index)
    amb = reg.ambiguities[reg.ambiguities["rule"].str.contains("title_surnames.py", regex=False)]
    assert len(generated) > 1000 and shared and shared == set(amb["alias"])
    forms = generated.loc[generated["note"] == "title and surname", "alias"]
    assert not forms.str.split().str[-1].isin(["أحمد", "محمد", "علي"]).any()  # common given names


GEORGIA_CASES = [
    ("Georgia Congresswoman Lucy McBath spoke", []),  # the US state (actors/us_states.py)
    ("FEMA staff are deployed to Alabama, Florida, Georgia, Louisiana", []),
    ("Helen Stone, Commissioner, Chatham County, Georgia", []),
    ("Senator Raphael Warnock of Georgia", []),
    ("the Georgia State Senator Nan Orrock", []),
    # twins: the country, including after a comma and in lists of states
    ("President Salome Zourabichvili of Georgia", ["GEO"]),
    ("the Permanent Representative of Georgia", ["GEO"]),
    ("Armenia, Azerbaijan, Georgia and Ukraine", ["ARM", "AZE", "GEO", "UKR"]),
    ("According to Numbeo, Georgia ranks 8th", ["GEO"]),
    ("Georgia’s Euro-Atlantic aspirations", ["GEO"]),
]


def test_georgia_written_as_the_us_state_is_not_the_country(matcher):
    out = _tag(matcher, [("2023-01-01", t) for t, _ in GEORGIA_CASES])
    got = [[a for a in g if a != "per:salome_zourabichvili"] for g in _actors(out, len(GEORGIA_CASES))]
    assert got == [e for _, e in GEORGIA_CASES]
    assert set(out.loc[out["surface"].eq("Georgia") & out["actor_id"].isna(), "reason"]) == {"us-state"}


def test_us_states_and_eponyms_read_alike_on_both_tagging_paths(matcher):
    from diplolib.actors.reference import tag_actors_reference

    arts = pd.DataFrame({"article_id": range(len(GEORGIA_CASES)), "published": "2023-01-01",
                         "text": [t for t, _ in GEORGIA_CASES]})
    fast, slow = tag_actors(arts, registry=matcher), tag_actors_reference(arts, matcher)
    pd.testing.assert_frame_equal(fast.reset_index(drop=True), slow.reset_index(drop=True))


def test_registry_people_without_an_arabic_name_get_generated_spellings(matcher):
    """The hand and curated people with no Arabic alias (595 before round 14; the CIA's people had spellings, the
    ministers and envoys added by hand none) get transliterations: Sigrid Kaag and Luis Moreno Ocampo are read in
    UNPC and wikinews-ar; the title-surname forms skip Latin particles ("دي كرو" gives no "رئيس الوزراء كرو"). The
    twin of the family-name-first exclusion is tests/test_discover.py's "الوزير جون كويلفيذر" (still discovered)."""
    from diplolib.actors import load_registry

    reg = load_registry()
    people = set(reg.actors.loc[reg.actors["kind"] == "person", "actor_id"])
    without = people - set(reg.aliases.loc[reg.aliases["lang"] == "ar", "actor_id"])
    # those left (139): regnal numbers, initials, one-word names (arabic_forms gives none), and the people of the
    # states that write the family name first (transliterate.FAMILY_NAME_FIRST: "دونج جون" would make جون a surname)
    assert len(without) <= 139 and "per:dong_jun" in without
    out = _tag(matcher, [("2015-01-01", "ويرحب بتعيين سيغريد كاغ منسقة خاصة"),
                         ("2012-01-01", "لويس مورينو أوكامبو مدعي المحكمة")])
    assert _actors(out, 2) == [["per:sigrid_kaag"], ["per:luis_moreno_ocampo"]]
    assert not reg.aliases["alias"].eq("رئيس الوزراء كرو").any()
