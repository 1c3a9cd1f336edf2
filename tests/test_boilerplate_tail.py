"""The tail furniture of ``remove_boilerplate`` searched only where a match can start (normalize/boilerplate.py):
the same cuts as the whole alternation searched over the last 800 characters, on bodies built from the pieces
the patterns are made of (every literal, whitespace runs, punctuation, "...", numbers, "Tags ...")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplolib.normalize.boilerplate as bp

PIECES = ["Read Also", "Check Also", "Read More", "Lire aussi", "Also", "English Bulletin", "Twitter", "MoreImage",
          "Print Tweet", "Our Standards:", " The Thomson Reuters Trust Principles.", bp._SPUTNIK, "Tags ", "Syria ",
          "...", ".", "!", "?", ")", '"', "]", " ", "  ", "\n", "\t", "11 ", "word", "Read", "Check", "Sputnik News",
          "Principles."]


def _tail_reference(body: str) -> str:
    """The cuts of the whole alternation (before the searches were narrowed)."""
    for _ in range(4):
        m = bp._TAIL_JUNK.search(body, len(body) - 800 if len(body) > 800 else 0)
        if m is None:
            break
        body = body[: m.start()]
    return body


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.sampled_from(["", " ", "\n\n", "x" * 900]))
def test_narrowed_tail_search_cuts_as_the_whole_alternation(pieces, lead):
    body = lead + "".join(pieces)
    assert bp._cut_tail_junk(body) == _tail_reference(body)


@pytest.mark.parametrize("body,cut", [
    ("to stave off hunger. Read Also", "to stave off hunger."),  # the narrowed "Read Also" search
    ("the figures. Check Also  ", "the figures."),
    ("the figures.Check Also", "the figures.Check Also"),  # twin: no whitespace before the literal, no cut
    ("He said. Also", "He said."),  # twin: "Also" after punctuation is the fourth alternative's
    ("He said so Also", "He said so Also"),
])
def test_read_also_and_check_also_cuts(body, cut):
    assert bp._cut_tail_junk(body) == _tail_reference(body) == cut
