"""The shared table grammar: one period rule, one by rule, column checks that say what to do."""

import inspect

import pandas as pd
import pytest

from diplolib._tables import PERIODS, as_list, check_columns, infer_period, legacy_arguments, period_of, period_start


def test_period_cut_in_the_stored_time_zone_not_utc():
    # 23:30 on 31 March in Damascus is 20:30 UTC: first quarter either way; 00:30 on 1 April is 21:30 UTC
    # on 31 March, which a UTC rule would put in the first quarter.
    s = pd.Series(pd.to_datetime(["2016-03-31 23:30", "2016-04-01 00:30"]).tz_localize("Asia/Damascus"))
    assert period_of(s, "Q").tolist() == ["2016Q1", "2016Q2"]
    assert period_of(s.dt.tz_convert("UTC"), "Q").tolist() == ["2016Q1", "2016Q1"]


@pytest.mark.parametrize("period", PERIODS)
def test_period_labels_are_strings_that_round_trip(period):
    s = pd.Series(pd.to_datetime(["2015-12-31 10:00", "2016-01-04 10:00", None], utc=True))
    labels = period_of(s, period)
    assert str(labels.dtype) == "string"
    assert labels.isna().tolist() == [False, False, True]
    starts = period_start(labels, period)
    assert (starts.iloc[:2] <= s.iloc[:2].dt.tz_localize(None)).all()
    assert starts.isna().iloc[2]


def test_unknown_period_names_the_allowed_values():
    with pytest.raises(ValueError, match=r"period='quarter' is not one of \['D', 'W', 'M', 'Q', 'Y'\]"):
        period_of(pd.Series(pd.to_datetime(["2016-01-01"], utc=True)), "quarter", func="f")


def test_by_and_column_checks():
    assert as_list(None) == [] and as_list("source") == ["source"] and as_list(["a", "b", "a"]) == ["a", "b"]
    with pytest.raises(ValueError, match=r"f: mentions lacks column\(s\) \['actor_id'\].*pass the mentions"):
        check_columns(pd.DataFrame({"article_id": []}), ["article_id", "actor_id"], func="f", name="mentions",
                      fix="pass the mentions table from tag_actors()")
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        check_columns([1, 2], ["x"], func="f", name="articles", fix="load them with load_articles()")


@pytest.mark.parametrize("period", PERIODS)
def test_infer_period_reads_the_labels_back(period):
    s = pd.Series(pd.to_datetime(["2015-12-31 10:00", "2016-02-29 10:00", None], utc=True))
    assert infer_period(period_of(s, period)) == period


def test_infer_period_refuses_other_labels():
    with pytest.raises(ValueError, match="not period_of"):
        infer_period(pd.Series(["2016", "2016Q1"]), func="plot")
    with pytest.raises(ValueError, match="not period_of"):
        infer_period(pd.Series(["March 2016"]))


def _legacy_table(primary, *, articles, by="source", period=None):
    return (primary, articles, by, period)


def test_legacy_arguments_keep_old_calls_for_one_release():
    wrapped = legacy_arguments("articles", renamed={"freq": "period"})(_legacy_table)
    assert wrapped("m", articles="a", period="Q") == ("m", "a", "source", "Q")
    with pytest.warns(DeprecationWarning, match=r"_legacy_table: pass articles= by keyword"):
        assert wrapped("m", "a", by=None) == ("m", "a", None, None)
    with pytest.warns(DeprecationWarning, match=r"the freq= parameter is now period="):
        assert wrapped("m", articles="a", freq="M") == ("m", "a", "source", "M")
    with pytest.raises(TypeError, match="2 positional arguments at most"):
        wrapped("m", "a", "extra")
    with pytest.raises(TypeError, match="multiple values"), pytest.warns(DeprecationWarning):
        wrapped("m", "a", articles="b")
    with pytest.raises(TypeError, match="both freq= and period="), pytest.warns(DeprecationWarning):
        wrapped("m", articles="a", freq="M", period="Q")
    assert str(inspect.signature(wrapped)) == str(inspect.signature(_legacy_table))  # help() shows the new form


def test_spreadsheet_safe_prefixes_formula_cells():
    from diplolib._tables import spreadsheet_safe

    frame = pd.DataFrame({"a": ["=1+1", "+33", "-x", "@SUM(A1)", "\tx", "ok", None], "n": [-1, 2, 3, 4, 5, 6, 7],
                          "s": pd.array(["=cmd", "b", "c", "d", "e", "f", None], dtype="string")})
    before = frame.copy()
    safe = spreadsheet_safe(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert safe["a"].tolist()[:6] == ["'=1+1", "'+33", "'-x", "'@SUM(A1)", "'\tx", "ok"]
    assert safe["a"].isna().tolist()[-1]
    assert safe["n"].tolist() == frame["n"].tolist()
    assert safe.loc[0, "s"] == "'=cmd" and pd.isna(safe.loc[6, "s"])
