"""Round 18's faster pieces of the actor tagger give what the plain forms give.

* ``name_memos.owner_names`` keeps, per surname key, the owners' full names and their words that
  ``MatcherRules._inside_another_name`` gathered on every call: the same names and words as the direct computation
  for every surname key of the built-in registry; another owners set for the same key (twin) is computed afresh;
* ``name_memos.name_word`` keeps ``_name_word``'s answer per word: the same answers for names, titles, aliases and
  ordinary words, asked twice, and when the memo is full and starts again;
* ``resolve_memo.resolutions`` keeps ``_resolve``'s answers per (key, date bucket, spelling, flags) on the matcher
  across chunks and calls: the tables equal the per-article reference path in one chunk, in a chunk per article and
  with the memo warm in either order; a deputy's title and a title inside another office ("Deputy Prime Minister of
  Israel", "the late Prime Minister of Israel") are two groups (flags 16 and 8: one group gave both the first one's
  reason, UNGDC), the plain title (twin) a third; with no registry-date bounds nothing is kept (twin);
* ``keys.blank_footnote_codes`` looks at the runs of digits only: the same codes as the character-by-character form
  before it on random code arrays of each dtype (letters, ASCII and Arabic digits, spaces, line breaks), a glued
  footnote blanked and its twins (3 letters, 4 digits, a letter after) kept;
* ``coordinate``'s possessive pairs run only where ``may_have_possessive_pair`` says they may: "Chile's and South
  Korea's presidents" still read as each state's president, the twins without apostrophes as before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib.actors.tagger as tagger_mod
from diplolib.actors import name_memos, resolve_memo
from diplolib.actors.keys import blank_footnote_codes, unglue_footnotes
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.name_memos import name_word, owner_names
from diplolib.actors.reference import tag_actors_reference
from diplolib.actors.tagger import tag_actors


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


OFFICES = ["128. Mr. Yigal Allon, Deputy Prime Minister of Israel, declared in August 1969 that",
           "as espoused by the late Prime Minister of Israel, Mr. Yitzhak Rabin, who paid",
           "The Prime Minister of Israel said on Monday that"]  # twin: the title itself


def _articles(texts, published):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                         "published": pd.to_datetime([published] * len(texts))})


@pytest.mark.parametrize("published", [None, "1995-06-01"])
@pytest.mark.parametrize("chunk_chars", [2_000_000, 1])
def test_a_deputy_and_another_office_keep_their_reasons_across_chunks_and_calls(matcher, monkeypatch, published,
                                                                                   chunk_chars):
    monkeypatch.setattr(tagger_mod, "CHUNK_CHARS", chunk_chars)  # 1: a chunk per article
    for texts in (OFFICES, OFFICES[::-1], OFFICES):  # the memo warm from the call before, in either order
        articles = _articles(texts, published)
        got = tag_actors(articles, registry=matcher)
        pd.testing.assert_frame_equal(got, tag_actors_reference(articles, matcher), check_exact=True)
        office = got[got["surface"].str.endswith("Prime Minister of Israel")]
        reasons = dict(zip(office["article_id"], office["reason"].fillna(""), strict=True))
        assert reasons[f"a{texts.index(OFFICES[0])}"] == "deputy"
        assert reasons[f"a{texts.index(OFFICES[1])}"] == "other-office"
        twin = got.loc[got["article_id"] == f"a{texts.index(OFFICES[2])}", "reason"].fillna("")
        assert len(twin) and not twin.isin(["deputy", "other-office"]).any()


def test_the_memo_starts_again_when_full_and_keeps_nothing_without_date_bounds(matcher, monkeypatch):
    articles = _articles(OFFICES + ["Le président Bachar al-Assad a reçu Washington et Jordan à Paris."], "2016-02-10")
    expected = tag_actors_reference(articles, matcher)
    monkeypatch.setattr(resolve_memo, "MEMO_RESOLUTIONS", 1)
    pd.testing.assert_frame_equal(tag_actors(articles, registry=matcher), expected, check_exact=True)
    assert len(matcher.__dict__["_resolve_memo"]) <= 1 + len(expected)
    monkeypatch.setattr(resolve_memo, "MEMO_RESOLUTIONS", 200_000)
    monkeypatch.setattr(matcher, "_date_bounds", False)  # twin: buckets numbered per call, so none is kept
    memo = dict(matcher.__dict__["_resolve_memo"])
    pd.testing.assert_frame_equal(tag_actors(articles, registry=matcher), expected, check_exact=True)
    assert matcher.__dict__["_resolve_memo"] == memo


def _blank_one_by_one(codes: np.ndarray) -> None:
    """Round 17's ``blank_footnote_codes``: every letter-then-digit transition checked in a loop."""
    digit = ((codes >= 48) & (codes <= 57)) | ((codes >= 0x660) & (codes <= 0x669)) | (
        (codes >= 0x6F0) & (codes <= 0x6F9))
    letter = (codes > 32) & ~digit & (codes != 10)
    for c in (np.flatnonzero(digit[1:] & letter[:-1]) + 1).tolist():
        r = c
        while r < len(codes) and digit[r] and r - c < 4:
            r += 1
        if r - c <= 3 and c >= 4 and letter[c - 4:c].all() and (r == len(codes) or not (letter[r] or digit[r])):
            codes[c:r] = 32


