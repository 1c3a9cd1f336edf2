"""Round 16 (issue 15): rules by class from the PLOVER tune half and the seed-2039 reading. Each rule has a twin it
must leave alone."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

TEXTS = {
    # a coordinated subject of a verb of talk or of a mutual cue holds both parties (events/partners.py)
    "discussed": "Vladimir Putin and President of Egypt Mohammed Morsi discussed bilateral cooperation in various "
                 "sectors.",
    "agreed_content": "President Biden and President Macron agreed their teams will stay in close touch, including "
                      "in consultation with NATO Allies and EU partners.",
    "with_twin": "Russia and China met with Iran in Moscow.",
    "discussed_with_twin": "Russia and China discussed the crisis with Iran.",
    "held_with_twin": "Russia and China held talks in Moscow with Iran.",
    "between_twin": "The two leaders underscored the friendship between the United States and Canada, and discussed "
                    "trade.",
    "governed_twin": "Kerry placed calls to his French and Turkish counterparts to discuss a response.",
    "active_twin": "France and Germany condemned Russia.",
    # the owner of a noun in the object's purpose phrase is no target (events/complements.purpose_targets)
    "purpose": "President Bashar al-Assad spoke. Syrian Islamist rebels bombarded a campaign rally in support of "
               "President Bashar al-Assads re-election.",
    "purpose_own_twin": "Thousands rallied in support of President Bashar al-Assad's re-election.",
    "purpose_no_owner_twin": "Russia sent troops in support of the Syrian government.",
    # "called" reaches a party or names (events/senses.naming_calls)
    "named_quote": "Russian aircraft carried out what the Observatory called \"a new massacre\".",
    "named_actor": "Obama called Putin a liar.",
    "named_thing": "Russia called the strike an act of aggression.",
    "called_twin": "Putin called Macron on Monday.",
    "called_title_twin": "Biden called the Prime Minister of Japan to discuss trade.",
    "called_pronoun_twin": "Putin called him on Monday.",
    "called_unknown_twin": "Mr Putin called Maya Plisetskaya to give her his congratulations.",
    # a "between" further on names a mutual cue's two sides (events/partners.between_further)
    "between_further": "Talks were held at the Kremlin between Vladimir Putin and Emmanuel Macron.",
    "between_one_twin": "Talks were held at the Kremlin between Vladimir Putin and officials.",
    "between_with_twin": "Russia held talks in Geneva with France and Germany.",
    # a noun's agent after a belief (events/agents.AGENT_FILLERS)
    "believed_agent": "The attack believed to have been carried out by Russian aircraft killed at least 18 people.",
    "condemned_by_twin": "The attack on Syria was condemned by France.",
    # a bilateral topic with no party before it (events/partners.hyphen_partners)
    "hyphen_topic": "The two leaders will discuss the further development of Russian-Qatari trade.",
    "hyphen_verb_twin": "They condemned the Russian-Chinese exercises.",
    # a place that ends a fronted adjunct is no member of the list after its comma (events/fronted.fronted_cuts)
    "fronted_place": "Following talks in Moscow, Putin and Erdogan signed an agreement.",
    "fronted_list_twin": "On the first day of the summit Mr Putin had brief talks with Indonesian President Megawati "
                         "Sukarnoputri, US President George W. Bush and Peruvian President Alejandro Toledo.",
}


FRENCH = {
    # a noun that denies the event, as English "absence of" (events/markers.MARKERS["negation"])
    "absence": "L'absence de toute condamnation des autorités turques a choqué la France.",
    "absence_twin": "La condamnation des autorités turques a choqué la France.",
}


@pytest.fixture(scope="module")
def french():
    arts = pd.DataFrame({"article_id": list(FRENCH), "lang": "fr", "text": list(FRENCH.values()),
                         "published": pd.Timestamp("2020-10-30", tz="UTC")})
    ev = extract_events(arts, registry=default_matcher())
    return {k: ev[ev["article_id"] == k] for k in FRENCH}


def test_a_french_noun_of_absence_negates(french):
    assert french["absence"].loc[french["absence"]["event"] == "DISAPPROVE", "negated"].tolist() == [True]
    assert french["absence_twin"].loc[french["absence_twin"]["event"] == "DISAPPROVE", "negated"].tolist() == [False]


@pytest.fixture(scope="module")
def rows():
    arts = pd.DataFrame({"article_id": list(TEXTS), "lang": "en", "text": list(TEXTS.values()),
                         "published": pd.Timestamp("2013-06-01", tz="UTC")})
    ev = extract_events(arts, registry=default_matcher())
    return {k: ev[ev["article_id"] == k] for k in TEXTS}


def _pairs(df: pd.DataFrame, event: str) -> set:
    d = df[df["event"] == event]
    return set(zip(d["source"], d["target"], strict=True))


def test_a_coordinated_subject_of_a_verb_of_talk_holds_both_parties(rows):
    assert _pairs(rows["discussed"], "CONSULT") == {("per:vladimir_putin", "per:mohamed_morsi"),
                                                    ("per:mohamed_morsi", "per:vladimir_putin")}
    # an actor in what was agreed is no party
    assert _pairs(rows["agreed_content"], "AGREE") == {("per:joe_biden", "per:emmanuel_macron"),
                                                       ("per:emmanuel_macron", "per:joe_biden")}


def test_a_partner_named_by_with_stays_the_target(rows):
    assert _pairs(rows["with_twin"], "CONSULT") == {("RUS", "IRN"), ("CHN", "IRN")}
    assert _pairs(rows["discussed_with_twin"], "CONSULT") == {("RUS", "IRN"), ("CHN", "IRN")}
    assert _pairs(rows["held_with_twin"], "CONSULT") == {("RUS", "IRN"), ("CHN", "IRN")}


def test_a_governed_compound_is_no_subject(rows):
    assert ("USA", "CAN") not in _pairs(rows["between_twin"], "CONSULT")
    assert ("FRA", "TUR") not in _pairs(rows["governed_twin"], "CONSULT")
    assert _pairs(rows["active_twin"], "DISAPPROVE") == {("FRA", "RUS"), ("DEU", "RUS")}


def test_the_owner_of_a_noun_in_the_objects_purpose_is_no_target(rows):
    assert _pairs(rows["purpose"], "FIGHT") == {("SYR", "SYR")}  # the rally's place, not Assad
    # the purpose phrase of the cue itself, and an actor that owns nothing in it, keep their target
    assert _pairs(rows["purpose_own_twin"], "PROTEST") == {("", "per:bashar_al_assad")}
    assert _pairs(rows["purpose_no_owner_twin"], "MOBILIZE") == {("RUS", "SYR")}


def test_called_names_unless_it_reaches_a_party(rows):
    for key in ("named_quote", "named_actor", "named_thing"):
        assert "CONSULT" not in set(rows[key]["event"]), key
    assert _pairs(rows["called_twin"], "CONSULT") == {("per:vladimir_putin", "per:emmanuel_macron")}
    assert ("per:joe_biden", "per:shinzo_abe") in _pairs(rows["called_title_twin"], "CONSULT")
    assert _pairs(rows["called_pronoun_twin"], "CONSULT") == {("per:vladimir_putin", "")}
    assert _pairs(rows["called_unknown_twin"], "CONSULT") == {("per:vladimir_putin", "")}


def test_a_between_further_on_names_both_sides(rows):
    assert _pairs(rows["between_further"], "CONSULT") == {("per:vladimir_putin", "per:emmanuel_macron"),
                                                          ("per:emmanuel_macron", "per:vladimir_putin")}
    # one party after "between" is no pair; partners after "with" stay one party's
    assert "per:vladimir_putin" not in set(rows["between_one_twin"]["source"])
    assert _pairs(rows["between_with_twin"], "CONSULT") == {("RUS", "FRA"), ("RUS", "DEU")}


def test_a_nouns_agent_after_a_belief_is_its_source(rows):
    assert ("RUS", "") in _pairs(rows["believed_agent"], "ASSAULT") | _pairs(rows["believed_agent"], "FIGHT")
    assert "RUS" not in set(rows["believed_agent"]["target"])
    # the agent of another verb after the noun's object stays that verb's
    assert _pairs(rows["condemned_by_twin"], "ASSAULT") == {("", "SYR")}


def test_a_bilateral_topic_names_the_two_who_talk_when_none_is_named(rows):
    assert _pairs(rows["hyphen_topic"], "AGREE") | _pairs(rows["hyphen_topic"], "CONSULT") == {("QAT", "RUS")}
    # not for a cue that is no talk: who condemns is not named
    assert {s for s, _ in _pairs(rows["hyphen_verb_twin"], "DISAPPROVE")} == {""}


def test_a_place_ending_a_fronted_adjunct_is_no_member_of_the_list_after_it(rows):
    assert _pairs(rows["fronted_place"], "AGREE") == {("per:vladimir_putin", "per:recep_tayyip_erdogan"),
                                                      ("per:recep_tayyip_erdogan", "per:vladimir_putin")}
    # a list of parties governed by "with" keeps its members
    assert ("per:vladimir_putin", "per:george_w_bush") in _pairs(rows["fronted_list_twin"], "CONSULT")
