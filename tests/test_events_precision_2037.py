"""tests/data/events_precision_2037.csv: 60 events never read before (seed 2037), drawn on branch s14-ev before any
change of round 14 (commit c06b50a) from PLOVER's reading of the extractor's rows (``plover_reading``, one row per
event, at least one side named): FA-KES 12, the English, French and Arabic sides of unpc-ar-fr-en 8 each (with the
UN symbol's author), Kremlin 9, MEAE French 7, White House readouts 8; judged for type, source and target
separately (an empty side is right when the text names no one in that role). tests/data/events_recall_2037.csv:
25 sentences judged to hold an event before the extractor's output was seen (the first 25 of 60 random sentences
of the same corpora, seed 2037), with whether the extractor gives the event's type in that sentence on the same
commit and whether it gives both sides as judged. Offsets, ids and verdicts only; no corpus text."""

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

PRECISION_2037 = DATA / "events_precision_2037.csv"
RECALL_2037 = DATA / "events_recall_2037.csv"


@pytest.fixture(scope="module")
def judged():
    return read_judged(PRECISION_2037)


def test_reading_is_whole(judged):
    assert_reading_whole(judged, n=60, right=20, swapped=0, both_sides=False)
    # the figures reported in the README: type 40/60, source 33/60, target 30/60, all three 20/60
    assert_drawn_counts(judged, right_of_each=(40, 33, 30))


def test_never_read_before(judged):
    assert not set(zip(judged["article_id"], judged["start"], strict=True)) & read_before(PRECISION_2037)


def test_recall_set_is_whole():
    assert_recall_set(RECALL_2037, found=14, all_right=8)  # the figures reported in the README


@pytest.mark.parametrize("corpus", DRAWN_NAMES)
def test_events_2037_judged_right_stay_right(judged, corpus):
    want, got = right_and_found(judged, corpus)
    assert want <= got, f"{corpus}: no longer found: {sorted(want - got)[:5]}"
