"""Round 17, second part (issue 15): classes of direction and attribution errors left by the seed-2040 reading and
the PLOVER tune half, each read by a general rule with a case it fixes and a twin it must leave alone."""

from __future__ import annotations

import pytest
from events_readings import events_of, triples

TEXTS = {
    "en": {
        # the owner of a withdrawal noun withdraws (events/owners.py)
        "withdrawal_of": "The withdrawal of Russian troops from Syria began on Monday.",
        "demanded_withdrawal": "Russia demanded the withdrawal of American forces from Syria.",
        "pullout_of": "The pullout of Russian troops from Syria began.",
        "withdrawal_us": "Turkey welcomed the withdrawal of the United States from the Paris agreement.",
        "its_withdrawal_twin": "Russia announced the withdrawal of its troops from Syria.",
        "possessive_twin": "Israel's withdrawal from Gaza was welcomed by Egypt.",
        "support_twin": "France criticized the withdrawal of support for Syria.",
    },
    "fr": {
        "retrait_de": "Le retrait de la Belgique de l'accord a surpris.",
        "retrait_des_troupes": "La Russie exige le retrait des troupes américaines de Syrie.",
        "son_retrait_twin": "La France a annoncé son retrait du Mali.",
        "retire_twin": "La France retire ses troupes du Mali.",
    },
    "ar": {
        "bi_insihab": "وطالبت روسيا بانسحاب القوات الأمريكية من سوريا.",
        "quwwatuha_twin": "وأعلنت روسيا انسحاب قواتها من سوريا.",
        "verb_first_twin": "انسحاب القوات الروسية من سوريا.",
    },
}


@pytest.fixture(scope="module")
def rows():
    return events_of(TEXTS)


def test_the_owner_of_a_withdrawal_withdraws(rows):
    assert triples(rows["en:withdrawal_of"], "RETREAT") == {("RETREAT", "RUS", "SYR")}
    assert triples(rows["en:demanded_withdrawal"], "RETREAT") == {("RETREAT", "USA", "SYR")}
    assert triples(rows["en:pullout_of"], "RETREAT") == {("RETREAT", "RUS", "SYR")}
    assert triples(rows["en:withdrawal_us"], "RETREAT") == {("RETREAT", "USA", "")}
    assert triples(rows["fr:retrait_de"], "RETREAT") == {("RETREAT", "BEL", "")}
    assert triples(rows["fr:retrait_des_troupes"], "RETREAT") == {("RETREAT", "USA", "SYR")}
    assert triples(rows["ar:bi_insihab"], "RETREAT") == {("RETREAT", "USA", "SYR")}


def test_a_possessed_or_ownerless_withdrawal_keeps_its_reading(rows):
    assert triples(rows["en:its_withdrawal_twin"], "RETREAT") == {("RETREAT", "RUS", "SYR")}
    assert {t[1] for t in triples(rows["en:possessive_twin"], "RETREAT")} == {"ISR"}
    assert triples(rows["fr:son_retrait_twin"], "RETREAT") == {("RETREAT", "FRA", "MLI")}
    assert triples(rows["fr:retire_twin"], "RETREAT") == {("RETREAT", "FRA", "MLI")}
    assert triples(rows["ar:quwwatuha_twin"], "RETREAT") == {("RETREAT", "RUS", "SYR")}
    assert triples(rows["ar:verb_first_twin"], "RETREAT") == {("RETREAT", "RUS", "SYR")}
    assert ("RETREAT", "SYR", "") not in triples(rows["en:support_twin"], "RETREAT")


ADJUNCTS = {
    "en": {
        # the agent of a participle in an adjunct is no party (events/adjuncts.py)
        "under_mediated": "The fighting stopped under an agreement mediated by Russia.",
        "despite_negotiated": "Fighting resumed despite a truce negotiated by Russia.",
        "object_twin": "Russia attacked the convoy sent by Turkey.",
        "imposed_twin": "Syria criticized the sanctions imposed by the United States.",
        "held_twin": "Fighting in areas held by Russia continued.",
        "passive_twin": "Turkey was attacked by Russia.",
        "clause_twin": "The Syrian army withdrew from the farms as they faced a counter-offensive led by Russia.",
        "clause_verb_twin": "Three suspected attacks in Hama after warplanes attacked territory controlled by Russia.",
        "glued": "Fighting resumed despite a Russia-brokered truce.",
        "glued_mediated": "The fighting stopped under a Russian-mediated agreement.",
        "glued_twin": "Russia condemned the US-led strikes.",
        "glued_name_twin": "Britain welcomed progress under the pact with Australia-United Kingdom-United States.",
        "as_massacre": 'The attack was described as a "massacre" committed by Russia.',
    },
    "fr": {
        "grace_a": "Les combats ont cessé grâce à un accord négocié par la Russie.",
        "imposees_twin": "La France condamne les sanctions imposées par la Russie.",
    },
}


@pytest.fixture(scope="module")
def adjunct_rows():
    return events_of(ADJUNCTS)


def test_the_agent_of_a_participle_in_an_adjunct_is_no_party(adjunct_rows):
    for k in ("en:under_mediated", "en:despite_negotiated", "fr:grace_a"):
        assert ("FIGHT", "", "RUS") not in triples(adjunct_rows[k], "FIGHT"), k
    assert "RUS" not in set(adjunct_rows["fr:grace_a"]["target"].fillna(""))
    for k in ("en:glued", "en:glued_mediated"):  # the agent glued before its participle
        assert ("FIGHT", "", "RUS") not in triples(adjunct_rows[k], "FIGHT"), k
    attack = adjunct_rows["en:as_massacre"]
    assert "RUS" not in set(attack.loc[attack["cue"] == "attack", "target"].fillna(""))  # the massacre's agent


def test_the_agent_of_the_objects_participle_stays(adjunct_rows):
    assert triples(adjunct_rows["en:object_twin"], "ASSAULT") == {("ASSAULT", "RUS", "TUR")}
    assert ("DISAPPROVE", "SYR", "USA") in triples(adjunct_rows["en:imposed_twin"], "DISAPPROVE")
    assert triples(adjunct_rows["en:held_twin"], "FIGHT") == {("FIGHT", "", "RUS")}
    assert triples(adjunct_rows["en:passive_twin"], "ASSAULT") == {("ASSAULT", "RUS", "TUR")}
    assert ("DISAPPROVE", "FRA", "RUS") in triples(adjunct_rows["fr:imposees_twin"], "DISAPPROVE")
    assert ("DISAPPROVE", "RUS", "USA") in triples(adjunct_rows["en:glued_twin"], "DISAPPROVE")  # no adjunct
    assert ("SUPPORT", "GBR", "AUS") in triples(adjunct_rows["en:glued_name_twin"], "SUPPORT")  # "-United": a name
    # a conjunction opening a clause, not a preposition: its participle's agent keeps its reading
    assert triples(adjunct_rows["en:clause_twin"], "RETREAT") == {("RETREAT", "grp:saa", "RUS")}
    assert ("FIGHT", "", "RUS") in triples(adjunct_rows["en:clause_verb_twin"], "FIGHT")
