"""Round 11 (PLOVER tune half's errors, by class): evaluative predicates read as modal cues, a copula ends the
noun phrase of an adjunct, trailing reporting frames, speakers located by a place,
lexicon gaps (a day inside a noun cue, "use … against"), "anti-X" qualifiers, a deed left alone in its sentence,
contents judged by a modal cue, agentless withdrawals. Each rule has a twin it must leave alone."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events, plover_reading

TEXTS = {
    # an evaluative predicate: the speaker judges, the subject is judged (rejected, disapproved)
    "question": "The United States said lifting sanctions on Burma is out of the question.",
    "question_no_speaker": "Burma's demands are out of the question.",
    "unacceptable": "Russia said the Israeli strikes on Syria were totally unacceptable.",
    "unacceptable_noun": "Iran rejected the unacceptable demands of the United States.",
    # a copula after an adjunct's noun opens the predicate; the adjunct's own object stays background
    "adjunct": "Sudan imposed a curfew after a demonstration in Khartoum.",
    # a trailing reporting frame: the event is what is reported
    "frame": "Israeli troops killed two Palestinians, a human rights organization charged on Saturday.",
    "frame_object": "Israeli troops shelled the camp, and Egypt charged Israel with aggression.",
    "frame_alone": "Iran charged the United States with espionage on Saturday.",
    # a place that locates the speaker hands it the word
    "located": "The Red Cross operating in Iraq said US forces must ensure security.",
    "located_in": "The Red Cross in Iraq said US forces must ensure security.",
    "located_none": "Fighters in Iraq said US forces must leave.",
    # lexicon gaps: a day inside a noun cue, "use … against"
    "hearing_day": "Israel's high court opened a landmark hearing Wednesday into the interrogation techniques.",
    "hearing_day_no_into": "The hearing Wednesday was about Iran.",
    "use_against": "A terror group claims to be manufacturing weapons to use against the United States.",
    "used_against": "Syria used chemical weapons against Turkey.",
    "threat_to_use": "Russia threatened to use force against Georgia.",
    # "anti-X" names what is opposed: no side, but the target of an opposing cue
    "anti_journalist": "A prominent anti-Syria journalist has been killed in a car bomb explosion in eastern Beirut.",
    "journalist": "A prominent Syrian journalist has been killed in eastern Beirut.",
    "anti_protests": "Anti-American protests erupted in Pakistan.",
    "anti_staged": "Thousands of Pakistanis staged anti-American demonstrations.",
    # a deed left alone in its sentence is its main event; a visit is not
    "deed_left": "Two children were killed in shelling by Syrian forces.",
    "visit_left": "Two children were killed during a visit by the Syrian president.",
    "content_left": "The charity called on the world to put an end to attacks on hospitals in Syria.",
    # the subject of an obligation or a judgement is what is demanded or judged
    "judged": "US authorities said that removing the sanctions on Burma is out of the question.",
    "must_stop": "Russia said Israel's strikes on Syria must stop.",
    "must_and": "Russia attacked Georgia and said Georgia must withdraw.",
    "must_because": "Israel attacked Gaza because Hamas must be stopped.",
    # an agentless withdrawal: the forces withdrawn stand for the side that withdraws them
    "withdrawn": "Russian troops were withdrawn from Syria.",
    "pulled_out": "UN peacekeepers were pulled out of Bosnia.",
    "evacuated": "Thousands of Syrians have been evacuated from Aleppo.",
    "withdrawn_by": "The delegation was withdrawn by Syria from the talks.",
}


@pytest.fixture(scope="module")
def events():
    arts = pd.DataFrame({"article_id": list(TEXTS), "lang": "en", "text": list(TEXTS.values())})
    return extract_events(arts, registry=default_matcher())


def _rows(events, key, event=None):
    rows = events[events["article_id"] == key]
    return rows if event is None else rows[rows["event"] == event]


def test_evaluative_predicate_takes_the_speaker_as_source(events):
    rows = _rows(events, "question", "REJECT")
    assert list(zip(rows["source"], rows["target"], strict=True)) == [("USA", "MMR")]
    assert not rows["embedded"].any()  # the predicate is the main event, not the background of "sanctions on"
    assert "REJECT" in set(plover_reading(_rows(events, "question"))["event"])


def test_evaluative_predicate_without_speaker_has_no_source(events):  # twin: no speaker, the subject is judged
    rows = _rows(events, "question_no_speaker", "REJECT")
    assert set(rows["source"]) == {""} and set(rows["target"]) == {"MMR"}


def test_unacceptable_as_predicate_is_disapproval(events):
    rows = _rows(events, "unacceptable", "DISAPPROVE")
    assert set(rows["source"]) == {"RUS"} and set(rows["target"]) == {"ISR"}


def test_unacceptable_before_a_noun_is_no_cue(events):  # twin: an attribute, not a predicate
    assert _rows(events, "unacceptable_noun", "DISAPPROVE").empty
    assert set(_rows(events, "unacceptable_noun")["event"]) <= {"REJECT", "DEMAND"}


def test_adjunct_object_stays_background(events):  # twin of the copula rule
    rows = _rows(events, "adjunct")
    assert rows.loc[rows["cue"].str.contains("demonstration"), "embedded"].all()


def test_trailing_frame_is_embedded(events):
    rows = _rows(events, "frame")
    assert rows.loc[rows["event"] == "DISAPPROVE", "embedded"].all()
    assert set(plover_reading(rows)["event"]) == {"ASSAULT"}


def test_verbal_cue_with_an_object_is_no_frame(events):  # twins: an object after the cue, or no cue before it
    rows = _rows(events, "frame_object", "DISAPPROVE")
    assert not rows.empty and not rows["embedded"].any()
    rows = _rows(events, "frame_alone", "DISAPPROVE")
    assert list(zip(rows["source"], rows["target"], rows["embedded"], strict=True)) == [("IRN", "USA", False)]


@pytest.mark.parametrize("key", ["located", "located_in"])
def test_place_locating_the_speaker_hands_it_the_word(events, key):
    rows = _rows(events, key, "DEMAND")
    assert list(zip(rows["source"], rows["target"], strict=True)) == [("org:icrc", "USA")]


def test_located_speaker_that_is_no_actor_gives_no_source(events):  # twin: the place itself never speaks
    rows = _rows(events, "located_none", "DEMAND")
    assert set(rows["source"]) == {""} and set(rows["target"]) == {"USA"}


def test_day_inside_an_investigation_noun(events):
    rows = _rows(events, "hearing_day", "INVESTIGATE")
    assert set(rows["source"]) == {"ISR"}
    assert _rows(events, "hearing_day_no_into").empty  # twin: no "into", no investigation


def test_use_against(events):
    assert set(plover_reading(_rows(events, "use_against"))["event"]) == {"THREATEN"}  # an intention
    rows = _rows(events, "used_against", "ASSAULT")  # twin: done, not intended
    assert list(zip(rows["source"], rows["target"], strict=True)) == [("SYR", "TUR")]
    assert set(plover_reading(_rows(events, "threat_to_use"))["event"]) == {"THREATEN"}  # the use is its content


def test_anti_qualifier_is_no_side(events):
    rows = _rows(events, "anti_journalist")
    assert "SYR" not in set(rows["source"]) | set(rows["target"])
    read = plover_reading(rows)
    assert set(read["event"]) == {"ASSAULT"} and set(read["target"]) == {"LBN"}  # the place of the killing
    assert set(_rows(events, "journalist", "ASSAULT")["target"]) == {"SYR"}  # twin: a Syrian journalist


def test_anti_qualifier_is_the_target_of_opposition(events):
    rows = _rows(events, "anti_protests", "PROTEST")
    assert set(rows["target"]) == {"USA"} and "USA" not in set(rows["source"])
    rows = _rows(events, "anti_staged", "PROTEST")  # twin: the verb before it keeps its reading
    assert ("PAK", "USA") in set(zip(rows["source"], rows["target"], strict=True))
    assert "USA" not in set(rows["source"])


def test_deed_left_alone_is_main(events):
    read = plover_reading(_rows(events, "deed_left"))
    assert list(zip(read["event"], read["source"], strict=True)) == [("FIGHT", "SYR")]
    assert plover_reading(_rows(events, "visit_left")).empty  # twin: a visit in the background stays there
    # twin: the content of a demand whose author is no actor stays its content, not a deed done
    rows = _rows(events, "content_left", "ASSAULT")
    assert len(rows) and rows["embedded"].all()


@pytest.mark.parametrize(("key", "main"), [("judged", "REJECT"), ("must_stop", "DEMAND")])
def test_subject_of_a_modal_cue_is_its_content(events, key, main):
    read = plover_reading(_rows(events, key))
    assert set(read["event"]) == {main}
    assert set(_rows(events, "must_stop", "DEMAND")["source"]) == {"RUS"}


@pytest.mark.parametrize("key", ["must_and", "must_because"])
def test_event_before_a_conjunction_is_no_content(events, key):  # twins: "and said", "because"
    rows = _rows(events, key, "ASSAULT")
    assert len(rows) and not rows["embedded"].any()


@pytest.mark.parametrize(("key", "pair"), [("withdrawn", ("RUS", "SYR")), ("pulled_out", ("org:un", "BIH"))])
def test_agentless_withdrawal_keeps_the_forces_as_source(events, key, pair):
    rows = _rows(events, key)
    assert list(zip(rows["source"], rows["target"], strict=True)) == [pair]


def test_evacuation_and_withdrawal_by_an_agent_stay_passive(events):  # twins
    assert set(_rows(events, "evacuated")["source"]) == {""}
    assert set(_rows(events, "withdrawn_by", "RETREAT")["source"]) == {"SYR"}
