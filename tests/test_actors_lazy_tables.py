"""The tables an ActorMatcher builds on first use, built faster, equal to their definitions."""

from __future__ import annotations

import pytest

from diplolib.actors.matcher_cache import default_matcher


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def test_language_keys_are_the_last_sorted_key_of_each_state(matcher):
    # the definition: every key in sorted order, the last language phrase of a state wins
    expected = {e.of: k for k, es in sorted(matcher._entries.items()) for e in es
                if e.kind == "role_phrase" and e.role == "language" and e.of}
    got = matcher._language_keys()
    assert list(got.items()) == list(expected.items())  # same pairs, same order
    assert len(got) > 20  # the registry's languages (not a vacuous comparison)
