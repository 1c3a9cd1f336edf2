"""tests/data/events_precision_2040.csv: 60 events never read before (seed 2040), drawn on branch s17-ev before any
change of round 17 (commit ee26eea) as seed 2039 was: PLOVER's reading of the extractor's rows (``plover_reading``,
one row per cue, at least one side named, never read before, one event per article first) on 4 x n random articles
per corpus (a further 4 x n while fewer than n events came out, as for the short UN documents): FA-KES 12, the
English, French and Arabic sides of unpc-ar-fr-en 8 each (with the UN symbol's author), Kremlin 9, MEAE French 7,
White House readouts 8; judged for type, source and target separately (an empty side is right when the text names
no one in that role; a bare "the regime", "they", "je", "nous", "the leaders" names no one; a person or body the
registry lacks does). tests/data/events_recall_2040.csv: 25 sentences judged to hold an event, the gold written and
committed before the extractor ran on them (the first 25 of 55 of 60 random sentences of the same corpora, n per
corpus as above, seed 20401; ``source`` and ``target`` list accepted ids with "|", an empty one accepting none),
with whether the extractor gives the event's type in that sentence on the same commit and whether one such row
gives both sides as judged (an id or its state). Offsets, ids and verdicts only; no corpus text."""

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

PRECISION_2040 = DATA / "events_precision_2040.csv"
RECALL_2040 = DATA / "events_recall_2040.csv"


@pytest.fixture(scope="module")
def judged():
    return read_judged(PRECISION_2040)


def test_reading_is_whole(judged):
    assert_reading_whole(judged, n=60, right=24, swapped=6, both_sides=False)
    # the figures reported in the README: type 39/60, source 32/60, target 31/60, all three 24/60
    assert_drawn_counts(judged, right_of_each=(39, 32, 31))


def test_never_read_before(judged):
    assert not set(zip(judged["article_id"], judged["start"], strict=True)) & read_before(PRECISION_2040)


def test_recall_set_is_whole():
    assert_recall_set(RECALL_2040, found=15, all_right=12)  # the figures reported in the README (before the round)


@pytest.mark.parametrize("corpus", DRAWN_NAMES)
def test_events_2040_judged_right_stay_right(judged, corpus):
    want, got = right_and_found(judged, corpus)
    assert want <= got, f"{corpus}: no longer found: {sorted(want - got)[:5]}"
