"""Round 17's faster pieces of the actor tagger give what the plain forms give.

* ``coordination.may_have_possessive_pair`` answers without ``re`` when the text holds no apostrophe (both of its
  expressions start with ``[’']``): the same answer as the two searches on random texts built from the pieces they
  read, on a text that holds the form (straight and typographic apostrophes) and on its twin without apostrophes;
* ``keys.key_form`` memoises short strings (a pure function): the same keys as the function itself, whole texts not
  kept (twin), non-strings as before.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplolib.actors import keys
from diplolib.actors.coordination import _POSSESSIVE_AND, _POSSESSIVE_PLURAL, may_have_possessive_pair
from diplolib.actors.keys import key_form

PIECES = ["Chile", "'s", "’s", "'S", "’ſ", "s", " ", "  ", "\n", ",", " and ", "and", "presidents", "Presidents",
          "prime ", "foreign ", "ministers", "leaders", "kings", "Chiles", "é", "ا", "'", "’"]


def _searches(text: str) -> bool:
    return _POSSESSIVE_PLURAL.search(text) is not None and _POSSESSIVE_AND.search(text) is not None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_the_apostrophe_pretest_gives_the_searches_answer(pieces):
    text = "".join(pieces)
    assert may_have_possessive_pair(text) is _searches(text)


def test_a_possessive_pair_is_still_found_and_its_twin_without_apostrophes_is_not():
    for text in ("Chile's and South Korea's presidents", "Chile’s and South Korea’s presidents",
                 "Niger's, and Australia'S PRIME MINISTERS met"):
        assert may_have_possessive_pair(text) and _searches(text)
    for text in ("Chiles and South Koreas presidents", "Chile s and South Korea s presidents"):  # twins: no apostrophe
        assert not may_have_possessive_pair(text) and not _searches(text)


KEY_PIECES = ["Bashar", "al", "-", " - ", "‐", "–", "  ", "\n", "\t", "Assad", "L'", "d’", "É", "é", "غينيا", "بيساو",
              "ـ", "Ｕ", "ß", "İ", ".", "x" * 30]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(KEY_PIECES), max_size=8))
def test_the_memoised_key_form_is_the_key_form(pieces):
    """``key_form`` memoises strings of at most ``KEY_MEMO_CHARS`` characters: asked twice, short or long, it gives
    what the function itself computes."""
    text = "".join(pieces)
    assert key_form(text) == keys._key_form(text) == key_form(text)


def test_whole_texts_are_not_memoised_and_non_strings_keep_their_key():
    keys._short_key_form.cache_clear()
    key_form("Bashar al-Assad")
    key_form("Bashar al-Assad " * 10)  # twin: longer than KEY_MEMO_CHARS, computed and not kept
    assert keys._short_key_form.cache_info().currsize == 1
    assert key_form(None) == keys._key_form(None) == ""
