"""Round-7 sense rules from the seed-2031 reading: recognising a fact is no recognition, taking territory is FIGHT,
receiving trainees or letters is no meeting, "accueille avec satisfaction" welcomes, and a participle glued by a
hyphen ("Israeli-occupied") names a standing relation, no event."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

TEXTS = [
    ("en", "Syrian troops shelled the Israeli-occupied portion of the Golan."),
    ("en", "Israel occupied the Golan Heights in 1967."),
    ("en", "Turkish troops seized the town of Afrin from Kurdish militants."),
    ("en", "Turkish police seized weapons from Syrian smugglers."),
    ("en", "Russia recognizes the importance of the role of Iran."),
    ("en", "Russia recognized Kosovo's neighbour Serbia."),
    ("fr", "La France accueille avec satisfaction l'initiative de la Turquie."),
    ("fr", "La France a accueilli le président turc."),
    ("fr", "Le Pakistan reconnaît les droits de l'Inde."),
    ("en", "France receives trainees from Jordan every year."),
    ("en", "France received the Jordanian foreign minister."),
]


@pytest.fixture(scope="module")
def ev():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(TEXTS))], "lang": [t[0] for t in TEXTS],
                         "text": [t[1] for t in TEXTS]})
    return extract_events(arts, registry=default_matcher())


def _types(ev, article):
    return set(ev.loc[ev["article_id"] == article, "event"])


def test_hyphen_glued_participle_is_no_event(ev):
    rows = ev[ev["article_id"] == "0"]
    assert "occupied" not in set(rows["cue"]) and "FIGHT" in set(rows["event"])  # the shelling stays
    assert "FIGHT" in _types(ev, "1")  # a finite "occupied" is still the event


def test_taking_territory_is_fight_seizing_goods_coerce(ev):
    assert "FIGHT" in _types(ev, "2") and "COERCE" not in _types(ev, "2")
    assert "COERCE" in _types(ev, "3")


def test_recognising_a_fact_is_no_event(ev):
    assert "SUPPORT" not in _types(ev, "4") and "SUPPORT" not in _types(ev, "8")
    assert "SUPPORT" in _types(ev, "5")


def test_welcoming_and_receiving(ev):
    assert _types(ev, "6") == {"SUPPORT"} and _types(ev, "7") == {"CONSULT"}
    assert "CONSULT" not in _types(ev, "9") and "CONSULT" in _types(ev, "10")


SIDES = [
    # a city of the registry after a locative stands for its state (PLOVER)
    "Sri Lanka has established diplomatic ties with and opened an embassy in Tehran.",
    "The Georgian president resigned as the opposition threatened to storm his residence in Tbilisi.",
    "The Red Cross operating in Iraq said British forces must ensure security.",
    "Hama Syrian Army units clashed with Nusra Front militants south of Aleppo.",  # not after a locative: no place
]


@pytest.fixture(scope="module")
def sides():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(SIDES))], "lang": "en", "text": SIDES})
    return extract_events(arts, registry=default_matcher())


def test_city_is_a_place_target(sides):
    rows = sides[sides["article_id"] == "0"]
    assert set(rows["source"]) == {"LKA"} and set(rows["target"]) == {"IRN"}


def test_place_target_not_past_a_subordinate_clause(sides):
    rows = sides[(sides["article_id"] == "1") & (sides["event"] == "RETREAT")]
    assert len(rows) and set(rows["target"]) == {""}


def test_city_not_after_a_locative_stays_out(sides):
    rows = sides[sides["article_id"] == "3"]
    assert set(rows["source"]) == {"grp:saa"} and set(rows["target"]) == {"grp:nusra_front"}


def test_a_place_is_no_speaker(sides):
    rows = sides[sides["article_id"] == "2"]
    assert "IRQ" not in set(rows["source"]) and "GBR" in set(rows["target"])
