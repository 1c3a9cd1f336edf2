"""The registry reader the theme steps share (``diplolib.themes.registry_names``): the ``$states`` neighbour list
(``state_names``) and the home-state rule's foreign names (``home_scope``) read the registry's CSVs once, from the
same rows, and each keeps its own selection of them."""

from __future__ import annotations

import re

import pytest

from diplolib.normalize.matching import matching_form
from diplolib.themes import home_scope, registry_names, state_names


@pytest.fixture
def fresh_caches():
    cached = (registry_names._rows, registry_names.registry_aliases, registry_names.blocked_aliases,
              state_names.state_lists, home_scope.foreign_names)
    for f in cached:
        f.cache_clear()
    yield
    for f in cached:
        f.cache_clear()


def test_both_theme_steps_read_the_registry_once(fresh_caches):
    state_names.state_lists()
    for lang in ("en", "fr", "ar"):
        home_scope.foreign_names(lang)
    assert registry_names._rows.cache_info().misses == 3  # actors.csv, aliases.csv, generated/guards.csv
    assert registry_names.registry_aliases.cache_info().misses == 1
    assert registry_names.registry_aliases.cache_info().hits >= 3


def _foreign(lang: str, alias: str):
    automaton, _, exact = home_scope.foreign_names(lang)
    key = matching_form(alias).strip()
    return exact.get(alias) or (automaton.get(key)[1] if key in automaton else None)


def test_a_state_name_is_in_both_lists_and_a_person_only_in_the_foreign_names():
    states = re.compile(  # over the matching form, as the neighbour searches run
        "|".join(state_names.state_lists()["states"]["en"]))
    # a state's name: a $states neighbour and a foreign name of that state
    assert states.search(matching_form("a visit to France")) is not None
    assert _foreign("en", "France") == {"FRA"}
    # its twin, a person of that state: no $states neighbour, but a foreign name (of his state)
    assert states.search(matching_form("a visit by Macron")) is None
    assert _foreign("en", "Emmanuel Macron") == {"FRA"}


def test_an_organisation_without_a_country_is_international():
    rows = [r for r in registry_names.registry_aliases() if r.actor_id == "org:nato"]
    assert rows and {r.country for r in rows} == {registry_names.INTL}
    assert {r.actor_kind for r in rows} == {"organisation"}
    assert _foreign("en", "NATO") == {registry_names.INTL}  # case-sensitive: read in its own case
    # its twin, a state's own row: the state is its own country
    assert {r.country for r in registry_names.registry_aliases() if r.actor_id == "FRA"} == {"FRA"}
