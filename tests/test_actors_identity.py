"""A person is a name in one state: the identity rule of the leaders build and the sweep that checks it."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.identity import cross_state_people
from diplolib.actors.leaders import TERM_COLUMNS, leader_tables
from diplolib.actors.registry import GENERATED_DIR


def _term(line: int, **kw: str) -> dict[str, str]:
    base = {"term_id": f"t{line}", "role": "head_of_state", "listing": "primary", "entity_type": "sovereign",
            "title": "King", "first_seen": "2010-02-01", "last_seen": "2012-01-01", "line": str(line)}
    return {**dict.fromkeys(TERM_COLUMNS, ""), **base, **kw}


ISO3 = {"BE": "BEL", "MC": "MCO", "AG": "ATG", "AU": "AUS", "FR": "FRA", "AD": "AND", "CN": "CHN"}


def _people_by_state() -> dict[str, set[str]]:
    rows = [
        _term(2, country_iso2="BE", name="Albert II", surname_key="ALBERT", start_date="1993-08-09"),
        _term(3, country_iso2="MC", name="Albert II", surname_key="ALBERT", start_date="2005-04-06", title="Prince"),
        _term(4, country_iso2="AG", name="Elizabeth II", surname_key="ELIZABETH", start_date="1952-02-06"),
        _term(5, country_iso2="AU", name="Elizabeth II", surname_key="ELIZABETH", start_date="1952-02-06"),
        # same Wikidata id, different starts: one person (the id is the evidence)
        _term(6, country_iso2="FR", name="Emmanuel Macron", surname_key="MACRON", start_date="2017-05-14",
              wikidata_qid="Q3052772"),
        _term(7, country_iso2="AD", name="Emmanuel Macron", surname_key="MACRON", start_date="2017-05-15",
              wikidata_qid="Q3052772", title="Co-prince"),
        # the CIA file gives Li Keqiang's id to Li Qiang: an id without the name links nothing
        _term(8, country_iso2="CN", role="head_of_government", name="Li Keqiang", surname_key="LI KEQIANG",
              start_date="2013-03-16", end_date="2023-03-11", wikidata_qid="Q18111", title="Premier"),
        _term(9, country_iso2="CN", role="head_of_government", name="Li Qiang", surname_key="LI QIANG",
              start_date="2023-03-11", wikidata_qid="Q18111", title="Premier"),
    ]
    roles, people, _ = leader_tables(rows, ISO3)
    by: dict[str, set[str]] = {}
    for r in roles:
        by.setdefault(people[r["person_key"]]["label"], set()).add(r["person_key"])
    return by


def test_one_name_in_two_states_is_two_people_unless_a_common_start_or_id_joins_them():
    by = _people_by_state()
    assert len(by["Albert II"]) == 2            # Belgium's king (1993) and Monaco's prince (2005)
    assert len(by["Elizabeth II"]) == 1         # a personal union: every realm from the same day
    assert len(by["Emmanuel Macron"]) == 1      # the same Wikidata id
    assert len(by["Li Keqiang"]) == len(by["Li Qiang"]) == 1 and by["Li Keqiang"] != by["Li Qiang"]


def test_the_sweep_flags_a_merge_that_no_evidence_supports():
    roles = pd.DataFrame({"actor_id": ["per:a", "per:a", "per:q", "per:q", "per:q", "per:u"],
                          "role": "head_of_state", "of": ["BEL", "MCO", "ATG", "AUS", "CAN", "org:un"],
                          "start": ["1993-08-09", "2005-04-06", "1952-02-06", "1952-02-06", "1952-02-06", "2017"]})
    before = roles.copy()
    out = cross_state_people(roles).set_index("actor_id")
    assert out.loc["per:a", "link"] == "name-only" and out.loc["per:q", "link"] == "same-start"
    assert "per:u" not in out.index and out.loc["per:q", "states"] == "ATG AUS CAN"
    pd.testing.assert_frame_equal(roles, before)
    with pytest.raises(ValueError, match="roles lacks column"):
        cross_state_people(roles.drop(columns="start"))


def test_no_person_of_the_generated_registry_is_merged_across_states_on_a_name_alone():
    roles = pd.read_csv(GENERATED_DIR / "roles.csv", dtype=str, keep_default_na=False)
    out = cross_state_people(roles)
    assert (out["link"] == "name-only").sum() == 0, out[out["link"] == "name-only"].to_string()
    assert {"per:albert_ii", "per:albert_ii_bel"} <= set(roles["actor_id"])
    assert {"per:elizabeth_ii", "per:charles_iii"} <= set(out["actor_id"])  # the realms stay one person
    # Sudan's first vice-president who became South Sudan's president: one career across a successor state
    assert out.loc[out["actor_id"] == "per:salva_kiir_mayardit", "link"].tolist() == ["successor-state"]


def test_a_curated_term_names_its_person_by_id_and_is_not_a_name_merge():
    """Charles III as the United Kingdom's heir (curated, from 1952) and king of the realms (leaders build, 2022): the
    curated row joins no name; the same term made by the build, starting on another day, is a name merge."""
    realms = pd.DataFrame({"actor_id": "per:c", "role": "head_of_state", "of": ["ATG", "AUS"],
                           "start": "2022-09-08", "source": "leaders-cia cia-x"})
    heir = pd.DataFrame({"actor_id": ["per:c"], "role": ["crown_prince"], "of": ["GBR"], "start": ["1952-02-06"],
                         "source": ["curated (round 17)"]})
    curated = cross_state_people(pd.concat([realms, heir], ignore_index=True)).set_index("actor_id")
    assert curated.loc["per:c", "link"] == "same-start" and curated.loc["per:c", "states"] == "ATG AUS"
    built = cross_state_people(pd.concat([realms, heir.assign(source="leaders-cia cia-y")], ignore_index=True))
    assert built.set_index("actor_id").loc["per:c", "link"] == "name-only"
