"""tests/data/events_precision_2036.csv: 100 events never read before (FA-KES 55, the Arabic side of unpc-ar-fr-en
22 and its French side 22, Wikinews French 1: all it had unread; Arabic Wikinews and MEAE French had none left;
seed 2036, as s10-evq read seed 2035), drawn and read by hand on branch s10-evar (commit c65c614: a side beyond
reach of its cue left empty in Arabic and French, an Arabic or French state paired with itself without target,
the agent after a deed's noun, readiness as intention, the names of sanctions regimes), UN documents with the UN
symbol's author (``author=``, :func:`~diplolib.events.un_authors`) as the sample was drawn. Verdicts and the kind
of error; no corpus text. Those judged right must still come out; the reading's figure is checked from the file."""

from __future__ import annotations

import pytest
from events_readings import DATA, assert_reading_whole, corpus_events, read_before, read_judged, readings

PRECISION_2036 = DATA / "events_precision_2036.csv"


@pytest.fixture(scope="module")
def judged():
    return read_judged(PRECISION_2036)


def test_reading_is_whole(judged):
    assert_reading_whole(judged, n=100, right=57, swapped=4)  # the figures reported in the README
    right = judged["verdict"] == "correct"
    assert right[judged["corpus"] != "fa-kes"].sum() == 32 and (judged["corpus"] != "fa-kes").sum() == 45


def test_never_read_before(judged):
    assert not set(zip(judged["article_id"], judged["start"], strict=True)) & read_before(PRECISION_2036)


@pytest.mark.parametrize("corpus", ["fa-kes", "unpc-ar-fr-en", "wikinews-fr"])
def test_events_2036_judged_right_stay_right(judged, corpus):
    part = judged[(judged["corpus"] == corpus) & (judged["verdict"] == "correct")]
    got = readings(corpus_events(corpus, part["article_id"]))
    want = set(zip(part["article_id"], part["start"], part["event"], part["source"], part["target"], strict=True))
    assert want <= got, f"{corpus}: no longer found: {sorted(want - got)[:5]}"
