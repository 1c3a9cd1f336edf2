"""Held-out theme precision, tenth round (issue 16): a fresh reading of text never drawn before.

155 hits drawn at random (seed 20261219; one hit per article, articles of no earlier ``theme_precision*.csv`` file
nor of the seventh- and eighth-round tune draws; a UNPC triple read in any language left out in all three) from
kremlin-en (30), wh-readouts (25), ungdc (25), fa-kes (25) and the UNPC check half in English (15), French (20) and
Arabic (15; ``unpc-<triple id>-<lang>``), tagged by the dictionary of commit 3744acc (no document body given) and read
before any change: 142/155 (``theme_precision_check_s9.csv``; offsets only, no text). Not tuned on.
"""

from __future__ import annotations

import pytest
from suite_cache import shipped_themes
from theme_readings import DATA, assert_read_as, hash_half, read_before, read_judged, right_hits_missing

CHECK = DATA / "theme_precision_check_s9.csv"
# as read: (judged, correct) per language and per corpus
READ = {"en": (120, 109), "fr": (20, 18), "ar": (15, 15)}
READ_CORPUS = {"kremlin-en": (30, 28), "wh-readouts": (25, 18), "ungdc": (25, 25), "fa-kes": (25, 25),
               "unpc-en": (15, 13), "unpc-fr": (20, 18), "unpc-ar": (15, 15)}
SLOW = {"kremlin-en", "wh-readouts", "ungdc", "fa-kes"}


def test_file_is_well_formed_fresh_and_read_as_documented():
    judged = read_judged(CHECK, empty_notes=True)
    assert set(judged["verdict"]) == {"correct", "incorrect"}
    assert (judged.loc[judged["verdict"] == "incorrect", "note"].str.len() > 0).all(), "say why a hit was judged wrong"
    assert {"context", "ctx", "surface", "text"}.isdisjoint(judged.columns), "the file must not quote corpus text"
    assert not judged["article_id"].duplicated().any(), "one hit per article"
    assert set(judged["theme"]) <= set(shipped_themes().themes["theme"])
    ids = read_before(CHECK)
    assert not set(judged["article_id"]) & ids, "an article read before was drawn again"
    unpc = judged.loc[judged["corpus"].str.startswith("unpc-"), "article_id"].str.rsplit("-", n=1).str[0]
    assert (unpc.str.removeprefix("unpc-").map(hash_half) == 1).all(), "a sentence of the tune half"
    per = assert_read_as(judged, READ, READ_CORPUS)
    assert per.loc["(all)", "n_judged"] >= 150 and per.loc["(all)", "n_correct"] == 142


@pytest.mark.parametrize("corpus", [pytest.param(c, marks=pytest.mark.slow) if c in SLOW else c for c in READ_CORPUS])
def test_right_hits_still_produced(corpus):
    """The hits read right are what the tagger gives now (a later rule may drop a misfire, never a right hit)."""
    part = read_judged(CHECK, empty_notes=True, amended=True)
    part = part[part["corpus"] == corpus]
    missing = right_hits_missing(part, corpus)
    assert not missing, f"{corpus}: right hits no longer produced: {missing}"
    assert len(part) == READ_CORPUS[corpus][0]
