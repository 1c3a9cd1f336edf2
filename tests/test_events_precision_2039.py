"""tests/data/events_precision_2039.csv: 60 events never read before (seed 2039), drawn on branch s16-ev before any
change of round 16 (commit 54ec458) from PLOVER's reading of the extractor's rows (``plover_reading``, one row per
event, at least one side named, one event per article first) on 4 x n random articles per corpus: FA-KES 12, the
English, French and Arabic sides of unpc-ar-fr-en 8 each (with the UN symbol's author), Kremlin 9, MEAE French 7,
White House readouts 8; judged for type, source and target separately (an empty side is right when the text names
no one in that role; a bare "the regime", "he", "nous", "the two leaders" names no one; a person or body the
registry lacks does). tests/data/events_recall_2039.csv: 25 sentences judged to hold an event before the
extractor's output was seen (the first 24 of 59 random sentences of the same corpora, seed 20391, and the first of
a further draw, seed 20392; ``source`` and ``target`` list accepted ids with "|", an empty one accepting none), with
whether the extractor gives the event's type in that sentence on the same commit and whether it gives both sides
as judged (an id or its state). Offsets, ids and verdicts only; no corpus text."""

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

PRECISION_2039 = DATA / "events_precision_2039.csv"
RECALL_2039 = DATA / "events_recall_2039.csv"


@pytest.fixture(scope="module")
def judged():
    return read_judged(PRECISION_2039)


def test_reading_is_whole(judged):
    assert_reading_whole(judged, n=60, right=21, swapped=2, both_sides=False)
    # the figures reported in the README: type 37/60, source 32/60, target 31/60, all three 21/60
    assert_drawn_counts(judged, right_of_each=(37, 32, 31))


def test_never_read_before(judged):
    assert not set(zip(judged["article_id"], judged["start"], strict=True)) & read_before(PRECISION_2039)


def test_recall_set_is_whole():
    assert_recall_set(RECALL_2039, found=10, all_right=4)  # the figures reported in the README (before the round)


@pytest.mark.parametrize("corpus", DRAWN_NAMES)
def test_events_2039_judged_right_stay_right(judged, corpus):
    want, got = right_and_found(judged, corpus)
    assert want <= got, f"{corpus}: no longer found: {sorted(want - got)[:5]}"
