"""Round 10 (issue 12): 41 documents read by hand for their actors before tagging, and the rules they led to.

tests/data/heldout_documents_s10.csv: openings drawn with seed 20261230 from meae-fr (12), wikinews-ar (12),
wikinews-fr (6), fa-kes (5), wh-readouts (3) and kremlin-en (3), none read in an earlier round. People, states and
armed groups, ``tag_actors`` alone, as written (held out): P 0.916 R 0.701 F1 0.794 (people 0.611, states 0.908,
armed groups 1.000; ar 0.571, en 0.889, fr 0.835); with ``discover_actors``: P 0.910 R 0.759 F1 0.828. After the
classes below were fixed (so no longer held out) the scores are the floors asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from document_readings import read_documents

from diplolib.actors import tag_actors
from diplolib.actors.evaluate import document_outcomes, document_scores
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.provisional import discover_actors

GOLD = Path(__file__).parent / "data" / "heldout_documents_s10.csv"
LANG = {"meae-fr": "fr", "wikinews-ar": "ar", "wikinews-fr": "fr", "fa-kes": "en", "wh-readouts": "en",
        "kremlin-en": "en"}
# measured after the fixes (people, states and armed groups; see the module docstring for the held-out values),
# then after round 10's merge with the plural "of" titles of the roles work: 0.942/0.807 and 0.941/0.847 before it.
# The one change: "nous, ministres des affaires étrangères de la France, de l'Allemagne et de la Pologne" now names
# Le Drian (the minister on the date, right) where the reader listed France, named only inside that phrase.
# (The merge also made discover_actors drop "Julie Chavez Rodriguez" as a spelling of the CIA's Jorge Rodriguez,
# a new registry person with the same initial; a known first name that is no spelling of the other is now
# someone else: tests/test_discover.py.)
FLOOR_TAG = {"precision": 0.935, "f1": 0.801}
FLOOR_DISCOVER = {"precision": 0.934, "f1": 0.841}


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _tag(matcher, texts, *, source="x", date="2020-10-01"):
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": [date] * len(texts),
                         "source": [source] * len(texts)})
    return tag_actors(arts, registry=matcher)


def test_file_is_well_formed_and_read_as_documented():
    gold = pd.read_csv(GOLD, comment="#", keep_default_na=False)
    assert list(gold.columns) == ["corpus", "position", "chars", "origin", "expected"]
    assert gold.groupby("corpus").size().to_dict() == {"meae-fr": 12, "wikinews-ar": 12, "wikinews-fr": 6,
                                                       "fa-kes": 5, "wh-readouts": 3, "kremlin-en": 3}
    earlier = pd.concat([pd.read_csv(p) for p in GOLD.parent.glob("heldout_documents*.csv") if p != GOLD])
    assert not set(zip(gold["corpus"], gold["position"])) & set(zip(earlier["corpus"], earlier["position"]))


def test_a_registered_short_name_inside_a_longer_name_is_someone_else(matcher):
    """Yvan Colonna is not Catherine Colonna, Maher al-Assad not Bashar, Hadi al-Bahra not Abd Rabbuh Mansur
    Hadi; a title, an alias or the owner's own first name before it, or the owner's own longer form, keep it."""
    out = _tag(matcher, ["Lors du procès d'Yvan Colonna, le juge a parlé.", "Maher al-Assad and Hadi al-Bahra met.",
                         "President Assad met Secretary of State Pompeo and Russian Putin.",
                         "Salman bin Abdulaziz received Catherine Colonna; Colonna spoke, with Mr. Michael R. Pompeo.",
                         "قال محمد بن سلمان"], date="2017-06-01")
    got = out.groupby("article_id")["actor_id"].agg(lambda s: sorted(s.dropna()))
    assert 0 not in got.index or "per:catherine_colonna" not in got[0]
    assert "per:bashar_al_assad" not in got.get(1, []) and "per:abdrabbuh_mansur_hadi" not in got.get(1, [])
    assert {"per:bashar_al_assad", "per:mike_pompeo", "per:vladimir_putin"} <= set(got[2])
    assert got[3].count("per:catherine_colonna") == 2 and {"per:salman_of_saudi_arabia", "per:mike_pompeo"} <= set(got[3])
    assert got[4] == ["per:mohammed_bin_salman"]
    later = _tag(matcher, ["Lors du procès d'Yvan Colonna, Colonna a parlé.", "Catherine Colonna a vu Yvan Colonna. Colonna"],
                 date="2023-06-01")
    assert later["actor_id"].dropna().tolist() == ["per:catherine_colonna", "per:catherine_colonna"]


def test_an_unqualified_office_followed_by_a_demonym_is_that_states_office(matcher):
    out = _tag(matcher, ["Le président de la République a appelé le Premier ministre arménien et le Premier ministre."],
               source="meae")
    people = out.loc[out["surface"].str.lower().str.startswith("le premier ministre"), ["surface", "actor_id"]]
    assert people.values.tolist() == [["le Premier ministre arménien", "per:nikol_pashinyan"],
                                      ["le Premier ministre", "per:jean_castex"]]  # the second France's, from the source
    # round 12: one office, one mention, as the generated "Premier ministre arménien" reads it (the state is the
    # person's country), so the demonym is no second mention of Armenia
    assert "ARM" not in set(out["actor_id"])


def test_a_role_phrase_inside_another_office_names_no_holder(matcher):
    out = _tag(matcher, ["Josep Borrell, vice-président de la Commission européenne.",
                         "The former Russian president and the Russian president.", "نائب الرئيس السوري والرئيس السوري",
                         "le secrétaire d'Etat américain adjoint"])
    roles = out[out["method"] == "role"]
    assert roles.loc[roles["article_id"] == 0, "reason"].tolist() == ["other-office"]
    former = roles[roles["article_id"] == 1]
    assert former["reason"].iloc[0] == "other-office" and former["actor_id"].iloc[1] == "per:vladimir_putin"
    assert roles.loc[roles["article_id"] == 2, "actor_id"].iloc[1] == "per:bashar_al_assad"
    # the whole "نائب الرئيس السوري" is the vice-president's own phrase since the CIA's deputies (round 10)
    assert roles.loc[roles["article_id"] == 2, "actor_id"].iloc[0] == "per:najah_al_attar"
    assert roles.loc[roles["article_id"] == 3, "reason"].tolist() == ["other-office"]


def _articles() -> tuple[pd.DataFrame, pd.DataFrame]:
    return read_documents(GOLD, lang=LANG)


def test_documents_score_at_least_what_was_measured(matcher):
    arts, gold = _articles()
    mentions = tag_actors(arts, registry=matcher)
    tagged = document_scores(document_outcomes(gold, mentions, matcher.kind_of)).iloc[0]
    found = discover_actors(arts, mentions, registry=matcher)
    both = document_scores(document_outcomes(gold, found, matcher.kind_of)).iloc[0]
    for got, floor in ((tagged, FLOOR_TAG), (both, FLOOR_DISCOVER)):
        assert got["precision"] >= floor["precision"] and got["f1"] >= floor["f1"], got.to_dict()
