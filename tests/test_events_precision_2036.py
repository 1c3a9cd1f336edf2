"""tests/data/events_precision_2036.csv: 100 events never read before (FA-KES 55, the Arabic side of unpc-ar-fr-en
22 and its French side 22, Wikinews French 1: all it had unread; Arabic Wikinews and MEAE French had none left;
seed 2036, as s10-evq read seed 2035), drawn and read by hand on branch s10-evar (commit c65c614: a side beyond
reach of its cue left empty in Arabic and French, an Arabic or French state paired with itself without target,
the agent after a deed's noun, readiness as intention, the names of sanctions regimes), UN documents with the UN
symbol's author (``author=``, :func:`~diplolib.events.un_authors`) as the sample was drawn. Verdicts and the kind
of error; no corpus text. Those judged right must still come out; the reading's figure is checked from the file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import corpus_dir
from diplolib import datasets, events
from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

PRECISION_2036 = Path(__file__).parent / "data" / "events_precision_2036.csv"
#: the kinds of error a wrong verdict's note starts with
KINDS = {"target", "source", "roles", "false", "type", "actor", "flag", "sector", "direction"}


@pytest.fixture(scope="module")
def judged():
    return pd.read_csv(PRECISION_2036, dtype={"article_id": str}, keep_default_na=False)


def test_reading_is_whole(judged):
    assert len(judged) == 100 and set(judged["verdict"]) == {"correct", "wrong", "direction"}
    assert not judged.duplicated(["article_id", "start"]).any()
    wrong = judged[judged["verdict"] != "correct"]
    assert (wrong["note"] != "").all() and set(wrong["note"].str.split(":").str[0]) <= KINDS
    assert (judged["source"] != "").all() and (judged["target"] != "").all()  # both sides named, as drawn
    assert (judged["verdict"] == "correct").sum() == 57  # the figure reported in the README
    assert (judged["verdict"] == "direction").sum() == 4
    right = judged["verdict"] == "correct"
    assert right[judged["corpus"] != "fa-kes"].sum() == 32 and (judged["corpus"] != "fa-kes").sum() == 45


def test_never_read_before(judged):
    earlier = pd.concat([pd.read_csv(p, dtype={"article_id": str}) for p in PRECISION_2036.parent.glob(
        "events_precision*.csv") if p != PRECISION_2036])
    assert not set(zip(judged["article_id"], judged["start"])) & set(zip(earlier["article_id"], earlier["start"]))


@pytest.mark.parametrize("corpus", ["fa-kes", "unpc-ar-fr-en", "wikinews-fr"])
def test_events_2036_judged_right_stay_right(judged, corpus):
    corpus_dir(corpus)
    part = judged[(judged["corpus"] == corpus) & (judged["verdict"] == "correct")]
    articles, _ = datasets.load(corpus)
    articles = articles[articles["article_id"].isin(part["article_id"])]
    author = None
    if corpus == "unpc-ar-fr-en":
        articles, author = articles.assign(author=events.un_authors(articles)), "author"
    ev = extract_events(articles, registry=default_matcher(), author=author)
    got = set(zip(ev["article_id"], ev["start"], ev["event"], ev["source"], ev["target"], strict=True))
    want = set(zip(part["article_id"], part["start"], part["event"], part["source"], part["target"], strict=True))
    assert want <= got, f"{corpus}: no longer found: {sorted(want - got)[:5]}"
