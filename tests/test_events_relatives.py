"""Round 6 role rules: the subject of a relative clause without commas (``clauses.relative_subject``), a patron
qualifier that sources only its own cue (``roles.assign``), a demand's addressee (``sides.addressee``) and the
false friends of the seed-2031 reading (cue senses)."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()  # ActorMatcher(load_registry()), built once per process (not again in this file)


def _row(text: str, cue: str, matcher, lang: str = "en") -> tuple[str, str]:
    arts = pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]})
    ev = extract_events(arts, registry=matcher)
    row = ev[ev["cue"] == cue].iloc[0]
    return row["source"], row["target"]


@pytest.mark.parametrize(("lang", "text", "cue", "pair"), [
    # the antecedent is a noun the registry does not tag: no source rather than the main clause's subject
    ("en", "The US strikes are meant to limit the advance of militants who have seized territory in Syria.",
     "seized territory", ("", "SYR")),  # taking territory is one FIGHT cue (round 7)
    ("fr", "La France a critiqué les rebelles qui ont attaqué le Mali.", "attaqué", ("", "MLI")),
    # the antecedent is the actor phrase, maybe with a qualifying noun: it stays the source
    ("en", "Syrian rebels who attacked Turkey were arrested.", "attacked", ("SYR", "TUR")),
    ("en", "Russia, which attacked Georgia in 2008, denied it.", "attacked", ("RUS", "GEO")),
    # a deed as antecedent keeps its doer; a subject inside the clause ("which it supports") leaves it alone
    ("en", "ISIS carried out a suicide bombing on a bus on Sunday which killed Syrian soldiers.", "killed",
     ("grp:isis", "SYR")),
    ("en", "MSF reported attacks on the health facilities which it runs or supports in Syria.", "supports",
     ("org:msf", "SYR")),
    # the actor inside the relative clause is its subject: an object relative is left as it was
    ("en", "The town which Russia attacked is in Syria.", "attacked", ("RUS", "SYR")),
])
def test_the_subject_of_a_relative_clause_is_its_antecedent(matcher, lang, text, cue, pair):
    assert _row(text, cue, matcher, lang) == pair


@pytest.mark.parametrize(("text", "cue", "pair"), [
    ("Iran-backed militias attacked Israel.", "attacked", ("", "ISR")),
    ("The SDF, a US-backed group, moved to seize Manbij from ISIS.", "seize", ("grp:sdf", "grp:isis")),
    ("Iran-backed militias attacked Israel.", "backed", ("IRN", "")),  # its own cue keeps it
    ("The US-backed SDF fought ISIS.", "fought", ("grp:sdf", "grp:isis")),
])
def test_a_patron_qualifier_sources_only_its_own_cue(matcher, text, cue, pair):
    """"Iran-backed militias attacked": the militias attack, not Iran, though Iran is the nearest actor before."""
    assert _row(text, cue, matcher) == pair


@pytest.mark.parametrize(("text", "cue", "pair"), [
    # the one asked is a noun the registry lacks: the actor of the content after the infinitive is no target
    ("Syria requested the pilots to carry out strikes against ISIS.", "requested", ("SYR", "")),
    ("France called on all parties to implement the resolutions of the African Union.", "called on", ("FRA", "")),
    # the one asked is an actor before the infinitive, or no infinitive stands between
    ("Britain urged Russia to stop bombing Syria.", "urged", ("GBR", "RUS")),
    ("France appealed to the UN to act.", "appealed to", ("FRA", "org:un")),
    ("Turkey called for an end to the attacks on Syria.", "called for", ("TUR", "SYR")),
])
def test_a_demand_targets_its_addressee(matcher, text, cue, pair):
    assert _row(text, cue, matcher) == pair


@pytest.mark.parametrize(("lang", "text", "hidden"), [
    ("fr", "Le Secrétaire général a reçu du Représentant permanent du Chili une lettre.", "reçu"),
    ("fr", "Le Tribunal pénal international pour le Rwanda a arrêté une stratégie.", "arrêté"),
    ("fr", "Nous exhortons le Conseil de sécurité à s'attaquer à cette situation.", "attaquer"),
    ("fr", "La baisse de la demande de produits de base en Chine touche le Japon.", "demande"),
    ("en", "Russia destroyed 13 Daesh fighting positions.", "fighting"),
    ("en", "The Russian army eliminated 75 Nusra Front militants including suicide bombers from Saudi Arabia.",
     "bombers"),
    ("en", "Russian jets killed 304 Daesh militants and left more than 170 wounded.", "left"),
])
def test_false_friends_give_no_event(matcher, lang, text, hidden):
    """Cue senses (hand reading, seed 2031): a letter received is no meeting, a strategy adopted no arrest,
    tackling a situation no attack, economic demand no demand, a noun compound or an agent noun no event."""
    arts = pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]})
    cues = extract_events(arts, registry=matcher)["cue"].str.lower()
    assert not cues.str.contains(hidden).any()


@pytest.mark.parametrize(("lang", "text", "cue"), [
    ("fr", "Le président français a reçu le ministre russe.", "a reçu"),  # a meeting takes a direct object
    ("en", "Syria left Lebanon in 2005.", "left"),
])
def test_the_cue_senses_kept(matcher, lang, text, cue):
    arts = pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]})
    assert cue in set(extract_events(arts, registry=matcher)["cue"])
