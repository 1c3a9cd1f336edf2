"""Round 17 (issue 12, s17-ad): 30 fresh documents and 40 fresh role probes read before tagging, and the classes of
misses they showed, each rule with a twin it must not change.

Held out (measured on the readings as committed in a42f59b, before any change of the round): documents
(tests/data/heldout_documents_s17.csv, seed 20270511): people, states and armed groups P 0.939 R 0.559 F1 0.701
(ar 0.647, en 0.721, fr 0.750; people 0.405, states 0.936); with ``discover_actors`` 0.789 (P 0.949 R 0.676). 41 of
the 44 people missed are people the registry lacked. Role probes (tests/data/role_probes_s17.csv, seed 20270512): 29
of 40 (ar 10/13, en 9/14, fr 10/13). The floors below are after the round's fixes (tuned on these readings, so no
longer held out).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from document_readings import (
    assert_documents_score_at_least,
    assert_fresh_and_balanced,
    assert_probes_missed_at_most,
    ids_by_row,
)

from diplolib.actors.evaluate import document_outcomes, registry_person_names
from diplolib.actors.matcher_cache import default_matcher

DATA = Path(__file__).parent / "data"
MISSES_PROBES = 6  # after round 18 (s18-fm, s18-fn: the ministers): 34 of 40; round 17's fixes: 33 of 40
FLOOR_DOCS = {"precision": 0.95, "f1": 0.71}  # after: P 0.955 F1 0.719
FLOOR_DISCOVER = {"precision": 0.96, "f1": 0.80}  # after: P 0.962 F1 0.806


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def test_round17_role_probes(matcher):
    """40 fresh (phrase, date) probes, seed 20270512 (provenance in the file's header). Held out, before the
    round's changes: 29 of 40. The misses by class: no holder in the registry (foreign ministers of Cameroon 2000
    and 2007 and Uruguay 2002; defence ministers of Uganda 2002, Thailand 2005, Tanzania 2011 and Mali 2019: 7); no
    heir before accession (Belgium 2001) and no "heir to the throne" phrase; coordinated "de l'Australie et de la
    Malaisie" and "رئيسا المجر وكوستاريكا" (one holder of two); "the AU Commission's chairperson".

    After (tuned): 33 of 40; the seven ministers the registry lacks are left (its foreign ministers cover 20% of
    the UN members' days 2000-2025, its defence ministers 13%)."""
    assert_probes_missed_at_most(DATA / "role_probes_s17.csv", matcher, misses=MISSES_PROBES)


def test_round17_documents_file_is_fresh_and_balanced():
    assert_fresh_and_balanced(DATA / "heldout_documents_s17.csv", n=30)


def test_round17_documents_score_at_least_what_was_measured(matcher):
    assert_documents_score_at_least(DATA / "heldout_documents_s17.csv", matcher, tagged=FLOOR_DOCS,
                                    discovered=FLOOR_DISCOVER)


def _tag(matcher, rows: list[tuple[str, str]], source: str = "") -> list[list[str]]:
    return ids_by_row(matcher, rows, source=source)


def test_heirs_before_their_accession_and_the_heirs_titles(matcher):
    """The CIA lists heirs without dates, so the registry had the current heirs only: Belgium's Philippe (1993-2013),
    Spain's Felipe (1975-2014) and the heirs of 12 more monarchies before accession; "heir to the throne" and
    "héritier du trône" are the heir's titles too."""
    assert _tag(matcher, [("2001-05-19", "the heir to the throne of Belgium"),
                          ("2001-05-19", "l'héritier du trône de Belgique"),
                          ("2005-03-20", "ولي عهد إسبانيا"),
                          ("2001-05-19", "the King of Belgium"),  # twin: the monarch, not the heir
                          ("2016-05-19", "the heir to the throne of Belgium")]) == [  # twin: after his accession
        ["per:philippe"], ["per:philippe"], ["per:felipe_vi"], ["per:albert_ii_bel"], ["per:princess_elisabeth"]]


def test_secretaries_general_before_annan_and_khomeini(matcher):
    """Heads of an international body the registry lacked: the UN's secretaries-general 1946-1996 (UNGDC 1961:
    "Dag Hammarskjold personified the spirit of the United Nations"), and Iran's first Supreme Leader ("led by Imam
    Khomeini")."""
    assert _tag(matcher, [("1961-10-01", "Dag Hammarskjold personified the spirit of the United Nations"),
                          ("1965-10-01", "the Secretary-General of the United Nations"),
                          ("1981-10-01", "led by Imam Khomeini"),
                          ("2010-10-01", "the Secretary-General of the United Nations")]) == [  # twin: Ban
        ["org:un", "per:dag_hammarskjold"], ["per:u_thant"], ["per:ruhollah_khomeini"],
        ["per:ban_ki_moon"]]


def test_coordinated_states_after_a_plural_title_with_their_articles(matcher):
    """"les Premiers ministres de l'Australie et de la Malaisie" and "رئيسا المجر وكوستاريكا" named one holder: the
    phrase's state ("l australie", "المجر" keyed "مجر") was not found in it to be replaced by the second state's.
    Now also after the Arabic article and with every French "of" ("de la", "de l'", "du", "des", "de", "d'")."""
    assert _tag(matcher, [("2020-09-10", "les Premiers ministres de l'Australie et de la Malaisie"),
                          ("2017-04-04", "رئيسا المجر وكوستاريكا"),
                          ("2017-04-04", "le Premier ministre de l'Australie et de la Malaisie"),  # twin: singular
                          ("2017-04-04", "وزير خارجية المجر والبرازيل")]) == [  # twin: one minister
        ["per:muhyiddin_yassin", "per:scott_morrison"], ["per:janos_ader", "per:luis_guillermo_solis_rivera"],
        ["MYS", "per:malcolm_turnbull"], ["BRA", "per:peter_szijjarto"]]


def test_the_au_commissions_chairperson(matcher):
    assert _tag(matcher, [("2022-01-04", "the AU Commission's chairperson said"),
                          ("2022-01-04", "the AU's chairperson said")]) == [  # twin: the Union's rotating chair
        ["per:moussa_faki"], ["org:african_union"]]


def test_the_president_inside_an_aides_title(matcher):
    """White House readouts: "Jennifer Klein, Assistant to the President and Director of the Gender Policy Council"
    named the aide's principal, read as Biden (two false hits in round 17's documents)."""
    assert _tag(matcher, [("2023-03-21", "Jennifer Klein, Assistant to the President and Director, convened"),
                          ("2021-08-06", "Special Assistant to the President for Housing Policy Erika Poethig"),
                          ("2023-03-21", "She spoke to the President on Monday.")],  # twin: the president himself
                source="whitehouse") == [[], [], ["per:joe_biden"]]


def test_the_french_language_noun_is_no_state(matcher):
    """"les potentialités économiques du français" (wikinews-fr) was France: the language's noun with its article,
    lower case ("du français", "de l'arabe"), is a language; "du Français" (a Frenchman) stays the state."""
    assert _tag(matcher, [("2012-07-02", "les atouts économiques du français et de l'arabe"),
                          ("2012-07-02", "l'arrestation du Français Pierre Dupont")]) == [[], ["FRA"]]


def test_chiles_other_arabic_spelling(matcher):
    assert _tag(matcher, [("2014-04-01", "المهاجم الشيلي إدواردو فارجاس"),
                          ("2014-04-01", "الرئيس التشيلي")]) == [["CHL"], ["per:michelle_bachelet"]]  # twin


def test_a_new_person_the_registry_gained_is_found_by_their_id(matcher):
    """A reading's ``new:<name as written>`` is the registry's person once the registry has exactly one person of
    that name; a name that is no one's or several people's stays a new person."""
    names = registry_person_names(matcher.registry)
    gold = pd.DataFrame({"article_id": [0], "expected": ["new:Dag_Hammarskjold new:Jon_Quillfeather"]})
    mentions = pd.DataFrame({"article_id": [0], "actor_id": ["per:dag_hammarskjold"], "alias_kind": ["name"]})
    got = document_outcomes(gold, mentions, matcher.kind_of, names=names)
    assert got[["actor", "outcome"]].values.tolist() == [["new:Dag_Hammarskjold", "tp"],
                                                        ["new:Jon_Quillfeather", "fn"]]
    without = document_outcomes(gold, mentions, matcher.kind_of)  # twin: as before, a new: and a registry id
    assert sorted(without["outcome"]) == ["fn", "fn", "fp"]
