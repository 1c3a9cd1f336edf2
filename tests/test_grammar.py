"""One table grammar for every analysis function: the same period rule, argument order and table names.

The sweep tests walk every public function of the analysis packages, so a function added later is checked too.
"""

from __future__ import annotations

import importlib
import inspect

import pandas as pd
import pytest

from diplolib._tables import PERIODS
from diplolib.actors import actor_counts
from diplolib.comention import co_mentions
from diplolib.themes import theme_prevalence
from diplolib.topics import fit_topics, topics_over_time

#: The tables of the house, by their one name.
TABLES = ("articles", "mentions", "theme_hits", "edges", "actors", "events")
#: Names that meant a table or a period before the grammar (and must not come back).
RETIRED = ("hits", "freq")
ANALYSIS_MODULES = (
    "diplolib.actors.counts",
    "diplolib.comention",
    "diplolib.comention.counts",
    "diplolib.themes",
    "diplolib.topics",
)


def _public_functions():
    seen = {}
    for name in ANALYSIS_MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            fn = getattr(module, attr)
            if inspect.isfunction(fn) or inspect.ismethod(fn):
                seen[f"{fn.__module__}.{fn.__name__}"] = fn
            elif inspect.isclass(fn):
                for meth in ("fit", "transform"):
                    if hasattr(fn, meth):
                        seen[f"{fn.__module__}.{fn.__name__}.{meth}"] = getattr(fn, meth)
    return sorted(seen.items())


FUNCTIONS = _public_functions()


def test_the_sweep_sees_the_analysis_functions():
    names = {n.rsplit(".", 1)[-1] for n, _ in FUNCTIONS}
    assert {"actor_counts", "co_mentions", "theme_prevalence", "theme_actor_crosstab", "topics_over_time",
            "evidence", "compare", "fit"} <= names


@pytest.mark.parametrize("name, fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_primary_table_first_the_others_by_keyword(name, fn):
    params = [p for p in inspect.signature(fn).parameters.values() if p.name not in ("self", "cls")]
    assert not [p.name for p in params if p.name in RETIRED], f"{name}: use theme_hits= and period="
    for p in params[1:]:
        if p.name in TABLES:
            assert p.kind is p.KEYWORD_ONLY, f"{name}: the table {p.name!r} must be passed by keyword"
    if "period" in (p.name for p in params):
        default = inspect.signature(fn).parameters["period"].default
        assert default is None or default in PERIODS, f"{name}: period= takes one of {PERIODS}"


# ---------------------------------------------------------------------------------------------- one period rule
TEXT = "Russia and Syria discussed the ceasefire. Russia and Syria agreed on humanitarian aid."


@pytest.fixture(scope="module")
def damascus():
    """Four articles around a month and quarter boundary, stored in Damascus time (UTC+2 or +3)."""
    stamps = ["2016-03-31 23:30", "2016-04-01 00:30", "2016-04-15 12:00", "2016-06-30 23:50"]
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(4)],
        "source": ["sana", "sana", "tass", "tass"],
        "lang": "en",
        "title": ["Talks", "Aid", "Talks", "Aid"],
        "text": [TEXT, TEXT.replace("ceasefire", "truce"), TEXT, TEXT.replace("aid", "convoys")],
        "published": pd.to_datetime(stamps).tz_localize("Asia/Damascus"),
    })
    spans = [(0, 6, "RUS", 0), (11, 16, "SYR", 0), (42, 48, "RUS", 1), (53, 58, "SYR", 1)]
    mentions = pd.DataFrame([{"article_id": a, "actor_id": actor, "start": s, "end": e, "sentence": k,
                              "paragraph": 0, "surface": TEXT[s:e]}
                             for a in articles["article_id"] for s, e, actor, k in spans])
    hits = pd.DataFrame({"article_id": articles["article_id"], "theme": "talks", "parent": "diplomacy",
                         "sentence": 0, "start": 30, "end": 39})
    return articles, mentions, hits


def _label(stamp: pd.Timestamp, period: str) -> str:
    return str(pd.Period(stamp.tz_localize(None), {"W": "W-SUN"}.get(period, period)))


def _period_of_each_article(table: pd.DataFrame) -> dict[str, str]:
    pairs = table[["doc", "period"]].drop_duplicates()
    assert not pairs["doc"].duplicated().any()
    return dict(zip(pairs["doc"], pairs["period"], strict=True))


@pytest.mark.parametrize("period", PERIODS)
def test_every_function_cuts_periods_alike_in_the_stored_time_zone(damascus, period):
    articles, mentions, hits = damascus
    expected = {a: _label(t, period) for a, t in zip(articles["article_id"], articles["published"], strict=True)}
    articles = articles.assign(doc=articles["article_id"])  # one group per article
    counts = actor_counts(mentions, articles=articles, by="doc", period=period)
    edges = co_mentions(mentions, articles=articles, window="article", by="doc", period=period)
    prevalence = theme_prevalence(hits, articles=articles, by="doc", period=period)
    prevalence = prevalence[prevalence["n_units"] > 0]
    model = fit_topics(articles, n_topics=2, min_df=1)
    trends = topics_over_time(model, articles=articles, period=period, by="doc")
    for table in (counts, edges, prevalence, trends):
        assert str(table["period"].dtype) == "string"
        assert _period_of_each_article(table) == expected
    utc = {a: _label(t.tz_convert("UTC"), period) for a, t in zip(articles["article_id"], articles["published"],
                                                                 strict=True)}
    if period in ("D", "M", "Q"):  # in UTC, 00:30 on 1 April in Damascus is still 31 March: the old rule differed
        assert utc["a1"] != expected["a1"]


@pytest.mark.parametrize("bad", ["quarter", "H", "2Q"])
def test_one_allowed_set_of_periods(damascus, bad):
    articles, mentions, hits = damascus
    model = fit_topics(articles, n_topics=2, min_df=1)
    calls = [lambda: actor_counts(mentions, articles=articles, period=bad),
             lambda: co_mentions(mentions, articles=articles, period=bad),
             lambda: theme_prevalence(hits, articles=articles, period=bad),
             lambda: topics_over_time(model, period=bad)]
    for call in calls:
        with pytest.raises(ValueError, match=rf"period={bad!r} is not one of \['D', 'W', 'M', 'Q', 'Y'\]"):
            call()


def test_co_mentions_takes_article_columns_from_articles(damascus):
    articles, mentions, _ = damascus
    joined = mentions.merge(articles[["article_id", "source", "published"]], on="article_id")
    pd.testing.assert_frame_equal(co_mentions(mentions, articles=articles, by="source", period="M"),
                                  co_mentions(joined, by="source", period="M"))
    with pytest.raises(ValueError, match=r"articles lacks column\(s\) \['outlet'\]"):
        co_mentions(mentions, articles=articles, by="outlet")


def test_old_positional_calls_still_work_with_a_warning(damascus):
    articles, mentions, hits = damascus
    with pytest.warns(DeprecationWarning, match="pass articles= by keyword"):
        old = actor_counts(mentions, articles, by="source")
    pd.testing.assert_frame_equal(old, actor_counts(mentions, articles=articles, by="source"))
    with pytest.warns(DeprecationWarning, match="pass articles= by keyword"):
        old = theme_prevalence(hits, articles, by="source")
    pd.testing.assert_frame_equal(old, theme_prevalence(hits, articles=articles, by="source"))
    model = fit_topics(articles, n_topics=2, min_df=1)
    with pytest.warns(DeprecationWarning, match="the freq= parameter is now period="):
        old = topics_over_time(model, freq="Q")
    pd.testing.assert_frame_equal(old, topics_over_time(model, period="Q"))
