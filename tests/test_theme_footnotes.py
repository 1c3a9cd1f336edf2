"""Footnote marks glued to a word (issue 16, round 16): "Secrétaire général4" is the Secretary-General.

UN documents keep a footnote's number glued to the word it annotates; the themes' matching form reads one or two
digits after three letters, ending the word, as spaces (``diplolib.themes.footnotes``), with the twins a number
written apart, a code ("G20", "km2") and a longer run of digits, which keep theirs.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes import tag_themes
from diplolib.themes.footnotes import unglue_footnotes
from diplolib.themes.tagging import _tag_themes_exact


@pytest.mark.parametrize(("form", "expected"), [
    ("du secretaire general4;", "du secretaire general ;"),
    ("de la conference12.", "de la conference  ."),
    ("الامين العام4)", "الامين العام )"),
    ("general4\x00suite", "general \x00suite"),
])
def test_a_glued_mark_becomes_spaces(form, expected):
    assert unglue_footnotes(form) == expected


@pytest.mark.parametrize("form", ["resolution 2118 (2013)", "le sommet du g20", "5 km2", "sib200", "juin2015",
                                  "h1n1", "general4a", "abc", ""])
def test_numbers_and_codes_keep_their_digits(form):
    assert unglue_footnotes(form) == form


def test_the_secretary_general_with_a_footnote_is_tagged_on_both_paths():
    arts = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "lang": ["fr", "fr", "en", "fr"],
                         "text": ["Prend note du rapport du Secrétaire général4;",
                                  "Prend note du rapport du Secrétaire général;",
                                  "The G20 summit opened with the report of the Secretary-General12.",
                                  "Le conseil du village a voté la taxe12."]})
    hits = tag_themes(arts)
    got = hits.dropna(subset=["theme"])
    assert set(got.loc[got["article_id"] == "a", "theme"]) == set(got.loc[got["article_id"] == "b", "theme"]) == {"un"}
    assert got.loc[got["article_id"] == "a", "surface"].tolist() == ["Secrétaire général"]  # the mark is no part of it
    assert {"un", "summit"} <= set(got.loc[got["article_id"] == "c", "theme"])
    assert got.loc[got["article_id"] == "d", "theme"].empty
    pd.testing.assert_frame_equal(hits, _tag_themes_exact(arts), check_exact=True)
