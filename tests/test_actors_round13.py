"""Round 13: heads Arabic news names by title and surname, and review conferences named "capital + number"."""

import numpy as np
import pandas as pd
import pytest

from diplolib.actors import tag_actors
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.pretests import ChunkCodes, maybe_in_a_name


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _tag(matcher, texts, dates=None):
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts,
                         "published": dates or ["2015-06-01"] * len(texts)})
    found = tag_actors(arts, registry=matcher)
    return found[found["actor_id"].fillna("") != ""].groupby("article_id")["actor_id"].apply(set).to_dict()


def test_arabic_heads_named_by_title_and_surname(matcher):
    got = _tag(matcher, ["واحتجز الحوثيون الرئيس هادي ورئيس الوزراء.", "التقى الرئيس عباس بالرئيس مبارك.",
                         "وقال للرئيس البشير إن الاتفاق قريب."])
    assert got[0] == {"grp:houthis", "per:abdrabbuh_mansur_hadi"}
    assert got[1] == {"per:mahmoud_abbas", "per:hosni_mubarak"}
    assert got[2] == {"per:omar_al_bashir"}  # after a proclitic (ل) too


def test_the_surname_alone_stays_a_word(matcher):
    # twin: هادي "calm", مبارك "blessed", عباس and سعيد as given names name no one without the title
    got = _tag(matcher, ["كان الجو هادي والعيد مبارك.", "قال عباس وسعيد إن الوضع صعب."])
    assert got == {}


def test_president_saleh_is_read_by_date(matcher):
    # Yemen's Ali Abdullah Saleh in 2015 (after he stepped down, still so named), Iraq's Barham Salih from 2018-10
    got = _tag(matcher, ["منذ تنحّي الرئيس صالح عن منصبه", "استقبل الرئيس صالح الوفد في بغداد"],
               ["2015-06-01", "2019-06-01"])
    assert got[0] == {"per:ali_abdallah_salih"}
    assert got[1] == {"per:barham_salih", "place:baghdad"}  # "في بغداد": the city


def test_a_capital_plus_a_number_is_a_review_conference_not_the_state(matcher):
    got = _tag(matcher, ["the Beijing+10 review and Beijing +5", "les examens Pékin + 20", "إعلان بيجين + 20"])
    assert got == {}


def test_the_capital_keeps_the_state_without_the_number(matcher):
    # twins: "Beijing said", a "+" before a word, and the capital after a number with "+" before it
    got = _tag(matcher, ["Beijing said on Monday.", "Beijing + Moscow agreed.", "Ten + Beijing said so."])
    assert got == {0: {"CHN"}, 1: {"CHN", "RUS"}, 2: {"CHN"}}


def test_the_in_name_pre_test_keeps_every_review_conference():
    texts = ["Beijing+10", "Beijing +5", "بيجين + 20", "Beijing said"]
    pos = np.arange(4)
    start = np.zeros(4, dtype=np.int64)
    end = np.array([7, 7, 5, 7])
    assert maybe_in_a_name(ChunkCodes(texts), pos, start, end).tolist() == [True, True, True, False]
