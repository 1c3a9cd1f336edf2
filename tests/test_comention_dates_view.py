"""co_mentions' dates without a converted copy a mention (round 18): a time-zone-aware column in nanoseconds
already holds the UTC integers ``to_ns`` returns, so they are read in place; other columns are converted as before
(the values compared with the conversion in every case)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diplolib.comention.dates import to_ns


def _converted(s: pd.Series) -> np.ndarray:  # the former conversion, kept here as the reference
    if getattr(s.dt, "tz", None) is not None:
        s = s.dt.tz_convert("UTC").dt.tz_localize(None)
    return s.to_numpy(dtype="datetime64[ns]").view(np.int64)


def _utc() -> pd.Series:
    return pd.Series(pd.to_datetime(["2016-01-01T10:00:00", "2020-05-05T00:00:00", None], utc=True)).astype(
        "datetime64[ns, UTC]")


@pytest.mark.parametrize("tz", ["UTC", "Europe/Paris", "Asia/Damascus"])
def test_tz_aware_nanoseconds_are_read_in_place(tz):
    s = _utc().dt.tz_convert(tz)
    got = to_ns(s)
    assert np.shares_memory(got, s.array._ndarray)  # no copy a mention
    np.testing.assert_array_equal(got, _converted(s))
    assert got[2] == np.iinfo(np.int64).min  # NaT


@pytest.mark.parametrize("make", [lambda: _utc().dt.tz_localize(None),            # naive: converted as before
                                  lambda: _utc().astype("datetime64[us, UTC]"),   # microseconds: converted
                                  lambda: _utc().dt.tz_convert("Europe/Paris").astype("datetime64[s, Europe/Paris]")])
def test_other_columns_are_converted_as_before(make):
    s = make()
    got = to_ns(s)
    np.testing.assert_array_equal(got, _converted(s))
    assert got.dtype == np.int64
