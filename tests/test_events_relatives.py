"""Round 6 role rules: the subject of a relative clause without commas (``clauses.relative_subject``), a patron
qualifier that sources only its own cue (``roles.assign``) and a demand's addressee (``sides.addressee``)."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib import actors
from diplolib.events import extract_events


@pytest.fixture(scope="module")
def matcher():
    return actors.ActorMatcher(actors.load_registry())


def _row(text: str, cue: str, matcher, lang: str = "en") -> tuple[str, str]:
    arts = pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]})
    ev = extract_events(arts, registry=matcher)
    row = ev[ev["cue"] == cue].iloc[0]
    return row["source"], row["target"]


@pytest.mark.parametrize(("lang", "text", "cue", "pair"), [
    # the antecedent is a noun the registry does not tag: no source rather than the main clause's subject
    ("en", "The US strikes are meant to limit the advance of militants who have seized territory in Syria.",
     "seized", ("", "SYR")),
    ("fr", "La France a critiqué les rebelles qui ont attaqué le Mali.", "attaqué", ("", "MLI")),
    # the antecedent is the actor phrase, maybe with a qualifying noun: it stays the source
    ("en", "Syrian rebels who attacked Turkey were arrested.", "attacked", ("SYR", "TUR")),
    ("en", "Russia, which attacked Georgia in 2008, denied it.", "attacked", ("RUS", "GEO")),
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
