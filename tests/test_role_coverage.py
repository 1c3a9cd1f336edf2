"""The share of days a state's office has a recorded holder (:func:`diplolib.actors.coverage.role_coverage`), and the
round-18 foreign and defence ministers (s18-fm)."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.coverage import role_coverage


def test_role_coverage_counts_days_with_a_holder_and_lists_the_spans_without():
    # X: a term from before the period to 2002, an overlapping one 2001-07..2003-01 (days counted once), a gap to a
    # term given to the year (2004 = 2004-01-01) that ends before the period does; V: an open term (empty end) from
    # 2001-07-01; Y: a term that starts on the (exclusive) last day; Z: no term; W: another office only
    roles = pd.DataFrame({
        "actor_id": ["a", "b", "c", "d", "e", "f"],
        "role": ["foreign_minister"] * 4 + ["foreign_minister", "defence_minister"],
        "of": ["X", "X", "X", "X", "Y", "W"],
        "start": ["1998-05-01", "2001-07", "2004", "2001-07-01", "2010-01-01", "2000-01-01"],
        "end": ["2002-01-01", "2003-01", "2009-01-01", "", "2010-01-11", ""]})
    roles.loc[3, "of"] = "V"
    c = role_coverage(roles, role="foreign_minister", states=["X", "Y", "Z", "V", "W"], first="2000-01-01",
                      last="2010-01-01").set_index("of")
    days = (pd.Timestamp("2010-01-01") - pd.Timestamp("2000-01-01")).days
    assert (c["days"] == days).all()
    assert c.loc["X", "uncovered"] == "2003-01-01..2004-01-01; 2009-01-01..2010-01-01"
    assert c.loc["X", "covered"] == days - 365 - 365
    assert c.loc["V", "uncovered"] == "2000-01-01..2001-07-01"
    assert c.loc["V", "covered"] == days - 547
    for s in ("Y", "Z", "W"):
        assert c.loc[s, "covered"] == 0 and c.loc[s, "uncovered"] == "2000-01-01..2010-01-01"
    assert c.loc["V", "share"] == pytest.approx((days - 547) / days)
    # sorted by share: the never-covered first
    assert list(c.index[:3]) == ["W", "Y", "Z"]
    # a state covered on every day has no span
    full = role_coverage(roles, role="defence_minister", states=["W"], first="2000-01-01", last="2010-01-01")
    assert full.loc[0, "share"] == 1.0 and full.loc[0, "uncovered"] == ""
    with pytest.raises(ValueError, match="after first"):
        role_coverage(roles, role="foreign_minister", states=["X"], first="2010-01-01", last="2000-01-01")
