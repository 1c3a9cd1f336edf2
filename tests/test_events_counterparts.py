"""Call readouts whose counterpart the registry lacks: discovered people, groups, names read off the title."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from conftest import corpus_dir
from diplolib import datasets, events
from diplolib.actors.matcher_cache import default_matcher
from diplolib.events.counterparts import counterpart_phrases

TITLES = [
    "Readout of President Joseph R. Biden, Jr. Call with Governor Greg Abbott of Texas",  # a person, domestic
    "Readout of President Biden's Call with Allies and Partners",  # a group
    "Readout of President Biden's Call with Speaker Pelosi and Leader Schumer on the Budget",  # two people, a topic
    "Readout of President Joe Biden's Calls with Mississippi Governor Tate Reeves and Members of the Mississippi "
    "Congressional Delegation",  # a person and a group
    "Readout of President Biden's Call with President Emmanuel Macron of France",  # the registry knows him
    "Readout of the President's Call with European Leaders",  # "the President" is the issuer's
    "Readout of President Biden's Call with His Holiness Pope Francis",
]


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


@pytest.fixture(scope="module")
def calls():
    return pd.DataFrame({"article_id": [f"t{i}" for i in range(len(TITLES))], "title": TITLES,
                         "source": "whitehouse", "published": pd.to_datetime(["2022-03-01"] * len(TITLES), utc=True)})


@pytest.fixture(scope="module")
def readouts(calls, matcher):
    ev = events.readout_events(calls, registry=matcher)
    return ev, events.readout_check(calls, ev, registry=matcher)


def test_counterpart_phrase_ends_at_the_topic():
    spans = counterpart_phrases(pd.Series(TITLES + ["No formula here"]))
    got = [t[s:e] for t, (s, e) in zip(TITLES, spans.to_numpy().tolist(), strict=False)]
    assert got[0] == "Governor Greg Abbott of Texas"
    assert got[2] == "Speaker Pelosi and Leader Schumer"  # not "on the Budget"
    assert got[5] == "European Leaders"  # "the" left out
    assert spans.iloc[-1].tolist() == [-1, -1]


def test_every_title_gives_the_call_to_its_counterpart(readouts):
    ev, check = readouts
    assert check["ok"].all(), check.loc[~check["ok"], "title"].tolist()
    phone = ev[(ev["event"] == "CONSULT") & (ev["mode"] == "telephone")]
    targets = phone.groupby("article_id")["target"].apply(set)
    assert "group:allies_and_partners" in targets["t1"]
    assert {"group:members_of_the_mississippi_congressional_delegation"} <= targets["t3"]
    assert any(t.startswith("prov:") and "reeves" in t for t in targets["t3"])
    assert targets["t4"] == {"per:emmanuel_macron"}  # the registry's reading is kept, no provisional twin
    assert "group:european_leaders" in targets["t5"]
    assert set(phone.loc[phone["article_id"] == "t5", "source"]) == {"per:joe_biden"}


def test_discovered_flag_and_check_columns(readouts):
    ev, check = readouts
    row = ev[ev["article_id"] == "t0"]
    assert row["discovered"].all() and row["target"].str.startswith("prov:").all()
    assert not ev.loc[ev["article_id"] == "t4", "discovered"].any()
    assert ev["discovered"].dtype == bool
    assert check.set_index("article_id").loc["t4", "resolved"]
    assert check.set_index("article_id").loc["t0", "discovered"]
    assert not check.set_index("article_id").loc["t0", "resolved"]


def test_white_house_call_readouts(matcher):
    corpus_dir("wh-readouts")
    wh, _ = datasets.load("wh-readouts")
    calls = wh[wh["title"].str.contains(r"\bcalls? with\b", case=False, regex=True, na=False)]
    ev = events.readout_events(calls, registry=matcher)
    check = events.readout_check(calls, ev, registry=matcher)
    assert len(check) == 437
    # measured 0.998 of all 437 (0.899 before the counterparts the registry lacks); the rules were written on
    # the misses of both halves, so neither half is a check: the Kremlin readouts are (test_events.py)
    half = check["article_id"].map(lambda a: int(hashlib.sha1(a.encode()).hexdigest(), 16) % 2)
    assert check["ok"].mean() >= 0.97
    assert check.groupby(half)["ok"].mean().min() >= 0.97
    assert check.loc[check["resolved"], "ok"].mean() >= 0.99
