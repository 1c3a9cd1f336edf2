"""Held-out theme precision, second round (issue 16): corpora the dictionary was never tuned on.

Articles of re3d, plover-gsr and sib200 (French, Arabic) are split in two by a hash of their id
(sib200 by its ``index_id``, so that translations stay together). 160 hits drawn at random from
the *tune* half were read (``theme_precision_tune_i16b.csv``) and the context rules of the misfires
written by class; then 160 hits drawn afresh from the *check* half, tagged by the final dictionary,
were read (``theme_precision_check_i16b.csv``): that is the held-out number. Offsets only, no text.
"""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import shipped_themes
from theme_readings import DATA, hash_half, load_articles, read_judged

from diplolib.themes import tag_themes
from diplolib.themes.evaluate import precision
from diplolib.themes.evaluate import recall as theme_recall

FILES = {"tune": DATA / "theme_precision_tune_i16b.csv", "check": DATA / "theme_precision_check_i16b.csv"}
CORPORA = {"re3d", "plover-gsr", "sib200-fr", "sib200-ar"}


def _read(which):
    return read_judged(FILES[which])


@pytest.mark.parametrize("which", ["tune", "check"])
def test_files_are_well_formed(which):
    p = _read(which)
    assert len(p) >= 150 and set(p["corpus"]) == CORPORA
    assert set(p["verdict"]) == {"correct", "incorrect"}
    assert p.loc[p["verdict"] == "incorrect", "note"].notna().all(), "say why a hit was judged wrong"
    assert set(p["theme"]) <= set(shipped_themes().themes["theme"])
    assert {"context", "surface", "text"}.isdisjoint(p.columns), "the files must not quote corpus text"


def test_tune_and_check_halves_do_not_share_articles():
    for base in ("re3d", "plover-gsr", "sib200"):
        arts = load_articles(base)
        key = pd.Series((arts["index_id"] if base == "sib200" else arts["article_id"]).to_numpy(),
                        index=arts["article_id"].to_numpy())
        for which, half in (("tune", 0), ("check", 1)):
            ids = _read(which).query("corpus.str.startswith(@base)", engine="python")["article_id"]
            assert (key.loc[ids].map(hash_half) == half).all(), f"{which} sample of {base} leaks into the other half"


def test_check_precision_with_wilson_interval():
    row = precision(_read("check").assign(theme="all")).set_index("theme").loc["all"]
    # 143 of 160 when read (0.894, Wilson 95% 0.836-0.933); the 0.92 is not met
    assert row["precision"] >= 0.88
    assert row["ci_low"] < row["precision"] < row["ci_high"]


@pytest.mark.parametrize("which", ["tune", "check"])
def test_hits_judged_correct_are_still_produced(which):
    p = _read(which)
    kept = total = 0
    for base in ("re3d", "plover-gsr", "sib200"):
        part = p[p["corpus"].str.startswith(base)]
        arts = load_articles(base)
        hits = tag_themes(arts[arts["article_id"].isin(part["article_id"])]).dropna(subset=["theme"])
        produced = set(zip(hits["article_id"], hits["theme"], hits["start"], hits["end"], strict=True))
        right = part[part["verdict"] == "correct"]
        kept += sum((r.article_id, r.theme, r.start, r.end) in produced for r in right.itertuples())
        total += len(right)
    assert kept >= 0.97 * total, f"only {kept}/{total} hits judged correct remain"


def test_tune_misfires_are_gone_by_class():
    """The tune misfires the rules were written for no longer fire (those left are listed in the notes)."""
    p = _read("tune")
    wrong = p[p["verdict"] == "incorrect"]
    still = 0
    for base in ("re3d", "plover-gsr", "sib200"):
        part = wrong[wrong["corpus"].str.startswith(base)]
        arts = load_articles(base)
        hits = tag_themes(arts[arts["article_id"].isin(part["article_id"])]).dropna(subset=["theme"])
        produced = set(zip(hits["article_id"], hits["theme"], hits["start"], hits["end"], strict=True))
        still += sum((r.article_id, r.theme, r.start, r.end) in produced for r in part.itertuples())
    assert still <= 10, f"{still} of {len(wrong)} tune misfires still fire"


def test_recall_on_fresh_sentences_judged_before_tagging():
    """52 sentences of the check halves of plover-gsr and re3d, drawn at random and judged on-theme (80
    sentence-theme pairs) before the tagger was run on them (``theme_recall_i16b.csv``)."""
    gold = pd.read_csv(DATA / "theme_recall_i16b.csv", dtype={"article_id": "string", "theme": "string"})
    assert len(gold.drop_duplicates(["corpus", "article_id", "start"])) >= 50
    assert set(gold["theme"]) <= set(shipped_themes().themes["theme"])
    found, all_hits = [], []
    for base, part in gold.groupby("corpus"):
        arts = load_articles(base)
        assert part["article_id"].isin(arts["article_id"]).all() and (part["article_id"].map(hash_half) == 1).all()
        hits = tag_themes(arts[arts["article_id"].isin(part["article_id"])])
        all_hits.append(hits)
        for r in part.itertuples():
            inside = hits[(hits["article_id"] == r.article_id) & (hits["start"] >= r.start) & (hits["end"] <= r.end)]
            found.append(r.theme in set(inside["theme"].dropna()))
    recall = sum(found) / len(found)
    # the library's recall (a merge, what notebook 02 calls) counts the same passages as this loop
    table = theme_recall(gold, theme_hits=pd.concat(all_hits, ignore_index=True)).set_index("corpus")
    assert table.loc["(all)", "n_found"] == sum(found) and table.loc["(all)", "n_judged"] == len(found)
    # 70 of 80 (0.875) when first run
    assert recall >= 0.85, f"recall {recall:.3f}"