CODES = [ord(c) for c in "aZé 1 9 0 \n"] + [0x661, 0x669, 0x6F5, 0x628, 0x65F, 0x66A, 47, 58, 0x1D400]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CODES), max_size=40), st.sampled_from([np.uint8, np.uint16, np.uint32]))
def test_the_footnote_blanks_are_those_of_the_loop(codes, dtype):
    codes = [c for c in codes if c <= np.iinfo(dtype).max and (dtype != np.uint8 or c < 128)]
    got, expected = np.array(codes, dtype=dtype), np.array(codes, dtype=dtype)
    blank_footnote_codes(got)
    _blank_one_by_one(expected)
    assert got.tolist() == expected.tolist()


@pytest.mark.parametrize(("text", "blanked"), [
    ("the Security Council1 and", True), ("UN Habitat12", True), ("\u0627\u0644\u0623\u0645\u0645\u0661", True),
    ("the G20 summit", False), ("UNSCR1540 text", False), ("Council1a", False), ("H5N1", False)])
def test_a_glued_footnote_is_blanked_and_its_twins_are_kept(text, blanked):
    spaced = "".join(c if c.isalnum() else " " for c in text)
    for dtype in ((np.uint8, np.uint16, np.uint32) if spaced.isascii() else (np.uint16, np.uint32)):
        codes = np.array([ord(c) for c in spaced], dtype=dtype)
        blank_footnote_codes(codes)
        got = "".join(map(chr, codes.tolist()))
        assert got == unglue_footnotes(spaced)
        assert (got != spaced) is blanked


@pytest.mark.parametrize(("text", "paired"), [
    ("Chile's and South Korea's presidents met in Seoul.", True),
    ("Chile’s and South Korea’s presidents met in Seoul.", True),
    ("Chiles and South Koreas presidents met in Seoul.", False),  # twin: no apostrophe
    ("Chile's presidents and South Korea met in Seoul.", False)])  # twin: one possessive, no pair
def test_possessive_pairs_behind_their_pretest(matcher, text, paired):
    hits = matcher.scan(text)
    got = matcher.coordinate(text, hits)
    coord = [h for h in got if isinstance(h[2], tuple) and h[2][0] == "coord"]
    assert (len(coord) >= 2) is paired
    articles = _articles([text], "2020-06-01")
    pd.testing.assert_frame_equal(tag_actors(articles, registry=matcher), tag_actors_reference(articles, matcher),
                                  check_exact=True)
