"""Round 18's faster pieces of the actor tagger give what the plain forms give.

* ``name_memos.owner_names`` keeps, per surname key, the owners' full names and their words that
  ``MatcherRules._inside_another_name`` gathered on every call: the same names and words as the direct computation
  for every surname key of the built-in registry; another owners set for the same key (twin) is computed afresh;
* ``name_memos.name_word`` keeps ``_name_word``'s answer per word: the same answers for names, titles, aliases and
  ordinary words, asked twice, and when the memo is full and starts again.
"""

from __future__ import annotations

import pytest

from diplolib.actors import name_memos
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.name_memos import name_word, owner_names


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def test_the_owner_names_of_every_surname_key_are_those_computed_directly(matcher):
    assert len(matcher._surnames) > 100
    for key, owners in matcher._surnames.items():
        names = [n for o in owners for n in matcher._full_names.get(o, ())]
        for _ in range(2):  # computed, then kept
            got_names, got_words = owner_names(matcher, key, owners)
            assert list(got_names) == names
            assert got_words == {w for n in names for w in n.split()}


def test_another_owners_set_for_the_same_key_is_not_answered_from_the_memo(matcher):
    key = next(k for k, owners in matcher._surnames.items() if any(matcher._full_names.get(o) for o in owners))
    kept = owner_names(matcher, key, matcher._surnames[key])
    assert kept[0]
    assert owner_names(matcher, key, set()) == ((), frozenset())  # twin: no owners, no names
    assert owner_names(matcher, key, matcher._surnames[key]) == kept


WORDS = ["Yvan", "Hadi", "Maher", "President", "Minister", "Kremlin", "Russian", "The", "Said", "Monday", "Fumio",
         "Kishida", "Diogo", "Freitas", "Administration", "Paris", "Ould", "Jr", "Mr.", "Sheikh", "Colonna", "Général"]


def test_the_memoised_name_word_is_the_method(matcher, monkeypatch):
    expected = [bool(matcher._name_word(w)) for w in WORDS]
    assert any(expected) and not all(expected)  # both answers are exercised
    assert [name_word(matcher, w) for w in WORDS] == expected
    assert [name_word(matcher, w) for w in WORDS] == expected  # from the memo
    monkeypatch.setattr(name_memos, "MEMO_WORDS", 3)
    matcher.__dict__.pop("_name_word_memo", None)
    assert [name_word(matcher, w) for w in WORDS * 2] == expected * 2  # the memo starts again when full
    assert len(matcher.__dict__["_name_word_memo"]) <= 3
    matcher.__dict__.pop("_name_word_memo", None)
