"""Held-out theme precision, fifth round (issue 16): a fresh reading in French, Arabic and English.

This round tuned on the UNPC tune half only (cross-language agreement). Then 150 hits were drawn at random
(seed 20261207, one hit per article while the corpus had articles left, articles no earlier sample read first,
no hit judged in an earlier file) from six corpora not tuned on this round -- wikinews-fr, meae-fr, wikinews-ar, sib200 (French,
Arabic) and fa-kes -- tagged by the dictionary of commit 711313d and read (``theme_precision_check_i16e.csv``):
117/150. The misfires were then turned into rules by class, so the file is tune data from now on: the tests
below check that the hits judged right are still produced and that most misfires are gone. Offsets only, no
text. Each corpus is tagged on its judged articles only (a few dozen texts); loading fa-kes takes most of half a
minute on the shared machine, so its part is marked slow.

A second reading, after those rules (commit 55f36c6): 60 hits of the UNPC *check* half (30 French, 30 Arabic
sentences, one hit each, seed 20261207), text whose other half this round tuned the cross-language cues on and
that no precision reading had used: 56/60 (``theme_precision_check_i16e_unpc.csv``).
"""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import shipped_themes
from theme_readings import DATA, hash_half, load_articles, produced_hits, read_judged

from diplolib import datasets
from diplolib.themes.evaluate import precision

FILE = DATA / "theme_precision_check_i16e.csv"
UNPC_FILE = DATA / "theme_precision_check_i16e_unpc.csv"
CORPORA = {"wikinews-fr", "meae-fr", "wikinews-ar", "sib200-fr", "sib200-ar", "fa-kes"}
# misfires left after the rules, by corpus: their cue of the other sense stands in the sentence before (an
# avalanche, a film saga, a fight for women's rights, a footballer's club) or nowhere the dictionary can see (a
# Moroccan group's secretary-general, a Wikipedia edit war, a survey called استفتاء, a blasphemy dispute)
LEFT = {"wikinews-fr": 5, "meae-fr": 2, "wikinews-ar": 7, "sib200-fr": 1, "sib200-ar": 0, "fa-kes": 0}


@pytest.fixture(scope="module")
def judged():
    return read_judged(FILE)


def test_file_is_well_formed_and_fresh(judged):
    assert len(judged) >= 150 and set(judged["corpus"]) == CORPORA
    assert set(judged["verdict"]) == {"correct", "incorrect"}
    assert judged.loc[judged["verdict"] == "incorrect", "note"].notna().all(), "say why a hit was judged wrong"
    assert set(judged["theme"]) <= set(shipped_themes().themes["theme"])
    assert {"context", "ctx", "surface", "text"}.isdisjoint(judged.columns), "the file must not quote corpus text"
    assert judged.groupby("article_id").size().max() <= 2
    earlier = pd.concat([pd.read_csv(f, dtype={"article_id": "string"}) for f in DATA.glob("theme_precision*.csv")
                         if f != FILE], ignore_index=True)
    both = judged.merge(earlier[["article_id", "start", "end"]], on="article_id", suffixes=("", "_old"))
    overlap = (both["start_old"] < both["end"]) & (both["start"] < both["end_old"])
    assert not overlap.any(), "a hit judged in an earlier sample was drawn again"


def test_precision_as_read_per_language(judged):
    lang = judged["corpus"].str.rsplit("-", n=1).str[-1].replace({"kes": "en"})
    per = precision(judged.assign(theme=lang)).set_index("theme")
    assert set(per.index) == {"fr", "ar", "en", "(all)"}
    assert (per["ci_low"] < per["precision"]).all() and (per["precision"] < per["ci_high"]).all()
    # as read: the English news of the Syrian war far above French and Arabic general news
    assert per.loc["en", "precision"] > per.loc["fr", "precision"] > per.loc["ar", "precision"]


@pytest.mark.parametrize("corpus", [pytest.param(c, marks=pytest.mark.slow) if c == "fa-kes" else c for c in sorted(CORPORA)])
def test_right_hits_kept_and_misfires_gone(judged, corpus):
    part = judged[judged["corpus"] == corpus]
    produced = produced_hits(load_articles(corpus, part["article_id"]))
    kept = [(r.article_id, r.theme, r.start, r.end) in produced for r in part.itertuples()]
    right = (part["verdict"] == "correct").to_numpy()
    assert sum(k for k, r in zip(kept, right, strict=True) if r) >= 0.97 * right.sum()
    still = sum(k for k, r in zip(kept, right, strict=True) if not r)
    assert still <= LEFT[corpus], f"{still} of {int((~right).sum())} misfires still fire"


def test_unpc_check_half_reading():
    """Only check-half sentences were read; the hits judged right are still produced; of the four misfires, the
    Security Council's "déclarations présidentielles" was fixed by class afterwards."""
    part = read_judged(UNPC_FILE)
    assert len(part) == 60 and set(part["corpus"]) == {"unpc-check-fr", "unpc-check-ar"}
    assert part.loc[part["verdict"] == "incorrect", "note"].notna().all()
    half = part["article_id"].map(hash_half)
    assert (half == 1).all(), "a sentence of the tune half"
    triples = datasets.parallel_sentences("unpc-ar-fr-en")
    triples = triples[triples["id"].astype(str).isin(part["article_id"])]
    kept, wrong_kept = 0, 0
    for corpus, rows in part.groupby("corpus"):
        lang = corpus.rsplit("-", 1)[1]
        arts = pd.DataFrame({"article_id": triples["id"].astype(str), "lang": lang, "text": triples[lang]})
        produced = produced_hits(arts)
        for r in rows.itertuples():
            there = (r.article_id, r.theme, r.start, r.end) in produced
            kept += there and r.verdict == "correct"
            wrong_kept += there and r.verdict == "incorrect"
    assert kept == (part["verdict"] == "correct").sum()
    assert wrong_kept <= 3
