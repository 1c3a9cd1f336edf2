"""Held-out theme precision, fourth round (issue 16): corpora not tuned on in this round.

Tuned on this round (``theme_precision_tune_i16d.csv``): sib200 (French, Arabic), wikinews-fr, wikinews-ar, meae-fr and
fa-kes, split in two by a hash of the article id salted ``s3`` (sib200 by its ``index_id``, so that translations stay
together). A first reading of hits drawn from the halves 0 gave the named neighbour lists (sport, tourism, culture,
illness, accident) and rules by class; a second reading, of hits drawn from the halves 1, showed where general text
still fails (0.64: storms, stampedes, tourists, dead cells...) and gave a second set of rules: both readings are tune
data now. Held out: 160 hits drawn (seed 20261205) from four corpora this round did not tune on -- wh-readouts,
re3d, plover-gsr and kremlin-en, articles of every earlier judged sample left out -- tagged by the dictionary of
commit 9aaf5b5 and read (``theme_precision_check_i16d.csv``). Offsets only, no text. kremlin-en takes minutes to
load: its part is marked slow.
"""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import shipped_themes
from theme_readings import DATA, hash_half, load_articles, produced_hits, read_judged

from diplolib.themes.evaluate import precision

FILES = {"tune": DATA / "theme_precision_tune_i16d.csv", "check": DATA / "theme_precision_check_i16d.csv"}
TUNED = {"sib200-fr", "sib200-ar", "wikinews-fr", "wikinews-ar", "meae-fr", "fa-kes"}
CHECK = {"wh-readouts", "re3d", "plover-gsr", "kremlin-en"}
CHECK_BASES = [pytest.param(b, marks=pytest.mark.slow) if b == "kremlin-en" else b for b in sorted(CHECK)]


def _read(which):
    return read_judged(FILES[which])


def _half(value) -> int:
    return hash_half(value, salt="s3")


def _produced(arts, part):
    return produced_hits(arts, part["article_id"])


@pytest.mark.parametrize("which", ["tune", "check"])
def test_files_are_well_formed(which):
    p = _read(which)
    assert len(p) >= 150 and set(p["corpus"]) == (CHECK if which == "check" else TUNED)
    assert set(p["verdict"]) == {"correct", "incorrect"}
    assert p.loc[p["verdict"] == "incorrect", "note"].notna().all(), "say why a hit was judged wrong"
    assert set(p["theme"]) <= set(shipped_themes().themes["theme"])
    assert {"context", "ctx", "surface", "text"}.isdisjoint(p.columns), "the files must not quote corpus text"
    if which == "check":
        earlier = pd.concat([pd.read_csv(f, dtype={"article_id": "string"}) for f in DATA.glob("theme_*.csv")
                             if not any(r in f.name for r in ("i16d", "i16e", "i16f"))], ignore_index=True)  # read before (later rounds left out)
        assert not p["article_id"].isin(earlier["article_id"]).any(), "an article of an earlier judged sample"


def test_check_corpora_were_not_tuned_on():
    assert set(_read("check")["corpus"]).isdisjoint(_read("tune")["corpus"])


def test_check_precision_with_wilson_interval():
    p = _read("check")
    row = precision(p.assign(theme="all")).set_index("theme").loc["all"]
    # 150 of 160 when read (0.9375, Wilson 95% 0.888-0.966)
    assert row["precision"] >= 0.92
    assert row["ci_low"] < row["precision"] < row["ci_high"]
    per = p.groupby("corpus")["verdict"].apply(lambda v: (v == "correct").mean())
    assert (per >= 0.9).all(), per  # wh-readouts 0.90, re3d 0.95, plover-gsr 0.975, kremlin-en 0.925


@pytest.mark.parametrize("base", CHECK_BASES)
def test_hits_judged_correct_are_still_produced(base):
    part = _read("check").query("corpus == @base")
    produced = _produced(load_articles(base), part)
    right = part[part["verdict"] == "correct"]
    kept = sum((r.article_id, r.theme, r.start, r.end) in produced for r in right.itertuples())
    assert kept >= 0.97 * len(right), f"only {kept}/{len(right)} hits judged correct remain"


@pytest.mark.parametrize("base", sorted(TUNED))
def test_tune_halves_and_misfires(base):
    """The first reading lies in the halves 0, the second in the halves 1; the hits judged correct are still
    produced, and most tune misfires the rules were written for are gone (those left are cross-sentence or
    one-off: a storm named in the sentence before, a joke name, an errand at a consulate)."""
    part = _read("tune").query("corpus == @base")
    arts = load_articles(base)
    key = pd.Series((arts["index_id"] if base.startswith("sib200") else arts["article_id"]).to_numpy(),
                    index=arts["article_id"].to_numpy())
    half = part["reading"].str.startswith("second").astype(int).to_numpy()
    assert (key.loc[part["article_id"]].map(_half).to_numpy() == half).all(), "a reading outside its half"
    produced = _produced(arts, part)
    kept = [(r.article_id, r.theme, r.start, r.end) in produced for r in part.itertuples()]
    right = (part["verdict"] == "correct").to_numpy()
    assert sum(k for k, r in zip(kept, right, strict=True) if r) >= 0.97 * right.sum()
    still = sum(k for k, r in zip(kept, right, strict=True) if not r)
    limit = {"sib200-fr": 4, "sib200-ar": 5, "wikinews-fr": 6, "wikinews-ar": 5, "meae-fr": 2}
    assert still <= limit.get(base, 0), f"{still} of {int((~right).sum())} tune misfires still fire"
