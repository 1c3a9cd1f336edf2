"""Class rules of round 8 (events/complements.py, roles.joins): English verbs read with their complement, and
compounds joined by an article or a hyphen. Each case has a twin the rule must leave alone."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


@pytest.fixture(scope="module")
def rows(matcher):
    texts = {
        "complaint": "Lebanon complained to the United Nations on Tuesday over two Israeli air raids.",
        "protest": "Syria protested to the Security Council about Turkish shelling.",
        "no_topic": "Lebanon complained to the United Nations on Tuesday.",
        "warned": "Iran warned Israel to expect reprisals.",
        "brace": "Russia warned Ukraine to brace for swift retaliation.",
        "warned_plain": "Iran warned Israel to respect the truce.",
        "coordinated": "Russian jets bombed a market in Idlib and killed 20 Syrian civilians.",
        "object": "A roadside bombing killed one U.S. soldier and wounded two others.",
        "two_subjects": "Russian jets bombed a market and Belarus condemned the raid.",
        "nouns": "Civilians were wounded by Turkish artillery fire and air strikes on Sunday.",
        "topic": "The Presidents discussed Russian-Tajik relations.",
        "infinitive": "Britain called on Iran to release the sailors.",
        "governed": "Russia's attack on Syria killed 20 people.",
        "according": "Afghanistan has been sharing expertise with rebels according to a report submitted to the "
                     "Canadian government.",
        "article": "Saudi Arabia and the United Arab Emirates cut ties with Qatar.",
        "hyphen": "The Russia-Ukraine talks resumed on Monday.",
        "fired": "Hezbollah fired rockets at Israel on Sunday.",
        "imposed": "The sanctions imposed by the European Union were extended.",
    }
    arts = pd.DataFrame({"article_id": list(texts), "lang": "en", "text": list(texts.values())})
    ev = extract_events(arts, registry=matcher)
    return {k: ev[ev["article_id"] == k] for k in texts}


def _pairs(df: pd.DataFrame, event: str) -> set:
    d = df[df["event"] == event]
    return set(zip(d["source"], d["target"], strict=True))


def test_a_complaints_topic_is_its_target(rows):
    assert _pairs(rows["complaint"], "DISAPPROVE") == {("LBN", "ISR")}
    assert _pairs(rows["protest"], "DISAPPROVE") == {("SYR", "TUR")}
    assert _pairs(rows["no_topic"], "DISAPPROVE") == {("LBN", "org:un")}  # no topic: the addressee stays


def test_a_warning_to_expect_reprisals_is_a_threat(rows):
    assert _pairs(rows["warned"], "THREATEN") == {("IRN", "ISR")}
    assert _pairs(rows["brace"], "THREATEN") == {("RUS", "UKR")}
    assert _pairs(rows["warned_plain"], "DISAPPROVE") == {("IRN", "ISR")}
    assert "THREATEN" not in set(rows["warned_plain"]["event"])


def test_coordinated_verbs_share_their_subject(rows):
    assert ("RUS", "SYR") in _pairs(rows["coordinated"], "FIGHT")
    wounded = rows["object"][rows["object"]["cue"] == "wounded"]
    assert not (wounded["source"] == "USA").any()  # the soldier killed did not wound
    assert _pairs(rows["two_subjects"], "DISAPPROVE") == {("BLR", "")}  # a subject of its own: not the rule's
    strikes = rows["nouns"][rows["nouns"]["cue"].str.startswith("air strikes")]
    assert set(strikes["source"]) == {"TUR"}  # nouns joined by "and": not coordinated verbs


def test_the_object_of_a_phrasal_verb_does_its_infinitive(rows):
    release = rows["infinitive"][rows["infinitive"]["event"] == "CONCEDE"]
    assert set(release["source"]) == {"IRN"}
    assert ("RUS", "") in _pairs(rows["governed"], "ASSAULT") | _pairs(rows["governed"], "FIGHT")


def test_no_target_past_according_to(rows):
    assert _pairs(rows["according"], "COOPERATE") == {("AFG", "")}


def test_compounds_joined_by_an_article_or_a_hyphen(rows):
    assert _pairs(rows["article"], "SANCTION") == {("SAU", "QAT"), ("ARE", "QAT")}
    assert _pairs(rows["hyphen"], "CONSULT") == {("RUS", "UKR"), ("UKR", "RUS")}
    assert not rows["topic"]["compound"].any()  # a hyphen in a topic ("Russian-Tajik relations") joins nothing


def test_projectiles_fired_at_and_sanctions_imposed_by(rows):
    assert _pairs(rows["fired"], "FIGHT") == {("grp:hezbollah", "ISR")}
    assert _pairs(rows["imposed"], "SANCTION") == {("org:eu", "")}
