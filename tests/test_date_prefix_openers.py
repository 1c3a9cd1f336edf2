"""Date prefixes (normalize/dates.py): the six patterns are tried only where one can start, a digit or a weekday or
month word (``_OPENING_WORDS``); everywhere else the answer must be the one trying them all gives."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib.normalize.dates as dates
from diplolib.normalize.matching import aligned_matching_form, matching_form


def _prefix_match_all_patterns(text: str) -> int:
    """The former ``_prefix_match``: every pattern tried at the start (after a label)."""
    if not text:
        return 0
    head = text[:160]
    folded, idx = (matching_form(head), None) if head.isascii() else aligned_matching_form(head)
    lab = dates._LABEL.match(folded)
    start = lab.end() if lab else 0
    for pat in dates._PATTERNS:
        m = pat.match(folded, start)
        if m is not None:
            return m.end() if idx is None else int(idx[m.end() - 1]) + 1
    return 0


PIECES = [*dates._WEEKDAYS, "Wed", "LUNDI", "Mardi", *dates._MONTHS, "Janv.", "Février", "AOÛT", "كانون", "marseille",
          "mayor", "sunday's", "Published", "published on", "Le", "Date", "updated at", ":", " ", "  ", "\u00a0", "\t",
          "\n", ".", ",", "-", "/", "05", "5", "2017", "12", "1er", "th", "at", "10:30", "GMT", "١٢", "٢٠١٧", "５",
          "T", "Z", "+02:00", "The", "Syrian", "SANA", "Damascus", "(Reuters)", "de", "x"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=9), st.sampled_from(["", " ", "\u00a0", "  "]))
def test_date_prefix_is_the_one_of_all_patterns(pieces, glue):
    text = glue.join(pieces)
    assert dates.date_prefix_end(text) == _prefix_match_all_patterns(text)


@pytest.mark.parametrize("text,end", [
    ("Wed 05 Apr 2017 The army", 15),  # a weekday opens it
    ("12 mars 2015 - Damas", 12),  # a digit opens it
    ("Published: March 3, 2016 Text", 24),  # a label, then a month
    ("marseille 12 mars 2015", 0),  # twin: a word that only begins like a month ("mar")
    ("The 12 March 2015 talks", 0),  # twin: an ordinary opening word
])
def test_date_prefix_openers(text, end):
    assert dates.date_prefix_end(text) == end == _prefix_match_all_patterns(text)


def test_a_decimal_character_is_what_the_patterns_call_a_digit():
    """``str.isdecimal`` (the pre-check) and the patterns' ``\\d`` agree on every code point."""
    digit = re.compile(r"\d")
    bad = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isdecimal() != bool(digit.fullmatch(c))]
    assert bad == []
