"""Held-out theme precision, third round (issue 16): a tune half, then a fresh check half.

kremlin-en, ungdc, wikinews-ar and meae-fr are split in two by a hash of the article id (sib200 by its
``index_id``, so that translations stay together); articles of any earlier judged sample are left out.
84 hits drawn at random (seed 16001) from the *tune* half (0) of the first four were read
(``theme_precision_tune_i16c.csv``) and the misfires became context rules by class; then 164 hits were
drawn afresh (seed 20261204) from the *check* half (1) of the four and of sib200 (French, Arabic), tagged
by the dictionary of commit 293e95e, and read (``theme_precision_check_i16c.csv``): the held-out number.
Offsets only, no text. kremlin-en and ungdc take minutes to load: their parts are marked slow.
"""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import shipped_themes
from theme_readings import DATA, hash_half, load_articles, produced_hits, read_judged

from diplolib.themes.evaluate import precision

FILES = {"tune": DATA / "theme_precision_tune_i16c.csv", "check": DATA / "theme_precision_check_i16c.csv"}
HALF = {"tune": 0, "check": 1}
CORPORA = {"tune": {"kremlin-en", "ungdc", "wikinews-ar", "meae-fr"},
           "check": {"kremlin-en", "ungdc", "wikinews-ar", "meae-fr", "sib200-fr", "sib200-ar"}}
BASES = [pytest.param(b, marks=pytest.mark.slow) if b in ("kremlin-en", "ungdc") else b
         for b in ("kremlin-en", "ungdc", "wikinews-ar", "meae-fr", "sib200")]


def _read(which):
    return read_judged(FILES[which])


def _produced(base, part):
    arts = load_articles(base)
    return arts, produced_hits(arts, part["article_id"])


@pytest.mark.parametrize("which", ["tune", "check"])
def test_files_are_well_formed(which):
    p = _read(which)
    assert len(p) >= (150 if which == "check" else 80) and set(p["corpus"]) == CORPORA[which]
    assert set(p["verdict"]) == {"correct", "incorrect"}
    assert p.loc[p["verdict"] == "incorrect", "note"].notna().all(), "say why a hit was judged wrong"
    assert set(p["theme"]) <= set(shipped_themes().themes["theme"])
    assert {"context", "ctx", "surface", "text"}.isdisjoint(p.columns), "the files must not quote corpus text"
    earlier = pd.concat([pd.read_csv(f, dtype={"article_id": "string"}) for f in DATA.glob("theme_*.csv")
                         if not any(r in f.name for r in ("i16c", "i16d", "i16e", "i16f"))], ignore_index=True)  # read before
    assert not p["article_id"].isin(earlier["article_id"]).any(), "an article of an earlier judged sample"


def test_check_precision_with_wilson_interval():
    p = _read("check")
    row = precision(p.assign(theme="all")).set_index("theme").loc["all"]
    # 137 of 164 when read (0.835, Wilson 95% 0.771-0.884); the 0.92 is not met
    assert row["precision"] >= 0.82
    assert row["ci_low"] < row["precision"] < row["ci_high"]
    news = precision(p[p["corpus"].isin(["kremlin-en", "ungdc", "meae-fr"])].assign(theme="news"))
    assert news["precision"].iloc[0] >= 0.90  # 110 of 120 on the three news and statement corpora


@pytest.mark.parametrize("base", BASES)
def test_halves_and_judged_hits(base):
    """Each sample lies in its half; the hits judged correct are still produced; the tune misfires
    the rules were written for stay gone (the check misfires are kept as read: held out)."""
    for which in ("tune", "check"):
        p = _read(which)
        part = p[p["corpus"].str.startswith(base)]
        if part.empty:
            continue
        arts, produced = _produced(base, part)
        key = pd.Series((arts["index_id"] if base == "sib200" else arts["article_id"]).to_numpy(),
                        index=arts["article_id"].to_numpy())
        assert (key.loc[part["article_id"]].map(hash_half) == HALF[which]).all(), f"{which} sample leaks"
        kept = [(r.article_id, r.theme, r.start, r.end) in produced for r in part.itertuples()]
        right = (part["verdict"] == "correct").to_numpy()
        assert sum(k for k, r in zip(kept, right, strict=True) if r) >= 0.97 * right.sum()
        if which == "tune":
            still = sum(k for k, r in zip(kept, right, strict=True) if not r)
            # 5 of the 18 tune misfires remain (theatre of war, tax mediation, three company deals)
            assert still <= {"kremlin-en": 2, "wikinews-ar": 4}.get(base, 0), f"{still} tune misfires still fire"
