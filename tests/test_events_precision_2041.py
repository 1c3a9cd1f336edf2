"""tests/data/events_precision_2041.csv: 60 events never read before (seed 2041), drawn on branch s18-ev before any
change of round 18 (commit 227fabf) exactly as seed 2040 was: PLOVER's reading of the extractor's rows
(``plover_reading``, one row per cue, at least one side named, never read before, one event per article first) on
4 x n random articles per corpus (a further 4 x n while fewer than n events came out): FA-KES 12, the English, French
and Arabic sides of unpc-ar-fr-en 8 each (with the UN symbol's author), Kremlin 9, MEAE French 7, White House
readouts 8; judged for type, source and target separately (an empty side is right when the text names no one in
that role; a bare "the regime", "they", "je", "nous", "the leaders" names no one; a person or body the registry lacks
does; a planned or recommended event not flagged hypothetical is a type error, noted "flag").
tests/data/events_recall_2041.csv: 25 sentences judged to hold an event, the gold written and committed before the
extractor ran on them (the first 25 of 59 of 60 random sentences of the same corpora, n per corpus as above, seed
20411, documents with an empty text left out of the draw; ``source`` and ``target`` list accepted ids with "|", an
empty one accepting none), with whether the extractor gives the event's type in that sentence on the same commit and
whether one such row gives both sides as judged (an id or its state). Offsets, ids and verdicts only; no corpus
text."""

from __future__ import annotations

import pytest
from events_readings import (
    DATA,
    DRAWN_NAMES,
    assert_drawn_counts,
    assert_reading_whole,
    assert_recall_set,
    read_before,
    read_judged,
    right_and_found,
)

PRECISION_2041 = DATA / "events_precision_2041.csv"
RECALL_2041 = DATA / "events_recall_2041.csv"


@pytest.fixture(scope="module")
def judged():
    return read_judged(PRECISION_2041)


def test_reading_is_whole(judged):
    assert_reading_whole(judged, n=60, right=24, swapped=2, both_sides=False)
    # the figures reported in the README: type 41/60, source 37/60, target 34/60, all three 24/60
    assert_drawn_counts(judged, right_of_each=(41, 37, 34))


def test_never_read_before(judged):
    assert not set(zip(judged["article_id"], judged["start"], strict=True)) & read_before(PRECISION_2041)


def test_recall_set_is_whole():
    assert_recall_set(RECALL_2041, found=10, all_right=7)  # the figures reported in the README (before the round)


@pytest.mark.parametrize("corpus", DRAWN_NAMES)
def test_events_2041_judged_right_stay_right(judged, corpus):
    want, got = right_and_found(judged, corpus)
    assert want <= got, f"{corpus}: no longer found: {sorted(want - got)[:5]}"
