"""Held-out theme precision, ninth round (issue 16): a fresh reading of text never drawn before.

152 hits drawn at random (seed 20261216; one hit per article, articles of no earlier ``theme_precision*.csv`` file
nor of this round's kremlin-en/ungdc tune draw) from kremlin-en (40), wh-readouts (22) and the UNPC check half in
English (30, never drawn before), French (30) and Arabic (30; ``unpc-<triple id>-<lang>``), tagged by the dictionary of
commit 4b0aab3 (no document body given) and read before any change: 134/152 (``theme_precision_check_s8.csv``;
offsets only, no text). Not tuned on.
"""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import shipped_themes
from theme_readings import DATA, hash_half, load_articles, produced_hits, read_judged

from diplolib.themes.evaluate import precision

CHECK = DATA / "theme_precision_check_s8.csv"
# as read: (judged, correct) per language and per corpus
READ = {"en": (92, 79), "fr": (30, 28), "ar": (30, 27)}
READ_CORPUS = {"kremlin-en": (40, 34), "wh-readouts": (22, 15), "unpc-en": (30, 30), "unpc-fr": (30, 28),
               "unpc-ar": (30, 27)}
SLOW = {"kremlin-en", "wh-readouts"}


def _lang(corpus: pd.Series) -> pd.Series:
    return corpus.map(lambda c: c.rsplit("-", 1)[-1] if c.startswith("unpc-") else "en")


def test_file_is_well_formed_fresh_and_read_as_documented():
    judged = read_judged(CHECK, empty_notes=True)
    assert set(judged["verdict"]) == {"correct", "incorrect"}
    assert (judged.loc[judged["verdict"] == "incorrect", "note"].str.len() > 0).all(), "say why a hit was judged wrong"
    assert {"context", "ctx", "surface", "text"}.isdisjoint(judged.columns), "the file must not quote corpus text"
    assert not judged["article_id"].duplicated().any(), "one hit per article"
    assert set(judged["theme"]) <= set(shipped_themes().themes["theme"])
    earlier = pd.concat([read_judged(f, empty_notes=True) for f in DATA.glob("theme_precision*.csv") if f != CHECK],
                        ignore_index=True)
    ids = set(earlier["article_id"])
    ids |= {f"unpc-{i}-{lang}" for i in ids for lang in ("fr", "ar", "en")}  # the fifth round keyed UNPC by triple id
    assert not set(judged["article_id"]) & ids, "an article read before was drawn again"
    unpc = judged.loc[judged["corpus"].str.startswith("unpc-"), "article_id"].str.rsplit("-", n=1).str[0]
    assert (unpc.str.removeprefix("unpc-").map(hash_half) == 1).all(), "a sentence of the tune half"
    per = precision(judged.assign(theme=_lang(judged["corpus"]))).set_index("theme")
    for lang, (n, ok) in READ.items():
        assert (per.loc[lang, "n_judged"], per.loc[lang, "n_correct"]) == (n, ok)
        assert per.loc[lang, "ci_low"] < per.loc[lang, "precision"] <= per.loc[lang, "ci_high"]
    per = precision(judged.assign(theme=judged["corpus"])).set_index("theme")
    for corpus, (n, ok) in READ_CORPUS.items():
        assert (per.loc[corpus, "n_judged"], per.loc[corpus, "n_correct"]) == (n, ok)
    assert per.loc["(all)", "n_judged"] >= 150 and per.loc["(all)", "n_correct"] == 134


@pytest.mark.parametrize("corpus", [pytest.param(c, marks=pytest.mark.slow) if c in SLOW else c for c in READ_CORPUS])
def test_right_hits_still_produced(corpus):
    """The hits read right are what the tagger gives now (a later rule may drop a misfire, never a right hit)."""
    part = read_judged(CHECK, empty_notes=True)
    part = part[part["corpus"] == corpus]
    produced = produced_hits(load_articles(corpus, part["article_id"]))
    missing = [(r.article_id, r.theme) for r in part.itertuples()
               if r.verdict == "correct" and (r.article_id, r.theme, r.start, r.end) not in produced]
    assert not missing, f"{corpus}: right hits no longer produced: {missing}"
    assert len(part) == READ_CORPUS[corpus][0]
